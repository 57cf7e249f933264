import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';
import { attrMap, read } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import type { QdiscInfo } from './kind.js';
import { PSCHED_CLOCK, TIME_UNITS_PER_SEC, rateTable, tick2time, timeTooBig, xmittime, type TcClock } from './tc-core.js';
import { formatRate, formatTime } from '../../inet/units.js';
import { NetlinkDecodeError } from '../../netlink/decode-error.js';

/**
 * The token bucket filter (sch_tbf): a rate limit with a bucket of `burst`
 * bytes and a queue of `limit` bytes. Encoded exactly as Debian's
 * `tc qdisc add … tbf rate R burst B (latency L | limit N)` (iproute2 6.1,
 * tc/q_tbf.c): TCA_OPTIONS holds TCA_TBF_PARMS, TCA_TBF_BURST, TCA_TBF_RATE64
 * when the rate needs 64 bits, then the 1024-byte TCA_TBF_RTAB.
 */

/** enum in <linux/pkt_sched.h> */
export const TCA_TBF = {
  TCA_TBF_UNSPEC: 0,
  TCA_TBF_PARMS: 1,
  TCA_TBF_RTAB: 2,
  TCA_TBF_PTAB: 3,
  TCA_TBF_RATE64: 4,
  TCA_TBF_PRATE64: 5,
  TCA_TBF_BURST: 6,
  TCA_TBF_PBURST: 7,
  TCA_TBF_PAD: 8,
} as const;

export const TC_LINKLAYER = {
  TC_LINKLAYER_UNAWARE: 0,
  TC_LINKLAYER_ETHERNET: 1,
  TC_LINKLAYER_ATM: 2,
} as const;

/** struct tc_ratespec is 12 bytes; struct tc_tbf_qopt is two of them and three u32. */
export const TC_RATESPEC_LEN = 12;
export const TC_TBF_QOPT_LEN = 36;
/** TC_RTAB_SIZE */
export const TC_RTAB_SIZE = 1024;

/** tbf's options, in the kernel's units. */
export interface TbfOptions {
  /** Bytes per second, as the kernel and `tc -j` count (10mbit is 1_250_000). */
  readonly rate: number;
  /** Size of the token bucket in bytes (tc's burst/buffer/maxburst). */
  readonly burst: number;
  /** Bytes that may wait in the queue. */
  readonly limit: number;
}

/** The same, with the queue given as the longest wait (µs), as with `tc … latency 50ms`. */
export interface TbfLatencyOptions {
  readonly rate: number;
  readonly burst: number;
  readonly latency: number;
}

const U32_MAX = 0xffff_ffff;
/** The largest size in tc's rate table: 256 cells of 8 bytes (mtu 2047, cell_log 3). */
const RTAB_LARGEST_CELL = 2048;

/** tc's limit for a latency: rate × latency + burst, in double, truncated. */
export function tbfLimitForLatency(rate: number, burst: number, latencyUs: number): number {
  const limit = Math.trunc((rate * latencyUs) / TIME_UNITS_PER_SEC + burst);
  if (limit > U32_MAX) throw new RangeError(`tbf queue of ${formatTime(latencyUs)} at ${formatRate(rate * 8)} is ${limit} bytes, more than 32 bits hold`);
  return limit;
}

function checkWhole(v: number, what: string, max: number): void {
  if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`tbf ${what} must be a whole number from 1 to ${max}, got ${v}`);
}

function writeRatespec(w: Writer, rate: number, cellLog: number): void {
  // cell_log, linklayer, overhead, cell_align (-1: tc's "due to the sz calc"), mpu, rate
  w.u8(cellLog).u8(TC_LINKLAYER.TC_LINKLAYER_ETHERNET).u16(0);
  w.u16(0xffff).u16(0).u32(rate);
}

/** Check the options and compute the limit from a latency (RangeError when out of range). */
export function resolveTbf(o: TbfOptions | TbfLatencyOptions, clock: TcClock = PSCHED_CLOCK): TbfOptions {
  checkWhole(o.rate, 'rate (bytes/s)', Number.MAX_SAFE_INTEGER);
  checkWhole(o.burst, 'burst (bytes)', U32_MAX);
  const limit = 'limit' in o ? o.limit : tbfLimitForLatency(o.rate, o.burst, o.latency);
  checkWhole(limit, 'limit (bytes)', U32_MAX);
  // tc's rate table and bucket are 32-bit tick counts (64 ns): about 274 s.
  const rate32 = Math.min(o.rate, U32_MAX);
  if (timeTooBig(TIME_UNITS_PER_SEC * (RTAB_LARGEST_CELL / rate32), clock)) {
    throw new RangeError(`tbf rate of ${o.rate} bytes/s is too slow: a 2048-byte packet would take longer than the scheduler's 274 s`);
  }
  if (timeTooBig(TIME_UNITS_PER_SEC * (o.burst / rate32), clock)) {
    throw new RangeError(`tbf burst of ${o.burst} bytes takes longer than the scheduler's 274 s to fill at ${o.rate} bytes/s: lower the burst or raise the rate`);
  }
  return { rate: o.rate, burst: o.burst, limit };
}

/** TCA_OPTIONS payload for tbf, byte for byte as tc 6.1 writes it. */
export function writeTbfOptions(w: Writer, options: TbfOptions | TbfLatencyOptions, clock: TcClock = PSCHED_CLOCK): void {
  const o = resolveTbf(options, clock);
  // A rate of 2^32 bytes/s or more travels in TCA_TBF_RATE64; the 32-bit
  // field then says ~0, and tc computes the table and buffer from that ~0.
  const rate32 = o.rate >= 2 ** 32 ? U32_MAX : o.rate;
  const rtab = rateTable(rate32, 0, 0, -1, clock);
  w.attr(TCA_TBF.TCA_TBF_PARMS, () => {
    writeRatespec(w, rate32, rtab.cellLog);
    w.zeros(TC_RATESPEC_LEN); // no peakrate
    w.u32(o.limit).u32(xmittime(rate32, o.burst, clock)).u32(0);
  });
  w.attrU32(TCA_TBF.TCA_TBF_BURST, o.burst);
  if (o.rate >= 2 ** 32) w.attr(TCA_TBF.TCA_TBF_RATE64, () => w.u64(BigInt(o.rate)));
  w.attr(TCA_TBF.TCA_TBF_RTAB, () => {
    for (const t of rtab.table) w.u32(t);
  });
}

/** tc arguments for these options: "rate 10mbit burst 5000 latency 50ms". */
export function tbfArgs(o: TbfOptions | TbfLatencyOptions): string {
  const queue = 'limit' in o ? `limit ${o.limit}` : `latency ${formatTime(o.latency)}`;
  return `rate ${formatRate(o.rate * 8)} burst ${o.burst} ${queue}`;
}

/**
 * `tc qdisc add dev DEV … tbf rate R burst B latency L` (or `limit N`).
 * Pass the result to newQdisc().
 */
export function tbf(o: TbfOptions | TbfLatencyOptions, clock: TcClock = PSCHED_CLOCK): QdiscInfo {
  const resolved = resolveTbf(o, clock); // refuse bad options now, not when the request is written
  return { kind: 'tbf', options: (w) => writeTbfOptions(w, resolved, clock), args: tbfArgs(o) };
}

/**
 * Decode tbf's TCA_OPTIONS, from nslab's own request or from a kernel dump.
 * The kernel reports the bucket only as a time (tc_tbf_qopt.buffer, ticks),
 * so without TCA_TBF_BURST the burst is rate × time, rounded to a byte.
 */
export function decodeTbfOptions(data: Uint8Array, clock: TcClock = PSCHED_CLOCK): TbfOptions {
  const a = attrMap(data);
  const parms = a.get(TCA_TBF.TCA_TBF_PARMS);
  if (!parms || parms.length < TC_TBF_QOPT_LEN) throw new NetlinkDecodeError('tbf TCA_OPTIONS', 0, `a ${TC_TBF_QOPT_LEN}-byte TCA_TBF_PARMS`, 'it is missing or short');
  const v = new DataView(parms.buffer, parms.byteOffset, parms.byteLength);
  const rate64 = a.get(TCA_TBF.TCA_TBF_RATE64);
  const rate = rate64 ? Number(read.u64(rate64)) : v.getUint32(8, HOST_LITTLE_ENDIAN);
  const limit = v.getUint32(24, HOST_LITTLE_ENDIAN);
  const bufferTicks = v.getUint32(28, HOST_LITTLE_ENDIAN);
  const burstAttr = a.get(TCA_TBF.TCA_TBF_BURST);
  const burst = burstAttr ? read.u32(burstAttr) : Math.round((rate * tick2time(bufferTicks, clock)) / TIME_UNITS_PER_SEC);
  return { rate, burst, limit };
}

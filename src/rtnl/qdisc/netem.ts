import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';
import { attrMap, read } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import type { QdiscInfo } from './kind.js';
import { PSCHED_CLOCK, percentToU32, tick2time, time2tick, timeTooBig, u32ToPercent, type TcClock } from './tc-core.js';
import { formatPercent, formatTime } from '../../inet/units.js';
import { NetlinkDecodeError } from '../../netlink/decode-error.js';

/**
 * The network emulator (sch_netem): delay with jitter, loss, duplication,
 * reordering and corruption. Encoded as Debian's `tc` (iproute2 6.1,
 * tc/q_netem.c) encodes `tc qdisc add … netem …`: TCA_OPTIONS is not a
 * nest but a struct tc_netem_qopt followed by attributes — TCA_NETEM_CORR
 * when a correlation is given, TCA_NETEM_REORDER, TCA_NETEM_CORRUPT.
 *
 * Times go in scheduler ticks (64 ns, see tc-core.ts), probabilities as u32
 * fractions of 2^32-1. tc 6.1 refuses delays of 2^32 ticks (≈ 274.9 s) or
 * more; nslab then adds TCA_NETEM_LATENCY64 / TCA_NETEM_JITTER64 (ns, read by
 * kernels since 4.15, and sent always by iproute2 ≥ 6.9), which the kernel
 * prefers to the 32-bit fields.
 *
 * One deliberate difference from tc 6.1: tc drops a duplicate correlation
 * given alone (it sends TCA_NETEM_CORR only when a delay, loss, reorder or
 * corrupt correlation is present); nslab sends it whenever any is given.
 */

/** enum in <linux/pkt_sched.h> */
export const TCA_NETEM = {
  TCA_NETEM_UNSPEC: 0,
  TCA_NETEM_CORR: 1,
  TCA_NETEM_DELAY_DIST: 2,
  TCA_NETEM_REORDER: 3,
  TCA_NETEM_CORRUPT: 4,
  TCA_NETEM_LOSS: 5,
  TCA_NETEM_RATE: 6,
  TCA_NETEM_ECN: 7,
  TCA_NETEM_RATE64: 8,
  TCA_NETEM_PAD: 9,
  TCA_NETEM_LATENCY64: 10,
  TCA_NETEM_JITTER64: 11,
  TCA_NETEM_SLOT: 12,
  TCA_NETEM_SLOT_DIST: 13,
} as const;

/** sizeof(struct tc_netem_qopt): latency, limit, loss, gap, duplicate, jitter. */
export const TC_NETEM_QOPT_LEN = 24;
/** tc's default queue: 1000 packets. */
export const NETEM_DEFAULT_LIMIT = 1000;

/** netem's options. Times in microseconds, probabilities in percent. */
export interface NetemOptions {
  /** Packets the queue holds (tc's `limit`; 1000 when unset). */
  readonly limit?: number;
  readonly delay?: number;
  readonly jitter?: number;
  readonly delayCorrelation?: number;
  readonly loss?: number;
  readonly lossCorrelation?: number;
  readonly duplicate?: number;
  readonly duplicateCorrelation?: number;
  /** Packets sent at once (not delayed), which reorders them. Needs a delay. */
  readonly reorder?: number;
  readonly reorderCorrelation?: number;
  /** Reorder every gap-th packet (tc's `gap`; 1 when reorder is set and gap is not). */
  readonly gap?: number;
  readonly corrupt?: number;
  readonly corruptCorrelation?: number;
}

const U32_MAX = 0xffff_ffff;

function checkTime(v: number | undefined, what: string): void {
  if (v !== undefined && !(Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER / 1000)) {
    throw new RangeError(`netem ${what} must be a whole number of microseconds, got ${v}`);
  }
}

function checkPercent(v: number | undefined, what: string): void {
  if (v !== undefined && !(v >= 0 && v <= 100)) throw new RangeError(`netem ${what} must be between 0% and 100%, got ${v}`);
}

/** Refuse what tc refuses (and what the kernel would take but cannot mean). */
export function checkNetem(o: NetemOptions): void {
  checkTime(o.delay, 'delay');
  checkTime(o.jitter, 'jitter');
  for (const k of ['loss', 'duplicate', 'reorder', 'corrupt'] as const) {
    checkPercent(o[k], k);
    checkPercent(o[`${k}Correlation`], `${k} correlation`);
    if (o[`${k}Correlation`] !== undefined && o[k] === undefined) throw new TypeError(`netem ${k} correlation needs a ${k} percentage`);
  }
  checkPercent(o.delayCorrelation, 'delay correlation');
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit >= 0 && o.limit <= U32_MAX)) {
    throw new RangeError(`netem limit must be a whole number of packets, got ${o.limit}`);
  }
  if (o.gap !== undefined && !(Number.isInteger(o.gap) && o.gap >= 0 && o.gap <= U32_MAX)) throw new RangeError(`netem gap must be a whole number, got ${o.gap}`);
  if (o.jitter !== undefined && o.delay === undefined) throw new TypeError('netem jitter needs a delay');
  if (o.delayCorrelation !== undefined && o.jitter === undefined) throw new TypeError('netem delay correlation needs a jitter');
  if (o.reorder && !o.delay) throw new TypeError('netem reorder needs a delay: reordering sends some packets at once and delays the others');
  if (o.gap && !o.reorder) throw new TypeError('netem gap needs a reorder percentage');
}

/** A time in ticks for tc_netem_qopt; 0 when it needs TCA_NETEM_LATENCY64/JITTER64 instead. */
function ticksOrZero(us: number | undefined, clock: TcClock): number {
  if (!us) return 0;
  return timeTooBig(us, clock) ? 0 : time2tick(us, clock);
}

/** TCA_OPTIONS payload for netem, byte for byte as tc 6.1 writes it. */
export function writeNetemOptions(w: Writer, o: NetemOptions, clock: TcClock = PSCHED_CLOCK): void {
  checkNetem(o);
  const pct = (v: number | undefined): number => (v === undefined ? 0 : percentToU32(v));
  // struct tc_netem_qopt
  w.u32(ticksOrZero(o.delay, clock));
  w.u32(o.limit ?? NETEM_DEFAULT_LIMIT);
  w.u32(pct(o.loss));
  w.u32(o.reorder ? (o.gap || 1) : (o.gap ?? 0));
  w.u32(pct(o.duplicate));
  w.u32(ticksOrZero(o.jitter, clock));
  if (o.delay && timeTooBig(o.delay, clock)) w.attr(TCA_NETEM.TCA_NETEM_LATENCY64, () => w.u64(BigInt(o.delay ?? 0) * 1000n));
  if (o.jitter && timeTooBig(o.jitter, clock)) w.attr(TCA_NETEM.TCA_NETEM_JITTER64, () => w.u64(BigInt(o.jitter ?? 0) * 1000n));
  if (o.delayCorrelation !== undefined || o.lossCorrelation !== undefined || o.duplicateCorrelation !== undefined) {
    w.attr(TCA_NETEM.TCA_NETEM_CORR, () => w.u32(pct(o.delayCorrelation)).u32(pct(o.lossCorrelation)).u32(pct(o.duplicateCorrelation)));
  }
  if (o.reorder !== undefined) w.attr(TCA_NETEM.TCA_NETEM_REORDER, () => w.u32(pct(o.reorder)).u32(pct(o.reorderCorrelation)));
  if (o.corrupt !== undefined) w.attr(TCA_NETEM.TCA_NETEM_CORRUPT, () => w.u32(pct(o.corrupt)).u32(pct(o.corruptCorrelation)));
}

/** tc arguments for these options: "delay 50ms 10ms loss 1%". */
export function netemArgs(o: NetemOptions): string {
  const parts: string[] = [];
  const corr = (v: number | undefined): string => (v === undefined ? '' : ` ${formatPercent(v)}`);
  if (o.limit !== undefined) parts.push(`limit ${o.limit}`);
  if (o.delay !== undefined) {
    parts.push(`delay ${formatTime(o.delay)}${o.jitter !== undefined ? ` ${formatTime(o.jitter)}${corr(o.delayCorrelation)}` : ''}`);
  }
  if (o.loss !== undefined) parts.push(`loss ${formatPercent(o.loss)}${corr(o.lossCorrelation)}`);
  if (o.duplicate !== undefined) parts.push(`duplicate ${formatPercent(o.duplicate)}${corr(o.duplicateCorrelation)}`);
  if (o.reorder !== undefined) parts.push(`reorder ${formatPercent(o.reorder)}${corr(o.reorderCorrelation)}`);
  if (o.gap !== undefined) parts.push(`gap ${o.gap}`);
  if (o.corrupt !== undefined) parts.push(`corrupt ${formatPercent(o.corrupt)}${corr(o.corruptCorrelation)}`);
  return parts.join(' ');
}

/** `tc qdisc add dev DEV … netem ARGS`. Pass the result to newQdisc(). */
export function netem(o: NetemOptions, clock: TcClock = PSCHED_CLOCK): QdiscInfo {
  checkNetem(o);
  const frozen = { ...o };
  return { kind: 'netem', options: (w) => writeNetemOptions(w, frozen, clock), args: netemArgs(o) };
}

/**
 * Decode netem's TCA_OPTIONS, from nslab's own request or a kernel dump
 * (which also carries TCA_NETEM_LATENCY64/JITTER64 in ns, preferred here).
 * What the kernel holds comes back: the limit always, everything else only
 * when non-zero; times rounded to the microsecond and percentages to 1e-6 %.
 */
export function decodeNetemOptions(data: Uint8Array, clock: TcClock = PSCHED_CLOCK): NetemOptions {
  if (data.length < TC_NETEM_QOPT_LEN) throw new NetlinkDecodeError('netem TCA_OPTIONS', 0, `${TC_NETEM_QOPT_LEN} bytes (struct tc_netem_qopt)`, `they are ${data.length} bytes`);
  const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u32 = (off: number): number => v.getUint32(off, HOST_LITTLE_ENDIAN);
  const a = attrMap(data.subarray(TC_NETEM_QOPT_LEN));
  const pair = (t: number): [number, number] => {
    const b = a.get(t);
    if (!b || b.length < 8) return [0, 0];
    return [read.u32(b), read.u32(b.subarray(4))];
  };
  const time = (ticks: number, ns64: Uint8Array | undefined): number =>
    ns64 ? Math.round(Number(read.u64(ns64)) / 1000) : Math.round(tick2time(ticks, clock));
  const corr = a.get(TCA_NETEM.TCA_NETEM_CORR);
  const c = corr && corr.length >= 12 ? [read.u32(corr), read.u32(corr.subarray(4)), read.u32(corr.subarray(8))] : [0, 0, 0];
  const [reorder, reorderCorr] = pair(TCA_NETEM.TCA_NETEM_REORDER);
  const [corrupt, corruptCorr] = pair(TCA_NETEM.TCA_NETEM_CORRUPT);
  const fields: Record<string, number> = {
    delay: time(u32(0), a.get(TCA_NETEM.TCA_NETEM_LATENCY64)),
    jitter: time(u32(20), a.get(TCA_NETEM.TCA_NETEM_JITTER64)),
    delayCorrelation: u32ToPercent(c[0] as number),
    loss: u32ToPercent(u32(8)),
    lossCorrelation: u32ToPercent(c[1] as number),
    duplicate: u32ToPercent(u32(16)),
    duplicateCorrelation: u32ToPercent(c[2] as number),
    reorder: u32ToPercent(reorder),
    reorderCorrelation: u32ToPercent(reorderCorr),
    gap: u32(12),
    corrupt: u32ToPercent(corrupt),
    corruptCorrelation: u32ToPercent(corruptCorr),
  };
  const out: Record<string, number> = { limit: u32(4) };
  for (const [k, val] of Object.entries(fields)) if (val !== 0) out[k] = val;
  return out as NetemOptions;
}

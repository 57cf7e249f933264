/**
 * What iproute2's tc/tc_core.c does with times and rates, reproduced number
 * for number so nslab's qdisc messages equal the bytes Debian's `tc` sends.
 *
 * The packet scheduler counts time in "ticks". tc learns their length from
 * /proc/net/psched, four hex words:
 *
 *     t2us us2t clock_res hz        on these machines:
 *     000003e8 00000040 000f4240 3b9aca00
 *
 * t2us = 1000 (NSEC_PER_USEC), us2t = 64 (PSCHED_TICKS2NS(1): a tick is
 * 64 ns, PSCHED_SHIFT 6), clock_res = 1000000, hz = 1e9 (high-resolution
 * timers). tc_core_init() turns that into
 *
 *     clock_factor = clock_res / TIME_UNITS_PER_SEC      = 1
 *     tick_in_usec = t2us / us2t * clock_factor          = 15.625
 *
 * (tc swaps t2us for us2t when clock_res is 1e9, a compatibility hack for
 * old kernels; not the case here.) The kernel has printed these same values
 * since PSCHED_SHIFT became 6 (2.6.31), so nslab uses them as constants;
 * `parsePsched` and `tcClock` exist to check that claim against a running
 * kernel (a unit test reads this machine's /proc/net/psched).
 *
 * C arithmetic matters for byte equality: tc computes in double and converts
 * to `unsigned` (truncation toward zero) at two places, first to whole
 * microseconds, then to ticks. `Math.trunc` at the same two places gives the
 * same numbers.
 */

/** TIME_UNITS_PER_SEC in tc_core.h: tc's times are microseconds. */
export const TIME_UNITS_PER_SEC = 1_000_000;

/** The four numbers of /proc/net/psched. */
export interface Psched {
  readonly t2us: number;
  readonly us2t: number;
  readonly clockRes: number;
  readonly hz: number;
}

/** tc's two conversion factors (tc_core.c statics). */
export interface TcClock {
  readonly tickInUsec: number;
  readonly clockFactor: number;
}

/** What /proc/net/psched reads on the machines nslab was written on. */
export const PSCHED_TEXT = '000003e8 00000040 000f4240 3b9aca00';

/** Parse /proc/net/psched ("%08x%08x%08x%08x"). */
export function parsePsched(text: string): Psched {
  const words = text.trim().split(/\s+/);
  if (words.length < 3 || words.some((w) => !/^[0-9a-fA-F]{1,8}$/.test(w))) {
    throw new TypeError(`'${text.trim()}' is not the contents of /proc/net/psched (three or four hex words)`);
  }
  const [t2us, us2t, clockRes, hz] = words.map((w) => parseInt(w, 16));
  return { t2us: t2us as number, us2t: us2t as number, clockRes: clockRes as number, hz: hz ?? 0 };
}

/** tc_core_init(): the factors tc derives from /proc/net/psched. */
export function tcClock(p: Psched): TcClock {
  const t2us = p.clockRes === 1_000_000_000 ? p.us2t : p.t2us;
  const clockFactor = p.clockRes / TIME_UNITS_PER_SEC;
  return { tickInUsec: (t2us / p.us2t) * clockFactor, clockFactor };
}

/** The clock of every kernel nslab targets: 15.625 ticks per microsecond. */
export const PSCHED_CLOCK: TcClock = tcClock(parsePsched(PSCHED_TEXT));

/** Nanoseconds in one tick (PSCHED_TICKS2NS(1)), for decoding kernel dumps. */
export const NSEC_PER_TICK = 64;

const U32_MAX = 0xffff_ffff;

/** C's conversion of a non-negative double to `unsigned`. */
function toUnsigned(x: number, what: string): number {
  const v = Math.trunc(x);
  if (!(v >= 0 && v <= U32_MAX)) throw new RangeError(`${what} (${x}) does not fit in 32 bits`);
  return v;
}

/** tc_core_time2big(): would `us` microseconds overflow a 32-bit tick count? */
export function timeTooBig(us: number, clock: TcClock = PSCHED_CLOCK): boolean {
  return Math.trunc(us) * clock.tickInUsec >= 2 ** 32;
}

/** tc_core_time2tick(): whole microseconds to ticks. */
export function time2tick(us: number, clock: TcClock = PSCHED_CLOCK): number {
  return toUnsigned(toUnsigned(us, 'time') * clock.tickInUsec, 'tick count');
}

/** Ticks back to microseconds, without tc's truncation (for decoding). */
export function tick2time(ticks: number, clock: TcClock = PSCHED_CLOCK): number {
  return ticks / clock.tickInUsec;
}

/** tc_calc_xmittime(): ticks to send `size` bytes at `rate` bytes/s. */
export function xmittime(rate: number, size: number, clock: TcClock = PSCHED_CLOCK): number {
  return time2tick(toUnsigned(TIME_UNITS_PER_SEC * (size / rate), 'transmit time'), clock);
}

/** A rate table as tc_calc_rtable() fills it (TCA_TBF_RTAB, 256 × u32). */
export interface RateTable {
  readonly cellLog: number;
  readonly table: Uint32Array;
}

/**
 * tc_calc_rtable() for an Ethernet link layer: rtab[i] is the time to send
 * (i+1) << cell_log bytes. With no mtu given tc assumes 2047, so cell_log is 3.
 * Modern kernels compute rates themselves; they read the table only to tell
 * an old tc (TC_LINKLAYER_UNAWARE) from a new one, but tc still sends it.
 */
export function rateTable(rate: number, mtu = 0, mpu = 0, cellLog = -1, clock: TcClock = PSCHED_CLOCK): RateTable {
  const m = mtu === 0 ? 2047 : mtu;
  let log = cellLog;
  if (log < 0) {
    log = 0;
    while (m >> log > 255) log++;
  }
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    const size = Math.max((i + 1) << log, mpu);
    table[i] = xmittime(rate, size, clock);
  }
  return { cellLog: log, table };
}

/**
 * tc's percentage: rint(fraction × UINT32_MAX), where fraction is the
 * percentage / 100 computed in double (as parse_percent() does). rint rounds
 * half to even, which matters: 30% is 1288490188.5 before rounding.
 */
export function percentToU32(percent: number): number {
  if (!(percent >= 0 && percent <= 100)) throw new RangeError(`a percentage must be between 0 and 100, got ${percent}`);
  return rint((percent / 100) * U32_MAX);
}

/** The percentage a u32 probability stands for, to 6 decimals (the u32 step is 2.3e-8 %). */
export function u32ToPercent(p: number): number {
  return Math.round((p / U32_MAX) * 100 * 1e6) / 1e6;
}

/** C's rint() in the default rounding mode: to nearest, ties to even. */
export function rint(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

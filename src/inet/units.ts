/**
 * The human forms of link impairments, as tc(8) users write them:
 * rates "10mbit", "1gbit", "500kbit"; times "50ms", "1.5ms", "100us";
 * percentages "1%", "0.5%". Parsers throw a TypeError that quotes the input
 * and shows a valid example; formatters write forms the parsers (and tc)
 * read back.
 */

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;

/** Rate units in bits per second (tc's get_rate64 suffixes, bits only). */
const RATE_UNITS: Readonly<Record<string, number>> = {
  bit: 1,
  kbit: 1e3,
  mbit: 1e6,
  gbit: 1e9,
  tbit: 1e12,
  kibit: 1024,
  mibit: 1024 ** 2,
  gibit: 1024 ** 3,
  tibit: 1024 ** 4,
};

/** Time units in microseconds (tc's get_time suffixes). */
const TIME_UNITS: Readonly<Record<string, number>> = {
  s: 1e6,
  sec: 1e6,
  secs: 1e6,
  ms: 1e3,
  msec: 1e3,
  msecs: 1e3,
  us: 1,
  usec: 1,
  usecs: 1,
  'µs': 1,
};

function label(what: string | undefined): string {
  return what ? `${what} ` : '';
}

/**
 * A rate in bits per second: "10mbit" → 10_000_000. Units are SI (kbit,
 * mbit, gbit, tbit) or binary (kibit, mibit, gibit, tibit). tc also reads
 * "mbps", but as megaBYTES per second, which nobody expects; nslab refuses
 * the bps forms instead of guessing.
 */
export function parseRate(text: string, what?: string): number {
  const s = text.trim();
  const m = new RegExp(`^${NUMBER}\\s*([a-zA-Zµ/]*)$`).exec(s);
  const unit = m?.[2]?.toLowerCase() ?? '';
  if (m && /^[kmgt]?i?bps$|^[kmgt]?i?b\/s$/.test(unit)) {
    throw new TypeError(
      `${label(what)}'${text}' is ambiguous: tc reads '${unit}' as bytes per second; write bits, e.g. '${m[1]}${unit.replace(/bps$|b\/s$/, 'bit')}'`,
    );
  }
  const scale = RATE_UNITS[unit];
  if (!m || scale === undefined) {
    throw new TypeError(`${label(what)}'${text}' is not a rate: write a number and a unit, e.g. 10mbit, 500kbit, 1gbit`);
  }
  const bits = Math.round(Number(m[1]) * scale);
  if (bits < 8) throw new RangeError(`${label(what)}'${text}' is too slow: the smallest rate is 8bit (one byte per second)`);
  return bits;
}

/** A time in whole microseconds: "50ms" → 50_000, "1.5ms" → 1500, "100us" → 100. */
export function parseTime(text: string, what?: string): number {
  const s = text.trim();
  const m = new RegExp(`^${NUMBER}\\s*([a-zA-Zµ]*)$`).exec(s);
  const scale = m ? TIME_UNITS[(m[2] ?? '').toLowerCase()] : undefined;
  if (!m || scale === undefined) {
    throw new TypeError(`${label(what)}'${text}' is not a time: write a number and a unit (s, ms, us), e.g. 50ms, 1.5ms, 100us`);
  }
  const us = Number(m[1]) * scale;
  // Round away float noise ("0.3s"), but keep the microsecond resolution honest.
  const whole = Math.round(us);
  if (Math.abs(us - whole) > 1e-6) {
    throw new RangeError(`${label(what)}'${text}' is not a whole number of microseconds (the kernel's resolution here)`);
  }
  return whole;
}

/** A percentage: "1%" → 1, "0.5%" → 0.5. The % sign is required. */
export function parsePercent(text: string, what?: string): number {
  const s = text.trim();
  const m = new RegExp(`^${NUMBER}\\s*(%?)$`).exec(s);
  if (!m) throw new TypeError(`${label(what)}'${text}' is not a percentage: write e.g. 1% or 0.5%`);
  if (m[2] !== '%') throw new TypeError(`${label(what)}'${text}' needs a % sign: write '${m[1]}%'`);
  const p = Number(m[1]);
  if (p > 100) throw new RangeError(`${label(what)}'${text}' is more than 100%`);
  return p;
}

/** Bits per second as tc would write them: 10_000_000 → "10mbit". */
export function formatRate(bits: number): string {
  for (const [unit, scale] of [['tbit', 1e12], ['gbit', 1e9], ['mbit', 1e6], ['kbit', 1e3]] as const) {
    if (bits >= scale && bits % scale === 0) return `${bits / scale}${unit}`;
  }
  return `${bits}bit`;
}

/**
 * Microseconds as tc would write them: 50_000 → "50ms", 1500 → "1.5ms",
 * 100 → "100us". A larger unit is used only when tc, multiplying back in
 * double, gets exactly the same number of microseconds (1001 stays "1001us":
 * 1.001 × 1000 is 1000.999… in double, which tc would truncate to 1000).
 */
export function formatTime(us: number): string {
  for (const [unit, scale] of [['s', 1e6], ['ms', 1e3]] as const) {
    const v = us / scale;
    if (us >= scale && v * scale === us && Math.round(v * 1000) === v * 1000) return `${v}${unit}`;
  }
  return `${us}us`;
}

export function formatPercent(p: number): string {
  return `${p}%`;
}

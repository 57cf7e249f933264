import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { i as REQUEST_ACK, l as read, n as CREATE_EXCL, p as NLM_F, r as DUMP, s as attrMap, t as Writer } from "./writer-B6GmijVD.js";
import { p as RTM } from "./names-Wg_asd0Q.js";
// dist/rtnl/qdisc/tc-core.js
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
const TIME_UNITS_PER_SEC = 1e6;
/** What /proc/net/psched reads on the machines nslab was written on. */
const PSCHED_TEXT = "000003e8 00000040 000f4240 3b9aca00";
/** Parse /proc/net/psched ("%08x%08x%08x%08x"). */
function parsePsched(text) {
	const words = text.trim().split(/\s+/);
	if (words.length < 3 || words.some((w) => !/^[0-9a-fA-F]{1,8}$/.test(w))) throw new TypeError(`'${text.trim()}' is not the contents of /proc/net/psched (three or four hex words)`);
	const [t2us, us2t, clockRes, hz] = words.map((w) => parseInt(w, 16));
	return {
		t2us,
		us2t,
		clockRes,
		hz: hz ?? 0
	};
}
/** tc_core_init(): the factors tc derives from /proc/net/psched. */
function tcClock(p) {
	const t2us = p.clockRes === 1e9 ? p.us2t : p.t2us;
	const clockFactor = p.clockRes / TIME_UNITS_PER_SEC;
	return {
		tickInUsec: t2us / p.us2t * clockFactor,
		clockFactor
	};
}
/** The clock of every kernel nslab targets: 15.625 ticks per microsecond. */
const PSCHED_CLOCK = tcClock(parsePsched(PSCHED_TEXT));
const U32_MAX$2 = 4294967295;
/** C's conversion of a non-negative double to `unsigned`. */
function toUnsigned(x, what) {
	const v = Math.trunc(x);
	if (!(v >= 0 && v <= U32_MAX$2)) throw new RangeError(`${what} (${x}) does not fit in 32 bits`);
	return v;
}
/** tc_core_time2big(): would `us` microseconds overflow a 32-bit tick count? */
function timeTooBig(us, clock = PSCHED_CLOCK) {
	return Math.trunc(us) * clock.tickInUsec >= 2 ** 32;
}
/** tc_core_time2tick(): whole microseconds to ticks. */
function time2tick(us, clock = PSCHED_CLOCK) {
	return toUnsigned(toUnsigned(us, "time") * clock.tickInUsec, "tick count");
}
/** Ticks back to microseconds, without tc's truncation (for decoding). */
function tick2time(ticks, clock = PSCHED_CLOCK) {
	return ticks / clock.tickInUsec;
}
/** tc_calc_xmittime(): ticks to send `size` bytes at `rate` bytes/s. */
function xmittime(rate, size, clock = PSCHED_CLOCK) {
	return time2tick(toUnsigned(TIME_UNITS_PER_SEC * (size / rate), "transmit time"), clock);
}
/**
* tc_calc_rtable() for an Ethernet link layer: rtab[i] is the time to send
* (i+1) << cell_log bytes. With no mtu given tc assumes 2047, so cell_log is 3.
* Modern kernels compute rates themselves; they read the table only to tell
* an old tc (TC_LINKLAYER_UNAWARE) from a new one, but tc still sends it.
*/
function rateTable(rate, mtu = 0, mpu = 0, cellLog = -1, clock = PSCHED_CLOCK) {
	const m = mtu === 0 ? 2047 : mtu;
	let log = cellLog;
	if (log < 0) {
		log = 0;
		while (m >> log > 255) log++;
	}
	const table = /* @__PURE__ */ new Uint32Array(256);
	for (let i = 0; i < 256; i++) {
		const size = Math.max(i + 1 << log, mpu);
		table[i] = xmittime(rate, size, clock);
	}
	return {
		cellLog: log,
		table
	};
}
/**
* tc's percentage: rint(fraction × UINT32_MAX), where fraction is the
* percentage / 100 computed in double (as parse_percent() does). rint rounds
* half to even, which matters: 30% is 1288490188.5 before rounding.
*/
function percentToU32(percent) {
	if (!(percent >= 0 && percent <= 100)) throw new RangeError(`a percentage must be between 0 and 100, got ${percent}`);
	return rint(percent / 100 * U32_MAX$2);
}
/** The percentage a u32 probability stands for, to 6 decimals (the u32 step is 2.3e-8 %). */
function u32ToPercent(p) {
	return Math.round(p / U32_MAX$2 * 100 * 1e6) / 1e6;
}
/** C's rint() in the default rounding mode: to nearest, ties to even. */
function rint(x) {
	const f = Math.floor(x);
	const d = x - f;
	if (d < .5) return f;
	if (d > .5) return f + 1;
	return f % 2 === 0 ? f : f + 1;
}
// dist/inet/units.js
/**
* The human forms of link impairments, as tc(8) users write them:
* rates "10mbit", "1gbit", "500kbit"; times "50ms", "1.5ms", "100us";
* percentages "1%", "0.5%". Parsers throw a TypeError that quotes the input
* and shows a valid example; formatters write forms the parsers (and tc)
* read back.
*/
const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
/** Rate units in bits per second (tc's get_rate64 suffixes, bits only). */
const RATE_UNITS = {
	bit: 1,
	kbit: 1e3,
	mbit: 1e6,
	gbit: 1e9,
	tbit: 0xe8d4a51000,
	kibit: 1024,
	mibit: 1024 ** 2,
	gibit: 1024 ** 3,
	tibit: 1024 ** 4
};
/** Time units in microseconds (tc's get_time suffixes). */
const TIME_UNITS = {
	s: 1e6,
	sec: 1e6,
	secs: 1e6,
	ms: 1e3,
	msec: 1e3,
	msecs: 1e3,
	us: 1,
	usec: 1,
	usecs: 1,
	"µs": 1
};
function label(what) {
	return what ? `${what} ` : "";
}
/**
* A rate in bits per second: "10mbit" → 10_000_000. Units are SI (kbit,
* mbit, gbit, tbit) or binary (kibit, mibit, gibit, tibit). tc also reads
* "mbps", but as megaBYTES per second, which nobody expects; nslab refuses
* the bps forms instead of guessing.
*/
function parseRate(text, what) {
	const s = text.trim();
	const m = new RegExp(`^${NUMBER}\\s*([a-zA-Zµ/]*)$`).exec(s);
	const unit = m?.[2]?.toLowerCase() ?? "";
	if (m && /^[kmgt]?i?bps$|^[kmgt]?i?b\/s$/.test(unit)) throw new TypeError(`${label(what)}'${text}' is ambiguous: tc reads '${unit}' as bytes per second; write bits, e.g. '${m[1]}${unit.replace(/bps$|b\/s$/, "bit")}'`);
	const scale = RATE_UNITS[unit];
	if (!m || scale === void 0) throw new TypeError(`${label(what)}'${text}' is not a rate: write a number and a unit, e.g. 10mbit, 500kbit, 1gbit`);
	const bits = Math.round(Number(m[1]) * scale);
	if (bits < 8) throw new RangeError(`${label(what)}'${text}' is too slow: the smallest rate is 8bit (one byte per second)`);
	return bits;
}
/** A time in whole microseconds: "50ms" → 50_000, "1.5ms" → 1500, "100us" → 100. */
function parseTime(text, what) {
	const s = text.trim();
	const m = new RegExp(`^${NUMBER}\\s*([a-zA-Zµ]*)$`).exec(s);
	const scale = m ? TIME_UNITS[(m[2] ?? "").toLowerCase()] : void 0;
	if (!m || scale === void 0) throw new TypeError(`${label(what)}'${text}' is not a time: write a number and a unit (s, ms, us), e.g. 50ms, 1.5ms, 100us`);
	const us = Number(m[1]) * scale;
	const whole = Math.round(us);
	if (Math.abs(us - whole) > 1e-6) throw new RangeError(`${label(what)}'${text}' is not a whole number of microseconds (the kernel's resolution here)`);
	return whole;
}
/** A percentage: "1%" → 1, "0.5%" → 0.5. The % sign is required. */
function parsePercent(text, what) {
	const s = text.trim();
	const m = new RegExp(`^${NUMBER}\\s*(%?)$`).exec(s);
	if (!m) throw new TypeError(`${label(what)}'${text}' is not a percentage: write e.g. 1% or 0.5%`);
	if (m[2] !== "%") throw new TypeError(`${label(what)}'${text}' needs a % sign: write '${m[1]}%'`);
	const p = Number(m[1]);
	if (p > 100) throw new RangeError(`${label(what)}'${text}' is more than 100%`);
	return p;
}
/** Bits per second as tc would write them: 10_000_000 → "10mbit". */
function formatRate(bits) {
	for (const [unit, scale] of [
		["tbit", 0xe8d4a51000],
		["gbit", 1e9],
		["mbit", 1e6],
		["kbit", 1e3]
	]) if (bits >= scale && bits % scale === 0) return `${bits / scale}${unit}`;
	return `${bits}bit`;
}
/**
* Microseconds as tc would write them: 50_000 → "50ms", 1500 → "1.5ms",
* 100 → "100us". A larger unit is used only when tc, multiplying back in
* double, gets exactly the same number of microseconds (1001 stays "1001us":
* 1.001 × 1000 is 1000.999… in double, which tc would truncate to 1000).
*/
function formatTime(us) {
	for (const [unit, scale] of [["s", 1e6], ["ms", 1e3]]) {
		const v = us / scale;
		if (us >= scale && v * scale === us && Math.round(v * 1e3) === v * 1e3) return `${v}${unit}`;
	}
	return `${us}us`;
}
function formatPercent(p) {
	return `${p}%`;
}
// dist/rtnl/qdisc/netem.js
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
const TCA_NETEM = {
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
	TCA_NETEM_SLOT_DIST: 13
};
/** tc's default queue: 1000 packets. */
const NETEM_DEFAULT_LIMIT = 1e3;
const U32_MAX$1 = 4294967295;
function checkTime(v, what) {
	if (v !== void 0 && !(Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER / 1e3)) throw new RangeError(`netem ${what} must be a whole number of microseconds, got ${v}`);
}
function checkPercent(v, what) {
	if (v !== void 0 && !(v >= 0 && v <= 100)) throw new RangeError(`netem ${what} must be between 0% and 100%, got ${v}`);
}
/** Refuse what tc refuses (and what the kernel would take but cannot mean). */
function checkNetem(o) {
	checkTime(o.delay, "delay");
	checkTime(o.jitter, "jitter");
	for (const k of [
		"loss",
		"duplicate",
		"reorder",
		"corrupt"
	]) {
		checkPercent(o[k], k);
		checkPercent(o[`${k}Correlation`], `${k} correlation`);
		if (o[`${k}Correlation`] !== void 0 && o[k] === void 0) throw new TypeError(`netem ${k} correlation needs a ${k} percentage`);
	}
	checkPercent(o.delayCorrelation, "delay correlation");
	if (o.limit !== void 0 && !(Number.isInteger(o.limit) && o.limit >= 0 && o.limit <= U32_MAX$1)) throw new RangeError(`netem limit must be a whole number of packets, got ${o.limit}`);
	if (o.gap !== void 0 && !(Number.isInteger(o.gap) && o.gap >= 0 && o.gap <= U32_MAX$1)) throw new RangeError(`netem gap must be a whole number, got ${o.gap}`);
	if (o.jitter !== void 0 && o.delay === void 0) throw new TypeError("netem jitter needs a delay");
	if (o.delayCorrelation !== void 0 && o.jitter === void 0) throw new TypeError("netem delay correlation needs a jitter");
	if (o.reorder && !o.delay) throw new TypeError("netem reorder needs a delay: reordering sends some packets at once and delays the others");
	if (o.gap && !o.reorder) throw new TypeError("netem gap needs a reorder percentage");
}
/** A time in ticks for tc_netem_qopt; 0 when it needs TCA_NETEM_LATENCY64/JITTER64 instead. */
function ticksOrZero(us, clock) {
	if (!us) return 0;
	return timeTooBig(us, clock) ? 0 : time2tick(us, clock);
}
/** TCA_OPTIONS payload for netem, byte for byte as tc 6.1 writes it. */
function writeNetemOptions(w, o, clock = PSCHED_CLOCK) {
	checkNetem(o);
	const pct = (v) => v === void 0 ? 0 : percentToU32(v);
	w.u32(ticksOrZero(o.delay, clock));
	w.u32(o.limit ?? 1e3);
	w.u32(pct(o.loss));
	w.u32(o.reorder ? o.gap || 1 : o.gap ?? 0);
	w.u32(pct(o.duplicate));
	w.u32(ticksOrZero(o.jitter, clock));
	if (o.delay && timeTooBig(o.delay, clock)) w.attr(TCA_NETEM.TCA_NETEM_LATENCY64, () => w.u64(BigInt(o.delay ?? 0) * 1000n));
	if (o.jitter && timeTooBig(o.jitter, clock)) w.attr(TCA_NETEM.TCA_NETEM_JITTER64, () => w.u64(BigInt(o.jitter ?? 0) * 1000n));
	if (o.delayCorrelation !== void 0 || o.lossCorrelation !== void 0 || o.duplicateCorrelation !== void 0) w.attr(TCA_NETEM.TCA_NETEM_CORR, () => w.u32(pct(o.delayCorrelation)).u32(pct(o.lossCorrelation)).u32(pct(o.duplicateCorrelation)));
	if (o.reorder !== void 0) w.attr(TCA_NETEM.TCA_NETEM_REORDER, () => w.u32(pct(o.reorder)).u32(pct(o.reorderCorrelation)));
	if (o.corrupt !== void 0) w.attr(TCA_NETEM.TCA_NETEM_CORRUPT, () => w.u32(pct(o.corrupt)).u32(pct(o.corruptCorrelation)));
}
/** tc arguments for these options: "delay 50ms 10ms loss 1%". */
function netemArgs(o) {
	const parts = [];
	const corr = (v) => v === void 0 ? "" : ` ${formatPercent(v)}`;
	if (o.limit !== void 0) parts.push(`limit ${o.limit}`);
	if (o.delay !== void 0) parts.push(`delay ${formatTime(o.delay)}${o.jitter !== void 0 ? ` ${formatTime(o.jitter)}${corr(o.delayCorrelation)}` : ""}`);
	if (o.loss !== void 0) parts.push(`loss ${formatPercent(o.loss)}${corr(o.lossCorrelation)}`);
	if (o.duplicate !== void 0) parts.push(`duplicate ${formatPercent(o.duplicate)}${corr(o.duplicateCorrelation)}`);
	if (o.reorder !== void 0) parts.push(`reorder ${formatPercent(o.reorder)}${corr(o.reorderCorrelation)}`);
	if (o.gap !== void 0) parts.push(`gap ${o.gap}`);
	if (o.corrupt !== void 0) parts.push(`corrupt ${formatPercent(o.corrupt)}${corr(o.corruptCorrelation)}`);
	return parts.join(" ");
}
/** `tc qdisc add dev DEV … netem ARGS`. Pass the result to newQdisc(). */
function netem(o, clock = PSCHED_CLOCK) {
	checkNetem(o);
	const frozen = { ...o };
	return {
		kind: "netem",
		options: (w) => writeNetemOptions(w, frozen, clock),
		args: netemArgs(o)
	};
}
/**
* Decode netem's TCA_OPTIONS, from nslab's own request or a kernel dump
* (which also carries TCA_NETEM_LATENCY64/JITTER64 in ns, preferred here).
* What the kernel holds comes back: the limit always, everything else only
* when non-zero; times rounded to the microsecond and percentages to 1e-6 %.
*/
function decodeNetemOptions(data, clock = PSCHED_CLOCK) {
	if (data.length < 24) throw new RangeError(`netem options are ${data.length} bytes, shorter than struct tc_netem_qopt`);
	const v = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const u32 = (off) => v.getUint32(off, HOST_LITTLE_ENDIAN);
	const a = attrMap(data.subarray(24));
	const pair = (t) => {
		const b = a.get(t);
		if (!b || b.length < 8) return [0, 0];
		return [read.u32(b), read.u32(b.subarray(4))];
	};
	const time = (ticks, ns64) => ns64 ? Math.round(Number(read.u64(ns64)) / 1e3) : Math.round(tick2time(ticks, clock));
	const corr = a.get(TCA_NETEM.TCA_NETEM_CORR);
	const c = corr && corr.length >= 12 ? [
		read.u32(corr),
		read.u32(corr.subarray(4)),
		read.u32(corr.subarray(8))
	] : [
		0,
		0,
		0
	];
	const [reorder, reorderCorr] = pair(TCA_NETEM.TCA_NETEM_REORDER);
	const [corrupt, corruptCorr] = pair(TCA_NETEM.TCA_NETEM_CORRUPT);
	const fields = {
		delay: time(u32(0), a.get(TCA_NETEM.TCA_NETEM_LATENCY64)),
		jitter: time(u32(20), a.get(TCA_NETEM.TCA_NETEM_JITTER64)),
		delayCorrelation: u32ToPercent(c[0]),
		loss: u32ToPercent(u32(8)),
		lossCorrelation: u32ToPercent(c[1]),
		duplicate: u32ToPercent(u32(16)),
		duplicateCorrelation: u32ToPercent(c[2]),
		reorder: u32ToPercent(reorder),
		reorderCorrelation: u32ToPercent(reorderCorr),
		gap: u32(12),
		corrupt: u32ToPercent(corrupt),
		corruptCorrelation: u32ToPercent(corruptCorr)
	};
	const out = { limit: u32(4) };
	for (const [k, val] of Object.entries(fields)) if (val !== 0) out[k] = val;
	return out;
}
// dist/rtnl/qdisc/tbf.js
/**
* The token bucket filter (sch_tbf): a rate limit with a bucket of `burst`
* bytes and a queue of `limit` bytes. Encoded exactly as Debian's
* `tc qdisc add … tbf rate R burst B (latency L | limit N)` (iproute2 6.1,
* tc/q_tbf.c): TCA_OPTIONS holds TCA_TBF_PARMS, TCA_TBF_BURST, TCA_TBF_RATE64
* when the rate needs 64 bits, then the 1024-byte TCA_TBF_RTAB.
*/
/** enum in <linux/pkt_sched.h> */
const TCA_TBF = {
	TCA_TBF_UNSPEC: 0,
	TCA_TBF_PARMS: 1,
	TCA_TBF_RTAB: 2,
	TCA_TBF_PTAB: 3,
	TCA_TBF_RATE64: 4,
	TCA_TBF_PRATE64: 5,
	TCA_TBF_BURST: 6,
	TCA_TBF_PBURST: 7,
	TCA_TBF_PAD: 8
};
const TC_LINKLAYER = {
	TC_LINKLAYER_UNAWARE: 0,
	TC_LINKLAYER_ETHERNET: 1,
	TC_LINKLAYER_ATM: 2
};
const U32_MAX = 4294967295;
/** The largest size in tc's rate table: 256 cells of 8 bytes (mtu 2047, cell_log 3). */
const RTAB_LARGEST_CELL = 2048;
/** tc's limit for a latency: rate × latency + burst, in double, truncated. */
function tbfLimitForLatency(rate, burst, latencyUs) {
	const limit = Math.trunc(rate * latencyUs / TIME_UNITS_PER_SEC + burst);
	if (limit > U32_MAX) throw new RangeError(`tbf queue of ${formatTime(latencyUs)} at ${formatRate(rate * 8)} is ${limit} bytes, more than 32 bits hold`);
	return limit;
}
function checkWhole(v, what, max) {
	if (!Number.isInteger(v) || v < 1 || v > max) throw new RangeError(`tbf ${what} must be a whole number from 1 to ${max}, got ${v}`);
}
function writeRatespec(w, rate, cellLog) {
	w.u8(cellLog).u8(TC_LINKLAYER.TC_LINKLAYER_ETHERNET).u16(0);
	w.u16(65535).u16(0).u32(rate);
}
/** Check the options and compute the limit from a latency (RangeError when out of range). */
function resolveTbf(o, clock = PSCHED_CLOCK) {
	checkWhole(o.rate, "rate (bytes/s)", Number.MAX_SAFE_INTEGER);
	checkWhole(o.burst, "burst (bytes)", U32_MAX);
	const limit = "limit" in o ? o.limit : tbfLimitForLatency(o.rate, o.burst, o.latency);
	checkWhole(limit, "limit (bytes)", U32_MAX);
	const rate32 = Math.min(o.rate, U32_MAX);
	if (timeTooBig(1e6 * (RTAB_LARGEST_CELL / rate32), clock)) throw new RangeError(`tbf rate of ${o.rate} bytes/s is too slow: a 2048-byte packet would take longer than the scheduler's 274 s`);
	if (timeTooBig(1e6 * (o.burst / rate32), clock)) throw new RangeError(`tbf burst of ${o.burst} bytes takes longer than the scheduler's 274 s to fill at ${o.rate} bytes/s: lower the burst or raise the rate`);
	return {
		rate: o.rate,
		burst: o.burst,
		limit
	};
}
/** TCA_OPTIONS payload for tbf, byte for byte as tc 6.1 writes it. */
function writeTbfOptions(w, options, clock = PSCHED_CLOCK) {
	const o = resolveTbf(options, clock);
	const rate32 = o.rate >= 2 ** 32 ? U32_MAX : o.rate;
	const rtab = rateTable(rate32, 0, 0, -1, clock);
	w.attr(TCA_TBF.TCA_TBF_PARMS, () => {
		writeRatespec(w, rate32, rtab.cellLog);
		w.zeros(12);
		w.u32(o.limit).u32(xmittime(rate32, o.burst, clock)).u32(0);
	});
	w.attrU32(TCA_TBF.TCA_TBF_BURST, o.burst);
	if (o.rate >= 2 ** 32) w.attr(TCA_TBF.TCA_TBF_RATE64, () => w.u64(BigInt(o.rate)));
	w.attr(TCA_TBF.TCA_TBF_RTAB, () => {
		for (const t of rtab.table) w.u32(t);
	});
}
/** tc arguments for these options: "rate 10mbit burst 5000 latency 50ms". */
function tbfArgs(o) {
	const queue = "limit" in o ? `limit ${o.limit}` : `latency ${formatTime(o.latency)}`;
	return `rate ${formatRate(o.rate * 8)} burst ${o.burst} ${queue}`;
}
/**
* `tc qdisc add dev DEV … tbf rate R burst B latency L` (or `limit N`).
* Pass the result to newQdisc().
*/
function tbf(o, clock = PSCHED_CLOCK) {
	const resolved = resolveTbf(o, clock);
	return {
		kind: "tbf",
		options: (w) => writeTbfOptions(w, resolved, clock),
		args: tbfArgs(o)
	};
}
/**
* Decode tbf's TCA_OPTIONS, from nslab's own request or from a kernel dump.
* The kernel reports the bucket only as a time (tc_tbf_qopt.buffer, ticks),
* so without TCA_TBF_BURST the burst is rate × time, rounded to a byte.
*/
function decodeTbfOptions(data, clock = PSCHED_CLOCK) {
	const a = attrMap(data);
	const parms = a.get(TCA_TBF.TCA_TBF_PARMS);
	if (!parms || parms.length < 36) throw new RangeError(`tbf options lack a 36-byte TCA_TBF_PARMS`);
	const v = new DataView(parms.buffer, parms.byteOffset, parms.byteLength);
	const rate64 = a.get(TCA_TBF.TCA_TBF_RATE64);
	const rate = rate64 ? Number(read.u64(rate64)) : v.getUint32(8, HOST_LITTLE_ENDIAN);
	const limit = v.getUint32(24, HOST_LITTLE_ENDIAN);
	const bufferTicks = v.getUint32(28, HOST_LITTLE_ENDIAN);
	const burstAttr = a.get(TCA_TBF.TCA_TBF_BURST);
	return {
		rate,
		burst: burstAttr ? read.u32(burstAttr) : Math.round(rate * tick2time(bufferTicks, clock) / TIME_UNITS_PER_SEC),
		limit
	};
}
// dist/rtnl/qdisc.js
/**
* Queueing disciplines (<linux/rtnetlink.h> struct tcmsg, TCA_*; handles from
* <linux/pkt_sched.h>): add, replace, delete, dump and decode. Each kind
* (netem, tbf) lives in ./qdisc/ and owns the payload of TCA_OPTIONS.
*/
/** Attributes of a qdisc message (enum in <linux/rtnetlink.h>). */
const TCA = {
	TCA_UNSPEC: 0,
	TCA_KIND: 1,
	TCA_OPTIONS: 2,
	TCA_STATS: 3,
	TCA_XSTATS: 4,
	TCA_RATE: 5,
	TCA_FCNT: 6,
	TCA_STATS2: 7,
	TCA_STAB: 8,
	TCA_PAD: 9,
	TCA_DUMP_INVISIBLE: 10,
	TCA_CHAIN: 11,
	TCA_HW_OFFLOAD: 12,
	TCA_INGRESS_BLOCK: 13,
	TCA_EGRESS_BLOCK: 14,
	TCA_DUMP_FLAGS: 15,
	TCA_EXT_WARN_MSG: 16
};
/** Nested in TCA_STATS2 (<linux/gen_stats.h>). */
const TCA_STATS = {
	TCA_STATS_BASIC: 1,
	TCA_STATS_RATE_EST: 2,
	TCA_STATS_QUEUE: 3,
	TCA_STATS_APP: 4,
	TCA_STATS_RATE_EST64: 5,
	TCA_STATS_PAD: 6,
	TCA_STATS_BASIC_HW: 7,
	TCA_STATS_PKT64: 8
};
/** Special handles (<linux/pkt_sched.h>). */
const TC_H = {
	TC_H_UNSPEC: 0,
	TC_H_ROOT: 4294967295,
	TC_H_INGRESS: 4294967281
};
const TC_H_MIN_MASK = 65535;
/** TC_H_MAKE(maj << 16, min): `tc` writes it "maj:min", both in hex. */
function tcHandle(major, minor = 0) {
	if (!Number.isInteger(major) || major < 0 || major > 65535) throw new RangeError(`qdisc handle major ${major} is not 0..ffff`);
	if (!Number.isInteger(minor) || minor < 0 || minor > 65535) throw new RangeError(`qdisc handle minor ${minor} is not 0..ffff`);
	return (major << 16 | minor) >>> 0;
}
/** A handle as tc prints it: "root", "1:", "1:1", "10:" (hex), "none" for 0. */
function formatHandle(h) {
	if (h === TC_H.TC_H_ROOT) return "root";
	if (h === TC_H.TC_H_INGRESS) return "ingress";
	if (h === 0) return "none";
	const maj = (h >>> 16).toString(16);
	const min = h & TC_H_MIN_MASK;
	return min === 0 ? `${maj}:` : `${maj}:${min.toString(16)}`;
}
/** struct tcmsg */
function writeTcmsg(w, index, handle, parent) {
	w.u8(0).u8(0).u16(0).i32(index).u32(handle).u32(parent).u32(0);
}
/** "dev eth0 root handle 1:" / "dev eth0 parent 1:1 handle 10:", as tc takes them. */
function where(t) {
	return `dev ${t.dev ?? `ifindex ${t.index}`} ${t.parent === TC_H.TC_H_ROOT ? "root" : `parent ${formatHandle(t.parent)}`}${t.handle ? ` handle ${formatHandle(t.handle)}` : ""}`;
}
/**
* `tc qdisc add dev DEV (root|parent P) [handle H] KIND ARGS`, or with
* `replace: true`, `tc qdisc replace …` (NLM_F_CREATE | NLM_F_REPLACE: the
* kernel swaps a different qdisc at that place for this one).
*/
function newQdisc(target, info, opts = {}) {
	const w = new Writer(1200);
	writeTcmsg(w, target.index, target.handle ?? 0, target.parent);
	w.attrString(TCA.TCA_KIND, info.kind);
	if (info.options) {
		const write = info.options;
		w.attr(TCA.TCA_OPTIONS, (x) => write(x));
	}
	const flags = opts.replace ? NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_REPLACE : CREATE_EXCL;
	return {
		type: RTM.RTM_NEWQDISC,
		flags,
		body: w.finish(),
		what: `${opts.replace ? "replace" : "add"} qdisc ${where(target)} ${info.kind}${info.args ? ` ${info.args}` : ""}`,
		...opts.origin ? { origin: opts.origin } : {}
	};
}
/** The tc command a newQdisc() request stands for (for `--explain` and tests). */
function qdiscCommand(target, info, opts = {}) {
	return `tc qdisc ${opts.replace ? "replace" : "add"} ${where(target)} ${info.kind}${info.args ? ` ${info.args}` : ""}`;
}
/**
* `tc qdisc del dev DEV root` (handle 0: whatever qdisc is at the root), or
* one qdisc by parent and handle. Deleting the root deletes its children.
* A device with only its default qdisc answers ENOENT ("Cannot delete qdisc
* with handle of zero").
*/
function delQdisc(target, origin) {
	const w = new Writer(20);
	writeTcmsg(w, target.index, target.handle ?? 0, target.parent);
	return {
		type: RTM.RTM_DELQDISC,
		flags: REQUEST_ACK,
		body: w.finish(),
		what: `delete qdisc ${where(target)}`,
		...origin ? { origin } : {}
	};
}
/**
* `tc qdisc show [dev DEV]`. The kernel dumps every qdisc of the namespace
* whatever tcm_ifindex says (tc filters on its side, and so must the caller:
* see `qdiscsOf`); tc sends the ifindex all the same, and so does this.
*/
function dumpQdiscs(index = 0) {
	const w = new Writer(20);
	writeTcmsg(w, index, 0, 0);
	return {
		type: RTM.RTM_GETQDISC,
		flags: DUMP,
		body: w.finish(),
		what: index ? `list qdiscs of ifindex ${index}` : "list qdiscs"
	};
}
const KIND_DECODERS = {
	tbf: (d) => ({ tbf: decodeTbfOptions(d) }),
	netem: (d) => ({ netem: decodeNetemOptions(d) })
};
function decodeStats(stats2) {
	const a = attrMap(stats2);
	const basic = a.get(TCA_STATS.TCA_STATS_BASIC);
	const queue = a.get(TCA_STATS.TCA_STATS_QUEUE);
	const pkt64 = a.get(TCA_STATS.TCA_STATS_PKT64);
	const u32At = (b, off) => b && b.length >= off + 4 ? new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, HOST_LITTLE_ENDIAN) : 0;
	return {
		bytes: basic && basic.length >= 8 ? read.u64(basic) : 0n,
		packets: pkt64 ? Number(read.u64(pkt64)) : u32At(basic, 8),
		qlen: u32At(queue, 0),
		backlog: u32At(queue, 4),
		drops: u32At(queue, 8),
		requeues: u32At(queue, 12),
		overlimits: u32At(queue, 16)
	};
}
/** Decode an RTM_NEWQDISC message (a dump part or an echo). */
function decodeQdisc(msg) {
	const p = msg.payload;
	if (p.length < 20) throw new RangeError(`RTM_NEWQDISC payload is ${p.length} bytes, shorter than struct tcmsg`);
	const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
	const attrs = attrMap(p.subarray(20));
	const kindAttr = attrs.get(TCA.TCA_KIND);
	const kind = kindAttr ? read.string(kindAttr) : "";
	const options = attrs.get(TCA.TCA_OPTIONS);
	const stats2 = attrs.get(TCA.TCA_STATS2);
	const decoder = KIND_DECODERS[kind];
	let decoded;
	if (options && decoder) try {
		decoded = decoder(options);
	} catch (err) {
		if (!(err instanceof RangeError)) throw err;
	}
	return {
		index: v.getInt32(4, HOST_LITTLE_ENDIAN),
		handle: v.getUint32(8, HOST_LITTLE_ENDIAN),
		parent: v.getUint32(12, HOST_LITTLE_ENDIAN),
		kind,
		...decoded ?? {},
		...options && !decoded && options.length > 0 ? { rawOptions: options.slice() } : {},
		...stats2 ? { stats: decodeStats(stats2) } : {}
	};
}
/**
* The kind a refused qdisc request asked for, when the kernel refused it
* because it has no such qdisc (e.g. netem not built in); else undefined.
* Lets a caller say "this kernel has no netem" instead of "ENOENT".
*/
function unsupportedQdiscKind(err) {
	if (!err.extackMessage?.startsWith("Specified qdisc kind is unknown")) return void 0;
	const body = err.request?.body;
	if (!body || body.length < 20) return void 0;
	const kind = attrMap(body.subarray(20)).get(TCA.TCA_KIND);
	return kind ? read.string(kind) : void 0;
}
// dist/topology/impairment.js
/** Handles nslab's impairment qdiscs use. */
const IMPAIRMENT_ROOT = tcHandle(1);
const IMPAIRMENT_NETEM_CLASS = tcHandle(1, 1);
const IMPAIRMENT_TBF_CHILD = tcHandle(16);
/** Ethernet header bytes on top of the MTU (ETH_HLEN). */
const ETH_HLEN = 14;
/** Microseconds of tokens in the default bucket: rate/HZ at HZ=250. */
const BURST_US = 4e3;
/** The least queue a tbf gets, as a time at its rate. */
const BASE_LATENCY_US = 5e4;
/** The slowest rate nslab shapes to: 1kbit (a full bucket then fills in 24 s). */
const MIN_RATE_BITS = 1e3;
const NETEM_FIELDS = [
	"delay",
	"jitter",
	"loss",
	"corrupt",
	"duplicate",
	"reorder",
	"limit"
];
/** The default tbf for a rate (bits/s), following the policy above. */
function tbfFor(rateBits, spec = {}, mtu = 1500) {
	const rate = Math.floor(rateBits / 8);
	return {
		rate,
		burst: Math.max(Math.ceil(rate * BURST_US / 1e6), 2 * (mtu + ETH_HLEN)),
		latency: BASE_LATENCY_US + (spec.delay ?? 0) + (spec.jitter ?? 0)
	};
}
/** Throws a TypeError/RangeError naming the field for a spec that cannot be applied. */
function checkImpairment(spec) {
	if (spec.rate !== void 0 && !(Number.isFinite(spec.rate) && spec.rate >= MIN_RATE_BITS)) throw new RangeError(`rate must be at least 1kbit, got ${spec.rate} bit/s (below that tbf's bucket takes minutes to fill)`);
	for (const k of [
		"loss",
		"corrupt",
		"duplicate",
		"reorder"
	]) {
		const v = spec[k];
		if (v !== void 0 && !(v >= 0 && v <= 100)) throw new RangeError(`${k} must be between 0% and 100%, got ${v}`);
	}
	for (const k of ["delay", "jitter"]) {
		const v = spec[k];
		if (v !== void 0 && !(Number.isInteger(v) && v >= 0)) throw new RangeError(`${k} must be a whole number of microseconds, got ${v}`);
	}
	if (spec.jitter !== void 0 && spec.delay === void 0) throw new TypeError("jitter needs a delay (jitter varies the delay)");
	if (spec.reorder && !spec.delay) throw new TypeError("reorder needs a delay (reordering sends some packets without it)");
	if (spec.limit !== void 0) {
		if (!(Number.isInteger(spec.limit) && spec.limit >= 1 && spec.limit <= 4294967295)) throw new RangeError(`limit must be a whole number of packets, got ${spec.limit}`);
		if (!NETEM_FIELDS.some((k) => k !== "limit" && spec[k] !== void 0)) throw new TypeError("limit is the netem queue length in packets; it needs delay, loss, corrupt, duplicate or reorder");
	}
}
function netemOptions(spec) {
	const o = {};
	for (const k of NETEM_FIELDS) {
		const v = spec[k];
		if (v !== void 0) o[k] = v;
	}
	return Object.keys(o).length > 0 ? o : void 0;
}
/** The qdiscs (root first) that give interface `index` this impairment. */
function impairmentQdiscs(index, spec, opts = {}) {
	checkImpairment(spec);
	const dev = opts.dev === void 0 ? {} : { dev: opts.dev };
	const out = [];
	const n = netemOptions(spec);
	if (n) out.push({
		target: {
			index,
			parent: TC_H.TC_H_ROOT,
			handle: IMPAIRMENT_ROOT,
			...dev
		},
		info: netem(n)
	});
	if (spec.rate !== void 0) {
		const t = tbf(tbfFor(spec.rate, spec, opts.mtu));
		const target = n ? {
			index,
			parent: IMPAIRMENT_NETEM_CLASS,
			handle: IMPAIRMENT_TBF_CHILD,
			...dev
		} : {
			index,
			parent: TC_H.TC_H_ROOT,
			handle: IMPAIRMENT_ROOT,
			...dev
		};
		out.push({
			target,
			info: t
		});
	}
	return out;
}
/**
* The requests (root first) that install the impairment on a device that
* has only its default qdisc. To change an impaired link, send
* clearImpairment() first: a root of another kind cannot be changed in place.
*/
function impairmentRequests(index, spec, opts = {}) {
	return impairmentQdiscs(index, spec, opts).map((q) => newQdisc(q.target, q.info, opts.origin ? { origin: opts.origin } : {}));
}
/** `tc qdisc del dev DEV root`: removes the impairment (and its children). */
function clearImpairment(index, opts = {}) {
	return delQdisc({
		index,
		parent: TC_H.TC_H_ROOT,
		...opts.dev === void 0 ? {} : { dev: opts.dev }
	}, opts.origin);
}
/** The same impairment as tc commands, for `--explain`. */
function impairmentCommands(dev, spec, opts = {}) {
	return impairmentQdiscs(0, spec, {
		...opts,
		dev
	}).map((q) => qdiscCommand(q.target, q.info));
}
/**
* Read the human forms: rate "10mbit", delay/jitter "50ms", loss etc. "1%"
* (a bare number is a percentage too), limit a whole number. A rate or time
* given as a bare number is refused: its unit would be a guess.
*/
function parseImpairment(text) {
	const out = {};
	for (const [key, raw] of Object.entries(text)) {
		if (raw === void 0) continue;
		const k = key;
		switch (k) {
			case "rate":
				if (typeof raw === "number") throw new TypeError(`rate ${raw} needs a unit, e.g. ${raw}mbit or ${raw}kbit`);
				out[k] = parseRate(raw, "rate");
				break;
			case "delay":
			case "jitter":
				if (typeof raw === "number") throw new TypeError(`${k} ${raw} needs a unit, e.g. ${raw}ms or ${raw}us`);
				out[k] = parseTime(raw, k);
				break;
			case "loss":
			case "corrupt":
			case "duplicate":
			case "reorder":
				out[k] = typeof raw === "number" ? raw : parsePercent(raw, k);
				break;
			case "limit": {
				const n = typeof raw === "number" ? raw : /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
				if (!Number.isInteger(n)) throw new TypeError(`limit '${raw}' is not a whole number of packets`);
				out[k] = n;
				break;
			}
			default: throw new TypeError(`'${key}' is not a link impairment (rate, delay, jitter, loss, corrupt, duplicate, reorder, limit)`);
		}
	}
	const spec = out;
	checkImpairment(spec);
	return spec;
}
export { parseRate as _, impairmentRequests as a, decodeQdisc as c, unsupportedQdiscKind as d, NETEM_DEFAULT_LIMIT as f, parsePercent as g, formatTime as h, impairmentCommands as i, dumpQdiscs as l, formatRate as m, checkImpairment as n, parseImpairment as o, formatPercent as p, clearImpairment as r, TC_H as s, IMPAIRMENT_NETEM_CLASS as t, formatHandle as u, parseTime as v };

import type { Request } from '../netlink/message.js';
import { TC_H, delQdisc, newQdisc, qdiscCommand, tcHandle, type QdiscTarget } from '../rtnl/qdisc.js';
import { type QdiscInfo } from '../rtnl/qdisc/kind.js';
import { netem, type NetemOptions } from '../rtnl/qdisc/netem.js';
import { tbf, type TbfLatencyOptions } from '../rtnl/qdisc/tbf.js';
import { parsePercent, parseRate, parseTime } from '../inet/units.js';

/**
 * Link impairments → qdiscs. A pure function of the spec: it says which
 * qdiscs an interface needs and builds their requests; sending them is the
 * caller's business.
 *
 * Layout (what tc users do: the netem documentation's "Rate control"
 * recipe, wiki.linuxfoundation.org/networking/netem):
 *
 *     tc qdisc add dev DEV root handle 1: netem delay 50ms loss 1%
 *     tc qdisc add dev DEV parent 1:1 handle 10: tbf rate 10mbit burst 5000 latency 100ms
 *
 * netem at the root delays, drops, duplicates, corrupts and reorders; the tbf
 * below it (netem's single class 1:1) shapes what netem releases. That order
 * keeps tbf's byte-bounded queue as the bottleneck queue, so queueing delay
 * stays bounded by tbf's latency; with tbf at the root and netem as its child
 * the child's 1000-packet queue would be the one that fills (over a second at
 * 10 mbit). Only rate: one tbf at the root (handle 1:). Only netem things:
 * one netem at the root. Nothing: no qdisc (the device keeps its default).
 *
 * Why tbf and not htb: one link needs one rate and no classes, which is
 * exactly tbf (one message, no class to create, no default class to get
 * wrong); htb earns its keep when several classes share a link.
 *
 * tbf defaults (rate R bytes/s, delay D, jitter J, MTU M):
 *  - burst = max(4 ms of tokens, two full frames 2 × (M + 14)). 4 ms is the
 *    classic rate/HZ rule at HZ=250; the frame floor keeps slow links able to
 *    send a full-size packet (tbf drops any packet larger than its burst).
 *  - latency = 50 ms + D + J, i.e. the queue holds R × (50 ms + D + J) bytes
 *    (+ burst): a drop-tail buffer of at least one bandwidth-delay product, so
 *    a TCP flow across the link keeps it busy.
 * At 10 mbit with no delay that is `burst 5000 latency 50ms` (a 67 500-byte
 * queue); measured across a veth it gives 10 mbit within a few percent.
 */

/** What a link end may be given (YAML or `nslab link set`). */
export interface ImpairmentSpec {
  /** Bits per second. */
  readonly rate?: number;
  /** Microseconds. */
  readonly delay?: number;
  /** Microseconds; needs a delay. */
  readonly jitter?: number;
  /** Percent of packets. */
  readonly loss?: number;
  readonly corrupt?: number;
  readonly duplicate?: number;
  /** Percent of packets sent without the delay; needs a delay. */
  readonly reorder?: number;
  /** netem's queue in packets (1000 when unset). */
  readonly limit?: number;
}

export interface ImpairmentOptions {
  /** The interface's MTU (sets the smallest burst); 1500 when unset. */
  readonly mtu?: number;
  /** A name for the interface in messages and commands ("h1:eth0"). */
  readonly dev?: string;
  /** The topology object these came from (file:line), for errors. */
  readonly origin?: string;
}

/** Handles nslab's impairment qdiscs use. */
export const IMPAIRMENT_ROOT = tcHandle(1); // 1:
export const IMPAIRMENT_NETEM_CLASS = tcHandle(1, 1); // 1:1, netem's only class
export const IMPAIRMENT_TBF_CHILD = tcHandle(0x10); // 10:

/** Ethernet header bytes on top of the MTU (ETH_HLEN). */
const ETH_HLEN = 14;
/** Microseconds of tokens in the default bucket: rate/HZ at HZ=250. */
const BURST_US = 4000;
/** The least queue a tbf gets, as a time at its rate. */
const BASE_LATENCY_US = 50_000;

/** The slowest rate nslab shapes to: 1kbit (a full bucket then fills in 24 s). */
const MIN_RATE_BITS = 1000;

const NETEM_FIELDS = ['delay', 'jitter', 'loss', 'corrupt', 'duplicate', 'reorder', 'limit'] as const;

/** The default tbf for a rate (bits/s), following the policy above. */
export function tbfFor(rateBits: number, spec: Pick<ImpairmentSpec, 'delay' | 'jitter'> = {}, mtu = 1500): TbfLatencyOptions {
  const rate = Math.floor(rateBits / 8);
  const burst = Math.max(Math.ceil((rate * BURST_US) / 1e6), 2 * (mtu + ETH_HLEN));
  return { rate, burst, latency: BASE_LATENCY_US + (spec.delay ?? 0) + (spec.jitter ?? 0) };
}

/** Throws a TypeError/RangeError naming the field for a spec that cannot be applied. */
export function checkImpairment(spec: ImpairmentSpec): void {
  if (spec.rate !== undefined && !(Number.isFinite(spec.rate) && spec.rate >= MIN_RATE_BITS)) {
    throw new RangeError(`rate must be at least 1kbit, got ${spec.rate} bit/s (below that tbf's bucket takes minutes to fill)`);
  }
  for (const k of ['loss', 'corrupt', 'duplicate', 'reorder'] as const) {
    const v = spec[k];
    if (v !== undefined && !(v >= 0 && v <= 100)) throw new RangeError(`${k} must be between 0% and 100%, got ${v}`);
  }
  for (const k of ['delay', 'jitter'] as const) {
    const v = spec[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) throw new RangeError(`${k} must be a whole number of microseconds, got ${v}`);
  }
  if (spec.jitter !== undefined && spec.delay === undefined) throw new TypeError('jitter needs a delay (jitter varies the delay)');
  if (spec.reorder && !spec.delay) throw new TypeError('reorder needs a delay (reordering sends some packets without it)');
  if (spec.limit !== undefined) {
    if (!(Number.isInteger(spec.limit) && spec.limit >= 1 && spec.limit <= 0xffff_ffff)) throw new RangeError(`limit must be a whole number of packets, got ${spec.limit}`);
    if (!NETEM_FIELDS.some((k) => k !== 'limit' && spec[k] !== undefined)) {
      throw new TypeError('limit is the netem queue length in packets; it needs delay, loss, corrupt, duplicate or reorder');
    }
  }
}

function netemOptions(spec: ImpairmentSpec): NetemOptions | undefined {
  const o: Record<string, number> = {};
  for (const k of NETEM_FIELDS) {
    const v = spec[k];
    if (v !== undefined) o[k] = v;
  }
  return Object.keys(o).length > 0 ? (o as NetemOptions) : undefined;
}

/** One qdisc of an impairment: where it goes and what it is. */
export interface PlannedQdisc {
  readonly target: QdiscTarget;
  readonly info: QdiscInfo;
}

/** The qdiscs (root first) that give interface `index` this impairment. */
export function impairmentQdiscs(index: number, spec: ImpairmentSpec, opts: ImpairmentOptions = {}): PlannedQdisc[] {
  checkImpairment(spec);
  const dev = opts.dev === undefined ? {} : { dev: opts.dev };
  const out: PlannedQdisc[] = [];
  const n = netemOptions(spec);
  if (n) out.push({ target: { index, parent: TC_H.TC_H_ROOT, handle: IMPAIRMENT_ROOT, ...dev }, info: netem(n) });
  if (spec.rate !== undefined) {
    const t = tbf(tbfFor(spec.rate, spec, opts.mtu));
    const target: QdiscTarget = n
      ? { index, parent: IMPAIRMENT_NETEM_CLASS, handle: IMPAIRMENT_TBF_CHILD, ...dev }
      : { index, parent: TC_H.TC_H_ROOT, handle: IMPAIRMENT_ROOT, ...dev };
    out.push({ target, info: t });
  }
  return out;
}

/**
 * The requests (root first) that install the impairment on a device that
 * has only its default qdisc. To change an impaired link, send
 * clearImpairment() first: a root of another kind cannot be changed in place.
 */
export function impairmentRequests(index: number, spec: ImpairmentSpec, opts: ImpairmentOptions = {}): Request[] {
  return impairmentQdiscs(index, spec, opts).map((q) => newQdisc(q.target, q.info, opts.origin ? { origin: opts.origin } : {}));
}

/** `tc qdisc del dev DEV root`: removes the impairment (and its children). */
export function clearImpairment(index: number, opts: Pick<ImpairmentOptions, 'dev' | 'origin'> = {}): Request {
  return delQdisc({ index, parent: TC_H.TC_H_ROOT, ...(opts.dev === undefined ? {} : { dev: opts.dev }) }, opts.origin);
}

/** The same impairment as tc commands, for `--explain`. */
export function impairmentCommands(dev: string, spec: ImpairmentSpec, opts: Pick<ImpairmentOptions, 'mtu'> = {}): string[] {
  return impairmentQdiscs(0, spec, { ...opts, dev }).map((q) => qdiscCommand(q.target, q.info));
}

/** The fields as users write them: strings with units, or numbers for limit and percentages. */
export type ImpairmentText = Partial<Record<keyof ImpairmentSpec, string | number>>;

/**
 * Read the human forms: rate "10mbit", delay/jitter "50ms", loss etc. "1%"
 * (a bare number is a percentage too), limit a whole number. A rate or time
 * given as a bare number is refused: its unit would be a guess.
 */
export function parseImpairment(text: ImpairmentText): ImpairmentSpec {
  const out: Record<string, number> = {};
  for (const [key, raw] of Object.entries(text)) {
    if (raw === undefined) continue;
    const k = key as keyof ImpairmentSpec;
    switch (k) {
      case 'rate':
        if (typeof raw === 'number') throw new TypeError(`rate ${raw} needs a unit, e.g. ${raw}mbit or ${raw}kbit`);
        out[k] = parseRate(raw, 'rate');
        break;
      case 'delay':
      case 'jitter':
        if (typeof raw === 'number') throw new TypeError(`${k} ${raw} needs a unit, e.g. ${raw}ms or ${raw}us`);
        out[k] = parseTime(raw, k);
        break;
      case 'loss':
      case 'corrupt':
      case 'duplicate':
      case 'reorder':
        out[k] = typeof raw === 'number' ? raw : parsePercent(raw, k);
        break;
      case 'limit': {
        const n = typeof raw === 'number' ? raw : /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
        if (!Number.isInteger(n)) throw new TypeError(`limit '${raw}' is not a whole number of packets`);
        out[k] = n;
        break;
      }
      default:
        throw new TypeError(`'${key}' is not a link impairment (rate, delay, jitter, loss, corrupt, duplicate, reorder, limit)`);
    }
  }
  const spec = out as ImpairmentSpec;
  checkImpairment(spec);
  return spec;
}

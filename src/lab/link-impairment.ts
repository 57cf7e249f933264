import { TC_H, formatHandle, type Qdisc } from '../rtnl/qdisc.js';
import { IMPAIRMENT_NETEM_CLASS, checkImpairment, type ImpairmentSpec } from '../topology/impairment.js';
import { NETEM_DEFAULT_LIMIT } from '../rtnl/qdisc/netem.js';
import { formatPercent, formatRate, formatTime, parsePercent, parseRate, parseTime } from '../inet/units.js';

/**
 * What `nslab link` says and reads without the kernel: endpoint and flag
 * parsing, merging a change into what an interface has, reading an
 * impairment back from decoded qdiscs, and the words for a missing qdisc.
 * The kernel side is ./link-control.ts.
 */

/** A refused change the user can act on (a missing kernel feature, an unknown interface). */
export class LinkControlError extends Error {
  override readonly name = 'LinkControlError';
}

/** Which kernel option each qdisc kind needs. */
const QDISC_CONFIG: Readonly<Record<string, string>> = {
  netem: 'CONFIG_NET_SCH_NETEM',
  tbf: 'CONFIG_NET_SCH_TBF',
};

/**
 * One line for a qdisc kind the kernel does not have, naming the option
 * and the kernel's own words, and saying what still works.
 */
export function missingQdiscMessage(kind: string, kernelSays: string): string {
  const config = QDISC_CONFIG[kind] ?? `CONFIG_NET_SCH_${kind.toUpperCase()}`;
  const base = `this kernel has no ${kind} (${config}; the kernel says "${kernelSays}")`;
  if (kind === 'netem') return `${base}: delay, jitter, loss, corrupt, duplicate and reorder cannot be emulated; rate works (tbf)`;
  if (kind === 'tbf') return `${base}: rate cannot be limited`;
  return base;
}

/** "h1:eth0" → node and interface. */
export function parseEndpoint(text: string): { node: string; iface: string } {
  const m = /^([^:\s]+):([^:\s]+)$/.exec(text);
  if (!m) throw new LinkControlError(`'${text}' is not NODE:INTERFACE (e.g. h1:eth0)`);
  return { node: m[1] as string, iface: m[2] as string };
}


/** Flags of `nslab link set` as typed. */
export interface ImpairmentFlags {
  readonly rate?: string;
  readonly delay?: string;
  readonly jitter?: string;
  readonly loss?: string;
  readonly corrupt?: string;
  readonly duplicate?: string;
  readonly reorder?: string;
}

const PERCENT_FIELDS = ['loss', 'corrupt', 'duplicate', 'reorder'] as const;

/**
 * The flags given, parsed one by one (no cross-field check yet: `--jitter`
 * alone is fine when the link already has a delay). A value of zero
 * (`--loss 0%`, `--delay 0ms`) removes that field.
 */
export function parseFlags(f: ImpairmentFlags): Partial<Record<keyof ImpairmentSpec, number>> {
  const out: Partial<Record<keyof ImpairmentSpec, number>> = {};
  if (f.rate !== undefined) out.rate = parseRate(f.rate, '--rate');
  if (f.delay !== undefined) out.delay = parseTime(f.delay, '--delay');
  if (f.jitter !== undefined) out.jitter = parseTime(f.jitter, '--jitter');
  for (const k of PERCENT_FIELDS) {
    const v = f[k];
    if (v !== undefined) out[k] = parsePercent(/^\s*[\d.]+\s*$/.test(v) ? `${v}%` : v, `--${k}`);
  }
  return out;
}

/** The current spec with the changes on top; zeros drop a field. Throws when the result cannot be applied. */
export function mergeImpairment(current: ImpairmentSpec, changes: Partial<Record<keyof ImpairmentSpec, number>>): ImpairmentSpec {
  const merged: Record<string, number> = { ...current };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) continue;
    if (v === 0 && k !== 'rate') delete merged[k];
    else merged[k] = v;
  }
  // Without a delay, jitter and reorder mean nothing: dropping the delay drops them.
  if (merged.delay === undefined && changes.delay === 0) {
    delete merged.jitter;
    delete merged.reorder;
  }
  const spec = merged as ImpairmentSpec;
  checkImpairment(spec);
  return spec;
}

/** What the qdiscs of one interface amount to, read back the way `up` lays them out. */
export interface ReadImpairment {
  readonly spec: ImpairmentSpec;
  /** The root qdisc's kind ("noqueue" for a veth left alone). */
  readonly root: string;
  /** Qdiscs as `tc qdisc show` names them: "netem 1: root", "tbf 10: parent 1:1". */
  readonly qdiscs: readonly string[];
  /** A root nslab did not lay out (e.g. someone's htb): the spec may be partial. */
  readonly foreign: boolean;
  /** Packets the root qdisc dropped (loss, queue overflow). */
  readonly drops: number;
}

/** Decode an interface's qdiscs (from a dump) into the impairment they apply. */
export function impairmentFromQdiscs(qdiscs: readonly Qdisc[]): ReadImpairment {
  const root = qdiscs.find((q) => q.parent === TC_H.TC_H_ROOT);
  const describe = (q: Qdisc): string => `${q.kind} ${q.handle === 0 ? '0:' : formatHandle(q.handle)} ${q.parent === TC_H.TC_H_ROOT ? 'root' : `parent ${formatHandle(q.parent)}`}`;
  const spec: Record<string, number> = {};
  let foreign = false;
  if (root?.kind === 'tbf' && root.tbf) {
    spec.rate = root.tbf.rate * 8;
  } else if (root?.kind === 'netem' && root.netem) {
    const n = root.netem;
    for (const k of ['delay', 'jitter', 'loss', 'corrupt', 'duplicate', 'reorder'] as const) {
      const v = n[k];
      if (v !== undefined && v !== 0) spec[k] = v;
    }
    if (n.limit !== undefined && n.limit !== NETEM_DEFAULT_LIMIT) spec.limit = n.limit;
    const child = qdiscs.find((q) => q.parent === IMPAIRMENT_NETEM_CLASS && q.kind === 'tbf');
    if (child?.tbf) spec.rate = child.tbf.rate * 8;
  } else if (root && root.kind !== 'noqueue' && root.kind !== 'pfifo_fast' && root.kind !== 'fq_codel' && root.kind !== 'mq') {
    foreign = true;
  }
  return {
    spec: spec as ImpairmentSpec,
    root: root?.kind ?? 'none',
    qdiscs: qdiscs.map(describe),
    foreign,
    drops: root?.stats?.drops ?? 0,
  };
}

/** "rate 10mbit delay 50ms jitter 5ms loss 1%", or "" for none. */
export function formatImpairment(s: ImpairmentSpec): string {
  const parts: string[] = [];
  if (s.rate !== undefined) parts.push(`rate ${formatRate(s.rate)}`);
  if (s.delay !== undefined) parts.push(`delay ${formatTime(s.delay)}`);
  if (s.jitter !== undefined) parts.push(`jitter ${formatTime(s.jitter)}`);
  for (const k of PERCENT_FIELDS) {
    const v = s[k];
    if (v !== undefined) parts.push(`${k} ${formatPercent(v)}`);
  }
  if (s.limit !== undefined) parts.push(`limit ${s.limit}`);
  return parts.join(' ');
}

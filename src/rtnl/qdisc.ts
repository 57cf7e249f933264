import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { attrMap, read } from '../netlink/attributes.js';
import type { NetlinkError } from '../netlink/error.js';
import { NLM_F } from '../netlink/constants.js';
import { CREATE_EXCL, DUMP, REQUEST_ACK, type Message, type Request } from '../netlink/message.js';
import { Writer } from '../netlink/writer.js';
import type { QdiscInfo } from './qdisc/kind.js';
import { AF_UNSPEC, RTM } from './constants.js';
import { decodeNetemOptions, type NetemOptions } from './qdisc/netem.js';
import { decodeTbfOptions, type TbfOptions } from './qdisc/tbf.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';

/**
 * Queueing disciplines (<linux/rtnetlink.h> struct tcmsg, TCA_*; handles from
 * <linux/pkt_sched.h>): add, replace, delete, dump and decode. Each kind
 * (netem, tbf) lives in ./qdisc/ and owns the payload of TCA_OPTIONS.
 */

/** Attributes of a qdisc message (enum in <linux/rtnetlink.h>). */
export const TCA = {
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
  TCA_EXT_WARN_MSG: 16,
} as const;

/** Nested in TCA_STATS2 (<linux/gen_stats.h>). */
export const TCA_STATS = {
  TCA_STATS_BASIC: 1,
  TCA_STATS_RATE_EST: 2,
  TCA_STATS_QUEUE: 3,
  TCA_STATS_APP: 4,
  TCA_STATS_RATE_EST64: 5,
  TCA_STATS_PAD: 6,
  TCA_STATS_BASIC_HW: 7,
  TCA_STATS_PKT64: 8,
} as const;

/** Special handles (<linux/pkt_sched.h>). */
export const TC_H = {
  TC_H_UNSPEC: 0,
  TC_H_ROOT: 0xffff_ffff,
  TC_H_INGRESS: 0xffff_fff1,
} as const;

export const TC_H_MAJ_MASK = 0xffff_0000;
export const TC_H_MIN_MASK = 0x0000_ffff;

/** struct tcmsg is 20 bytes: family, 3 pad, ifindex, handle, parent, info. */
export const TCMSG_LEN = 20;

/** TC_H_MAKE(maj << 16, min): `tc` writes it "maj:min", both in hex. */
export function tcHandle(major: number, minor = 0): number {
  if (!Number.isInteger(major) || major < 0 || major > 0xffff) throw new RangeError(`qdisc handle major ${major} is not 0..ffff`);
  if (!Number.isInteger(minor) || minor < 0 || minor > 0xffff) throw new RangeError(`qdisc handle minor ${minor} is not 0..ffff`);
  return ((major << 16) | minor) >>> 0;
}

/** A handle as tc prints it: "root", "1:", "1:1", "10:" (hex), "none" for 0. */
export function formatHandle(h: number): string {
  if (h === TC_H.TC_H_ROOT) return 'root';
  if (h === TC_H.TC_H_INGRESS) return 'ingress';
  if (h === 0) return 'none';
  const maj = (h >>> 16).toString(16);
  const min = h & TC_H_MIN_MASK;
  return min === 0 ? `${maj}:` : `${maj}:${min.toString(16)}`;
}

/** tc's get_tc_classid(): "root", "1:", "1:1", "ffff:" (hex digits). */
export function parseHandle(text: string): number {
  if (text === 'root') return TC_H.TC_H_ROOT;
  if (text === 'none') return 0;
  const m = /^([0-9a-fA-F]{1,4})?:([0-9a-fA-F]{1,4})?$/.exec(text);
  if (!m) throw new TypeError(`'${text}' is not a tc handle (e.g. 1:, 1:1, root)`);
  return tcHandle(parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16));
}

/** Where a qdisc sits: interface, parent (TC_H_ROOT or a class) and its own handle. */
export interface QdiscTarget {
  readonly index: number;
  readonly parent: number;
  /** 0 lets the kernel choose (8001: …), as `tc` does without `handle`. */
  readonly handle?: number;
  /** A name for the interface in messages ("h1:eth0"); the kernel sees only index. */
  readonly dev?: string;
}

/** struct tcmsg */
function writeTcmsg(w: Writer, index: number, handle: number, parent: number): void {
  w.u8(AF_UNSPEC).u8(0).u16(0).i32(index).u32(handle).u32(parent).u32(0);
}

/** "dev eth0 root handle 1:" / "dev eth0 parent 1:1 handle 10:", as tc takes them. */
function where(t: QdiscTarget): string {
  const dev = t.dev ?? `ifindex ${t.index}`;
  const parent = t.parent === TC_H.TC_H_ROOT ? 'root' : `parent ${formatHandle(t.parent)}`;
  const handle = t.handle ? ` handle ${formatHandle(t.handle)}` : '';
  return `dev ${dev} ${parent}${handle}`;
}

/**
 * `tc qdisc add dev DEV (root|parent P) [handle H] KIND ARGS`, or with
 * `replace: true`, `tc qdisc replace …` (NLM_F_CREATE | NLM_F_REPLACE: the
 * kernel swaps a different qdisc at that place for this one).
 */
export function newQdisc(target: QdiscTarget, info: QdiscInfo, opts: { replace?: boolean; origin?: string } = {}): Request {
  const w = new Writer(1200);
  writeTcmsg(w, target.index, target.handle ?? 0, target.parent);
  w.attrString(TCA.TCA_KIND, info.kind);
  if (info.options) {
    const write = info.options;
    w.attr(TCA.TCA_OPTIONS, (x) => write(x));
  }
  const flags = opts.replace
    ? NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_REPLACE
    : CREATE_EXCL;
  return {
    type: RTM.RTM_NEWQDISC,
    flags,
    body: w.finish(),
    what: `${opts.replace ? 'replace' : 'add'} qdisc ${where(target)} ${info.kind}${info.args ? ` ${info.args}` : ''}`,
    ...(opts.origin ? { origin: opts.origin } : {}),
  };
}

/** The tc command a newQdisc() request stands for (for `--explain` and tests). */
export function qdiscCommand(target: QdiscTarget, info: QdiscInfo, opts: { replace?: boolean } = {}): string {
  return `tc qdisc ${opts.replace ? 'replace' : 'add'} ${where(target)} ${info.kind}${info.args ? ` ${info.args}` : ''}`;
}

/**
 * `tc qdisc del dev DEV root` (handle 0: whatever qdisc is at the root), or
 * one qdisc by parent and handle. Deleting the root deletes its children.
 * A device with only its default qdisc answers ENOENT ("Cannot delete qdisc
 * with handle of zero").
 */
export function delQdisc(target: QdiscTarget, origin?: string): Request {
  const w = new Writer(TCMSG_LEN);
  writeTcmsg(w, target.index, target.handle ?? 0, target.parent);
  return {
    type: RTM.RTM_DELQDISC,
    flags: REQUEST_ACK,
    body: w.finish(),
    what: `delete qdisc ${where(target)}`,
    ...(origin ? { origin } : {}),
  };
}

/**
 * `tc qdisc show [dev DEV]`. The kernel dumps every qdisc of the namespace
 * whatever tcm_ifindex says (tc filters on its side, and so must the caller:
 * see `qdiscsOf`); tc sends the ifindex all the same, and so does this.
 */
export function dumpQdiscs(index = 0): Request {
  const w = new Writer(TCMSG_LEN);
  writeTcmsg(w, index, 0, 0);
  return { type: RTM.RTM_GETQDISC, flags: DUMP, body: w.finish(), what: index ? `list qdiscs of ifindex ${index}` : 'list qdiscs' };
}

export interface QdiscStats {
  readonly bytes: bigint;
  readonly packets: number;
  readonly drops: number;
  readonly overlimits: number;
  readonly requeues: number;
  readonly qlen: number;
  readonly backlog: number;
}

/** A qdisc as the kernel reports it (RTM_NEWQDISC), with the options nslab encodes decoded. */
export interface Qdisc {
  readonly index: number;
  readonly handle: number;
  readonly parent: number;
  readonly kind: string;
  readonly tbf?: TbfOptions;
  readonly netem?: NetemOptions;
  /** TCA_OPTIONS of a kind nslab does not decode, as sent. */
  readonly rawOptions?: Uint8Array;
  readonly stats?: QdiscStats;
}

const KIND_DECODERS: Readonly<Record<string, (data: Uint8Array) => Partial<Pick<Qdisc, 'tbf' | 'netem'>>>> = {
  tbf: (d) => ({ tbf: decodeTbfOptions(d) }),
  netem: (d) => ({ netem: decodeNetemOptions(d) }),
};

function decodeStats(stats2: Uint8Array): QdiscStats {
  const a = attrMap(stats2);
  const basic = a.get(TCA_STATS.TCA_STATS_BASIC);
  const queue = a.get(TCA_STATS.TCA_STATS_QUEUE);
  const pkt64 = a.get(TCA_STATS.TCA_STATS_PKT64);
  const u32At = (b: Uint8Array | undefined, off: number): number =>
    b && b.length >= off + 4 ? new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(off, HOST_LITTLE_ENDIAN) : 0;
  return {
    bytes: basic && basic.length >= 8 ? read.u64(basic) : 0n,
    packets: pkt64 ? Number(read.u64(pkt64)) : u32At(basic, 8),
    qlen: u32At(queue, 0),
    backlog: u32At(queue, 4),
    drops: u32At(queue, 8),
    requeues: u32At(queue, 12),
    overlimits: u32At(queue, 16),
  };
}

/** Decode an RTM_NEWQDISC message (a dump part or an echo). */
export function decodeQdisc(msg: Message): Qdisc {
  const p = msg.payload;
  if (p.length < TCMSG_LEN) throw new NetlinkDecodeError('RTM_NEWQDISC payload', 0, `${TCMSG_LEN} bytes (struct tcmsg)`, `it is ${p.length} bytes`);
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const attrs = attrMap(p.subarray(TCMSG_LEN));
  const kindAttr = attrs.get(TCA.TCA_KIND);
  const kind = kindAttr ? read.string(kindAttr) : '';
  const options = attrs.get(TCA.TCA_OPTIONS);
  const stats2 = attrs.get(TCA.TCA_STATS2);
  const decoder = KIND_DECODERS[kind];
  // Options a decoder cannot read (a kernel newer than nslab, say) are kept
  // raw rather than failing the whole dump.
  let decoded: Partial<Pick<Qdisc, 'tbf' | 'netem'>> | undefined;
  if (options && decoder) {
    try {
      decoded = decoder(options);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
  }
  return {
    index: v.getInt32(4, HOST_LITTLE_ENDIAN),
    handle: v.getUint32(8, HOST_LITTLE_ENDIAN),
    parent: v.getUint32(12, HOST_LITTLE_ENDIAN),
    kind,
    ...(decoded ?? {}),
    ...(options && !decoded && options.length > 0 ? { rawOptions: options.slice() } : {}),
    ...(stats2 ? { stats: decodeStats(stats2) } : {}),
  };
}

/** The qdiscs of one interface from a dump (the kernel sends every interface's). */
export function qdiscsOf(messages: readonly Message[], index: number): Qdisc[] {
  return messages.filter((m) => m.header.type === RTM.RTM_NEWQDISC).map(decodeQdisc).filter((q) => q.index === index);
}

/** The kernel's extack when a request names a qdisc kind it does not have. */
export const UNKNOWN_QDISC_KIND = 'Specified qdisc kind is unknown';

/**
 * The kind a refused qdisc request asked for, when the kernel refused it
 * because it has no such qdisc (e.g. netem not built in); else undefined.
 * Lets a caller say "this kernel has no netem" instead of "ENOENT".
 */
export function unsupportedQdiscKind(err: NetlinkError): string | undefined {
  if (!err.extackMessage?.startsWith(UNKNOWN_QDISC_KIND)) return undefined;
  const body = err.request?.body;
  if (!body || body.length < TCMSG_LEN) return undefined;
  const kind = attrMap(body.subarray(TCMSG_LEN)).get(TCA.TCA_KIND);
  return kind ? read.string(kind) : undefined;
}

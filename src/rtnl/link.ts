import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { formatMac } from '../inet/mac.js';
import { attrMap, read } from '../netlink/attributes.js';
import { CREATE_EXCL, DUMP, REQUEST_ACK, type Message, type Request } from '../netlink/message.js';
import { Writer } from '../netlink/writer.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';
import {
  AF_INET6, AF_UNSPEC, IFF, IFINFOMSG_LEN, IFLA, IFLA_INET6_ADDR_GEN_MODE, IFLA_INFO, IN6_ADDR_GEN_MODE_NONE, OPERSTATES, RTM,
} from './constants.js';

/**
 * A link kind's part of IFLA_LINKINFO: the kind string and, if the kind
 * has options, a writer for IFLA_INFO_DATA. Kinds live in ./kinds/, one file each.
 */
export interface LinkInfo {
  readonly kind: string;
  readonly data?: (w: Writer) => void;
}

/** What a link is given at birth or changed to later. Unset fields are left alone. */
export interface LinkAttrs {
  /** Interface name (IFLA_IFNAME). */
  readonly name?: string;
  /** The ifindex to use (ifi_index); the kernel picks one when unset or 0. */
  readonly index?: number;
  readonly up?: boolean;
  readonly mtu?: number;
  /** MAC address, 6 bytes (IFLA_ADDRESS). */
  readonly mac?: Uint8Array;
  /** Link group (IFLA_GROUP), which lets many links go in one delete. */
  readonly group?: number;
  /** ifindex of the bridge this link is a port of (IFLA_MASTER; 0 detaches). */
  readonly master?: number;
  /** Put the link in this network namespace (IFLA_NET_NS_FD). */
  readonly netnsFd?: number;
  /** No IPv6 link-local address (IFLA_INET6_ADDR_GEN_MODE none). */
  readonly noIpv6LinkLocal?: boolean;
  readonly info?: LinkInfo;
}

/** struct ifinfomsg */
export function writeIfinfomsg(w: Writer, index: number, up: boolean | undefined, family = AF_UNSPEC): void {
  w.u8(family).u8(0).u16(0).i32(index);
  w.u32(up ? IFF.IFF_UP : 0).u32(up === undefined ? 0 : IFF.IFF_UP);
}

/**
 * ifinfomsg plus attributes, in the order `ip link` writes them for
 * `ip link add mtu M address A group G master B netns NS name N type KIND`.
 */
export function writeLinkBody(w: Writer, a: LinkAttrs): void {
  writeIfinfomsg(w, a.index ?? 0, a.up);
  if (a.mtu !== undefined) w.attrU32(IFLA.IFLA_MTU, a.mtu);
  if (a.mac !== undefined) w.attrBytes(IFLA.IFLA_ADDRESS, a.mac);
  if (a.group !== undefined) w.attrU32(IFLA.IFLA_GROUP, a.group);
  if (a.master !== undefined) w.attrU32(IFLA.IFLA_MASTER, a.master);
  if (a.netnsFd !== undefined) w.attrU32(IFLA.IFLA_NET_NS_FD, a.netnsFd);
  if (a.noIpv6LinkLocal) {
    w.nest(IFLA.IFLA_AF_SPEC, () => w.nest(AF_INET6, () => w.attrU8(IFLA_INET6_ADDR_GEN_MODE, IN6_ADDR_GEN_MODE_NONE)));
  }
  if (a.name !== undefined) w.attrString(IFLA.IFLA_IFNAME, a.name);
  if (a.info !== undefined) {
    const info = a.info;
    w.nest(IFLA.IFLA_LINKINFO, () => {
      // No NUL: iproute2 sends the kind as bare bytes and the kernel accepts both.
      w.attrBytes(IFLA_INFO.IFLA_INFO_KIND, new TextEncoder().encode(info.kind));
      if (info.data) w.nest(IFLA_INFO.IFLA_INFO_DATA, info.data);
    });
  }
}

function body(a: LinkAttrs): Uint8Array {
  const w = new Writer();
  writeLinkBody(w, a);
  return w.finish();
}

function describe(a: LinkAttrs): string {
  return a.name ?? (a.index ? `ifindex ${a.index}` : 'link');
}

/** `ip link add name NAME … type KIND …` */
export function newLink(a: LinkAttrs & { name: string; info: LinkInfo }, origin?: string): Request {
  return {
    type: RTM.RTM_NEWLINK,
    flags: CREATE_EXCL,
    body: body(a),
    what: `create ${a.info.kind} link ${a.name}`,
    ...(origin ? { origin } : {}),
  };
}

/** `ip link set dev NAME [up|down] [mtu M] [address A] [master B] …` (by ifindex). */
export function setLink(a: LinkAttrs & { index: number }, origin?: string): Request {
  const changes = [
    a.up === undefined ? '' : a.up ? 'up' : 'down',
    a.mtu === undefined ? '' : `mtu ${a.mtu}`,
    a.master === undefined ? '' : `master ${a.master}`,
  ].filter(Boolean);
  return {
    type: RTM.RTM_NEWLINK,
    flags: REQUEST_ACK,
    body: body(a),
    what: `set link ${describe(a)} ${changes.join(' ')}`.trim(),
    ...(origin ? { origin } : {}),
  };
}

/** `ip link del dev NAME` by ifindex, or by name when index is 0. */
export function delLink(target: { index: number } | { name: string }, origin?: string): Request {
  const a: LinkAttrs = 'index' in target ? { index: target.index } : { name: target.name };
  return { type: RTM.RTM_DELLINK, flags: REQUEST_ACK, body: body(a), what: `delete link ${describe(a)}`, ...(origin ? { origin } : {}) };
}

/** `ip link del group N`: every link of a group in one request. */
export function delLinkGroup(group: number): Request {
  return { type: RTM.RTM_DELLINK, flags: REQUEST_ACK, body: body({ group }), what: `delete link group ${group}` };
}

/** `ip link show` (a dump of every link in the namespace). */
export function dumpLinks(): Request {
  const w = new Writer();
  writeIfinfomsg(w, 0, undefined);
  w.attrU32(IFLA.IFLA_EXT_MASK, 1 /* RTEXT_FILTER_VF */);
  return { type: RTM.RTM_GETLINK, flags: DUMP, body: w.finish(), what: 'list links' };
}

export interface LinkStats {
  readonly rxPackets: bigint;
  readonly txPackets: bigint;
  readonly rxBytes: bigint;
  readonly txBytes: bigint;
}

/** A link as the kernel reports it (RTM_NEWLINK). */
export interface Link {
  readonly index: number;
  readonly name: string;
  readonly flags: number;
  /** IFF_UP: set up by someone (`ip link set up`). */
  readonly up: boolean;
  /** IFF_LOWER_UP: the other end is there and up (a veth's peer). */
  readonly carrier: boolean;
  /** The state people read: `down` (not set up), `no-carrier` (up, peer down or gone), `up`. */
  readonly state: LinkState;
  readonly operstate: string;
  readonly mtu?: number;
  readonly mac?: string;
  readonly master?: number;
  readonly group?: number;
  readonly kind?: string;
  /** IFLA_LINK: the peer's ifindex for a veth (in the peer's namespace). */
  readonly link?: number;
  readonly linkNetnsId?: number;
  readonly stats?: LinkStats;
}

export type LinkState = 'up' | 'down' | 'no-carrier';

/** The state `ip link` shows from IFF_UP and IFF_LOWER_UP ("state DOWN", "NO-CARRIER", "LOWER_UP"). */
export function linkStateOf(flags: number): LinkState {
  if (!(flags & IFF.IFF_UP)) return 'down';
  return flags & IFF.IFF_LOWER_UP ? 'up' : 'no-carrier';
}

export function decodeLink(msg: Message): Link {
  const p = msg.payload;
  if (p.length < IFINFOMSG_LEN) throw new NetlinkDecodeError('RTM_NEWLINK payload', 0, `${IFINFOMSG_LEN} bytes (struct ifinfomsg)`, `it is ${p.length} bytes`);
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const index = v.getInt32(4, HOST_LITTLE_ENDIAN);
  const flags = v.getUint32(8, HOST_LITTLE_ENDIAN);
  const attrs = attrMap(p.subarray(IFINFOMSG_LEN));
  const get = <T>(t: number, f: (b: Uint8Array) => T): T | undefined => {
    const b = attrs.get(t);
    return b ? f(b) : undefined;
  };
  let kind: string | undefined;
  const linkinfo = attrs.get(IFLA.IFLA_LINKINFO);
  if (linkinfo) {
    const k = attrMap(linkinfo).get(IFLA_INFO.IFLA_INFO_KIND);
    if (k) kind = read.string(k);
  }
  let stats: LinkStats | undefined;
  const s64 = attrs.get(IFLA.IFLA_STATS64);
  if (s64 && s64.length >= 32) {
    const sv = new DataView(s64.buffer, s64.byteOffset, s64.byteLength);
    stats = {
      rxPackets: sv.getBigUint64(0, HOST_LITTLE_ENDIAN),
      txPackets: sv.getBigUint64(8, HOST_LITTLE_ENDIAN),
      rxBytes: sv.getBigUint64(16, HOST_LITTLE_ENDIAN),
      txBytes: sv.getBigUint64(24, HOST_LITTLE_ENDIAN),
    };
  }
  const opstate = get(IFLA.IFLA_OPERSTATE, read.u8);
  const link: Link = {
    index,
    name: get(IFLA.IFLA_IFNAME, read.string) ?? '',
    flags,
    up: (flags & IFF.IFF_UP) !== 0,
    carrier: (flags & IFF.IFF_LOWER_UP) !== 0,
    state: linkStateOf(flags),
    operstate: opstate === undefined ? 'UNKNOWN' : OPERSTATES[opstate] ?? String(opstate),
  };
  const optional: Record<string, unknown> = {
    mtu: get(IFLA.IFLA_MTU, read.u32),
    mac: get(IFLA.IFLA_ADDRESS, formatMac),
    master: get(IFLA.IFLA_MASTER, read.u32),
    group: get(IFLA.IFLA_GROUP, read.u32),
    kind,
    link: get(IFLA.IFLA_LINK, read.u32),
    linkNetnsId: get(IFLA.IFLA_LINK_NETNSID, read.i32),
    stats,
  };
  for (const [k, val] of Object.entries(optional)) if (val !== undefined) (link as unknown as Record<string, unknown>)[k] = val;
  return link;
}

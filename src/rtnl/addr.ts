import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { attrMap, read } from '../netlink/attributes.js';
import { CREATE_EXCL, DUMP, REQUEST_ACK, type Message, type Request } from '../netlink/message.js';
import { Writer } from '../netlink/writer.js';
import { AF_INET, AF_INET6, AF_UNSPEC, IFADDRMSG_LEN, IFA, IFA_F, RTM } from './constants.js';
import { formatCidr, formatIp, type Cidr } from '../inet/ip.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';

export interface AddrSpec {
  /** ifindex of the interface. */
  readonly index: number;
  readonly address: Cidr;
  /** Skip duplicate address detection (IPv6): the address is usable at once. */
  readonly nodad?: boolean;
}

function addrBody(a: AddrSpec): Uint8Array {
  const w = new Writer(64);
  const family = a.address.family === 4 ? AF_INET : AF_INET6;
  // struct ifaddrmsg { u8 family, prefixlen, flags, scope; u32 index }
  w.u8(family).u8(a.address.prefix).u8(a.nodad ? IFA_F.IFA_F_NODAD : 0).u8(0).u32(a.index);
  w.attrBytes(IFA.IFA_LOCAL, a.address.bytes);
  w.attrBytes(IFA.IFA_ADDRESS, a.address.bytes);
  return w.finish();
}

/** `ip addr add ADDR/PREFIX dev IF [nodad]` */
export function newAddr(a: AddrSpec, origin?: string): Request {
  return {
    type: RTM.RTM_NEWADDR,
    flags: CREATE_EXCL,
    body: addrBody(a),
    what: `add address ${formatCidr(a.address)} to ifindex ${a.index}`,
    ...(origin ? { origin } : {}),
  };
}

/** `ip addr del ADDR/PREFIX dev IF` */
export function delAddr(a: AddrSpec, origin?: string): Request {
  return {
    type: RTM.RTM_DELADDR,
    flags: REQUEST_ACK,
    body: addrBody(a),
    what: `delete address ${formatCidr(a.address)} from ifindex ${a.index}`,
    ...(origin ? { origin } : {}),
  };
}

/** `ip addr show` (both families, or one). */
export function dumpAddrs(family: 0 | 4 | 6 = 0): Request {
  const w = new Writer(16);
  w.u8(family === 4 ? AF_INET : family === 6 ? AF_INET6 : AF_UNSPEC).u8(0).u8(0).u8(0).u32(0);
  return { type: RTM.RTM_GETADDR, flags: DUMP, body: w.finish(), what: 'list addresses' };
}

/** An address as the kernel reports it (RTM_NEWADDR). */
export interface Address {
  readonly index: number;
  readonly family: 4 | 6;
  readonly prefix: number;
  readonly scope: number;
  /** The address itself, "10.0.1.1". */
  readonly local: string;
  readonly label?: string;
  readonly flags: number;
}

export function decodeAddr(msg: Message): Address {
  const p = msg.payload;
  if (p.length < IFADDRMSG_LEN) throw new NetlinkDecodeError('RTM_NEWADDR payload', 0, `${IFADDRMSG_LEN} bytes (struct ifaddrmsg)`, `it is ${p.length} bytes`);
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const family = p[0] === AF_INET6 ? 6 : 4;
  const attrs = attrMap(p.subarray(IFADDRMSG_LEN));
  const bytes = attrs.get(IFA.IFA_LOCAL) ?? attrs.get(IFA.IFA_ADDRESS) ?? new Uint8Array(family === 4 ? 4 : 16);
  const label = attrs.get(IFA.IFA_LABEL);
  const flagsAttr = attrs.get(IFA.IFA_FLAGS);
  return {
    index: v.getUint32(4, HOST_LITTLE_ENDIAN),
    family,
    prefix: p[1] ?? 0,
    scope: p[3] ?? 0,
    local: formatIp(bytes),
    ...(label ? { label: read.string(label) } : {}),
    flags: flagsAttr ? read.u32(flagsAttr) : p[2] ?? 0,
  };
}

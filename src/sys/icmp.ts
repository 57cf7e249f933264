import { formatIp } from '../inet/ip.js';

/**
 * ICMP and ICMPv6 echo messages (RFC 792, RFC 4443): encode an echo
 * request, decode what a raw socket hands back (an echo reply, or an error
 * that quotes one of our requests). Pure codec: no sockets here (see
 * ./ping.ts). Everything on the wire is big-endian (network order).
 *
 * What a raw socket returns differs by family: an AF_INET raw socket gives
 * the whole IPv4 datagram (header included), an AF_INET6 one only the
 * ICMPv6 message (the kernel strips the IPv6 header).
 */

/** ICMP types (<netinet/ip_icmp.h>). */
export const ICMP = {
  ICMP_ECHOREPLY: 0,
  ICMP_DEST_UNREACH: 3,
  ICMP_ECHO: 8,
  ICMP_TIME_EXCEEDED: 11,
  ICMP_PARAMETERPROB: 12,
} as const;

/** ICMPv6 types (<netinet/icmp6.h>). */
export const ICMP6 = {
  ICMP6_DST_UNREACH: 1,
  ICMP6_PACKET_TOO_BIG: 2,
  ICMP6_TIME_EXCEEDED: 3,
  ICMP6_PARAM_PROB: 4,
  ICMP6_ECHO_REQUEST: 128,
  ICMP6_ECHO_REPLY: 129,
} as const;

/** Codes of ICMP_DEST_UNREACH, as ping(8) words them. */
const UNREACH4: Readonly<Record<number, string>> = {
  0: 'network unreachable',
  1: 'host unreachable',
  2: 'protocol unreachable',
  3: 'port unreachable',
  4: 'fragmentation needed',
  5: 'source route failed',
  6: 'destination network unknown',
  7: 'destination host unknown',
  9: 'network administratively prohibited',
  10: 'host administratively prohibited',
  13: 'communication administratively prohibited',
};

/** Codes of ICMP6_DST_UNREACH. */
const UNREACH6: Readonly<Record<number, string>> = {
  0: 'no route to destination',
  1: 'communication administratively prohibited',
  2: 'beyond scope of source address',
  3: 'address unreachable',
  4: 'port unreachable',
  5: 'source address failed policy',
  6: 'reject route to destination',
};

/** The header every ICMP message starts with: type, code, checksum, id, sequence. */
export const ICMP_HEADER_LEN = 8;
const IPV4_MIN_HEADER = 20;
const IPV6_HEADER = 40;
const IPPROTO_ICMP = 1;
const IPPROTO_ICMPV6 = 58;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones'
 * complement sum of 16-bit big-endian words, an odd last byte padded with 0.
 * A message that carries its own checksum sums to 0.
 */
export function internetChecksum(bytes: Uint8Array): number {
  let sum = 0;
  const n = bytes.length;
  for (let i = 0; i + 1 < n; i += 2) sum += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  if (n % 2 === 1) sum += (bytes[n - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export interface Echo {
  readonly id: number;
  readonly seq: number;
  readonly payload: Uint8Array;
}

/**
 * An echo request: `ping -c 1 -p … ADDR` sends the same thing. For IPv4 the
 * checksum is filled in here; for IPv6 it is left 0, because it covers a
 * pseudo-header of addresses the sender may not know (the kernel always
 * computes it for ICMPv6 raw sockets, RFC 3542 §3.1).
 */
export function encodeEcho(family: 4 | 6, echo: Echo): Uint8Array {
  if (!Number.isInteger(echo.id) || echo.id < 0 || echo.id > 0xffff) throw new RangeError(`ICMP echo id ${echo.id} is not 0..65535`);
  if (!Number.isInteger(echo.seq) || echo.seq < 0 || echo.seq > 0xffff) throw new RangeError(`ICMP echo sequence ${echo.seq} is not 0..65535`);
  const out = new Uint8Array(ICMP_HEADER_LEN + echo.payload.length);
  const v = new DataView(out.buffer);
  out[0] = family === 4 ? ICMP.ICMP_ECHO : ICMP6.ICMP6_ECHO_REQUEST;
  out[1] = 0;
  v.setUint16(4, echo.id, false);
  v.setUint16(6, echo.seq, false);
  out.set(echo.payload, ICMP_HEADER_LEN);
  if (family === 4) v.setUint16(2, internetChecksum(out), false);
  return out;
}

/** What came back for an echo request. */
export type IcmpReceived =
  | { readonly kind: 'reply'; readonly id: number; readonly seq: number; readonly payload: Uint8Array; readonly checksumOk: boolean }
  | {
      readonly kind: 'error';
      /** The quoted request's id and sequence, so the error finds its probe. */
      readonly id: number;
      readonly seq: number;
      /** Where the quoted request was going. */
      readonly dst: string;
      readonly type: number;
      readonly code: number;
      /** "host unreachable", "time to live exceeded", … */
      readonly reason: string;
    };

/** The IPv4 header length of a datagram, or undefined when it is not one. */
function ipv4HeaderLength(b: Uint8Array, off = 0): number | undefined {
  if (b.length < off + IPV4_MIN_HEADER || (b[off] as number) >> 4 !== 4) return undefined;
  const ihl = ((b[off] as number) & 0x0f) * 4;
  return ihl >= IPV4_MIN_HEADER && b.length >= off + ihl ? ihl : undefined;
}

function reason4(type: number, code: number): string {
  if (type === ICMP.ICMP_DEST_UNREACH) return UNREACH4[code] ?? `destination unreachable (code ${code})`;
  if (type === ICMP.ICMP_TIME_EXCEEDED) return code === 0 ? 'time to live exceeded' : 'fragment reassembly time exceeded';
  if (type === ICMP.ICMP_PARAMETERPROB) return 'parameter problem';
  return `ICMP type ${type} code ${code}`;
}

function reason6(type: number, code: number): string {
  if (type === ICMP6.ICMP6_DST_UNREACH) return UNREACH6[code] ?? `destination unreachable (code ${code})`;
  if (type === ICMP6.ICMP6_TIME_EXCEEDED) return code === 0 ? 'hop limit exceeded' : 'fragment reassembly time exceeded';
  if (type === ICMP6.ICMP6_PACKET_TOO_BIG) return 'packet too big';
  if (type === ICMP6.ICMP6_PARAM_PROB) return 'parameter problem';
  return `ICMPv6 type ${type} code ${code}`;
}

/**
 * Decode what an AF_INET raw ICMP socket received (IPv4 header first).
 * Returns undefined for anything that is not an echo reply or an error
 * quoting an echo request (other ICMP traffic of the namespace).
 */
export function decodeIcmp4(datagram: Uint8Array): IcmpReceived | undefined {
  const ihl = ipv4HeaderLength(datagram);
  if (ihl === undefined || datagram[9] !== IPPROTO_ICMP) return undefined;
  const m = datagram.subarray(ihl);
  if (m.length < ICMP_HEADER_LEN) return undefined;
  const v = new DataView(m.buffer, m.byteOffset, m.byteLength);
  const type = m[0] as number;
  const code = m[1] as number;
  if (type === ICMP.ICMP_ECHOREPLY) {
    return { kind: 'reply', id: v.getUint16(4, false), seq: v.getUint16(6, false), payload: m.slice(ICMP_HEADER_LEN), checksumOk: internetChecksum(m) === 0 };
  }
  if (type !== ICMP.ICMP_DEST_UNREACH && type !== ICMP.ICMP_TIME_EXCEEDED && type !== ICMP.ICMP_PARAMETERPROB) return undefined;
  // The error quotes the offending datagram: its IP header and 8 bytes beyond.
  const inner = m.subarray(ICMP_HEADER_LEN);
  const innerIhl = ipv4HeaderLength(inner);
  if (innerIhl === undefined || inner[9] !== IPPROTO_ICMP || inner.length < innerIhl + ICMP_HEADER_LEN) return undefined;
  const q = inner.subarray(innerIhl);
  if (q[0] !== ICMP.ICMP_ECHO) return undefined;
  const qv = new DataView(q.buffer, q.byteOffset, q.byteLength);
  return { kind: 'error', id: qv.getUint16(4, false), seq: qv.getUint16(6, false), dst: formatIp(inner.subarray(16, 20)), type, code, reason: reason4(type, code) };
}

/**
 * Decode what an AF_INET6 raw ICMPv6 socket received (no IPv6 header).
 * The kernel has already checked the checksum of what it delivers.
 */
export function decodeIcmp6(message: Uint8Array): IcmpReceived | undefined {
  if (message.length < ICMP_HEADER_LEN) return undefined;
  const v = new DataView(message.buffer, message.byteOffset, message.byteLength);
  const type = message[0] as number;
  const code = message[1] as number;
  if (type === ICMP6.ICMP6_ECHO_REPLY) {
    return { kind: 'reply', id: v.getUint16(4, false), seq: v.getUint16(6, false), payload: message.slice(ICMP_HEADER_LEN), checksumOk: true };
  }
  if (type !== ICMP6.ICMP6_DST_UNREACH && type !== ICMP6.ICMP6_TIME_EXCEEDED && type !== ICMP6.ICMP6_PACKET_TOO_BIG && type !== ICMP6.ICMP6_PARAM_PROB) {
    return undefined;
  }
  const inner = message.subarray(ICMP_HEADER_LEN);
  // The quoted IPv6 header, then (without extension headers) our echo request.
  if (inner.length < IPV6_HEADER + ICMP_HEADER_LEN || (inner[0] as number) >> 4 !== 6 || inner[6] !== IPPROTO_ICMPV6) return undefined;
  const q = inner.subarray(IPV6_HEADER);
  if (q[0] !== ICMP6.ICMP6_ECHO_REQUEST) return undefined;
  const qv = new DataView(q.buffer, q.byteOffset, q.byteLength);
  return { kind: 'error', id: qv.getUint16(4, false), seq: qv.getUint16(6, false), dst: formatIp(inner.subarray(24, 40)), type, code, reason: reason6(type, code) };
}

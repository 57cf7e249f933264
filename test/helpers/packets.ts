import { parseIp } from '../../src/inet/ip.js';

/*
 * Ethernet frames made by hand for filter and file tests: ARP, IPv4 (with
 * options, fragments), IPv6 (with a fragment header), TCP, UDP, SCTP, ICMP
 * and ICMPv6. Checksums are right where tcpdump would look at them.
 */

const MAC_A = [0x02, 0, 0, 0, 0, 0x0a];
const MAC_B = [0x02, 0, 0, 0, 0, 0x0b];

function ether(type: number, payload: Uint8Array, dst = MAC_B, src = MAC_A): Uint8Array {
  const out = new Uint8Array(14 + payload.length);
  out.set(dst, 0);
  out.set(src, 6);
  new DataView(out.buffer).setUint16(12, type, false);
  out.set(payload, 14);
  return out;
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function addr(text: string, family: 4 | 6): Uint8Array {
  const a = parseIp(text);
  if (a.family !== family) throw new TypeError(`${text} is not IPv${family}`);
  return a.bytes;
}

/** An ARP request (who-has target tell sender) in an Ethernet broadcast. */
export function arpRequest(sender: string, target: string, opts: { rarp?: boolean } = {}): Uint8Array {
  const p = new Uint8Array(28);
  const v = new DataView(p.buffer);
  v.setUint16(0, 1, false); // ARPHRD_ETHER
  v.setUint16(2, 0x0800, false);
  p[4] = 6;
  p[5] = 4;
  v.setUint16(6, 1, false); // request
  p.set(MAC_A, 8);
  p.set(addr(sender, 4), 14);
  p.set(addr(target, 4), 24);
  return ether(opts.rarp ? 0x8035 : 0x0806, p, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
}

export interface Ip4Options {
  /** Fragment offset in 8-byte units (non-first fragments carry no transport header). */
  readonly fragmentOffset?: number;
  readonly moreFragments?: boolean;
  /** The DF bit, which ping and TCP set: not a fragment. */
  readonly dontFragment?: boolean;
  /** Bytes of IP options (a multiple of 4): moves the transport header. */
  readonly optionBytes?: number;
}

/** An IPv4 packet in Ethernet. */
export function ipv4(src: string, dst: string, proto: number, payload: Uint8Array, o: Ip4Options = {}): Uint8Array {
  const hl = 20 + (o.optionBytes ?? 0);
  const p = new Uint8Array(hl + payload.length);
  const v = new DataView(p.buffer);
  p[0] = 0x40 | (hl / 4);
  v.setUint16(2, p.length, false);
  v.setUint16(4, 0x4242, false);
  v.setUint16(6, ((o.dontFragment ? 1 : 0) << 14) | ((o.moreFragments ? 1 : 0) << 13) | (o.fragmentOffset ?? 0), false);
  p[8] = 64;
  p[9] = proto;
  p.set(addr(src, 4), 12);
  p.set(addr(dst, 4), 16);
  for (let i = 20; i < hl; i++) p[i] = 1; // NOP options
  v.setUint16(10, checksum(p.subarray(0, hl)), false);
  p.set(payload, hl);
  return ether(0x0800, p);
}

/** An IPv6 packet in Ethernet; with `fragment`, a fragment header comes first (next header 44). */
export function ipv6(src: string, dst: string, next: number, payload: Uint8Array, opts: { fragment?: boolean } = {}): Uint8Array {
  const ext = opts.fragment ? 8 : 0;
  const p = new Uint8Array(40 + ext + payload.length);
  const v = new DataView(p.buffer);
  p[0] = 0x60;
  v.setUint16(4, ext + payload.length, false);
  p[6] = opts.fragment ? 44 : next;
  p[7] = 64;
  p.set(addr(src, 6), 8);
  p.set(addr(dst, 6), 24);
  if (opts.fragment) {
    p[40] = next;
    v.setUint32(44, 0x1234, false);
  }
  p.set(payload, 40 + ext);
  return ether(0x86dd, p);
}

/** A TCP SYN header (20 bytes). */
export function tcp(sport: number, dport: number): Uint8Array {
  const h = new Uint8Array(20);
  const v = new DataView(h.buffer);
  v.setUint16(0, sport, false);
  v.setUint16(2, dport, false);
  v.setUint32(4, 1, false);
  h[12] = 5 << 4;
  h[13] = 0x02;
  v.setUint16(14, 64240, false);
  return h;
}

/** A UDP header and 4 bytes of data. */
export function udp(sport: number, dport: number): Uint8Array {
  const h = new Uint8Array(12);
  const v = new DataView(h.buffer);
  v.setUint16(0, sport, false);
  v.setUint16(2, dport, false);
  v.setUint16(4, 12, false);
  h.set([0x6e, 0x73, 0x6c, 0x62], 8);
  return h;
}

/** An SCTP common header (ports first, as TCP and UDP). */
export function sctp(sport: number, dport: number): Uint8Array {
  const h = new Uint8Array(12);
  const v = new DataView(h.buffer);
  v.setUint16(0, sport, false);
  v.setUint16(2, dport, false);
  return h;
}

/** An ICMP echo (type 8) or echo reply (type 0) message. */
export function icmpMessage(type: number, id: number, seq: number): Uint8Array {
  const m = new Uint8Array(16);
  const v = new DataView(m.buffer);
  m[0] = type;
  v.setUint16(4, id, false);
  v.setUint16(6, seq, false);
  v.setUint16(2, checksum(m), false);
  return m;
}

/** An ICMP echo request or reply in IPv4 in Ethernet. */
export function icmpEcho(src: string, dst: string, type: number, id: number, seq: number): Uint8Array {
  return ipv4(src, dst, 1, icmpMessage(type, id, seq));
}

/** An ICMPv6 echo request (128) without a valid checksum (filters do not look at it). */
export function icmp6Echo(src: string, dst: string, opts: { fragment?: boolean } = {}): Uint8Array {
  const m = new Uint8Array(12);
  m[0] = 128;
  return ipv6(src, dst, 58, m, opts);
}

import { formatIp } from '../inet/ip.js';
import { formatMac } from '../inet/mac.js';
import { ETH_P, IPPROTO } from '../sys/packet/constants.js';

/**
 * One line per captured frame for the page's packet list, worded as
 * `tcpdump -n` words it: source, destination, protocol and a summary of
 * ARP, ICMP, ICMPv6, TCP, UDP and DNS. Bytes missing at the end (a short
 * snap) make the summary say so rather than throw: the frame came from a
 * node, which can send anything.
 */
export interface PacketSummary {
  readonly src: string;
  readonly dst: string;
  /** ARP, ICMP, ICMPv6, TCP, UDP, DNS, IPv4, IPv6, or the ethertype in hex. */
  readonly proto: string;
  readonly info: string;
}

const { ETH_P_IP, ETH_P_ARP, ETH_P_IPV6, ETH_P_8021Q, ETH_P_8021AD } = ETH_P;
const { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_ICMPV6, IPPROTO_FRAGMENT } = IPPROTO;
/** IPv6 extension headers skipped on the way to the payload (hop-by-hop, routing, destination options). */
const IPV6_EXT = new Set([0, 43, 60]);

const DNS_PORTS = new Set([53, 5353]);

class Bytes {
  readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  has(at: number, n: number): boolean {
    return at >= 0 && at + n <= this.data.length;
  }
  u8(at: number): number {
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    return this.view.getUint16(at, false);
  }
  u32(at: number): number {
    return this.view.getUint32(at, false);
  }
  slice(at: number, n: number): Uint8Array {
    return this.data.subarray(at, at + n);
  }
}

/** An ICMP or ICMPv6 echo, as tcpdump words it (id and seq when the header is all there). */
function echoLine(b: Bytes, at: number, len: number, what: string): string {
  return b.has(at, 8) ? `${what}, id ${b.u16(at + 4)}, seq ${b.u16(at + 6)}, length ${len}` : what;
}

const ICMP_UNREACH = ['net', 'host', 'protocol', 'port', 'need to frag', 'source route failed'];

function icmp(b: Bytes, at: number, len: number): string {
  if (!b.has(at, 4)) return 'truncated';
  const type = b.u8(at);
  const code = b.u8(at + 1);
  const echo = (what: string): string => echoLine(b, at, len, what);
  switch (type) {
    case 0:
      return echo('echo reply');
    case 8:
      return echo('echo request');
    case 3:
      return `${ICMP_UNREACH[code] ?? `code ${code}`} unreachable`;
    case 11:
      return code === 0 ? 'time exceeded in-transit' : 'ip reassembly time exceeded';
    default:
      return `type ${type}, code ${code}, length ${len}`;
  }
}

function icmp6(b: Bytes, at: number, len: number): string {
  if (!b.has(at, 4)) return 'truncated';
  const type = b.u8(at);
  const echo = (what: string): string => echoLine(b, at, len, what);
  const target = (what: string): string => (b.has(at + 8, 16) ? `${what}, who has ${formatIp(b.slice(at + 8, 16))}` : what);
  switch (type) {
    case 128:
      return echo('echo request');
    case 129:
      return echo('echo reply');
    case 133:
      return 'router solicitation';
    case 134:
      return 'router advertisement';
    case 135:
      return target('neighbor solicitation');
    case 136:
      return b.has(at + 8, 16) ? `neighbor advertisement, tgt is ${formatIp(b.slice(at + 8, 16))}` : 'neighbor advertisement';
    case 143:
      return 'multicast listener report v2';
    case 1:
      return 'destination unreachable';
    case 3:
      return 'time exceeded';
    default:
      return `type ${type}, length ${len}`;
  }
}

const TCP_FLAGS: ReadonlyArray<[number, string]> = [
  [0x02, 'S'],
  [0x01, 'F'],
  [0x04, 'R'],
  [0x08, 'P'],
  [0x20, 'U'],
  [0x40, 'E'],
  [0x80, 'W'],
];

function tcp(b: Bytes, at: number, len: number): { ports: [number, number]; info: string } | undefined {
  if (!b.has(at, 20)) return undefined;
  const sport = b.u16(at);
  const dport = b.u16(at + 2);
  const doff = (b.u8(at + 12) >> 4) * 4;
  const f = b.u8(at + 13);
  let flags = TCP_FLAGS.filter(([bit]) => f & bit).map(([, c]) => c).join('');
  if (f & 0x10) flags += '.';
  const payload = Math.max(0, len - doff);
  const seq = b.u32(at + 4);
  // As tcpdump: a segment with data shows the sequence range it covers.
  const parts = [`${sport} > ${dport}`, `Flags [${flags || 'none'}]`, payload > 0 ? `seq ${seq}:${(seq + payload) >>> 0}` : `seq ${seq}`];
  if (f & 0x10) parts.push(`ack ${b.u32(at + 8)}`);
  parts.push(`win ${b.u16(at + 14)}`, `length ${payload}`);
  return { ports: [sport, dport], info: parts.join(', ') };
}

/** A DNS name at `at` (RFC 1035 §4.1.4 compression followed, at most 32 jumps). */
function dnsName(b: Bytes, base: number, at: number): string | undefined {
  const labels: string[] = [];
  let p = at;
  for (let jumps = 0; jumps < 32; ) {
    if (!b.has(p, 1)) return undefined;
    const n = b.u8(p);
    if (n === 0) return labels.length ? `${labels.join('.')}.` : '.';
    if ((n & 0xc0) === 0xc0) {
      if (!b.has(p, 2)) return undefined;
      p = base + (b.u16(p) & 0x3fff);
      jumps++;
      continue;
    }
    if (!b.has(p + 1, n)) return undefined;
    labels.push(Array.from(b.slice(p + 1, n), (c) => (c > 0x20 && c < 0x7f ? String.fromCharCode(c) : '?')).join(''));
    p += 1 + n;
  }
  return undefined;
}

const DNS_TYPES: Readonly<Record<number, string>> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 12: 'PTR', 15: 'MX', 16: 'TXT', 28: 'AAAA', 33: 'SRV', 255: 'ANY' };
const DNS_RCODES = ['', 'FormErr', 'ServFail', 'NXDomain', 'NotImp', 'Refused'];

/** "query A example.com." or "response A example.com., 2 answers" (NXDomain and the like named). */
function dns(b: Bytes, at: number): string | undefined {
  if (!b.has(at, 12)) return undefined;
  const id = b.u16(at);
  const flags = b.u16(at + 2);
  const qd = b.u16(at + 4);
  const an = b.u16(at + 6);
  const response = (flags & 0x8000) !== 0;
  let question = '';
  if (qd > 0) {
    const name = dnsName(b, at, at + 12);
    if (name === undefined) return `${response ? 'response' : 'query'} ${id}, truncated`;
    let end = at + 12;
    while (b.has(end, 1) && b.u8(end) !== 0 && (b.u8(end) & 0xc0) !== 0xc0) end += 1 + b.u8(end);
    end += b.has(end, 1) && (b.u8(end) & 0xc0) === 0xc0 ? 2 : 1;
    const qtype = b.has(end, 2) ? b.u16(end) : 0;
    question = ` ${DNS_TYPES[qtype] ?? `type${qtype}`} ${name}`;
  }
  if (!response) return `query ${id}${question}`;
  const rcode = DNS_RCODES[flags & 0xf] ?? `rcode ${flags & 0xf}`;
  return `response ${id}${rcode ? ` ${rcode}` : ''}${question}, ${an} answer${an === 1 ? '' : 's'}`;
}

function transport(b: Bytes, proto: number, at: number, len: number, src: string, dst: string, v6: boolean): PacketSummary {
  switch (proto) {
    case IPPROTO_ICMP:
      return { src, dst, proto: 'ICMP', info: icmp(b, at, len) };
    case IPPROTO_ICMPV6:
      return { src, dst, proto: 'ICMPv6', info: icmp6(b, at, len) };
    case IPPROTO_TCP: {
      const t = tcp(b, at, len);
      return { src, dst, proto: 'TCP', info: t?.info ?? 'truncated' };
    }
    case IPPROTO_UDP: {
      if (!b.has(at, 8)) return { src, dst, proto: 'UDP', info: 'truncated' };
      const sport = b.u16(at);
      const dport = b.u16(at + 2);
      const ports = `${sport} > ${dport}`;
      if (DNS_PORTS.has(sport) || DNS_PORTS.has(dport)) {
        const d = dns(b, at + 8);
        if (d) return { src, dst, proto: 'DNS', info: `${ports}, ${d}` };
      }
      return { src, dst, proto: 'UDP', info: `${ports}, length ${Math.max(0, b.u16(at + 4) - 8)}` };
    }
    default:
      return { src, dst, proto: v6 ? 'IPv6' : 'IPv4', info: `protocol ${proto}, length ${len}` };
  }
}

function ipv4(b: Bytes, at: number): PacketSummary {
  if (!b.has(at, 20)) return { src: '?', dst: '?', proto: 'IPv4', info: 'truncated' };
  const ihl = (b.u8(at) & 0x0f) * 4;
  const total = b.u16(at + 2);
  const frag = b.u16(at + 6);
  const proto = b.u8(at + 9);
  const src = formatIp(b.slice(at + 12, 4));
  const dst = formatIp(b.slice(at + 16, 4));
  if ((frag & 0x1fff) !== 0) return { src, dst, proto: 'IPv4', info: `fragment of protocol ${proto}, offset ${(frag & 0x1fff) * 8}` };
  return transport(b, proto, at + ihl, total - ihl, src, dst, false);
}

function ipv6(b: Bytes, at: number): PacketSummary {
  if (!b.has(at, 40)) return { src: '?', dst: '?', proto: 'IPv6', info: 'truncated' };
  const src = formatIp(b.slice(at + 8, 16));
  const dst = formatIp(b.slice(at + 24, 16));
  let next = b.u8(at + 6);
  let p = at + 40;
  let len = b.u16(at + 4);
  for (let hops = 0; hops < 8 && (IPV6_EXT.has(next) || next === IPPROTO_FRAGMENT); hops++) {
    if (!b.has(p, 8)) return { src, dst, proto: 'IPv6', info: 'truncated' };
    const size = next === IPPROTO_FRAGMENT ? 8 : (b.u8(p + 1) + 1) * 8;
    if (next === IPPROTO_FRAGMENT && (b.u16(p + 2) & 0xfff8) !== 0) return { src, dst, proto: 'IPv6', info: `fragment, offset ${b.u16(p + 2) & 0xfff8}` };
    next = b.u8(p);
    p += size;
    len -= size;
  }
  return transport(b, next, p, len, src, dst, true);
}

function arp(b: Bytes, at: number, src: string, dst: string): PacketSummary {
  if (!b.has(at, 28) || b.u8(at + 4) !== 6 || b.u8(at + 5) !== 4) return { src, dst, proto: 'ARP', info: 'truncated or not Ethernet/IPv4' };
  const op = b.u16(at + 6);
  const sha = formatMac(b.slice(at + 8, 6));
  const spa = formatIp(b.slice(at + 14, 4));
  const tpa = formatIp(b.slice(at + 24, 4));
  if (op === 1) return { src, dst, proto: 'ARP', info: `Request who-has ${tpa} tell ${spa}` };
  if (op === 2) return { src, dst, proto: 'ARP', info: `Reply ${spa} is-at ${sha}` };
  return { src, dst, proto: 'ARP', info: `opcode ${op}` };
}

/** The summary of one Ethernet frame. */
export function summarizeFrame(frame: Uint8Array): PacketSummary {
  const b = new Bytes(frame);
  if (!b.has(0, 14)) return { src: '?', dst: '?', proto: '?', info: `${frame.length} bytes, shorter than an Ethernet header` };
  const dstMac = formatMac(b.slice(0, 6));
  const srcMac = formatMac(b.slice(6, 6));
  let type = b.u16(12);
  let at = 14;
  // 802.1Q / 802.1ad tags: the payload's type follows each 4-byte tag.
  for (let tags = 0; tags < 2 && (type === ETH_P_8021Q || type === ETH_P_8021AD) && b.has(at, 4); tags++) {
    type = b.u16(at + 2);
    at += 4;
  }
  switch (type) {
    case ETH_P_IP:
      return ipv4(b, at);
    case ETH_P_IPV6:
      return ipv6(b, at);
    case ETH_P_ARP:
      return arp(b, at, srcMac, dstMac === 'ff:ff:ff:ff:ff:ff' ? 'broadcast' : dstMac);
    default:
      return { src: srcMac, dst: dstMac, proto: `0x${type.toString(16).padStart(4, '0')}`, info: `ethertype 0x${type.toString(16).padStart(4, '0')}, length ${frame.length}` };
  }
}

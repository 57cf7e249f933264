import { Assembler } from '../../bpf/assembler.js';
import type { SockFilter } from '../../bpf/insn.js';
import { parseIp, type IpAddress } from '../../inet/ip.js';
import { ETH_P, IPPROTO } from './constants.js';
import { FilterError, parseFilter, type FilterDir, type FilterExpr } from './filter-parse.js';

/**
 * tcpdump filter text → a classic-BPF socket filter for Ethernet frames,
 * the program `tcpdump -d EXPR` would give before its optimiser runs: the
 * same tests at the same offsets, so the kernel keeps the same packets as
 * tcpdump would. What each term tests (as libpcap's gencode.c does):
 *
 *   ip, ip6, arp      ethertype 0x0800, 0x86dd, 0x0806
 *   tcp, udp, icmp6   IPv4 protocol, or IPv6 next header (also behind one fragment header)
 *   icmp              IPv4 protocol 1
 *   host A (IPv4)     IPv4 source/destination, or ARP/RARP sender/target address
 *   host A (IPv6)     IPv6 source/destination
 *   net N             the same fields under N's mask
 *   port P            TCP, UDP or SCTP port, IPv4 (first fragments only) or IPv6
 *
 * The filter is code generated with true/false labels per term (jumping
 * code), so `and`, `or` and `not` cost no instructions of their own.
 */

/** Offsets in an untagged Ethernet frame. */
const ETHERTYPE = 12;
const IP4 = 14;
const IP4_PROTO = IP4 + 9;
const IP4_FRAG = IP4 + 6;
const IP4_SRC = IP4 + 12;
const IP4_DST = IP4 + 16;
const ARP_SPA = IP4 + 14;
const ARP_TPA = IP4 + 24;
const IP6 = 14;
const IP6_NEXT = IP6 + 6;
const IP6_SRC = IP6 + 8;
const IP6_DST = IP6 + 24;
const IP6_PAYLOAD = IP6 + 40;

export interface FilterOptions {
  /** Bytes kept of a packet that passes (the program's return value). */
  readonly snaplen: number;
  /** Addresses of a name written after `host` (a lab node); undefined when the name is unknown. */
  readonly resolveHost?: (name: string) => readonly IpAddress[] | undefined;
}

export interface CompiledPacketFilter {
  readonly text: string;
  readonly program: SockFilter[];
}

/** Compile filter text; FilterError for text that does not parse or names an unknown node. undefined for empty text. */
export function compilePacketFilter(text: string, opts: FilterOptions): CompiledPacketFilter | undefined {
  const tree = parseFilter(text);
  if (!tree) return undefined;
  const a = new Assembler();
  new Generator(a, text, opts).expr(tree, 'accept', 'reject');
  a.label('accept').ret(opts.snaplen);
  a.label('reject').ret(0);
  return { text, program: a.assemble() };
}

type Family = 4 | 6;

class Generator {
  constructor(
    private readonly a: Assembler,
    private readonly text: string,
    private readonly opts: FilterOptions,
  ) {}

  /** Jump to t when the packet matches e, else to f. */
  expr(e: FilterExpr, t: string, f: string): void {
    switch (e.kind) {
      case 'and':
      case 'or': {
        const mid = this.a.newLabel(e.kind);
        this.expr(e.left, e.kind === 'and' ? mid : t, e.kind === 'and' ? f : mid);
        this.a.label(mid);
        this.expr(e.right, t, f);
        return;
      }
      case 'not':
        this.expr(e.expr, f, t);
        return;
      case 'proto':
        return this.proto(e.proto, t, f);
      case 'host':
        return this.host(e, t, f);
      case 'net':
        return this.any(
          this.netTests(e.proto, e.net.family, e.dir, e.net.bytes, e.net.prefix),
          t,
          f,
        );
      case 'port':
        return this.port(e.proto, e.dir, e.port, t, f);
    }
  }

  /** Jump to t when any of the tests matches (each test jumps to its t or falls on to the next). */
  private any(tests: readonly ((t: string, f: string) => void)[], t: string, f: string): void {
    tests.forEach((test, i) => {
      if (i === tests.length - 1) return test(t, f);
      const next = this.a.newLabel('else');
      test(t, next);
      this.a.label(next);
    });
  }

  private ethertype(type: number, t: string, f: string): void {
    this.a.ldh(ETHERTYPE).jeq(type, t, f);
  }

  private proto(p: string, t: string, f: string): void {
    const a = this.a;
    switch (p) {
      case 'ip':
        return this.ethertype(ETH_P.ETH_P_IP, t, f);
      case 'ip6':
        return this.ethertype(ETH_P.ETH_P_IPV6, t, f);
      case 'arp':
        return this.ethertype(ETH_P.ETH_P_ARP, t, f);
      case 'icmp': {
        const v4 = a.newLabel('ip');
        this.ethertype(ETH_P.ETH_P_IP, v4, f);
        a.label(v4).ldb(IP4_PROTO).jeq(IPPROTO.IPPROTO_ICMP, t, f);
        return;
      }
      default: {
        // tcp, udp, icmp6: IPv4's protocol field (tcp, udp), or IPv6's next header, directly or after a fragment header.
        const n = p === 'tcp' ? IPPROTO.IPPROTO_TCP : p === 'udp' ? IPPROTO.IPPROTO_UDP : IPPROTO.IPPROTO_ICMPV6;
        const tests: ((t: string, f: string) => void)[] = [];
        if (p !== 'icmp6') {
          tests.push((t2, f2) => {
            const v4 = a.newLabel('ip');
            this.ethertype(ETH_P.ETH_P_IP, v4, f2);
            a.label(v4).ldb(IP4_PROTO).jeq(n, t2, f2);
          });
        }
        tests.push((t2, f2) => {
          const v6 = a.newLabel('ip6');
          const frag = a.newLabel('frag');
          const inner = a.newLabel('inner');
          this.ethertype(ETH_P.ETH_P_IPV6, v6, f2);
          a.label(v6).ldb(IP6_NEXT).jeq(n, t2, frag);
          a.label(frag).jeq(IPPROTO.IPPROTO_FRAGMENT, inner, f2);
          a.label(inner).ldb(IP6_PAYLOAD).jeq(n, t2, f2);
        });
        return this.any(tests, t, f);
      }
    }
  }

  private host(e: Extract<FilterExpr, { kind: 'host' }>, t: string, f: string): void {
    const addrs = this.addresses(e.value, e.at).filter((x) => e.proto === undefined || (e.proto === 'ip6' ? x.family === 6 : x.family === 4));
    if (addrs.length === 0) throw new FilterError(this.text, e.at, `node '${e.value}' has no IPv${e.proto === 'ip6' ? 6 : 4} address`);
    this.any(
      addrs.flatMap((x) => this.netTests(e.proto, x.family, e.dir, x.bytes, x.family === 4 ? 32 : 128)),
      t,
      f,
    );
  }

  private addresses(value: string, at: number): readonly IpAddress[] {
    if (value.includes(':') || /^[\d.]+$/.test(value)) return [parseIp(value)];
    const found = this.opts.resolveHost?.(value);
    if (!found || found.length === 0) {
      throw new FilterError(this.text, at, `'${value}' is neither an address nor a node of this lab with an address`);
    }
    return found;
  }

  /**
   * Tests of an address (or a network: the first `prefix` bits) in the
   * fields dir names, as one test per link-layer family: IPv4 and ARP/RARP
   * for IPv4 (unless proto narrows it), IPv6 for IPv6.
   */
  private netTests(proto: 'ip' | 'ip6' | 'arp' | undefined, family: Family, dir: FilterDir, bytes: Uint8Array, prefix: number): ((t: string, f: string) => void)[] {
    const a = this.a;
    const fields = (src: number, dst: number): number[] => (dir === 'src' ? [src] : dir === 'dst' ? [dst] : [src, dst]);
    const both = dir === 'src and dst';
    const match = (offsets: readonly number[], t: string, f: string): void => {
      // src or dst: either field; src and dst: both.
      offsets.forEach((off, i) => {
        const last = i === offsets.length - 1;
        const next = last ? '' : a.newLabel('field');
        this.compareBits(off, bytes, prefix, last ? t : both ? next : t, last ? f : both ? f : next);
        if (!last) a.label(next);
      });
    };
    if (family === 6) {
      return [(t, f) => {
        const v6 = a.newLabel('ip6');
        this.ethertype(ETH_P.ETH_P_IPV6, v6, f);
        a.label(v6);
        match(fields(IP6_SRC, IP6_DST), t, f);
      }];
    }
    const tests: ((t: string, f: string) => void)[] = [];
    if (proto !== 'arp') {
      tests.push((t, f) => {
        const v4 = a.newLabel('ip');
        this.ethertype(ETH_P.ETH_P_IP, v4, f);
        a.label(v4);
        match(fields(IP4_SRC, IP4_DST), t, f);
      });
    }
    if (proto !== 'ip') {
      tests.push((t, f) => {
        const arp = a.newLabel('arp');
        if (proto === 'arp') this.ethertype(ETH_P.ETH_P_ARP, arp, f);
        else {
          // `host` alone also takes RARP's addresses, as tcpdump does.
          const rarp = a.newLabel('rarp');
          a.ldh(ETHERTYPE).jeq(ETH_P.ETH_P_ARP, arp, rarp);
          a.label(rarp).jeq(ETH_P.ETH_P_RARP, arp, f);
        }
        a.label(arp);
        match(fields(ARP_SPA, ARP_TPA), t, f);
      });
    }
    return tests;
  }

  /** Jump to t when the first `prefix` bits at `offset` equal those of `bytes`: 32-bit words, the last one masked. */
  private compareBits(offset: number, bytes: Uint8Array, prefix: number, t: string, f: string): void {
    const a = this.a;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const words = Math.ceil(prefix / 32);
    if (words === 0) {
      a.ja(t);
      return;
    }
    for (let w = 0; w < words; w++) {
      const bits = Math.min(32, prefix - w * 32);
      const mask = bits === 32 ? 0xffff_ffff : (0xffff_ffff << (32 - bits)) >>> 0;
      const value = (view.getUint32(w * 4, false) & mask) >>> 0;
      a.ld(offset + w * 4);
      if (bits < 32) a.and(mask);
      const next = w === words - 1 ? t : a.newLabel('word');
      a.jeq(value, next, f);
      if (w < words - 1) a.label(next);
    }
  }

  /** TCP/UDP/SCTP port over IPv6 (next header at once) or IPv4 (first fragments, after the header's own length). */
  private port(proto: 'tcp' | 'udp' | undefined, dir: FilterDir, port: number, t: string, f: string): void {
    const a = this.a;
    const protos: number[] = proto === 'tcp' ? [IPPROTO.IPPROTO_TCP] : proto === 'udp' ? [IPPROTO.IPPROTO_UDP] : [IPPROTO.IPPROTO_SCTP, IPPROTO.IPPROTO_TCP, IPPROTO.IPPROTO_UDP];
    const offsets = dir === 'src' ? [0] : dir === 'dst' ? [2] : [0, 2];
    const both = dir === 'src and dst';
    const oneOf = (ok: string, f2: string): void => {
      protos.forEach((p, i) => a.jeq(p, ok, i === protos.length - 1 ? f2 : undefined));
    };
    const ports = (load: (off: number) => void, t2: string, f2: string): void => {
      offsets.forEach((off, i) => {
        const last = i === offsets.length - 1;
        const next = last ? '' : a.newLabel('port');
        load(off);
        a.jeq(port, last ? t2 : both ? next : t2, last ? f2 : both ? f2 : next);
        if (!last) a.label(next);
      });
    };
    this.any(
      [
        (t2, f2) => {
          const v6 = a.newLabel('ip6');
          const l4 = a.newLabel('l4');
          this.ethertype(ETH_P.ETH_P_IPV6, v6, f2);
          a.label(v6).ldb(IP6_NEXT);
          oneOf(l4, f2);
          a.label(l4);
          ports((off) => a.ldh(IP6_PAYLOAD + off), t2, f2);
        },
        (t2, f2) => {
          const v4 = a.newLabel('ip');
          const l4 = a.newLabel('l4');
          const first = a.newLabel('first');
          this.ethertype(ETH_P.ETH_P_IP, v4, f2);
          a.label(v4).ldb(IP4_PROTO);
          oneOf(l4, f2);
          // Only a first fragment (offset 0) carries the ports.
          a.label(l4).ldh(IP4_FRAG).jset(0x1fff, f2, first);
          a.label(first).ldxMsh(IP4);
          ports((off) => a.ldhInd(IP4 + off), t2, f2);
        },
      ],
      t,
      f,
    );
  }
}

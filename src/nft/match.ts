import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { networkOf, type Cidr, type IpAddress } from '../inet/ip.js';
import { IFNAMSIZ, IPPROTO, IPS, NF_NAT_RANGE, NFPROTO, NFTA_FIB_F, RTN } from './constants.js';
import { mask } from './expr/bitwise.js';
import { cmp } from './expr/cmp.js';
import { ct, ctStateBits, type CtState } from './expr/ct.js';
import { fib } from './expr/fib.js';
import { immediate } from './expr/immediate.js';
import type { Expr } from './expr/index.js';
import { meta } from './expr/meta.js';
import type { NatExpr } from './expr/nat.js';
import { payload } from './expr/payload.js';
import type { NftFamily } from './framing.js';

/**
 * The expression sequences nft generates for the matches and statements
 * nslab uses, so a rule built here is byte-for-byte the rule `nft` would
 * have sent for the same text (test/unit/nft-match.test.ts compares with
 * captures of Debian's nft 1.0.6). All use register 1 (and 2 for a port).
 */

/** `iifname "eth0"` / `oifname != "eth1"`: the name, NUL-padded to IFNAMSIZ. */
export function ifname(key: 'iifname' | 'oifname', name: string, op: 'eq' | 'neq' = 'eq'): Expr[] {
  const bytes = new TextEncoder().encode(name);
  if (bytes.length === 0 || bytes.length >= IFNAMSIZ) {
    throw new RangeError(`interface name '${name}' must be 1–${IFNAMSIZ - 1} bytes`);
  }
  const padded = new Uint8Array(IFNAMSIZ);
  padded.set(bytes);
  return [meta(key), cmp(op, padded)];
}

/** `meta nfproto ipv4` — what nft puts before an `ip …` match in an inet table. */
export function nfproto(family: 4 | 6): Expr[] {
  return [meta('nfproto'), cmp('eq', Uint8Array.of(family === 4 ? NFPROTO.NFPROTO_IPV4 : NFPROTO.NFPROTO_IPV6))];
}

export type L4Proto = 'tcp' | 'udp';

/** `meta l4proto tcp` */
export function l4proto(proto: L4Proto): Expr[] {
  return [meta('l4proto'), cmp('eq', Uint8Array.of(proto === 'tcp' ? IPPROTO.IPPROTO_TCP : IPPROTO.IPPROTO_UDP))];
}

/**
 * `ip saddr 10.0.1.0/24`, `ip6 daddr fd00::1`. In an inet table a
 * `meta nfproto` check comes first. A prefix on a byte boundary loads only
 * its bytes; any other prefix loads the whole address and masks it.
 */
export function addr(tableFamily: NftFamily, field: 'saddr' | 'daddr', net: Cidr): Expr[] {
  const v4 = net.family === 4;
  const full = v4 ? 4 : 16;
  const offset = v4 ? (field === 'saddr' ? 12 : 16) : field === 'saddr' ? 8 : 24;
  const out: Expr[] = tableFamily === 'inet' ? nfproto(net.family) : [];
  if (net.prefix === 0) return out;
  const bytes = networkOf(net).bytes;
  if (net.prefix % 8 === 0) {
    const len = net.prefix / 8;
    return [...out, payload('network', offset, len), cmp('eq', bytes.slice(0, len))];
  }
  const m = networkOf({ family: net.family, bytes: new Uint8Array(full).fill(0xff), prefix: net.prefix }).bytes;
  return [...out, payload('network', offset, full), mask(m), cmp('eq', bytes)];
}

function be16(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`port ${n} is not 0–65535`);
  return Uint8Array.of(n >> 8, n & 0xff);
}

/** `tcp dport 8080` (with `meta l4proto tcp` before it, as nft does in inet tables). */
export function port(proto: L4Proto, field: 'sport' | 'dport', n: number): Expr[] {
  return [...l4proto(proto), payload('transport', field === 'sport' ? 0 : 2, 2), cmp('eq', be16(n))];
}

/**
 * `fib daddr type local`: the packet is addressed to this machine (any of
 * its addresses), not passing through it.
 */
export function daddrLocal(): Expr[] {
  const local = new Uint8Array(4);
  new DataView(local.buffer).setUint32(0, RTN.RTN_LOCAL, HOST_LITTLE_ENDIAN);
  return [fib('type', NFTA_FIB_F.NFTA_FIB_F_DADDR), cmp('eq', local)];
}

/** `ct state established,related` */
export function ctState(states: readonly CtState[]): Expr[] {
  const bits = ctStateBits(states);
  return [ct('state'), mask(bits), cmp('neq', new Uint8Array(4))];
}

/** `ct status dnat`: connections whose destination was rewritten. */
export function ctStatusDnat(): Expr[] {
  const bits = new Uint8Array(4);
  new DataView(bits.buffer).setUint32(0, IPS.IPS_DST_NAT, HOST_LITTLE_ENDIAN);
  return [ct('status'), mask(bits), cmp('neq', new Uint8Array(4))];
}

/**
 * `dnat ip to 10.0.1.10:80` / `snat ip to 192.0.2.1`: the address into
 * register 1, the port (if any) into register 2, then the nat statement.
 */
export function natTo(type: 'snat' | 'dnat', to: IpAddress, toPort?: number): Expr[] {
  const family = to.family === 4 ? 'ip' : 'ip6';
  const out: Expr[] = [immediate(to.bytes, 1)];
  let nat: NatExpr = { kind: 'nat', type, family, regAddrMin: 1 };
  if (toPort !== undefined) {
    out.push(immediate(be16(toPort), 2));
    nat = { ...nat, regProtoMin: 2, flags: NF_NAT_RANGE.NF_NAT_RANGE_PROTO_SPECIFIED };
  }
  return [...out, nat];
}

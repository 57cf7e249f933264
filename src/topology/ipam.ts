import { formatCidr, formatIp, networkOf, type Cidr } from '../inet/ip.js';
import type { Diagnostics } from './diagnostics.js';
import type { Segment } from './segments.js';
import type { Addressing, EndpointDef, NodeDef } from './types.js';

/** Address arithmetic on the bytes of an address, as a bigint. */
function toBig(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}
function fromBig(v: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
const bits = (family: 4 | 6): number => (family === 4 ? 32 : 128);

/** Whether two prefixes share any address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) return false;
  const p = Math.min(a.prefix, b.prefix);
  return formatIp(networkOf({ ...a, prefix: p })) === formatIp(networkOf({ ...b, prefix: p }));
}

/** The usable host addresses of a subnet, lowest and highest. */
function hostRange(net: Cidr): [bigint, bigint] {
  const size = 1n << BigInt(bits(net.family) - net.prefix);
  const base = toBig(networkOf(net).bytes);
  // IPv6: routers count down from ::ffff (fd00::ffff rather than the /64's last address), hosts up from ::1.
  if (net.family === 6) return [base + 1n, base + (size - 1n < 0xffffn ? size - 1n : 0xffffn)];
  if (net.prefix >= 31) return [base, base + size - 1n];
  return [base + 1n, base + size - 2n]; // no network, no broadcast
}

/** Hands out subnets from a pool, skipping any that touch a subnet in use. */
class SubnetPool {
  private next: bigint;
  private readonly end: bigint;

  constructor(
    readonly pool: Cidr,
    readonly prefix: number,
    private readonly taken: Cidr[],
  ) {
    this.next = toBig(networkOf(pool).bytes);
    this.end = this.next + (1n << BigInt(bits(pool.family) - pool.prefix));
  }

  /** The next free subnet of the pool's prefix, or larger (a shorter prefix) when asked, aligned to its size. */
  take(prefix = this.prefix): Cidr | undefined {
    const len = this.pool.family === 4 ? 4 : 16;
    const step = 1n << BigInt(bits(this.pool.family) - prefix);
    this.next = ((this.next + step - 1n) / step) * step;
    while (this.next + step <= this.end) {
      const candidate: Cidr = { family: this.pool.family, bytes: fromBig(this.next, len), prefix };
      this.next += step;
      if (!this.taken.some((t) => overlaps(t, candidate))) {
        this.taken.push(candidate);
        return candidate;
      }
    }
    return undefined;
  }
}

/**
 * The prefix a LAN of `members` endpoints gets: the pool's (a /24 by
 * default), or the longest that still holds every member besides the
 * network and broadcast addresses (a 1000-host LAN gets a /22). A prefix
 * written under `addressing: lan:` is kept as written.
 */
export function lanPrefix(family: 4 | 6, poolPrefix: number, members: number): number {
  let prefix = poolPrefix;
  while (prefix > 0 && (1n << BigInt(bits(family) - prefix)) - 2n < BigInt(members)) prefix--;
  return prefix;
}

/**
 * Give addresses to routed endpoints that have none of a family. Each segment
 * keeps the subnet of an address written on it, or gets the next free one from
 * its pool (p2p or LAN). Hosts are numbered from the bottom of the subnet,
 * routers from the top (so a LAN's gateway is .254, as people expect). Written
 * addresses are never handed out. Same file, same addresses.
 */
export function assignAddresses(
  segments: readonly Segment[],
  nodes: ReadonlyMap<string, NodeDef>,
  cfg: Addressing,
  diag: Diagnostics,
): Map<EndpointDef, Cidr[]> {
  const given = new Map<EndpointDef, Cidr[]>();
  if (!cfg.auto) return given;
  const all = segments.flatMap((s) => s.endpoints);
  const used = new Set(all.flatMap((e) => e.addresses.map((a) => formatIp(a))));
  const families: Array<4 | 6> = cfg.ipv6 || all.some((e) => e.addresses.some((a) => a.family === 6)) ? [4, 6] : [4];
  for (const family of families) {
    const taken = all.flatMap((e) => e.addresses.filter((a) => a.family === family).map((a) => networkOf(a)));
    const pools = {
      p2p: new SubnetPool(family === 4 ? cfg.p2p.ipv4 : cfg.p2p.ipv6, family === 4 ? cfg.p2p.prefix : 64, taken),
      lan: new SubnetPool(family === 4 ? cfg.lan.ipv4 : cfg.lan.ipv6, family === 4 ? cfg.lan.prefix : 64, taken),
    };
    for (const seg of segments) {
      const needing = seg.endpoints.filter((e) => !e.addresses.some((a) => a.family === family));
      if (needing.length === 0 || seg.endpoints.length < 2) continue;
      const written = seg.endpoints.flatMap((e) => e.addresses.filter((a) => a.family === family));
      const pool = seg.p2p ? pools.p2p : pools.lan;
      const grows = !seg.p2p && !(family === 4 && cfg.lan.prefixWritten);
      const subnet = written[0] ? networkOf(written[0]) : grows ? pool.take(lanPrefix(family, pool.prefix, seg.endpoints.length)) : pool.take();
      const first = needing[0] as EndpointDef;
      if (!subnet) {
        diag.error(first.pos, first.field, `no free IPv${family} /${pool.prefix} left in pool ${formatCidr(pool.pool)} for this ${seg.p2p ? 'link' : 'LAN'}; make the pool larger under addressing`);
        continue;
      }
      const [low, high] = hostRange(subnet);
      const len = family === 4 ? 4 : 16;
      let up = low;
      let down = high;
      const nextFree = (fromTop: boolean): Cidr | undefined => {
        while (up <= down) {
          const v = fromTop ? down-- : up++;
          const c: Cidr = { family, bytes: fromBig(v, len), prefix: subnet.prefix };
          if (!used.has(formatIp(c))) {
            used.add(formatIp(c));
            return c;
          }
        }
        return undefined;
      };
      for (const e of needing) {
        const isRouter = nodes.get(e.node)?.kind === 'router';
        const addr = nextFree(isRouter && !seg.p2p);
        if (!addr) {
          diag.error(e.pos, e.field, `subnet ${formatCidr(subnet)} has no free address left for ${e.node}:${e.iface}`);
          break;
        }
        given.set(e, [...(given.get(e) ?? []), addr]);
      }
    }
  }
  return given;
}

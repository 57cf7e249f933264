import { readFileSync } from 'node:fs';
import { contains, parseCidr, parseIp } from '../inet/ip.js';
import type { Plan } from '../topology/plan.js';
import { checkNodes } from './check-targets.js';

/**
 * Neighbour (ARP, NDP) entries the matrix makes: one in each namespace for
 * each address it talks to on a link of its own, and one for its gateway.
 * The kernel keeps one neighbour table per family for all namespaces
 * together, and refuses new entries beyond net.ipv4.neigh.default.gc_thresh3
 * ("neighbor table overflow"): on a big flat LAN the matrix alone can
 * exceed it, and pairs then fail for the kernel's sake, not the lab's.
 */
export function neighbourEntries(plan: Plan): Record<4 | 6, number> {
  const nodes = checkNodes(plan);
  const out: Record<4 | 6, number> = { 4: 0, 6: 0 };
  for (const from of nodes) {
    const nets = plan.addresses.filter((a) => a.netns === from.netns).map((a) => parseCidr(a.address));
    const families = new Set(nets.map((n) => n.family));
    const offLink = new Set<4 | 6>();
    for (const to of nodes) {
      if (to === from) continue;
      for (const a of to.addresses) {
        if (!families.has(a.family)) continue;
        const ip = parseIp(a.address);
        if (nets.some((n) => contains(n, ip))) out[a.family]++;
        else offLink.add(a.family);
      }
    }
    for (const f of offLink) out[f]++;
  }
  return out;
}

/** What the kernel allows: gc_thresh3 and the entries in use now, per family (undefined where unreadable). */
export interface NeighbourTable {
  readonly family: 4 | 6;
  readonly limit: number;
  readonly inUse: number;
}

/** A warning when the matrix needs more neighbour entries than the kernel has room for. */
export function neighbourWarnings(needed: Record<4 | 6, number>, tables: readonly NeighbourTable[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    const n = needed[t.family];
    if (n === 0 || n + t.inUse <= t.limit) continue;
    const proto = t.family === 4 ? 'ipv4' : 'ipv6';
    out.push(
      `this matrix needs about ${n} IPv${t.family} neighbour (${t.family === 4 ? 'ARP' : 'NDP'}) entries, but the kernel keeps at most ${t.limit} for all namespaces together ` +
        `(net.${proto}.neigh.default.gc_thresh3, ${t.inUse} in use): pairs past that fail because the table is full, not because of the lab. ` +
        `To check a lab this size, raise it: sysctl -w net.${proto}.neigh.default.gc_thresh3=${Math.ceil((n + t.inUse) * 1.5)}`,
    );
  }
  return out;
}

/** The kernel's neighbour table sizes and use, from /proc (root namespace: the tables are global). */
export function readNeighbourTables(): NeighbourTable[] {
  const out: NeighbourTable[] = [];
  for (const [family, proto, stat] of [[4, 'ipv4', 'arp_cache'], [6, 'ipv6', 'ndisc_cache']] as const) {
    try {
      const limit = Number(readFileSync(`/proc/sys/net/${proto}/neigh/default/gc_thresh3`, 'utf8').trim());
      const line = readFileSync(`/proc/net/stat/${stat}`, 'utf8').split('\n')[1] ?? '';
      const inUse = parseInt(line.trim().split(/\s+/)[0] ?? '0', 16);
      if (Number.isFinite(limit) && Number.isFinite(inUse)) out.push({ family, limit, inUse });
    } catch {
      // Not readable here (another mount namespace, no IPv6): no warning rather than a wrong one.
    }
  }
  return out;
}

import { formatCidr, formatIp } from '../inet/ip.js';
import { origin } from './plan-nodes.js';
import type { PlanAddress, PlanImpairment, PlanRoute } from './plan-types.js';
import type { Topology } from './types.js';

/** Plan pieces inside each namespace: addresses (`ip addr add`), routes (`ip route add`), link impairments (`tc qdisc add`). */

export function planAddresses(topo: Topology, ns: (node: string) => string, ifindex: ReadonlyMap<string, number>): PlanAddress[] {
  const out: PlanAddress[] = [];
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      for (const c of ep.addresses) {
        out.push({ netns: ns(ep.node), dev: ep.iface, index: ifindex.get(`${ep.node}:${ep.iface}`) as number, address: formatCidr(c), origin: origin(ep) });
      }
    }
  }
  return out;
}

export function planRoutes(topo: Topology, ns: (node: string) => string, ifindex: ReadonlyMap<string, number>): PlanRoute[] {
  const out: PlanRoute[] = [];
  for (const n of topo.nodes.values()) {
    for (const r of n.routes) {
      const index = r.dev !== undefined ? ifindex.get(`${n.name}:${r.dev}`) : undefined;
      out.push({
        netns: ns(n.name),
        dst: r.dst.prefix === 0 ? 'default' : formatCidr(r.dst),
        family: r.dst.family,
        ...(r.via ? { via: formatIp(r.via) } : {}),
        ...(r.dev !== undefined ? { dev: r.dev } : {}),
        ...(index !== undefined ? { index } : {}),
        ...(r.metric !== undefined ? { metric: r.metric } : {}),
        origin: origin(r),
      });
    }
  }
  return out;
}

export function planImpairments(topo: Topology, ns: (node: string) => string, ifindex: ReadonlyMap<string, number>): PlanImpairment[] {
  const out: PlanImpairment[] = [];
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      if (!ep.impair) continue;
      out.push({
        netns: ns(ep.node),
        node: ep.node,
        dev: ep.iface,
        index: ifindex.get(`${ep.node}:${ep.iface}`) as number,
        ...(l.mtu !== undefined ? { mtu: l.mtu } : {}),
        spec: ep.impair,
        origin: origin(ep),
      });
    }
  }
  return out;
}

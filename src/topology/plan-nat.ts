import { contains, formatCidr, formatIp, networkOf, parseCidr, parseIp } from '../inet/ip.js';
import { deterministicMac, origin, type IfIndexes } from './plan-nodes.js';
import type { PlanNat, PlanPortForward, PlanRoute, PlanUplink } from './plan-types.js';
import type { PortForwardDef, Topology } from './types.js';

/** Plan pieces for the way out: NAT tables in nodes (`nft`), the uplink cable to the machine and its routes. */

export function planNat(topo: Topology, ns: (node: string) => string, indexes: IfIndexes): { nat: PlanNat[]; uplink?: PlanUplink } {
  // NAT and port forwards go to a node's first IPv4 address.
  const firstIpv4 = new Map<string, string>();
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      const a = ep.addresses.find((x) => x.family === 4);
      if (a && !firstIpv4.has(ep.node)) firstIpv4.set(ep.node, formatIp(a));
    }
  }
  const labPrefixes = [...new Set(topo.links.flatMap((l) => [l.a, l.b]).flatMap((e) => e.addresses.filter((a) => a.family === 4).map((a) => formatCidr(networkOf(a)))))];
  const forward = (p: PortForwardDef): PlanPortForward => ({ port: p.port, proto: p.proto, to: firstIpv4.get(p.node) ?? '', toNode: p.node, toPort: p.toPort, origin: origin(p) });
  const nat: PlanNat[] = [];
  for (const n of topo.nodes.values()) {
    if (!n.nat && n.ports.length === 0) continue;
    nat.push({
      netns: ns(n.name),
      node: n.name,
      ...(n.nat ? { masquerade: { out: n.nat.out, sources: labPrefixes } } : {}),
      ports: n.ports.map(forward),
      origin: origin(n.nat ?? n),
    });
  }
  if (!topo.uplink) return { nat };
  const u = topo.uplink;
  const uplink: PlanUplink = {
    netns: ns(u.node),
    node: u.node,
    dev: u.iface,
    index: indexes.take(u.node),
    mac: deterministicMac(topo.name, u.node, u.iface),
    address: formatCidr(u.nodeAddress),
    hostDev: u.hostIface,
    hostMac: deterministicMac(topo.name, '', u.hostIface),
    hostAddress: formatCidr(u.hostAddress),
    labPrefixes,
    nat: u.nat,
    ports: u.ports.map(forward),
    origin: origin(u),
  };
  return { nat, uplink };
}

/**
 * Whether a route of the uplink node leaves over the uplink cable (through
 * its interface, or via a gateway on its subnet): decided here, once, and
 * kept in the plan as `uplink: true`.
 */
export function overUplink(u: PlanUplink | undefined, r: PlanRoute): boolean {
  if (!u || r.netns !== u.netns) return false;
  if (r.index !== undefined && r.index === u.index) return true;
  if (r.via === undefined) return false;
  const gw = parseIp(r.via);
  const net = parseCidr(u.address);
  return gw.family === net.family && contains(networkOf(net), gw);
}

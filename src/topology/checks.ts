import { contains, formatCidr, formatIp, networkOf, type Cidr } from '../inet/ip.js';
import { didYouMean, type Diagnostics } from './diagnostics.js';
import { overlaps } from './ipam.js';
import type { Field } from './source.js';
import type { EndpointDef, LinkDef, NodeDef, PortForwardDef } from './types.js';

// --- cross-checks ---

function endpointsOf(links: readonly LinkDef[]): EndpointDef[] {
  return links.flatMap((l) => [l.a, l.b]);
}

/** Two different segments must not share a subnet: a student's classic mix-up. */
export function checkSubnets(diag: Diagnostics, segments: ReadonlyArray<readonly EndpointDef[]>): void {
  const seen: Array<{ net: Cidr; seg: number; ep: EndpointDef }> = [];
  segments.forEach((eps, seg) => {
    for (const ep of eps) {
      for (const a of ep.addresses) {
        const net = networkOf(a);
        const clash = seen.find((s) => s.seg !== seg && overlaps(s.net, net));
        if (clash) {
          diag.error(
            ep.pos,
            ep.field,
            `subnet ${formatCidr(net)} of ${ep.node}:${ep.iface} overlaps ${formatCidr(clash.net)} of ${clash.ep.node}:${clash.ep.iface}, which is on a different link (${clash.ep.field})`,
          );
          return;
        }
        seen.push({ net, seg, ep });
      }
    }
  });
}

export function checkAddresses(diag: Diagnostics, links: readonly LinkDef[]): void {
  const seen = new Map<string, EndpointDef>();
  for (const ep of endpointsOf(links)) {
    for (const c of ep.addresses) {
      const key = formatIp(c);
      const first = seen.get(key);
      if (first) diag.error(ep.pos, ep.field, `address ${key} is also given to ${first.node}:${first.iface} (${first.field})`);
      else seen.set(key, ep);
      const isHostPart = (c.family === 4 && c.prefix < 31) || (c.family === 6 && c.prefix < 127);
      if (isHostPart && formatIp(networkOf(c)) === key) diag.error(ep.pos, ep.field, `${formatCidr(c)} is the network address of its subnet, not a host address`);
    }
  }
}

export function checkRoutes(diag: Diagnostics, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): void {
  const byNode = new Map<string, EndpointDef[]>();
  for (const ep of endpointsOf(links)) {
    const list = byNode.get(ep.node);
    if (list) list.push(ep);
    else byNode.set(ep.node, [ep]);
  }
  for (const node of nodes.values()) {
    const eps = byNode.get(node.name) ?? [];
    if (node.kind === 'bridge') continue; // its routes were refused already
    for (const r of node.routes) {
      if (r.computed) continue;
      if (r.dev !== undefined && !eps.some((e) => e.iface === r.dev)) {
        diag.error(r.pos, r.field, `node ${node.name} has no interface '${r.dev}'${didYouMean(r.dev, eps.map((e) => e.iface))}`);
        continue;
      }
      if (r.via) {
        const via = r.via;
        const candidates = r.dev === undefined ? eps : eps.filter((e) => e.iface === r.dev);
        if (!candidates.some((e) => e.addresses.some((a) => contains(a, via)))) {
          diag.error(r.pos, r.field, `gateway ${formatIp(via)} is not on any subnet of ${node.name}'s interfaces${r.dev ? ` (${r.dev})` : ''}`);
        }
      }
    }
  }
}

/** nat.out names an interface of the node; ports name nodes that have an IPv4 address. */
export function checkNodeReferences(nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[], nodesField: Field): void {
  const diag = nodesField.diag;
  const ifaces = (n: string): string[] => links.flatMap((l) => [l.a, l.b]).filter((e) => e.node === n).map((e) => e.iface);
  for (const n of nodes.values()) {
    if (n.nat && !ifaces(n.name).includes(n.nat.out)) {
      diag.error(n.nat.pos, `${n.nat.field}.out`, `node ${n.name} has no interface '${n.nat.out}'${didYouMean(n.nat.out, ifaces(n.name))}`);
    }
    if ((n.nat || n.ports.length > 0) && n.kind === 'bridge') diag.error(n.pos, n.field, `a bridge does no NAT; put 'nat' and 'ports' on a router`);
    checkPortTargets(diag, n.ports, nodes, links);
  }
}

export function checkPortTargets(diag: Diagnostics, ports: readonly PortForwardDef[], nodes: ReadonlyMap<string, NodeDef>, links?: readonly LinkDef[]): void {
  for (const p of ports) {
    if (!nodes.has(p.node)) diag.error(p.pos, p.field, `unknown node '${p.node}'${didYouMean(p.node, nodes.keys())}`);
    else if (links && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === p.node && e.addresses.some((a) => a.family === 4))) {
      diag.error(p.pos, p.field, `node ${p.node} has no IPv4 address to forward to`);
    }
  }
}

/** BR_MAX_PORTS (net/bridge/br_private.h: 1 << BR_PORT_BITS): the ports a Linux bridge takes. */
export const BRIDGE_MAX_PORTS = 1024;

/**
 * A bridge (a `kind: bridge` node, or the switch of a `lan:`) has at most
 * 1024 ports: the kernel refuses the next with EXFULL, half-way through up.
 * Said at the first link past the limit; a larger LAN is several bridges.
 */
export function checkBridgePorts(diag: Diagnostics, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): void {
  const ports = new Map<string, number>();
  for (const l of links) {
    for (const ep of [l.a, l.b]) {
      if (nodes.get(ep.node)?.kind !== 'bridge') continue;
      const n = (ports.get(ep.node) ?? 0) + 1;
      ports.set(ep.node, n);
      if (n === BRIDGE_MAX_PORTS + 1) {
        diag.error(ep.pos, ep.field, `bridge ${ep.node} would get more than ${BRIDGE_MAX_PORTS} ports, the most a Linux bridge takes (BR_MAX_PORTS; the kernel answers EXFULL); split it into several bridges joined by links`);
      }
    }
  }
}

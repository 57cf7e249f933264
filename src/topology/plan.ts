import { createHash } from 'node:crypto';
import { formatCidr, formatIp } from '../rtnl/inet.js';
import { formatMac } from '../rtnl/link.js';
import { formatPosition } from './diagnostics.js';
import { namespaceName } from './names.js';
import type { EndpointDef, NodeKind, Origin, Topology } from './types.js';

/**
 * The plan: everything `up` will make, as plain serialisable data. Nothing
 * below the plan reads YAML; nothing above `apply` touches the kernel.
 * Interface indexes are chosen here: every namespace is new, so the plan can
 * number its interfaces (lo is 1) and later requests can name them at once.
 */
export interface Plan {
  readonly version: 1;
  readonly lab: string;
  /** The topology file it came from. */
  readonly source: string;
  readonly namespaces: readonly PlanNamespace[];
  readonly bridges: readonly PlanBridge[];
  readonly veths: readonly PlanVeth[];
  readonly addresses: readonly PlanAddress[];
  readonly routes: readonly PlanRoute[];
}

export interface PlanNamespace {
  /** `ip netns` name. */
  readonly name: string;
  readonly node: string;
  readonly kind: NodeKind;
  /** IPv4 and IPv6 forwarding on (routers). */
  readonly forwarding: boolean;
  /** IPv6 stays on only where the lab uses it; elsewhere it is disabled before any interface exists. */
  readonly ipv6: boolean;
  readonly origin: string;
}

export interface PlanBridge {
  readonly netns: string;
  readonly name: string;
  readonly index: number;
  readonly origin: string;
}

/** One end of a veth pair. */
export interface PlanEnd {
  readonly netns: string;
  readonly node: string;
  readonly name: string;
  readonly index: number;
  readonly mac: string;
  /** ifindex of the bridge this end is a port of. */
  readonly master?: number;
}

/** A veth pair; it is created from side `a`'s namespace, `b` is born in its own. */
export interface PlanVeth {
  readonly a: PlanEnd;
  readonly b: PlanEnd;
  readonly mtu?: number;
  readonly origin: string;
}

export interface PlanAddress {
  readonly netns: string;
  readonly dev: string;
  readonly index: number;
  /** "10.0.1.1/24" */
  readonly address: string;
  readonly origin: string;
}

export interface PlanRoute {
  readonly netns: string;
  /** "default" or a prefix. */
  readonly dst: string;
  readonly family: 4 | 6;
  readonly via?: string;
  readonly dev?: string;
  readonly index?: number;
  readonly metric?: number;
  readonly origin: string;
}

function origin(o: Origin): string {
  return `${formatPosition(o.pos)} ${o.field}`;
}

/** A stable, locally administered MAC for an interface of a lab. */
export function deterministicMac(lab: string, node: string, iface: string): string {
  const h = createHash('sha256').update(`${lab}/${node}/${iface}`).digest();
  const b = Uint8Array.from(h.subarray(0, 6));
  b[0] = ((b[0] ?? 0) & 0xfc) | 0x02; // unicast, locally administered
  return formatMac(b);
}

/** Compile a validated topology into a plan. Pure: same topology, same plan. */
export function compilePlan(topo: Topology): Plan {
  const lab = topo.name;
  const ns = (node: string): string => namespaceName(lab, node);
  const nextIndex = new Map<string, number>();
  const takeIndex = (node: string): number => {
    const i = nextIndex.get(node) ?? 2; // 1 is lo
    nextIndex.set(node, i + 1);
    return i;
  };

  const usesIpv6 = new Set<string>();
  for (const l of topo.links) for (const ep of [l.a, l.b]) if (ep.addresses.some((a) => a.family === 6)) usesIpv6.add(ep.node);
  for (const n of topo.nodes.values()) if (n.routes.some((r) => r.dst.family === 6)) usesIpv6.add(n.name);

  const namespaces: PlanNamespace[] = [];
  const bridges: PlanBridge[] = [];
  const bridgeIndex = new Map<string, number>();
  for (const n of topo.nodes.values()) {
    namespaces.push({
      name: ns(n.name),
      node: n.name,
      kind: n.kind,
      forwarding: n.kind === 'router',
      ipv6: n.kind !== 'bridge' && usesIpv6.has(n.name),
      origin: origin(n),
    });
    if (n.kind === 'bridge') {
      const index = takeIndex(n.name);
      bridgeIndex.set(n.name, index);
      bridges.push({ netns: ns(n.name), name: n.name, index, origin: origin(n) });
    }
  }

  const ifindex = new Map<string, number>(); // "node:iface" → index
  const veths: PlanVeth[] = [];
  const end = (ep: EndpointDef): PlanEnd => {
    const index = takeIndex(ep.node);
    ifindex.set(`${ep.node}:${ep.iface}`, index);
    const master = bridgeIndex.get(ep.node);
    return {
      netns: ns(ep.node),
      node: ep.node,
      name: ep.iface,
      index,
      mac: ep.mac ? formatMac(ep.mac) : deterministicMac(lab, ep.node, ep.iface),
      ...(master !== undefined ? { master } : {}),
    };
  };
  for (const l of topo.links) {
    // The bridge side creates the pair: its end is born up and enslaved.
    const swap = bridgeIndex.has(l.b.node) && !bridgeIndex.has(l.a.node);
    const [first, second] = swap ? [l.b, l.a] : [l.a, l.b];
    veths.push({ a: end(first), b: end(second), ...(l.mtu !== undefined ? { mtu: l.mtu } : {}), origin: origin(l) });
  }

  const addresses: PlanAddress[] = [];
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      for (const c of ep.addresses) {
        addresses.push({
          netns: ns(ep.node),
          dev: ep.iface,
          index: ifindex.get(`${ep.node}:${ep.iface}`) as number,
          address: formatCidr(c),
          origin: origin(ep),
        });
      }
    }
  }

  const routes: PlanRoute[] = [];
  for (const n of topo.nodes.values()) {
    for (const r of n.routes) {
      const index = r.dev !== undefined ? ifindex.get(`${n.name}:${r.dev}`) : undefined;
      routes.push({
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

  return { version: 1, lab, source: topo.file, namespaces, bridges, veths, addresses, routes };
}

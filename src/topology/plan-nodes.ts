import { formatMac, stableMac } from '../inet/mac.js';
import { formatPosition } from './diagnostics.js';
import type { PlanBridge, PlanEnd, PlanNamespace, PlanVeth } from './plan-types.js';
import type { EndpointDef, Origin, Topology } from './types.js';

/** Plan pieces for namespaces and what links them: `ip netns add`, bridges, veth pairs, interface numbers. */

/** "file:line:col field", where a plan object came from. */
export function origin(o: Origin): string {
  return `${formatPosition(o.pos)} ${o.field}`;
}

/** A stable, locally administered MAC for an interface of a lab. */
export function deterministicMac(lab: string, node: string, iface: string): string {
  return stableMac(`${lab}/${node}/${iface}`);
}

/** Interface numbers per namespace: every namespace is new, so the plan numbers them (lo is 1). */
export class IfIndexes {
  private readonly next = new Map<string, number>();
  /** "node:iface" → index */
  readonly of = new Map<string, number>();

  take(node: string, iface?: string): number {
    const i = this.next.get(node) ?? 2;
    this.next.set(node, i + 1);
    if (iface !== undefined) this.of.set(`${node}:${iface}`, i);
    return i;
  }
}

/** The sysctls `up` writes in a new namespace, as `sysctl` keys and values. */
function namespaceSysctls(n: Pick<PlanNamespace, 'ipv6' | 'forwarding'>): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  if (!n.ipv6) {
    // No IPv6 wanted: no link-local addresses, no DAD/MLD/RS chatter that a
    // bridge would flood to every port.
    out.push(['net.ipv6.conf.default.disable_ipv6', 1], ['net.ipv6.conf.all.disable_ipv6', 1]);
  } else {
    // Lab addresses are planned, so duplicate address detection only delays
    // them (and link-local addresses, which neighbour discovery needs) by seconds.
    out.push(['net.ipv6.conf.default.accept_dad', 0], ['net.ipv6.conf.all.accept_dad', 0]);
  }
  if (n.forwarding) {
    out.push(['net.ipv4.ip_forward', 1]);
    if (n.ipv6) out.push(['net.ipv6.conf.default.forwarding', 1], ['net.ipv6.conf.all.forwarding', 1]);
  }
  return out;
}

function resolvConfOf(dns: { servers: readonly string[]; search: readonly string[]; options: readonly string[] }): string {
  const lines = ['# written by nslab'];
  if (dns.search.length) lines.push(`search ${dns.search.join(' ')}`);
  for (const s of dns.servers) lines.push(`nameserver ${s}`);
  if (dns.options.length) lines.push(`options ${dns.options.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** One namespace per node (`ip netns add LAB-NODE`), and a bridge in each bridge node. */
export function planNamespaces(topo: Topology, ns: (node: string) => string, indexes: IfIndexes): { namespaces: PlanNamespace[]; bridges: PlanBridge[] } {
  const usesIpv6 = new Set<string>();
  for (const l of topo.links) for (const ep of [l.a, l.b]) if (ep.addresses.some((a) => a.family === 6)) usesIpv6.add(ep.node);
  for (const n of topo.nodes.values()) if (n.routes.some((r) => r.dst.family === 6)) usesIpv6.add(n.name);

  const namespaces: PlanNamespace[] = [];
  const bridges: PlanBridge[] = [];
  for (const n of topo.nodes.values()) {
    const resolvConf = n.dns && (n.dns.servers.length || n.dns.search.length || n.dns.options.length) ? resolvConfOf(n.dns) : undefined;
    // NAT and port forwards only work on a node that forwards.
    const forwarding = n.kind === 'router' || n.nat !== undefined || n.ports.length > 0;
    const ipv6 = n.kind !== 'bridge' && usesIpv6.has(n.name);
    namespaces.push({
      name: ns(n.name),
      node: n.name,
      kind: n.kind,
      forwarding,
      ipv6,
      netSysctls: namespaceSysctls({ ipv6, forwarding }),
      hostname: n.name,
      confine: {
        limits: n.confine.limits,
        defaulted: [...n.confine.defaulted],
        caps: [...n.confine.caps],
        capsAll: n.confine.capsAll,
        seccomp: n.confine.seccomp.mode === 'profile' ? n.confine.seccomp.file : n.confine.seccomp.mode,
        isolation: n.confine.isolation,
        binds: n.confine.binds.map((b) => ({ src: b.src, dst: b.dst, ro: b.ro, origin: origin(b) })),
      },
      exec: n.exec.map((e) => ({ cmd: e.cmd, background: e.background, origin: origin(e) })),
      env: { ...n.env },
      sysctls: { ...n.sysctls },
      ...(resolvConf !== undefined ? { resolvConf } : {}),
      ...(n.frr ? { frr: { ...(n.frr.config !== undefined ? { config: n.frr.config } : {}), daemons: [...n.frr.daemons] } } : {}),
      ...(n.host !== undefined ? { host: n.host } : {}),
      origin: origin(n),
    });
    if (n.kind === 'bridge') bridges.push({ netns: ns(n.name), name: n.name, index: indexes.take(n.name), origin: origin(n) });
  }
  return { namespaces, bridges };
}

/** One veth pair per link (`ip link add … type veth peer …`), the bridge side first: its end is born up and enslaved. */
export function planVeths(topo: Topology, ns: (node: string) => string, indexes: IfIndexes, bridges: readonly PlanBridge[]): PlanVeth[] {
  const bridgeIndex = new Map(bridges.map((b) => [b.name, b.index]));
  const end = (ep: EndpointDef): PlanEnd => {
    const master = bridgeIndex.get(ep.node);
    return {
      netns: ns(ep.node),
      node: ep.node,
      name: ep.iface,
      index: indexes.take(ep.node, ep.iface),
      mac: ep.mac ? formatMac(ep.mac) : deterministicMac(topo.name, ep.node, ep.iface),
      ...(master !== undefined ? { master } : {}),
    };
  };
  return topo.links.map((l) => {
    const swap = bridgeIndex.has(l.b.node) && !bridgeIndex.has(l.a.node);
    const [first, second] = swap ? [l.b, l.a] : [l.a, l.b];
    return { a: end(first), b: end(second), ...(l.mtu !== undefined ? { mtu: l.mtu } : {}), origin: origin(l) };
  });
}

import { createHash } from 'node:crypto';
import { contains, formatCidr, formatIp, networkOf, parseCidr, parseIp } from '../inet/ip.js';
import { formatMac } from '../rtnl/link.js';
import { formatPosition } from './diagnostics.js';
import { namespaceName } from './names.js';
import type { ImpairmentSpec } from './impairment.js';
import type { CgroupLimits } from '../sys/cgroup/index.js';
import type { EndpointDef, NodeKind, Origin, PortForwardDef, Topology } from './types.js';

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
  readonly impairments: readonly PlanImpairment[];
  readonly nat: readonly PlanNat[];
  readonly uplink?: PlanUplink;
  /** The lab's id range when the topology sets one (`userns:`); else nslab picks a free one at up. */
  readonly userns?: { readonly uid: number; readonly gid: number; readonly origin: string };
  readonly expect: readonly PlanExpect[];
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
  /** Hostname in the node's UTS namespace. */
  readonly hostname: string;
  readonly confine: PlanConfinement;
  readonly exec: readonly PlanExec[];
  readonly env: Readonly<Record<string, string>>;
  /** The user's sysctls, written after nslab's own. */
  readonly sysctls: Readonly<Record<string, string>>;
  /** resolv.conf for /etc/netns/<name>/, when the node has name servers. */
  readonly resolvConf?: string;
  /** An FRR router: its frr.conf (absolute) and the daemons its daemons file enables. */
  readonly frr?: { readonly config?: string; readonly daemons: readonly string[] };
  readonly origin: string;
}

export interface PlanConfinement {
  readonly limits: CgroupLimits;
  /** Limits in `limits` that are nslab's defaults, not the topology's (`pids`): skipped with a warning where the controller is missing. */
  readonly defaulted: readonly (keyof CgroupLimits)[];
  readonly caps: readonly string[];
  readonly capsAll: boolean;
  /** 'default', 'unconfined', or the absolute path of a Docker/OCI profile. */
  readonly seccomp: string;
  /** `sandbox`: user, mount, PID, IPC namespaces of its own too; `network`: network and UTS only. */
  readonly isolation: 'sandbox' | 'network';
  /** binds: of a sandboxed node, SRC absolute. */
  readonly binds: readonly PlanBind[];
}

export interface PlanBind {
  readonly src: string;
  readonly dst: string;
  readonly ro: boolean;
  readonly origin: string;
}

export interface PlanExec {
  readonly cmd: string;
  readonly background: boolean;
  readonly origin: string;
}

/** tc qdiscs on one interface: what leaves it is shaped so. */
export interface PlanImpairment {
  readonly netns: string;
  readonly node: string;
  readonly dev: string;
  readonly index: number;
  readonly mtu?: number;
  readonly spec: ImpairmentSpec;
  readonly origin: string;
}

export interface PlanPortForward {
  readonly port: number;
  readonly proto: 'tcp' | 'udp';
  /** The inside node's IPv4 address it goes to. */
  readonly to: string;
  readonly toNode: string;
  readonly toPort: number;
  readonly origin: string;
}

/** NAT in one namespace (nslab's own nf_tables table there). */
export interface PlanNat {
  readonly netns: string;
  readonly node: string;
  /** Masquerade what comes from these prefixes and leaves this interface. */
  readonly masquerade?: { readonly out: string; readonly sources: readonly string[] };
  readonly ports: readonly PlanPortForward[];
  readonly origin: string;
}

/** The cable from a lab node to the machine. */
export interface PlanUplink {
  readonly netns: string;
  readonly node: string;
  readonly dev: string;
  readonly index: number;
  readonly mac: string;
  readonly address: string;
  readonly hostDev: string;
  readonly hostMac: string;
  readonly hostAddress: string;
  /** The lab's IPv4 prefixes, routed from the machine through the node. */
  readonly labPrefixes: readonly string[];
  /** The machine masquerades the lab (its own table `nslab-<lab>`). */
  readonly nat: boolean;
  readonly ports: readonly PlanPortForward[];
  readonly origin: string;
}

export interface PlanExpect {
  readonly from: string;
  readonly target: string;
  readonly reach: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
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
    const resolvConf = n.dns && (n.dns.servers.length || n.dns.search.length || n.dns.options.length) ? resolvConfOf(n.dns) : undefined;
    namespaces.push({
      name: ns(n.name),
      node: n.name,
      kind: n.kind,
      // NAT and port forwards only work on a node that forwards.
      forwarding: n.kind === 'router' || n.nat !== undefined || n.ports.length > 0,
      ipv6: n.kind !== 'bridge' && usesIpv6.has(n.name),
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

  const impairments: PlanImpairment[] = [];
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      if (!ep.impair) continue;
      impairments.push({
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

  // NAT and port forwards go to a node's first IPv4 address.
  const firstIpv4 = new Map<string, string>();
  for (const l of topo.links) {
    for (const ep of [l.a, l.b]) {
      const a = ep.addresses.find((x) => x.family === 4);
      if (a && !firstIpv4.has(ep.node)) firstIpv4.set(ep.node, formatIp(a));
    }
  }
  const labPrefixes = [...new Set(topo.links.flatMap((l) => [l.a, l.b]).flatMap((e) => e.addresses.filter((a) => a.family === 4).map((a) => formatCidr(networkOf(a)))))];
  const forward = (p: PortForwardDef): PlanPortForward => ({
    port: p.port,
    proto: p.proto,
    to: firstIpv4.get(p.node) ?? '',
    toNode: p.node,
    toPort: p.toPort,
    origin: origin(p),
  });
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

  let uplink: PlanUplink | undefined;
  if (topo.uplink) {
    const u = topo.uplink;
    const index = takeIndex(u.node);
    uplink = {
      netns: ns(u.node),
      node: u.node,
      dev: u.iface,
      index,
      mac: deterministicMac(lab, u.node, u.iface),
      address: formatCidr(u.nodeAddress),
      hostDev: u.hostIface,
      hostMac: deterministicMac(lab, '', u.hostIface),
      hostAddress: formatCidr(u.hostAddress),
      labPrefixes,
      nat: u.nat,
      ports: u.ports.map(forward),
      origin: origin(u),
    };
  }

  const expect: PlanExpect[] = topo.expect.map((e) => ({
    from: e.from,
    target: e.target,
    reach: e.reach,
    ...(e.port ? { port: e.port } : {}),
    origin: origin(e),
  }));

  const userns = topo.userns ? { uid: topo.userns.uid, gid: topo.userns.gid, origin: origin(topo.userns) } : undefined;
  return { version: 1, lab, source: topo.file, namespaces, bridges, veths, addresses, routes, impairments, nat, ...(uplink ? { uplink } : {}), ...(userns ? { userns } : {}), expect };
}

function resolvConfOf(dns: { servers: readonly string[]; search: readonly string[]; options: readonly string[] }): string {
  const lines = ['# written by nslab'];
  if (dns.search.length) lines.push(`search ${dns.search.join(' ')}`);
  for (const s of dns.servers) lines.push(`nameserver ${s}`);
  if (dns.options.length) lines.push(`options ${dns.options.join(' ')}`);
  return `${lines.join('\n')}\n`;
}

/** /etc/hosts for every node of a lab: each node by name, at its first address of each family. */
export function hostsFile(plan: Plan): string {
  const lines = ['# written by nslab for lab ' + plan.lab, '127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback'];
  for (const n of plan.namespaces) {
    const mine = plan.addresses.filter((a) => a.netns === n.name);
    for (const family of [4, 6]) {
      const a = mine.find((x) => (family === 4) === !x.address.includes(':'));
      if (a) lines.push(`${a.address.split('/')[0]}\t${n.node}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A route of the uplink node that goes over the uplink cable: it can only be
 * added once the cable exists, which the uplink step makes after the routes.
 */
export function isUplinkRoute(plan: Plan, r: PlanRoute): boolean {
  const u = plan.uplink;
  if (!u || r.netns !== u.netns) return false;
  if (r.index !== undefined && r.index === u.index) return true;
  if (r.via === undefined) return false;
  const gw = parseIp(r.via);
  const net = parseCidr(u.address);
  return gw.family === net.family && contains(networkOf(net), gw);
}

import { RtnlSession } from '../rtnl/session.js';
import type { SandboxFacts } from './sandbox.js';
import { sandboxView, type SandboxView } from './sandbox-view.js';
import { decodeAddr, dumpAddrs, type Address } from '../rtnl/addr.js';
import { decodeLink, dumpLinks, type Link } from '../rtnl/link.js';
import { decodeRoute, dumpRoutes, type Route } from '../rtnl/route.js';
import { RTPROT, RT_TABLE_MAIN } from '../rtnl/constants.js';
import { netnsPath } from '../sys/netns-path.js';
import type { NodeKind } from '../topology/types.js';
import { openCgroupManager, type CgroupLimits, type CgroupManager, type CgroupStats } from '../sys/cgroup/index.js';
import type { ConfineFacts } from './confine-node.js';
import type { Plan } from '../topology/plan.js';

/**
 * The JSON shape of a lab as `nslab inspect --json` prints it and the viewer
 * serves it at /api/lab. Fields are only ever added, never renamed.
 */
export interface LabView {
  readonly lab: string;
  /** `up`, `deploying`, `failed`, or `planned` for a file that is not up. */
  readonly status: string;
  readonly source: string;
  /** False when drawn from the plan only (nothing read from the kernel). */
  readonly live: boolean;
  readonly nodes: NodeView[];
  readonly links: LinkView[];
}

export interface NodeView {
  readonly name: string;
  readonly kind: NodeKind;
  readonly netns: string;
  readonly hostname: string;
  /** False when the namespace is missing (removed behind nslab's back). */
  readonly present: boolean;
  readonly interfaces: InterfaceView[];
  readonly routes: RouteView[];
  /** cgroup limits: memory and pids as numbers, cpu in cores, cpuSet as the kernel's list. */
  readonly limits: { readonly memory?: number; readonly cpu?: number; readonly cpuSet?: string; readonly pids?: number };
  /** Capability set, names without CAP_. */
  readonly capabilities: string[];
  /** `default`, `unconfined`, or a profile's path. */
  readonly seccomp: string;
  /** `sandbox` or `network` (see the topology reference). */
  readonly isolation: 'sandbox' | 'network';
  /** A sandboxed node's namespaces, id maps and init (live views only). */
  readonly sandbox?: SandboxView;
  /** Processes in the node's cgroups now (live views only). */
  readonly processes?: number;
  /** Memory in use and the limit, bytes (live views, when the node has a cgroup). */
  readonly memory?: { readonly used: number; readonly limit: number | null };
}

export interface InterfaceView {
  readonly name: string;
  readonly index: number;
  /** Administratively up (IFF_UP). */
  readonly up: boolean;
  /** Carrier present (IFF_LOWER_UP). */
  readonly carrier: boolean;
  /** RFC 2863 operational state as the kernel reports it. */
  readonly operstate: string;
  readonly mac?: string;
  readonly mtu?: number;
  /** Global addresses with prefix, "10.0.1.1/24". */
  readonly addresses: string[];
  /** Name of the bridge this interface is a port of. */
  readonly master?: string;
  readonly stats?: { rxBytes: number; txBytes: number; rxPackets: number; txPackets: number };
}

export interface RouteView {
  readonly dst: string;
  readonly via?: string;
  readonly dev?: string;
  readonly metric?: number;
  /** `kernel` for connected routes, `static` for nslab's, else the number. */
  readonly proto: string;
}

export interface LinkView {
  /** Stable id, "h1:eth0--sw1:p1". */
  readonly id: string;
  readonly a: { readonly node: string; readonly interface: string };
  readonly b: { readonly node: string; readonly interface: string };
  readonly mtu?: number;
  /** Both ends administratively up with carrier. */
  readonly up: boolean;
}


/** What the kernel says about one namespace's links, addresses and routes. */
export interface NamespaceState {
  readonly links: Link[];
  readonly addresses: Address[];
  readonly routes: Route[];
}

/** Dump one namespace through a socket opened inside it; undefined if it is gone. */
export function readNamespace(netns: string): NamespaceState | undefined {
  const conn = RtnlSession.openIfExists(netnsPath(netns), { timeoutMs: 5000, label: `netns ${netns}` });
  if (!conn) return undefined;
  try {
    return {
      links: conn.dump(dumpLinks()).map(decodeLink),
      addresses: conn.dump(dumpAddrs()).map(decodeAddr),
      routes: [...conn.dump(dumpRoutes(4)), ...conn.dump(dumpRoutes(6))].map(decodeRoute),
    };
  } finally {
    conn.close();
  }
}

function protoName(p: number): string {
  if (p === RTPROT.RTPROT_KERNEL) return 'kernel';
  if (p === RTPROT.RTPROT_STATIC) return 'static';
  if (p === RTPROT.RTPROT_BOOT) return 'boot';
  return String(p);
}

export function interfaceViews(state: NamespaceState): InterfaceView[] {
  const byIndex = new Map(state.links.map((l) => [l.index, l]));
  return state.links
    .filter((l) => l.name !== 'lo')
    .map((l) => {
      const master = l.master !== undefined ? byIndex.get(l.master)?.name : undefined;
      return {
        name: l.name,
        index: l.index,
        up: l.up,
        carrier: l.carrier,
        operstate: l.operstate,
        ...(l.mac !== undefined ? { mac: l.mac } : {}),
        ...(l.mtu !== undefined ? { mtu: l.mtu } : {}),
        addresses: state.addresses.filter((a) => a.index === l.index && a.scope === 0).map((a) => `${a.local}/${a.prefix}`),
        ...(master !== undefined ? { master } : {}),
        ...(l.stats
          ? {
              stats: {
                rxBytes: Number(l.stats.rxBytes),
                txBytes: Number(l.stats.txBytes),
                rxPackets: Number(l.stats.rxPackets),
                txPackets: Number(l.stats.txPackets),
              },
            }
          : {}),
      };
    });
}

export function routeViews(state: NamespaceState): RouteView[] {
  const names = new Map(state.links.map((l) => [l.index, l.name]));
  return state.routes
    .filter((r) => r.table === RT_TABLE_MAIN && r.type === 1 && !r.dst.startsWith('fe80:'))
    .map((r) => {
      const dev = r.oif !== undefined ? names.get(r.oif) : undefined;
      return {
        dst: r.dst,
        ...(r.gateway !== undefined ? { via: r.gateway } : {}),
        ...(dev !== undefined ? { dev } : {}),
        ...(r.metric !== undefined ? { metric: r.metric } : {}),
        proto: protoName(r.protocol),
      };
    });
}

function linkId(a: { node: string; interface: string }, b: { node: string; interface: string }): string {
  return `${a.node}:${a.interface}--${b.node}:${b.interface}`;
}

/** Items grouped by a key, in their order: the lookups below are per node, so a scan each made 10 000 nodes quadratic. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The lab as the plan says it should be, with nothing read from the kernel. */
export function planView(plan: Plan, status = 'planned'): LabView {
  const bridgesIn = groupBy(plan.bridges, (b) => b.netns);
  const endsIn = groupBy(
    plan.veths.flatMap((v) => [v.a, v.b]),
    (e) => e.netns,
  );
  const addressesOf = groupBy(plan.addresses, (a) => `${a.netns}\0${a.index}`);
  const routesIn = groupBy(plan.routes, (r) => r.netns);
  const nodes: NodeView[] = plan.namespaces.map((n) => {
    const bridges = bridgesIn.get(n.name) ?? [];
    return {
      name: n.node,
      kind: n.kind,
      netns: n.name,
      hostname: n.hostname,
      limits: limitsView(n.confine.limits),
      capabilities: n.confine.caps.map((c) => c.replace(/^CAP_/, '')),
      seccomp: n.confine.seccomp,
      isolation: n.confine.isolation,
      present: false,
      interfaces: [...bridges.map((b) => ({ name: b.name, index: b.index, mac: undefined })), ...(endsIn.get(n.name) ?? [])]
        .sort((x, y) => x.index - y.index)
        .map((e) => {
          const master = 'master' in e && e.master !== undefined ? bridges.find((b) => b.index === e.master)?.name : undefined;
          return {
            name: e.name,
            index: e.index,
            up: false,
            carrier: false,
            operstate: 'UNKNOWN',
            ...(e.mac !== undefined ? { mac: e.mac } : {}),
            addresses: (addressesOf.get(`${n.name}\0${e.index}`) ?? []).map((a) => a.address),
            ...(master !== undefined ? { master } : {}),
          };
        }),
      routes: (routesIn.get(n.name) ?? []).map((r) => ({
        dst: r.dst,
        ...(r.via !== undefined ? { via: r.via } : {}),
        ...(r.dev !== undefined ? { dev: r.dev } : {}),
        ...(r.metric !== undefined ? { metric: r.metric } : {}),
        proto: 'static',
      })),
    };
  });
  const links: LinkView[] = plan.veths.map((v) => {
    const a = { node: v.a.node, interface: v.a.name };
    const b = { node: v.b.node, interface: v.b.name };
    return { id: linkId(a, b), a, b, ...(v.mtu !== undefined ? { mtu: v.mtu } : {}), up: false };
  });
  return { lab: plan.lab, status, source: plan.source, live: false, nodes, links };
}

function limitsView(l: CgroupLimits): NodeView['limits'] {
  return {
    ...(l.memory !== undefined ? { memory: l.memory } : {}),
    ...(l.cpu !== undefined ? { cpu: l.cpu.quotaUs / l.cpu.periodUs } : {}),
    ...(l.cpuSet !== undefined ? { cpuSet: l.cpuSet } : {}),
    ...(l.pids !== undefined ? { pids: l.pids } : {}),
  };
}

/** The cgroups of a lab, from the facts its record keeps; undefined for a lab without them. */
export function labCgroups(facts?: Readonly<Record<string, unknown>>): CgroupManager | undefined {
  const confine = facts?.confine as ConfineFacts | undefined;
  return confine ? openCgroupManager(confine.cgroups) : undefined;
}

function statsOf(cgroups: CgroupManager | undefined, node: string): CgroupStats | undefined {
  try {
    return cgroups?.stats(node);
  } catch {
    return undefined; // no cgroup of its own yet: nothing has run there
  }
}

/** Processes and memory of a node from its cgroups; nothing when the lab has none, no processes when the node has none yet. */
function cgroupPart(cgroups: CgroupManager | undefined, st: CgroupStats | undefined): Pick<NodeView, 'processes' | 'memory'> {
  if (!cgroups) return {};
  if (!st) return { processes: 0 };
  return { processes: st.procs.length, ...(st.memory ? { memory: { used: st.memory.usage, limit: st.memory.limit } } : {}) };
}

/**
 * What a present node shows live beyond its plan: interfaces and routes as
 * the kernel has them, processes and memory from its cgroups, its sandbox
 * (for inspect and the viewer's watch alike). The node's cgroups are read
 * once for both.
 */
export function liveNodeParts(
  state: NamespaceState,
  node: string,
  netns: string,
  cgroups: CgroupManager | undefined,
  sandbox: SandboxFacts | undefined,
): Pick<NodeView, 'interfaces' | 'routes' | 'processes' | 'memory' | 'sandbox'> {
  const st = statsOf(cgroups, node);
  const sb = sandboxView(sandbox, node, netns, st?.procs ?? []);
  return { interfaces: interfaceViews(state), routes: routeViews(state), ...cgroupPart(cgroups, st), ...(sb ? { sandbox: sb } : {}) };
}

/** The lab as the kernel has it now: every namespace dumped, every node's cgroup read. */
export function liveView(plan: Plan, status: string, facts?: Readonly<Record<string, unknown>>): LabView {
  const base = planView(plan, status);
  const cgroups = labCgroups(facts);
  const nodes = base.nodes.map((n): NodeView => {
    const state = readNamespace(n.netns);
    if (!state) return { ...n, present: false, interfaces: n.interfaces.map((i) => ({ ...i })) };
    return { ...n, present: true, ...liveNodeParts(state, n.name, n.netns, cgroups, facts?.sandbox as SandboxFacts | undefined) };
  });
  const interfacesOf = new Map(nodes.map((n) => [n.name, new Map(n.interfaces.map((i) => [i.name, i]))]));
  const iface = (node: string, name: string): InterfaceView | undefined => interfacesOf.get(node)?.get(name);
  const links = base.links.map((l) => {
    const a = iface(l.a.node, l.a.interface);
    const b = iface(l.b.node, l.b.interface);
    return { ...l, up: Boolean(a?.up && a.carrier && b?.up && b.carrier) };
  });
  return { ...base, live: true, nodes, links };
}

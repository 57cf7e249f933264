import { parseIp } from '../inet/ip.js';
import type { NodeKind } from '../topology/types.js';
import type { Plan, PlanReachExpect } from '../topology/plan.js';

/**
 * What `nslab check` probes: the nodes of the matrix, their addresses, and
 * the probes of the matrix and of the topology's `expect:` lines. Pure:
 * everything comes from the plan.
 */

export interface NodeAddress {
  readonly address: string;
  readonly family: 4 | 6;
  readonly dev: string;
}

export interface CheckNode {
  readonly name: string;
  readonly kind: NodeKind;
  readonly netns: string;
  readonly addresses: readonly NodeAddress[];
}

/** The nodes of the matrix: every node the plan gives an address, in plan order. */
export function checkNodes(plan: Plan): CheckNode[] {
  return plan.namespaces
    .map((n) => ({
      name: n.node,
      kind: n.kind,
      netns: n.name,
      addresses: plan.addresses
        .filter((a) => a.netns === n.name)
        .map((a) => {
          const address = a.address.split('/')[0] as string;
          return { address, family: parseIp(address).family, dev: a.dev };
        }),
    }))
    .filter((n) => n.addresses.length > 0);
}

/** One thing to try: from a node's namespace to an address (and port). */
export interface Probe {
  readonly from: string;
  readonly netns: string;
  readonly address: string;
  readonly family: 4 | 6;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
}

export function probeKey(p: Pick<Probe, 'from' | 'address' | 'port'>): string {
  return `${p.from}>${p.address}${p.port ? `:${p.port.port}/${p.port.proto}` : ''}`;
}

export interface ProbeResult extends Probe {
  readonly reached: boolean;
  /**
   * Round trip (ICMP) or connect time (TCP, UDP) in ms, as the prober saw
   * it: answers are read on a timer, so this can be a few ms long.
   */
  readonly rttMs?: number;
  /** What happened, in words: "reply", "timeout", "host unreachable", "connection refused"… */
  readonly detail: string;
}

/** The probes of the matrix. */
export function matrixProbes(nodes: readonly CheckNode[]): Probe[] {
  const out: Probe[] = [];
  for (const from of nodes) {
    const families = new Set(from.addresses.map((a) => a.family));
    for (const to of nodes) {
      if (to === from) continue;
      for (const a of to.addresses) {
        if (families.has(a.family)) out.push({ from: from.name, netns: from.netns, address: a.address, family: a.family });
      }
    }
  }
  return out;
}

/**
 * The addresses an expectation's target stands for: an address itself, the
 * addresses of node:iface, or every address of a node — of the families the
 * sender has an address of (all of them when it has none).
 */
export function expectAddresses(plan: Plan, e: PlanReachExpect): string[] {
  let family: 4 | 6 | undefined;
  try {
    family = parseIp(e.target).family;
  } catch {
    family = undefined;
  }
  if (family !== undefined) return [e.target];
  const [node, iface] = e.target.split(':') as [string, string | undefined];
  const ns = plan.namespaces.find((n) => n.node === node);
  const fromNs = plan.namespaces.find((n) => n.node === e.from);
  if (!ns) return [];
  const own = new Set(plan.addresses.filter((a) => a.netns === fromNs?.name).map((a) => parseIp(a.address.split('/')[0] as string).family));
  return plan.addresses
    .filter((a) => a.netns === ns.name && (iface === undefined || a.dev === iface))
    .map((a) => a.address.split('/')[0] as string)
    .filter((a) => own.size === 0 || own.has(parseIp(a).family));
}

export function expectProbes(plan: Plan, e: PlanReachExpect): Probe[] {
  const netns = plan.namespaces.find((n) => n.node === e.from)?.name ?? '';
  return expectAddresses(plan, e).map((address) => ({
    from: e.from,
    netns,
    address,
    family: parseIp(address).family,
    ...(e.port ? { port: e.port } : {}),
  }));
}

import type { Plan } from '../topology/plan.js';

export class PlacementError extends Error {
  override readonly name = 'PlacementError';
}

export interface HostRoom {
  readonly name: string;
  /** Nodes it takes in all. */
  readonly capacity: number;
}

/**
 * Nodes that should share a machine: a switch (a `lanN` or `kind: bridge`
 * namespace) and every node with a port on it, joined transitively.
 * Read from the plan: a veth end with a bridge master is a switch port.
 */
export function lanGroups(plan: Plan): string[][] {
  const nodeOf = new Map(plan.namespaces.map((n) => [n.name, n.node]));
  const neighbours = new Map<string, string[]>(plan.namespaces.map((n) => [n.node, []]));
  for (const v of plan.veths) {
    if (v.a.master === undefined && v.b.master === undefined) continue;
    const a = nodeOf.get(v.a.netns) ?? v.a.node;
    const b = nodeOf.get(v.b.netns) ?? v.b.node;
    neighbours.get(a)?.push(b);
    neighbours.get(b)?.push(a);
  }
  // Connected components over switch ports, in plan order.
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const n of plan.namespaces) {
    if (seen.has(n.node)) continue;
    const group: string[] = [];
    const queue = [n.node];
    seen.add(n.node);
    while (queue.length > 0) {
      const x = queue.pop() as string;
      group.push(x);
      for (const y of neighbours.get(x) ?? []) {
        if (!seen.has(y)) {
          seen.add(y);
          queue.push(y);
        }
      }
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Which machine holds each node: a node's `host:` wins; the rest go by
 * groups (a LAN with its members), largest first, each to the machine with
 * the fewest nodes so far, the group kept whole when it fits there; a
 * group that fits nowhere whole is spread node by node. Pure and
 * deterministic: same plan and hosts, same placement.
 */
export function placeNodes(plan: Plan, hosts: readonly HostRoom[]): Map<string, string> {
  if (hosts.length === 0) throw new PlacementError('no nslab agent is registered in etcd; start `nslab agent --etcd URL --host NAME` on each machine first');
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const load = new Map(hosts.map((h) => [h.name, 0]));
  const placed = new Map<string, string>();
  const registered = hosts.map((h) => h.name).join(', ');
  for (const n of plan.namespaces) {
    if (n.host === undefined) continue;
    if (!byName.has(n.host)) throw new PlacementError(`${n.origin}: host: no agent named '${n.host}' is registered (registered: ${registered})`);
    placed.set(n.node, n.host);
    load.set(n.host, (load.get(n.host) ?? 0) + 1);
  }
  const room = (h: string): number => (byName.get(h)?.capacity ?? 0) - (load.get(h) ?? 0);
  const order = [...hosts].map((h) => h.name);
  const leastLoaded = (need: number): string | undefined =>
    order.filter((h) => room(h) >= need).sort((x, y) => (load.get(x) ?? 0) - (load.get(y) ?? 0) || order.indexOf(x) - order.indexOf(y))[0];
  const put = (node: string, host: string): void => {
    placed.set(node, host);
    load.set(host, (load.get(host) ?? 0) + 1);
  };
  const groups = lanGroups(plan)
    .map((g) => ({ fixed: g.map((n) => placed.get(n)).find((h) => h !== undefined), free: g.filter((n) => !placed.has(n)) }))
    .filter((g) => g.free.length > 0)
    .sort((x, y) => y.free.length - x.free.length || (x.free[0] as string).localeCompare(y.free[0] as string));
  for (const g of groups) {
    const whole = g.fixed !== undefined && room(g.fixed) >= g.free.length ? g.fixed : leastLoaded(g.free.length);
    for (const node of g.free) {
      const host = whole ?? leastLoaded(1);
      if (host === undefined) {
        const total = hosts.reduce((s, h) => s + h.capacity, 0);
        throw new PlacementError(`lab '${plan.lab}' has ${plan.namespaces.length} nodes, more than the registered agents take (${total} in all: ${registered})`);
      }
      put(node, host);
    }
  }
  return placed;
}

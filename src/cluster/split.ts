import { NSLAB_VXLAN_PORT, VXLAN_OVERHEAD_IPV4 } from '../rtnl/constants.js';
import type { Plan, PlanEnd, PlanVeth } from '../topology/plan.js';
import type { HostSpec, PartSpec, PlanCable } from './records.js';

/** A veth of the full plan whose ends land on two machines: it becomes a VXLAN cable. */
export interface CrossCable {
  /** Stable name of the cable, "netns:dev~netns:dev", what a VNI claim names. */
  readonly id: string;
  readonly veth: PlanVeth;
  readonly hostA: string;
  readonly hostB: string;
}

const endId = (e: PlanEnd): string => `${e.netns}:${e.name}`;

export function crossCables(plan: Plan, placement: ReadonlyMap<string, string>): CrossCable[] {
  const out: CrossCable[] = [];
  for (const v of plan.veths) {
    const hostA = placement.get(v.a.node);
    const hostB = placement.get(v.b.node);
    if (hostA === undefined || hostB === undefined) throw new TypeError(`cable ${endId(v.a)}: a node without a machine (placement is incomplete)`);
    if (hostA !== hostB) out.push({ id: `${endId(v.a)}~${endId(v.b)}`, veth: v, hostA, hostB });
  }
  return out;
}

/**
 * Each machine's share of the full plan: its namespaces and what lies
 * wholly among them, as an ordinary plan its agent brings up with the
 * one-machine engine; each cable to another machine as a VXLAN end (same
 * name, ifindex and MAC the veth end had, MTU the smaller underlay's minus
 * 50, or the link's own when smaller); and what waits for those cables:
 * their addresses, and the routes of the namespaces that hold them.
 * `expect:` lines stay with the whole lab (checks run across machines).
 */
export function splitPlan(
  plan: Plan,
  placement: ReadonlyMap<string, string>,
  hosts: ReadonlyMap<string, HostSpec>,
  vniOf: ReadonlyMap<string, number>,
): PartSpec[] {
  const cables = crossCables(plan, placement);
  const hostNames = [...new Set(plan.namespaces.map((n) => placement.get(n.node) as string))].sort();
  return hostNames.map((host): PartSpec => {
    const local = new Set(plan.namespaces.filter((n) => placement.get(n.node) === host).map((n) => n.name));
    const mine: PlanCable[] = [];
    for (const c of cables) {
      if (c.hostA !== host && c.hostB !== host) continue;
      const [end, remoteHost] = c.hostA === host ? [c.veth.a, c.hostB] : [c.veth.b, c.hostA];
      const here = hosts.get(host);
      const there = hosts.get(remoteHost);
      const vni = vniOf.get(c.id);
      if (!here || !there || vni === undefined) throw new TypeError(`cable ${c.id}: no host record or VNI for it`);
      const underlayMtu = Math.min(here.mtu, there.mtu) - VXLAN_OVERHEAD_IPV4;
      mine.push({
        end,
        vni,
        local: here.underlay,
        remote: there.underlay,
        remoteHost,
        port: NSLAB_VXLAN_PORT,
        mtu: c.veth.mtu !== undefined ? Math.min(c.veth.mtu, underlayMtu) : underlayMtu,
        origin: c.veth.origin,
      });
    }
    const onCable = new Set(mine.map((c) => `${c.end.netns}#${c.end.index}`));
    const cableNetns = new Set(mine.map((c) => c.end.netns));
    const inLocal = <T extends { netns: string }>(x: T): boolean => local.has(x.netns);
    const part: Plan = {
      ...plan,
      namespaces: plan.namespaces.filter((n) => local.has(n.name)),
      bridges: plan.bridges.filter(inLocal),
      veths: plan.veths.filter((v) => local.has(v.a.netns) && local.has(v.b.netns)),
      addresses: plan.addresses.filter((a) => inLocal(a) && !onCable.has(`${a.netns}#${a.index}`)),
      routes: plan.routes.filter((r) => inLocal(r) && (!cableNetns.has(r.netns) || r.uplink === true)),
      impairments: plan.impairments.filter((i) => inLocal(i) && !onCable.has(`${i.netns}#${i.index}`)),
      nat: plan.nat.filter(inLocal),
      expect: [],
    };
    const { uplink, ...rest } = part;
    return {
      lab: plan.lab,
      host,
      plan: uplink && local.has(uplink.netns) ? part : rest,
      cables: mine,
      cableAddresses: plan.addresses.filter((a) => onCable.has(`${a.netns}#${a.index}`)),
      // The uplink step adds the routes over the uplink itself.
      cableRoutes: plan.routes.filter((r) => cableNetns.has(r.netns) && r.uplink !== true),
    };
  });
}

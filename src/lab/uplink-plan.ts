import { natRuleset, type NatPlan, type RulesetSpec } from '../nft/ruleset.js';
import { formatCidr, networkOf, parseCidr } from '../inet/ip.js';
import { routeCommand } from '../topology/explain.js';
import { type Plan, type PlanUplink } from '../topology/plan.js';
import { nftHereDoc, portForwardOf, tableComment } from './nat-plan.js';
import { type StepEntry } from './state.js';

/**
 * The uplink without the kernel: its NAT plan and ruleset on the machine,
 * its journal entries, the commands `up --explain` prints, and the
 * ip_forward bookkeeping between labs. The step that makes it is ./uplink.ts.
 */

export const IP_FORWARD = 'net.ipv4.ip_forward';

/** The machine's table for a lab. */
export function hostTableName(lab: string): string {
  return `nslab-${lab}`;
}

/** The cable's network ("100.64.0.0/30"). */
function cableNetwork(u: PlanUplink): string {
  return formatCidr(networkOf(parseCidr(u.hostAddress)));
}

/** What the machine gets for a lab with an uplink: masquerade (nat: host) and port forwards. */
export function hostNatPlan(u: PlanUplink, lab: string): NatPlan {
  return {
    table: hostTableName(lab),
    comment: tableComment(lab),
    origin: u.origin,
    masquerade: u.nat ? [{ sources: [...u.labPrefixes, cableNetwork(u)], exceptOifname: u.hostDev, origin: u.origin }] : [],
    portForwards: u.ports.map(portForwardOf),
  };
}

/** The machine's ruleset for a lab, or undefined when it needs none. */
export function hostNatRuleset(u: PlanUplink, lab: string): RulesetSpec | undefined {
  if (!u.nat && u.ports.length === 0) return undefined;
  return natRuleset(hostNatPlan(u, lab));
}

/** The uplink step as shell commands, for `up --explain` (`netns 1`: the machine's namespace, that of pid 1). */
export function explainUplink(plan: Plan): string[] {
  const u = plan.uplink;
  if (!u) return [];
  const lines = [
    `# The uplink: a veth from node ${u.node} to this machine, born with its far end on the machine.`,
    `ip -n ${u.netns} link add name ${u.dev} index ${u.index} address ${u.mac} up type veth peer name ${u.hostDev} address ${u.hostMac} netns 1`,
    `ip link set ${u.hostDev} up`,
    `ip addr add ${u.hostAddress} dev ${u.hostDev}`,
    ...u.labPrefixes.map((p) => `ip route add ${p} via ${addressOnly(u.address)} dev ${u.hostDev} proto static`),
    `ip -n ${u.netns} addr add ${u.address} dev ${u.dev}`,
    ...plan.routes.filter((r) => r.uplink).map(routeCommand),
  ];
  const spec = hostNatRuleset(u, plan.lab);
  if (spec) {
    lines.push(`# On the machine: a table of the lab's own (${u.nat ? 'masquerade' : 'no masquerade'}, ${u.ports.length} port forward${u.ports.length === 1 ? '' : 's'}), and forwarding on.`);
    lines.push(...nftHereDoc('', spec), `sysctl -qw ${IP_FORWARD}=1`);
  }
  return lines;
}

export interface UplinkLinkEntry extends StepEntry {
  readonly op: 'uplink-link';
  readonly hostDev: string;
  readonly hostMac: string;
}

export interface UplinkRouteEntry extends StepEntry {
  readonly op: 'uplink-route';
  readonly dst: string;
  readonly via: string;
  /** The machine's ifindex of the cable. */
  readonly oif: number;
}

export interface HostTableEntry extends StepEntry {
  readonly op: 'host-nat-table';
  readonly table: string;
  readonly comment: string;
}

export interface IpForwardEntry extends StepEntry {
  readonly op: 'host-ip-forward';
  /** What to put back when no lab needs forwarding any more. */
  readonly previous: string;
}

/**
 * The value a lab's ip_forward entry should promise to put back: what is
 * there now — unless forwarding is on because another lab turned it on, in
 * which case that lab's previous value, so whichever lab goes last restores it.
 */
export function previousForwarding(now: string, others: readonly IpForwardEntry[]): string {
  if (now !== '1') return now;
  return others.find((e) => e.previous !== '1')?.previous ?? now;
}

/** What `down` writes back to ip_forward for this entry, or undefined to leave it alone. */
export function forwardingToRestore(entry: IpForwardEntry, others: readonly IpForwardEntry[], now: string): string | undefined {
  if (entry.previous === '1') return undefined; // it was on before nslab came
  if (others.length > 0) return undefined; // another lab still forwards through the machine
  return now === entry.previous ? undefined : entry.previous;
}

export function addressOnly(cidr: string): string {
  return cidr.split('/')[0] as string;
}

import { natRuleset, NSLAB_TABLE, type NatPlan, type PortForward, type RulesetSpec } from '../nft/ruleset.js';
import { formatRuleset } from '../nft/ruleset-text.js';
import type { Plan, PlanNat, PlanPortForward } from '../topology/plan.js';

/**
 * NAT in lab nodes without the kernel: what a node's `nat:` and `ports:`
 * become as an nf_tables ruleset, and the commands `up --explain` prints.
 * ./nat.ts installs and removes it.
 */

/** The comment on every table nslab makes for a lab. */
export function tableComment(lab: string): string {
  return `nslab lab ${lab}`;
}

/** A plan's port forward as the ruleset builder takes it (addressed to this machine only). */
export function portForwardOf(p: PlanPortForward): PortForward {
  if (!p.to) throw new NatPlanError(`port forward ${p.port}/${p.proto} goes to node ${p.toNode}, which has no IPv4 address [${p.origin}]`);
  return { proto: p.proto, port: p.port, to: p.to, toPort: p.toPort, local: true, origin: p.origin };
}

export class NatPlanError extends Error {
  override readonly name = 'NatPlanError';
}

/** What nslab installs in a lab node for its `nat:` and `ports:`. */
export function labNatPlan(n: PlanNat, lab: string): NatPlan {
  const out = n.masquerade?.out;
  return {
    table: NSLAB_TABLE,
    comment: tableComment(lab),
    origin: n.origin,
    masquerade: n.masquerade ? [{ sources: n.masquerade.sources, oifname: n.masquerade.out, origin: n.origin }] : [],
    portForwards: n.ports.map(portForwardOf),
    ...(out !== undefined ? { forward: { policy: 'accept', established: true, refuse: [{ iifname: out, family: 4, origin: n.origin }] } } : {}),
  };
}

/** The ruleset for one lab node. */
export function labNatRuleset(n: PlanNat, lab: string): RulesetSpec {
  return natRuleset(labNatPlan(n, lab));
}

/** `nft -f` of a ruleset as a shell here-document (for --explain). */
export function nftHereDoc(prefix: string, spec: RulesetSpec): string[] {
  return [`${prefix}nft -f - <<'EOF'`, ...formatRuleset(spec).trimEnd().split('\n'), 'EOF'];
}

/** The NAT step as shell commands, for `up --explain`. */
export function explainNat(plan: Plan): string[] {
  if (plan.nat.length === 0) return [];
  const lines = ['# NAT and port forwards: nslab\'s own nf_tables table in each node that has nat: or ports:.'];
  for (const n of plan.nat) lines.push(...nftHereDoc(`ip netns exec ${n.netns} `, labNatRuleset(n, plan.lab)));
  return lines;
}

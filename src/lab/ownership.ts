import { existsSync } from 'node:fs';
import { netnsPath } from '../sys/netns-path.js';
import type { Plan } from '../topology/plan.js';
import { listLabDirs, readJournal, readRecord } from './state.js';

/**
 * Names nslab must not take. A lab's namespaces are LAB-NODE, so lab `rtc`
 * with node `x-y` and lab `rtc-x` with node `y` both want `rtc-x-y`; and a
 * user may have made `demo-h1` with `ip netns add`. `up` checks every name
 * against both before it makes anything, and refuses, naming the owner,
 * rather than fail half-way (and, before this check, delete the other
 * owner's namespace while rolling back).
 */

/** Who holds a namespace name: another lab (by name), or the machine. */
export type Claim = { readonly lab: string; readonly node?: string } | { readonly lab?: undefined };

export class NameTakenError extends Error {
  override readonly name = 'NameTakenError';
}

/** Every namespace name other labs hold or may hold (their plans and journals), with the lab and node. */
export function otherLabsNamespaces(lab: string): Map<string, { lab: string; node?: string }> {
  const out = new Map<string, { lab: string; node?: string }>();
  for (const other of listLabDirs()) {
    if (other === lab) continue;
    for (const n of readRecord(other)?.plan.namespaces ?? []) out.set(n.name, { lab: other, node: n.node });
    for (const e of readJournal(other)) if (e.op === 'netns' && !out.has(String(e.name))) out.set(String(e.name), { lab: other });
  }
  return out;
}

/** The plan's namespaces that someone else holds, each with its claim (pure: the caller says what exists). */
export function takenNames(
  plan: Pick<Plan, 'namespaces'>,
  labs: ReadonlyMap<string, { lab: string; node?: string }>,
  exists: (name: string) => boolean,
): { readonly name: string; readonly node: string; readonly origin: string; readonly claim: Claim }[] {
  const out = [];
  for (const n of plan.namespaces) {
    const held = labs.get(n.name);
    if (held) out.push({ name: n.name, node: n.node, origin: n.origin, claim: held });
    else if (exists(n.name)) out.push({ name: n.name, node: n.node, origin: n.origin, claim: {} });
  }
  return out;
}

const SHOWN = 5;

/** Throw NameTakenError, listing the first few names and their owners, when any of the plan's names is taken. */
export function checkNamespaceNames(plan: Plan): void {
  const taken = takenNames(plan, otherLabsNamespaces(plan.lab), (name) => existsSync(netnsPath(name)));
  if (taken.length === 0) return;
  const lines = taken.slice(0, SHOWN).map((t) =>
    t.claim.lab !== undefined
      ? `  ${t.name} (node ${t.node} [${t.origin}]) is lab '${t.claim.lab}'s${t.claim.node !== undefined ? ` (its node ${t.claim.node})` : ''}`
      : `  ${t.name} (node ${t.node} [${t.origin}]) exists already and nslab did not make it (ip netns list shows it)`,
  );
  if (taken.length > SHOWN) lines.push(`  … and ${taken.length - SHOWN} more`);
  throw new NameTakenError(
    `lab '${plan.lab}' cannot take ${taken.length === 1 ? 'a network namespace name' : `${taken.length} network namespace names`} held by another owner; nothing was made:\n${lines.join('\n')}\n` +
      `rename the lab or the node (namespaces are named LAB-NODE); nslab never removes what it did not make`,
  );
}

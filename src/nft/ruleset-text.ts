import { isBaseChain, priorityNumber, type Chain } from './chain.js';
import { NF_NAT_RANGE } from './constants.js';
import { debugExpr, type Expr } from './expr/index.js';
import { describeRule, type Rule } from './rule.js';
import type { Table } from './table.js';
import type { RulesetSpec } from './ruleset.js';

/** A ruleset as text: what `nft list` would print of it, and what differs between a planned one and the one installed. */

/** The ruleset as an `nft -f` file (for --explain and for comparing with nft). */
export function formatRuleset(spec: RulesetSpec): string {
  const lines = [`table ${spec.table.family} ${spec.table.name} {`];
  if (spec.table.comment !== undefined) lines.push(`\tcomment "${spec.table.comment}"`);
  for (const c of spec.chains) {
    lines.push(`\tchain ${c.name} {`);
    if (isBaseChain(c)) lines.push(`\t\ttype ${c.type} hook ${c.hook} priority ${c.priority};${c.policy ? ` policy ${c.policy};` : ''}`);
    for (const r of spec.rules.filter((x) => x.chain === c.name)) lines.push(`\t\t${r.text ?? describeRule(r)}`);
    lines.push('\t}');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** What is installed under one table, decoded from the kernel's dumps. */
export interface InstalledRuleset {
  readonly table?: Table;
  readonly chains: readonly Chain[];
  readonly rules: readonly Rule[];
}

/**
 * The form an expression takes once the kernel has it: nat fills the max
 * registers with the min ones and adds NF_NAT_RANGE_MAP_IPS when an address
 * is given; counters count. Used to compare what was asked with what is.
 */
export function normalizeExpr(e: Expr): Expr {
  if (e.kind === 'counter') return { kind: 'counter', packets: 0n, bytes: 0n };
  if (e.kind !== 'nat') return e;
  let flags = e.flags ?? 0;
  if (e.regAddrMin !== undefined) flags |= NF_NAT_RANGE.NF_NAT_RANGE_MAP_IPS;
  if (e.regProtoMin !== undefined) flags |= NF_NAT_RANGE.NF_NAT_RANGE_PROTO_SPECIFIED;
  return {
    ...e,
    ...(e.regAddrMin !== undefined ? { regAddrMax: e.regAddrMax ?? e.regAddrMin } : {}),
    ...(e.regProtoMin !== undefined ? { regProtoMax: e.regProtoMax ?? e.regProtoMin } : {}),
    ...(flags !== 0 ? { flags } : {}),
  };
}

function exprLines(exprs: readonly Expr[]): string[] {
  return exprs.map((e) => debugExpr(normalizeExpr(e)));
}

/**
 * Compare what a spec asked for with what the kernel has. Returns the
 * differences in words; an empty list means they are equal (same table,
 * the same chains with the same hooks and policies, the same rules in the
 * same order, nothing extra).
 */
export function diffRuleset(spec: RulesetSpec, installed: InstalledRuleset): string[] {
  const diffs: string[] = [];
  const t = spec.table;
  if (!installed.table) return [`table ${t.family} ${t.name} is missing`];
  if (spec.table.comment !== undefined && installed.table.comment !== spec.table.comment) {
    diffs.push(`table ${t.family} ${t.name} has comment ${JSON.stringify(installed.table.comment)}, expected ${JSON.stringify(spec.table.comment)}`);
  }
  for (const c of spec.chains) {
    const got = installed.chains.find((x) => x.name === c.name);
    if (!got) {
      diffs.push(`chain ${c.name} is missing`);
      continue;
    }
    const want = { type: c.type, hook: c.hook, policy: c.policy ?? 'accept' };
    const prio = priorityNumber(c.priority);
    const b = got.base;
    if (!b) diffs.push(`chain ${c.name} is a regular chain, expected a base chain`);
    else {
      if (b.type !== want.type || b.hook !== want.hook || b.priority !== prio || b.policy !== want.policy) {
        diffs.push(`chain ${c.name} is type ${b.type} hook ${b.hook} priority ${b.priority} policy ${b.policy}, expected type ${want.type} hook ${want.hook} priority ${prio} policy ${want.policy}`);
      }
    }
    const wantRules = spec.rules.filter((r) => r.chain === c.name);
    const gotRules = installed.rules.filter((r) => r.chain === c.name);
    const n = Math.max(wantRules.length, gotRules.length);
    for (let i = 0; i < n; i++) {
      const w = wantRules[i];
      const g = gotRules[i];
      if (!g && w) diffs.push(`chain ${c.name} rule ${i + 1} is missing: ${w.text ?? describeRule(w)}`);
      else if (g && !w) diffs.push(`chain ${c.name} has an extra rule ${i + 1} (handle ${g.handle}): ${exprLines(g.exprs).join(' ')}`);
      else if (g && w) {
        const a = exprLines(w.exprs).join('\n');
        const b2 = exprLines(g.exprs).join('\n');
        if (a !== b2) diffs.push(`chain ${c.name} rule ${i + 1} (${w.text ?? describeRule(w)}) differs:\n  expected ${a.split('\n').join('\n           ')}\n  installed ${b2.split('\n').join('\n            ')}`);
        if ((w.comment ?? undefined) !== (g.comment ?? undefined)) diffs.push(`chain ${c.name} rule ${i + 1} has comment ${JSON.stringify(g.comment)}, expected ${JSON.stringify(w.comment)}`);
      }
    }
  }
  for (const c of installed.chains) {
    if (!spec.chains.some((x) => x.name === c.name)) diffs.push(`table ${t.family} ${t.name} has an extra chain ${c.name}`);
  }
  return diffs;
}

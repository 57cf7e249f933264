import { ARCHES, syscallName, syscallNumber, type ArchName } from '../../src/sys/seccomp/arch.js';
import type { SockFilter } from '../../src/bpf/insn.js';
import { describeResult, runFilter, type FilterResult } from '../../src/sys/seccomp/interpret.js';
import { actionValue, type Action, type ArgCmp, type Policy, type Rule } from '../../src/sys/seccomp/policy.js';

/**
 * Helpers for seccomp table tests: run a compiled program on (arch, system
 * call name, args), and a plain reference of what a policy means, written
 * without BPF, to compare programs against.
 */

/** What the program decides for name(args) on arch. */
export function decide(program: readonly SockFilter[], arch: ArchName, name: string, args: readonly bigint[] = []): FilterResult {
  const nr = syscallNumber(arch, name);
  if (nr === undefined) throw new Error(`${arch} has no system call "${name}"`);
  return describeResult(runFilter(program, { nr, arch: ARCHES[arch].auditArch, args }));
}

/** An action as describeResult() would name the value a filter returns for it. */
export function expected(a: Action): FilterResult {
  return describeResult(actionValue(a));
}

export function cmpHolds(c: ArgCmp, arg: bigint): boolean {
  const a = BigInt.asUintN(64, arg);
  switch (c.op) {
    case 'SCMP_CMP_EQ':
      return a === c.value;
    case 'SCMP_CMP_NE':
      return a !== c.value;
    case 'SCMP_CMP_LT':
      return a < c.value;
    case 'SCMP_CMP_LE':
      return a <= c.value;
    case 'SCMP_CMP_GT':
      return a > c.value;
    case 'SCMP_CMP_GE':
      return a >= c.value;
    case 'SCMP_CMP_MASKED_EQ':
      return (a & c.value) === ((c.valueTwo ?? 0n) & c.value);
  }
}

export interface ReferenceContext {
  readonly arches: readonly ArchName[];
  readonly capabilities?: readonly string[];
  readonly kernel?: [number, number];
}

function applies(r: Rule, arch: ArchName, ctx: ReferenceContext): boolean {
  const w = r.when;
  if (!w) return true;
  const caps = new Set(ctx.capabilities ?? []);
  if (w.arches && !w.arches.includes(arch)) return false;
  if (w.notArches?.includes(arch)) return false;
  if (w.caps && !w.caps.every((c) => caps.has(c))) return false;
  if (w.notCaps?.some((c) => caps.has(c))) return false;
  if (w.minKernel) {
    const [maj, min] = w.minKernel.split('.').map(Number);
    const [kmaj, kmin] = ctx.kernel ?? [6, 18];
    if (kmaj < (maj ?? 0) || (kmaj === maj && kmin < (min ?? 0))) return false;
  }
  return true;
}

/**
 * What the policy means for (auditArch, nr, args): foreign architectures and
 * x32 are killed; rules with comparisons first, in order; then the first
 * rule without; then the default.
 */
export function reference(policy: Policy, auditArch: number, nr: number, args: readonly bigint[], ctx: ReferenceContext): Action {
  const kill: Action = { type: 'kill_process' };
  const arch = ctx.arches.find((a) => ARCHES[a].auditArch === auditArch);
  if (!arch) return kill;
  const u = nr >>> 0;
  if (arch === 'x86_64' && u >= 0x40000000) return u === 0xffffffff ? policy.defaultAction : kill;
  const name = syscallName(arch, u);
  const rules = policy.rules.filter((r) => name !== undefined && r.names.includes(name) && applies(r, arch, ctx));
  for (const r of rules) {
    if (r.args?.length && r.args.every((c) => cmpHolds(c, args[c.index] ?? 0n))) return r.action;
  }
  return rules.find((r) => !r.args?.length)?.action ?? policy.defaultAction;
}

/** Argument values around the interesting edges of 64-bit comparisons. */
export const EDGE_VALUES: readonly bigint[] = [
  0n, 1n, 2n, 0x7fn, 0x80n, 0xffn, 0x7fffffffn, 0x80000000n, 0xfffffffen, 0xffffffffn,
  0x1_00000000n, 0x1_00000001n, 0x1_ffffffffn, 0x2_00000000n, 0x7fffffff_ffffffffn,
  0x80000000_00000000n, 0xffffffff_00000000n, 0xffffffff_fffffffen, 0xffffffff_ffffffffn,
];

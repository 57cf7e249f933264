import { release } from 'node:os';
import { ARCHES, hostArch, isKnownSyscall, syscallNumber, type Arch, type ArchName } from './arch.js';
import { Assembler, NEXT, type Target } from '../../bpf/assembler.js';
import type { SockFilter } from '../../bpf/insn.js';
import { SECCOMP_DATA, argHi, argLo } from './constants.js';
import { KILL_PROCESS, actionText, actionValue, sameAction, type Action, type ArgCmp, type Policy, type Rule } from './policy.js';

/**
 * Policy → classic-BPF program. The program's shape:
 *
 * ```
 *   ld [arch]                       ; the calling convention comes first
 *   jeq AUDIT_ARCH_X86_64 → x86_64
 *   jeq AUDIT_ARCH_AARCH64 → aarch64
 *   ret KILL_PROCESS                ; any other: kill, never fall through
 * x86_64:
 *   ld [nr]
 *   jge 0x40000000 → (nr == -1 ? default : KILL_PROCESS)   ; the x32 bit
 *   binary search on nr → an action, or a block of argument checks
 *   ...
 *   ret <each action used, once>
 * ```
 *
 * Rules for one call are tried in order: first the rules with argument
 * comparisons (the first whose comparisons all hold decides), then the
 * first rule without any; no match gives the default action.
 */

export interface CompileOptions {
  /** Calling conventions to accept; default: the host's. Others are killed. */
  readonly arches?: readonly ArchName[];
  /** The node's capabilities (CAP_* names), for rules with caps conditions. */
  readonly capabilities?: Iterable<string>;
  /** Kernel release ("6.18.0") for minKernel conditions; default os.release(). */
  readonly kernelRelease?: string;
}

export interface SkippedName {
  readonly arch: ArchName;
  readonly name: string;
  readonly origin?: string;
}

export interface CompiledFilter {
  readonly program: readonly SockFilter[];
  readonly arches: readonly ArchName[];
  /** SECCOMP_FILTER_FLAG_* bits for installFilter(), from the policy. */
  readonly flags: number;
  /** Names a rule gave that an architecture does not have (libseccomp skips them too). */
  readonly skipped: readonly SkippedName[];
  readonly warnings: readonly string[];
}

/** Above this many calls, dispatch on nr by binary search instead of a chain of jeq. */
const LINEAR_DISPATCH = 8;

interface CallRules {
  readonly nr: number;
  readonly name: string;
  conditional: { readonly args: readonly ArgCmp[]; readonly action: Action }[];
  fallback?: { readonly action: Action; readonly origin: string };
}

export function compilePolicy(policy: Policy, options: CompileOptions = {}): CompiledFilter {
  const arches = options.arches ?? defaultArches();
  if (arches.length === 0) throw new Error('a seccomp filter needs at least one architecture');
  const caps = new Set([...(options.capabilities ?? [])].map(normaliseCap));
  const kernel = parseVersion(options.kernelRelease ?? release());
  validate(policy);

  const a = new Assembler();
  const actionLabels = new Map<number, string>();
  const act = (action: Action): string => {
    const v = actionValue(action);
    let label = actionLabels.get(v);
    if (!label) {
      label = `act.${actionText(action)}`;
      actionLabels.set(v, label);
    }
    return label;
  };
  const skipped: SkippedName[] = [];
  const warnings: string[] = [];

  a.ld(SECCOMP_DATA.arch);
  for (const name of arches) a.jeq(ARCHES[name].auditArch, `arch.${name}`);
  a.ret(actionValue(KILL_PROCESS));

  for (const name of arches) {
    const arch = ARCHES[name];
    const calls = collect(policy, arch, caps, kernel, skipped, warnings);
    const deflt = act(policy.defaultAction);
    a.label(`arch.${name}`);
    a.ld(SECCOMP_DATA.nr);
    if (arch.x32Bit !== undefined) {
      // x32 calls share the x86_64 arch value; refuse them. nr == -1 (a
      // tracer skipping a call) is not x32: it goes to the default action,
      // where the kernel answers ENOSYS, as libseccomp does.
      const dispatch = a.newLabel(`dispatch.${name}`);
      a.jge(arch.x32Bit, NEXT, dispatch);
      a.jeq(0xffffffff, deflt, act(KILL_PROCESS));
      a.label(dispatch);
    }
    const entries = calls.map((c) => ({ nr: c.nr, target: c.conditional.length ? `call.${name}.${c.name}` : act(c.fallback?.action ?? policy.defaultAction) }));
    emitDispatch(a, entries, deflt);
    for (const c of calls) {
      if (c.conditional.length === 0) continue;
      a.label(`call.${name}.${c.name}`);
      const fallback = act(c.fallback?.action ?? policy.defaultAction);
      c.conditional.forEach((rule, i) => {
        const fail = i + 1 < c.conditional.length ? `call.${name}.${c.name}.${i + 1}` : fallback;
        const pass = act(rule.action);
        if (i > 0) a.label(`call.${name}.${c.name}.${i}`);
        rule.args.forEach((cmp, j) => emitCmp(a, cmp, j + 1 < rule.args.length ? NEXT : pass, fail));
      });
    }
  }
  for (const [value, label] of actionLabels) a.label(label).ret(value);
  return { program: a.assemble(), arches, flags: policy.filterFlags ?? 0, skipped, warnings };
}

function defaultArches(): ArchName[] {
  const host = hostArch();
  if (!host) throw new Error(`nslab builds seccomp filters for ${Object.keys(ARCHES).join(' and ')} only; this machine is ${process.arch}`);
  return [host];
}

function validate(policy: Policy): void {
  const where = (r: Rule): string => (r.origin ? ` (${r.origin})` : '');
  checkAction(policy.defaultAction, 'the default action');
  for (const r of policy.rules) {
    checkAction(r.action, `the rule for ${r.names.join(', ')}${where(r)}`);
    for (const n of r.names) {
      if (!isKnownSyscall(n)) throw new Error(`unknown system call "${n}"${where(r)}`);
    }
    for (const c of r.args ?? []) {
      if (!Number.isInteger(c.index) || c.index < 0 || c.index > 5) throw new Error(`argument index ${c.index} is not 0–5${where(r)}`);
      for (const v of [c.value, c.valueTwo ?? 0n]) {
        if (v < 0n || v > 0xffffffffffffffffn) throw new Error(`argument value ${v} is not an unsigned 64-bit number${where(r)}`);
      }
    }
  }
}

function checkAction(a: Action, what: string): void {
  if (a.type === 'errno' && !(Number.isInteger(a.errno) && a.errno >= 0 && a.errno <= 4095)) {
    throw new Error(`${what}: errno ${a.errno} is not 0–4095`);
  }
  if (a.type === 'trace' && !(Number.isInteger(a.data) && a.data >= 0 && a.data <= 0xffff)) {
    throw new Error(`${what}: trace data ${a.data} is not 0–65535`);
  }
}

/** Group the rules that apply on arch by system call number, ordered by number. */
function collect(policy: Policy, arch: Arch, caps: ReadonlySet<string>, kernel: number[], skipped: SkippedName[], warnings: string[]): CallRules[] {
  const byNr = new Map<number, CallRules>();
  for (const rule of policy.rules) {
    if (!applies(rule, arch.name, caps, kernel)) continue;
    const origin = rule.origin ?? `rule for ${rule.names.join(', ')}`;
    for (const name of rule.names) {
      const nr = syscallNumber(arch.name, name);
      if (nr === undefined) {
        skipped.push(rule.origin ? { arch: arch.name, name, origin: rule.origin } : { arch: arch.name, name });
        continue;
      }
      let c = byNr.get(nr);
      if (!c) {
        c = { nr, name, conditional: [] };
        byNr.set(nr, c);
      }
      if (rule.args && rule.args.length > 0) c.conditional.push({ args: rule.args, action: rule.action });
      else if (!c.fallback) c.fallback = { action: rule.action, origin };
      else if (!sameAction(c.fallback.action, rule.action)) {
        warnings.push(`${arch.name}: ${name} is given ${actionText(c.fallback.action)} by ${c.fallback.origin} and ${actionText(rule.action)} by ${origin}; the first wins`);
      }
    }
  }
  const calls: CallRules[] = [];
  for (const c of [...byNr.values()].sort((x, y) => x.nr - y.nr)) {
    const fallback = c.fallback?.action ?? policy.defaultAction;
    // Trailing conditional rules that end in the fallback action change nothing.
    while (c.conditional.length && sameAction(c.conditional[c.conditional.length - 1]!.action, fallback)) c.conditional.pop();
    if (c.conditional.length === 0 && sameAction(fallback, policy.defaultAction)) continue;
    calls.push(c);
  }
  return calls;
}

function applies(rule: Rule, arch: ArchName, caps: ReadonlySet<string>, kernel: number[]): boolean {
  const w = rule.when;
  if (!w) return true;
  if (w.arches && !w.arches.includes(arch)) return false;
  if (w.notArches?.includes(arch)) return false;
  if (w.caps && !w.caps.every((c) => caps.has(normaliseCap(c)))) return false;
  if (w.notCaps?.some((c) => caps.has(normaliseCap(c)))) return false;
  if (w.minKernel !== undefined && compareVersions(kernel, parseVersion(w.minKernel)) < 0) return false;
  return true;
}

function normaliseCap(c: string): string {
  const u = c.trim().toUpperCase();
  return u.startsWith('CAP_') ? u : `CAP_${u}`;
}

/** "6.18.0-rc1+" → [6, 18, 0]. */
export function parseVersion(text: string): number[] {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a kernel version`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Jump to each entry's target when A (nr) equals its number, else to deflt. */
function emitDispatch(a: Assembler, entries: readonly { nr: number; target: string }[], deflt: string): void {
  if (entries.length <= LINEAR_DISPATCH) {
    entries.forEach((e, i) => a.jeq(e.nr, e.target, i + 1 < entries.length ? NEXT : deflt));
    if (entries.length === 0) a.ja(deflt);
    return;
  }
  const mid = Math.floor(entries.length / 2);
  const upper = a.newLabel('ge');
  a.jge((entries[mid] as { nr: number }).nr, upper, NEXT);
  emitDispatch(a, entries.slice(0, mid), deflt);
  a.label(upper);
  emitDispatch(a, entries.slice(mid), deflt);
}

const split = (v: bigint): [hi: number, lo: number] => [Number((v >> 32n) & 0xffffffffn), Number(v & 0xffffffffn)];

/**
 * Compare the 64-bit args[cmp.index] with cmp.value, one 32-bit half at a
 * time (high first), and go to pass or fail. pass may be NEXT: the
 * instruction after the whole comparison, not after one of its jumps.
 */
function emitCmp(a: Assembler, cmp: ArgCmp, pass: Target, fail: Target): void {
  if (cmp.op === 'SCMP_CMP_MASKED_EQ' && cmp.value === 0n) {
    // An empty mask always matches.
    if (pass !== NEXT) a.ja(pass);
    return;
  }
  if (pass !== NEXT) return emitCmpTo(a, cmp, pass, fail);
  const end = a.newLabel('cmp.ok');
  emitCmpTo(a, cmp, end, fail);
  a.label(end);
}

function emitCmpTo(a: Assembler, cmp: ArgCmp, pass: string, fail: Target): void {
  const hiOff = argHi(cmp.index);
  const loOff = argLo(cmp.index);
  const [hi, lo] = split(cmp.value);
  switch (cmp.op) {
    case 'SCMP_CMP_EQ':
      a.ld(hiOff).jeq(hi, NEXT, fail);
      a.ld(loOff).jeq(lo, pass, fail);
      return;
    case 'SCMP_CMP_NE':
      a.ld(hiOff).jeq(hi, NEXT, pass);
      a.ld(loOff).jeq(lo, fail, pass);
      return;
    case 'SCMP_CMP_GT':
    case 'SCMP_CMP_GE':
      a.ld(hiOff).jgt(hi, pass, NEXT).jeq(hi, NEXT, fail);
      a.ld(loOff);
      if (cmp.op === 'SCMP_CMP_GT') a.jgt(lo, pass, fail);
      else a.jge(lo, pass, fail);
      return;
    case 'SCMP_CMP_LT':
    case 'SCMP_CMP_LE':
      // a < v is !(a >= v); a <= v is !(a > v).
      a.ld(hiOff).jgt(hi, fail, NEXT).jeq(hi, NEXT, pass);
      a.ld(loOff);
      if (cmp.op === 'SCMP_CMP_LT') a.jge(lo, fail, pass);
      else a.jgt(lo, fail, pass);
      return;
    case 'SCMP_CMP_MASKED_EQ': {
      const mask = cmp.value;
      const [dhi, dlo] = split((cmp.valueTwo ?? 0n) & mask);
      const [mhi, mlo] = split(mask);
      // A half whose mask is 0 always matches (both halves: see emitCmp).
      if (mhi !== 0) {
        a.ld(hiOff);
        if (mhi !== 0xffffffff) a.and(mhi);
        a.jeq(dhi, mlo !== 0 ? NEXT : pass, fail);
      }
      if (mlo !== 0) {
        a.ld(loOff);
        if (mlo !== 0xffffffff) a.and(mlo);
        a.jeq(dlo, pass, fail);
      }
    }
  }
}

import { readFileSync } from 'node:fs';
import { formatCidr, formatIp, parseCidr, parseIp } from '../inet/ip.js';
import { O_CLOEXEC, O_RDONLY, libc } from '../os/libc.js';
import { inNetns } from '../os/thread-netns.js';
import { CAP, parseStatusCaps, type CapName } from '../sys/caps/index.js';
import { netnsPath } from '../sys/netns-path.js';
import { ARCHES, decodeProgram, describeResult, hostArch, runFilter, syscallNumber } from '../sys/seccomp/index.js';
import type { NodeAssertion, Plan, PlanNamespace } from '../topology/plan.js';
import { runInNode, runShellInNode, type NodeCommandResult } from './check-run.js';
import type { ConfineFacts } from './confine-node.js';
import { interfaceViews, readNamespace, routeViews, type NamespaceState, type RouteView } from './inspect.js';

/**
 * The node facts of `expect:` (route, address, sysctl, capability,
 * syscall, command), each answered from the running lab: routes and
 * addresses dumped over rtnetlink from the node's namespace, sysctls read
 * in it, capabilities from /proc/self/status of a command run in the node,
 * a system call from the node's own seccomp program (the bytes it was
 * given, as lab.json keeps them) run by nslab's seccomp BPF interpreter,
 * commands through `nslab exec`.
 */

export interface FactVerdict {
  readonly ok: boolean;
  readonly detail: string;
}

/** What the facts need beyond the plan: the record's confinement facts (seccomp programs). */
export interface FactContext {
  readonly plan: Plan;
  readonly confine?: ConfineFacts;
}

function namespaceOf(plan: Plan, node: string): PlanNamespace {
  const n = plan.namespaces.find((x) => x.node === node);
  if (!n) throw new Error(`lab ${plan.lab} has no node ${node}`);
  return n;
}

function sameIp(a: string, b: string): boolean {
  try {
    return formatIp(parseIp(a)) === formatIp(parseIp(b));
  } catch {
    return a === b;
  }
}

function routeLine(r: RouteView): string {
  return `${r.dst}${r.via !== undefined ? ` via ${r.via}` : ''}${r.dev !== undefined ? ` dev ${r.dev}` : ''}`;
}

/** Does a route of the kernel's match the expectation (dst, and via/dev when given)? */
export function routeMatches(e: Extract<NodeAssertion, { kind: 'route' }>, r: RouteView): boolean {
  if (e.dst === 'default') {
    if (r.dst !== 'default') return false;
  } else if (r.dst === 'default' || formatCidr(parseCidr(r.dst)) !== e.dst) return false;
  if (e.via !== undefined && (r.via === undefined || !sameIp(e.via, r.via))) return false;
  if (e.dev !== undefined && r.dev !== e.dev) return false;
  return true;
}

export function judgeRoute(e: Extract<NodeAssertion, { kind: 'route' }>, state: NamespaceState): FactVerdict {
  const routes = routeViews(state);
  const hit = routes.find((r) => routeMatches(e, r));
  const sameDst = routes.filter((r) => routeMatches({ kind: 'route', node: e.node, dst: e.dst, present: true }, r));
  const seen = sameDst.length > 0 ? `its routes to ${e.dst}: ${sameDst.map(routeLine).join('; ')}` : `it has no route to ${e.dst} (its routes: ${routes.map(routeLine).join('; ') || 'none'})`;
  if (e.present) return hit ? { ok: true, detail: `ip route: ${routeLine(hit)}` } : { ok: false, detail: seen };
  return hit ? { ok: false, detail: `ip route: ${routeLine(hit)}` } : { ok: true, detail: seen };
}

export function judgeAddress(e: Extract<NodeAssertion, { kind: 'address' }>, state: NamespaceState): FactVerdict {
  const iface = interfaceViews(state).find((i) => i.name === e.dev);
  if (!iface) return { ok: !e.present, detail: `it has no interface ${e.dev}` };
  const has = iface.addresses.some((a) => formatCidr(parseCidr(a)) === e.cidr);
  const list = `${e.dev} has ${iface.addresses.join(', ') || 'no global address'}`;
  return { ok: has === e.present, detail: list };
}

/** A sysctl value as sysctl(8) prints it: tabs and runs of blanks as one space. */
export function sysctlText(raw: string): string {
  return raw.trim().split(/\s+/).join(' ');
}

/** net.* sysctls belong to the network namespace: read in it by this thread, no process needed. */
function readNetSysctl(netns: string, key: string): string {
  const fd = libc.open(netnsPath(netns), O_RDONLY | O_CLOEXEC);
  try {
    return inNetns(fd, () => readFileSync(`/proc/sys/${key.replaceAll('.', '/')}`, 'utf8'));
  } finally {
    libc.close(fd);
  }
}

function commandTrouble(r: NodeCommandResult): string | undefined {
  if (r.timedOut) return 'the command did not finish in time';
  if (r.exit === null) return `the command was killed by ${r.signal ?? 'a signal'}`;
  return undefined;
}

async function judgeSysctl(ctx: FactContext, e: Extract<NodeAssertion, { kind: 'sysctl' }>): Promise<FactVerdict> {
  const n = namespaceOf(ctx.plan, e.node);
  let raw: string;
  if (e.key.startsWith('net.')) {
    try {
      raw = readNetSysctl(n.name, e.key);
    } catch (err) {
      return { ok: false, detail: `cannot read ${e.key}: ${(err as Error).message}` };
    }
  } else {
    // Outside net.* the namespaces a node sees (UTS, IPC, user) are only the node's own process's.
    const r = await runInNode(ctx.plan.lab, e.node, ['/bin/cat', `/proc/sys/${e.key.replaceAll('.', '/')}`]);
    const trouble = commandTrouble(r) ?? (r.exit !== 0 ? `cannot read ${e.key}: ${r.output.trim()}` : undefined);
    if (trouble) return { ok: false, detail: trouble };
    raw = r.output;
  }
  const got = sysctlText(raw);
  return { ok: got === sysctlText(e.value), detail: `${e.key} = ${got}` };
}

async function judgeCapability(ctx: FactContext, e: Extract<NodeAssertion, { kind: 'capability' }>): Promise<FactVerdict> {
  const r = await runInNode(ctx.plan.lab, e.node, ['/bin/cat', '/proc/self/status']);
  const trouble = commandTrouble(r) ?? (r.exit !== 0 ? `cat /proc/self/status in the node failed: ${r.output.trim()}` : undefined);
  if (trouble) return { ok: false, detail: trouble };
  const caps = parseStatusCaps(r.output);
  const bit = 1n << BigInt(CAP[e.cap as CapName]);
  const held = (m: bigint): boolean => (m & bit) !== 0n;
  const where = `effective ${held(caps.effective) ? 'yes' : 'no'}, permitted ${held(caps.permitted) ? 'yes' : 'no'}, bounding ${held(caps.bounding) ? 'yes' : 'no'}`;
  const ok = e.has ? held(caps.effective) : !held(caps.permitted) && !held(caps.bounding);
  return { ok, detail: `${e.cap} in a command run in ${e.node}: ${where}` };
}

/** The answer of the node's own seccomp program to a system call, by nslab's interpreter. */
export function judgeSyscall(confine: ConfineFacts | undefined, e: Extract<NodeAssertion, { kind: 'syscall' }>): FactVerdict {
  if (!confine) return { ok: false, detail: `the lab's record has no confinement facts (made by an older nslab?)` };
  const arch = hostArch();
  if (!arch) return { ok: false, detail: `this machine's architecture (${process.arch}) has no seccomp table in nslab` };
  const nr = syscallNumber(arch, e.name);
  if (nr === undefined) return { ok: false, detail: `${e.name} is not a system call on ${arch}` };
  const id = confine.seccomp[e.node];
  const program = id ? confine.programs[id] : undefined;
  if (!program) return { ok: !e.denied, detail: `${e.node} has no seccomp filter (seccomp: unconfined): every system call is allowed` };
  const ret = runFilter(decodeProgram(new Uint8Array(Buffer.from(program.program, 'base64'))), { nr, arch: ARCHES[arch].auditArch, args: e.args });
  const action = describeResult(ret);
  const denied = action.action !== 'allow' && action.action !== 'log';
  const text = action.action === 'errno' ? `errno ${action.data}` : action.action;
  return { ok: denied === e.denied, detail: `${e.node}'s filter answers ${e.name} (nr ${nr} on ${arch}) with ${text}` };
}

function excerpt(text: string, max = 200): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t || '(no output)';
}

async function judgeCommand(ctx: FactContext, e: Extract<NodeAssertion, { kind: 'command' }>): Promise<FactVerdict> {
  const r = await runShellInNode(ctx.plan.lab, e.node, e.run);
  const trouble = commandTrouble(r);
  if (trouble) return { ok: false, detail: `${trouble}; its output: ${excerpt(r.output)}` };
  const exitOk = r.exit === e.exit;
  const matches = e.outputMatches === undefined || new RegExp(e.outputMatches, 'm').test(r.output);
  const detail = `exited ${r.exit}${e.outputMatches !== undefined ? `, output ${matches ? 'matches' : 'does not match'}` : ''}: ${excerpt(r.output)}`;
  return { ok: exitOk && matches, detail };
}

/** Read the fact from the running lab and say whether it holds. */
export async function judgeFact(ctx: FactContext, e: NodeAssertion): Promise<FactVerdict> {
  switch (e.kind) {
    case 'route':
    case 'address': {
      const n = namespaceOf(ctx.plan, e.node);
      const state = readNamespace(n.name);
      if (!state) return { ok: false, detail: `the namespace of ${e.node} (${n.name}) is gone` };
      return e.kind === 'route' ? judgeRoute(e, state) : judgeAddress(e, state);
    }
    case 'sysctl':
      return judgeSysctl(ctx, e);
    case 'capability':
      return judgeCapability(ctx, e);
    case 'syscall':
      return judgeSyscall(ctx.confine, e);
    case 'command':
      return judgeCommand(ctx, e);
  }
}

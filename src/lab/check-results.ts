import type { NodeKind } from '../topology/types.js';
import type { NodeAssertion, Plan, PlanExpect, PlanReachExpect } from '../topology/plan.js';
import type { CheckOptions } from './check-probe.js';
import { checkNodes, expectProbes, probeKey, type CheckNode, type ProbeResult } from './check-targets.js';

/**
 * What the probes of `nslab check` add up to: a status per pair of nodes,
 * a verdict per expectation, and the report `nslab check --json` prints.
 * Pure: the probe results are given.
 *
 * Expectations: `reach` holds when at least one of the target's addresses
 * answers; `not-reach` when none does. With a port, "answers" means a TCP
 * connection is accepted, or a UDP datagram gets any datagram back; a
 * refusal (RST, ICMP port unreachable) or silence is not reaching it. A UDP
 * service that never answers looks the same as a drop: say so in the lab.
 */

export type PairStatus = 'ok' | 'partial' | 'fail' | 'none';

export interface PairResult {
  readonly from: string;
  readonly to: string;
  readonly status: PairStatus;
  readonly probes: readonly ProbeResult[];
}

export interface ExpectationResult {
  /** `reach` (also for not-reach), or the node fact's kind. */
  readonly kind: 'reach' | NodeAssertion['kind'];
  /** The node it is checked from (reach) or on (the others). */
  readonly from: string;
  readonly target?: string;
  readonly reach?: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
  readonly origin: string;
  readonly ok: boolean;
  /** What it says, as a sentence that holds: "h1 reaches h2", "r1 has a route to default via 10.0.0.1". */
  readonly description: string;
  /** What was expected, after "expected": "h1 to reach h2". */
  readonly goal: string;
  /** One sentence on what was seen. */
  readonly detail: string;
  readonly probes: readonly ProbeResult[];
  /** How many times it was tried (more than 1 only with `wait:`). */
  readonly attempts: number;
}

/** What `nslab check --json` prints. */
export interface CheckReport {
  readonly lab: string;
  readonly count: number;
  readonly timeoutMs: number;
  readonly nodes: readonly { readonly name: string; readonly kind: NodeKind; readonly addresses: readonly string[] }[];
  readonly pairs: readonly PairResult[];
  readonly expectations: readonly ExpectationResult[];
  /** What may make the results wrong for reasons outside the lab (a full kernel table). */
  readonly warnings: readonly string[];
  readonly summary: {
    readonly pairs: number;
    readonly reachable: number;
    readonly partial: number;
    readonly unreachable: number;
    readonly expectations: number;
    readonly failed: number;
  };
}

/**
 * Whether a check passes. With expect: lines the topology says what should
 * and should not reach (a firewall lab means some pairs to fail), so they
 * decide; without, the matrix is the test and every pair must reach.
 */
export function checkVerdict(r: Pick<CheckReport, 'summary'>): { readonly ok: boolean; readonly reason: string } {
  const s = r.summary;
  if (s.expectations > 0) {
    return s.failed === 0
      ? { ok: true, reason: `all ${s.expectations} expectation${s.expectations === 1 ? '' : 's'} hold` }
      : { ok: false, reason: `${s.failed} of ${s.expectations} expectation${s.expectations === 1 ? '' : 's'} failed` };
  }
  const bad = s.partial + s.unreachable;
  return bad === 0
    ? { ok: true, reason: `every pair reaches (no expect: lines, so the matrix is the test)` }
    : { ok: false, reason: `${bad} of ${s.pairs} pairs do not fully reach each other, and the topology has no expect: lines saying that is intended` };
}

export function pairStatus(probes: readonly Pick<ProbeResult, 'reached'>[]): PairStatus {
  if (probes.length === 0) return 'none';
  const n = probes.filter((p) => p.reached).length;
  return n === probes.length ? 'ok' : n === 0 ? 'fail' : 'partial';
}

export function matrixPairs(nodes: readonly CheckNode[], results: ReadonlyMap<string, ProbeResult>): PairResult[] {
  const out: PairResult[] = [];
  for (const from of nodes) {
    for (const to of nodes) {
      if (to === from) continue;
      const probes = to.addresses.flatMap((a) => {
        const r = results.get(probeKey({ from: from.name, address: a.address }));
        return r ? [r] : [];
      });
      out.push({ from: from.name, to: to.name, status: pairStatus(probes), probes });
    }
  }
  return out;
}

function portText(port: PlanReachExpect['port']): string {
  return port ? ` port ${port.port}/${port.proto}` : '';
}

export function isReachExpect(e: PlanExpect): e is PlanReachExpect {
  return e.kind === undefined;
}

function routeText(e: Extract<NodeAssertion, { kind: 'route' }>): string {
  return `a route to ${e.dst}${e.via !== undefined ? ` via ${e.via}` : ''}${e.dev !== undefined ? ` dev ${e.dev}` : ''}`;
}

/** The expectation as a sentence, holding (`goal` false) or expected (`goal` true: after "expected"). */
function sentence(e: PlanExpect, goal: boolean): string {
  const node = isReachExpect(e) ? e.from : e.node;
  const [does, doesNot] = goal ? [`${node} to`, `${node} not to`] : [`${node}`, `${node} does not`];
  const verb = (yes: boolean, base: string, third: string): string => (yes ? (goal ? `${does} ${base}` : `${does} ${third}`) : `${doesNot} ${base}`);
  switch (e.kind) {
    case undefined:
      return `${verb(e.reach, 'reach', 'reaches')} ${e.target}${portText(e.port)}`;
    case 'route':
      return `${verb(e.present, 'have', 'has')} ${routeText(e)}`;
    case 'address':
      return `${verb(e.present, 'have', 'has')} ${e.cidr} on ${e.dev}`;
    case 'sysctl':
      return `${verb(true, 'read', 'reads')} ${e.key} = ${e.value}`;
    case 'capability':
      return e.has ? `${verb(true, 'hold', 'holds')} ${e.cap}` : `${verb(false, 'gain', 'gains')} ${e.cap}`;
    case 'syscall': {
      const call = `${e.name}${e.args.length ? `(${e.args.join(', ')})` : ''}`;
      return `${node} ${goal ? 'to be' : 'is'} ${e.denied ? 'denied' : 'allowed'} ${call} by its seccomp filter`;
    }
    case 'command':
      return `${goal ? `'${e.run}' in ${node} to exit` : `'${e.run}' in ${node} exits`} ${e.exit}${e.outputMatches !== undefined ? ` with output matching /${e.outputMatches}/` : ''}`;
  }
}

/** "h1 reaches h2", "h3 does not reach srv port 22/tcp", "r1 has a route to default via 10.0.0.1". */
export function describeExpectation(e: PlanExpect): string {
  return sentence(e, false);
}

/** "h1 to reach h2", "h3 not to reach srv port 22/tcp" (after "expected"). */
export function expectationGoal(e: PlanExpect): string {
  return sentence(e, true);
}

function where(p: ProbeResult): string {
  return p.port ? `${p.family === 6 ? `[${p.address}]` : p.address}:${p.port.port}/${p.port.proto}` : p.address;
}

/** The result of an expectation once it is known whether it holds. */
export function expectationResult(e: PlanExpect, ok: boolean, detail: string, probes: readonly ProbeResult[] = [], attempts = 1): ExpectationResult {
  const reachPart = isReachExpect(e) ? { target: e.target, reach: e.reach, ...(e.port ? { port: e.port } : {}) } : {};
  return {
    kind: isReachExpect(e) ? 'reach' : e.kind,
    from: isReachExpect(e) ? e.from : e.node,
    ...reachPart,
    origin: e.origin,
    ok,
    description: describeExpectation(e),
    goal: expectationGoal(e),
    detail,
    probes,
    attempts,
  };
}

/** Does what was seen satisfy a reach expectation? Pure: the probes are given. */
export function evaluateExpectation(e: PlanReachExpect, probes: readonly ProbeResult[], attempts = 1): ExpectationResult {
  if (probes.length === 0) return expectationResult(e, false, `${e.target} has no address ${e.from} could try`, probes, attempts);
  const hit = probes.find((p) => p.reached);
  const ok = (hit !== undefined) === e.reach;
  const detail = hit
    ? `${hit.port ? (hit.port.proto === 'tcp' ? 'connected to' : 'got an answer from') : 'reply from'} ${where(hit)}`
    : probes.map((p) => `${where(p)}: ${p.detail}`).join('; ');
  return expectationResult(e, ok, detail, probes, attempts);
}

/** The reach expectations' verdicts from the probes of the first round. */
export function reachResults(plan: Plan, results: ReadonlyMap<string, ProbeResult>): Map<PlanReachExpect, ExpectationResult> {
  const out = new Map<PlanReachExpect, ExpectationResult>();
  for (const e of plan.expect.filter(isReachExpect)) {
    out.set(
      e,
      evaluateExpectation(
        e,
        expectProbes(plan, e).flatMap((p) => {
          const r = results.get(probeKey(p));
          return r ? [r] : [];
        }),
      ),
    );
  }
  return out;
}

/** The report; `expectations` in the plan's order (every reach one is evaluated from `results` when not given). */
export function buildReport(
  plan: Plan,
  opts: CheckOptions,
  results: ReadonlyMap<string, ProbeResult>,
  warnings: readonly string[] = [],
  given?: readonly ExpectationResult[],
): CheckReport {
  const nodes = checkNodes(plan);
  const pairs = matrixPairs(nodes, results);
  const reach = given ? undefined : reachResults(plan, results);
  const expectations = given ?? plan.expect.flatMap((e) => (isReachExpect(e) ? [reach?.get(e) as ExpectationResult] : []));
  const count = (s: PairStatus): number => pairs.filter((p) => p.status === s).length;
  return {
    lab: plan.lab,
    count: opts.count,
    timeoutMs: opts.timeoutMs,
    nodes: nodes.map((n) => ({ name: n.name, kind: n.kind, addresses: n.addresses.map((a) => a.address) })),
    pairs,
    expectations,
    warnings,
    summary: {
      pairs: pairs.filter((p) => p.status !== 'none').length,
      reachable: count('ok'),
      partial: count('partial'),
      unreachable: count('fail'),
      expectations: expectations.length,
      failed: expectations.filter((x) => !x.ok).length,
    },
  };
}

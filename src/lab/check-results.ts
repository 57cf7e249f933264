import type { NodeKind } from '../topology/types.js';
import type { Plan, PlanExpect } from '../topology/plan.js';
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
  readonly from: string;
  readonly target: string;
  readonly reach: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
  readonly origin: string;
  readonly ok: boolean;
  /** One sentence on what was seen. */
  readonly detail: string;
  readonly probes: readonly ProbeResult[];
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

function portText(port: PlanExpect['port']): string {
  return port ? ` port ${port.port}/${port.proto}` : '';
}

/** "h1 reaches h2", "h3 does not reach srv port 22/tcp". */
export function describeExpectation(e: Pick<PlanExpect, 'from' | 'target' | 'reach' | 'port'>): string {
  return `${e.from} ${e.reach ? 'reaches' : 'does not reach'} ${e.target}${portText(e.port)}`;
}

/** "h1 to reach h2", "h3 not to reach srv port 22/tcp" (after "expected"). */
export function expectationGoal(e: Pick<PlanExpect, 'from' | 'target' | 'reach' | 'port'>): string {
  return `${e.from} ${e.reach ? 'to reach' : 'not to reach'} ${e.target}${portText(e.port)}`;
}

function where(p: ProbeResult): string {
  return p.port ? `${p.family === 6 ? `[${p.address}]` : p.address}:${p.port.port}/${p.port.proto}` : p.address;
}

/** Does what was seen satisfy the expectation? Pure: the probes are given. */
export function evaluateExpectation(e: PlanExpect, probes: readonly ProbeResult[]): ExpectationResult {
  const base = { from: e.from, target: e.target, reach: e.reach, ...(e.port ? { port: e.port } : {}), origin: e.origin, probes };
  if (probes.length === 0) {
    return { ...base, ok: false, detail: `${e.target} has no address ${e.from} could try` };
  }
  const hit = probes.find((p) => p.reached);
  const ok = (hit !== undefined) === e.reach;
  let detail: string;
  if (hit) {
    detail = `${hit.port ? (hit.port.proto === 'tcp' ? 'connected to' : 'got an answer from') : 'reply from'} ${where(hit)}`;
  } else {
    detail = probes.map((p) => `${where(p)}: ${p.detail}`).join('; ');
  }
  return { ...base, ok, detail };
}

export function buildReport(plan: Plan, opts: CheckOptions, results: ReadonlyMap<string, ProbeResult>, warnings: readonly string[] = []): CheckReport {
  const nodes = checkNodes(plan);
  const pairs = matrixPairs(nodes, results);
  const expectations = plan.expect.map((e) =>
    evaluateExpectation(
      e,
      expectProbes(plan, e).flatMap((p) => {
        const r = results.get(probeKey(p));
        return r ? [r] : [];
      }),
    ),
  );
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

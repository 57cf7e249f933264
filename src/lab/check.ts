import { setTimeout as sleep } from 'node:timers/promises';
import type { Plan, PlanExpect } from '../topology/plan.js';
import { neighbourEntries, neighbourWarnings, readNeighbourTables } from './check-neighbours.js';
import { judgeFact, type FactContext } from './check-facts.js';
import { DEFAULT_CHECK, runProbes, type CheckOptions } from './check-probe.js';
import { buildReport, evaluateExpectation, expectationResult, isReachExpect, reachResults, type CheckReport, type ExpectationResult } from './check-results.js';
import { checkNodes, expectProbes, matrixProbes } from './check-targets.js';
import type { ConfineFacts } from './confine-node.js';

/**
 * `nslab check`: a reachability matrix and the topology's `expect:` lines.
 *
 * Every node with an address (hosts and routers; bridges have none) sends
 * ICMP echo requests to every address of every other node, from inside its
 * own namespace, through nslab's own raw sockets (../sys/ping.ts). Targets
 * are the addresses the plan gives the lab, so a link that is down still
 * shows as a column (IPv6 drops the addresses of a downed interface).
 * A sender probes only families it has an address of.
 *
 * The parts, each re-exported from here:
 * - check-targets.ts: the nodes, addresses and probes the plan calls for;
 * - check-neighbours.ts: whether the kernel's neighbour tables have room for the matrix;
 * - check-probe.ts: sending the probes and collecting the answers (bounded, paced);
 * - check-results.ts: pair status, expectation verdicts, the report `--json` prints;
 * - check-facts.ts, check-run.ts: the node facts (route, address, sysctl, capability, syscall, command);
 * - check-format.ts: the report as text.
 */

export * from './check-targets.js';
export * from './check-neighbours.js';
export * from './check-probe.js';
export * from './check-results.js';
export * from './check-format.js';

/** Pause between two tries of an expectation with `wait:`. */
const RETRY_PAUSE_MS = 1000;

/** One try of one expectation: reach ones probe again, node facts are read again. */
async function tryOnce(plan: Plan, e: PlanExpect, opts: CheckOptions, ctx: FactContext, attempts: number): Promise<ExpectationResult> {
  if (isReachExpect(e)) {
    const results = await runProbes(expectProbes(plan, e), opts);
    return evaluateExpectation(e, [...results.values()], attempts);
  }
  try {
    const v = await judgeFact(ctx, e);
    return expectationResult(e, v.ok, v.detail, [], attempts);
  } catch (err) {
    return expectationResult(e, false, `could not be checked: ${(err as Error).message}`, [], attempts);
  }
}

/**
 * Every expectation, in the order written; one with `wait:` that fails is
 * tried again every second until it holds or its time is up (all waiting
 * ones in the same rounds, so the longest wait bounds the whole check).
 */
export async function evaluateExpectations(plan: Plan, firstRound: ReturnType<typeof reachResults>, opts: CheckOptions, ctx: FactContext): Promise<ExpectationResult[]> {
  const out: ExpectationResult[] = [];
  for (const e of plan.expect) {
    const first = isReachExpect(e) ? firstRound.get(e) : undefined;
    out.push(first ?? (await tryOnce(plan, e, opts, ctx, 1)));
  }
  const started = Date.now();
  for (;;) {
    const waiting = plan.expect.map((e, i) => ({ e, i })).filter(({ e, i }) => !out[i]?.ok && e.waitMs !== undefined && Date.now() - started < e.waitMs);
    if (waiting.length === 0) return out;
    await sleep(RETRY_PAUSE_MS);
    for (const { e, i } of waiting) out[i] = await tryOnce(plan, e, opts, ctx, (out[i]?.attempts ?? 1) + 1);
  }
}

/** Probe the matrix and the expectations of a lab that is up (`facts`: its record's, for the node facts). */
export async function checkLab(plan: Plan, opts: CheckOptions = DEFAULT_CHECK, facts?: Readonly<Record<string, unknown>>): Promise<CheckReport> {
  const warnings = neighbourWarnings(neighbourEntries(plan), readNeighbourTables());
  const reach = plan.expect.filter(isReachExpect);
  const probes = [...matrixProbes(checkNodes(plan)), ...reach.flatMap((e) => expectProbes(plan, e))];
  const results = await runProbes(probes, opts);
  const confine = facts?.confine as ConfineFacts | undefined;
  const expectations = await evaluateExpectations(plan, reachResults(plan, results), opts, { plan, ...(confine ? { confine } : {}) });
  return buildReport(plan, opts, results, warnings, expectations);
}

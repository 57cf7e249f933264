import type { Plan } from '../topology/plan.js';
import { neighbourEntries, neighbourWarnings, readNeighbourTables } from './check-neighbours.js';
import { DEFAULT_CHECK, runProbes, type CheckOptions } from './check-probe.js';
import { buildReport, type CheckReport } from './check-results.js';
import { checkNodes, expectProbes, matrixProbes } from './check-targets.js';

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
 * - check-format.ts: the report as text.
 */

export * from './check-targets.js';
export * from './check-neighbours.js';
export * from './check-probe.js';
export * from './check-results.js';
export * from './check-format.js';

/** Probe the matrix and the expectations of a lab that is up. */
export async function checkLab(plan: Plan, opts: CheckOptions = DEFAULT_CHECK): Promise<CheckReport> {
  const warnings = neighbourWarnings(neighbourEntries(plan), readNeighbourTables());
  const probes = [...matrixProbes(checkNodes(plan)), ...plan.expect.flatMap((e) => expectProbes(plan, e))];
  const results = await runProbes(probes, opts);
  return buildReport(plan, opts, results, warnings);
}

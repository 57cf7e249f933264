import { labSummaries } from '../lab/summary.js';
import { readRecord } from '../lab/state.js';
import { loadTopologyFile, looksLikeFile } from '../topology/load.js';
import { compilePlan, type Plan } from '../topology/plan.js';
import type { Diagnostic } from '../topology/diagnostics.js';
import type { LabState } from './watch.js';

/** What `nslab graph` was asked to draw: a lab by name, or a topology file. */
export interface GraphTarget {
  readonly lab: string;
  /** The plan compiled from the file given, if one was. */
  readonly filePlan?: Plan;
  readonly warnings: readonly Diagnostic[];
}

export class TargetError extends Error {
  override readonly name = 'TargetError';
}

export { looksLikeFile } from '../topology/load.js';

/** A name or a file; a name must be a lab that is up (or was: it has a record). */
export function resolveTarget(arg: string): GraphTarget {
  if (looksLikeFile(arg)) {
    const topo = loadTopologyFile(arg);
    return { lab: topo.name, filePlan: compilePlan(topo), warnings: topo.warnings };
  }
  if (!readRecord(arg)) throw new TargetError(`lab '${arg}' is not up (nslab list shows the labs that are; give a topology file to draw one that is not)`);
  return { lab: arg, warnings: [] };
}

/**
 * The lab's state now: the deployed plan and status when it has a record,
 * else the file's plan, not deployed. A lab given by name that has since
 * gone keeps its last plan, shown as not deployed.
 */
export function stateReader(target: GraphTarget): () => LabState {
  let last: Plan | undefined = target.filePlan;
  return () => {
    const rec = readRecord(target.lab);
    if (rec) {
      last = rec.plan;
      const status = rec.status === 'deploying' ? (labSummaries().find((s) => s.lab === target.lab)?.status ?? rec.status) : rec.status;
      return { plan: rec.plan, status, ...(rec.facts ? { facts: rec.facts } : {}) };
    }
    if (!last) throw new TargetError(`lab '${target.lab}' is not up`);
    return { plan: last, status: undefined };
  };
}

import { existsSync } from 'node:fs';
import { netnsPath } from '../sys/netns-path.js';
import { listLabDirs, readRecord } from './state.js';
import { LabLock } from './lock.js';

export interface LabSummary {
  readonly lab: string;
  readonly status: string;
  readonly nodes: number;
  /** Nodes whose namespace exists now (fewer than `nodes` when some were deleted behind nslab's back). */
  readonly running: number;
  readonly links: number;
  readonly source: string;
}

/** Labs with a state record, and whether they are up, being deployed or half-made. */
export function labSummaries(): LabSummary[] {
  return listLabDirs().map((lab) => {
    const rec = readRecord(lab);
    let status: string = rec?.status ?? 'unknown';
    const nodes = rec?.plan.namespaces.length ?? 0;
    const running = rec?.plan.namespaces.filter((n) => existsSync(netnsPath(n.name))).length ?? 0;
    // A deploying or removing record whose lock is free was left by an up or a down that died half-way.
    if (status === 'deploying' && !LabLock.held(lab)) status = 'failed (run nslab down)';
    if (status === 'removing' && !LabLock.held(lab)) status = `partial (${running} of ${nodes} namespaces left; run nslab down)`;
    return {
      lab,
      status,
      nodes,
      running,
      links: rec?.plan.veths.length ?? 0,
      source: rec?.source ?? '',
    };
  });
}

import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { LabLock, listLabDirs, readRecord } from '../lab/state.js';
import { netnsPath } from '../sys/netns.js';

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
    if (status === 'deploying') {
      // A deploying record whose lock is free was left by a run that died.
      try {
        LabLock.acquire(lab, 'inspect it').release();
        status = 'failed (run nslab down)';
      } catch {
        status = 'deploying';
      }
    }
    return {
      lab,
      status,
      nodes: rec?.plan.namespaces.length ?? 0,
      running: rec?.plan.namespaces.filter((n) => existsSync(netnsPath(n.name))).length ?? 0,
      links: rec?.plan.veths.length ?? 0,
      source: rec?.source ?? '',
    };
  });
}

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list labs')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const labs = labSummaries();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(labs, null, 2)}\n`);
        return;
      }
      if (labs.length === 0) {
        process.stdout.write('no lab is up\n');
        return;
      }
      const w = Math.max(...labs.map((l) => l.lab.length), 3);
      process.stdout.write(`${'LAB'.padEnd(w)}  ${'STATUS'.padEnd(10)}  NODES  LINKS  SOURCE\n`);
      for (const l of labs) {
        process.stdout.write(`${l.lab.padEnd(w)}  ${l.status.padEnd(10)}  ${String(l.nodes).padStart(5)}  ${String(l.links).padStart(5)}  ${l.source}\n`);
      }
    });
}

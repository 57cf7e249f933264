import type { Command } from 'commander';
import { down, type DownResult } from '../lab/down.js';
import { Progress, watchTeardown } from '../lab/progress.js';
import { listLabDirs } from '../lab/state.js';
import { UsageError } from './errors.js';
import { labNameFrom } from './resolve.js';

/** down() with a progress line on a terminal (namespaces gone / journaled). */
async function downWithProgress(lab: string): Promise<DownResult> {
  const stop = watchTeardown(lab, new Progress(`down ${lab}`));
  try {
    return await down(lab);
  } finally {
    stop();
  }
}

function report(r: DownResult): string {
  if (!r.found) return `lab '${r.lab}' is not up; nothing to remove`;
  const others = r.removed - r.namespaces;
  return `lab '${r.lab}' is down (${r.namespaces} node namespace${r.namespaces === 1 ? '' : 's'}${others ? ` and ${others} other object${others === 1 ? '' : 's'}` : ''} removed${r.absent ? `, ${r.absent} already gone` : ''})`;
}

export function registerDown(program: Command): void {
  program
    .command('down')
    .description('remove a lab and everything nslab made for it')
    .argument('[lab]', 'lab name, or the topology file that names it')
    .option('--all', 'remove every lab')
    .option('--etcd <url>', 'remove a multi-host lab from every machine (through their agents)')
    .action(async (lab: string | undefined, opts: { all?: boolean; etcd?: string }) => {
      if (opts.etcd !== undefined) {
        if (!lab) throw new UsageError('name the lab to remove (nslab down LAB --etcd URL)');
        await (await import('./cluster.js')).downAcross(labNameFrom(lab), opts.etcd);
        return;
      }
      if (opts.all) {
        const results: DownResult[] = [];
        for (const l of listLabDirs()) results.push(await downWithProgress(l));
        process.stdout.write(results.length ? `${results.map(report).join('\n')}\n` : 'no lab is up\n');
        return;
      }
      if (!lab) throw new UsageError('name the lab to remove (nslab down LAB), or use --all');
      process.stdout.write(`${report(await downWithProgress(labNameFrom(lab)))}\n`);
    });
}

import type { Command } from 'commander';
import { down, downAll, type DownResult } from '../lab/down.js';
import { UsageError } from './errors.js';
import { labNameFrom } from './resolve.js';

function report(r: DownResult): string {
  if (!r.found) return `lab '${r.lab}' is not up; nothing to remove`;
  return `lab '${r.lab}' is down (${r.removed} namespace${r.removed === 1 ? '' : 's'} removed${r.absent ? `, ${r.absent} already gone` : ''})`;
}

export function registerDown(program: Command): void {
  program
    .command('down')
    .description('remove a lab and everything nslab made for it')
    .argument('[lab]', 'lab name, or the topology file that names it')
    .option('--all', 'remove every lab')
    .action(async (lab: string | undefined, opts: { all?: boolean }) => {
      if (opts.all) {
        const results = await downAll();
        process.stdout.write(results.length ? `${results.map(report).join('\n')}\n` : 'no lab is up\n');
        return;
      }
      if (!lab) throw new UsageError('name the lab to remove (nslab down LAB), or use --all');
      process.stdout.write(`${report(await down(labNameFrom(lab)))}\n`);
    });
}

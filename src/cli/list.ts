import type { Command } from 'commander';
import { labSummaries } from '../lab/summary.js';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list labs')
    .option('--json', 'print JSON')
    .option('--etcd <url>', 'multi-host labs in this etcd, with each machine\'s part')
    .action(async (opts: { json?: boolean; etcd?: string }) => {
      if (opts.etcd !== undefined) {
        await (await import('./cluster.js')).listAcross(opts.etcd, opts.json === true);
        return;
      }
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

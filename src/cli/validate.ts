import type { Command } from 'commander';
import { formatDiagnostic } from '../topology/diagnostics.js';
import { loadTopologyFile } from '../topology/load.js';
import { compilePlan } from '../topology/plan.js';
import { maxSizeOption } from './resolve.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a topology file and report every problem, without root and without making anything')
    .argument('<file>', 'topology file (YAML)')
    .option('--max-size <size>', 'largest topology file to read (default 64MiB)')
    .action((file: string, opts: { maxSize?: string }) => {
      const topo = loadTopologyFile(file, { maxBytes: maxSizeOption(opts.maxSize) });
      for (const w of topo.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
      const plan = compilePlan(topo);
      process.stdout.write(`${file}: valid — lab '${plan.lab}', ${plan.namespaces.length} nodes, ${plan.veths.length} links, ${plan.addresses.length} addresses, ${plan.routes.length} routes\n`);
    });
}

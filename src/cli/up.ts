import type { Command } from 'commander';
import { Progress } from '../lab/progress.js';
import { formatDiagnostic } from '../topology/diagnostics.js';
import { loadTopologyFile } from '../topology/load.js';
import { describePlan, explainPlan } from '../topology/explain.js';
import { compilePlan, type Plan } from '../topology/plan.js';
import { favourMemory } from './heap.js';
import { DEFAULT_TOPOLOGY, maxSizeOption } from './resolve.js';

function summary(plan: Plan, seconds: number): string {
  const lines = [`lab '${plan.lab}' is up: ${plan.namespaces.length} nodes, ${plan.veths.length} links (${seconds.toFixed(2)} s)`];
  const width = plan.namespaces.reduce((w, n) => Math.max(w, n.node.length), 4);
  // Grouped once: a filter per node made a 10 000-node summary quadratic.
  const byNetns = new Map<string, string[]>();
  for (const a of plan.addresses) {
    const list = byNetns.get(a.netns) ?? [];
    list.push(`${a.dev} ${a.address}`);
    byNetns.set(a.netns, list);
  }
  for (const n of plan.namespaces) {
    const addrs = byNetns.get(n.name) ?? [];
    lines.push(`  ${n.node.padEnd(width)}  ${n.kind.padEnd(6)}  netns ${n.name}${addrs.length ? `  ${addrs.join(', ')}` : ''}`);
  }
  const host = plan.namespaces.find((n) => n.kind === 'host');
  const target = plan.addresses.find((a) => a.netns !== host?.name && !a.address.includes(':'));
  if (host && target) lines.push(`try: ip netns exec ${host.name} ping -c 3 ${target.address.split('/')[0]}`);
  lines.push(`remove it with: nslab down ${plan.lab}`);
  return lines.join('\n');
}

export function registerUp(program: Command): void {
  program
    .command('up')
    .description('build the lab a topology file describes (the built-in default lab when no file is given)')
    .argument('[file]', 'topology file (YAML)')
    .option('--dry-run', 'print the plan and make nothing')
    .option('--json', 'with --dry-run: the plan as JSON')
    .option('--explain', 'print the equivalent ip and sysctl commands (a runnable script) and make nothing')
    .option('--max-size <size>', 'largest topology file to read (default 64MiB)')
    .option('--etcd <url>', 'bring it up across the machines whose agents are registered in this etcd')
    .action(async (file: string | undefined, opts: { dryRun?: boolean; json?: boolean; explain?: boolean; maxSize?: string; etcd?: string }) => {
      if (!opts.dryRun && !opts.explain) favourMemory();
      const topo = loadTopologyFile(file ?? DEFAULT_TOPOLOGY, { maxBytes: maxSizeOption(opts.maxSize) });
      for (const w of topo.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
      const plan = compilePlan(topo);
      if (opts.explain) {
        // Each step explains itself, in the order up runs them.
        const { STEPS } = await import('../lab/steps.js');
        const lines: string[] = [];
        for (const step of STEPS) if (step.explain) lines.push(...(await step.explain())(plan));
        process.stdout.write(explainPlan(plan, lines));
        return;
      }
      if (opts.dryRun) {
        process.stdout.write(opts.json ? `${JSON.stringify(plan, null, 2)}\n` : describePlan(plan));
        return;
      }
      if (opts.etcd !== undefined) {
        await (await import('./cluster.js')).upAcross(plan, opts.etcd);
        return;
      }
      // Only now the kernel side (koffi, libc): a dry run or a plan error never loads it.
      const { up } = await import('../lab/up.js');
      const started = performance.now();
      const progress = new Progress(`up ${plan.lab}`);
      let facts: Record<string, unknown>;
      try {
        facts = await up(plan, progress.update);
      } finally {
        progress.finish();
      }
      const skipped = (facts.confine as { defaultsSkipped?: string } | undefined)?.defaultsSkipped;
      if (skipped !== undefined) process.stderr.write(`nslab up: warning: nodes without a pids: line get no default pids limit here: ${skipped}\n`);
      process.stdout.write(`${summary(plan, (performance.now() - started) / 1000)}\n`);
    });
}

import type { Command } from 'commander';
import { UsageError } from './errors.js';

function positiveInt(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${option} ${text}: give a whole number above 0`);
  return n;
}

export function registerAgent(program: Command): void {
  program
    .command('agent')
    .description('hold this machine\'s part of multi-host labs: register in etcd and build what it assigns here (runs until stopped)')
    .requiredOption('--etcd <url>', 'etcd client URL, e.g. http://10.0.0.1:2379')
    .requiredOption('--host <name>', 'this machine\'s name in the cluster (what a node\'s host: names)')
    .option('--underlay <addr>', 'this machine\'s IPv4 address for VXLAN cables (default: its first global one)')
    .option('--capacity <n>', 'how many nodes this machine takes', '1000')
    .option('--ttl <seconds>', 'lease time: how soon a dead agent shows as gone', '10')
    .action(async (opts: { etcd: string; host: string; underlay?: string; capacity: string; ttl: string }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(opts.host)) throw new UsageError(`--host ${opts.host}: use letters, digits, - and _ (it is part of etcd keys)`);
      const { EtcdClient } = await import('../etcd/client.js');
      const { Agent } = await import('../cluster/agent.js');
      const { requirePrivileges } = await import('../sys/privileges.js');
      requirePrivileges('nslab agent');
      const abort = new AbortController();
      const stop = (): void => abort.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const agent = new Agent({
        etcd: new EtcdClient(opts.etcd),
        host: opts.host,
        ...(opts.underlay !== undefined ? { underlay: opts.underlay } : {}),
        capacity: positiveInt(opts.capacity, '--capacity'),
        ttl: positiveInt(opts.ttl, '--ttl'),
        log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
        signal: abort.signal,
      });
      await agent.run();
    });
}

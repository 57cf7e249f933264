import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { cgroupDir, detectCgroups } from '../../src/sys/cgroup/detect.js';
import { V1_USED } from '../../src/sys/cgroup/create.js';
import { startEtcd, type TestEtcd } from './etcd.js';
import { CLI, type RunResult } from './nslab.js';

/*
 * Simulated machines for multi-host tests, all namespaces this test makes:
 *
 *   underlay netns  <tag>u   a bridge "br0"; every machine and etcd has a veth port on it
 *   machine netns   <tag>mN  eth0 10.77.N.… /24 on the underlay; a mount namespace of its own
 *                            (held by a `sleep` the test started) with tmpfs on /run/netns,
 *                            /run/nslab and /etc/netns, so its agent and its labs see only
 *                            their own; its own cgroups beneath the test's
 *   etcd netns      <tag>e   Debian's etcd listening only on 10.77.0.2:2379
 *
 * Each machine's mount namespace, its agent and everything the agent starts
 * run on one CPU (taskset): this kernel (6.18) numbers mount namespaces from
 * per-CPU batches, and binding a mount namespace file (which nslab's sandbox
 * does for every node) fails with EINVAL unless the binding process's own
 * mount namespace has the lower number (fs/namespace.c mnt_ns_loop). On one
 * CPU the numbers only grow, so a machine's nodes are always newer than it.
 * (On the real machine nslab runs in the initial mount namespace, which is
 * older than any; see the report to the lead.)
 *
 * Nothing routes out of the underlay: traffic stays between these namespaces.
 * Every process is started here and ended by pid; cleanup() removes it all,
 * also after a failure half-way.
 */

export const ETCD_ADDR = '10.77.0.2';
const ETCD_PORT = 2379;

export interface SimMachine {
  readonly name: string;
  readonly netns: string;
  readonly underlay: string;
  /** The CPU its mount namespace and agent run on. */
  readonly cpu: number;
  /** pid of the process holding the machine's mount namespace. */
  holder: number;
  agent?: ChildProcess;
  agentLog: string;
  readonly cgroupProcs: string[];
}

export class SimCluster {
  readonly machines: SimMachine[] = [];
  etcd?: TestEtcd;
  private readonly made: string[] = [];
  private readonly cgroups: string[] = [];
  private readonly holders: ChildProcess[] = [];

  constructor(readonly tag: string) {}

  get etcdUrl(): string {
    return `http://${ETCD_ADDR}:${ETCD_PORT}`;
  }

  machine(name: string): SimMachine {
    const m = this.machines.find((x) => x.name === name);
    if (!m) throw new Error(`no simulated machine ${name}`);
    return m;
  }

  private async ns(name: string): Promise<string> {
    await execa('ip', ['netns', 'add', name]);
    this.made.push(name);
    await execa('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
    return name;
  }

  /** A namespace's port on the underlay bridge, with an address. */
  private async plug(netns: string, port: string, address: string): Promise<void> {
    const u = `${this.tag}u`;
    await execa('ip', ['-n', u, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', netns]);
    await execa('ip', ['-n', u, 'link', 'set', port, 'master', 'br0', 'up']);
    await execa('ip', ['-n', netns, 'addr', 'add', `${address}/16`, 'dev', 'eth0']);
    await execa('ip', ['-n', netns, 'link', 'set', 'eth0', 'up']);
  }

  async start(count: number): Promise<void> {
    const u = await this.ns(`${this.tag}u`);
    await execa('ip', ['-n', u, 'link', 'add', 'br0', 'type', 'bridge']);
    await execa('ip', ['-n', u, 'link', 'set', 'br0', 'up']);
    const e = await this.ns(`${this.tag}e`);
    await this.plug(e, 'pe', ETCD_ADDR);
    this.etcd = await startEtcd(ETCD_ADDR, ETCD_PORT, ['nsenter', `--net=/run/netns/${e}`]);
    for (let i = 1; i <= count; i++) {
      const name = `m${i}`;
      const netns = await this.ns(`${this.tag}${name}`);
      const underlay = `10.77.${i}.1`;
      await this.plug(netns, `p${i}`, underlay);
      await this.waitReachable(netns);
      const cpu = (i - 1) % availableParallelism();
      const holder = await this.holdMountNamespace(netns, cpu);
      this.machines.push({ name, netns, underlay, cpu, holder, agentLog: '', cgroupProcs: this.machineCgroups(name) });
    }
  }

  /** Until the machine reaches etcd over the underlay (ARP through a new bridge port): at most 10 pings. */
  private async waitReachable(netns: string): Promise<void> {
    for (let i = 0; i < 10; i++) {
      const r = await execa('ip', ['netns', 'exec', netns, 'ping', '-c', '1', '-W', '1', ETCD_ADDR], { reject: false });
      if (r.exitCode === 0) return;
    }
    const state = await Promise.all([
      execa('ip', ['-n', netns, '-d', 'link'], { reject: false }),
      execa('ip', ['-n', netns, '-br', 'addr'], { reject: false }),
      execa('ip', ['-n', netns, 'neigh'], { reject: false }),
      execa('ip', ['-n', `${this.tag}u`, '-br', 'link'], { reject: false }),
      execa('ip', ['-n', `${this.tag}e`, '-br', 'addr'], { reject: false }),
    ]);
    throw new Error(`${netns} does not reach etcd at ${ETCD_ADDR} over the underlay:\n${state.map((r) => r.stdout).join('\n')}`);
  }

  /** A mount namespace with private /run/netns, /run/nslab and /etc/netns, held by a sleep in the machine's netns. */
  private async holdMountNamespace(netns: string, cpu: number): Promise<number> {
    for (const d of ['/run/netns', '/run/nslab', '/etc/netns']) mkdirSync(d, { recursive: true });
    const script = 'mount -t tmpfs -o mode=0755 tmpfs /run/netns && mount -t tmpfs -o mode=0755 tmpfs /run/nslab && mount -t tmpfs -o mode=0755 tmpfs /etc/netns && echo ready && exec sleep 86400';
    const child = spawn('taskset', ['-c', String(cpu), 'nsenter', `--net=/run/netns/${netns}`, 'unshare', '-m', '--propagation', 'private', 'sh', '-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    this.holders.push(child);
    await new Promise<void>((resolve, reject) => {
      child.stdout?.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`the mount namespace of ${netns} did not start (exit ${code})`)));
    });
    return child.pid as number;
  }

  /** The machine's own cgroup in each hierarchy nslab uses, beneath the test's; returns their cgroup.procs files. */
  private machineCgroups(name: string): string[] {
    const layout = detectCgroups();
    const procs: string[] = [];
    const hierarchies = [...layout.v1.filter((h) => h.controllers.some((c) => (V1_USED as readonly string[]).includes(c))), ...(layout.unified ? [layout.unified] : [])];
    for (const h of hierarchies) {
      const own = cgroupDir(h, h.ownPath);
      if (!own) continue;
      const dir = join(own, `nslab-sim-${this.tag}-${name}`);
      mkdirSync(dir);
      this.cgroups.push(dir);
      if (h.controllers.includes('cpuset')) {
        for (const f of ['cpuset.cpus', 'cpuset.mems']) writeFileSync(join(dir, f), readFileSync(join(own, f), 'utf8'));
      }
      procs.push(join(dir, 'cgroup.procs'));
    }
    return procs;
  }

  /** The command line that runs argv inside a machine: its network and mount namespaces. */
  inside(m: SimMachine, argv: readonly string[]): string[] {
    return ['nsenter', '-t', String(m.holder), '-m', '-n', '--', ...argv];
  }

  async sh(m: SimMachine, argv: readonly string[], opts: { timeoutMs?: number } = {}): Promise<RunResult> {
    const [cmd, ...args] = this.inside(m, argv);
    const r = await execa(cmd as string, args, { reject: false, timeout: opts.timeoutMs ?? 120_000, stdin: 'ignore' });
    return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
  }

  /** nslab run on a machine, as a user there would. */
  nslab(m: SimMachine, args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<RunResult> {
    return this.sh(m, ['node', CLI, ...args], opts);
  }

  /** `nslab agent` on a machine, in the machine's own cgroups; resolves once it says it is registered. */
  async startAgent(m: SimMachine, ttl = 3, capacity = 1000): Promise<void> {
    const joins = m.cgroupProcs.map((f) => `echo $$ > '${f}'`).join(' && ');
    const argv = this.inside(m, ['node', CLI, 'agent', '--etcd', this.etcdUrl, '--host', m.name, '--ttl', String(ttl), '--capacity', String(capacity)]);
    const child = spawn('sh', ['-c', `${joins} && exec taskset -c ${m.cpu} ${argv.map((a) => `'${a}'`).join(' ')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    m.agent = child;
    m.agentLog = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`agent ${m.name} did not register in 30 s:\n${m.agentLog}`)), 30_000);
      child.stderr?.on('data', (d: Buffer) => {
        m.agentLog += d.toString();
        if (m.agentLog.includes('registered in')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`agent ${m.name} exited (${code}):\n${m.agentLog}`));
      });
    });
  }

  /** End a machine's agent by its pid (SIGKILL: as if the machine's agent crashed). */
  async stopAgent(m: SimMachine, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = m.agent;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  }

  async etcdctl(...args: string[]): Promise<string> {
    const r = await execa('nsenter', [`--net=/run/netns/${this.tag}e`, 'etcdctl', '--endpoints', this.etcdUrl, ...args], { env: { ETCDCTL_API: '3' } });
    return r.stdout;
  }

  async etcdKeys(prefix = '/nslab/'): Promise<string[]> {
    return (await this.etcdctl('get', '--prefix', prefix, '--keys-only')).split('\n').filter(Boolean);
  }

  /** Everything gone, whatever state the test left: agents, the machines' labs, holders, etcd, namespaces, cgroups. */
  async cleanup(): Promise<string[]> {
    const problems: string[] = [];
    for (const m of this.machines) await this.stopAgent(m).catch((e: Error) => problems.push(e.message));
    for (const m of this.machines) {
      const r = await this.nslab(m, ['down', '--all']).catch((e: Error) => ({ exitCode: 1, stdout: '', stderr: e.message }));
      if (r.exitCode !== 0) problems.push(`down --all on ${m.name}: ${r.stderr}`);
    }
    for (const h of this.holders) {
      if (h.exitCode !== null || h.signalCode !== null) continue;
      const gone = new Promise<void>((r) => h.once('exit', () => r()));
      h.kill('SIGKILL');
      await gone;
    }
    await this.etcd?.stop();
    for (const ns of this.made.reverse()) await execa('ip', ['netns', 'del', ns], { reject: false });
    for (const dir of this.cgroups.reverse()) {
      try {
        if (existsSync(dir)) rmdirSync(dir);
      } catch (err) {
        problems.push(`cgroup ${dir}: ${(err as Error).message}`);
      }
    }
    return problems;
  }
}

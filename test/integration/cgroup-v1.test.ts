import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CgroupError,
  CgroupV1Manager,
  createCgroupManager,
  detectCgroups,
  openCgroupManager,
  parseLimits,
  type CgroupManager,
} from '../../src/sys/cgroup/index.js';

/**
 * The v1 manager for real, on this hybrid machine: lab cgroups beneath the
 * test's own cgroup in every hierarchy, limits that hold (a memory hog is
 * OOM-killed, a fork loop stops at pids.max), kill and destroy that leave
 * nothing named for this run under /sys/fs/cgroup.
 */
const isRoot = process.getuid?.() === 0;
const layout = isRoot ? detectCgroups() : undefined;
const LAB = `nlt${process.pid}cg`;
const CG_ROOT = '/sys/fs/cgroup';

/** Every process this file starts, so cleanup ends only those. */
const started = new Map<number, ChildProcess>();

function start(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${cmd}`);
  started.set(child.pid, child);
  child.once('exit', () => child.pid !== undefined && started.delete(child.pid));
  return child;
}

function exited(child: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`pid ${child.pid} still running after ${ms} ms`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(t);
      resolve({ code, signal });
    });
  });
}

/** Directories named for this run anywhere under /sys/fs/cgroup, deepest first. */
function leftovers(dir = CG_ROOT, depth = 0): string[] {
  if (depth > 8) return [];
  const out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return out;
  }
  for (const name of entries) {
    const sub = join(dir, name);
    out.push(...leftovers(sub, depth + 1));
    if (name.startsWith(`nslab-${LAB}`)) out.push(sub);
  }
  return out;
}

/**
 * Remove what a failed test left: the processes this file started, and any
 * process inside a cgroup this run created (its children: the fork loop's
 * sleeps); thaw; then rmdir children before parents.
 */
async function cleanUp(): Promise<void> {
  for (const child of started.values()) child.kill('SIGKILL');
  await Promise.all([...started.values()].map((c) => exited(c, 5000).catch(() => undefined)));
  const walk = (dir: string): string[] => [
    ...readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => walk(join(dir, d.name))),
    dir,
  ];
  const tops = leftovers();
  for (const top of tops) {
    const state = join(top, 'freezer.state');
    if (existsSync(state)) writeFileSync(state, 'THAWED');
  }
  for (let round = 0; round < 50; round++) {
    const pids = tops.filter(existsSync).flatMap(walk).flatMap((d) => readFileSync(join(d, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number));
    if (pids.length === 0) break;
    for (const p of pids) {
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await sleep(20);
  }
  for (const top of tops) {
    if (!existsSync(top)) continue;
    for (const d of walk(top)) {
      try {
        rmdirSync(d);
      } catch {
        // reported by the leak check below
      }
    }
  }
}

/** /proc/PID/cgroup as hierarchy → path. */
function procCgroup(pid: number): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of readFileSync(`/proc/${pid}/cgroup`, 'utf8').trim().split('\n')) {
    const [, ctrl = '', path = ''] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
    m.set(ctrl, path);
  }
  return m;
}

const own = isRoot ? procCgroup(process.pid) : new Map<string, string>();
const under = (ctrl: string, ...rest: string[]): string => join(own.get(ctrl) ?? '/', ...rest);
const read = (ctrl: string, ...rest: string[]): string => readFileSync(join(CG_ROOT, ctrl, under(ctrl, ...rest)), 'utf8').trim();

describe.skipIf(!isRoot || layout?.mode === 'v2')('v1 cgroup manager on this machine', () => {
  let m: CgroupManager;

  afterAll(async () => {
    await cleanUp();
    expect(leftovers()).toEqual([]);
  });

  it('detects the hybrid layout and picks the v1 manager', () => {
    expect(['hybrid', 'v1']).toContain(layout?.mode);
    m = createCgroupManager(LAB);
    expect(m).toBeInstanceOf(CgroupV1Manager);
    expect(m.version).toBe('v1');
  });

  it('refuses a parent above its own cgroup', (ctx) => {
    const deep = [...own].find(([ctrl, path]) => ['memory', 'cpu', 'cpuset', 'pids', 'freezer'].includes(ctrl) && path !== '/');
    if (!deep) ctx.skip('this run is at the root of every hierarchy: no cgroup is above it to refuse');
    expect(() => createCgroupManager(LAB, { parent: '/' })).toThrow(CgroupError);
    expect(() => createCgroupManager(LAB, { parent: '/' })).toThrow('nslab creates its cgroups only at or beneath its own');
  });

  it('creates the lab beneath its own cgroup in every hierarchy, with the limits in place', () => {
    m.create();
    m.addNode('h1', parseLimits({ memory: '32MiB', cpu: 0.5, 'cpu-set': '0', pids: 20 }));
    m.addNode('h2', parseLimits({ pids: 10 }));
    const rec = m.record();
    for (const t of rec.trees) {
      const key = t.key === 'unified' ? 'unified' : t.key;
      const ctrl = t.key === 'unified' ? '' : t.key;
      expect(t.labDir).toBe(join(CG_ROOT, key, under(ctrl, `nslab-${LAB}`)));
      expect(existsSync(join(t.labDir, 'h1'))).toBe(true);
    }
    expect(rec.trees.map((t) => t.key).sort()).toEqual(expect.arrayContaining(['cpu', 'cpuset', 'freezer', 'memory', 'pids']));
    expect(read('memory', `nslab-${LAB}/h1/memory.limit_in_bytes`)).toBe(String(32 * 2 ** 20));
    expect(read('memory', `nslab-${LAB}/h1/memory.memsw.limit_in_bytes`)).toBe(String(32 * 2 ** 20));
    expect(read('cpu', `nslab-${LAB}/h1/cpu.cfs_quota_us`)).toBe('50000');
    expect(read('cpu', `nslab-${LAB}/h1/cpu.cfs_period_us`)).toBe('100000');
    expect(read('cpuset', `nslab-${LAB}/h1/cpuset.cpus`)).toBe('0');
    expect(read('cpuset', `nslab-${LAB}/h1/cpuset.mems`)).toBe(read('cpuset', 'cpuset.mems'));
    expect(read('cpuset', `nslab-${LAB}/h2/cpuset.cpus`)).toBe(read('cpuset', 'cpuset.cpus'));
    expect(read('pids', `nslab-${LAB}/h1/pids.max`)).toBe('20');
    expect(read('pids', `nslab-${LAB}/h2/pids.max`)).toBe('10');
  });

  it('moves a process into every hierarchy of its node', async () => {
    const s = start('sleep', ['30']);
    const pid = s.pid ?? 0;
    m.addPid('h1', pid);
    const cg = procCgroup(pid);
    for (const ctrl of ['memory', 'cpu', 'cpuacct', 'cpuset', 'pids', 'freezer']) expect(cg.get(ctrl), ctrl).toBe(under(ctrl, `nslab-${LAB}`, 'h1'));
    if (layout?.mode === 'hybrid') expect(cg.get('')).toBe(under('', `nslab-${LAB}`, 'h1'));
    expect(cg.get('devices')).toBe(own.get('devices')); // hierarchies the lab does not use are left alone
    expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(/^Cpus_allowed_list:\s+0$/m);
    expect(m.pids('h1')).toEqual([pid]);
    expect(m.stats('h1')).toMatchObject({ procs: [pid], pids: { current: 1, limit: 20 }, cpuset: { cpus: '0' }, cpu: { quota: { quotaUs: 50000 } } });
    s.kill('SIGKILL');
    await exited(s, 5000);
    expect(m.pids('h1')).toEqual([]);
  });

  it('says which file and value when the kernel refuses a write', () => {
    expect(() => m.addPid('h1', 999_999_999)).toThrow(/cannot write "999999999" to \/sys\/fs\/cgroup\/.*\/h1\/cgroup\.procs: ESRCH/);
  });

  it('stops a memory hog at the node limit (OOM-killed), without touching the machine', async () => {
    const hog = start(process.execPath, [
      '-e',
      `process.stdin.once('data', () => { const a = []; for (let i = 0; i < 64; i++) a.push(Buffer.alloc(4 << 20, 1)); process.stdout.write('survived ' + a.length * 4 + 'MiB'); process.exit(0); });`,
    ]);
    let out = '';
    hog.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    m.addPid('h1', hog.pid ?? 0);
    hog.stdin?.write('go\n');
    const end = await exited(hog, 30_000);
    expect(out).toBe('');
    expect(end.signal).toBe('SIGKILL');
    const mem = m.stats('h1').memory;
    expect(mem?.oomKills).toBeGreaterThanOrEqual(1);
    // memory.failcnt stays 0 on this kernel even at the limit; the peak shows the hog reached it.
    expect(mem?.peak).toBeGreaterThan(24 * 2 ** 20);
    expect(mem?.peak).toBeLessThanOrEqual(32 * 2 ** 20);
  });

  it('holds a fork loop at the pids limit', async () => {
    const loop = start('sh', ['-c', 'read _; i=0; while [ $i -lt 40 ]; do sleep 20 & i=$((i+1)); done; wait']);
    m.addPid('h2', loop.pid ?? 0);
    loop.stdin?.end('go\n');
    // The loop ends in well under a second whether forks succeed or not; wait for it to stop growing.
    let last = -1;
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      const n = m.pids('h2').length;
      if (n === last && n > 1) break;
      last = n;
    }
    const st = m.stats('h2').pids;
    expect(st?.limit).toBe(10);
    expect(st?.current).toBeLessThanOrEqual(10);
    expect(m.pids('h2').length).toBeLessThanOrEqual(10);
    expect(st?.refused).toBeGreaterThan(0);
  });

  it('kills every process of every node with cgroup.kill, then removes the cgroups', async () => {
    const a = start('sleep', ['30']);
    m.addPid('h1', a.pid ?? 0);
    const before = m.pids();
    expect(before.length).toBeGreaterThanOrEqual(2);
    const report = await m.kill({ timeoutMs: 10_000 });
    expect(report.method).toBe(layout?.mode === 'hybrid' ? 'cgroup.kill' : 'freeze+SIGKILL');
    expect(report.pids).toEqual(expect.arrayContaining(before));
    expect(m.pids()).toEqual([]);
    for (const p of before) expect(existsSync(`/proc/${p}`) ? readFileSync(`/proc/${p}/stat`, 'utf8').split(' ')[2] : 'gone').toMatch(/gone|Z/);
    m.destroy();
    for (const t of m.record().trees) expect(existsSync(t.labDir)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('without the cgroup2 tree, kills by freezing and signalling each process', async () => {
    const lab = `${LAB}b`;
    const v1only = createCgroupManager(lab, { useUnified: false });
    expect(v1only.record().trees.every((t) => t.kind === 'v1')).toBe(true);
    v1only.create();
    v1only.addNode('n1');
    const sleepers = [start('sleep', ['30']), start('sleep', ['30'])];
    for (const s of sleepers) v1only.addPid('n1', s.pid ?? 0);
    const again = openCgroupManager(JSON.parse(JSON.stringify(v1only.record())) as ReturnType<CgroupManager['record']>);
    const report = await again.kill({ timeoutMs: 10_000 });
    expect(report.method).toBe('freeze+SIGKILL');
    for (const s of sleepers) expect((await exited(s, 5000)).signal).toBe('SIGKILL');
    expect(read('freezer', `nslab-${lab}/freezer.state`)).toBe('THAWED');
    again.destroy();
    expect(leftovers()).toEqual([]);
  });
});

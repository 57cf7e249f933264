import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CgroupV2Manager,
  LimitError,
  createCgroupManager,
  detectCgroups,
  parseLimits,
  type CgroupLayout,
  type CgroupManager,
} from '../../src/sys/cgroup/index.js';

/**
 * The v2 manager against the kernel. With limits it runs only where the
 * machine is pure v2. On a hybrid machine (like these) the cgroup2 tree at
 * /sys/fs/cgroup/unified has no controllers, but it still exercises
 * create, join, cgroup.kill and destroy for real.
 */
const isRoot = process.getuid?.() === 0;
const layout = isRoot ? detectCgroups() : undefined;
const LAB = `nlt${process.pid}cg2`;
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

function leftovers(dir: string | undefined, depth = 0): string[] {
  if (!dir || depth > 8) return [];
  let entries: string[];
  try {
    entries = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
  return entries.flatMap((name) => [...leftovers(join(dir, name), depth + 1), ...(name.startsWith(`nslab-${LAB}`) ? [join(dir, name)] : [])]);
}

/** Our own processes, then anything inside a cgroup this run created, then rmdir children first. */
async function cleanUp(root: string | undefined): Promise<void> {
  for (const child of started.values()) child.kill('SIGKILL');
  await Promise.all([...started.values()].map((c) => exited(c, 5000).catch(() => undefined)));
  const walk = (dir: string): string[] => [
    ...readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => walk(join(dir, d.name))),
    dir,
  ];
  const tops = leftovers(root);
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
  for (const top of tops.filter(existsSync)) {
    for (const d of walk(top)) {
      try {
        rmdirSync(d);
      } catch {
        // the leak check reports it
      }
    }
  }
}

function unifiedPath(pid: number): string {
  return /^0::(.*)$/m.exec(readFileSync(`/proc/${pid}/cgroup`, 'utf8'))?.[1] ?? '';
}

const pureV2 = layout?.mode === 'v2';
const why = !isRoot ? 'needs root' : `this machine's cgroups are ${layout?.mode}, not pure v2 (/sys/fs/cgroup is not cgroup2)`;

describe.skipIf(!pureV2)(pureV2 ? 'v2 manager with limits, for real' : `v2 manager with limits, for real — skipped: ${why}`, () => {
  let m: CgroupManager;
  const root = layout?.unified?.mount;

  afterAll(async () => {
    await cleanUp(root);
    expect(leftovers(root)).toEqual([]);
  });

  it('creates the lab under the root with the limits in place', () => {
    m = createCgroupManager(LAB);
    expect(m).toBeInstanceOf(CgroupV2Manager);
    const limits = parseLimits({ memory: '32MiB', cpu: 0.5, 'cpu-set': '0', pids: 10 });
    m.validate(limits);
    m.create();
    m.addNode('h1', limits);
    const dir = join(root ?? '', `nslab-${LAB}`, 'h1');
    expect(readFileSync(join(dir, 'memory.max'), 'utf8').trim()).toBe(String(32 * 2 ** 20));
    expect(readFileSync(join(dir, 'cpu.max'), 'utf8').trim()).toBe('50000 100000');
    expect(readFileSync(join(dir, 'cpuset.cpus'), 'utf8').trim()).toBe('0');
    expect(readFileSync(join(dir, 'pids.max'), 'utf8').trim()).toBe('10');
  });

  it('stops a memory hog and a fork loop at the node limits', async () => {
    const hog = start(process.execPath, [
      '-e',
      `process.stdin.once('data', () => { const a = []; for (let i = 0; i < 64; i++) a.push(Buffer.alloc(4 << 20, 1)); process.exit(0); });`,
    ]);
    m.addPid('h1', hog.pid ?? 0);
    expect(unifiedPath(hog.pid ?? 0)).toMatch(new RegExp(`/nslab-${LAB}/h1$`));
    hog.stdin?.write('go\n');
    expect((await exited(hog, 30_000)).signal).toBe('SIGKILL');
    expect(m.stats('h1').memory?.oomKills).toBeGreaterThanOrEqual(1);

    const loop = start('sh', ['-c', 'read _; i=0; while [ $i -lt 30 ]; do sleep 20 & i=$((i+1)); done; wait']);
    m.addPid('h1', loop.pid ?? 0);
    loop.stdin?.end('go\n');
    await sleep(1000);
    const st = m.stats('h1').pids;
    expect(st?.current).toBeLessThanOrEqual(10);
    expect(st?.refused).toBeGreaterThan(0);
  });

  it('kills the lab with cgroup.kill and removes it', async () => {
    const report = await m.kill({ timeoutMs: 10_000 });
    expect(report.method).toBe('cgroup.kill');
    expect(m.pids()).toEqual([]);
    m.destroy();
    expect(leftovers(root)).toEqual([]);
  });
});

describe.skipIf(!isRoot || !layout?.unified || pureV2)('v2 manager on the hybrid cgroup2 tree (no controllers there)', () => {
  const unified = layout?.unified;
  const hybridV2: CgroupLayout | undefined = unified && { mode: 'v2', v1: [], unified };
  let m: CgroupManager;

  afterAll(async () => {
    await cleanUp(unified?.mount);
    expect(leftovers(unified?.mount)).toEqual([]);
  });

  it('refuses limits the tree cannot hold, before creating anything', () => {
    m = createCgroupManager(`${LAB}h`, hybridV2 ? { layout: hybridV2 } : {});
    expect(m.version).toBe('v2');
    expect(() => m.validate(parseLimits({ memory: '64MiB' }))).toThrow(LimitError);
    expect(() => m.validate(parseLimits({ memory: '64MiB' }))).toThrow(/memory: the memory controller is not available .*cgroup\.subtree_control/);
    expect(leftovers(unified?.mount)).toEqual([]);
  });

  it('creates, joins, kills with cgroup.kill and destroys, for real', async () => {
    m.create();
    m.addNode('n1');
    m.addNode('n2');
    const a = start('sleep', ['30']);
    const b = start('sleep', ['30']);
    m.addPid('n1', a.pid ?? 0);
    m.addPid('n2', b.pid ?? 0);
    expect(unifiedPath(a.pid ?? 0)).toBe(join(unified?.ownPath ?? '/', `nslab-${LAB}h`, 'n1'));
    expect(m.pids()).toEqual([a.pid, b.pid].sort((x, y) => (x ?? 0) - (y ?? 0)));
    const report = await m.kill();
    expect(report.method).toBe('cgroup.kill');
    expect((await exited(a, 5000)).signal).toBe('SIGKILL');
    expect((await exited(b, 5000)).signal).toBe('SIGKILL');
    m.destroy();
    expect(leftovers(unified?.mount)).toEqual([]);
  });
});

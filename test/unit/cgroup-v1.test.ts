import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CgroupError,
  CgroupV1Manager,
  LimitError,
  createCgroupManager,
  parseCpuList,
  parseLimits,
  type CgroupFs,
  type CgroupLayout,
  type Hierarchy,
} from '../../src/sys/cgroup/index.js';

/**
 * v1 hierarchies (and a controller-less cgroup2 tree, as on a hybrid
 * machine) in a temp directory, answering like the kernel where the
 * manager depends on it: a new cpuset is empty and refuses tasks (ENOSPC)
 * until cpus and mems are set; memsw may not go below the memory limit;
 * a task is in exactly one cgroup per hierarchy. The real thing runs in
 * test/integration/cgroup-v1.test.ts; this keeps v1 covered on pure-v2 CI.
 */
const HIER = ['cpu', 'cpuacct', 'cpuset', 'memory', 'pids', 'freezer', 'devices'] as const;
const UNLIMITED = '9223372036854771712';

class FakeCgroupV1 implements CgroupFs {
  readonly writes: [string, string][] = [];
  readonly killed: number[] = [];
  constructor(readonly root: string) {
    for (const h of HIER) {
      mkdirSync(join(root, h));
      this.fill(join(root, h), h, true);
    }
    mkdirSync(join(root, 'unified'));
    for (const [f, v] of Object.entries({ 'cgroup.procs': '1\n', 'cgroup.controllers': '\n', 'cgroup.subtree_control': '\n' })) writeFileSync(join(root, 'unified', f), v);
  }

  private hierOf(path: string): string {
    return relative(this.root, path).split('/')[0] ?? '';
  }

  private fill(dir: string, h: string, isRoot = false): void {
    const files: Record<string, string> =
      h === 'unified'
        ? { 'cgroup.procs': '', 'cgroup.kill': '', 'cgroup.freeze': '0\n', 'cgroup.events': 'populated 0\nfrozen 0\n' }
        : { 'cgroup.procs': isRoot ? '1\n' : '', tasks: '', notify_on_release: '0\n', 'cgroup.clone_children': '0\n' };
    if (h === 'memory') {
      Object.assign(files, {
        'memory.limit_in_bytes': `${UNLIMITED}\n`,
        'memory.memsw.limit_in_bytes': `${UNLIMITED}\n`,
        'memory.usage_in_bytes': '0\n',
        'memory.max_usage_in_bytes': '0\n',
        'memory.failcnt': '0\n',
        'memory.memsw.failcnt': '0\n',
        'memory.oom_control': 'oom_kill_disable 0\nunder_oom 0\noom_kill 0\n',
      });
    }
    if (h === 'cpu') Object.assign(files, { 'cpu.cfs_quota_us': '-1\n', 'cpu.cfs_period_us': '100000\n', 'cpu.stat': 'nr_periods 0\nnr_throttled 0\nthrottled_time 0\n' });
    if (h === 'cpuacct') Object.assign(files, { 'cpuacct.usage': '5000\n' });
    if (h === 'cpuset') Object.assign(files, { 'cpuset.cpus': isRoot ? '0-3\n' : '\n', 'cpuset.mems': isRoot ? '0\n' : '\n', 'cpuset.effective_cpus': isRoot ? '0-3\n' : '\n' });
    if (h === 'pids') Object.assign(files, { 'pids.max': 'max\n', 'pids.current': '0\n', 'pids.events': 'max 0\n' });
    if (h === 'freezer') Object.assign(files, { 'freezer.state': 'THAWED\n' });
    for (const [f, v] of Object.entries(files)) writeFileSync(join(dir, f), v);
  }

  private procs(dir: string): number[] {
    return readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  }

  private dirsOf(dir: string): string[] {
    return [dir, ...this.subdirs(dir).flatMap((s) => this.dirsOf(join(dir, s)))];
  }

  /** /proc files the test makes up (a process's status), read instead of the real ones. */
  readonly proc = new Map<string, () => string>();
  read(path: string): string {
    const made = this.proc.get(path);
    if (made) return made();
    if (!existsSync(path)) throw new CgroupError('read', path, { code: 'ENOENT' });
    return readFileSync(path, 'utf8');
  }
  exists(path: string): boolean {
    return existsSync(path);
  }
  subdirs(path: string): string[] {
    return readdirSync(path, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  }
  mkdir(path: string): void {
    if (existsSync(path)) throw new CgroupError('create cgroup', path, { code: 'EEXIST' });
    if (!existsSync(dirname(path))) throw new CgroupError('create cgroup', path, { code: 'ENOENT' });
    mkdirSync(path);
    this.fill(path, this.hierOf(path));
  }
  rmdir(path: string): void {
    if (this.subdirs(path).length || this.procs(path).length) throw new CgroupError('remove cgroup', path, { code: 'EBUSY' });
    for (const f of readdirSync(path)) unlinkSync(join(path, f));
    rmdirSync(path);
  }
  async writeAsync(path: string, value: string): Promise<void> {
    this.write(path, value);
  }
  write(path: string, value: string): void {
    const dir = dirname(path);
    const f = basename(path);
    const fail = (code: string): never => {
      throw new CgroupError('write', path, { value, code });
    };
    if (!existsSync(path)) fail('ENOENT');
    this.writes.push([path, value]);
    const v = value.trim();
    const get = (name: string) => readFileSync(join(dir, name), 'utf8').trim();
    switch (f) {
      case 'cgroup.procs': {
        if (this.hierOf(path) === 'cpuset' && (get('cpuset.cpus') === '' || get('cpuset.mems') === '')) fail('ENOSPC');
        const top = join(this.root, this.hierOf(path));
        for (const d of this.dirsOf(top)) writeFileSync(join(d, 'cgroup.procs'), this.procs(d).filter((p) => p !== Number(v)).map((p) => `${p}\n`).join(''));
        return writeFileSync(path, readFileSync(path, 'utf8') + `${v}\n`);
      }
      case 'tasks':
        // "0" is the writing thread; the fake has one, this process's.
        if (v !== '0') fail('EINVAL');
        this.write(join(dir, 'cgroup.procs'), String(process.pid));
        this.writes.pop(); // the kernel's move, not a write nslab made
        return;
      case 'memory.limit_in_bytes':
        if (BigInt(v) > BigInt(get('memory.memsw.limit_in_bytes'))) fail('EINVAL');
        return writeFileSync(path, `${v}\n`);
      case 'memory.memsw.limit_in_bytes':
        if (BigInt(v) < BigInt(get('memory.limit_in_bytes'))) fail('EINVAL');
        return writeFileSync(path, `${v}\n`);
      case 'cpuset.cpus': {
        const parent = new Set(parseCpuList(readFileSync(join(dirname(dir), 'cpuset.cpus'), 'utf8')));
        if (parseCpuList(v).some((c) => !parent.has(c))) fail('EINVAL');
        writeFileSync(join(dir, 'cpuset.effective_cpus'), `${v}\n`);
        return writeFileSync(path, `${v}\n`);
      }
      case 'freezer.state':
        if (v !== 'FROZEN' && v !== 'THAWED') fail('EINVAL');
        for (const d of this.dirsOf(dir)) writeFileSync(join(d, 'freezer.state'), `${v}\n`);
        return;
      case 'cgroup.kill':
        for (const d of this.dirsOf(dir)) {
          const ps = this.procs(d);
          this.killed.push(...ps);
          for (const p of ps) this.die(p); // a killed process leaves every hierarchy
        }
        return;
      default:
        return writeFileSync(path, value);
    }
  }
  /** A process of the test, placed directly (as fork would). */
  place(hier: string, cgPath: string, pid: number): void {
    const d = join(this.root, hier, cgPath);
    writeFileSync(join(d, 'cgroup.procs'), readFileSync(join(d, 'cgroup.procs'), 'utf8') + `${pid}\n`);
  }
  /** A process dies: gone from every hierarchy. */
  die(pid: number): void {
    for (const h of [...HIER, 'unified']) for (const d of this.dirsOf(join(this.root, h))) writeFileSync(join(d, 'cgroup.procs'), this.procs(d).filter((p) => p !== pid).map((p) => `${p}\n`).join(''));
  }
}

let root = '';
let fake: FakeCgroupV1;
const OWN_MEM = '/process_api/abc';

function layout(mode: 'hybrid' | 'v1'): CgroupLayout {
  const v1: Hierarchy[] = HIER.map((h) => ({ controllers: [h], mount: join(root, h), mountRoot: '/', ownPath: h === 'memory' ? OWN_MEM : '/' }));
  return { mode, v1, unified: mode === 'hybrid' ? { controllers: [], mount: join(root, 'unified'), mountRoot: '/', ownPath: '/' } : undefined };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nslab-fake-cg1-'));
  fake = new FakeCgroupV1(root);
  fake.mkdir(join(root, 'memory/process_api'));
  fake.mkdir(join(root, 'memory/process_api/abc'));
  fake.writes.length = 0;
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('v1 manager on fake v1 hierarchies', () => {
  it('puts the lab beneath its own cgroup in each hierarchy it uses, plus the cgroup2 tree when hybrid', () => {
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake });
    expect(m).toBeInstanceOf(CgroupV1Manager);
    expect(m.record().trees.map((t) => [t.key, t.kind, relative(root, t.labDir)])).toEqual([
      ['cpu', 'v1', 'cpu/nslab-lab1'],
      ['cpuacct', 'v1', 'cpuacct/nslab-lab1'],
      ['cpuset', 'v1', 'cpuset/nslab-lab1'],
      ['memory', 'v1', 'memory/process_api/abc/nslab-lab1'],
      ['pids', 'v1', 'pids/nslab-lab1'],
      ['freezer', 'v1', 'freezer/nslab-lab1'],
      ['unified', 'v2', 'unified/nslab-lab1'],
    ]);
    expect(createCgroupManager('lab1', { layout: layout('v1'), fs: fake }).record().trees.every((t) => t.kind === 'v1')).toBe(true);
  });

  it('never goes above or beside its own cgroup', () => {
    expect(() => createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake, parent: '/' })).toThrow(
      'with cgroup v1 nslab creates its cgroups only at or beneath its own (/process_api/abc)',
    );
    expect(() => createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake, parent: '../x' })).toThrow(CgroupError);
  });

  it('copies cpuset cpus and mems down so a process can join, and writes every limit', () => {
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake });
    m.create();
    m.addNode('h1', parseLimits({ memory: '64MiB', cpu: 1.5, 'cpu-set': '1-2', pids: 50 }));
    m.addNode('h2');
    const f = (p: string) => readFileSync(join(root, p), 'utf8').trim();
    expect(f('cpuset/nslab-lab1/cpuset.cpus')).toBe('0-3');
    expect(f('cpuset/nslab-lab1/cpuset.mems')).toBe('0');
    expect(f('cpuset/nslab-lab1/h1/cpuset.cpus')).toBe('1-2');
    expect(f('cpuset/nslab-lab1/h2/cpuset.cpus')).toBe('0-3');
    expect(f('memory/process_api/abc/nslab-lab1/h1/memory.limit_in_bytes')).toBe(String(64 * 2 ** 20));
    expect(f('memory/process_api/abc/nslab-lab1/h1/memory.memsw.limit_in_bytes')).toBe(String(64 * 2 ** 20));
    expect(f('cpu/nslab-lab1/h1/cpu.cfs_quota_us')).toBe('150000');
    expect(f('pids/nslab-lab1/h1/pids.max')).toBe('50');
    m.addPid('h2', 1);
    for (const h of ['cpu', 'cpuset', 'pids', 'freezer', 'unified']) expect(f(`${h}/nslab-lab1/h2/cgroup.procs`), h).toBe('1');
    expect(m.stats('h1')).toMatchObject({ memory: { limit: 64 * 2 ** 20 }, cpu: { quota: { quotaUs: 150000 }, usageUsec: 5 } });
    expect(m.stats('h2').memory?.limit).toBeNull();
    expect(fake.writes.filter(([p]) => !p.includes('/nslab-lab1'))).toEqual([]);
  });

  it('raises a memory limit by writing memsw first, and lowers it memory first', () => {
    const m = createCgroupManager('lab1', { layout: layout('v1'), fs: fake });
    m.create();
    m.addNode('h1', parseLimits({ memory: '64MiB' }));
    m.setLimits('h1', parseLimits({ memory: '128MiB' }));
    m.setLimits('h1', parseLimits({ memory: '32MiB' }));
    const f = (n: string) => readFileSync(join(root, 'memory/process_api/abc/nslab-lab1/h1', n), 'utf8').trim();
    expect([f('memory.limit_in_bytes'), f('memory.memsw.limit_in_bytes')]).toEqual([String(32 * 2 ** 20), String(32 * 2 ** 20)]);
  });

  it('refuses a cpu-set outside what its own cpuset offers', () => {
    const m = createCgroupManager('lab1', { layout: layout('v1'), fs: fake });
    expect(() => m.validate(parseLimits({ 'cpu-set': '3-4' }))).toThrow(LimitError);
    expect(() => m.validate(parseLimits({ 'cpu-set': '3-4' }))).toThrow('cpu-set: CPU 4 is not available here (available: 0-3)');
  });

  it('moves the execing thread into each v1 hierarchy by tasks and the process into the cgroup2 tree', async () => {
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake });
    m.create();
    m.addNode('h1');
    fake.writes.length = 0;
    await m.joinBeforeExec('h1');
    const v1 = fake.writes.filter(([p]) => !p.includes('/unified/'));
    expect(v1.length).toBeGreaterThan(0);
    expect(v1.every(([p, v]) => p.endsWith('/nslab-lab1/h1/tasks') && v === '0')).toBe(true);
    expect(fake.writes.filter(([p]) => p.includes('/unified/'))).toEqual([[expect.stringMatching(/\/unified\/.*nslab-lab1\/h1\/cgroup\.procs$/), String(process.pid)]]);
    expect(m.pids('h1')).toContain(process.pid);
  });

  it('kills through the cgroup2 tree when hybrid', async () => {
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake, signal: () => expect.unreachable() });
    m.create();
    m.addNode('h1');
    m.addPid('h1', 1);
    const report = await m.kill();
    expect(report.method).toBe('cgroup.kill');
    expect(fake.killed).toEqual([1]);
  });

  it('takes a process cgroup.kill hit, still listed by a v1 tree while it dies, as killed rather than escaped', async () => {
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake, signal: () => expect.unreachable() });
    m.create();
    m.addNode('h1');
    m.addPid('h1', 1);
    fake.place('pids', 'nslab-lab1/h1', 88); // the v2 tree has let it go, the v1 pids tree not yet
    const seen: string[] = [];
    fake.proc.set('/proc/88/status', () => {
      seen.push('88');
      fake.die(88);
      return 'Name:\tsleep\nState:\tR (running)\nShdPnd:\t0000000000000100\n'; // SIGKILL pending
    });
    const report = await m.kill();
    expect(seen).toEqual(['88']);
    expect(report.method).toBe('cgroup.kill');
  });

  it('falls back to freezing when a listed process is outside the cgroup2 tree and not dying', async () => {
    const signalled: number[] = [];
    const m = createCgroupManager('lab1', { layout: layout('hybrid'), fs: fake, signal: (pid) => (signalled.push(pid), fake.die(pid)) });
    m.create();
    m.addNode('h1');
    m.addPid('h1', 1);
    fake.place('pids', 'nslab-lab1/h1', 89);
    fake.proc.set('/proc/89/status', () => 'Name:\tsleep\nState:\tS (sleeping)\nShdPnd:\t0000000000000000\n');
    const report = await m.kill();
    expect(signalled).toEqual([89]);
    expect(report.method).toBe('freeze+SIGKILL');
  });

  it('kills by freezing the lab, signalling every pid of every hierarchy, then thawing, on pure v1', async () => {
    const states: string[] = [];
    const m = createCgroupManager('lab1', {
      layout: layout('v1'),
      fs: fake,
      signal: (pid) => {
        states.push(`${pid}:${readFileSync(join(root, 'freezer/nslab-lab1/h1/freezer.state'), 'utf8').trim()}`);
        fake.die(pid);
      },
    });
    m.create();
    m.addNode('h1');
    m.addPid('h1', 1);
    fake.place('pids', 'nslab-lab1/h1', 77); // a process only one hierarchy lists is still found
    const report = await m.kill();
    expect(report).toEqual({ rounds: 1, pids: [1, 77], method: 'freeze+SIGKILL' });
    expect(states).toEqual(['1:FROZEN', '77:FROZEN']);
    expect(readFileSync(join(root, 'freezer/nslab-lab1/freezer.state'), 'utf8').trim()).toBe('THAWED');
    m.destroy();
    for (const t of m.record().trees) expect(existsSync(t.labDir)).toBe(false);
  });
});

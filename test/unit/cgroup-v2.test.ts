import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CgroupError,
  CgroupV2Manager,
  LimitError,
  createCgroupManager,
  openCgroupManager,
  parseCpuList,
  parseLimits,
  type CgroupFs,
  type CgroupLayout,
} from '../../src/sys/cgroup/index.js';

/**
 * A cgroup2 tree in a temp directory that answers like the kernel does
 * for what the manager touches: mkdir fills in the interface files of the
 * controllers the parent hands down, cgroup.procs moves a pid, the
 * no-internal-process rule, cgroup.kill, cgroup.freeze, value checks
 * (EINVAL), rmdir refusing a busy cgroup (EBUSY).
 */
class FakeCgroup2 implements CgroupFs {
  readonly writes: [string, string][] = [];
  readonly killed: number[] = [];
  /** Files whose next write fails with this errno. */
  readonly failNext = new Map<string, string>();

  constructor(
    readonly root: string,
    readonly opts: { cgroupKill?: boolean } = {},
  ) {
    const files: Record<string, string> = {
      'cgroup.controllers': 'cpuset cpu io memory hugetlb pids rdma misc\n',
      'cgroup.subtree_control': 'cpuset cpu memory pids\n',
      'cgroup.procs': '1\n',
      'cpuset.cpus.effective': '0-3\n',
      'cpuset.mems.effective': '0\n',
      'cgroup.max.depth': 'max\n',
    };
    for (const [f, v] of Object.entries(files)) writeFileSync(join(root, f), v);
  }

  private fail(what: string, path: string, code: string, value?: string): never {
    throw new CgroupError(what, path, { code, ...(value !== undefined && { value }) });
  }

  private get(path: string): string {
    return readFileSync(path, 'utf8');
  }

  private procs(dir: string): number[] {
    return this.get(join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
  }

  private allDirs(dir = this.root): string[] {
    return [dir, ...this.subdirs(dir).flatMap((s) => this.allDirs(join(dir, s)))];
  }

  private controllerFiles(c: string, parent: string): Record<string, string> {
    switch (c) {
      case 'memory':
        return {
          'memory.max': 'max\n',
          'memory.current': '0\n',
          'memory.peak': '0\n',
          'memory.swap.max': 'max\n',
          'memory.events': 'low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n',
        };
      case 'cpu':
        return { 'cpu.max': 'max 100000\n', 'cpu.stat': 'usage_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n' };
      case 'cpuset':
        return {
          'cpuset.cpus': '\n',
          'cpuset.mems': '\n',
          'cpuset.cpus.effective': this.get(join(parent, 'cpuset.cpus.effective')),
          'cpuset.mems.effective': this.get(join(parent, 'cpuset.mems.effective')),
        };
      case 'pids':
        return { 'pids.max': 'max\n', 'pids.current': '0\n', 'pids.events': 'max 0\n' };
      default:
        return {};
    }
  }

  read(path: string): string {
    if (!existsSync(path)) this.fail('read', path, 'ENOENT');
    return this.get(path);
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
    const parent = dirname(path);
    if (!existsSync(parent)) this.fail('create cgroup', path, 'ENOENT');
    if (existsSync(path)) this.fail('create cgroup', path, 'EEXIST');
    mkdirSync(path);
    const controllers = this.get(join(parent, 'cgroup.subtree_control'));
    const files: Record<string, string> = {
      'cgroup.procs': '',
      'cgroup.controllers': controllers,
      'cgroup.subtree_control': '\n',
      'cgroup.events': 'populated 0\nfrozen 0\n',
      'cgroup.freeze': '0\n',
      'cgroup.type': 'domain\n',
      ...(this.opts.cgroupKill !== false && { 'cgroup.kill': '' }),
    };
    for (const c of controllers.trim().split(/\s+/).filter(Boolean)) Object.assign(files, this.controllerFiles(c, parent));
    for (const [f, v] of Object.entries(files)) writeFileSync(join(path, f), v);
  }

  rmdir(path: string): void {
    if (!existsSync(path)) this.fail('remove cgroup', path, 'ENOENT');
    if (this.subdirs(path).length > 0 || this.procs(path).length > 0) this.fail('remove cgroup', path, 'EBUSY');
    for (const f of readdirSync(path)) unlinkSync(join(path, f));
    rmdirSync(path);
  }

  async writeAsync(path: string, value: string): Promise<void> {
    this.write(path, value);
  }

  write(path: string, value: string): void {
    const dir = dirname(path);
    const file = basename(path);
    if (!existsSync(path)) this.fail('write', path, 'ENOENT', value);
    const injected = this.failNext.get(file);
    if (injected) {
      this.failNext.delete(file);
      this.fail('write', path, injected, value);
    }
    const v = value.trim();
    const einval = (): never => this.fail('write', path, 'EINVAL', value);
    this.writes.push([path, value]);
    switch (file) {
      case 'cgroup.subtree_control': {
        const offered = this.get(join(dir, 'cgroup.controllers')).trim().split(/\s+/);
        const now = new Set(this.get(path).trim().split(/\s+/).filter(Boolean));
        if (dir !== this.root && this.procs(dir).length > 0) this.fail('write', path, 'EBUSY', value);
        for (const tok of v.split(/\s+/)) {
          const c = tok.slice(1);
          if (!/^[+-]/.test(tok) || !offered.includes(c)) this.fail('write', path, 'ENOENT', value);
          if (tok[0] === '+') now.add(c);
          else now.delete(c);
        }
        return writeFileSync(path, [...now].join(' ') + '\n');
      }
      case 'cgroup.procs': {
        if (!/^\d+$/.test(v) || Number(v) === 0) einval();
        if (dir !== this.root && this.get(join(dir, 'cgroup.subtree_control')).trim() !== '') this.fail('write', path, 'EBUSY', value);
        const pid = Number(v);
        for (const d of this.allDirs()) {
          const ps = this.procs(d);
          if (ps.includes(pid)) writeFileSync(join(d, 'cgroup.procs'), ps.filter((p) => p !== pid).map((p) => `${p}\n`).join(''));
        }
        return writeFileSync(path, this.get(path) + `${pid}\n`);
      }
      case 'cgroup.kill':
        if (v !== '1') einval();
        for (const d of this.allDirs(dir)) {
          this.killed.push(...this.procs(d));
          writeFileSync(join(d, 'cgroup.procs'), '');
        }
        return;
      case 'cgroup.freeze':
        if (v !== '0' && v !== '1') einval();
        for (const d of this.allDirs(dir)) writeFileSync(join(d, 'cgroup.events'), `populated ${this.procs(d).length ? 1 : 0}\nfrozen ${v}\n`);
        return writeFileSync(path, `${v}\n`);
      case 'memory.max':
      case 'memory.swap.max':
      case 'pids.max':
        if (!/^(max|\d+)$/.test(v)) einval();
        return writeFileSync(path, `${v}\n`);
      case 'cpu.max': {
        const m = /^(max|\d+)(?: (\d+))?$/.exec(v);
        if (!m || (m[1] !== 'max' && Number(m[1]) < 1000)) einval();
        return writeFileSync(path, `${m?.[1]} ${m?.[2] ?? '100000'}\n`);
      }
      case 'cpuset.cpus': {
        const avail = new Set(parseCpuList(this.get(join(dirname(dir), 'cpuset.cpus.effective')).trim()));
        let cpus: number[];
        try {
          cpus = parseCpuList(v);
        } catch {
          return einval();
        }
        if (cpus.some((c) => !avail.has(c))) einval();
        writeFileSync(path, `${v}\n`);
        return writeFileSync(join(dir, 'cpuset.cpus.effective'), `${v}\n`);
      }
      default:
        return writeFileSync(path, value);
    }
  }

  /** A process of this test, placed somewhere in the tree. */
  spawnIn(dir: string, pid: number): void {
    writeFileSync(join(dir, 'cgroup.procs'), this.get(join(dir, 'cgroup.procs')) + `${pid}\n`);
  }
}

let root = '';
let fake: FakeCgroup2;
let layout: CgroupLayout;
const SESSION = '/user.slice/session-1.scope';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'nslab-fake-cg2-'));
  fake = new FakeCgroup2(root);
  fake.mkdir(join(root, 'user.slice'));
  fake.mkdir(join(root, 'user.slice/session-1.scope'));
  fake.spawnIn(join(root, 'user.slice/session-1.scope'), 4242);
  fake.spawnIn(join(root, 'user.slice/session-1.scope'), 4243);
  fake.writes.length = 0;
  layout = { mode: 'v2', v1: [], unified: { controllers: [], mount: root, mountRoot: '/', ownPath: SESSION } };
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const limits = parseLimits({ memory: '64MiB', cpu: 0.5, 'cpu-set': '0-1', pids: 100 });
const file = (...p: string[]) => readFileSync(join(root, ...p), 'utf8').trim();

describe('v2 manager on a fake cgroup2 tree', () => {
  it('is chosen on a pure v2 machine and puts the lab under the root by default', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    expect(m).toBeInstanceOf(CgroupV2Manager);
    expect(m.version).toBe('v2');
    expect(m.record()).toEqual({
      version: 'v2',
      lab: 'lab1',
      trees: [{ key: 'unified', kind: 'v2', controllers: ['cpuset', 'cpu', 'memory', 'pids'], labDir: join(root, 'nslab-lab1') }],
    });
  });

  it('creates nslab-<lab>/<node>, hands controllers down and writes each limit to its file', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1', limits);
    expect(file('nslab-lab1/cgroup.subtree_control')).toBe('cpuset cpu memory pids');
    expect(file('nslab-lab1/r1/memory.max')).toBe(String(64 * 2 ** 20));
    expect(file('nslab-lab1/r1/memory.swap.max')).toBe('0');
    expect(file('nslab-lab1/r1/cpu.max')).toBe('50000 100000');
    expect(file('nslab-lab1/r1/cpuset.cpus')).toBe('0-1');
    expect(file('nslab-lab1/r1/pids.max')).toBe('100');
  });

  it('moves an execing process into its node whole: a cgroup2 tree holds no single thread', async () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1');
    fake.writes.length = 0;
    await m.joinBeforeExec('r1');
    expect(fake.writes).toEqual([[expect.stringMatching(/nslab-lab1\/r1\/cgroup\.procs$/), String(process.pid)]]);
  });

  it('moves a process into a node, lists it, and reports stats', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1', limits);
    m.addNode('r2');
    m.addPid('r1', 4242);
    expect(file('nslab-lab1/r1/cgroup.procs')).toBe('4242');
    expect(file('user.slice/session-1.scope/cgroup.procs')).toBe('4243');
    expect(m.pids('r1')).toEqual([4242]);
    expect(m.pids('r2')).toEqual([]);
    expect(m.pids()).toEqual([4242]);
    const s = m.stats('r1');
    expect(s.procs).toEqual([4242]);
    expect(s.memory).toMatchObject({ limit: 64 * 2 ** 20, usage: 0, oomKills: 0 });
    expect(s.cpu?.quota).toEqual({ quotaUs: 50_000, periodUs: 100_000 });
    expect(s.cpuset).toMatchObject({ cpus: '0-1', effectiveCpus: '0-1' });
    expect(s.pids).toMatchObject({ limit: 100 });
    expect(m.stats('r2').memory?.limit).toBeNull();
  });

  it('never writes outside the lab cgroup it created, from create to destroy', async () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1', limits);
    m.addPid('r1', 4242);
    await m.kill();
    m.destroy();
    const outside = fake.writes.filter(([p]) => relative(join(root, 'nslab-lab1'), p).startsWith('..'));
    expect(outside).toEqual([]);
    expect(fake.writes.length).toBeGreaterThan(5);
  });

  it('kills everything with one cgroup.kill, including processes in sub-cgroups', async () => {
    const signalled: number[] = [];
    const m = createCgroupManager('lab1', { layout, fs: fake, signal: (p) => signalled.push(p) });
    m.create();
    m.addNode('r1');
    m.addNode('r2');
    m.addPid('r1', 4242);
    m.addPid('r2', 4243);
    fake.mkdir(join(root, 'nslab-lab1/r2/inner'));
    fake.spawnIn(join(root, 'nslab-lab1/r2/inner'), 5000);
    expect(m.pids()).toEqual([4242, 4243, 5000]);
    const report = await m.kill();
    expect(report).toEqual({ rounds: 1, pids: [4242, 4243, 5000], method: 'cgroup.kill' });
    expect(fake.killed.sort()).toEqual([4242, 4243, 5000]);
    expect(signalled).toEqual([]);
    expect(m.pids()).toEqual([]);
    m.destroy();
    expect(existsSync(join(root, 'nslab-lab1'))).toBe(false);
  });

  it('on a kernel without cgroup.kill, freezes, signals each process, then thaws', async () => {
    fake = new FakeCgroup2(root, { cgroupKill: false });
    const seen: { pid: number; frozen: string }[] = [];
    const m = createCgroupManager('lab1', {
      layout,
      fs: fake,
      signal: (pid) => {
        seen.push({ pid, frozen: file('nslab-lab1/cgroup.freeze') });
        for (const n of ['r1', 'r2']) writeFileSync(join(root, 'nslab-lab1', n, 'cgroup.procs'), m.pids(n).filter((p) => p !== pid).join('\n'));
      },
    });
    m.create();
    m.addNode('r1');
    m.addNode('r2');
    fake.spawnIn(join(root, 'nslab-lab1/r1'), 7001);
    fake.spawnIn(join(root, 'nslab-lab1/r2'), 7002);
    const report = await m.kill();
    expect(report.method).toBe('freeze+SIGKILL');
    expect(seen).toEqual([
      { pid: 7001, frozen: '1' },
      { pid: 7002, frozen: '1' },
    ]);
    expect(file('nslab-lab1/cgroup.freeze')).toBe('0');
  });

  it('gives up after its bounds and names the processes that stay', async () => {
    fake = new FakeCgroup2(root, { cgroupKill: false });
    const m = createCgroupManager('lab1', { layout, fs: fake, signal: () => {} });
    m.create();
    m.addNode('r1');
    fake.spawnIn(join(root, 'nslab-lab1/r1'), 9999);
    await expect(m.kill({ maxRounds: 3, timeoutMs: 2000 })).rejects.toThrow(/still there after 3 rounds .*: 9999/);
  });

  it('refuses to kill a lab that holds the calling process', async () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1');
    fake.spawnIn(join(root, 'nslab-lab1/r1'), process.pid);
    await expect(m.kill()).rejects.toThrow(`this process (${process.pid}) is itself in the lab's cgroups`);
    expect(fake.killed).toEqual([]);
  });

  it('destroy() removes children before parents and says which cgroup is busy', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1');
    m.addPid('r1', 4242);
    expect(() => m.destroy()).toThrow(`cannot remove cgroup ${join(root, 'nslab-lab1/r1')}: EBUSY`);
    fake.write(join(root, SESSION, 'cgroup.procs'), '4242');
    m.destroy();
    expect(existsSync(join(root, 'nslab-lab1'))).toBe(false);
    expect(() => m.destroy()).not.toThrow(); // already gone
  });

  it('refuses to create a lab that already exists', () => {
    createCgroupManager('lab1', { layout, fs: fake }).create();
    expect(() => createCgroupManager('lab1', { layout, fs: fake }).create()).toThrow(/EEXIST \(it already exists: a lab of that name is up/);
  });

  it('names the file and the value when the kernel refuses a write, and leaves no half-made node', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    fake.failNext.set('cpu.max', 'EINVAL');
    expect(() => m.addNode('r1', limits)).toThrow(
      `cannot write "50000 100000" to ${join(root, 'nslab-lab1/r1/cpu.max')}: EINVAL (the kernel refused the value)`,
    );
    expect(existsSync(join(root, 'nslab-lab1/r1'))).toBe(false);
  });

  it('checks limits against what the parent offers before creating anything', () => {
    writeFileSync(join(root, 'cgroup.subtree_control'), 'cpu pids\n');
    const m = createCgroupManager('lab1', { layout, fs: fake });
    expect(() => m.validate(limits)).toThrow(LimitError);
    expect(() => m.validate(limits)).toThrow(`enable it for children of the parent (echo +memory > ${join(root, 'cgroup.subtree_control')})`);
    expect(() => m.validate(parseLimits({ 'cpu-set': '5' }))).toThrow(/cpu-set/);
    expect(() => createCgroupManager('lab2', { layout, fs: fake }).validate(parseLimits({ pids: 10 }))).not.toThrow();
  });

  it('refuses a cpu-set the machine does not have', () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    expect(() => m.validate(parseLimits({ 'cpu-set': '2-5' }))).toThrow('cpu-set: CPU 4-5 is not available here (available: 0-3)');
    expect(existsSync(join(root, 'nslab-lab1'))).toBe(false);
  });

  it('takes a configured parent, absolute or relative to its own cgroup, which must exist', () => {
    fake.mkdir(join(root, 'nslab.slice'));
    expect(createCgroupManager('lab1', { layout, fs: fake, parent: '/nslab.slice' }).record().trees[0]?.labDir).toBe(
      join(root, 'nslab.slice/nslab-lab1'),
    );
    expect(() => createCgroupManager('lab1', { layout, fs: fake, parent: '/nope' })).toThrow(`cannot use as the cgroup parent ${join(root, 'nope')}: ENOENT`);
    fake.mkdir(join(root, SESSION, 'sub'));
    expect(createCgroupManager('lab1', { layout, fs: fake, parent: 'sub' }).record().trees[0]?.labDir).toBe(join(root, SESSION, 'sub/nslab-lab1'));
  });

  it('reopens a lab from its record, and trusts no record that points elsewhere', async () => {
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    m.addNode('r1');
    m.addPid('r1', 4242);
    const again = openCgroupManager(JSON.parse(JSON.stringify(m.record())), { fs: fake });
    expect(again.pids()).toEqual([4242]);
    await again.kill();
    again.destroy();
    expect(existsSync(join(root, 'nslab-lab1'))).toBe(false);
    const bad = { ...m.record(), trees: [{ key: 'unified', kind: 'v2' as const, controllers: [], labDir: join(root, 'user.slice') }] };
    expect(() => openCgroupManager(bad, { fs: fake })).toThrow('a lab cgroup of lab "lab1" is named nslab-lab1');
  });

  it('rejects lab and node names that cannot be cgroup directories', () => {
    expect(() => createCgroupManager('../x', { layout, fs: fake })).toThrow('lab name "../x" cannot name a cgroup');
    const m = createCgroupManager('lab1', { layout, fs: fake });
    m.create();
    for (const bad of ['', 'a/b', 'cgroup.procs', 'memory.max', 'tasks', '.hidden']) {
      expect(() => m.addNode(bad), bad).toThrow('cannot name a cgroup');
    }
  });
});

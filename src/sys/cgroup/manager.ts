import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CgroupError, LimitError } from './errors.js';
import type { Freezer } from './freezer.js';
import { readPids, type CgroupFs } from './fs.js';
import { controllersFor, formatCpuList, parseCpuList, type CgroupLimits } from './limits.js';
import { FIELD, checkCgroupName, defaultSignal, type CgroupManager, type CgroupRecord, type CgroupStats, type Controllers, type KillOptions, type KillReport, type LabTree } from './record.js';

/** SIGKILL (9) in a /proc/PID/status signal mask: bit 9 - 1. */
const SIGKILL_BIT = 1n << 8n;

export abstract class BaseCgroupManager implements CgroupManager {
  abstract readonly version: 'v1' | 'v2';
  protected abstract readonly impl: Controllers;

  constructor(
    readonly lab: string,
    protected readonly trees: readonly LabTree[],
    protected readonly fs: CgroupFs,
    protected readonly signal: (pid: number) => void = defaultSignal,
  ) {
    checkCgroupName('lab', lab);
  }

  /** Per-version set-up of a new lab cgroup (v1 cpuset copy, v2 subtree_control). */
  protected abstract initLab(tree: LabTree): void;
  /** Per-version set-up of a new node cgroup. */
  protected abstract initNode(tree: LabTree, dir: string): void;
  /** The CPUs a node may be given (read from the lab's parent). */
  protected abstract availableCpus(tree: LabTree): string | undefined;
  /** The tree whose lab cgroup has cgroup.kill, if any. */
  protected abstract killTree(): LabTree | undefined;
  /** A tree and a freezer that freezes the whole lab, if any. */
  protected abstract freezerTree(): { tree: LabTree; freezer: Freezer } | undefined;
  /** Extra stats that live in another hierarchy (v1 cpuacct). */
  protected cpuUsageUsec(_node: string): number | undefined {
    return undefined;
  }

  record(): CgroupRecord {
    return { version: this.version, lab: this.lab, trees: this.trees.map((t) => ({ ...t, controllers: [...t.controllers] })) };
  }

  protected treeFor(controller: string): LabTree | undefined {
    return this.trees.find((t) => t.controllers.includes(controller));
  }

  protected nodeDir(tree: LabTree, node: string): string {
    return join(tree.labDir, node);
  }

  validate(limits: CgroupLimits): void {
    for (const c of controllersFor(limits)) {
      if (!this.treeFor(c)) {
        const where = this.trees.map((t) => dirname(t.labDir)).join(', ');
        throw new LimitError(FIELD[c] ?? c, undefined, `the ${c} controller is not available to nslab's cgroups here (under ${where}); ${this.missingControllerHint(c)}`);
      }
    }
    const cpusetTree = this.treeFor('cpuset');
    if (limits.cpuSet !== undefined && cpusetTree) {
      const avail = this.availableCpus(cpusetTree);
      if (avail !== undefined) {
        const have = new Set(parseCpuList(avail));
        const extra = parseCpuList(limits.cpuSet).filter((c) => !have.has(c));
        if (extra.length > 0) {
          throw new LimitError('cpu-set', limits.cpuSet, `CPU ${formatCpuList(extra)} is not available here (available: ${avail || 'none'})`);
        }
      }
    }
  }

  protected missingControllerHint(c: string): string {
    return `mount the ${c} controller, or leave that limit out`;
  }

  create(): void {
    const made: LabTree[] = [];
    try {
      for (const t of this.trees) {
        this.fs.mkdir(t.labDir);
        made.push(t);
        this.initLab(t);
      }
    } catch (e) {
      for (const t of made.reverse()) this.tryRmdir(t.labDir);
      throw e;
    }
  }

  addNode(node: string, limits: CgroupLimits = {}): void {
    checkCgroupName('node', node);
    this.validate(limits);
    const made: string[] = [];
    try {
      for (const t of this.trees) {
        const dir = this.nodeDir(t, node);
        this.fs.mkdir(dir);
        made.push(dir);
        this.initNode(t, dir);
      }
      this.setLimits(node, limits);
    } catch (e) {
      for (const d of made.reverse()) this.tryRmdir(d);
      throw e;
    }
  }

  setLimits(node: string | undefined, limits: CgroupLimits): void {
    this.validate(limits);
    const dir = (c: string): string => {
      const t = this.treeFor(c);
      if (!t) throw new LimitError(FIELD[c] ?? c, undefined, `the ${c} controller is not available`);
      return node === undefined ? t.labDir : this.nodeDir(t, node);
    };
    if (limits.memory !== undefined) this.impl.memory.set(this.fs, dir('memory'), limits.memory);
    if (limits.cpu !== undefined) this.impl.cpu.set(this.fs, dir('cpu'), limits.cpu);
    if (limits.cpuSet !== undefined) this.impl.cpuset.set(this.fs, dir('cpuset'), limits.cpuSet);
    if (limits.pids !== undefined) this.impl.pids.set(this.fs, dir('pids'), limits.pids);
  }

  addPid(node: string, pid: number): void {
    if (!Number.isSafeInteger(pid) || pid <= 0) throw new RangeError(`${pid} is not a process id`);
    for (const t of this.trees) this.fs.write(join(this.nodeDir(t, node), 'cgroup.procs'), String(pid));
  }

  joinBeforeExec(node: string): Promise<void> {
    const whole: Array<Promise<void>> = [];
    for (const t of this.trees) {
      const dir = this.nodeDir(t, node);
      // "0" is the writing thread (the kernel's current), not its process.
      if (t.kind === 'v1') this.fs.write(join(dir, 'tasks'), '0');
      else whole.push(this.fs.writeAsync(join(dir, 'cgroup.procs'), String(process.pid)));
    }
    return Promise.all(whole).then(() => undefined);
  }

  /** Pids in dir and every cgroup beneath it. */
  protected pidsBeneath(dir: string): number[] {
    try {
      if (!this.fs.exists(dir)) return [];
      const out = readPids(this.fs, dir);
      for (const sub of this.fs.subdirs(dir)) out.push(...this.pidsBeneath(join(dir, sub)));
      return out;
    } catch (e) {
      // A cgroup a node process made for itself may vanish while we walk.
      if (e instanceof CgroupError && e.code === 'ENOENT') return [];
      throw e;
    }
  }

  pids(node?: string): number[] {
    const all = new Set<number>();
    for (const t of this.trees) {
      for (const p of this.pidsBeneath(node === undefined ? t.labDir : this.nodeDir(t, node))) all.add(p);
    }
    return [...all].sort((a, b) => a - b);
  }

  stats(node: string): CgroupStats {
    const at = (c: string): string | undefined => {
      const t = this.treeFor(c);
      return t ? this.nodeDir(t, node) : undefined;
    };
    const mem = at('memory');
    const cpu = at('cpu');
    const cpuset = at('cpuset');
    const pids = at('pids');
    const cpuStats = cpu === undefined ? undefined : this.impl.cpu.stats(this.fs, cpu);
    const usage = cpuStats?.usageUsec ?? this.cpuUsageUsec(node);
    return {
      procs: this.pids(node),
      ...(mem !== undefined && { memory: this.impl.memory.stats(this.fs, mem) }),
      ...(cpuStats !== undefined && { cpu: { ...cpuStats, usageUsec: usage } }),
      ...(cpuset !== undefined && { cpuset: this.impl.cpuset.stats(this.fs, cpuset) }),
      ...(pids !== undefined && { pids: this.impl.pids.stats(this.fs, pids) }),
    };
  }

  async kill(opts: KillOptions = {}): Promise<KillReport> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    const maxRounds = opts.maxRounds ?? 50;
    const start = Date.now();
    const seen = new Set<number>();
    const killTree = this.killTree();
    let method: KillReport['method'] = 'none';
    for (let round = 0; ; round++) {
      const pids = this.pids();
      if (pids.length === 0) return { rounds: round, pids: [...seen].sort((a, b) => a - b), method };
      if (pids.includes(process.pid)) {
        throw new CgroupError('kill the processes of', this.trees[0]?.labDir ?? this.lab, {
          hint: `this process (${process.pid}) is itself in the lab's cgroups; run down from outside the lab`,
        });
      }
      if (round >= maxRounds || Date.now() - start > timeoutMs) {
        throw new CgroupError('kill every process in', this.trees.map((t) => t.labDir).join(', '), {
          hint: `${pids.length} still there after ${round} rounds and ${Date.now() - start} ms: ${pids.join(' ')}`,
        });
      }
      for (const p of pids) seen.add(p);
      let outside = pids;
      if (killTree) {
        // cgroup.kill: the kernel SIGKILLs everything beneath, even what forks meanwhile.
        this.fs.write(join(killTree.labDir, 'cgroup.kill'), '1');
        const inKill = new Set(this.pidsBeneath(killTree.labDir));
        // A process cgroup.kill has already hit may still be listed in a v1
        // tree for a moment after the v2 tree let it go; only one that is
        // neither there nor dying escaped the kill.
        outside = round === 0 ? [] : pids.filter((p) => !inKill.has(p) && !this.dying(p));
        method = 'cgroup.kill';
      }
      if (!killTree || outside.length > 0) method = (await this.freezeAndSignal()) ? 'freeze+SIGKILL' : 'SIGKILL';
      await sleep(Math.min(2 ** round, 50));
    }
  }

  /** True when /proc shows the process exiting or with SIGKILL pending (`grep -E 'State|ShdPnd' /proc/PID/status`). */
  private dying(pid: number): boolean {
    let status: string;
    try {
      status = this.fs.read(`/proc/${pid}/status`);
    } catch {
      return false;
    }
    if (/^State:\s*[ZX]/m.test(status)) return true;
    const pending = /^ShdPnd:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    return pending !== undefined && (BigInt(`0x${pending}`) & SIGKILL_BIT) !== 0n;
  }

  /**
   * Freeze the lab (no fork, no exit, so no pid reuse), SIGKILL every
   * process listed, thaw so they die. Returns whether a freezer was used.
   */
  private async freezeAndSignal(): Promise<boolean> {
    const fz = this.freezerTree();
    if (fz) {
      fz.freezer.freeze(this.fs, fz.tree.labDir);
      for (let i = 0; i < 50 && !fz.freezer.frozen(this.fs, fz.tree.labDir); i++) await sleep(2);
    }
    try {
      for (const p of this.pids()) if (p !== process.pid) this.signal(p);
    } finally {
      if (fz) fz.freezer.thaw(this.fs, fz.tree.labDir);
    }
    return fz !== undefined;
  }

  destroy(): void {
    const errors: unknown[] = [];
    for (const t of this.trees) {
      try {
        this.removeTree(t.labDir);
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length > 0) throw errors[0];
  }

  /** rmdir dir and everything beneath it, children first; a missing dir is already gone. */
  private removeTree(dir: string): void {
    if (!this.fs.exists(dir)) return;
    for (const sub of this.fs.subdirs(dir)) this.removeTree(join(dir, sub));
    try {
      this.fs.rmdir(dir);
    } catch (e) {
      if (!(e instanceof CgroupError && e.code === 'ENOENT')) throw e;
    }
  }

  private tryRmdir(dir: string): void {
    try {
      this.fs.rmdir(dir);
    } catch {
      // best effort while rolling back; the original error is what matters
    }
  }
}

import type { CpuStats } from './cpu.js';
import type { CpusetStats } from './cpuset.js';
import { errnoCode } from './errors.js';
import type { Controller } from './controller.js';
import type { CgroupLimits, CpuQuota } from './limits.js';
import type { MemoryStats } from './memory.js';
import type { PidsStats } from './pids.js';

/**
 * A lab's cgroups: one lab cgroup (`nslab-<lab>`) with a child per node
 * (`nslab-<lab>/<node>`), in every hierarchy the lab uses. Created by
 * `up`, joined by every node process (and by `nslab exec` before execve),
 * emptied and removed by `down`.
 *
 * Everything nslab writes to lies inside a lab cgroup it created; the
 * parent is only read (and, on v1, copied from for cpuset).
 */
export interface CgroupManager {
  readonly version: 'v1' | 'v2';
  readonly lab: string;
  /** What `down` (another process, later) needs to find these cgroups again: keep it in the state record. */
  record(): CgroupRecord;
  /** Check, before anything is created, that these limits can be had here. Throws LimitError. */
  validate(limits: CgroupLimits): void;
  /** Create the lab cgroup in every hierarchy (all or nothing). */
  create(): void;
  /** Create the node's cgroup in every hierarchy and set its limits (all or nothing). */
  addNode(node: string, limits?: CgroupLimits): void;
  /** A node's limits, or with node undefined the lab cgroup's (limits over every node together). */
  setLimits(node: string | undefined, limits: CgroupLimits): void;
  /** Move a process (all its threads) into the node's cgroups. */
  addPid(node: string, pid: number): void;
  /**
   * Move this thread into the node's cgroups, for a process about to execve
   * a program that then runs as this thread alone (`nslab exec`):
   *   echo 0 > HIERARCHY/…/NODE/tasks          (each v1 hierarchy, at once)
   *   echo $$ > unified/…/NODE/cgroup.procs    (a cgroup2 tree, on the thread pool)
   * Moving one thread skips the kernel's global threadgroup lock, whose RCU
   * wait makes moving a whole process cost 10–25 ms here; a cgroup2 tree
   * holds only whole processes, so that write runs while the caller loads
   * what it needs next, and the promise says when it is done.
   */
  joinBeforeExec(node: string): Promise<void>;
  /** Processes in one node's cgroups, or in the whole lab's, in any hierarchy. */
  pids(node?: string): number[];
  stats(node: string): CgroupStats;
  /** Kill every process of every node; resolves once none is left. */
  kill(opts?: KillOptions): Promise<KillReport>;
  /** Remove the node cgroups, then the lab cgroup, everywhere (children before parents). */
  destroy(): void;
}

/** One hierarchy's share of a lab. */
export interface LabTree {
  /** "memory", "cpu,cpuacct", … for v1 hierarchies; "unified" for the cgroup2 tree. */
  readonly key: string;
  readonly kind: 'v1' | 'v2';
  /** Controllers this tree limits for the lab (none for the hybrid unified tree). */
  readonly controllers: readonly string[];
  /** The lab cgroup's directory, e.g. /sys/fs/cgroup/memory/process_api/abc/nslab-lab1. */
  readonly labDir: string;
}

export interface CgroupRecord {
  readonly version: 'v1' | 'v2';
  readonly lab: string;
  readonly trees: readonly LabTree[];
}

export interface CgroupStats {
  readonly procs: readonly number[];
  readonly memory?: MemoryStats;
  readonly cpu?: CpuStats;
  readonly cpuset?: CpusetStats;
  readonly pids?: PidsStats;
}

export interface KillOptions {
  /** Give up (CgroupError) after this long. Default 5000 ms. */
  readonly timeoutMs?: number;
  /** …or after this many rounds. Default 50. */
  readonly maxRounds?: number;
}

export interface KillReport {
  /** Rounds it took (0: the lab was empty already). */
  readonly rounds: number;
  /** Every process found in the lab on the way. */
  readonly pids: readonly number[];
  readonly method: 'none' | 'cgroup.kill' | 'freeze+SIGKILL' | 'SIGKILL';
}

/** What a manager does differently per cgroup version. */
export interface Controllers {
  readonly memory: Controller<number, MemoryStats>;
  readonly cpu: Controller<CpuQuota, CpuStats>;
  readonly cpuset: Controller<string, CpusetStats>;
  readonly pids: Controller<number, PidsStats>;
}

/** containerlab's field name for each controller, for LimitError. */
/** Controller → the topology field that sets it, for messages. */
export const FIELD: Readonly<Record<string, string>> = { memory: 'memory', cpu: 'cpu', cpuset: 'cpu-set', pids: 'pids' };

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const RESERVED = /^(tasks|notify_on_release|release_agent|cgroup\..*|(cpu|cpuacct|cpuset|memory|pids|freezer|io|blkio|devices|hugetlb|rdma|misc|net_cls|net_prio|perf_event)\..*)$/;

/** Lab and node names become directory names: keep them plain. */
export function checkCgroupName(kind: 'lab' | 'node', name: string): void {
  if (!NAME.test(name) || RESERVED.test(name)) {
    throw new TypeError(
      `${kind} name "${name}" cannot name a cgroup: use letters, digits, "_", "." and "-", start with a letter or digit, at most 64, and not a cgroup file name`,
    );
  }
}

/** The lab cgroup's name: `nslab-<lab>`, easy to find with `find /sys/fs/cgroup -name 'nslab-*'`. */
export function labCgroupName(lab: string): string {
  return `nslab-${lab}`;
}

export function defaultSignal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (e) {
    if (errnoCode(e) !== 'ESRCH') throw e;
  }
}

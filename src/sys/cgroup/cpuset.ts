import { join } from 'node:path';
import type { Controller } from './controller.js';
import type { CgroupFs } from './fs.js';

/** The cpuset controller: `cpu-set: "0-1"`. */
export interface CpusetStats {
  /** What was asked ("" when inherited, on v2). */
  readonly cpus: string;
  /** What the node really runs on. */
  readonly effectiveCpus: string;
  readonly mems: string;
}

function readTrim(fs: CgroupFs, path: string): string {
  return fs.read(path).trim();
}

/**
 * v1: a new cpuset starts with empty cpuset.cpus and cpuset.mems, and no
 * task can join it (ENOSPC) until both are set. inherit() copies them from
 * the parent, as cgroup.clone_children would.
 * Equivalent: `cat ../cpuset.cpus > cpuset.cpus; cat ../cpuset.mems > cpuset.mems`.
 */
export const cpusetV1: Controller<string, CpusetStats> & {
  inherit(fs: CgroupFs, dir: string, parentDir: string): void;
  available(fs: CgroupFs, parentDir: string): string;
} = {
  inherit(fs, dir, parentDir) {
    for (const f of ['cpuset.cpus', 'cpuset.mems']) {
      if (readTrim(fs, join(dir, f)) === '') fs.write(join(dir, f), readTrim(fs, join(parentDir, f)));
    }
  },
  /** The CPUs a child of parentDir may be given. */
  available(fs, parentDir) {
    const eff = join(parentDir, 'cpuset.effective_cpus');
    return readTrim(fs, fs.exists(eff) ? eff : join(parentDir, 'cpuset.cpus'));
  },
  /** Equivalent: `echo 0-1 > cpuset.cpus`. */
  set(fs, dir, cpus) {
    fs.write(join(dir, 'cpuset.cpus'), cpus);
  },
  stats(fs, dir) {
    const eff = join(dir, 'cpuset.effective_cpus');
    const cpus = readTrim(fs, join(dir, 'cpuset.cpus'));
    return { cpus, effectiveCpus: fs.exists(eff) ? readTrim(fs, eff) : cpus, mems: readTrim(fs, join(dir, 'cpuset.mems')) };
  },
};

/**
 * v2: cpuset.cpus; an empty file means "as the parent". mems stay inherited.
 * Equivalent: `echo 0-1 > cpuset.cpus`.
 */
export const cpusetV2: Controller<string, CpusetStats> & { available(fs: CgroupFs, parentDir: string): string } = {
  available(fs, parentDir) {
    return readTrim(fs, join(parentDir, 'cpuset.cpus.effective'));
  },
  set(fs, dir, cpus) {
    fs.write(join(dir, 'cpuset.cpus'), cpus);
  },
  stats(fs, dir) {
    return {
      cpus: readTrim(fs, join(dir, 'cpuset.cpus')),
      effectiveCpus: readTrim(fs, join(dir, 'cpuset.cpus.effective')),
      mems: readTrim(fs, join(dir, 'cpuset.mems.effective')),
    };
  },
};

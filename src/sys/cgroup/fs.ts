import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmdirSync, write, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CgroupError, errnoCode } from './errors.js';

/**
 * The few file operations a cgroup manager needs. The real one talks to
 * cgroupfs; tests substitute a fake tree that behaves like the kernel's.
 * Every failure is a CgroupError naming the path (and the value written).
 */
export interface CgroupFs {
  read(path: string): string;
  /** One write(2) of value, as `echo value > path` would do. */
  write(path: string, value: string): void;
  /** The same write made on libuv's thread pool, for one that blocks in the kernel while this thread goes on. */
  writeAsync(path: string, value: string): Promise<void>;
  mkdir(path: string): void;
  rmdir(path: string): void;
  exists(path: string): boolean;
  /** Names of the child cgroups (directories) of a cgroup. */
  subdirs(path: string): string[];
}

export const realCgroupFs: CgroupFs = {
  read(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      throw new CgroupError('read', path, { code: errnoCode(e) ?? 'EIO', cause: e });
    }
  },
  write(path, value) {
    let fd: number | undefined;
    try {
      // r+: never create a file (cgroupfs has fixed files) and never truncate.
      fd = openSync(path, 'r+');
      writeSync(fd, value);
    } catch (e) {
      throw new CgroupError('write', path, { value, code: errnoCode(e) ?? 'EIO', cause: e });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  async writeAsync(path, value) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r+');
      // One job on the thread pool, submitted now: the write(2) the kernel may make wait.
      await new Promise<void>((resolve, reject) => write(fd as number, value, (e) => (e ? reject(e) : resolve())));
    } catch (e) {
      throw new CgroupError('write', path, { value, code: errnoCode(e) ?? 'EIO', cause: e });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  },
  mkdir(path) {
    try {
      mkdirSync(path);
    } catch (e) {
      throw new CgroupError('create cgroup', path, { code: errnoCode(e) ?? 'EIO', cause: e });
    }
  },
  rmdir(path) {
    try {
      rmdirSync(path);
    } catch (e) {
      throw new CgroupError('remove cgroup', path, { code: errnoCode(e) ?? 'EIO', cause: e });
    }
  },
  exists(path) {
    return existsSync(path);
  },
  subdirs(path) {
    try {
      return readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch (e) {
      throw new CgroupError('list cgroup', path, { code: errnoCode(e) ?? 'EIO', cause: e });
    }
  },
};

/** Read a file of one number or "max" (null). */
export function readLimit(fs: CgroupFs, path: string): number | null {
  const s = fs.read(path).trim();
  if (s === 'max') return null;
  return Number(s);
}

/** Read "key value" lines (cpu.stat, memory.events, pids.events, memory.stat...). */
export function readKeyed(fs: CgroupFs, path: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of fs.read(path).split('\n')) {
    const [k, v] = line.trim().split(/\s+/);
    if (k && v !== undefined) out.set(k, Number(v));
  }
  return out;
}

/** Read cgroup.procs: one pid a line. */
export function readPids(fs: CgroupFs, dir: string): number[] {
  return fs
    .read(join(dir, 'cgroup.procs'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map(Number);
}

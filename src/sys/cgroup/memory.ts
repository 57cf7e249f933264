import { join } from 'node:path';
import type { Controller } from './controller.js';
import { v1Limit } from './controller.js';
import { readKeyed, readLimit, type CgroupFs } from './fs.js';

/** The memory controller: `memory: 64MiB` (swap included: a node gets no swap beyond its limit). */
export interface MemoryStats {
  /** Bytes in use now. */
  readonly usage: number;
  /** null when unlimited. */
  readonly limit: number | null;
  /** Highest use seen, when the kernel keeps it. */
  readonly peak: number | undefined;
  /** Times an allocation hit the limit (v1 memory.failcnt + memory.memsw.failcnt, v2 memory.events "max"). */
  readonly hitLimit: number;
  /** Processes the OOM killer killed in this cgroup. */
  readonly oomKills: number;
}

/**
 * v1: memory.limit_in_bytes, and memory.memsw.limit_in_bytes (RAM + swap)
 * set to the same value when swap accounting exists. memsw may never be
 * below the memory limit, so when raising, memsw goes first.
 * Equivalent: `echo 67108864 > memory.limit_in_bytes; echo 67108864 > memory.memsw.limit_in_bytes`.
 */
export const memoryV1: Controller<number, MemoryStats> = {
  set(fs: CgroupFs, dir: string, bytes: number): void {
    const mem = join(dir, 'memory.limit_in_bytes');
    const memsw = join(dir, 'memory.memsw.limit_in_bytes');
    const value = String(bytes);
    if (!fs.exists(memsw)) return fs.write(mem, value);
    if (bytes > Number(fs.read(memsw).trim())) {
      fs.write(memsw, value);
      fs.write(mem, value);
    } else {
      fs.write(mem, value);
      fs.write(memsw, value);
    }
  },
  stats(fs: CgroupFs, dir: string): MemoryStats {
    const oom = readKeyed(fs, join(dir, 'memory.oom_control'));
    const memswFail = join(dir, 'memory.memsw.failcnt');
    return {
      usage: Number(fs.read(join(dir, 'memory.usage_in_bytes')).trim()),
      limit: v1Limit(Number(fs.read(join(dir, 'memory.limit_in_bytes')).trim())),
      peak: Number(fs.read(join(dir, 'memory.max_usage_in_bytes')).trim()),
      // With swap accounting the RAM+swap counter is charged first, so it is often the one that fails.
      hitLimit: Number(fs.read(join(dir, 'memory.failcnt')).trim()) + (fs.exists(memswFail) ? Number(fs.read(memswFail).trim()) : 0),
      oomKills: oom.get('oom_kill') ?? 0,
    };
  },
};

/**
 * v2: memory.max, and memory.swap.max = 0 when swap is configured.
 * Equivalent: `echo 67108864 > memory.max; echo 0 > memory.swap.max`.
 */
export const memoryV2: Controller<number, MemoryStats> = {
  set(fs: CgroupFs, dir: string, bytes: number): void {
    fs.write(join(dir, 'memory.max'), String(bytes));
    const swap = join(dir, 'memory.swap.max');
    if (fs.exists(swap)) fs.write(swap, '0');
  },
  stats(fs: CgroupFs, dir: string): MemoryStats {
    const events = readKeyed(fs, join(dir, 'memory.events'));
    const peak = join(dir, 'memory.peak');
    return {
      usage: Number(fs.read(join(dir, 'memory.current')).trim()),
      limit: readLimit(fs, join(dir, 'memory.max')),
      peak: fs.exists(peak) ? Number(fs.read(peak).trim()) : undefined,
      hitLimit: events.get('max') ?? 0,
      oomKills: events.get('oom_kill') ?? 0,
    };
  },
};

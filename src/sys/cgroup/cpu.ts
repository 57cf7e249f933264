import { join } from 'node:path';
import type { Controller } from './controller.js';
import { readKeyed, type CgroupFs } from './fs.js';
import type { CpuQuota } from './limits.js';

/** The cpu controller: `cpu: 0.5` as a CFS bandwidth quota. */
export interface CpuStats {
  /** null when unlimited. */
  readonly quota: CpuQuota | null;
  /** CPU time used, µs (v1 reads it from cpuacct.usage, if that hierarchy is there). */
  readonly usageUsec: number | undefined;
  readonly periods: number;
  readonly throttledPeriods: number;
  readonly throttledUsec: number;
}

/**
 * v1: cpu.cfs_period_us, then cpu.cfs_quota_us.
 * Equivalent: `echo 100000 > cpu.cfs_period_us; echo 50000 > cpu.cfs_quota_us`.
 */
export const cpuV1: Controller<CpuQuota, CpuStats> = {
  set(fs: CgroupFs, dir: string, q: CpuQuota): void {
    fs.write(join(dir, 'cpu.cfs_period_us'), String(q.periodUs));
    fs.write(join(dir, 'cpu.cfs_quota_us'), String(q.quotaUs));
  },
  stats(fs: CgroupFs, dir: string): CpuStats {
    const quotaUs = Number(fs.read(join(dir, 'cpu.cfs_quota_us')).trim());
    const periodUs = Number(fs.read(join(dir, 'cpu.cfs_period_us')).trim());
    const stat = readKeyed(fs, join(dir, 'cpu.stat'));
    return {
      quota: quotaUs < 0 ? null : { quotaUs, periodUs },
      usageUsec: undefined,
      periods: stat.get('nr_periods') ?? 0,
      throttledPeriods: stat.get('nr_throttled') ?? 0,
      throttledUsec: Math.round((stat.get('throttled_time') ?? 0) / 1000),
    };
  },
};

/** v1 cpuacct.usage (ns) as µs, from the cpuacct hierarchy's cgroup at dir. */
export function cpuacctUsageUsec(fs: CgroupFs, dir: string): number {
  return Math.round(Number(fs.read(join(dir, 'cpuacct.usage')).trim()) / 1000);
}

/**
 * v2: cpu.max "QUOTA PERIOD".
 * Equivalent: `echo "50000 100000" > cpu.max`.
 */
export const cpuV2: Controller<CpuQuota, CpuStats> = {
  set(fs: CgroupFs, dir: string, q: CpuQuota): void {
    fs.write(join(dir, 'cpu.max'), `${q.quotaUs} ${q.periodUs}`);
  },
  stats(fs: CgroupFs, dir: string): CpuStats {
    const [quota = 'max', period = '100000'] = fs.read(join(dir, 'cpu.max')).trim().split(/\s+/);
    const stat = readKeyed(fs, join(dir, 'cpu.stat'));
    return {
      quota: quota === 'max' ? null : { quotaUs: Number(quota), periodUs: Number(period) },
      usageUsec: stat.get('usage_usec'),
      periods: stat.get('nr_periods') ?? 0,
      throttledPeriods: stat.get('nr_throttled') ?? 0,
      throttledUsec: stat.get('throttled_usec') ?? 0,
    };
  },
};

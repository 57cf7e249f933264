import type { CgroupFs } from './fs.js';

/** The set and stat functions of one controller in one cgroup version. */
export interface Controller<Value, Stats> {
  /** Write the limit into the cgroup at dir. */
  set(fs: CgroupFs, dir: string, value: Value): void;
  /** Read usage and limit of the cgroup at dir. */
  stats(fs: CgroupFs, dir: string): Stats;
}

/** v1 prints "no limit" as a huge page-rounded number (9223372036854771712); call anything that large unlimited. */
export function v1Limit(n: number): number | null {
  return n >= 2 ** 62 ? null : n;
}

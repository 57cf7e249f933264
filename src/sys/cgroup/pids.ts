import { join } from 'node:path';
import type { Controller } from './controller.js';
import { readKeyed, readLimit, type CgroupFs } from './fs.js';

/** The pids controller: `pids: 100`. The same files in v1 and v2. */
export interface PidsStats {
  readonly current: number;
  /** null when unlimited. */
  readonly limit: number | null;
  /** Forks refused because of the limit (pids.events "max"). */
  readonly refused: number;
}

/** Equivalent: `echo 100 > pids.max`. */
export const pidsController: Controller<number, PidsStats> = {
  set(fs: CgroupFs, dir: string, max: number): void {
    fs.write(join(dir, 'pids.max'), String(max));
  },
  stats(fs: CgroupFs, dir: string): PidsStats {
    const events = join(dir, 'pids.events');
    return {
      current: Number(fs.read(join(dir, 'pids.current')).trim()),
      limit: readLimit(fs, join(dir, 'pids.max')),
      refused: fs.exists(events) ? (readKeyed(fs, events).get('max') ?? 0) : 0,
    };
  },
};

export const pidsV1 = pidsController;
export const pidsV2 = pidsController;

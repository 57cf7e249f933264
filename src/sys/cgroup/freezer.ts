import { join } from 'node:path';
import type { CgroupFs } from './fs.js';
import { readKeyed } from './fs.js';

/**
 * Freezing a cgroup (and everything beneath it) so its processes can
 * neither fork nor exit while they are being killed one by one.
 */
export interface Freezer {
  freeze(fs: CgroupFs, dir: string): void;
  thaw(fs: CgroupFs, dir: string): void;
  /** True once every task beneath dir is frozen. */
  frozen(fs: CgroupFs, dir: string): boolean;
}

/** v1 freezer hierarchy. Equivalent: `echo FROZEN > freezer.state` … `echo THAWED > freezer.state`. */
export const freezerV1: Freezer = {
  freeze: (fs, dir) => fs.write(join(dir, 'freezer.state'), 'FROZEN'),
  thaw: (fs, dir) => fs.write(join(dir, 'freezer.state'), 'THAWED'),
  frozen: (fs, dir) => fs.read(join(dir, 'freezer.state')).trim() === 'FROZEN',
};

/** v2 core freezer. Equivalent: `echo 1 > cgroup.freeze` … `echo 0 > cgroup.freeze`. */
export const freezerV2: Freezer = {
  freeze: (fs, dir) => fs.write(join(dir, 'cgroup.freeze'), '1'),
  thaw: (fs, dir) => fs.write(join(dir, 'cgroup.freeze'), '0'),
  frozen: (fs, dir) => readKeyed(fs, join(dir, 'cgroup.events')).get('frozen') === 1,
};

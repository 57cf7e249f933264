import { join, posix } from 'node:path';
import { cgroupDir, detectCgroups, isBeneath, type CgroupLayout, type Hierarchy } from './detect.js';
import { CgroupError } from './errors.js';
import { realCgroupFs, type CgroupFs } from './fs.js';
import { labCgroupName, checkCgroupName, type CgroupRecord, type LabTree, type CgroupManager } from './record.js';
import { CgroupV1Manager } from './v1.js';
import { CgroupV2Manager, V2_CONTROLLERS } from './v2.js';

export interface ManagerOptions {
  /** The machine's layout; detected once from /proc when left out. */
  readonly layout?: CgroupLayout;
  /**
   * Where the lab cgroup goes. "/a/b" counts from the root of each
   * hierarchy, "a/b" from the invoking process's own cgroup. Default: on
   * v1 (and hybrid) the invoking process's own cgroup, on v2 the root. On
   * v1 it must be at or beneath the invoking process's own cgroup. The
   * parent must exist; nslab only reads it.
   */
  readonly parent?: string;
  readonly fs?: CgroupFs;
  /** Hybrid machines: also put nodes in the cgroup2 tree, for cgroup.kill (default true). */
  readonly useUnified?: boolean;
  /** How to kill one process; SIGKILL unless a test says otherwise. */
  readonly signal?: (pid: number) => void;
}

/** The v1 controllers a lab uses (cpuacct and freezer for stats and kill). */
export const V1_USED = ['memory', 'cpu', 'cpuacct', 'cpuset', 'pids', 'freezer'] as const;

/** The parent cgroup's directory in one hierarchy, checked. */
function parentDir(h: Hierarchy, parent: string | undefined, fallback: string, beneathOwn: boolean, fs: CgroupFs): string {
  const path = parent === undefined ? fallback : parent.startsWith('/') ? posix.normalize(parent) : posix.join(h.ownPath, parent);
  const label = h.controllers.length ? h.controllers.join(',') : 'cgroup2';
  if (beneathOwn && !isBeneath(path, h.ownPath)) {
    throw new CgroupError(`use ${path} as the cgroup parent in the ${label} hierarchy at`, h.mount, {
      hint: `with cgroup v1 nslab creates its cgroups only at or beneath its own (${h.ownPath}), so the limits it runs under still hold; give a path beneath it, or a relative one`,
    });
  }
  const dir = cgroupDir(h, path);
  if (dir === undefined) {
    throw new CgroupError(`find cgroup ${path} of the ${label} hierarchy under`, h.mount, { hint: `only ${h.mountRoot} and beneath are mounted there` });
  }
  if (!fs.exists(dir)) throw new CgroupError('use as the cgroup parent', dir, { code: 'ENOENT', hint: 'create it first or choose another parent' });
  return dir;
}

/**
 * The manager for a new lab, of the kind this machine needs: v2 on a pure
 * v2 machine, v1 (with the cgroup2 tree alongside when hybrid) otherwise.
 * Nothing is created until create().
 */
export function createCgroupManager(lab: string, opts: ManagerOptions = {}): CgroupManager {
  checkCgroupName('lab', lab);
  const fs = opts.fs ?? realCgroupFs;
  const layout = opts.layout ?? detectCgroups();
  const name = labCgroupName(lab);
  if (layout.mode === 'v2') {
    const h = layout.unified;
    if (!h) throw new CgroupError('find the cgroup2 tree in', '/proc/self/mountinfo');
    const parent = parentDir(h, opts.parent, '/', false, fs);
    const offered = fs.read(join(parent, 'cgroup.subtree_control')).trim().split(/\s+/);
    const controllers = V2_CONTROLLERS.filter((c) => offered.includes(c));
    return new CgroupV2Manager(lab, [{ key: 'unified', kind: 'v2', controllers, labDir: join(parent, name) }], fs, opts.signal);
  }
  const trees: LabTree[] = [];
  for (const h of layout.v1) {
    const used = h.controllers.filter((c) => (V1_USED as readonly string[]).includes(c));
    if (used.length === 0) continue;
    const parent = parentDir(h, opts.parent, h.ownPath, true, fs);
    trees.push({ key: h.controllers.join(','), kind: 'v1', controllers: used, labDir: join(parent, name) });
  }
  if (layout.mode === 'hybrid' && layout.unified && opts.useUnified !== false) {
    const h = layout.unified;
    trees.push({ key: 'unified', kind: 'v2', controllers: [], labDir: join(parentDir(h, opts.parent, h.ownPath, true, fs), name) });
  }
  return new CgroupV1Manager(lab, trees, fs, opts.signal);
}

/** The manager of a lab that is up, from its state record (for `down`, `exec`, `inspect`). */
export function openCgroupManager(record: CgroupRecord, opts: Pick<ManagerOptions, 'fs' | 'signal'> = {}): CgroupManager {
  const fs = opts.fs ?? realCgroupFs;
  const want = labCgroupName(record.lab);
  for (const t of record.trees) {
    if (posix.basename(t.labDir) !== want) {
      throw new CgroupError('trust the state record entry', t.labDir, { hint: `a lab cgroup of lab "${record.lab}" is named ${want}` });
    }
  }
  return record.version === 'v2'
    ? new CgroupV2Manager(record.lab, record.trees, fs, opts.signal)
    : new CgroupV1Manager(record.lab, record.trees, fs, opts.signal);
}

import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { CgroupError } from './errors.js';

/**
 * Which cgroup layout this machine has, decided once from
 * /proc/self/mountinfo and /proc/self/cgroup:
 *
 * - `v2`: only the unified hierarchy carries controllers (most machines
 *   today; /sys/fs/cgroup is cgroup2);
 * - `hybrid`: controllers on v1 hierarchies (/sys/fs/cgroup/<ctrl>), plus a
 *   cgroup2 tree without controllers (/sys/fs/cgroup/unified), which still
 *   has cgroup.kill and cgroup.freeze;
 * - `v1`: v1 hierarchies only.
 */
export type CgroupMode = 'v2' | 'hybrid' | 'v1';

/** Where one hierarchy is mounted and where the calling process sits in it. */
export interface Hierarchy {
  /** v1 controllers of this hierarchy ("cpu", "cpuacct" when co-mounted); empty for cgroup2. */
  readonly controllers: readonly string[];
  /** Mount point, e.g. /sys/fs/cgroup/memory. */
  readonly mount: string;
  /** The part of the hierarchy that is mounted there (mountinfo's root field, usually "/"). */
  readonly mountRoot: string;
  /** The calling process's cgroup, as /proc/self/cgroup names it, e.g. /process_api/abc. */
  readonly ownPath: string;
}

export interface CgroupLayout {
  readonly mode: CgroupMode;
  /** v1 hierarchies with at least one controller (empty in v2 mode). */
  readonly v1: readonly Hierarchy[];
  /** The cgroup2 tree, if mounted. */
  readonly unified: Hierarchy | undefined;
}

/** The v1 controllers the kernel can mount; anything else in the super options is an option. */
const V1_CONTROLLERS = new Set([
  'cpu',
  'cpuacct',
  'cpuset',
  'memory',
  'devices',
  'freezer',
  'net_cls',
  'net_prio',
  'blkio',
  'perf_event',
  'hugetlb',
  'pids',
  'rdma',
  'misc',
]);

interface CgroupMount {
  readonly fstype: 'cgroup' | 'cgroup2';
  readonly mount: string;
  readonly mountRoot: string;
  readonly controllers: string[];
}

/** mountinfo escapes space, tab, newline and backslash as \ooo. */
function unescapeMountinfo(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** The cgroup and cgroup2 mounts in a mountinfo text (proc(5)). */
export function parseCgroupMounts(mountinfo: string): CgroupMount[] {
  const out: CgroupMount[] = [];
  for (const line of mountinfo.split('\n')) {
    const dash = line.indexOf(' - ');
    if (dash < 0) continue;
    const pre = line.slice(0, dash).split(' ');
    const [fstype, , superOpts = ''] = line.slice(dash + 3).split(' ');
    if (fstype !== 'cgroup' && fstype !== 'cgroup2') continue;
    const mountRoot = unescapeMountinfo(pre[3] ?? '/');
    const mount = unescapeMountinfo(pre[4] ?? '');
    const controllers = fstype === 'cgroup' ? superOpts.split(',').filter((o) => V1_CONTROLLERS.has(o)) : [];
    out.push({ fstype, mount, mountRoot, controllers });
  }
  return out;
}

/** /proc/self/cgroup: controller list ("" for cgroup2) → path. */
export function parseProcCgroup(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line);
    if (!m) continue;
    out.set(m[2] ?? '', m[3] ?? '/');
  }
  return out;
}

/** Decide the layout from the two texts (pure; detectCgroups() reads them). */
export function cgroupLayout(mountinfo: string, procCgroup: string): CgroupLayout {
  const mounts = parseCgroupMounts(mountinfo);
  const own = parseProcCgroup(procCgroup);
  const v1: Hierarchy[] = [];
  const seen = new Set<string>();
  for (const m of mounts) {
    if (m.fstype !== 'cgroup' || m.controllers.length === 0) continue;
    const key = m.controllers.join(',');
    if (seen.has(key)) continue; // the same hierarchy mounted twice
    // /proc/self/cgroup lists the hierarchy by the same controller list (kernel order).
    const ownPath = [...own].find(([k]) => k.split(',').sort().join(',') === [...m.controllers].sort().join(','))?.[1];
    if (ownPath === undefined) continue;
    seen.add(key);
    v1.push({ controllers: m.controllers, mount: m.mount, mountRoot: m.mountRoot, ownPath });
  }
  const u = mounts.find((m) => m.fstype === 'cgroup2');
  const unified = u && own.has('') ? { controllers: [], mount: u.mount, mountRoot: u.mountRoot, ownPath: own.get('') ?? '/' } : undefined;
  if (v1.length > 0) return { mode: unified ? 'hybrid' : 'v1', v1, unified };
  if (unified) return { mode: 'v2', v1: [], unified };
  throw new CgroupError('find a cgroup file system in', '/proc/self/mountinfo', {
    hint: 'mount one (mount -t cgroup2 none /sys/fs/cgroup) or run without cgroup limits',
  });
}

/** Read this machine's layout. */
export function detectCgroups(): CgroupLayout {
  return cgroupLayout(readFileSync('/proc/self/mountinfo', 'utf8'), readFileSync('/proc/self/cgroup', 'utf8'));
}

/** The directory of a cgroup path (as /proc/PID/cgroup spells it) in a hierarchy, or undefined if it is not mounted. */
export function cgroupDir(h: Hierarchy, cgPath: string): string | undefined {
  const rel = posix.relative(h.mountRoot, posix.resolve('/', cgPath));
  if (rel.startsWith('..')) return undefined;
  return rel === '' ? h.mount : join(h.mount, rel);
}

/** True if `path` is `base` or lies beneath it (cgroup paths, both absolute). */
export function isBeneath(path: string, base: string): boolean {
  const rel = posix.relative(base, path);
  return rel === '' || (!rel.startsWith('..') && !posix.isAbsolute(rel));
}

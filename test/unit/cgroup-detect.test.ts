import { describe, expect, it } from 'vitest';
import { cgroupDir, cgroupLayout, isBeneath, parseCgroupMounts, parseProcCgroup } from '../../src/sys/cgroup/detect.js';
import { CgroupError } from '../../src/sys/cgroup/index.js';

// This machine (hybrid), trimmed from /proc/self/mountinfo and /proc/self/cgroup.
const HYBRID_MOUNTINFO = `23 1 0:21 / /sys rw,nosuid - sysfs sysfs rw
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
`;
const HYBRID_CGROUP = `9:name=systemd:/
8:pids:/
7:blkio:/
6:freezer:/
5:devices:/
4:memory:/process_api/bddd66719c99452bda7c2ab38ab15bb6
3:cpuset:/
2:cpuacct:/
1:cpu:/
0::/
`;

// A systemd machine with the unified hierarchy only.
const V2_MOUNTINFO = `24 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
35 24 0:30 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
`;
const V2_CGROUP = '0::/user.slice/user-1000.slice/session-3.scope\n';

// An older distribution: v1 only, cpu and cpuacct co-mounted, one named hierarchy.
const V1_MOUNTINFO = `25 18 0:22 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755
26 25 0:23 / /sys/fs/cgroup/systemd rw,nosuid - cgroup cgroup rw,xattr,release_agent=/lib/systemd/systemd-cgroups-agent,name=systemd
28 25 0:25 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid - cgroup cgroup rw,cpu,cpuacct
29 25 0:26 / /sys/fs/cgroup/memory rw,nosuid - cgroup cgroup rw,memory
30 25 0:27 / /sys/fs/cgroup/pids rw,nosuid - cgroup cgroup rw,pids
`;
const V1_CGROUP = `5:pids:/user.slice/user-0.slice
4:memory:/user.slice
3:cpu,cpuacct:/user.slice
1:name=systemd:/user.slice/user-0.slice/session-1.scope
`;

describe('cgroupLayout()', () => {
  it('recognises this machine as hybrid, with the process cgroup of each hierarchy', () => {
    const l = cgroupLayout(HYBRID_MOUNTINFO, HYBRID_CGROUP);
    expect(l.mode).toBe('hybrid');
    expect(l.v1.map((h) => h.controllers.join(','))).toEqual(['cpu', 'cpuacct', 'cpuset', 'memory', 'devices', 'freezer', 'blkio', 'pids']);
    const mem = l.v1.find((h) => h.controllers.includes('memory'));
    expect(mem).toMatchObject({ mount: '/sys/fs/cgroup/memory', ownPath: '/process_api/bddd66719c99452bda7c2ab38ab15bb6' });
    expect(l.unified).toMatchObject({ mount: '/sys/fs/cgroup/unified', ownPath: '/' });
  });

  it('recognises pure v2 and ignores named v1 hierarchies without controllers', () => {
    const l = cgroupLayout(V2_MOUNTINFO + '99 25 0:40 / /run/x rw - cgroup cgroup rw,name=systemd\n', V2_CGROUP);
    expect(l.mode).toBe('v2');
    expect(l.v1).toEqual([]);
    expect(l.unified).toMatchObject({ mount: '/sys/fs/cgroup', ownPath: '/user.slice/user-1000.slice/session-3.scope' });
  });

  it('recognises pure v1 with co-mounted controllers', () => {
    const l = cgroupLayout(V1_MOUNTINFO, V1_CGROUP);
    expect(l.mode).toBe('v1');
    expect(l.unified).toBeUndefined();
    expect(l.v1.map((h) => [h.mount, h.controllers.join(','), h.ownPath])).toEqual([
      ['/sys/fs/cgroup/cpu,cpuacct', 'cpu,cpuacct', '/user.slice'],
      ['/sys/fs/cgroup/memory', 'memory', '/user.slice'],
      ['/sys/fs/cgroup/pids', 'pids', '/user.slice/user-0.slice'],
    ]);
  });

  it('says so when no cgroup file system is mounted', () => {
    expect(() => cgroupLayout('23 1 0:21 / /sys rw - sysfs sysfs rw\n', '')).toThrow(CgroupError);
    expect(() => cgroupLayout('', '')).toThrow('cannot find a cgroup file system in /proc/self/mountinfo');
  });

  it('reads escaped mount points', () => {
    const m = parseCgroupMounts('41 31 0:38 / /mnt/my\\040cgroups rw - cgroup2 cgroup2 rw\n');
    expect(m[0]?.mount).toBe('/mnt/my cgroups');
  });

  it('parses /proc/self/cgroup lines', () => {
    const m = parseProcCgroup(HYBRID_CGROUP);
    expect(m.get('memory')).toBe('/process_api/bddd66719c99452bda7c2ab38ab15bb6');
    expect(m.get('')).toBe('/');
    expect(m.get('name=systemd')).toBe('/');
  });
});

describe('cgroupDir()', () => {
  const h = { controllers: ['memory'], mount: '/sys/fs/cgroup/memory', mountRoot: '/', ownPath: '/a' };
  it('maps a cgroup path to its directory under the mount', () => {
    expect(cgroupDir(h, '/')).toBe('/sys/fs/cgroup/memory');
    expect(cgroupDir(h, '/a/b')).toBe('/sys/fs/cgroup/memory/a/b');
  });
  it('honours a mount of a sub-tree (a container), and refuses paths outside it', () => {
    const c = { ...h, mountRoot: '/docker/abc' };
    expect(cgroupDir(c, '/docker/abc/x')).toBe('/sys/fs/cgroup/memory/x');
    expect(cgroupDir(c, '/other')).toBeUndefined();
  });
});

describe('isBeneath()', () => {
  it('accepts the path itself and descendants, not siblings or ancestors', () => {
    expect(isBeneath('/a', '/a')).toBe(true);
    expect(isBeneath('/a/b', '/a')).toBe(true);
    expect(isBeneath('/ab', '/a')).toBe(false);
    expect(isBeneath('/', '/a')).toBe(false);
    expect(isBeneath('/x', '/')).toBe(true);
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { libc, O_CLOEXEC, O_RDONLY } from '../../src/os/libc.js';
import { inNetns } from '../../src/os/thread-netns.js';
import { ProcSys } from '../../src/sys/proc-sys.js';
import { isRoot, uniqueLab } from '../helpers/nslab.js';

const KEY = 'net.ipv4.conf.default.rp_filter';
const FILE = `/proc/sys/${KEY.replaceAll('.', '/')}`;
/** More than one procfs instance serves (64 namespaces each). */
const COUNT = 140;
const made: string[] = [];

afterAll(() => {
  for (const name of made) spawnSync('ip', ['netns', 'del', name]);
});

describe.skipIf(!isRoot)("sysctls written through nslab's own procfs instances", () => {
  it("reach each thread's own namespace, across instances, and leave the machine's value alone (ip netns exec … sysctl)", () => {
    const hostBefore = readFileSync(FILE, 'utf8');
    const prefix = uniqueLab('ps');
    const procSys = new ProcSys();
    try {
      for (let i = 0; i < COUNT; i++) {
        const name = `${prefix}-${i}`;
        execFileSync('ip', ['netns', 'add', name]);
        made.push(name);
        const fd = libc.open(`/run/netns/${name}`, O_RDONLY | O_CLOEXEC);
        try {
          inNetns(fd, () => procSys.writeAll([[KEY, i % 3], ['net.ipv4.ip_forward', i % 2]]));
        } finally {
          libc.close(fd);
        }
      }
    } finally {
      procSys.close();
    }
    for (const i of [0, 1, 2, 63, 64, 65, 127, 128, COUNT - 1]) {
      const got = execFileSync('ip', ['netns', 'exec', `${prefix}-${i}`, 'sysctl', '-n', KEY, 'net.ipv4.ip_forward'], { encoding: 'utf8' });
      expect(got.split('\n').slice(0, 2), `namespace ${i}`).toEqual([String(i % 3), String(i % 2)]);
    }
    expect(readFileSync(FILE, 'utf8')).toBe(hostBefore);
  });

  it('names the key and the file when the kernel refuses a write', () => {
    const name = `${uniqueLab('ps')}-bad`;
    execFileSync('ip', ['netns', 'add', name]);
    made.push(name);
    const fd = libc.open(`/run/netns/${name}`, O_RDONLY | O_CLOEXEC);
    const procSys = new ProcSys();
    try {
      expect(() => inNetns(fd, () => procSys.writeAll([['net.ipv4.no_such_key', 1]]))).toThrow(/net\.ipv4\.no_such_key=1 \(\/proc\/sys\/net\/ipv4\/no_such_key\)/);
    } finally {
      procSys.close();
      libc.close(fd);
    }
  });
});

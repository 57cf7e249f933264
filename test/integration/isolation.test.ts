import { execa, type ResultPromise } from 'execa';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsolationView } from '../../src/lab/isolation-view.js';
import { descendants } from '../helpers/procs.js';
import { CLI, isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

/*
 * `nslab inspect --isolation --json` against what the machine's own /proc
 * says of the same process: `readlink /proc/PID/ns/*` (coreutils),
 * /proc/PID/uid_map and gid_map, and the Cap*, NoNewPrivs and Seccomp lines
 * of /proc/PID/status, decoded here by hand.
 */

const lab = uniqueLab('iso');
const file = writeTopology(
  'iso.yaml',
  `name: ${lab}
topology:
  nodes:
    a: { cap-drop: [NET_RAW], pids: 50, memory: 48MiB }
    b: {}
    c: { isolation: network, seccomp: unconfined }
  links:
    - endpoints: [a, b]
    - endpoints: [b, c]
`,
);


const status = (pid: number): string => readFileSync(`/proc/${pid}/status`, 'utf8');
const field = (s: string, key: string): string => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(s)?.[1]?.trim() ?? '';
/** Capability names of a /proc status mask, by bit (linux/capability.h numbering, written out here). */
const CAP_BITS = ['CHOWN', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'FOWNER', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'SETPCAP', 'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'NET_ADMIN', 'NET_RAW'];
function decode(hex: string): string[] {
  const m = BigInt(`0x${hex}`);
  const out: string[] = [];
  for (let bit = 0n; bit < 64n; bit++) if (m & (1n << bit)) out.push(CAP_BITS[Number(bit)] ?? `bit${bit}`);
  return out;
}

async function readlinkNs(pid: number, type: string): Promise<number> {
  const r = await execa('readlink', [`/proc/${pid}/ns/${type}`]);
  return Number(/\[(\d+)\]/.exec(r.stdout)?.[1]);
}

describe.skipIf(!isRoot)('nslab inspect --isolation', () => {
  const sleepers: number[] = [];
  const LAUNCH = { reject: false, stdio: 'ignore' } as const;
  const launchers: ResultPromise<typeof LAUNCH>[] = [];
  let view: IsolationView;

  async function startSleep(node: string): Promise<number> {
    // No pipes: the node's init, started by this first exec, would hold them open.
    const child = execa('node', [CLI, 'exec', lab, node, '--', '/bin/sleep', '60'], LAUNCH);
    launchers.push(child);
    for (let i = 0; i < 200; i++) {
      const pid = descendants(child.pid ?? 0).find((p) => {
        try {
          // This sleep, not the idle one the node's init may have started.
          return readFileSync(`/proc/${p}/cmdline`, 'utf8') === '/bin/sleep\u000060\u0000';
        } catch {
          return false;
        }
      });
      if (pid !== undefined) {
        sleepers.push(pid);
        return pid;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`sleep did not start in ${node}`);
  }

  beforeAll(async () => {
    const up = await nslab(['up', file]);
    expect(up.exitCode, up.stderr).toBe(0);
    await startSleep('a');
    await startSleep('c');
    const r = await nslab(['inspect', '--isolation', lab, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    view = JSON.parse(r.stdout) as IsolationView;
  }, 60_000);

  afterAll(async () => {
    for (const pid of sleepers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    for (const l of launchers) l.kill('SIGKILL');
    await Promise.allSettled(launchers);
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  const node = (name: string) => {
    const n = view.nodes.find((x) => x.node === name);
    if (!n) throw new Error(`no node ${name} in the view`);
    return n;
  };

  it('reads a node from the command running in it, and its namespaces are what readlink /proc/PID/ns/* says', async () => {
    const a = node('a');
    expect(a.process).toMatchObject({ pid: sleepers[0], name: 'sleep', role: 'command' });
    const pid = sleepers[0] as number;
    for (const t of ['mnt', 'uts', 'ipc', 'user', 'pid', 'net', 'cgroup'] as const) {
      expect(a.namespaces[t]?.inode, t).toBe(await readlinkNs(pid, t));
      expect(a.namespaces[t]?.host, t).toBe(false);
    }
    // The network namespace is the one ip netns pinned.
    const pinned = (await execa('stat', ['-L', '-c', '%i', `/run/netns/${lab}-a`])).stdout;
    expect(a.namespaces.net?.inode).toBe(Number(pinned));
  });

  it('says which namespaces nodes share: one user namespace per lab, and a network-isolation node shares the host’s', async () => {
    expect(node('a').namespaces.user?.sharedWith).toEqual(['b']);
    expect(node('a').namespaces.net?.sharedWith).toEqual([]);
    const c = node('c');
    expect(c.namespaces.user?.host).toBe(true);
    expect(c.namespaces.pid?.host).toBe(true);
    expect(c.namespaces.net?.host).toBe(false);
    expect(c.namespaces.user?.inode).toBe(await readlinkNs(process.pid, 'user'));
  });

  it('shows the uid/gid maps of /proc/PID/uid_map', () => {
    const pid = sleepers[0] as number;
    const squeeze = (t: string): string[] => t.split('\n').map((l) => l.trim().split(/\s+/).join(' ')).filter(Boolean);
    expect(node('a').uidMap).toEqual(squeeze(readFileSync(`/proc/${pid}/uid_map`, 'utf8')));
    expect(node('a').gidMap).toEqual(squeeze(readFileSync(`/proc/${pid}/gid_map`, 'utf8')));
    expect(node('a').uidMap[0]).toMatch(/^0 \d+ 65536$/);
  });

  it('decodes the capability sets, no_new_privs and seccomp of /proc/PID/status', () => {
    const s = status(sleepers[0] as number);
    const a = node('a');
    expect(a.capabilities?.masks.effective).toBe(field(s, 'CapEff'));
    expect(a.capabilities?.masks.bounding).toBe(field(s, 'CapBnd'));
    // The first 14 bits are named here; a has NET_ADMIN but not NET_RAW (cap-drop).
    expect(a.capabilities?.effective.filter((c) => CAP_BITS.includes(c))).toEqual(decode(field(s, 'CapEff')).filter((c) => !c.startsWith('bit')));
    expect(a.capabilities?.effective).toContain('NET_ADMIN');
    expect(a.capabilities?.effective).not.toContain('NET_RAW');
    expect(a.noNewPrivs).toBe(field(s, 'NoNewPrivs') === '1');
    expect(a.seccomp).toEqual({ mode: Number(field(s, 'Seccomp')), modeName: 'filter', filters: Number(field(s, 'Seccomp_filters')) });
    const c = status(sleepers[1] as number);
    expect(node('c').seccomp).toEqual({ mode: 0, modeName: 'disabled', filters: 0 });
    expect(field(c, 'Seccomp')).toBe('0');
  });

  it('shows cgroup use against limits, as the cgroup files have them', () => {
    const a = node('a');
    expect(a.cgroups?.pids?.limit).toBe(50);
    expect(a.cgroups?.pids?.current).toBeGreaterThanOrEqual(1);
    expect(a.cgroups?.memory?.limit).toBe(48 * 1024 * 1024);
    expect(a.cgroups?.memory?.used).toBeGreaterThan(0);
  });

  it('shows what it can of a node where nothing runs', () => {
    const b = node('b');
    expect(b.process).toBeNull();
    expect(b.capabilities).toBeNull();
    expect(b.namespaces.net?.inode).toBeGreaterThan(0);
    expect(b.namespaces.user?.inode).toBe(node('a').namespaces.user?.inode);
  });
});

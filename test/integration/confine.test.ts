import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { DEFAULT_NODE_CAPS, capMask, formatMask } from '../../src/sys/caps/index.js';
import { CLI, isRoot, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

const lab = uniqueLab('conf');

const TOPOLOGY = `name: ${lab}
topology:
  defaults:
    pids: 48
  nodes:
    h1:
      memory: 32MiB
      exec:
        - "ip link set lo mtu 65000"
        - "echo pool=\${UV_THREADPOOL_SIZE-unset}"
        - { cmd: "exec sleep 1000", background: true }
    h2: { cap-drop: [NET_ADMIN] }
    h3: { seccomp: unconfined, cap-add: [SYS_ADMIN] }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.77.0.1/24 }, { node: h2, interface: eth0, ipv4: 10.77.0.2/24 }]
    - endpoints: [{ node: h1, interface: eth1, ipv4: 10.78.0.1/24 }, { node: h3, interface: eth0, ipv4: 10.78.0.3/24 }]
`;

/** Run a command in a node through the CLI, as a user would. */
async function inNode(node: string, script: string, timeout = 30_000) {
  return execa('node', [CLI, 'exec', lab, node, '--', 'sh', '-c', script], { reject: false, timeout, stdin: 'ignore' });
}

/** Alive and not a zombie (this machine's pid 1 may not reap orphans at once). */
function running(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '')[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function status(text: string, key: string): string {
  return new RegExp(`^${key}:\\s*(\\S+)`, 'm').exec(text)?.[1] ?? '';
}

interface Facts {
  confine: { cgroups: { trees: Array<{ key: string; labDir: string }> } };
}
function facts(): Facts {
  return (JSON.parse(readFileSync(`/run/nslab/${lab}/lab.json`, 'utf8')) as { facts: Facts }).facts;
}
function nodeCgroup(key: string, node: string): string {
  // cgroup v1 has a hierarchy per controller; on v2 (or for what v1 lacks) the unified tree holds them all.
  const trees = facts().confine.cgroups.trees;
  const tree = trees.find((t) => t.key === key || t.key.split(',').includes(key)) ?? trees.find((t) => t.key === 'unified');
  if (!tree) throw new Error(`no ${key} tree among ${trees.map((t) => t.key).join(', ')}`);
  return `${tree.labDir}/${node}`;
}

describe.skipIf(!isRoot)('confined nodes and nslab exec', () => {
  let sleeper = 0;
  beforeAll(async () => {
    const r = await nslab(['up', writeTopology('conf.yaml', TOPOLOGY)]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
  afterAll(async () => {
    await nslab(['down', lab]);
  });

  it('gives the node its capability set, no_new_privs, a seccomp filter and its hostname', async () => {
    const r = await inNode('h1', 'cat /proc/self/status; hostname');
    expect(r.exitCode).toBe(0);
    const mask = formatMask(capMask(DEFAULT_NODE_CAPS));
    expect(status(r.stdout, 'CapBnd')).toBe(mask);
    expect(status(r.stdout, 'CapEff')).toBe(mask);
    expect(status(r.stdout, 'NoNewPrivs')).toBe('1');
    expect(status(r.stdout, 'Seccomp')).toBe('2');
    expect(r.stdout.trim().split('\n').pop()).toBe('h1');
  });

  it('shows only the node’s interfaces, in ip link and in /sys/class/net', async () => {
    const r = await inNode('h1', 'ip -j link; echo; ls /sys/class/net');
    const [json, sys] = r.stdout.split('\n\n');
    expect((JSON.parse(json ?? '[]') as Array<{ ifname: string }>).map((l) => l.ifname).sort()).toEqual(['eth0', 'eth1', 'lo']);
    expect((sys ?? '').trim().split('\n').sort()).toEqual(['eth0', 'eth1', 'lo']);
  });

  it('ran the start-up command in the node (lo mtu) and left the background one running in its cgroup', async () => {
    const lo = JSON.parse((await execa('ip', ['-n', `${lab}-h1`, '-j', 'link', 'show', 'lo'])).stdout) as Array<{ mtu: number }>;
    expect(lo[0]?.mtu).toBe(65000);
    const procs = readFileSync(`${nodeCgroup('pids', 'h1')}/cgroup.procs`, 'utf8').trim().split('\n').filter(Boolean).map(Number);
    const comms = procs.map((p) => readFileSync(`/proc/${p}/comm`, 'utf8').trim());
    expect(comms).toContain('sleep');
    sleeper = procs[comms.indexOf('sleep')] ?? 0;
    expect(sleeper).toBeGreaterThan(0);
  });

  it('puts what nslab exec runs into the node’s cgroup in every hierarchy the lab uses', async () => {
    const child = execa('node', [CLI, 'exec', lab, 'h2', '--', 'sleep', '60'], { reject: false, stdin: 'ignore' });
    let pid = 0;
    try {
      const inPids = (): number[] => readFileSync(`${nodeCgroup('pids', 'h2')}/cgroup.procs`, 'utf8').trim().split('\n').filter(Boolean).map(Number);
      for (let i = 0; i < 200 && pid === 0; i++) {
        // By its arguments: the node's init keeps a `sleep 86400` in the same cgroup.
        pid = inPids().find((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8') === 'sleep\u000060\u0000') ?? 0;
        if (pid === 0) await new Promise((r) => setTimeout(r, 25));
      }
      expect(pid).toBeGreaterThan(0);
      for (const tree of facts().confine.cgroups.trees) {
        const procs = readFileSync(`${tree.labDir}/h2/cgroup.procs`, 'utf8').trim().split('\n').map(Number);
        expect({ tree: tree.key, has: procs.includes(pid) }).toEqual({ tree: tree.key, has: true });
      }
    } finally {
      if (pid > 0) process.kill(pid, 'SIGKILL');
      await child;
    }
  });

  it('gives commands the caller’s environment, not nslab’s own thread-pool size', async () => {
    expect(process.env.UV_THREADPOOL_SIZE).toBeUndefined();
    expect((await inNode('h1', 'echo pool=${UV_THREADPOOL_SIZE-unset}')).stdout.trim()).toBe('pool=unset');
    // Start-up commands ran from nslab up, which set its own.
    expect(readFileSync(`/run/nslab/${lab}/logs/h1.log`, 'utf8')).toContain('pool=unset');
  });

  it('refuses a denied syscall inside the node that works outside it', async () => {
    const inside = await inNode('h1', 'unshare -n true; echo "unshare=$?"; mount -t tmpfs x /mnt; echo "mount=$?"');
    expect(inside.stdout).toContain('unshare=1');
    expect(inside.stderr).toContain('unshare failed: Operation not permitted');
    expect(inside.stdout).not.toContain('mount=0');
    const outside = await execa('unshare', ['-n', 'true'], { reject: false });
    expect(outside.exitCode).toBe(0);
    // seccomp: unconfined plus SYS_ADMIN lets h3 make a namespace.
    const h3 = await inNode('h3', 'unshare -n true; echo "unshare=$?"');
    expect(h3.stdout).toContain('unshare=0');
  });

  it('lets a node with NET_ADMIN add an address and refuses one without', async () => {
    const without = await inNode('h2', 'ip addr add 10.77.0.12/24 dev eth0');
    expect(without.exitCode).not.toBe(0);
    expect(without.stderr).toContain('Operation not permitted');
    const withCap = await inNode('h1', 'ip addr add 10.77.0.11/24 dev eth0 && ip -br addr show eth0');
    expect(withCap.exitCode).toBe(0);
    expect(withCap.stdout).toContain('10.77.0.11/24');
  });

  it('passes the command’s exit code through', async () => {
    expect((await inNode('h1', 'exit 7')).exitCode).toBe(7);
  });

  it('stops a memory hog at the node’s limit and keeps the node usable', async () => {
    // tail holds a whole line in memory, and /dev/zero has no newline: 200 MB against a 32 MiB limit.
    const r = await inNode('h1', 'head -c 200000000 /dev/zero | tail -n 1 >/dev/null; echo "status=$?"', 60_000);
    expect(r.stdout).toMatch(/status=(137|1)/);
    expect(readFileSync(`${nodeCgroup('memory', 'h1')}/memory.limit_in_bytes`, 'utf8').trim()).toBe(String(32 * 1024 * 1024));
    expect((await inNode('h1', 'echo alive')).stdout.trim()).toBe('alive');
  });

  it('holds a process that forks without end at the pids limit (bounded)', async () => {
    const r = await inNode('h2', 'for i in $(seq 80); do sleep 2 & done; wait; echo done', 60_000);
    expect(r.stderr).toMatch(/fork|Resource temporarily unavailable/i);
    expect(readFileSync(`${nodeCgroup('pids', 'h2')}/pids.max`, 'utf8').trim()).toBe('48');
  });

  it('down kills the background process and leaves no process, cgroup or mount of the lab', async () => {
    expect(running(sleeper)).toBe(true);
    const trees = facts().confine.cgroups.trees.map((t) => t.labDir);
    const r = await nslab(['down', lab]);
    expect(r.exitCode).toBe(0);
    expect(running(sleeper)).toBe(false);
    for (const dir of trees) expect(existsSync(dir)).toBe(false);
    const mounts = readFileSync('/proc/self/mountinfo', 'utf8');
    expect(mounts).not.toContain(`/run/nslab/${lab}/`);
    expect(mounts).not.toContain(`/run/netns/${lab}-`);
    expect(readdirSync('/run/netns').filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });
});

describe('bad confinement input is named with file:line, and nothing is made', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unknown capability', 'h1: { cap-add: [NET_AMDIN] }', /bad\.yaml:4:21: topology\.nodes\.h1\.cap-add\[0\]: unknown capability "NET_AMDIN"; did you mean "NET_ADMIN"\?/],
    ['memory "lots"', 'h1: { memory: lots }', /bad\.yaml:4:19: topology\.nodes\.h1\.memory: "lots" is not an amount of memory/],
    ['a malformed seccomp profile', 'h1: { seccomp: ./broken.json }', /bad\.yaml:4:20: topology\.nodes\.h1\.seccomp: .*broken\.json/],
    ['a sysctl outside net.*', 'h1: { sysctls: { kernel.pid_max: 10 } }', /bad\.yaml:4:38: topology\.nodes\.h1\.sysctls\.kernel\.pid_max: sysctl 'kernel\.pid_max' is not a network sysctl: only net\.\* belong to a node’s network namespace/],
  ];
  for (const [what, node, expected] of cases) {
    it(`reports ${what}`, async () => {
      const name = uniqueLab('badc');
      const file = writeTopology('bad.yaml', `name: ${name}\ntopology:\n  nodes:\n    ${node}\n`);
      writeFileSyncNear(file, 'broken.json', '{ "defaultAction": "SCMP_ACT_ALLOW", "syscalls": [ { "names": ["mount"], "action": }');
      const r = await nslab(['validate', file]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(expected);
      expect(existsSync(`/run/nslab/${name}`)).toBe(false);
    });
  }
});

import { dirname, join } from 'node:path';
function writeFileSyncNear(file: string, name: string, text: string): void {
  writeFileSync(join(dirname(file), name), text);
}

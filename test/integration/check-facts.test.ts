import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/lab/check.js';
import { descendants, statusOf } from '../helpers/procs.js';
import { CLI, ipJson, isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

/*
 * expect: lines beyond reach: routes, addresses, sysctls, capabilities,
 * system calls, commands and `wait:`, on a lab that is up. Each answer of
 * `nslab check` is compared with what tools nobody here wrote say about the
 * same namespace: `ip -j route/addr`, /proc/sys read through
 * `ip netns exec`, /proc/PID/status of a process the test starts in the node.
 */

const lab = uniqueLab('fact');
const ns = (node: string): string => `${lab}-${node}`;

const HOLDS = [
  '  - { route: { node: h1, dst: default, via: 10.0.1.254, dev: eth0 } }',
  '  - { route: { node: h1, dst: 10.9.0.0/16, absent: true } }',
  '  - { address: { node: r1, dev: eth1, cidr: 10.0.2.254/24 } }',
  '  - { sysctl: { node: r1, key: net.ipv4.ip_forward, value: 1 } }',
  '  - { sysctl: { node: h1, key: kernel.hostname, value: h1 } }',
  '  - { capability: { node: r1, has: NET_ADMIN } }',
  '  - { capability: { node: h2, lacks: NET_RAW } }',
  '  - { syscall: { node: h1, name: mount } }',
  '  - { syscall: { node: h1, name: getpid, denied: false } }',
  '  - { command: { node: h1, run: "ip -br addr show eth0", output-matches: "10\\\\.0\\\\.1\\\\.1/24" } }',
  '  - { route: { node: h2, dst: 10.77.0.0/16, dev: eth0 }, wait: 20s }',
];
const FAILS = [
  '  - { route: { node: h1, dst: default, via: 10.0.1.253 } }',
  '  - { sysctl: { node: h1, key: net.ipv4.ip_forward, value: 1 } }',
  '  - { capability: { node: h2, has: NET_RAW } }',
  '  - { command: { node: h1, run: "exit 3" } }',
  '  - { address: { node: h2, dev: eth0, cidr: 10.0.2.1/24, absent: true } }',
];

const text = `name: ${lab}
topology:
  nodes:
    h1: { routes: ["default via 10.0.1.254"] }
    h2:
      routes: ["default via 10.0.2.254"]
      cap-drop: [NET_RAW]
      exec: [{ cmd: "sleep 2; ip route add 10.77.0.0/16 dev eth0", background: true }]
    r1: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.1.1/24 }, { node: r1, interface: eth0, ipv4: 10.0.1.254/24 }]
    - endpoints: [{ node: h2, interface: eth0, ipv4: 10.0.2.1/24 }, { node: r1, interface: eth1, ipv4: 10.0.2.254/24 }]
expect:
${[...HOLDS, ...FAILS].join('\n')}
`;
const file = writeTopology('facts.yaml', text);
const lineOf = (l: string): number => text.split('\n').indexOf(l) + 1;



interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
}

describe.skipIf(!isRoot)('nslab check: node facts', () => {
  let report: CheckReport;
  let exitCode: number | undefined;
  let stderr: string;

  beforeAll(async () => {
    const up = await nslab(['up', file]);
    expect(up.exitCode, up.stderr).toBe(0);
    const r = await nslab(['check', lab, '--json']);
    exitCode = r.exitCode;
    stderr = r.stderr;
    report = JSON.parse(r.stdout) as CheckReport;
  }, 120_000);

  afterAll(async () => {
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('holds what is true and fails what is not, each failure naming its line (exit 1)', () => {
    expect(report.expectations.map((e) => e.ok), JSON.stringify(report.expectations, null, 1)).toEqual([...HOLDS.map(() => true), ...FAILS.map(() => false)]);
    expect(exitCode).toBe(1);
    for (const l of FAILS) expect(stderr).toContain(`expectation failed at ${file}:${lineOf(l)}:`);
    for (const l of HOLDS) expect(stderr).not.toContain(`${file}:${lineOf(l)}:`);
    expect(report.summary).toMatchObject({ expectations: HOLDS.length + FAILS.length, failed: FAILS.length });
  });

  it('agrees with ip -j route and ip -j addr', async () => {
    const h1 = await ipJson<IpRoute[]>(['-n', ns('h1'), 'route', 'show']);
    expect(h1.find((r) => r.dst === 'default')).toMatchObject({ gateway: '10.0.1.254', dev: 'eth0' });
    expect(h1.some((r) => r.dst === '10.9.0.0/16')).toBe(false);
    const [eth1] = await ipJson<{ addr_info: { local: string; prefixlen: number }[] }[]>(['-n', ns('r1'), 'addr', 'show', 'eth1']);
    expect(eth1?.addr_info.map((a) => `${a.local}/${a.prefixlen}`)).toContain('10.0.2.254/24');
    // The route the background command added after 2 s: wait: retried until it was there.
    const h2 = await ipJson<IpRoute[]>(['-n', ns('h2'), 'route', 'show', '10.77.0.0/16']);
    expect(h2).toHaveLength(1);
    const waited = report.expectations[HOLDS.length - 1];
    expect(waited?.attempts).toBeGreaterThan(1);
  });

  it('agrees with /proc/sys read in the namespaces', async () => {
    const inNs = async (node: string, path: string): Promise<string> => (await execa('ip', ['netns', 'exec', ns(node), 'cat', path])).stdout.trim();
    expect(await inNs('r1', '/proc/sys/net/ipv4/ip_forward')).toBe('1');
    expect(await inNs('h1', '/proc/sys/net/ipv4/ip_forward')).toBe('0');
    expect(report.expectations[HOLDS.length + 1]?.detail).toBe('net.ipv4.ip_forward = 0');
  });

  it('agrees with /proc/PID/status of a process in the node', async () => {
    // A process started in h2 the way a student would, its status read from the machine's /proc.
    const child = execa('node', [CLI, 'exec', lab, 'h2', '--', '/bin/sleep', '30'], { reject: false });
    let sleeper: number | undefined;
    try {
      let status: string | undefined;
      for (let i = 0; i < 100 && status === undefined; i++) {
        await new Promise((r) => setTimeout(r, 50));
        sleeper = descendants(child.pid ?? 0).find((pid) => /^Name:\s+sleep$/m.test(statusOf(pid)));
        status = sleeper === undefined ? undefined : statusOf(sleeper);
      }
      const mask = (key: string): bigint => BigInt(`0x${new RegExp(`^${key}:\\s+(\\w+)$`, 'm').exec(status ?? '')?.[1] ?? 'x'}`);
      const NET_ADMIN = 1n << 12n;
      const NET_RAW = 1n << 13n;
      expect(mask('CapEff') & NET_RAW).toBe(0n);
      expect(mask('CapBnd') & NET_RAW).toBe(0n);
      expect(mask('CapEff') & NET_ADMIN).toBe(NET_ADMIN);
      expect(report.expectations[HOLDS.length + 2]?.detail).toBe('CAP_NET_RAW in a command run in h2: effective no, permitted no, bounding no');
    } finally {
      // The sleep is nsenter's child (it forks for the PID namespace): end it by its pid too.
      if (sleeper !== undefined) process.kill(sleeper, 'SIGKILL');
      child.kill('SIGKILL');
      await child;
    }
  });

  it('answers a syscall from the node’s filter as the kernel does: mount fails inside with EPERM', async () => {
    const r = await nslab(['exec', lab, 'h1', '--', '/bin/sh', '-c', 'mount -t tmpfs none /mnt; echo rc=$?']);
    expect(r.stdout + r.stderr).toMatch(/not permitted|permission denied/i);
    expect(report.expectations[7]?.detail).toMatch(/^h1's filter answers mount \(nr \d+ on \w+\) with errno 1$/);
  });
});

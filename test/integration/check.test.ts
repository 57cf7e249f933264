import { execa, type ResultPromise } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/lab/check.js';
import { TOPOLOGIES, ipJson, isRoot, netnsList, nslab as nslabRaw, uniqueLab, writeTopology } from '../helpers/nslab.js';

/** The CLI's result as text (the shared helper's execa Result type is wider than what it returns). */
async function nslab(args: readonly string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await nslabRaw(args);
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/*
 * `nslab check` on the leaf–spine example (2 spines, 4 leaves, 8 hosts: 14
 * addressed nodes, 182 ordered pairs) with expect: lines added, including a
 * TCP and a UDP service the test runs in h5 (node, started with
 * `ip netns exec`, stopped by pid). Then leaf1's uplink to spine1 is set
 * down with `nslab link set`: every leaf routes other racks through spine1,
 * so rack1 is cut off from the other racks, and the expectations that
 * crossed that link fail with their file:line and a non-zero exit.
 */

const lab = uniqueLab('chk');
const ns = (node: string): string => `${lab}-${node}`;

const EXPECT = [
  '  - { from: h1, reach: h3 }',
  '  - { from: h1, reach: h2 }',
  '  - { from: h1, reach: h5, port: 8080/tcp }',
  '  - { from: h3, not-reach: h4, port: 22/tcp }',
  '  - { from: h1, reach: h5, port: 5353/udp }',
  '  - { from: h1, not-reach: h6, port: 5353/udp }',
  '  - { from: h7, reach: "spine1:eth0" }',
];

const text = `${readFileSync(join(TOPOLOGIES, 'leaf-spine.yaml'), 'utf8').replace(/^name: .*$/m, `name: ${lab}`)}expect:\n${EXPECT.join('\n')}\n`;
const file = writeTopology('leaf-spine-expect.yaml', text);
/** "file:line:" of expect[i], as check must print it. */
const where = (i: number): string => `${file}:${text.split('\n').indexOf(EXPECT[i] as string) + 1}:`;

// The prober closes as soon as it is connected: the server must survive the reset.
const TCP_SERVER = `require('net').createServer((s) => { s.on('error', () => {}); s.end('hello\\n'); }).listen(8080, () => console.log('ready'))`;
const UDP_ECHO = `const d = require('dgram').createSocket('udp4'); d.on('message', (m, r) => d.send(m, r.port, r.address)); d.bind(5353, () => console.log('ready'))`;

const RUN = { reject: false, timeout: 120_000 } as const;
const servers: ResultPromise<typeof RUN>[] = [];

async function startServer(node: string, code: string): Promise<void> {
  const p = execa('ip', ['netns', 'exec', ns(node), process.execPath, '-e', code], RUN);
  servers.push(p);
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server in ${node} did not start`)), 5000);
    p.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
}

async function check(args: string[] = []): Promise<{ exitCode: number | undefined; report: CheckReport; stderr: string }> {
  const r = await nslab(['check', lab, '--json', ...args]);
  return { exitCode: r.exitCode, report: JSON.parse(r.stdout) as CheckReport, stderr: r.stderr };
}

function pair(r: CheckReport, from: string, to: string): string | undefined {
  return r.pairs.find((p) => p.from === from && p.to === to)?.status;
}

describe.skipIf(!isRoot)('nslab check on leaf–spine', () => {
  beforeAll(async () => {
    const up = await nslab(['up', file]);
    expect(up.exitCode, up.stderr).toBe(0);
    await startServer('h5', TCP_SERVER);
    await startServer('h5', UDP_ECHO);
  });

  afterAll(async () => {
    for (const p of servers) if (p.pid !== undefined && p.exitCode === null) p.kill('SIGKILL');
    await Promise.allSettled(servers);
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('finds the whole matrix reachable and every expectation holding (exit 0)', async () => {
    const { exitCode, report, stderr } = await check();
    expect(stderr).toBe('');
    expect(exitCode).toBe(0);
    expect(report.nodes).toHaveLength(14);
    expect(report.summary).toEqual({ pairs: 182, reachable: 182, partial: 0, unreachable: 0, expectations: 7, failed: 0 });
    expect(report.expectations.map((e) => [e.ok, e.detail])).toEqual([
      [true, 'reply from 10.0.1.1'],
      [true, 'reply from 10.0.0.2'],
      [true, 'connected to 10.0.2.1:8080/tcp'],
      [true, '10.0.1.2:22/tcp: connection refused'],
      [true, 'got an answer from 10.0.2.1:5353/udp'],
      [true, '10.0.2.2:5353/udp: port unreachable'],
      [true, 'reply from 10.255.0.2'],
    ]);
  });

  it('draws the matrix for a terminal', async () => {
    const r = await nslab(['check', lab]);
    expect(r.exitCode, r.stdout).toBe(0);
    expect(r.stdout.split('\n')).toContain(`h1       ${['✓', '✓', '✓', '✓', '✓', '✓', '·', '✓', '✓', '✓', '✓', '✓', '✓', '✓'].join(' ')}`);
    expect(r.stdout).toContain('182 of 182 pairs reach each other');
    expect(r.stdout).toContain('all 7 expectations hold');
  });

  it('shows the loss after leaf1 loses its link to spine1, and fails the expectations that crossed it (exit 1, file:line)', async () => {
    const set = await nslab(['link', 'set', lab, 'leaf1:eth0', '--down']);
    expect(set.exitCode, set.stderr).toBe(0);
    const [eth0] = await ipJson<{ flags: string[] }[]>(['-n', ns('leaf1'), 'link', 'show', 'eth0']);
    expect(eth0?.flags).not.toContain('UP');

    const { exitCode, report, stderr } = await check();
    expect(exitCode).toBe(1);
    expect(pair(report, 'h1', 'h3')).toBe('fail');
    expect(pair(report, 'h8', 'h2')).toBe('fail');
    expect(pair(report, 'h1', 'h2')).toBe('ok'); // the rack itself still works
    expect(pair(report, 'h3', 'h8')).toBe('ok'); // and so do the other racks
    expect(report.summary.reachable).toBeLessThan(182);
    // leaf1 lost its routes through eth0 and says so in ICMP (rate-limited, so not for every probe).
    const details = report.pairs.filter((p) => p.from === 'h1').flatMap((p) => p.probes.map((x) => x.detail));
    expect(details).toContain('network unreachable');
    expect(report.expectations.map((e) => e.ok)).toEqual([false, true, false, true, false, true, true]);
    expect(stderr).toContain(`expectation failed at ${where(0)}`);
    expect(stderr).toContain(`expectation failed at ${where(2)}`);
    expect(stderr).not.toContain(where(1));

    const human = await nslab(['check', lab]);
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain(`✗ FAILED ${where(0)}`);
    expect(human.stdout).toMatch(/expected h1 to reach h3; 10\.0\.1\.1: /);
    expect(human.stdout).toContain('3 of 7 expectations failed');
  });

  it('is whole again after the link comes back up (the routes the kernel dropped are put back)', async () => {
    const set = await nslab(['link', 'set', lab, 'leaf1:eth0', '--up']);
    expect(set.exitCode, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/leaf1:eth0 up, no impairment \(put back 0 addresses and \d+ routes/);
    const { exitCode, report, stderr } = await check();
    expect(exitCode, stderr).toBe(0);
    expect(report.summary.reachable).toBe(182);
  });
});

describe.skipIf(!isRoot)('nslab check without expect: lines', () => {
  // h3 sits on the same switch in another subnet, with no router: h1 and h2 cannot reach it.
  const split = uniqueLab('chks');
  const splitFile = writeTopology(
    'split.yaml',
    `name: ${split}
addressing: { auto: false }
topology:
  nodes:
    h1: { kind: host }
    h2: { kind: host }
    h3: { kind: host }
    sw1: { kind: bridge }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.1/24 }, "sw1:p1"]
    - endpoints: [{ node: h2, interface: eth0, ipv4: 10.0.0.2/24 }, "sw1:p2"]
    - endpoints: [{ node: h3, interface: eth0, ipv4: 10.9.0.3/24 }, "sw1:p3"]
`,
  );

  beforeAll(async () => {
    const up = await nslab(['up', splitFile]);
    expect(up.exitCode, up.stderr).toBe(0);
  });

  afterAll(async () => {
    await nslab(['down', split]);
    expect((await netnsList()).filter((n) => n.startsWith(`${split}-`))).toEqual([]);
  });

  it('exits 1 when pairs do not reach, saying the matrix was the test, and ping agrees with each verdict', async () => {
    const r = await nslab(['check', split, '--json']);
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.stdout) as CheckReport;
    expect(report.summary).toMatchObject({ pairs: 6, reachable: 2, unreachable: 4, expectations: 0 });
    expect(r.stderr).toContain('nslab check: 4 of 6 pairs do not fully reach each other, and the topology has no expect: lines saying that is intended');
    // A tool nobody here wrote, for one pair of each verdict.
    const ping = (from: string, to: string) => execa('ip', ['netns', 'exec', `${split}-${from}`, 'ping', '-c', '1', '-W', '1', to], { reject: false });
    expect(report.pairs.find((p) => p.from === 'h1' && p.to === 'h2')?.status).toBe('ok');
    expect((await ping('h1', '10.0.0.2')).exitCode).toBe(0);
    expect(report.pairs.find((p) => p.from === 'h1' && p.to === 'h3')?.status).toBe('fail');
    expect((await ping('h1', '10.9.0.3')).exitCode).not.toBe(0);
    const human = await nslab(['check', split]);
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain('2 of 6 pairs reach each other, 4 not at all');
  });
});

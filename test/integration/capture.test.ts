import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, exampleAs, ipJson, isRoot, netnsList, nslab, uniqueLab } from '../helpers/nslab.js';

/*
 * `nslab capture` on the two-host example (h1 10.0.0.1 — h2 10.0.0.2) and
 * on the bridge example (h1, h2, h3 on sw1). Traffic only between the
 * test's own namespaces, bounded in count. Files are read by Debian's
 * tcpdump; interface state by `ip -j -d link`; packet sockets by the
 * namespace's /proc/net/packet.
 */

const pair = uniqueLab('cap');
const lan = uniqueLab('capl');
const hasTcpdump = (await execa('tcpdump', ['--version'], { reject: false })).exitCode === 0;
let dir = '';

const RUN = { reject: false, encoding: 'buffer', stdin: 'ignore', timeout: 30_000 } as const;

interface Running {
  readonly proc: ResultPromise<typeof RUN>;
  readonly stderr: () => string;
}

/** Start a capture and wait until it says it listens (its socket is open then). */
async function start(args: readonly string[]): Promise<Running> {
  const proc = execa('node', [CLI, 'capture', ...args], RUN);
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const deadline = Date.now() + 15_000;
  while (!err.includes('listening on') && Date.now() < deadline && proc.exitCode === null) await new Promise((r) => setTimeout(r, 20));
  expect(err, 'capture did not start').toContain('listening on');
  return { proc, stderr: () => err };
}

async function ping(lab: string, node: string, to: string, count: number): Promise<void> {
  const r = await execa('ip', ['netns', 'exec', `${lab}-${node}`, 'ping', '-c', String(count), '-i', '0.2', '-W', '2', to], { reject: false, timeout: 20_000 });
  expect(r.exitCode, r.stderr).toBe(0);
}

async function tcpdumpLines(file: string, extra: readonly string[] = []): Promise<string[]> {
  const r = await execa('tcpdump', ['-nn', '-r', file, ...extra], { reject: false, env: { LC_ALL: 'C' } });
  expect(r.exitCode, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

interface IpLink {
  ifname: string;
  flags: string[];
  promiscuity: number;
}

async function links(lab: string, node: string): Promise<IpLink[]> {
  return ipJson<IpLink[]>(['-n', `${lab}-${node}`, '-d', 'link', 'show']);
}

/** Packet sockets open in a namespace (lines of /proc/net/packet after its header). */
async function packetSockets(lab: string, node: string): Promise<number> {
  const r = await execa('ip', ['netns', 'exec', `${lab}-${node}`, 'cat', '/proc/net/packet']);
  return r.stdout.split('\n').filter(Boolean).length - 1;
}

const file = (name: string): string => join(dir, name);

describe.skipIf(!isRoot || !hasTcpdump)('nslab capture', () => {
  let before: IpLink[] = [];
  let bridgeBefore: IpLink[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nslab-capture-'));
    for (const [example, lab] of [['two-hosts.yaml', pair], ['bridge.yaml', lan]] as const) {
      const up = await nslab(['up', exampleAs(example, lab)]);
      expect(up.exitCode, up.stderr).toBe(0);
    }
    // Neighbours known, so a ping is exactly its echo requests and replies.
    await ping(pair, 'h1', '10.0.0.2', 1);
    before = await links(pair, 'h1');
    bridgeBefore = await links(lan, 'sw1');
  });

  afterAll(async () => {
    await nslab(['down', pair]);
    await nslab(['down', lan]);
    rmSync(dir, { recursive: true, force: true });
    expect((await netnsList()).filter((n) => n.startsWith(`${pair}-`) || n.startsWith(`${lan}-`))).toEqual([]);
  });

  it('-c 4 -w FILE during a ping: tcpdump reads 2 echo requests and 2 replies', async () => {
    const c = await start([pair, 'h1:eth0', '-c', '4', '-w', file('four.pcapng')]);
    expect(await packetSockets(pair, 'h1')).toBe(1);
    await ping(pair, 'h1', '10.0.0.2', 2);
    const r = await c.proc;
    expect(r.exitCode, c.stderr()).toBe(0);
    expect(c.stderr()).toMatch(/^4 packets captured$/m);
    const lines = await tcpdumpLines(file('four.pcapng'));
    expect(lines.filter((l) => /IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/.test(l))).toHaveLength(2);
    expect(await packetSockets(pair, 'h1')).toBe(0);
  });

  it('the same through stdout, read by tcpdump -r -', async () => {
    const c = await start([pair, 'h1:eth0', '-c', '4']);
    await ping(pair, 'h1', '10.0.0.2', 2);
    const r = await c.proc;
    expect(r.exitCode, c.stderr()).toBe(0);
    const td = await execa('tcpdump', ['-nn', '-r', '-'], { input: Buffer.from(r.stdout as Uint8Array), reject: false, env: { LC_ALL: 'C' } });
    expect(td.exitCode, td.stderr).toBe(0);
    expect(td.stdout.split('\n').filter((l) => / ICMP echo (request|reply)/.test(l))).toHaveLength(4);
  });

  it('--filter: the kernel drops ARP and a parallel UDP flow that a udp filter sees', async () => {
    await execa('ip', ['-n', `${pair}-h1`, 'neigh', 'flush', 'dev', 'eth0']);
    const icmp = await start([pair, 'h1:eth0', '--filter', 'icmp and host h2', '-w', file('icmp.pcapng')]);
    const udp = await start([pair, 'h1:eth0', '--filter', 'udp dst port 9999', '-w', file('udp.pcapng')]);
    const flow = execa('ip', ['netns', 'exec', `${pair}-h1`, 'bash', '-c', 'for i in $(seq 20); do echo x > /dev/udp/10.0.0.2/9999; done'], { reject: false, timeout: 10_000 });
    await ping(pair, 'h1', '10.0.0.2', 2);
    await flow;
    await new Promise((r) => setTimeout(r, 200));
    icmp.proc.kill('SIGINT');
    udp.proc.kill('SIGINT');
    await Promise.all([icmp.proc, udp.proc]);
    const icmpLines = await tcpdumpLines(file('icmp.pcapng'));
    expect(icmpLines.length).toBeGreaterThanOrEqual(4);
    expect(icmpLines.every((l) => / IP 10\.0\.0\.[12] > 10\.0\.0\.[12]: ICMP /.test(l)), icmpLines.join('\n')).toBe(true);
    expect(icmpLines.some((l) => l.includes('ARP'))).toBe(false);
    expect(icmp.stderr()).toMatch(new RegExp(`^${icmpLines.length} packets captured$`, 'm'));
    const udpLines = await tcpdumpLines(file('udp.pcapng'));
    expect(udpLines.filter((l) => /IP 10\.0\.0\.1\.\d+ > 10\.0\.0\.2\.9999: UDP, length 2/.test(l))).toHaveLength(20);
  });

  it('Ctrl-C prints the count, leaves a valid file and the interface without promiscuity', async () => {
    const c = await start([pair, 'h1:eth0', '-w', file('int.pcapng')]);
    await ping(pair, 'h1', '10.0.0.2', 3);
    c.proc.kill('SIGINT');
    const r = await c.proc;
    expect(r.exitCode, c.stderr()).toBe(0);
    const m = /^(\d+) packets captured$/m.exec(c.stderr());
    expect(m, c.stderr()).not.toBeNull();
    const lines = await tcpdumpLines(file('int.pcapng'));
    expect(lines).toHaveLength(Number(m?.[1]));
    expect(lines.filter((l) => / ICMP echo /.test(l)).length).toBeGreaterThanOrEqual(6);
    const after = await links(pair, 'h1');
    expect(after.map((l) => [l.ifname, l.flags.includes('PROMISC'), l.promiscuity])).toEqual(before.map((l) => [l.ifname, l.flags.includes('PROMISC'), l.promiscuity]));
    expect(after.find((l) => l.ifname === 'eth0')?.promiscuity).toBe(0);
    expect(await packetSockets(pair, 'h1')).toBe(0);
  });

  it('a LAN capture sees traffic between two other members, and gives the bridge its promiscuity back', async () => {
    const c = await start([lan, 'sw1', '--filter', 'icmp', '-c', '4', '-w', file('lan.pcapng')]);
    expect((await links(lan, 'sw1')).find((l) => l.ifname === 'sw1')?.promiscuity).toBe(1);
    await ping(lan, 'h1', '10.0.0.2', 2);
    const r = await c.proc;
    expect(r.exitCode, c.stderr()).toBe(0);
    const lines = await tcpdumpLines(file('lan.pcapng'));
    expect(lines.filter((l) => /IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => /IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/.test(l))).toHaveLength(2);
    const after = await links(lan, 'sw1');
    expect(after.map((l) => [l.ifname, l.flags.includes('PROMISC'), l.promiscuity])).toEqual(bridgeBefore.map((l) => [l.ifname, l.flags.includes('PROMISC'), l.promiscuity]));
  });

  it('NODE:any records packets of every interface of the node, lo included', async () => {
    const c = await start([pair, 'h1:any', '--filter', 'icmp', '-w', file('any.pcapng')]);
    await ping(pair, 'h1', '10.0.0.2', 1);
    await ping(pair, 'h1', '127.0.0.1', 1);
    c.proc.kill('SIGINT');
    expect((await c.proc).exitCode, c.stderr()).toBe(0);
    const lines = await tcpdumpLines(file('any.pcapng'));
    expect(lines.some((l) => /IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/.test(l))).toBe(true);
    expect(lines.some((l) => /IP 127\.0\.0\.1 > 127\.0\.0\.1: ICMP echo request/.test(l))).toBe(true);
    // One interface block per interface (lo, eth0), each naming node and lab.
    const bytes = readFileSync(file('any.pcapng')).toString('latin1');
    expect(bytes).toContain(`h1:lo of lab ${pair}`);
    expect(bytes).toContain(`h1:eth0 of lab ${pair}`);
  });

  it.each([
    [['h9:eth0'], /^nslab: lab \S+ has no node or LAN 'h9' \(nodes: h1, h2\)$/],
    [['h1:eth7'], /^nslab: h1 has no interface 'eth7' \(it has: lo, eth0, or any\)$/],
    [['h1:eth0', '--filter', 'icmp and hots 10.0.0.2'], /^nslab: filter 'icmp and hots 10\.0\.0\.2': unknown word 'hots' at column 10$/],
    [['h1:eth0', '--filter', 'host h7'], /^nslab: filter 'host h7': 'h7' is neither an address nor a node of this lab with an address at column 6$/],
  ])('%j: one line, exit 1, no file', async (args, message) => {
    const out = file(`bad-${args.join('-').replace(/\W+/g, '_')}.pcapng`);
    const r = await nslab(['capture', pair, ...args, '-w', out]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('a LAN capture ends by itself when the lab is taken down (its socket would keep the namespace alive)', async () => {
    const c = await start([lan, 'sw1', '-w', file('down.pcapng')]);
    const down = await nslab(['down', lan]);
    expect(down.exitCode, down.stderr).toBe(0);
    const r = await c.proc;
    expect(r.exitCode, c.stderr()).toBe(1);
    expect(c.stderr()).toContain(`nslab capture: LAN sw1 went away (namespace ${lan}-sw1 was removed)`);
    expect(c.stderr()).toMatch(/^\d+ packets? captured$/m);
    await tcpdumpLines(file('down.pcapng'));
  });

  it('a lab that is not up: one line', async () => {
    const r = await nslab(['capture', `${pair}x`, 'h1:eth0', '-w', file('none.pcapng')]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(`nslab: lab '${pair}x' is not up (nslab list shows the labs that are)`);
  });
});

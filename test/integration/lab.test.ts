import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { exampleAs, ipJson, isRoot, netnsList, netnsMounts, nslab, ping, uniqueLab } from '../helpers/nslab.js';

interface IpAddrInfo {
  ifname: string;
  addr_info: Array<{ family: string; local: string; prefixlen: number; scope: string }>;
}
interface IpLink {
  ifname: string;
  operstate: string;
  flags: string[];
  master?: string;
  address: string;
}

const lab = uniqueLab('def');
const ns = (node: string): string => `${lab}-${node}`;

describe.skipIf(!isRoot)('nslab up / down of the default lab', () => {
  const file = exampleAs('default.yaml', lab);
  const rootLinksBefore = ipJson<IpLink[]>(['link']);

  afterAll(async () => {
    await nslab(['down', lab]);
  });

  it('brings every node up as a namespace ip netns can see', async () => {
    const r = await nslab(['up', file]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`lab '${lab}' is up: 7 nodes, 6 links`);
    const names = await netnsList();
    for (const node of ['h1', 'h2', 'h3', 'h4', 'r1', 'sw1', 'sw2']) expect(names).toContain(ns(node));
  });

  it('gives every interface the addresses the topology says (ip -j addr)', async () => {
    const want: Record<string, string[]> = {
      h1: ['10.0.1.1/24', 'fd00:1::1/64'],
      h2: ['10.0.1.2/24', 'fd00:1::2/64'],
      h3: ['10.0.2.3/24', 'fd00:2::3/64'],
      h4: ['10.0.2.4/24', 'fd00:2::4/64'],
    };
    for (const [node, addrs] of Object.entries(want)) {
      const info = await ipJson<IpAddrInfo[]>(['-n', ns(node), 'addr', 'show', 'dev', 'eth0']);
      const global = info[0]?.addr_info.filter((a) => a.scope === 'global').map((a) => `${a.local}/${a.prefixlen}`);
      expect(global?.sort()).toEqual([...addrs].sort());
    }
    const r1 = await ipJson<IpAddrInfo[]>(['-n', ns('r1'), 'addr']);
    const r1Global = r1.flatMap((i) => i.addr_info.filter((a) => a.scope === 'global').map((a) => `${i.ifname} ${a.local}/${a.prefixlen}`));
    expect(r1Global.sort()).toEqual(['eth0 10.0.1.254/24', 'eth0 fd00:1::254/64', 'eth1 10.0.2.254/24', 'eth1 fd00:2::254/64']);
  });

  it('puts bridge ports on their bridge, all up, and leaves bridges without IPv6', async () => {
    const links = await ipJson<IpLink[]>(['-n', ns('sw1'), 'link']);
    const ports = links.filter((l) => l.master === 'sw1').map((l) => l.ifname).sort();
    expect(ports).toEqual(['p1', 'p2', 'uplink']);
    // Admin up and carrier; operstate follows a moment later (linkwatch).
    for (const l of links.filter((x) => x.ifname !== 'lo')) expect(l.flags).toEqual(expect.arrayContaining(['UP', 'LOWER_UP']));
    const addrs = await ipJson<IpAddrInfo[]>(['-n', ns('sw1'), '-6', 'addr']);
    expect(addrs.flatMap((a) => a.addr_info)).toEqual([]);
  });

  it('turns forwarding on in the router only', async () => {
    const { execa } = await import('execa');
    const fwd = async (node: string): Promise<string> =>
      (await execa('ip', ['netns', 'exec', ns(node), 'cat', '/proc/sys/net/ipv4/ip_forward'])).stdout.trim();
    expect(await fwd('r1')).toBe('1');
    expect(await fwd('h1')).toBe('0');
  });

  it('lets hosts ping across the bridge and across the router, IPv4 and IPv6', async () => {
    expect(await ping(ns('h1'), '10.0.1.2')).toBe(true);
    expect(await ping(ns('h1'), '10.0.2.3')).toBe(true);
    expect(await ping(ns('h4'), '10.0.1.1')).toBe(true);
    expect(await ping(ns('h1'), 'fd00:1::2')).toBe(true);
    expect(await ping(ns('h2'), 'fd00:2::4')).toBe(true);
  });

  it('lists the lab as up', async () => {
    const r = await nslab(['list', '--json']);
    const labs = JSON.parse(r.stdout) as Array<{ lab: string; status: string; nodes: number }>;
    expect(labs.find((l) => l.lab === lab)).toMatchObject({ status: 'up', nodes: 7 });
  });

  it('refuses a second up of the same lab', async () => {
    const r = await nslab(['up', file]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`lab '${lab}' is already up`);
  });

  it('down removes every namespace, mount and state of the lab, and leaves root links alone', async () => {
    const r = await nslab(['down', lab]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('(7 node namespaces and ');
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
    expect(netnsMounts().filter((m) => m.startsWith(`/run/netns/${lab}-`))).toEqual([]);
    expect(existsSync(`/run/nslab/${lab}`)).toBe(false);
    const before = (await rootLinksBefore).map((l) => l.ifname).sort();
    const after = (await ipJson<IpLink[]>(['link'])).map((l) => l.ifname).sort();
    expect(after).toEqual(before);
  });

  it('down is idempotent: a second down succeeds and says there was nothing', async () => {
    const r = await nslab(['down', lab]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('is not up');
  });
});

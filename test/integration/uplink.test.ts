import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostNatRuleset, hostTableName } from '../../src/lab/uplink-plan.js';
import { formatRuleset } from '../../src/nft/ruleset-text.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, type Plan, type PlanUplink } from '../../src/topology/plan.js';
import { isRoot } from '../helpers/nft-netns.js';
import { ipJson, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';
import { connect, nftObjects, nftReading, sh, startEcho, stopAll, tableObjects } from './nat-traffic.js';

/*
 * `uplink:` — a cable from a lab node to this machine, with `nat: host` and a
 * port forward on the machine.
 *
 * NETWORK SAFETY: the "internet" here is a namespace this test makes
 * (`outside`, 198.18.N.2), joined to the machine by a veth this test makes
 * (198.18.N.1 on the machine). Traffic goes only from the lab to that
 * namespace and back; nothing is sent to the machine's real interfaces or
 * beyond. What nslab puts on the machine (its link, routes, table,
 * ip_forward) is read with ip -j / nft -j before and after `down`.
 *
 *   h1 10.77.N.10 ── gw ══ uplink 100.64.N.2 ══ <lab>-up 100.64.N.1 (the machine)
 *                                                  machine ── nlto<tag> 198.18.N.1 ── outside 198.18.N.2
 */

const tag = process.pid % 100000;
const N = (process.pid % 200) + 20;
const PORT = 20000 + (process.pid % 10000);
const lab = uniqueLab('upl');
const lab2 = uniqueLab('upm');
const ns = (l: string, node: string): string => `${l}-${node}`;
const OUTSIDE_NS = `nlt${tag}out`;
const OUTSIDE_DEV = `nlto${tag}`;
const MACHINE_OUT = `198.18.${N}.1`;
const OUTSIDE = `198.18.${N}.2`;
const H1 = `10.77.${N}.10`;

function topology(name: string, cable: string, lan: string, ports: string): string {
  return `name: ${name}
routing: static
uplink: { node: gw, ipv4: ${cable}, nat: host${ports} }
topology:
  nodes:
    h1: { kind: host }
    gw: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: ${lan}.10/24 }, { node: gw, interface: eth0, ipv4: ${lan}.1/24 }]
`;
}

interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
}
interface IpLink {
  ifname: string;
  address?: string;
  flags: string[];
}
interface IpAddr {
  ifname: string;
  ifindex: number;
  address: string;
  addr_info: { family: string; local: string; prefixlen: number }[];
}

const ipForward = (): string => readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
const tables = (): string[] =>
  nftObjects()
    .filter((o) => 'table' in o)
    .map((o) => `${(o.table as { family: string }).family} ${(o.table as { name: string }).name}`)
    .sort();
const routes = async (): Promise<string[]> => (await ipJson<IpRoute[]>(['route'])).map((r) => `${r.dst} ${r.gateway ?? ''} ${r.dev ?? ''}`).sort();
const links = async (): Promise<string[]> => (await ipJson<IpLink[]>(['link'])).map((l) => l.ifname).sort();

describe.skipIf(!isRoot)('uplink: a lab reaches a test-made outside through the machine’s NAT', () => {
  const file = writeTopology('uplink.yaml', topology(lab, `100.64.${N}.1/30`, `10.77.${N}`, `, ports: ["${PORT}:h1:80/tcp"]`));
  const file2 = writeTopology('uplink2.yaml', topology(lab2, `100.64.${N}.5/30`, `10.78.${N}`, ''));
  const plan: Plan = compilePlan(loadTopologyFile(file));
  const u = plan.uplink as PlanUplink;
  const children: ChildProcess[] = [];
  let before: { forward: string; tables: string[]; routes: string[]; links: string[] };

  beforeAll(async () => {
    // The stand-in for the internet, made by this test.
    sh('ip', 'netns', 'add', OUTSIDE_NS);
    sh('ip', 'link', 'add', OUTSIDE_DEV, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', OUTSIDE_NS);
    sh('ip', 'addr', 'add', `${MACHINE_OUT}/24`, 'dev', OUTSIDE_DEV);
    sh('ip', 'link', 'set', OUTSIDE_DEV, 'up');
    sh('ip', '-n', OUTSIDE_NS, 'addr', 'add', `${OUTSIDE}/24`, 'dev', 'eth0');
    sh('ip', '-n', OUTSIDE_NS, 'link', 'set', 'eth0', 'up');
    sh('ip', '-n', OUTSIDE_NS, 'link', 'set', 'lo', 'up');
    before = { forward: ipForward(), tables: tables(), routes: await routes(), links: await links() };
    children.push(await startEcho(OUTSIDE_NS, OUTSIDE, 7000));
  });

  afterAll(async () => {
    stopAll(children);
    await nslab(['down', lab]);
    await nslab(['down', lab2]);
    spawnSync('ip', ['link', 'del', OUTSIDE_DEV]);
    spawnSync('ip', ['netns', 'del', OUTSIDE_NS]);
  });

  it('comes up', async () => {
    expect(u.hostDev).toBe(`${lab}-up`);
    const r = await nslab(['up', file]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('puts the cable’s far end on the machine: its name and MAC, up, the machine’s address, a route to the lab through the node', async () => {
    const [link] = await ipJson<IpAddr[]>(['addr', 'show', 'dev', u.hostDev]);
    expect(link?.address).toBe(u.hostMac);
    expect(link?.addr_info.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`)).toEqual([u.hostAddress]);
    const [flags] = await ipJson<IpLink[]>(['link', 'show', 'dev', u.hostDev]);
    expect(flags?.flags).toEqual(expect.arrayContaining(['UP', 'LOWER_UP']));
    const viaNode = (await ipJson<IpRoute[]>(['route'])).filter((r) => r.dev === u.hostDev && r.gateway);
    expect(viaNode.map((r) => `${r.dst} via ${r.gateway}`)).toEqual([`10.77.${N}.0/24 via 100.64.${N}.2`]);
  });

  it('and its near end in the node: planned name, index and MAC, its address, the default route via the machine', async () => {
    const [link] = await ipJson<IpAddr[]>(['-n', ns(lab, 'gw'), 'addr', 'show', 'dev', u.dev]);
    expect(link?.ifindex).toBe(u.index);
    expect(link?.address).toBe(u.mac);
    expect(link?.addr_info.filter((a) => a.family === 'inet').map((a) => `${a.local}/${a.prefixlen}`)).toEqual([u.address]);
    const defaults = (await ipJson<IpRoute[]>(['-n', ns(lab, 'gw'), 'route'])).filter((r) => r.dst === 'default');
    expect(defaults.map((r) => `${r.gateway} ${r.dev}`)).toEqual([`100.64.${N}.1 ${u.dev}`]);
  });

  it('gives the machine a table of the lab’s own, equal to nft’s reading of the plan', () => {
    const spec = hostNatRuleset(u, lab);
    expect(spec).toBeDefined();
    const expected = nftReading(formatRuleset(spec as NonNullable<typeof spec>), 'inet', hostTableName(lab), `nlt${tag}scr`);
    expect(expected.length).toBeGreaterThan(3);
    expect(tableObjects(nftObjects(), 'inet', hostTableName(lab))).toEqual(expected);
    expect(tables()).toEqual([...before.tables, `inet ${hostTableName(lab)}`].sort());
  });

  it('turns IPv4 forwarding on in the machine', () => {
    expect(ipForward()).toBe('1');
  });

  it('a lab host reaches the outside, which sees the machine’s address (nat: host)', () => {
    expect(connect(ns(lab, 'h1'), OUTSIDE, 7000)).toBe(MACHINE_OUT);
    // The uplink node's own traffic leaves from the cable's address, masqueraded too.
    expect(connect(ns(lab, 'gw'), OUTSIDE, 7000)).toBe(MACHINE_OUT);
  });

  it('the outside reaches a lab service through the machine’s port forward, and the service sees who called', async () => {
    children.push(await startEcho(ns(lab, 'h1'), H1, 80));
    expect(connect(OUTSIDE_NS, MACHINE_OUT, PORT)).toBe(OUTSIDE);
  });

  it('the outside has no way to the lab otherwise', () => {
    expect(connect(OUTSIDE_NS, H1, 80, 1500)).toMatch(/^ERR /);
  });

  it('with two uplinked labs, forwarding stays on until the last one is down', async () => {
    const r = await nslab(['up', file2]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(connect(ns(lab2, 'h1'), OUTSIDE, 7000)).toBe(MACHINE_OUT);
    stopAll(children.splice(1));
    expect((await nslab(['down', lab])).exitCode).toBe(0);
    expect(ipForward()).toBe('1');
    expect(connect(ns(lab2, 'h1'), OUTSIDE, 7000)).toBe(MACHINE_OUT);
    // The first lab's part of the machine is gone already.
    expect(tables()).toEqual([...before.tables, `inet ${hostTableName(lab2)}`].sort());
    expect(await links()).not.toContain(u.hostDev);
    expect((await nslab(['down', lab2])).exitCode).toBe(0);
    expect(ipForward()).toBe(before.forward);
  });

  it('leaves the machine as it found it: tables, routes, links, ip_forward, /etc/netns', async () => {
    expect(tables()).toEqual(before.tables);
    expect(await routes()).toEqual(before.routes);
    expect(await links()).toEqual(before.links);
    expect(ipForward()).toBe(before.forward);
    const etc = existsSync('/etc/netns') ? readdirSync('/etc/netns') : [];
    expect(etc.filter((d) => d.startsWith(`${lab}-`) || d.startsWith(`${lab2}-`))).toEqual([]);
    expect(existsSync(`/run/nslab/${lab}`) || existsSync(`/run/nslab/${lab2}`)).toBe(false);
  });
});

/*
 * Refusals before and by the kernel, through the CLI: the user reads what
 * went wrong and where, and the half-made lab is rolled back, leaving the
 * machine as it was. `routing: none`, so nothing is routed over the cable.
 */
describe.skipIf(!isRoot)('uplink refusals', () => {
  const bad = uniqueLab('upx');
  const scratchDev = `nltx${tag}`;
  const PREFIX = `198.19.${N}`;

  const lab = (uplink: string, lan: string): string =>
    writeTopology(
      'uplink-bad.yaml',
      `name: ${bad}
uplink: { node: gw, ipv4: 100.64.${N}.9/30${uplink} }
topology:
  nodes:
    h1: { kind: host }
    gw: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: ${lan}.10/24 }, { node: gw, interface: eth0, ipv4: ${lan}.1/24 }]
`,
    );

  let before: { forward: string; tables: string[]; routes: string[]; links: string[] };
  beforeAll(async () => {
    // A link of this test's own on the machine, with a prefix of its own.
    sh('ip', 'link', 'add', scratchDev, 'type', 'veth', 'peer', 'name', `${scratchDev}p`);
    sh('ip', 'addr', 'add', `${PREFIX}.1/24`, 'dev', scratchDev);
    sh('ip', 'link', 'set', scratchDev, 'up');
    before = { forward: ipForward(), tables: tables(), routes: await routes(), links: await links() };
  });
  afterAll(async () => {
    await nslab(['down', bad]);
    spawnSync('ip', ['link', 'del', scratchDev]);
  });

  const machineUnchanged = async (): Promise<void> => {
    expect(tables()).toEqual(before.tables);
    expect(await routes()).toEqual(before.routes);
    expect(await links()).toEqual(before.links);
    expect(ipForward()).toBe(before.forward);
    expect(existsSync(`/run/nslab/${bad}`)).toBe(false);
  };

  it('a host-interface name the machine already uses: refused in words, nothing made', async () => {
    const r = await nslab(['up', lab(`, host-interface: ${scratchDev}, nat: host`, '10.79.1')]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`the machine already has an interface named ${scratchDev}`);
    expect(r.stderr).toMatch(/uplink-bad\.yaml:2:\d+ uplink\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    await machineUnchanged();
  });

  it('a lab prefix the machine already routes: the kernel’s refusal reaches the user, and the cable is rolled back', async () => {
    const r = await nslab(['up', lab(', nat: host', PREFIX)]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`cannot add route ${PREFIX}.0/24 via 100.64.${N}.10`);
    expect(r.stderr).toContain('EEXIST');
    expect(r.stderr).toContain('the machine already has a route there');
    expect(r.stderr).toMatch(/uplink-bad\.yaml:2:\d+ uplink\]/);
    await machineUnchanged();
  });
});

import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natStep, type NatTableEntry } from '../../src/lab/nat.js';
import { labNatRuleset, tableComment } from '../../src/lab/nat-plan.js';
import type { Journal, JournalEntry } from '../../src/lab/state.js';
import type { ApplyContext } from '../../src/lab/step.js';
import { listTable } from '../../src/nft/list.js';
import { diffRuleset, formatRuleset } from '../../src/nft/ruleset-text.js';
import { NftError } from '../../src/nft/errors.js';
import { NftSession } from '../../src/nft/session.js';
import { libc, O_CLOEXEC, O_RDONLY } from '../../src/os/libc.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, hostsFile, type Plan, type PlanNat } from '../../src/topology/plan.js';
import { isRoot, makeNetns, nftApply, nftText, type TestNetns } from '../helpers/nft-netns.js';
import { exampleAs, netnsList, nslab, ping, uniqueLab, writeTopology } from '../helpers/nslab.js';
import { connect, nftObjects, nftReading, sh, startEcho, stopAll, tableObjects } from './nat-traffic.js';

/*
 * topologies/nat.yaml brought up by the CLI, under a lab name of this run:
 *
 *   h1 10.0.1.10 ─ lan1 ─ gw ─ wan 198.51.100.2 ── isp ── server 203.0.113.10
 *   h3 10.0.2.10 ─ lan2 ─┘     (nat: { out: wan }, ports: 8080 → h1:80)
 *
 * Traffic only between namespaces of this lab; servers are started here and
 * stopped by pid; `down` runs in afterAll whatever happened.
 */

const lab = uniqueLab('nat');
const ns = (node: string): string => `${lab}-${node}`;
const SERVER = '203.0.113.10';
const GW_OUT = '198.51.100.2';
const H1 = '10.0.1.10';
const H3 = '10.0.2.10';

function ipForward(): string {
  return readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
}

function etcNetnsOfLab(): string[] {
  return existsSync('/etc/netns') ? readdirSync('/etc/netns').filter((d) => d.startsWith(`${lab}-`)) : [];
}

describe.skipIf(!isRoot)('nslab up/down of topologies/nat.yaml: NAT, port forward, /etc/netns', () => {
  const file = exampleAs('nat.yaml', lab);
  const plan: Plan = compilePlan(loadTopologyFile(file));
  const children: ChildProcess[] = [];
  const forwardBefore = ipForward();
  const rootRulesetBefore = nftObjects();

  beforeAll(async () => {
    const r = await nslab(['up', file]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    children.push(await startEcho(ns('server'), SERVER, 7000));
    children.push(await startEcho(ns('h1'), H1, 80));
    children.push(await startEcho(ns('h3'), H3, 7000));
  });

  afterAll(async () => {
    stopAll(children);
    await nslab(['down', lab]);
  });

  it('puts exactly the plan’s ruleset in the NAT router: nft reads nslab’s table as it reads the plan’s text', () => {
    const nat = plan.nat[0] as PlanNat;
    expect(nat.node).toBe('gw');
    const spec = labNatRuleset(nat, lab);
    const installed = nftObjects(ns('gw'));
    // Only nslab's table is there…
    expect(installed.filter((o) => 'table' in o).map((o) => (o.table as { name: string }).name)).toEqual(['nslab']);
    // …and it is what nft itself makes of the plan's ruleset text.
    const expected = nftReading(formatRuleset(spec), 'inet', 'nslab', `${lab}-scratch`);
    expect(expected.length).toBeGreaterThan(5);
    expect(tableObjects(installed, 'inet', 'nslab')).toEqual(expected);
  });

  it('and nslab’s own reading of the kernel agrees with the plan (diffRuleset)', () => {
    const spec = labNatRuleset(plan.nat[0] as PlanNat, lab);
    const nft = NftSession.open({ netnsFd: openNetnsFd(ns('gw')), timeoutMs: 5000 });
    try {
      expect(diffRuleset(spec, listTable(nft, 'inet', 'nslab'))).toEqual([]);
    } finally {
      nft.close();
    }
  });

  it('leaves nodes without nat: or ports: without any table', () => {
    for (const node of ['h1', 'isp', 'server']) expect(nftObjects(ns(node)).filter((o) => 'table' in o)).toEqual([]);
  });

  it('a host behind the NAT reaches the server, which sees the router’s outside address', () => {
    expect(connect(ns('h1'), SERVER, 7000)).toBe(GW_OUT);
    expect(connect(ns('h3'), SERVER, 7000)).toBe(GW_OUT);
  });

  it('inside, between the two LANs, nothing is translated', () => {
    expect(connect(ns('h1'), H3, 7000)).toBe(H1);
  });

  it('the server cannot open a connection to a host inside: no route to a private address', () => {
    expect(connect(ns('server'), H1, 80, 1500)).toMatch(/^ERR /);
  });

  it('nor when the ISP does route the private prefix: the NAT router refuses it', async () => {
    sh('ip', '-n', ns('isp'), 'route', 'add', '10.0.1.0/24', 'via', GW_OUT);
    try {
      // The route works (the router's own inside address answers)…
      expect(await ping(ns('server'), '10.0.1.1')).toBe(true);
      // …but a connection to the host behind it is dropped.
      expect(connect(ns('server'), H1, 80, 1500)).toBe('ERR TIMEOUT');
    } finally {
      sh('ip', '-n', ns('isp'), 'route', 'del', '10.0.1.0/24', 'via', GW_OUT);
    }
  });

  it('the port forward reaches the service inside, which sees the server’s own address', () => {
    expect(connect(ns('server'), GW_OUT, 8080)).toBe(SERVER);
  });

  it('forwards only what is addressed to the router: port 8080 of another host is left alone', () => {
    // h1 → h3:8080 passes through gw; with a bare `tcp dport 8080` rule it would land on h1:80.
    expect(connect(ns('h1'), H3, 8080, 1500)).toMatch(/^ERR ECONNREFUSED/);
  });

  it('gives every node /etc/hosts naming the lab’s nodes, and resolv.conf from dns:, as ip netns exec sees them', () => {
    expect(sh('ip', 'netns', 'exec', ns('h1'), 'cat', '/etc/hosts')).toBe(hostsFile(plan));
    expect(sh('ip', 'netns', 'exec', ns('h3'), 'getent', 'hosts', 'h1').trim()).toMatch(/^10\.0\.1\.10\s+h1$/);
    expect(sh('ip', 'netns', 'exec', ns('server'), 'getent', 'hosts', 'gw').trim()).toMatch(/^10\.0\.1\.1\s+gw$/);
    const resolv = plan.namespaces.find((n) => n.node === 'h1')?.resolvConf;
    expect(resolv).toContain('nameserver 203.0.113.10');
    expect(sh('ip', 'netns', 'exec', ns('h1'), 'cat', '/etc/resolv.conf')).toBe(resolv);
    expect(etcNetnsOfLab().sort()).toEqual(plan.namespaces.map((n) => n.name).sort());
  });

  it('down removes the namespaces, their /etc/netns entries and the lab state; the machine is as it was', async () => {
    stopAll(children);
    const r = await nslab(['down', lab]);
    expect(r.exitCode).toBe(0);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
    expect(etcNetnsOfLab()).toEqual([]);
    expect(existsSync(`/run/nslab/${lab}`)).toBe(false);
    expect(ipForward()).toBe(forwardBefore);
    expect(tableObjects(nftObjects(), 'inet', `nslab-${lab}`)).toEqual([]);
    expect(nftObjects().filter((o) => 'table' in o)).toEqual(rootRulesetBefore.filter((o) => 'table' in o));
  });
});

const opened: number[] = [];
function openNetnsFd(name: string): number {
  const fd = libc.open(`/run/netns/${name}`, O_RDONLY | O_CLOEXEC);
  opened.push(fd);
  return fd;
}
afterAll(() => {
  for (const fd of opened.splice(0)) libc.close(fd);
});

/*
 * The NAT step on its own, in a namespace made here, for what a lab cannot
 * show: a table it did not make is already there.
 */
describe.skipIf(!isRoot)('the NAT step when the kernel refuses', () => {
  const tag = `${process.pid % 100000}`;
  let space: TestNetns;
  const entries: JournalEntry[] = [];
  const natLab = `t${tag}natstep`;
  const nat: PlanNat = {
    netns: '',
    node: 'gw',
    masquerade: { out: 'wan', sources: ['10.0.1.0/24'] },
    ports: [{ port: 8080, proto: 'tcp', to: '10.0.1.10', toNode: 'h1', toPort: 80, origin: 'nat.yaml:40:15 topology.nodes.gw.ports[0]' }],
    origin: 'nat.yaml:39:12 topology.nodes.gw.nat',
  };
  const ctx = (): ApplyContext => ({
    plan: { lab: natLab, nat: [{ ...nat, netns: space.name }] } as unknown as Plan,
    journal: { intend: (e: readonly JournalEntry[]) => entries.push(...e) } as unknown as Journal,
    netnsFd: () => space.fd,
    rtnl: () => {
      throw new Error('the NAT step needs no rtnetlink');
    },
    remember: () => undefined,
  });

  beforeAll(() => {
    space = makeNetns(`nlt${tag}nat`);
  });
  afterAll(() => {
    space.remove();
  });

  it('says in words what the kernel refused, where in the topology, and that nothing was applied', () => {
    // Someone else's table of the same name, with a chain nslab would also make.
    nftApply(space.name, 'table inet nslab {\n  chain postrouting { type filter hook postrouting priority 0; }\n}\n');
    const before = nftText(space.name);
    let caught: unknown;
    try {
      natStep.apply(ctx());
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NftError);
    const err = caught as NftError;
    expect(err.errnoName).toBe('EEXIST');
    expect(err.message).toMatch(
      /^cannot create table inet nslab: EEXIST at NFTA_TABLE_NAME \[nat\.yaml:39:12 topology\.nodes\.gw\.nat\]; none of the \d+ changes in this nf_tables transaction were applied/,
    );
    // Nothing of nslab's went in, and the other table is untouched.
    expect(nftText(space.name)).toBe(before);
    // The journal named the table before it was tried; undoing it leaves the stranger's table alone.
    expect(entries).toEqual([{ op: 'nat-table', netns: space.name, table: 'nslab', comment: tableComment(natLab) }]);
    expect(natStep.undo(entries[0] as NatTableEntry, natLab, undefined)).toBe(false);
    expect(nftText(space.name)).toBe(before);
    nftApply(space.name, 'delete table inet nslab\n');
    entries.length = 0;
  });

  it('makes the table when the namespace is free, and its undo deletes exactly it, once', () => {
    nftApply(space.name, 'table ip theirs {\n  chain c { type filter hook input priority 0; }\n}\n');
    natStep.apply(ctx());
    expect(nftObjects(space.name).filter((o) => 'table' in o).map((o) => (o.table as { name: string }).name).sort()).toEqual(['nslab', 'theirs']);
    const entry = entries[0] as NatTableEntry;
    expect(natStep.undo(entry, natLab, undefined)).toBe(true);
    expect(nftObjects(space.name).filter((o) => 'table' in o).map((o) => (o.table as { name: string }).name)).toEqual(['theirs']);
    expect(natStep.undo(entry, natLab, undefined)).toBe(false);
  });

  it('undo is a no-op when the namespace is already gone', () => {
    const entry: NatTableEntry = { op: 'nat-table', netns: `nlt${tag}gone`, table: 'nslab', comment: tableComment(natLab) };
    expect(natStep.undo(entry, natLab, undefined)).toBe(false);
  });
});

/*
 * /etc/netns files nslab did not write: never replaced, never removed.
 */
describe.skipIf(!isRoot)('the /etc/netns step and files that are not nslab’s', () => {
  const etcLab = uniqueLab('etc');
  const dir = (node: string): string => `/etc/netns/${etcLab}-${node}`;
  const file = writeTopology(
    'etc.yaml',
    `name: ${etcLab}
topology:
  nodes:
    h1: { kind: host, dns: { servers: [192.0.2.53] } }
    h2: { kind: host }
    h3: { kind: host }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.9.0.1/24 }, { node: h2, interface: eth0, ipv4: 10.9.0.2/24 }]
    - endpoints: [{ node: h3, interface: eth0, ipv4: 10.9.1.3/24 }, { node: h1, interface: eth1, ipv4: 10.9.1.1/24 }]
`,
  );

  afterAll(async () => {
    await nslab(['down', etcLab]);
    for (const n of ['h1', 'h2', 'h3']) rmSync(dir(n), { recursive: true, force: true });
  });

  it('refuses to replace a hosts file someone else put there, and leaves it and its directory as they were', async () => {
    mkdirSync(dir('h1'), { recursive: true });
    writeFileSync(`${dir('h1')}/hosts`, 'mine\n');
    const r = await nslab(['up', file]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`${dir('h1')}/hosts exists and nslab did not write it`);
    expect(readFileSync(`${dir('h1')}/hosts`, 'utf8')).toBe('mine\n');
    expect(existsSync(dir('h2'))).toBe(false);
    expect(existsSync(`/run/nslab/${etcLab}`)).toBe(false);
    rmSync(dir('h1'), { recursive: true });
  });

  it('uses a directory that was there, keeps it on down, and keeps a file changed after up', async () => {
    mkdirSync(dir('h2'));
    const r = await nslab(['up', file]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(sh('ip', 'netns', 'exec', `${etcLab}-h2`, 'getent', 'hosts', 'h1').trim()).toMatch(/^10\.9\.0\.1\s+h1$/);
    // h3 has neither dns: nor a directory of its own: its entry is a link to the lab's shared directory, which ip follows.
    expect(lstatSync(dir('h3')).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir('h3'))).toEqual(['hosts']);
    expect(sh('ip', 'netns', 'exec', `${etcLab}-h3`, 'getent', 'hosts', 'h2').trim()).toMatch(/^10\.9\.0\.2\s+h2$/);
    writeFileSync(`${dir('h1')}/resolv.conf`, 'nameserver 192.0.2.99\n');
    expect((await nslab(['down', etcLab])).exitCode).toBe(0);
    // h1: nslab's hosts link went, the changed resolv.conf stayed, so did the directory.
    expect(readdirSync(dir('h1'))).toEqual(['resolv.conf']);
    // h2: the directory was there before nslab, and stays, empty.
    expect(readdirSync(dir('h2'))).toEqual([]);
    // h3: the link is gone, and so is what it pointed to.
    expect(() => lstatSync(dir('h3'))).toThrow(/ENOENT/);
    expect(existsSync(`/run/nslab/${etcLab}`)).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { execa } from 'execa';
import { SimCluster, type SimMachine } from '../helpers/sim-machines.js';
import { exampleAs, isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';
import type { Plan } from '../../src/topology/plan.js';

/*
 * Multi-host labs on three simulated machines (test/helpers/sim-machines.ts:
 * namespaces on an underlay bridge, each with its own mount namespace and
 * cgroups) and Debian's etcd in a namespace of its own. Checked with ip -j,
 * ping, python3 sockets and etcdctl from inside those namespaces.
 */

const haveEtcd = existsSync('/usr/bin/etcd') && existsSync('/usr/bin/etcdctl');
const tag = `c${process.pid % 10000}`;
const fabric = uniqueLab('fab');

interface IpLinkDetail {
  ifname: string;
  mtu: number;
  address: string;
  operstate: string;
  stats64?: { tx: { bytes: number } };
  linkinfo?: { info_kind: string; info_data?: { id: number; remote: string; local: string; port: number; link_netnsid?: number } };
  link_netnsid?: number;
}

describe.skipIf(!isRoot || !haveEtcd)('multi-host labs across simulated machines', () => {
  const cluster = new SimCluster(tag);
  let m1: SimMachine;
  let plan: Plan;
  const netnsBefore: string[] = [];

  const netnsOn = async (m: SimMachine): Promise<string[]> =>
    (await cluster.sh(m, ['ip', 'netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter(Boolean).sort();
  const ipOn = async <T>(m: SimMachine, args: string[]): Promise<T> => JSON.parse((await cluster.sh(m, ['ip', '-j', ...args])).stdout || '[]') as T;
  const whereIs = async (netns: string): Promise<SimMachine> => {
    for (const m of cluster.machines) if ((await netnsOn(m)).includes(netns)) return m;
    throw new Error(`${netns} is on no machine`);
  };
  const addressOf = (node: string): string => {
    const a = plan.addresses.find((x) => x.netns === `${fabric}-${node}` && x.dev === 'eth0' && !x.address.includes(':'));
    return (a?.address ?? '').split('/')[0] as string;
  };

  beforeAll(async () => {
    netnsBefore.push(...(await netnsList()));
    await cluster.start(3);
    for (const m of cluster.machines) await cluster.startAgent(m);
    m1 = cluster.machine('m1');
    const dry = await nslab(['up', '--dry-run', '--json', exampleAs('leaf-spine.yaml', fabric)]);
    plan = JSON.parse(dry.stdout) as Plan;
  }, 120_000);

  afterAll(async () => {
    const problems = await cluster.cleanup();
    expect(problems).toEqual([]);
    // Nothing of the run is left on the real machine: its namespaces, cgroups.
    // (Other tests may run on this machine at the same time: only this run's names count.)
    const ours = (n: string): boolean => n.startsWith(tag) || n.startsWith(uniqueLab(''));
    expect((await netnsList()).filter((n) => ours(n) && !netnsBefore.includes(n))).toEqual([]);
  }, 120_000);

  it('registers every agent under a lease in etcd, as Kubernetes-shaped Host objects', async () => {
    expect(await cluster.etcdKeys()).toEqual(['/nslab/hosts/m1', '/nslab/hosts/m2', '/nslab/hosts/m3']);
    const host = JSON.parse(await cluster.etcdctl('get', '/nslab/hosts/m2', '--print-value-only')) as { apiVersion: string; kind: string; metadata: { name: string }; spec: { underlay: string; mtu: number } };
    expect(host).toMatchObject({ apiVersion: 'nslab.dev/v1alpha1', kind: 'Host', metadata: { name: 'm2' }, spec: { underlay: '10.77.2.1', mtu: 1500 } });
    const leases = await cluster.etcdctl('lease', 'list');
    expect(leases).toMatch(/found 3 leases/);
  });

  it('brings leaf-spine up across the three machines, each rack on one machine, each machine holding only its part', async () => {
    const file = exampleAs('leaf-spine.yaml', fabric);
    const r = await cluster.nslab(m1, ['up', file, '--etcd', cluster.etcdUrl]);
    expect(r.stderr).not.toMatch(/Failed/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`lab '${fabric}' is up across 3 machines: 18 nodes, 20 links, 6 of them VXLAN cables`));
    const held = await Promise.all(cluster.machines.map((m) => netnsOn(m)));
    const all = held.flat().filter((n) => n.startsWith(`${fabric}-`));
    expect(all.sort()).toEqual(plan.namespaces.map((n) => n.name).sort());
    expect(new Set(all).size).toBe(all.length); // no node on two machines
    for (const h of held) expect(h.length).toBeGreaterThan(0);
    for (const rack of [['h1', 'h2', 'leaf1', 'rack1'], ['h7', 'h8', 'leaf4', 'rack4']]) {
      const at = held.map((h) => rack.every((n) => h.includes(`${fabric}-${n}`)));
      expect(at.filter(Boolean)).toHaveLength(1);
    }
    // Nothing of the lab is in the real machine's /run/netns: the machines' mount namespaces keep it.
    expect((await netnsList()).filter((n) => n.startsWith(`${fabric}-`))).toEqual([]);
    const list = await cluster.nslab(cluster.machine('m3'), ['list', '--etcd', cluster.etcdUrl, '--json']);
    const labs = JSON.parse(list.stdout) as { lab: string; parts: { host: string; phase: string }[] }[];
    expect(labs.find((l) => l.lab === fabric)?.parts.map((p) => `${p.host} ${p.phase}`)).toEqual(['m1 Ready', 'm2 Ready', 'm3 Ready']);
  }, 180_000);

  it("makes each cable between machines a VXLAN device in the node's namespace whose UDP socket stays on the machine", async () => {
    const m = await whereIs(`${fabric}-leaf1`);
    const spine1 = await whereIs(`${fabric}-spine1`);
    expect(m.name).not.toBe(spine1.name);
    const links = await ipOn<IpLinkDetail[]>(m, ['-d', '-n', `${fabric}-leaf1`, 'link', 'show', 'eth0']);
    const eth0 = links[0];
    expect(eth0?.linkinfo?.info_kind).toBe('vxlan');
    expect(eth0?.linkinfo?.info_data).toMatchObject({ local: m.underlay, remote: spine1.underlay, port: 14789 });
    expect(eth0?.mtu).toBe(1450);
    const veth = plan.veths.find((v) => v.a.netns === `${fabric}-leaf1` && v.a.name === 'eth0');
    expect(eth0?.address).toBe(veth?.a.mac);
    // The machine itself has no VXLAN device, but its UDP port 14789 is bound (the kernel's socket for the cable).
    const machineLinks = await ipOn<IpLinkDetail[]>(m, ['-d', 'link']);
    expect(machineLinks.map((l) => l.ifname).sort()).toEqual(['eth0', 'lo']);
    const ss = await cluster.sh(m, ['cat', '/proc/net/udp']);
    expect(ss.stdout).toMatch(/:39C5 /); // 14789 in hex
    const inNode = await cluster.sh(m, ['ip', 'netns', 'exec', `${fabric}-leaf1`, 'cat', '/proc/net/udp']);
    expect(inNode.stdout).not.toMatch(/:39C5 /);
  });

  it('routes across machines: h1 pings every other host of the fabric', async () => {
    const from = await whereIs(`${fabric}-h1`);
    for (const h of ['h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8']) {
      const r = await cluster.sh(from, ['ip', 'netns', 'exec', `${fabric}-h1`, 'ping', '-c', '1', '-W', '2', addressOf(h)], { timeoutMs: 15_000 });
      expect(r.exitCode, `h1 → ${h} (${addressOf(h)}): ${r.stdout}${r.stderr}`).toBe(0);
    }
  });

  it('carries TCP over a VXLAN cable (h1 → h5 on another machine), the bytes counted on the cable', async () => {
    const a = await whereIs(`${fabric}-h1`);
    const b = await whereIs(`${fabric}-h5`);
    expect(a.name).not.toBe(b.name);
    const bytes = 128 * 1024 * 1024;
    const script = writeTopology('tcp.py', [
      'import socket, sys, time',
      'if sys.argv[1] == "serve":',
      '    s = socket.create_server(("0.0.0.0", 5201)); print("listening", flush=True)',
      '    c, _ = s.accept(); n = 0',
      '    while True:',
      '        d = c.recv(1 << 16)',
      '        if not d: break',
      '        n += len(d)',
      '    print(n, flush=True)',
      'else:',
      '    c = socket.create_connection((sys.argv[2], 5201), timeout=20); chunk = b"x" * (1 << 16); t = time.time()',
      `    for _ in range(${bytes} // len(chunk)): c.sendall(chunk)`,
      '    c.shutdown(socket.SHUT_WR); c.recv(1); print(time.time() - t)',
      '',
    ].join('\n'));
    const leaf1Before = await ipOn<IpLinkDetail[]>(a, ['-s', '-n', `${fabric}-leaf1`, 'link']);
    const txBefore = leaf1Before.filter((l) => l.ifname !== 'lo').reduce((s, l) => s + (l.stats64?.tx.bytes ?? 0), 0);
    const [cmd, ...args] = cluster.inside(b, ['ip', 'netns', 'exec', `${fabric}-h5`, 'python3', script, 'serve']);
    const server = execa(cmd as string, args, { timeout: 60_000, reject: false });
    try {
      await new Promise<void>((resolve) => server.stdout?.once('data', () => resolve()));
      const client = await cluster.sh(a, ['ip', 'netns', 'exec', `${fabric}-h1`, 'python3', script, 'send', addressOf('h5')], { timeoutMs: 60_000 });
      expect(client.exitCode, client.stderr).toBe(0);
      const seconds = Number(client.stdout.trim());
      const got = await server;
      expect(Number(String(got.stdout).trim().split('\n').pop())).toBe(bytes);
      console.log(`TCP over VXLAN h1 → h5: ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s = ${((bytes * 8) / seconds / 1e9).toFixed(2)} Gbit/s`);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
      await server.catch(() => undefined);
    }
    // leaf1's uplinks to the spines are VXLAN cables; what h1 sent left leaf1 through them.
    const leaf1After = await ipOn<IpLinkDetail[]>(a, ['-s', '-d', '-n', `${fabric}-leaf1`, 'link']);
    const vxTx = leaf1After.filter((l) => l.linkinfo?.info_kind === 'vxlan').reduce((s, l) => s + (l.stats64?.tx.bytes ?? 0), 0);
    const txAfter = leaf1After.filter((l) => l.ifname !== 'lo').reduce((s, l) => s + (l.stats64?.tx.bytes ?? 0), 0);
    expect(txAfter - txBefore).toBeGreaterThan(bytes);
    expect(vxTx).toBeGreaterThan(bytes);
  }, 120_000);

  it('check --etcd: every node of the fabric reaches every other, probed by the agent of the machine that holds it', async () => {
    const r = await cluster.nslab(cluster.machine('m3'), ['check', fabric, '--etcd', cluster.etcdUrl, '--json'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { nodes: { name: string }[]; pairs: { from: string; to: string; status: string }[]; summary: { pairs: number; reachable: number } };
    // 8 hosts and 6 routers have addresses; the rack switches have none.
    expect(report.nodes.map((n) => n.name).sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'leaf1', 'leaf2', 'leaf3', 'leaf4', 'spine1', 'spine2']);
    expect(report.summary.pairs).toBe(14 * 13);
    expect(report.summary.reachable).toBe(14 * 13);
    expect(report.pairs.find((p) => p.from === 'h1' && p.to === 'h8')?.status).toBe('ok');
    // The requests and answers went under the asker's lease, and went with it.
    expect((await cluster.etcdKeys()).filter((k) => /\/nslab\/(requests|results)\//.test(k))).toEqual([]);
  }, 150_000);

  it('an agent killed and restarted while its part is up resumes it from its state record, without rebuilding', async () => {
    const m3 = cluster.machine('m3');
    const before = await netnsOn(m3);
    const inode = (await cluster.sh(m3, ['stat', '-L', '-c', '%i', `/run/netns/${before[0]}`])).stdout;
    await cluster.stopAgent(m3, 'SIGKILL');
    await cluster.startAgent(m3);
    let st = '';
    for (let i = 0; i < 100 && !st.includes('resumed'); i++) {
      st = await cluster.etcdctl('get', `/nslab/status/m3/${fabric}`, '--print-value-only').catch(() => '');
      if (!st.includes('resumed')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.parse(st)).toMatchObject({ kind: 'Part', status: { phase: 'Ready', message: 'resumed: the part was already up here' } });
    expect(await netnsOn(m3)).toEqual(before);
    expect((await cluster.sh(m3, ['stat', '-L', '-c', '%i', `/run/netns/${before[0]}`])).stdout).toBe(inode);
    expect(m3.agentLog).not.toContain('building lab');
  }, 60_000);

  it('gives two labs at once across the same machines different VNIs, both working', async () => {
    const labs = [uniqueLab('va'), uniqueLab('vb')];
    const files = labs.map((lab) =>
      writeTopology(`${lab}.yaml`, `name: ${lab}\ntopology:\n  nodes:\n    a: { host: m2 }\n    b: { host: m3 }\n  links:\n    - endpoints: [a, b]\n`),
    );
    const ups = await Promise.all(files.map((f, i) => cluster.nslab(cluster.machines[i] as SimMachine, ['up', f, '--etcd', cluster.etcdUrl])));
    for (const r of ups) expect(r.exitCode, r.stderr).toBe(0);
    const claims = (await cluster.etcdctl('get', '--prefix', '/nslab/vni/')).split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { metadata: { name: string }; spec: { lab: string; first: number; cables: number } });
    const mine = claims.filter((c) => labs.includes(c.spec.lab));
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((c) => c.metadata.name)).size).toBe(2); // a block each
    const m2 = cluster.machine('m2');
    const m3 = cluster.machine('m3');
    const ids: number[] = [];
    for (const lab of labs) {
      const links = await ipOn<IpLinkDetail[]>(m2, ['-d', '-n', `${lab}-a`, 'link', 'show', 'eth0']);
      const far = await ipOn<IpLinkDetail[]>(m3, ['-d', '-n', `${lab}-b`, 'link', 'show', 'eth0']);
      const claim = mine.find((c) => c.spec.lab === lab);
      const id = links[0]?.linkinfo?.info_data?.id as number;
      expect(far[0]?.linkinfo?.info_data?.id).toBe(id);
      expect(id).toBe(claim?.spec.first); // the first id of the lab's block
      ids.push(id);
      const r = await cluster.sh(m2, ['ip', 'netns', 'exec', `${lab}-a`, 'ping', '-c', '1', '-W', '2', '10.255.0.2'], { timeoutMs: 15_000 });
      expect(r.exitCode, `${lab}: a → b: ${r.stdout}`).toBe(0);
    }
    expect(ids[0]).not.toBe(ids[1]);
    // The second up of a lab is refused by etcd, and changes nothing.
    const again = await cluster.nslab(m1, ['up', files[0] as string, '--etcd', cluster.etcdUrl]);
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(`lab '${labs[0]}' is already up across machines`);
    for (const lab of labs) expect((await cluster.nslab(m1, ['down', lab, '--etcd', cluster.etcdUrl])).exitCode).toBe(0);
  }, 180_000);

  it("refuses a lab too big for one etcd request, saying so, and writes nothing", async () => {
    const lab = uniqueLab('big');
    // Two LANs of 1000 hosts: about 2 MB of plan (a host is about 1 KB of JSON), over etcd's 1.5 MiB.
    const lans = [0, 1].map((l) => Array.from({ length: 1000 }, (_, i) => `h${l * 1000 + i + 1}`));
    const nodes = lans.flat().map((h) => `    ${h}: {}`).join('\n');
    const file = writeTopology(`${lab}.yaml`, `name: ${lab}\ntopology:\n  nodes:\n${nodes}\n  links:\n${lans.map((l) => `    - lan: [${l.join(', ')}]`).join('\n')}\n`);
    const before = await cluster.etcdKeys();
    const r = await cluster.nslab(m1, ['up', file, '--etcd', cluster.etcdUrl]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`lab '${lab}' is \\d+\\.\\d MiB of records, more than etcd takes in one request.*nothing was written`));
    expect(await cluster.etcdKeys()).toEqual(before);
    for (const m of cluster.machines) expect((await netnsOn(m)).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('down --etcd leaves nothing on any machine and no key in etcd but the registrations', async () => {
    const r = await cluster.nslab(cluster.machine('m2'), ['down', fabric, '--etcd', cluster.etcdUrl]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(`lab '${fabric}' is down on m1, m2, m3`);
    for (const m of cluster.machines) {
      expect(await netnsOn(m), m.name).toEqual([]);
      expect((await cluster.sh(m, ['ls', '-A', '/run/nslab'])).stdout, m.name).toBe('');
      expect((await ipOn<IpLinkDetail[]>(m, ['link'])).map((l) => l.ifname).sort()).toEqual(['eth0', 'lo']);
      // The kernel frees a deleted namespace's devices, and so the VXLAN sockets, asynchronously: wait (bounded).
      let udp = '';
      for (let i = 0; i < 50; i++) {
        udp = (await cluster.sh(m, ['cat', '/proc/net/udp'])).stdout;
        if (!/:39C5 /.test(udp)) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      expect(udp, m.name).not.toMatch(/:39C5 /);
    }
    expect(await cluster.etcdKeys()).toEqual(['/nslab/hosts/m1', '/nslab/hosts/m2', '/nslab/hosts/m3']);
    const twice = await cluster.nslab(m1, ['down', fabric, '--etcd', cluster.etcdUrl]);
    expect(twice.stdout).toContain('is not up in etcd');
  }, 120_000);

  it('fails an up whose agent is killed half-way, naming it; the restarted agent clears what it left', async () => {
    const lab = uniqueLab('kill');
    const many = Array.from({ length: 60 }, (_, i) => `b${i + 1}`);
    const file = writeTopology(`${lab}.yaml`, [
      `name: ${lab}`,
      'topology:',
      '  nodes:',
      '    a: { host: m1 }',
      '    sw: { kind: bridge, host: m2 }',
      ...many.map((b) => `    ${b}: { host: m2 }`),
      '  links:',
      '    - endpoints: [a, sw]',
      ...many.map((b) => `    - endpoints: [${b}, sw]`),
      '',
    ].join('\n'));
    const m2 = cluster.machine('m2');
    const upping = cluster.nslab(m1, ['up', file, '--etcd', cluster.etcdUrl], { timeoutMs: 120_000 });
    // Kill m2's agent once it says it is building (bounded: 20 s of polling).
    let phase = '';
    for (let i = 0; i < 400 && phase !== 'Building'; i++) {
      const st = await cluster.etcdctl('get', `/nslab/status/m2/${lab}`, '--print-value-only').catch(() => '');
      phase = st ? (JSON.parse(st) as { status: { phase: string } }).status.phase : '';
      if (phase !== 'Building') await new Promise((r) => setTimeout(r, 50));
    }
    expect(phase).toBe('Building');
    await cluster.stopAgent(m2, 'SIGKILL');
    const r = await upping;
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`the agent of machine 'm2' is gone`);
    // m1's part was rolled back; etcd holds only the two live registrations.
    expect((await netnsOn(m1)).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
    expect(await cluster.etcdKeys()).toEqual(['/nslab/hosts/m1', '/nslab/hosts/m3']);
    await cluster.startAgent(m2);
    // The restarted agent finds a lab of etcd's here that etcd no longer lists, and takes it down (bounded wait).
    for (let i = 0; i < 100 && ((await netnsOn(m2)).length > 0 || (await cluster.sh(m2, ['ls', '-A', '/run/nslab'])).stdout !== ''); i++) {
      await new Promise((res) => setTimeout(res, 200));
    }
    expect(await netnsOn(m2)).toEqual([]);
    expect((await cluster.sh(m2, ['ls', '-A', '/run/nslab'])).stdout).toBe('');
    const d = await cluster.nslab(m1, ['down', lab, '--etcd', cluster.etcdUrl]);
    expect(d.stdout).toContain('is not up in etcd');
    expect(await cluster.etcdKeys()).toEqual(['/nslab/hosts/m1', '/nslab/hosts/m2', '/nslab/hosts/m3']);
  }, 180_000);
});

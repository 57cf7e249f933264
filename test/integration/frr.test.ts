import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, TOPOLOGIES, isRoot, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

/**
 * topologies/frr-ospf.yaml as a user runs it: three FRR routers in a ring,
 * each a sandbox with its own /etc/frr (a bind), OSPF converging so the two
 * hosts reach each other, and rerouting when a ring link goes down.
 * Checked with ip -j route (proto ospf) and ping.
 */
const lab = uniqueLab('frr');
const FRR = '/usr/lib/frr/frrinit.sh';

interface Route {
  dst: string;
  protocol?: string;
  gateway?: string;
  nexthops?: { gateway?: string }[];
}

async function routes(node: string): Promise<Route[]> {
  const r = await execa('ip', ['-n', `${lab}-${node}`, '-j', 'route']);
  return JSON.parse(r.stdout || '[]') as Route[];
}

/** Wait (bounded) until node has an OSPF route to dst, through via when given. */
async function ospfRoute(node: string, dst: string, via?: string, seconds = 40): Promise<Route | undefined> {
  for (let i = 0; i < seconds * 4; i++) {
    const r = (await routes(node)).find((x) => x.dst === dst && x.protocol === 'ospf');
    if (r && (via === undefined || r.gateway === via || r.nexthops?.some((h) => h.gateway === via))) return r;
    await new Promise((res) => setTimeout(res, 250));
  }
  return undefined;
}

/** Bring an example up under this run's lab name, with its router configs beside it. */
async function upExample(example: string, configs: string, name: string) {
  const file = writeTopology(example, readFileSync(join(TOPOLOGIES, example), 'utf8').replace(/^name: .*$/m, `name: ${name}`));
  cpSync(join(TOPOLOGIES, configs), join(dirname(file), configs), { recursive: true });
  return nslab(['up', file]);
}

async function ping(from: string, to: string) {
  return execa('node', [CLI, 'exec', lab, from, '--', 'ping', '-c', '2', '-W', '1', to], { reject: false, timeout: 20_000, stdin: 'ignore' });
}

describe.skipIf(!isRoot || !existsSync(FRR))('FRR routers running OSPF in sandboxed nodes (topologies/frr-ospf.yaml)', () => {
  beforeAll(async () => {
    const up = await upExample('frr-ospf.yaml', 'frr-ospf', lab);
    expect(up.exitCode, up.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await nslab(['down', lab]);
  });

  it('converges: every router learns the far LAN by OSPF, and h1 pings h2', async () => {
    expect(await ospfRoute('r1', '10.0.3.0/24')).toBeDefined();
    expect(await ospfRoute('r3', '10.0.1.0/24')).toBeDefined();
    expect(await ospfRoute('r2', '10.0.1.0/24')).toBeDefined();
    let r = await ping('h1', '10.0.3.2');
    for (let i = 0; i < 10 && r.exitCode !== 0; i++) r = await ping('h1', '10.0.3.2');
    expect(r.exitCode, String(r.stdout)).toBe(0);
  }, 60_000);

  it('runs each router’s daemons as FRR’s own user, inside the node only', async () => {
    const ps = await execa('node', [CLI, 'exec', lab, 'r1', '--', 'ps', '-e', '-o', 'user=,comm='], { stdin: 'ignore' });
    expect(ps.stdout).toMatch(/^frr\s+zebra$/m);
    expect(ps.stdout).toMatch(/^frr\s+ospfd$/m);
    // r2's zebra is not among r1's processes: one zebra, r1's.
    expect(ps.stdout.match(/zebra/g)?.length).toBe(1);
  });

  it('reroutes around a ring link set down with nslab link set', async () => {
    const set = await nslab(['link', 'set', lab, 'r1:eth1', '--down']);
    expect(set.exitCode, set.stderr).toBe(0);
    expect(await ospfRoute('r1', '10.0.3.0/24', '10.0.12.2')).toBeDefined();
    let r = await ping('h1', '10.0.3.2');
    for (let i = 0; i < 10 && r.exitCode !== 0; i++) r = await ping('h1', '10.0.3.2');
    expect(r.exitCode, String(r.stdout)).toBe(0);
  }, 60_000);
});

// Keep the example's configs honest: one router-id per router, each one's interfaces point-to-point.
describe('topologies/frr-ospf configs', () => {
  it('give each router its own hostname and router-id', () => {
    const ids = ['r1', 'r2', 'r3'].map((r) => readFileSync(join(TOPOLOGIES, 'frr-ospf', r, 'frr.conf'), 'utf8'));
    ids.forEach((text, i) => expect(text).toMatch(new RegExp(`^hostname r${i + 1}$`, 'm')));
    const routerIds = ids.map((t) => /ospf router-id (\S+)/.exec(t)?.[1]);
    expect(new Set(routerIds).size).toBe(3);
  });
});

/**
 * topologies/frr-clab.clab.yml: a containerlab FRR lab as containerlab users
 * write it (linux nodes with FRR's image, daemons and frr.conf bound into
 * /etc/frr, PCs set up by exec:), run unchanged. FRR sets the routers'
 * addresses from frr.conf; OSPF on broadcast links waits for its DR
 * election (about 40 s with FRR's default timers).
 */
const clab = uniqueLab('fcl');

describe.skipIf(!isRoot || !existsSync(FRR))('a containerlab FRR lab, unchanged (topologies/frr-clab.clab.yml)', () => {
  beforeAll(async () => {
    const up = await upExample('frr-clab.clab.yml', 'frr-clab', clab);
    expect(up.exitCode, up.stderr).toBe(0);
    // The images are ignored, with containerlab's usual note, once.
    expect(up.stderr.match(/'image' has no meaning for nslab and is ignored/g)?.length).toBe(1);
  }, 60_000);
  afterAll(async () => {
    await nslab(['down', clab]);
  });

  it('FRR sets the routers’ addresses from frr.conf, learns the PCs’ LANs by OSPF, and PC1 reaches PC3', async () => {
    const addrs = JSON.parse((await execa('ip', ['-n', `${clab}-router1`, '-j', 'addr', 'show', 'eth3'])).stdout) as { addr_info: { local: string }[] }[];
    expect(addrs[0]?.addr_info.map((a) => a.local)).toContain('192.168.11.1');
    let found = false;
    for (let i = 0; i < 240 && !found; i++) {
      const r = JSON.parse((await execa('ip', ['-n', `${clab}-router1`, '-j', 'route'])).stdout) as Route[];
      found = r.some((x) => x.dst === '192.168.13.0/24' && x.protocol === 'ospf');
      if (!found) await new Promise((res) => setTimeout(res, 500));
    }
    expect(found).toBe(true);
    let ok = false;
    for (let i = 0; i < 20 && !ok; i++) {
      const p = await execa('node', [CLI, 'exec', clab, 'PC1', '--', 'ping', '-c', '1', '-W', '1', '192.168.13.2'], { reject: false, timeout: 10_000, stdin: 'ignore' });
      ok = p.exitCode === 0;
    }
    expect(ok).toBe(true);
  }, 150_000);

  it('gives each router its own /etc/frr, with the bound daemons file on top', async () => {
    const r = await execa('node', [CLI, 'exec', clab, 'router2', '--', 'sh', '-c', 'grep -c "^ospfd=yes" /etc/frr/daemons; grep "^hostname" /etc/frr/frr.conf; stat -c %U /etc/frr'], { stdin: 'ignore' });
    expect(r.stdout.trim().split('\n')).toEqual(['1', 'hostname router2', 'frr']);
  });
});

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabView } from '../../src/lab/inspect.js';
import { exampleAs, ipJson, isRoot, netnsList, nslab as nslabRaw, uniqueLab } from '../helpers/nslab.js';

/** The CLI's result as text (the shared helper's execa Result type is wider than what it returns). */
async function nslab(args: readonly string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await nslabRaw(args);
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/*
 * `nslab inspect --json` of topologies/router.yaml against what `ip -j`
 * (iproute2, nobody here wrote it) reads in each namespace: interfaces with
 * their link state, MAC, MTU and global addresses, and the main table's routes.
 */

interface IpAddr {
  ifname: string;
  flags: string[];
  mtu: number;
  operstate: string;
  address: string;
  addr_info: { local: string; prefixlen: number; scope: string }[];
}

interface IpRoute {
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  metric?: number;
}

const lab = uniqueLab('insp');

/** Host routes print as a bare address in `ip -j route`; nslab always writes the prefix. */
function withPrefix(dst: string): string {
  if (dst === 'default' || dst.includes('/')) return dst;
  return `${dst}/${dst.includes(':') ? 128 : 32}`;
}

async function ipRoutes(netns: string): Promise<{ dst: string; via?: string; dev?: string; proto: string }[]> {
  const all = [...(await ipJson<IpRoute[]>(['-n', netns, 'route'])), ...(await ipJson<IpRoute[]>(['-n', netns, '-6', 'route']))];
  return all
    .filter((r) => !r.dst.startsWith('fe80:'))
    .map((r) => ({ dst: withPrefix(r.dst), ...(r.gateway ? { via: r.gateway } : {}), ...(r.dev ? { dev: r.dev } : {}), proto: r.protocol ?? 'boot' }));
}

describe.skipIf(!isRoot)('nslab inspect --json against ip -j (router example)', () => {
  let view: LabView;

  beforeAll(async () => {
    const up = await nslab(['up', exampleAs('router.yaml', lab)]);
    expect(up.exitCode, up.stderr).toBe(0);
    // Operational state settles a moment after carrier (linkwatch): wait for ip to see it.
    for (let i = 0; i < 30; i++) {
      const states = await Promise.all(['h1', 'h2', 'r1'].map((n) => ipJson<IpAddr[]>(['-n', `${lab}-${n}`, 'addr'])));
      if (states.flat().every((l) => l.ifname === 'lo' || l.operstate === 'UP')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const r = await nslab(['inspect', lab, '--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    view = JSON.parse(r.stdout) as LabView;
  });

  afterAll(async () => {
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('reads every node live from the kernel', () => {
    expect(view.live).toBe(true);
    expect(view.status).toBe('up');
    expect(view.nodes.map((n) => [n.name, n.netns, n.present])).toEqual([
      ['h1', `${lab}-h1`, true],
      ['h2', `${lab}-h2`, true],
      ['r1', `${lab}-r1`, true],
    ]);
  });

  it('gives each interface the state, MAC, MTU and addresses ip -j addr shows', async () => {
    for (const node of view.nodes) {
      const ip = (await ipJson<IpAddr[]>(['-n', node.netns, 'addr'])).filter((l) => l.ifname !== 'lo');
      expect(node.interfaces.map((i) => i.name).sort()).toEqual(ip.map((l) => l.ifname).sort());
      for (const l of ip) {
        const mine = node.interfaces.find((i) => i.name === l.ifname);
        expect(mine, `${node.name}:${l.ifname}`).toMatchObject({
          up: l.flags.includes('UP'),
          carrier: l.flags.includes('LOWER_UP'),
          operstate: l.operstate,
          mac: l.address,
          mtu: l.mtu,
        });
        const global = l.addr_info.filter((a) => a.scope === 'global').map((a) => `${a.local}/${a.prefixlen}`);
        expect(mine?.addresses.sort(), `${node.name}:${l.ifname} addresses`).toEqual(global.sort());
      }
    }
    // Not vacuous: the router has both its interfaces, up, addressed as the file says.
    const r1 = view.nodes.find((n) => n.name === 'r1');
    expect(r1?.interfaces.map((i) => `${i.name} ${i.addresses.join(',')} ${i.up && i.carrier}`)).toEqual(['eth0 10.0.1.254/24 true', 'eth1 10.0.2.254/24 true']);
  });

  it('lists the routes ip -j route shows, with gateway, device and origin', async () => {
    for (const node of view.nodes) {
      const ip = await ipRoutes(node.netns);
      const mine = node.routes.map((r) => ({ dst: r.dst, ...(r.via ? { via: r.via } : {}), ...(r.dev ? { dev: r.dev } : {}), proto: r.proto }));
      const key = (r: { dst: string; via?: string; dev?: string }): string => `${r.dst} ${r.via ?? ''} ${r.dev ?? ''}`;
      expect([...mine].sort((a, b) => key(a).localeCompare(key(b))), node.name).toEqual([...ip].sort((a, b) => key(a).localeCompare(key(b))));
    }
    expect(view.nodes.find((n) => n.name === 'h1')?.routes).toContainEqual({ dst: 'default', via: '10.0.1.254', dev: 'eth0', proto: 'static' });
  });

  it('calls a link up when both ends are up with carrier', () => {
    expect(view.links.map((l) => [l.id, l.up])).toEqual([
      ['h1:eth0--r1:eth0', true],
      ['h2:eth0--r1:eth1', true],
    ]);
  });

  it('is listed with its node count and state by list --json, which notices a namespace deleted behind its back', async () => {
    const entry = async (): Promise<unknown> => {
      const r = await nslab(['list', '--json']);
      expect(r.exitCode, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { lab: string }[]).find((l) => l.lab === lab);
    };
    expect(await entry()).toMatchObject({ status: 'up', nodes: 3, running: 3, links: 2 });
    await execa('ip', ['netns', 'del', `${lab}-h2`]);
    expect(await entry()).toMatchObject({ status: 'up', nodes: 3, running: 2 });
  });
});

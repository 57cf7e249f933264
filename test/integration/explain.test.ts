import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readFileSync, rmSync } from 'node:fs';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { exampleAs, ipJson, isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

interface Link {
  ifname: string;
  ifindex: number;
  mtu: number;
  address: string;
  master?: string;
  flags: string[];
  link?: string;
  link_index?: number;
  linkinfo?: { info_kind?: string };
}
interface Addr {
  ifname: string;
  addr_info: Array<{ family: string; local: string; prefixlen: number; scope: string }>;
}
interface Route {
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  metric?: number;
  scope?: string;
}

/** What a namespace holds, in a form two builds of the same lab can be compared by. */
async function snapshot(namespaces: string[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const ns of namespaces) {
    const links = (await ipJson<Link[]>(['-d', '-n', ns, 'link'])).map((l) => ({
      ifname: l.ifname,
      ifindex: l.ifindex,
      mtu: l.mtu,
      mac: l.address,
      master: l.master,
      up: l.flags.includes('UP'),
      kind: l.linkinfo?.info_kind,
      peerIndex: l.link_index,
    }));
    const addrs = (await ipJson<Addr[]>(['-n', ns, 'addr'])).map((a) => ({
      ifname: a.ifname,
      addrs: a.addr_info.filter((x) => x.scope === 'global').map((x) => `${x.local}/${x.prefixlen}`).sort(),
    }));
    const routes: Route[] = [...(await ipJson<Route[]>(['-4', '-n', ns, 'route'])), ...(await ipJson<Route[]>(['-6', '-n', ns, 'route']))];
    const sysctl = async (key: string): Promise<string> =>
      (await execa('ip', ['netns', 'exec', ns, 'cat', `/proc/sys/${key.replaceAll('.', '/')}`])).stdout.trim();
    out[ns] = {
      links,
      addrs,
      routes: routes
        .filter((r) => !r.dst.startsWith('fe80') && !r.dst.startsWith('multicast'))
        .map((r) => ({ dst: r.dst, gateway: r.gateway, dev: r.dev, protocol: r.protocol, metric: r.metric, scope: r.scope }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
      forwarding: await sysctl('net.ipv4.ip_forward'),
      ipv6Disabled: await sysctl('net.ipv6.conf.all.disable_ipv6'),
    };
  }
  return out;
}

describe.skipIf(!isRoot)('nslab up --explain', () => {
  const cleanup: { lab: string; names: string[] }[] = [];
  afterAll(async () => {
    for (const { lab, names } of cleanup) {
      for (const ns of names) {
        await execa('ip', ['netns', 'del', ns], { reject: false });
        rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
      }
      // A script that stopped half-way leaves the lab's state directory it began (hosts, netns-etc).
      rmSync(`/run/nslab/${lab}`, { recursive: true, force: true });
    }
  });

  for (const example of ['default.yaml', 'leaf-spine.yaml']) {
    it(`prints a script that builds the same ${example} lab as nslab does (ip -j compared)`, async () => {
      const lab = uniqueLab(`x${example.slice(0, 3)}`);
      const file = exampleAs(example, lab);
      const plan = compilePlan(loadTopologyFile(file));
      const namespaces = plan.namespaces.map((n) => n.name);
      cleanup.push({ lab, names: namespaces });

      expect((await nslab(['up', file])).exitCode).toBe(0);
      const byNslab = await snapshot(namespaces);
      expect((await nslab(['down', lab])).exitCode).toBe(0);

      const explained = await nslab(['up', '--explain', file]);
      expect(explained.exitCode).toBe(0);
      const script = writeTopology('explain.sh', explained.stdout);
      const ran = await execa('sh', [script], { reject: false });
      expect(ran.stderr).toBe('');
      expect(ran.exitCode).toBe(0);
      const byHand = await snapshot(namespaces);
      for (const ns of namespaces) {
        await execa('ip', ['netns', 'del', ns]);
        // What the script wrote for ip netns exec: /etc/netns/<ns>/ and the lab's hosts file.
        expect(readFileSync(`/etc/netns/${ns}/hosts`, 'utf8')).toContain(`${plan.namespaces[0]?.node}`);
        rmSync(`/etc/netns/${ns}`, { recursive: true, force: true });
      }
      rmSync(`/run/nslab/${lab}`, { recursive: true, force: true });

      expect(byHand).toEqual(byNslab);
      expect(Object.keys(byNslab)).toHaveLength(plan.namespaces.length);
      expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
      expect(readFileSync(script, 'utf8')).toContain(`ip netns add ${lab}-`);
    });
  }
});

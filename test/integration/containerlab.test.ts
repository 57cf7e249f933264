import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CLI, ipJson, isRoot, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

const lab = uniqueLab('clab');
const source = fileURLToPath(new URL('../fixtures/containerlab/two-clients.clab.yml', import.meta.url));

describe.skipIf(!isRoot)('a containerlab topology, as containerlab users write it', () => {
  const file = writeTopology('lab.clab.yml', readFileSync(source, 'utf8').replace(/^name: .*$/m, `name: ${lab}`));
  afterAll(async () => {
    await nslab(['down', lab]);
  });

  it('comes up, mentioning each ignored containerlab field once', async () => {
    const r = await nslab(['up', file]);
    expect(r.exitCode).toBe(0);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings.filter((w) => w.includes("'image' has no meaning"))).toHaveLength(1);
    expect(warnings.some((w) => w.includes("'mgmt' has no meaning"))).toBe(true);
  });

  it('applies endpoint addresses, exec commands and sysctls as containerlab would', async () => {
    const router = await ipJson<Array<{ ifname: string; addr_info: Array<{ local: string; prefixlen: number }> }>>(['-n', `${lab}-router`, '-4', 'addr']);
    expect(router.flatMap((i) => i.addr_info.map((a) => `${i.ifname} ${a.local}/${a.prefixlen}`)).sort()).toEqual([
      'eth1 10.1.1.1/24',
      'eth2 10.2.2.1/24',
      'lo 127.0.0.1/8',
    ]);
    const fwd = await execa('ip', ['netns', 'exec', `${lab}-router`, 'cat', '/proc/sys/net/ipv4/ip_forward']);
    expect(fwd.stdout.trim()).toBe('1');
    const mac = await ipJson<Array<{ address: string }>>(['-n', `${lab}-client2`, 'link', 'show', 'eth1']);
    expect(mac[0]?.address).toBe('02:00:00:00:02:02');
  });

  it('lets client1 reach client2 through the router and the bridge, with its env', async () => {
    const r = await execa('node', [CLI, 'exec', lab, 'client1', '--', 'sh', '-c', 'echo $GREETING; ping -c 1 -W 2 10.2.2.2'], { reject: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('hello');
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { exampleAs, ipJson, isRoot, nslab, ping, uniqueLab } from '../helpers/nslab.js';

interface IpAddrInfo {
  ifname: string;
  addr_info: Array<{ family: string; local: string; scope: string }>;
}

/** Every host's global IPv4 addresses, read from the kernel with ip -j. */
async function hostAddresses(lab: string, hosts: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const h of hosts) {
    const info = await ipJson<IpAddrInfo[]>(['-n', `${lab}-${h}`, '-4', 'addr']);
    out.set(h, info.flatMap((i) => i.addr_info.filter((a) => a.scope === 'global').map((a) => a.local)));
  }
  return out;
}

/** Ping every other host's every address from every host; return the failures. */
async function unreachablePairs(lab: string, hosts: string[]): Promise<string[]> {
  const addrs = await hostAddresses(lab, hosts);
  const jobs: Array<[string, string]> = [];
  for (const from of hosts) for (const to of hosts) if (from !== to) for (const a of addrs.get(to) ?? []) jobs.push([from, a]);
  expect(jobs.length).toBeGreaterThan(0);
  const failed: string[] = [];
  // Bounded: at most 8 pings at a time, each one packet with a 2 s wait.
  for (let i = 0; i < jobs.length; i += 8) {
    const batch = jobs.slice(i, i + 8);
    const ok = await Promise.all(batch.map(([from, to]) => ping(`${lab}-${from}`, to)));
    ok.forEach((good, k) => {
      if (!good) failed.push(`${batch[k]?.[0]} → ${batch[k]?.[1]}`);
    });
  }
  return failed;
}

describe.skipIf(!isRoot)('labs with no address or route written by hand', () => {
  const labs: string[] = [];
  afterAll(async () => {
    for (const lab of labs) await nslab(['down', lab]);
  });

  for (const [example, hosts] of [
    ['leaf-spine.yaml', ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8']],
    ['ring.yaml', ['h1', 'h2', 'h3', 'h4']],
  ] as const) {
    it(`${example}: comes up, and every host pings every other host`, async () => {
      const lab = uniqueLab(example.slice(0, 4));
      labs.push(lab);
      const up = await nslab(['up', exampleAs(example, lab)]);
      expect(up.stderr).toBe('');
      expect(up.exitCode).toBe(0);
      const addrs = await hostAddresses(lab, [...hosts]);
      for (const h of hosts) expect(addrs.get(h)?.length).toBe(1);
      expect(await unreachablePairs(lab, [...hosts])).toEqual([]);
      const down = await nslab(['down', lab]);
      expect(down.exitCode).toBe(0);
    });
  }
});

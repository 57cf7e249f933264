import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

const lab = uniqueLab('llim');
const TOPOLOGY = `name: ${lab}
limits: { memory: 256MiB, pids: 200 }
topology:
  nodes: { h1: {}, h2: {} }
  links:
    - endpoints: ["h1:eth0", "h2:eth0"]
`;

/** The lab cgroup's directory in a controller's hierarchy, from the record nslab keeps. */
function labCgroup(controller: string): string {
  const rec = JSON.parse(readFileSync(`/run/nslab/${lab}/lab.json`, 'utf8')) as { facts: { confine: { cgroups: { trees: { key: string; labDir: string }[] } } } };
  const trees = rec.facts.confine.cgroups.trees;
  const t = trees.find((x) => x.key.split(',').includes(controller)) ?? trees.find((x) => x.key === 'unified');
  if (!t) throw new Error(`no ${controller} tree`);
  return t.labDir;
}

describe.skipIf(!isRoot)('limits: for a whole lab', () => {
  beforeAll(async () => {
    const up = await nslab(['up', writeTopology(`${lab}.yaml`, TOPOLOGY)]);
    expect(up.exitCode, up.stderr).toBe(0);
  });
  afterAll(async () => {
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('puts them on the lab cgroup, above every node (read from /sys/fs/cgroup)', () => {
    const mem = labCgroup('memory');
    const limit = mem.includes('/memory/') ? readFileSync(`${mem}/memory.limit_in_bytes`, 'utf8') : readFileSync(`${mem}/memory.max`, 'utf8');
    expect(limit.trim()).toBe(String(256 * 2 ** 20));
    expect(readFileSync(`${labCgroup('pids')}/pids.max`, 'utf8').trim()).toBe('200');
  });

  it('stops fork loops in two nodes at the lab’s limit together, below each node’s own default', async () => {
    const loop = 'i=0; while [ $i -lt 300 ]; do sleep 300 >/dev/null 2>&1 & i=$((i+1)); done 2>/dev/null; echo forked';
    const run = (node: string) => execa('node', [CLI, 'exec', lab, node, '--', 'sh', '-c', loop], { reject: false, stdin: 'ignore', timeout: 30_000 });
    await Promise.all([run('h1'), run('h2')]);
    const dir = labCgroup('pids');
    const current = Number(readFileSync(`${dir}/pids.current`, 'utf8').trim());
    try {
      expect(current).toBeLessThanOrEqual(200);
      expect(current).toBeGreaterThan(150); // the loops did fork, up to the lab's limit
      // Refused forks are counted where they were tried (this kernel): in the lab cgroup or its nodes'.
      const refused = ['', '/h1', '/h2'].map((d) => Number(/^max (\d+)$/m.exec(readFileSync(`${dir}${d}/pids.events`, 'utf8'))?.[1] ?? 0));
      expect(refused.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(readFileSync(`${dir}/h1/pids.max`, 'utf8').trim()).toBe('1024'); // each node's own default is not what stopped them
    } finally {
      await nslab(['down', lab]); // ends every process of the lab (cgroup kill), ours included
    }
  });

  it('refuses a bad value at validation, naming the field', async () => {
    const r = await nslab(['validate', writeTopology('bad-limits.yaml', TOPOLOGY.replace('pids: 200', 'pids: lots'))]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/bad-limits\.yaml:2:\d+: limits\.pids: /);
  });
});

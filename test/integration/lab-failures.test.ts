import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { chmodSync, existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readableCli } from '../helpers/readable.js';
import { dirname } from 'node:path';
import { markRemoving, writeRecord } from '../../src/lab/state.js';
import { LabLock } from '../../src/lab/lock.js';
import { up } from '../../src/lab/up.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, type Plan } from '../../src/topology/plan.js';
import { CLI, exampleAs, isRoot, netnsList, netnsMounts, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

const labs: string[] = [];
function lab(tag: string): string {
  const name = uniqueLab(tag);
  labs.push(name);
  return name;
}

function labNamespaces(name: string): string[] {
  try {
    return readdirSync('/run/netns').filter((n) => n.startsWith(`${name}-`));
  } catch {
    return [];
  }
}

async function expectNothingLeft(name: string): Promise<void> {
  expect((await netnsList()).filter((n) => n.startsWith(`${name}-`))).toEqual([]);
  expect(netnsMounts().filter((m) => m.startsWith(`/run/netns/${name}-`))).toEqual([]);
  expect(existsSync(`/run/nslab/${name}`)).toBe(false);
}

/** N hosts on one bridge, addresses from 10.64.0.0/16. */
function star(name: string, n: number): string {
  const nodes = ['    sw: { kind: bridge }'];
  const links: string[] = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(`    h${i}: {}`);
    links.push(`    - endpoints: [{ node: h${i}, interface: eth0, ipv4: 10.64.${i >> 8}.${i & 255}/16 }, "sw:p${i}"]`);
  }
  return writeTopology(`${name}.yaml`, `name: ${name}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`);
}

describe.skipIf(!isRoot)('failures leave nothing behind', () => {
  afterAll(async () => {
    for (const name of labs) await nslab(['down', name]);
  });

  it('bad input: one clear message with file:line and field, non-zero exit, nothing created', async () => {
    const name = lab('bad');
    const file = writeTopology(
      'bad.yaml',
      `name: ${name}\ntopology:\n  nodes:\n    h1: {}\n    h2: {}\n  links:\n    - endpoints: ["h1:eth0", "h3:eth0"]\n`,
    );
    const before = await netnsList();
    const r = await nslab(['up', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim()).toBe(`nslab: ${file}:7:30: topology.links[0].endpoints[1]: unknown node 'h3' — did you mean 'h1'?`);
    expect(await netnsList()).toEqual(before);
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
  });

  it('a missing file is named, without a stack trace', async () => {
    const r = await nslab(['up', '/nonexistent/lab.yaml']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('cannot read topology file /nonexistent/lab.yaml: ENOENT');
    expect(r.stderr).not.toContain('    at ');
  });

  it('without root: says so and creates nothing', async () => {
    const name = lab('user');
    const file = exampleAs('two-hosts.yaml', name);
    chmodSync(dirname(file), 0o755); // readable by the unprivileged user
    const { cli, cleanup } = readableCli(CLI); // a copy when the checkout is in a 0700 directory
    const r = await execa('node', [cli, 'up', file], { uid: 65534, gid: 65534, reject: false, stdin: 'ignore' }).finally(() => {
      if (cleanup) rmSync(cleanup, { recursive: true, force: true });
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('nslab up needs root');
    expect(labNamespaces(name)).toEqual([]);
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
  });

  it('a kernel refusal half-way rolls back everything and names the request and its origin', async () => {
    const name = lab('rb');
    const plan = compilePlan(loadTopologyFile(exampleAs('router.yaml', name)));
    const broken: Plan = {
      ...plan,
      // An address on an interface index no namespace has: refused with ENODEV
      // after every namespace and link exists.
      addresses: [...plan.addresses, { netns: `${name}-h2`, dev: 'eth9', index: 99, address: '10.0.9.1/24', origin: 'broken.yaml:1:1 test' }],
    };
    await expect(up(broken)).rejects.toThrow(/cannot add address 10\.0\.9\.1\/24 to ifindex 99: ENODEV.*\[broken\.yaml:1:1 test\]/);
    expect(labNamespaces(name)).toEqual([]);
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
  });

  it('a second up while the lab is being deployed gets a clear error', async () => {
    const name = lab('busy');
    const file = exampleAs('two-hosts.yaml', name);
    const plan = compilePlan(loadTopologyFile(file));
    // This test process plays the nslab that is deploying.
    const lock = LabLock.acquire(name, 'bring it up');
    try {
      writeRecord({ lab: name, source: file, status: 'deploying', pid: process.pid, startedAt: new Date().toISOString(), plan });
      const r = await nslab(['up', file]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`lab '${name}' is being deployed: nslab (pid ${process.pid}) holds it to bring it up`);
      expect(labNamespaces(name)).toEqual([]);
    } finally {
      lock.release();
    }
    await nslab(['down', name]);
    await expectNothingLeft(name);
  });

  it('names the down that holds a lab, not the up that made it; list says partial after a down cut short', async () => {
    const name = lab('hold');
    const file = exampleAs('two-hosts.yaml', name);
    expect((await nslab(['up', file])).exitCode).toBe(0);
    const rec = JSON.parse(readFileSync(`/run/nslab/${name}/lab.json`, 'utf8')) as { pid: number };
    // This test process plays a down in progress.
    const lock = LabLock.acquire(name, 'take it down');
    try {
      const r = await nslab(['up', file]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain(`lab '${name}' is busy: nslab (pid ${process.pid}) holds it to take it down; cannot bring it up now`);
      expect(r.stderr).not.toContain(`pid ${rec.pid})`);
    } finally {
      lock.release();
    }
    // A down that got as far as one namespace, then died: it had marked the lab removing, the lock is free.
    markRemoving(name);
    await execa('ip', ['netns', 'del', `${name}-h1`]);
    const list = JSON.parse((await nslab(['list', '--json'])).stdout) as { lab: string; status: string }[];
    expect(list.find((l) => l.lab === name)?.status).toBe(`partial (1 of 2 namespaces left; run nslab down)`);
    expect((await nslab(['down', name])).exitCode).toBe(0);
    await expectNothingLeft(name);
  });

  it('kill -9 in the middle of a 400-node up, then down: nothing of the lab is left', async () => {
    const name = lab('k9');
    const file = star(name, 400);
    const child = execa('node', [CLI, 'up', file], { reject: false, stdin: 'ignore' });
    // Wait (bounded) until the lab is part-made, then kill it without warning.
    const deadline = Date.now() + 30_000;
    while (labNamespaces(name).length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGKILL');
    const result = await child;
    expect(result.signal).toBe('SIGKILL');
    const record = JSON.parse(readFileSync(`/run/nslab/${name}/lab.json`, 'utf8')) as { status: string };
    expect(record.status).toBe('deploying');
    expect(labNamespaces(name).length).toBeGreaterThan(0);

    const listed = await nslab(['list']);
    expect(listed.stdout).toMatch(new RegExp(`${name}\\s+failed`));
    const r = await nslab(['down', name]);
    expect(r.exitCode).toBe(0);
    await expectNothingLeft(name);
    const again = await nslab(['down', name]);
    expect(again.exitCode).toBe(0);
  });
});

describe.skipIf(!isRoot)('link impairments at up', () => {
  it('a delay on a kernel without netem fails up in one line naming the missing feature, and rolls back', async (ctx) => {
    const name = uniqueLab('nem');
    const file = writeTopology(
      'netem.yaml',
      `name: ${name}\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - { endpoints: [h1, h2], delay: 50ms }\n`,
    );
    const r = await nslab(['up', file]);
    try {
      if (r.exitCode === 0) {
        // This kernel has netem: the qdisc must be there instead.
        const tc = await execa('tc', ['-n', `${name}-h1`, '-j', 'qdisc', 'show', 'dev', 'eth0']);
        expect(tc.stdout).toContain('"kind":"netem"');
        ctx.skip('this kernel has netem, so up cannot fail for want of it here (test/unit/link.test.ts pins the message)');
      }
      expect(r.exitCode).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^nslab: cannot impair h1:eth0: this kernel has no netem \(CONFIG_NET_SCH_NETEM; the kernel says "Specified qdisc kind is unknown"\)/);
      expect(lines[0]).toContain(`${file}:5:`);
      expect(labNamespaces(name)).toEqual([]);
      expect(existsSync(`/run/nslab/${name}`)).toBe(false);
    } finally {
      await nslab(['down', name]);
    }
  });
});

describe.skipIf(!isRoot)('up never takes or removes a namespace it did not make', () => {
  const made: string[] = [];
  const ours: string[] = [];
  afterAll(async () => {
    for (const name of ours) await nslab(['down', name]);
    for (const ns of made) await execa('ip', ['netns', 'del', ns], { reject: false });
  });

  /** The namespace as ip sees it: present, and its interfaces (lo plus what the first owner made). */
  async function linksOf(ns: string): Promise<string[]> {
    const r = await execa('ip', ['-n', ns, '-j', 'link', 'show']);
    return (JSON.parse(r.stdout) as { ifname: string }[]).map((l) => l.ifname).sort();
  }

  it("refuses a lab whose LAB-NODE name is another lab's, naming it, and leaves that lab whole", async () => {
    const first = lab('rtc');
    ours.push(first);
    const a = writeTopology(`${first}.yaml`, `name: ${first}\ntopology:\n  nodes: { x-y: {}, z: {} }\n  links:\n    - endpoints: ["x-y:eth0", "z:eth0"]\n`);
    expect((await nslab(['up', a])).exitCode).toBe(0);
    const shared = `${first}-x-y`;
    const before = await linksOf(shared);
    expect(before).toEqual(['eth0', 'lo']);

    const second = `${first}-x`;
    ours.push(second);
    const b = writeTopology(`${second}.yaml`, `name: ${second}\ntopology:\n  nodes: { y: {}, w: {} }\n  links:\n    - endpoints: ["y:eth0", "w:eth0"]\n`);
    const r = await nslab(['up', b]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${shared} (node y [${b}:3`);
    expect(r.stderr).toContain(`is lab '${first}'s (its node x-y)`);
    expect(r.stderr).toContain('nothing was made');
    expect(await netnsList()).toContain(shared);
    expect(await linksOf(shared)).toEqual(before);
    expect((await netnsList()).filter((n) => n === `${second}-w`)).toEqual([]);
    expect(existsSync(`/run/nslab/${second}`)).toBe(false);
    const list = await nslab(['list', '--json']);
    expect(list.stdout).toContain(`"${first}"`);
  });

  it("refuses a name the user made with ip netns add, and leaves the user's namespace alone", async () => {
    const name = lab('rtm');
    const theirs = `${name}-a`;
    await execa('ip', ['netns', 'add', theirs]);
    made.push(theirs);
    await execa('ip', ['-n', theirs, 'link', 'add', 'mine0', 'type', 'veth', 'peer', 'name', 'mine1']);
    const file = writeTopology(`${name}.yaml`, `name: ${name}\ntopology:\n  nodes: { a: {}, b: {} }\n  links:\n    - endpoints: ["a:eth0", "b:eth0"]\n`);
    const r = await nslab(['up', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`${theirs} (node a [`);
    expect(r.stderr).toContain('exists already and nslab did not make it');
    expect(await linksOf(theirs)).toEqual(['lo', 'mine0', 'mine1']);
    await expectNothingLeft(`${name}-b`);
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
  });
});

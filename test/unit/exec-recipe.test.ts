import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';

const stateDir = mkdtempSync(join(tmpdir(), 'nslab-exec-index-'));
process.env.NSLAB_STATE_DIR = stateDir;
// The state directory is read when state.js loads, so it and what imports it come after.
const { execIndexPath, labDir, markRemoving } = await import('../../src/lab/state.js');
const { ExecError, readExecRecipe, recipeFromRecord, writeExecIndex } = await import('../../src/lab/exec-recipe.js');
type LabRecord = import('../../src/lab/state.js').LabRecord;

afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

const YAML = `name: ix
topology:
  nodes:
    h1: { env: { GREETING: "a\\tb" } }
    h10: { pids: unlimited }
    h2: { isolation: network, cap-add: [SYS_ADMIN] }
    h3: { seccomp: unconfined, memory: 64MiB }
  links:
    - endpoints: [h1:eth0, h10:eth0]
    - endpoints: [h2:eth0, h3:eth0]
`;

/** A record as up leaves it: the plan, and facts shaped as the confine and sandbox steps write them. */
function upRecord(lab: string): LabRecord {
  const plan = compilePlan(loadTopology(`${lab}.yaml`, YAML.replace('name: ix', `name: ${lab}`)));
  const sandboxed = plan.namespaces.filter((n) => n.confine.isolation === 'sandbox').map((n) => n.node);
  return {
    lab,
    source: `${lab}.yaml`,
    status: 'up',
    pid: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    plan,
    facts: {
      confine: {
        cgroups: { version: 'v1', lab, trees: [{ key: 'pids', kind: 'v1', controllers: ['pids'], labDir: `/sys/fs/cgroup/pids/nslab-${lab}` }] },
        caps: Object.fromEntries(plan.namespaces.map((n) => [n.node, n.node === 'h2' ? ['CAP_NET_ADMIN', 'CAP_SYS_ADMIN'] : ['CAP_NET_ADMIN']])),
        seccomp: Object.fromEntries(plan.namespaces.map((n) => [n.node, n.node === 'h3' ? null : n.node === 'h2' ? 'p2' : 'p1'])),
        programs: { p1: { program: 'AAAA', flags: 0 }, p2: { program: 'BBBB', flags: 1 } },
        uts: {},
      },
      sandbox: {
        userns: `${labDir(lab)}/ns/user`,
        ids: { uid: 1 << 28, gid: 1 << 28, count: 65536 },
        nodes: Object.fromEntries(sandboxed.map((n) => [n, { mnt: `${labDir(lab)}/ns/${n}.mnt`, dir: `${labDir(lab)}/nodes/${n}` }])),
      },
    },
  };
}

function made(lab: string): LabRecord {
  const rec = upRecord(lab);
  mkdirSync(labDir(lab), { recursive: true });
  writeExecIndex(rec);
  return rec;
}

describe("exec's index of an up lab", () => {
  it('gives every node exactly the recipe the record gives (sandboxed or not, with and without a filter)', () => {
    const rec = made('ix1');
    for (const n of rec.plan.namespaces) {
      expect(readExecRecipe('ix1', n.node), n.node).toEqual(recipeFromRecord(rec, 'ix1', n.node));
    }
    const h2 = readExecRecipe('ix1', 'h2');
    expect(h2?.sandbox).toBeUndefined();
    expect(h2?.seccomp).toEqual({ program: 'BBBB', flags: 1 });
    expect(readExecRecipe('ix1', 'h3')?.seccomp).toBeUndefined();
    expect(readExecRecipe('ix1', 'h1')?.env).toEqual({ GREETING: 'a\tb' });
  });

  it('finds a node by its whole name, not one that begins with it', () => {
    made('ix2');
    expect(readExecRecipe('ix2', 'h1')?.limits).toEqual({ pids: 1024 });
    expect(readExecRecipe('ix2', 'h10')?.limits).toEqual({});
    expect(readExecRecipe('ix2', 'h')).toBeUndefined();
  });

  it('does not answer for a lab without an index, a node it lacks, or a lab a down has begun on', () => {
    expect(readExecRecipe('ix-none', 'h1')).toBeUndefined();
    made('ix3');
    expect(readExecRecipe('ix3', 'h9')).toBeUndefined();
    markRemoving('ix3');
    expect(existsSync(execIndexPath('ix3'))).toBe(false);
    expect(readExecRecipe('ix3', 'h1')).toBeUndefined();
  });

  it('an index that cannot say all of a confinement is not used: a missing program, a sandbox without its user namespace', () => {
    made('ix4');
    const path = execIndexPath('ix4');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('"p1":', '"px":'));
    expect(readExecRecipe('ix4', 'h1')).toBeUndefined();
    expect(readExecRecipe('ix4', 'h3')).toBeDefined(); // no filter: nothing missing
    writeFileSync(path, text.replace(/,?"userns":"[^"]*"/, ''));
    expect(readExecRecipe('ix4', 'h1')).toBeUndefined();
    expect(readExecRecipe('ix4', 'h2')).toBeDefined(); // isolation: network needs no user namespace
    writeFileSync(path, text.replace('{"cgroups"', '{cgroups'));
    expect(readExecRecipe('ix4', 'h2')).toBeUndefined();
  });

  it('the record explains what the index cannot: a down begun, still deploying, no such node', () => {
    const rec = upRecord('ix5');
    expect(() => recipeFromRecord(undefined, 'ix5', 'h1')).toThrow(/not up/);
    expect(() => recipeFromRecord({ ...rec, status: 'removing' }, 'ix5', 'h1')).toThrow(/being taken down/);
    expect(() => recipeFromRecord({ ...rec, status: 'deploying' }, 'ix5', 'h1')).toThrow(/still being deployed/);
    expect(recipeFromRecord({ ...rec, status: 'deploying' }, 'ix5', 'h1', { starting: true }).node).toBe('h1');
    expect(() => recipeFromRecord(rec, 'ix5', 'h11')).toThrow(ExecError);
    expect(() => recipeFromRecord(rec, 'ix5', 'h11')).toThrow(/no node 'h11'.*did you mean 'h1'/);
  });
});

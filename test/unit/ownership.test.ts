import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { seeded } from '../helpers/random.js';

const stateDir = mkdtempSync(join(tmpdir(), 'nslab-own-'));
process.env.NSLAB_STATE_DIR = stateDir;
// The state directory is read when state.js loads, so it and what imports it come after.
const { Journal, labDir, readJournal } = await import('../../src/lab/state.js');
const { takenNames } = await import('../../src/lab/ownership.js');

afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('the journal', () => {
  it('forgets netns lines taken back as not made, and keeps everything else', () => {
    mkdirSync(labDir('j1'), { recursive: true });
    const j = new Journal('j1');
    j.intend([{ op: 'netns', name: 'j1-a' }, { op: 'netns', name: 'j1-b' }, { op: 'netns', name: 'j1-c' }]);
    j.retractNamespaces(['j1-b', 'j1-c']);
    j.intend([{ op: 'cgroup', record: {} }]);
    j.close();
    expect(readJournal('j1')).toEqual([{ op: 'netns', name: 'j1-a' }, { op: 'cgroup', record: {} }]);
  });
});

describe('namespace names', () => {
  it('no two labs that up lets through ever share a namespace (random labs, names built to collide)', () => {
    const rnd = seeded(12);
    const parts = ['a', 'b', 'x', 'a-b', 'b-x', 'x-a'];
    const pick = (): string => parts[Math.floor(rnd() * parts.length)] as string;
    const name = (most: number): string => Array.from({ length: 1 + Math.floor(rnd() * most) }, pick).join('-');
    const held = new Map<string, { lab: string; node?: string }>();
    const upLabs = new Map<string, Set<string>>();
    let refused = 0;
    for (let i = 0; i < 3000 && upLabs.size < 200; i++) {
      const lab = `l${name(3)}`;
      if (upLabs.has(lab)) continue;
      const nodes = [...new Set([name(2), name(2), name(2)])];
      const yaml = `name: ${lab}\ntopology:\n  nodes:\n${nodes.map((n) => `    ${n}: {}`).join('\n')}\n`;
      const plan = compilePlan(loadTopology(`${lab}.yaml`, yaml));
      const taken = takenNames(plan, held, () => false);
      if (taken.length > 0) {
        refused++;
        for (const t of taken) expect(held.get(t.name)?.lab).not.toBe(lab);
        continue;
      }
      const names = new Set(plan.namespaces.map((n) => n.name));
      for (const [other, theirs] of upLabs) for (const n of names) expect(theirs.has(n), `${lab} and ${other} both hold ${n}`).toBe(false);
      upLabs.set(lab, names);
      for (const n of plan.namespaces) held.set(n.name, { lab, node: n.node });
    }
    expect(refused).toBeGreaterThan(10); // the generator does make colliding labs
    expect(upLabs.size).toBeGreaterThan(10);
  });

  it('names what holds a taken name: another lab and its node, or the machine', () => {
    const plan = compilePlan(loadTopology('rtc-x.yaml', 'name: rtc-x\ntopology:\n  nodes: { y: {}, w: {} }\n'));
    const taken = takenNames(plan, new Map([['rtc-x-y', { lab: 'rtc', node: 'x-y' }]]), (n) => n === 'rtc-x-w');
    expect(taken.map((t) => [t.name, t.node, t.claim])).toEqual([
      ['rtc-x-y', 'y', { lab: 'rtc', node: 'x-y' }],
      ['rtc-x-w', 'w', {}],
    ]);
  });
});

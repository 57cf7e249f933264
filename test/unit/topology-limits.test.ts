import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';

const plan = (nodes: string) => compilePlan(loadTopology('l.yaml', `name: l\ntopology:\n  defaults: {}\n  nodes:\n${nodes}\n`));
const confine = (nodes: string, node: string) => plan(nodes).namespaces.find((n) => n.node === node)?.confine;

describe('node limits', () => {
  it("gives a node with no pids: line nslab's default of 1024, marked as a default", () => {
    expect(confine('    a: {}', 'a')).toMatchObject({ limits: { pids: 1024 }, defaulted: ['pids'] });
  });

  it('keeps a written pids limit as written, and lifts it with pids: unlimited', () => {
    expect(confine('    a: { pids: 50 }', 'a')).toMatchObject({ limits: { pids: 50 }, defaulted: [] });
    const open = confine('    a: { pids: unlimited }', 'a');
    expect(open?.limits.pids).toBeUndefined();
    expect(open?.defaulted).toEqual([]);
  });

  it('refuses other words for pids, naming the field', () => {
    expect(() => plan('    a: { pids: lots }')).toThrow(/pids/);
  });
});

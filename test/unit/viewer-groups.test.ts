import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView, type LabView } from '../../src/lab/inspect.js';
import { loadTopology, loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { DRAW_BUDGET, hostGroups } from '../../src/viewer/groups.js';
import { computeLayout, naturalCompare } from '../../src/viewer/layout.js';
import { findByName, groupEdge, groupLabel, hiddenNodes } from '../../viewer/src/groups.js';
import { graphElements } from '../../viewer/src/elements.js';
import { leafSpineTopology, starTopology } from '../helpers/large-labs.js';

const viewOfText = (text: string): LabView => planView(compilePlan(loadTopology('test.yaml', text)));
const star = viewOfText(starTopology('star', 1000));
const fabric = viewOfText(leafSpineTopology('fabric', 8, 32, 30));

/** Boxes drawn with every group folded. */
function drawnNodes(v: LabView): number {
  const layout = computeLayout(v);
  return v.nodes.length - layout.groups.reduce((s, g) => s + g.members.length - 1, 0);
}

describe('hostGroups() and the layout of a large lab', () => {
  it('folds the 1000 hosts of a star into one group under its bridge', () => {
    const layout = computeLayout(star);
    expect(layout.groups).toHaveLength(1);
    const g = layout.groups[0];
    expect(g?.id).toBe('group:sw');
    expect(g?.parent).toBe('sw');
    expect(g?.members).toHaveLength(1000);
    expect(g?.members.slice(0, 3)).toEqual(['h1', 'h2', 'h3']);
    expect(drawnNodes(star)).toBe(2);
    // The group sits below its bridge; its hosts, when opened, in a grid below it (no two on one spot).
    const at = layout.positions;
    expect((at['group:sw']?.y ?? 0) > (at.sw?.y ?? 0)).toBe(true);
    const spots = new Set(g?.members.map((m) => `${at[m]?.x},${at[m]?.y}`));
    expect(spots.size).toBe(1000);
    const xs = g?.members.map((m) => at[m]?.x ?? 0) ?? [];
    const ys = g?.members.map((m) => at[m]?.y ?? 0) ?? [];
    const w = Math.max(...xs) - Math.min(...xs);
    const h = Math.max(...ys) - Math.min(...ys);
    // About square: fitted to a 16:9 window, a 64 px host box stays wider than 8 px.
    expect(w / h).toBeGreaterThan(0.5);
    expect(w / h).toBeLessThan(2);
    expect(Math.min(...ys)).toBeGreaterThan(at['group:sw']?.y ?? 0);
  });

  it('folds each rack of a 1000-node leaf–spine, leaving spines, leaves and racks drawn', () => {
    expect(fabric.nodes).toHaveLength(8 + 32 + 32 + 960);
    const layout = computeLayout(fabric);
    expect(layout.groups.map((g) => g.parent)).toEqual(Array.from({ length: 32 }, (_, i) => `rack${i + 1}`));
    expect(layout.groups.every((g) => g.members.length === 30)).toBe(true);
    expect(drawnNodes(fabric)).toBe(8 + 32 + 32 + 32);
    expect(drawnNodes(fabric)).toBeLessThanOrEqual(DRAW_BUDGET);
    // Rows: spines over leaves over racks over the groups.
    const y = (n: string): number => layout.positions[n]?.y ?? NaN;
    expect(y('spine1')).toBeLessThan(y('leaf1'));
    expect(y('leaf1')).toBeLessThan(y('rack1'));
    expect(y('rack1')).toBeLessThan(y('group:rack1'));
    expect(computeLayout(viewOfText(leafSpineTopology('fabric', 8, 32, 30)))).toEqual(layout);
  });

  it('folds nothing in a lab that fits, and every group of GROUP_MIN hosts or more in one that does not', () => {
    const small = planView(compilePlan(loadTopologyFile(fileURLToPath(new URL('../../topologies/leaf-spine.yaml', import.meta.url)))));
    expect(computeLayout(small).groups).toEqual([]);
    expect(hostGroups(viewOfText(starTopology('s', DRAW_BUDGET - 1)), naturalCompare)).toEqual([]);
    expect(hostGroups(viewOfText(starTopology('s', DRAW_BUDGET)), naturalCompare)).toHaveLength(1);
    // 3 racks of 60 hosts: all three fold alike; a fourth node with three hosts of its own stays as it is.
    const racks = viewOfText(`${leafSpineTopology('r', 1, 3, 60)}    - { lan: [spine1, x1, x2, x3], name: small }\n`.replace('  links:', '    x1: {}\n    x2: {}\n    x3: {}\n  links:'));
    const groups = hostGroups(racks, naturalCompare);
    expect(groups.map((g) => g.parent)).toEqual(['rack1', 'rack2', 'rack3']);
    expect(racks.nodes.map((n) => n.name)).toContain('x3');
  });
});

describe('the page\'s groups', () => {
  const layout = computeLayout(star);
  const g = layout.groups[0];
  if (!g) throw new Error('no group');

  it('hides a folded group\'s hosts and their cables, and draws them when it is opened', () => {
    const folded = hiddenNodes(layout, new Set());
    expect(folded.size).toBe(1000);
    const base = { view: star, layout, decor: {}, rates: {}, showAddresses: false, showRates: true };
    expect(graphElements({ ...base, hidden: folded })).toHaveLength(1);
    expect(hiddenNodes(layout, new Set([g.id])).size).toBe(0);
    expect(graphElements({ ...base, hidden: new Set(), bulk: new Set(g.members) }).filter((e) => e.classes?.includes('bulk'))).toHaveLength(1000);
  });

  it('labels the group with its count, and counts missing hosts and down cables of a live lab', () => {
    expect(groupLabel(star, g, {})).toBe('sw · 1000 hosts');
    const live: LabView = {
      ...star,
      live: true,
      nodes: star.nodes.map((n) => ({ ...n, present: n.name !== 'h7' })),
      links: star.links.map((l) => ({ ...l, up: ![l.a.node, l.b.node].some((n) => n === 'h9' || n === 'h7') })),
    };
    expect(groupLabel(live, g, {})).toBe('sw · 1000 hosts\n1 missing, 2 down');
    const e = groupEdge(live, g, {}, true);
    expect(e.classes).toBe('partial group');
    expect(e.data.midLabel).toBe('2 of 1000 down');
    const up: LabView = { ...live, nodes: star.nodes.map((n) => ({ ...n, present: true })), links: star.links.map((l) => ({ ...l, up: true })) };
    const id1 = star.links[0]?.id as string;
    const id2 = star.links[1]?.id as string;
    const busy = groupEdge(up, g, { [id1]: { ab: 400_000, ba: 100_000, label: '' }, [id2]: { ab: 700_000, ba: 0, label: '' } }, true);
    expect(busy.classes).toBe('up busy group');
    expect(busy.data.midLabel).toBe('1.2 Mb/s');
    expect(busy.data.bps).toBe(1_200_000);
  });

  it('finds a node by its name, then by a prefix, then by a part of it, ignoring case', () => {
    const names = star.nodes.map((n) => n.name);
    expect(findByName(names, 'h777')).toBe('h777');
    expect(findByName(names, ' H77 ')).toBe('h77');
    expect(findByName(names, 'h7777')).toBeUndefined();
    expect(findByName(['alpha', 'beta'], 'et')).toBe('beta');
    expect(findByName(names, '')).toBeUndefined();
  });
});

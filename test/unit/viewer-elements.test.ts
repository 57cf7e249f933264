import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView, type LabView, type LinkView, type NodeView } from '../../src/lab/inspect.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { decorations } from '../../src/viewer/decorations.js';
import { computeLayout } from '../../src/viewer/layout.js';
import { drawnKind, edgeClasses, edgeData, edgeWidth, graphElements, nodeClasses, nodeLabel, placedAt } from '../../viewer/src/elements.js';

const example = (name: string): string => fileURLToPath(new URL(`../../topologies/${name}`, import.meta.url));
const planOf = (name: string) => compilePlan(loadTopologyFile(example(name)));

function node(over: Partial<NodeView> = {}): NodeView {
  return {
    name: 'h1',
    kind: 'host',
    netns: 'lab-h1',
    hostname: 'h1',
    present: true,
    interfaces: [
      { name: 'eth0', index: 2, up: true, carrier: true, operstate: 'UP', addresses: ['10.0.1.10/24', 'fd00::10/64'] },
      { name: 'eth1', index: 3, up: true, carrier: true, operstate: 'UP', addresses: [] },
    ],
    routes: [],
    limits: {},
    capabilities: [],
    seccomp: 'default',
    isolation: 'network',
    ...over,
  };
}

const link = (up: boolean): LinkView => ({ id: 'h1:eth0--sw1:p1', a: { node: 'h1', interface: 'eth0' }, b: { node: 'sw1', interface: 'p1' }, up });
const rate = (ab: number, ba: number) => ({ ab, ba, label: `${ab + ba} b/s` });

describe('drawnKind() and nodeClasses()', () => {
  it('draws a node by its kind unless the plan gives it NAT or the uplink, uplink first', () => {
    const plan = planOf('nat.yaml');
    const view = planView(plan);
    const decor = decorations(plan);
    const gw = view.nodes.find((n) => n.name === 'gw') as NodeView;
    expect(gw.kind).toBe('router');
    expect(drawnKind(gw, decor)).toBe('nat');
    expect(drawnKind(gw, { gw: { nat: { ports: [] }, uplink: { dev: 'up0', address: 'a', hostDev: 'h', hostAddress: 'b', nat: true } } })).toBe('uplink');
    expect(drawnKind(gw, {})).toBe('router');
  });

  it('marks nodes missing from a live lab as absent, never those of a planned one', () => {
    expect(nodeClasses(node({ present: false }), true, {})).toBe('host absent');
    expect(nodeClasses(node({ present: false }), false, {})).toBe('host');
    expect(nodeClasses(node({ kind: 'bridge' }), true, {})).toBe('bridge');
  });
});

describe('nodeLabel()', () => {
  it('is the name, with "(missing)" for a live node whose namespace is gone', () => {
    expect(nodeLabel(node(), true, false)).toBe('h1');
    expect(nodeLabel(node({ present: false }), true, false)).toBe('h1 (missing)');
    expect(nodeLabel(node({ present: false }), false, false)).toBe('h1');
  });

  it('lists one "interface address" line per address when addresses are shown', () => {
    expect(nodeLabel(node(), true, true).split('\n')).toEqual(['h1', 'eth0 10.0.1.10/24', 'eth0 fd00::10/64']);
  });
});

describe('edgeData() and edgeClasses()', () => {
  const inputs = { live: true, rates: {}, showRates: true, offsets: {} };

  it('labels a live cable that is down DOWN, whatever its rate', () => {
    const d = edgeData(link(false), { ...inputs, rates: { 'h1:eth0--sw1:p1': rate(5000, 5000) } });
    expect(d.midLabel).toBe('DOWN');
    expect(edgeClasses(link(false), true, {})).toBe('down');
  });

  it('shows the rate of a busy cable only while rates are shown, and keeps an idle one quiet', () => {
    const busy = { 'h1:eth0--sw1:p1': rate(600, 600) };
    expect(edgeData(link(true), { ...inputs, rates: busy }).midLabel).toBe('1200 b/s');
    expect(edgeData(link(true), { ...inputs, rates: busy, showRates: false }).midLabel).toBe('');
    expect(edgeData(link(true), { ...inputs, rates: { 'h1:eth0--sw1:p1': rate(400, 500) } }).midLabel).toBe('');
    expect(edgeClasses(link(true), true, busy)).toBe('up busy');
    expect(edgeClasses(link(true), true, { 'h1:eth0--sw1:p1': rate(400, 500) })).toBe('up');
    expect(edgeClasses(link(false), false, busy)).toBe('planned');
  });

  it('names the interfaces at both ends and takes measured end offsets, 44 until measured', () => {
    const d = edgeData(link(true), { ...inputs, offsets: { 'h1:eth0--sw1:p1|s': 20 } });
    expect(d).toMatchObject({ source: 'h1', target: 'sw1', srcLabel: 'eth0', tgtLabel: 'p1', srcOff: 20, tgtOff: 44, bps: 0, width: 4 });
  });

  it('draws cables thicker on a log scale: 4 px idle, 6 at 10 kb/s, 10 at 1 Mb/s, 14 at 100 Mb/s, at most 18', () => {
    expect(edgeWidth(999)).toBe(4);
    expect(edgeWidth(1000)).toBe(4);
    expect(edgeWidth(10_000)).toBe(6);
    expect(edgeWidth(1e6)).toBe(10);
    expect(edgeWidth(1e8)).toBe(14);
    expect(edgeWidth(1e12)).toBe(18);
  });
});

describe('graphElements()', () => {
  const view: LabView = planView(planOf('leaf-spine.yaml'));
  const layout = computeLayout(view);
  const base = { view, layout, decor: {}, rates: {}, showAddresses: false, showRates: true };

  it('makes one node per lab node at its layout position and one edge per link', () => {
    const els = graphElements(base);
    const nodes = els.filter((e) => e.group === 'nodes');
    const edges = els.filter((e) => e.group === 'edges');
    expect(nodes.map((n) => n.data.id)).toEqual(view.nodes.map((n) => n.name));
    expect(edges.map((e) => e.data.id)).toEqual(view.links.map((l) => l.id));
    expect(nodes).toHaveLength(18);
    expect(edges).toHaveLength(20);
    for (const n of nodes) expect(n.position).toEqual(layout.positions[n.data.id as string]);
    expect(edges.every((e) => e.classes === 'planned')).toBe(true);
    expect(nodes.find((n) => n.data.id === 'spine1')?.classes).toBe('router');
  });

  it('stretches positions and adds the addresses class when addresses are shown', () => {
    const els = graphElements({ ...base, showAddresses: true });
    const spine = els.find((e) => e.data.id === 'spine1');
    const at = layout.positions.spine1 as { x: number; y: number };
    expect(spine?.position).toEqual({ x: at.x * 1.25, y: at.y * 1.15 });
    expect(spine?.classes).toBe('router addresses');
    expect(placedAt(layout, 'no-such-node', true)).toEqual({ x: 0, y: 0 });
  });
});

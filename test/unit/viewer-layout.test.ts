import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView, type LabView } from '../../src/lab/inspect.js';
import { loadTopology, loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { computeLayout, naturalCompare, ROW_GAP } from '../../src/viewer/layout.js';

const example = (name: string): string => fileURLToPath(new URL(`../../topologies/${name}`, import.meta.url));
const viewOf = (name: string): LabView => planView(compilePlan(loadTopologyFile(example(name))));
const viewOfText = (text: string): LabView => planView(compilePlan(loadTopology('test.yaml', text)));

/** A ring of five routers, two of them with a host. */
const RING = `
name: ring
topology:
  nodes:
    r1: { kind: router }
    r2: { kind: router }
    r3: { kind: router }
    r4: { kind: router }
    r5: { kind: router }
    h1: { kind: host }
    h3: { kind: host }
  links:
    - endpoints: ["r1:e1", "r2:e0"]
    - endpoints: ["r2:e1", "r3:e0"]
    - endpoints: ["r3:e1", "r4:e0"]
    - endpoints: ["r4:e1", "r5:e0"]
    - endpoints: ["r5:e1", "r1:e0"]
    - endpoints: ["h1:eth0", "r1:e2"]
    - endpoints: ["h3:eth0", "r3:e2"]
`;

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('computeLayout()', () => {
  it('gives the same positions every time for the same lab', () => {
    const v = viewOf('leaf-spine.yaml');
    const first = computeLayout(v);
    const second = computeLayout(viewOf('leaf-spine.yaml'));
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('does not depend on the order nodes and links are listed in', () => {
    const v = viewOf('leaf-spine.yaml');
    const base = computeLayout(v).positions;
    for (const seed of [1, 2, 3]) {
      const other = computeLayout({ nodes: shuffled(v.nodes, seed), links: shuffled(v.links, seed + 10) }).positions;
      expect(other).toEqual(base);
    }
  });

  it('places every node, no two on the same spot', () => {
    for (const name of ['leaf-spine.yaml', 'default.yaml', 'router.yaml', 'two-hosts.yaml', 'bridge.yaml']) {
      const v = viewOf(name);
      const pos = computeLayout(v).positions;
      expect(Object.keys(pos).sort()).toEqual(v.nodes.map((n) => n.name).sort());
      const spots = new Set(Object.values(pos).map((p) => `${p.x},${p.y}`));
      expect(spots.size).toBe(v.nodes.length);
    }
  });

  it('draws leaf–spine in layers: spines on top, then leaves, their racks, hosts at the bottom', () => {
    const layout = computeLayout(viewOf('leaf-spine.yaml'));
    expect(layout.kind).toBe('layered');
    const y = (n: string): number => layout.positions[n]?.y ?? NaN;
    for (const s of ['spine1', 'spine2']) expect(y(s)).toBe(0);
    for (let l = 1; l <= 4; l++) expect(y(`leaf${l}`)).toBe(ROW_GAP);
    for (let l = 1; l <= 4; l++) expect(y(`rack${l}`)).toBe(2 * ROW_GAP);
    for (let h = 1; h <= 8; h++) expect(y(`h${h}`)).toBe(3 * ROW_GAP);
  });

  it('puts each leaf over its rack, centred over the rack\'s two hosts, in order, and spines left to right', () => {
    const p = computeLayout(viewOf('leaf-spine.yaml')).positions;
    const x = (n: string): number => p[n]?.x ?? NaN;
    for (let l = 1; l <= 4; l++) {
      expect(x(`leaf${l}`)).toBe(x(`rack${l}`));
      expect(x(`rack${l}`)).toBeCloseTo((x(`h${2 * l - 1}`) + x(`h${2 * l}`)) / 2, 5);
    }
    const hosts = Array.from({ length: 8 }, (_, i) => x(`h${i + 1}`));
    expect([...hosts].sort((a, b) => a - b)).toEqual(hosts);
    expect(x('spine1')).toBeLessThan(x('spine2'));
    expect(x('spine1') + x('spine2')).toBeCloseTo(0, 5);
  });

  it('draws the default lab as a tree: router over switches over hosts', () => {
    const p = computeLayout(viewOf('default.yaml')).positions;
    const y = (n: string): number => p[n]?.y ?? NaN;
    expect(y('r1')).toBeLessThan(y('sw1'));
    expect(y('sw1')).toBe(y('sw2'));
    expect(y('sw1')).toBeLessThan(y('h1'));
    expect((p.sw1?.x ?? NaN) * 2).toBeCloseTo((p.h1?.x ?? NaN) + (p.h2?.x ?? NaN), 5);
  });

  it('keeps a ring a ring: core nodes on one circle in order, hosts outside their router', () => {
    const layout = computeLayout(viewOfText(RING));
    expect(layout.kind).toBe('ring');
    const p = layout.positions;
    const r = (n: string): number => Math.hypot(p[n]?.x ?? NaN, p[n]?.y ?? NaN);
    const radius = r('r1');
    for (const n of ['r2', 'r3', 'r4', 'r5']) expect(r(n)).toBeCloseTo(radius, 0);
    // r1 at the top, then clockwise (screen y grows downwards): r2 right of r1, r5 left.
    expect(p.r1?.y).toBeLessThan(0);
    expect(p.r1?.x).toBeCloseTo(0, 5);
    expect(p.r2?.x).toBeGreaterThan(0);
    expect(p.r5?.x).toBeLessThan(0);
    const angle = (n: string): number => Math.atan2(p[n]?.y ?? NaN, p[n]?.x ?? NaN);
    expect(r('h1')).toBeGreaterThan(radius);
    expect(angle('h1')).toBeCloseTo(angle('r1'), 3);
    expect(r('h3')).toBeGreaterThan(radius);
    expect(angle('h3')).toBeCloseTo(angle('r3'), 3);
  });

  it('does not call a chain a ring', () => {
    const chain = RING.replace('    - endpoints: ["r5:e1", "r1:e0"]\n', '');
    expect(computeLayout(viewOfText(chain)).kind).toBe('layered');
  });
});

describe('naturalCompare()', () => {
  it('orders numbers inside names by value, without locale', () => {
    expect(['h10', 'h2', 'h1', 'r1', 'h1a'].sort(naturalCompare)).toEqual(['h1', 'h1a', 'h2', 'h10', 'r1']);
  });
});

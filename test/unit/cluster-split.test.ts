import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTopology, loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, type Plan } from '../../src/topology/plan.js';
import { lanGroups, placeNodes } from '../../src/cluster/placement.js';
import { crossCables, splitPlan } from '../../src/cluster/split.js';
import type { HostSpec } from '../../src/cluster/records.js';
import { TOPOLOGIES } from '../helpers/nslab.js';

const leafSpine = (): Plan => compilePlan(loadTopologyFile(join(TOPOLOGIES, 'leaf-spine.yaml')));
const three = [{ name: 'm1', capacity: 100 }, { name: 'm2', capacity: 100 }, { name: 'm3', capacity: 100 }];
const hostSpecs = new Map<string, HostSpec>([
  ['m1', { underlay: '10.88.0.11', mtu: 1500, capacity: 100 }],
  ['m2', { underlay: '10.88.0.12', mtu: 1500, capacity: 100 }],
  ['m3', { underlay: '10.88.0.13', mtu: 9000, capacity: 100 }],
]);

describe('placeNodes()', () => {
  it('keeps each rack (a LAN switch, its leaf and hosts) on one machine and spreads the lab over all three', () => {
    const plan = leafSpine();
    const placed = placeNodes(plan, three);
    expect(placed.size).toBe(plan.namespaces.length);
    const racks = lanGroups(plan).filter((g) => g.length > 1);
    expect(racks).toHaveLength(4);
    for (const rack of racks) expect(new Set(rack.map((n) => placed.get(n))).size, rack.join(',')).toBe(1);
    const counts = three.map((h) => [...placed.values()].filter((x) => x === h.name).length);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(4); // a rack is 4 namespaces
    expect([...placeNodes(plan, three)]).toEqual([...placed]); // deterministic
  });

  it("a node's host: wins, and its LAN follows it", () => {
    const text = 'name: pin\ntopology:\n  nodes:\n    a: { host: m3 }\n    b: {}\n    c: {}\n  links:\n    - lan: [a, b]\n    - endpoints: [b, c]\n';
    const placed = placeNodes(compilePlan(loadTopology('pin.yaml', text)), three);
    expect(placed.get('a')).toBe('m3');
    expect(placed.get('b')).toBe('m3');
  });

  it('an unknown host: is named with its file:line and the agents that are registered', () => {
    const text = 'name: pin\ntopology:\n  nodes:\n    a: { host: m9 }\n';
    expect(() => placeNodes(compilePlan(loadTopology('pin.yaml', text)), three)).toThrow(/^pin\.yaml:4:\d+.*no agent named 'm9'.*m1, m2, m3/);
  });

  it('more nodes than all agents take is refused before anything is written', () => {
    expect(() => placeNodes(leafSpine(), [{ name: 'm1', capacity: 5 }, { name: 'm2', capacity: 5 }])).toThrow(/more than the registered agents take \(10 in all/);
  });
});

describe('splitPlan()', () => {
  const plan = leafSpine();
  const placed = placeNodes(plan, three);
  const cables = crossCables(plan, placed);
  const vnis = new Map(cables.map((c, i) => [c.id, 100 + i]));
  const parts = splitPlan(plan, placed, hostSpecs, vnis);

  it('gives every namespace to exactly one part and every veth to one part or to two as a cable', () => {
    expect(parts.map((p) => p.host)).toEqual(['m1', 'm2', 'm3']);
    const names = parts.flatMap((p) => p.plan.namespaces.map((n) => n.name)).sort();
    expect(names).toEqual(plan.namespaces.map((n) => n.name).sort());
    expect(cables.length).toBeGreaterThan(0);
    const local = parts.reduce((s, p) => s + p.plan.veths.length, 0);
    expect(local + cables.length).toBe(plan.veths.length);
    expect(parts.reduce((s, p) => s + p.cables.length, 0)).toBe(2 * cables.length);
  });

  it('the two ends of a cable share a VNI and see each other, with the smaller underlay MTU minus 50', () => {
    for (const c of cables) {
      const ends = parts.flatMap((p) => p.cables.filter((x) => x.vni === vnis.get(c.id)).map((x) => ({ host: p.host, ...x })));
      expect(ends).toHaveLength(2);
      const [x, y] = ends as [(typeof ends)[0], (typeof ends)[0]];
      expect(x.local).toBe(y.remote);
      expect(y.local).toBe(x.remote);
      expect(x.remoteHost).toBe(y.host);
      expect(x.port).toBe(14789);
      const mtu = Math.min(hostSpecs.get(x.host)?.mtu ?? 0, hostSpecs.get(y.host)?.mtu ?? 0) - 50;
      expect([x.mtu, y.mtu]).toEqual([mtu, mtu]);
      expect(new Set([x.end.name, y.end.name])).toEqual(new Set([c.veth.a.name, c.veth.b.name]));
    }
  });

  it('holds back the addresses on cable ends and every route of a namespace with a cable end, and nothing else', () => {
    for (const p of parts) {
      const ends = new Set(p.cables.map((c) => `${c.end.netns}#${c.end.index}`));
      expect(p.cableAddresses.every((a) => ends.has(`${a.netns}#${a.index}`))).toBe(true);
      expect(p.plan.addresses.some((a) => ends.has(`${a.netns}#${a.index}`))).toBe(false);
      const cableNs = new Set(p.cables.map((c) => c.end.netns));
      expect(p.plan.routes.some((r) => cableNs.has(r.netns))).toBe(false);
      expect(p.cableRoutes.every((r) => cableNs.has(r.netns))).toBe(true);
    }
    const all = parts.flatMap((p) => [...p.plan.addresses, ...p.cableAddresses]).length;
    expect(all).toBe(plan.addresses.length);
    expect(parts.flatMap((p) => [...p.plan.routes, ...p.cableRoutes]).length).toBe(plan.routes.length);
  });
});

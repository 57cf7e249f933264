import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, deterministicMac, hostsFile } from '../../src/topology/plan.js';
import { loadTopology } from '../../src/topology/load.js';

const example = (name: string): string => fileURLToPath(new URL(`../../topologies/${name}`, import.meta.url));

describe('compilePlan()', () => {
  for (const name of ['two-hosts.yaml', 'bridge.yaml', 'router.yaml', 'default.yaml']) {
    it(`compiles topologies/${name} to the pinned plan`, () => {
      const plan = compilePlan(loadTopologyFile(example(name)));
      // The source path differs per checkout; everything else is pinned.
      const pinned = JSON.parse(JSON.stringify({ ...plan, source: name }).replaceAll(example(''), 'topologies/'));
      expect(pinned).toMatchSnapshot();
    });
  }

  it("writes /etc/hosts with each node's first IPv4 and first IPv6 address, nodes without one left out", () => {
    const yaml = [
      'name: hf',
      'topology:',
      '  nodes: { a: {}, b: {}, c: {}, d: {} }',
      '  links:',
      '    - endpoints: [{ node: a, interface: e0, ipv4: 10.1.0.1/24, ipv6: "fd00::1/64" }, { node: b, interface: e0, ipv4: 10.1.0.2/24 }]',
      '    - endpoints: [{ node: a, interface: e1, ipv4: 10.2.0.1/24, ipv6: "fd01::1/64" }, { node: c, interface: e0 }]',
    ].join('\n');
    const lines = hostsFile(compilePlan(loadTopology('hf.yaml', yaml))).trimEnd().split('\n');
    // a has 10.1.0.1 and 10.2.0.1: the first only; b and c are numbered by nslab; d has no address.
    expect(lines.slice(3)).toEqual(['10.1.0.1\ta', 'fd00::1\ta', '10.1.0.2\tb', 'fd00::2\tb', '10.2.0.2\tc', 'fd01::2\tc']);
  });

  it('numbers interfaces per namespace from 2, bridge first', () => {
    const plan = compilePlan(loadTopologyFile(example('bridge.yaml')));
    expect(plan.bridges).toEqual([expect.objectContaining({ netns: 'switch-sw1', name: 'sw1', index: 2 })]);
    expect(plan.veths.map((v) => [v.a.netns, v.a.name, v.a.index, v.a.master, v.b.netns, v.b.name, v.b.index])).toEqual([
      ['switch-sw1', 'p1', 3, 2, 'switch-h1', 'eth0', 2],
      ['switch-sw1', 'p2', 4, 2, 'switch-h2', 'eth0', 2],
      ['switch-sw1', 'p3', 5, 2, 'switch-h3', 'eth0', 2],
    ]);
  });

  it('lets the bridge side create a veth whichever way the link is written', () => {
    const plan = compilePlan(loadTopologyFile(example('default.yaml')));
    for (const v of plan.veths) expect(v.a.master).toBeDefined();
  });

  it('keeps IPv6 only where the lab uses it, and forwarding only on routers', () => {
    const plan = compilePlan(loadTopologyFile(example('router.yaml')));
    expect(plan.namespaces.map((n) => [n.node, n.ipv6, n.forwarding])).toEqual([
      ['h1', false, false],
      ['h2', false, false],
      ['r1', false, true],
    ]);
    const dual = compilePlan(loadTopologyFile(example('default.yaml')));
    expect(dual.namespaces.filter((n) => n.ipv6).map((n) => n.node)).toEqual(['h1', 'h2', 'h3', 'h4', 'r1']);
  });

  it('gives stable, unicast, locally administered MACs that differ per lab', () => {
    const mac = deterministicMac('lab', 'h1', 'eth0');
    expect(mac).toBe(deterministicMac('lab', 'h1', 'eth0'));
    expect(mac).not.toBe(deterministicMac('lab2', 'h1', 'eth0'));
    const first = parseInt(mac.slice(0, 2), 16);
    expect(first & 0x01).toBe(0);
    expect(first & 0x02).toBe(2);
  });
});

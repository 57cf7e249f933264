import { describe, expect, it } from 'vitest';
import { TopologyError, formatDiagnostic } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';

const GOOD = `name: lan
topology:
  nodes:
    h1: { kind: host, routes: ["default via 10.0.1.254"] }
    h2: { kind: linux }
    r1: { kind: router }
    sw1: { kind: bridge }
  links:
    - endpoints: ["h1:eth0", "sw1:p1"]
    - endpoints:
        - { node: r1, interface: eth0, ipv4: 10.0.1.254/24, ipv6: "fd00:1::1/64" }
        - { node: sw1, interface: p2 }
    - endpoints: [{ node: h2, interface: eth0, ipv4: [10.0.1.2/24] }, "sw1:p3"]
`;

/** The messages a topology produces, each as "line:col field: message". */
function problems(text: string): string[] {
  try {
    loadTopology('t.yaml', text);
  } catch (err) {
    if (err instanceof TopologyError) return err.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw err;
  }
  return [];
}

describe('loadTopology()', () => {
  it('accepts the brief and extended forms the issue shows', () => {
    const t = loadTopology('t.yaml', GOOD.replace('"sw1:p1"]', '"sw1:p1"]').replace('h1: { kind: host, routes: ["default via 10.0.1.254"] }', 'h1: { kind: host }'));
    expect(t.name).toBe('lan');
    expect([...t.nodes.values()].map((n) => [n.name, n.kind])).toEqual([
      ['h1', 'host'],
      ['h2', 'host'],
      ['r1', 'router'],
      ['sw1', 'bridge'],
    ]);
    expect(t.links).toHaveLength(3);
    expect(t.links[1]?.a.addresses.map((a) => a.family)).toEqual([4, 6]);
  });

  it('keeps the file position of every link', () => {
    const t = loadTopology('t.yaml', GOOD.replace(', routes: ["default via 10.0.1.254"]', ''));
    expect(t.links.map((l) => l.pos.line)).toEqual([9, 10, 13]);
  });

  it('parses routes in ip-route syntax and as objects', () => {
    const t = loadTopology(
      't.yaml',
      `name: r
topology:
  nodes:
    h1: { routes: ["10.9.0.0/16 via 10.0.0.2 metric 5", { dst: default, via: 10.0.0.2 }, "10.8.0.0/16 dev eth0"] }
    h2: {}
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.1/24 }, { node: h2, interface: eth0, ipv4: 10.0.0.2/24 }]
`,
    );
    const routes = t.nodes.get('h1')?.routes ?? [];
    expect(routes.map((r) => [r.dst.prefix, r.via?.bytes.join('.'), r.dev, r.metric])).toEqual([
      [16, '10.0.0.2', undefined, 5],
      [0, '10.0.0.2', undefined, undefined],
      [16, undefined, 'eth0', undefined],
    ]);
  });

  it('warns once about containerlab fields that mean nothing here', () => {
    const t = loadTopology(
      't.yaml',
      `name: c
topology:
  nodes:
    a: { kind: linux, image: alpine:3 }
    b: { kind: linux, image: alpine:3 }
  links:
    - endpoints: ["a:eth1", "b:eth1"]
`,
    );
    expect(t.warnings.map(formatDiagnostic)).toEqual(["t.yaml:4:30: warning: topology.nodes.a.image: 'image' has no meaning for nslab and is ignored"]);
  });
});

describe('loadTopology() rejects bad input with file:line:col and the field', () => {
  const cases: Array<[string, string, string]> = [
    ['invalid YAML', 'name: x\nname: y\n', "t.yaml:2:1: invalid YAML: duplicate key 'name' (first at line 1)"],
    ['an unterminated list', 'name: x\ntopology: [1,\n', 't.yaml:3:1: invalid YAML'],
    ['a missing name', 'topology:\n  nodes: { a: {} }\n', "t.yaml:1:1: missing 'name' (The lab’s name; namespaces are called <name>-<node>)"],
    ['a lab name that makes a bad namespace name', 'name: "my lab/1"\ntopology:\n  nodes: { a: {} }\n', "t.yaml:1:7: name: lab name 'my lab/1' must start"],
    ['an unknown kind, with a suggestion', 'name: x\ntopology:\n  nodes:\n    a: { kind: rooter }\n', "t.yaml:4:16: topology.nodes.a.kind: unknown kind 'rooter' (expected host, linux, router, bridge or frr) — did you mean 'router'?"],
    ['an unknown field, with a suggestion', 'name: x\ntopology:\n  nodes:\n    a: { knid: host }\n', "topology.nodes.a.knid: unknown field 'knid' — did you mean 'kind'?"],
    ['an unknown node in a link', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: ["h1:eth0", "h3:eth0"]\n', "t.yaml:5:30: topology.links[0].endpoints[1]: unknown node 'h3' — did you mean 'h1'?"],
    ['the same interface used twice', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {}, h3: {} }\n  links:\n    - endpoints: ["h1:eth0", "h2:eth0"]\n    - endpoints: ["h1:eth0", "h3:eth0"]\n', 't.yaml:6:19: topology.links[1].endpoints[0]: interface h1:eth0 is already used by topology.links[0].endpoints[0]'],
    ['a bad CIDR', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.300/24 }, "h2:eth0"]\n', "t.yaml:5:54: topology.links[0].endpoints[0].ipv4: '10.0.0.300' is not an IPv4 or IPv6 address"],
    ['an address without a prefix', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.1 }, "h2:eth0"]\n', "'10.0.0.1' needs a prefix length, e.g. 10.0.0.1/24"],
    ['an IPv6 address under ipv4', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: [{ node: h1, interface: eth0, ipv4: "fd00::1/64" }, "h2:eth0"]\n', "'fd00::1/64' is not an IPv4 address"],
    ['an interface name over 15 bytes', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: ["h1:averyveryverylongname", "h2:eth0"]\n', "t.yaml:5:19: topology.links[0].endpoints[0]: interface name 'averyveryverylongname' is 21 bytes; Linux allows at most 15"],
    ['an endpoint with an empty interface', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: ["h1:", "h2:eth0"]\n', `endpoint 'h1:' should be "node:interface"`],
    ['a link with both endpoints and lan', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {}, h3: {} }\n  links:\n    - { endpoints: ["h1:e0", "h2:e0"], lan: [h3] }\n', "give either 'endpoints' or 'lan', not both"],
    ['an address on a bridge port', 'name: x\ntopology:\n  nodes: { h1: {}, sw: { kind: bridge } }\n  links:\n    - endpoints: ["h1:e0", { node: sw, interface: p1, ipv4: 10.0.0.1/24 }]\n', 'a bridge port carries no address'],
    ['a gateway on no connected subnet', 'name: x\ntopology:\n  nodes:\n    h1: { routes: ["default via 10.9.9.9"] }\n    h2: {}\n  links:\n    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.1/24 }, "h2:eth0"]\n', "t.yaml:4:20: topology.nodes.h1.routes[0]: gateway 10.9.9.9 is not on any subnet of h1's interfaces"],
    ['a route through an interface the node lacks', 'name: x\ntopology:\n  nodes:\n    h1: { routes: ["10.5.0.0/16 dev eth9"] }\n    h2: {}\n  links:\n    - endpoints: ["h1:eth0", "h2:eth0"]\n', "node h1 has no interface 'eth9'"],
    ['a route with a gateway of the other family', 'name: x\ntopology:\n  nodes:\n    h1: { routes: ["10.5.0.0/16 via fd00::1"] }\n', 'bad route: gateway is IPv6 but the destination is IPv4'],
    ['a malformed route', 'name: x\ntopology:\n  nodes:\n    h1: { routes: ["default gw 10.0.0.1"] }\n', "bad route: unknown route keyword 'gw'"],
    ['the same address twice', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.0.1/24 }, { node: h2, interface: eth0, ipv4: 10.0.0.1/24 }]\n', 'address 10.0.0.1 is also given to h1:eth0'],
    ['an MTU out of range', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: ["h1:eth0", "h2:eth0"]\n      mtu: 10\n', 't.yaml:6:12: topology.links[0].mtu: 10 is out of range (68–65535)'],
    ['a bad MAC', 'name: x\ntopology:\n  nodes: { h1: {}, h2: {} }\n  links:\n    - endpoints: [{ node: h1, interface: eth0, mac: "zz:00:00:00:00:00" }, "h2:eth0"]\n', "mac 'zz:00:00:00:00:00' is not a MAC address"],
    ['a bad node name', 'name: x\ntopology:\n  nodes:\n    "h 1": {}\n', "t.yaml:4:12: topology.nodes.h 1: node name 'h 1' must start with a letter or digit"],
    ['a topology that is not a map', '- a\n- b\n', "a topology is a map with 'name' and 'topology', found a list"],
  ];

  for (const [what, text, expected] of cases) {
    it(`names the place of ${what}`, () => {
      const found = problems(text);
      expect(found.length).toBeGreaterThan(0);
      expect(found.join('\n')).toContain(expected);
    });
  }

  it('reports every problem at once, not just the first', () => {
    const found = problems('name: x\ntopology:\n  nodes:\n    h1: { kind: rooter }\n  links:\n    - endpoints: ["h1:eth0", "h9:eth0"]\n');
    expect(found).toHaveLength(2);
  });
});

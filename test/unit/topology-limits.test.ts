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

describe('bridge ports', () => {
  const star = (n: number) => {
    const hosts = Array.from({ length: n }, (_, i) => `h${i + 1}`);
    return `name: s\ntopology:\n  nodes:\n    sw: { kind: bridge }\n${hosts.map((h) => `    ${h}: {}`).join('\n')}\n  links:\n${hosts.map((h) => `    - endpoints: ["${h}:eth0", sw]`).join('\n')}\n`;
  };
  it('take 1024 ports on one bridge, as Linux does', () => {
    expect(compilePlan(loadTopology('s.yaml', star(1024))).veths).toHaveLength(1024);
  });
  it('refuse the 1025th at validation, where the kernel would answer EXFULL half-way through up', () => {
    expect(() => loadTopology('s.yaml', star(1025))).toThrow(/s\.yaml:\d+:\d+: topology\.links\[1024\]\.endpoints\[1\]: bridge sw would get more than 1024 ports/);
  });
  it('count a lan: switch too', () => {
    const hosts = Array.from({ length: 1025 }, (_, i) => `h${i}`);
    expect(() => loadTopology('l.yaml', `name: l\naddressing: { lan: { ipv4: 10.0.0.0/8 } }\ntopology:\n  nodes:\n${hosts.map((h) => `    ${h}: {}`).join('\n')}\n  links:\n    - lan: [${hosts.join(', ')}]\n`)).toThrow(/more than 1024 ports/);
  });
});

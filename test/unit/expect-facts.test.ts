import { describe, expect, it } from 'vitest';
import { judgeAddress, judgeRoute, judgeSyscall, routeMatches, sysctlText } from '../../src/lab/check-facts.js';
import { describeExpectation, expectationGoal } from '../../src/lab/check-results.js';
import type { NamespaceState } from '../../src/lab/inspect.js';
import type { ConfineFacts } from '../../src/lab/confine-node.js';
import { DEFAULT_PROFILE, compilePolicy, encodeProgram } from '../../src/sys/seccomp/index.js';
import { TopologyError } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan, type NodeAssertion, type PlanExpect } from '../../src/topology/plan.js';

/*
 * The node facts of expect: (route, address, sysctl, capability, syscall,
 * command): parsed with their file:line, and judged against kernel answers
 * given here as data (the integration test reads them from a running lab).
 */

const HEAD = `name: facts
topology:
  nodes:
    h1: {}
    r1: { kind: router }
  links:
    - endpoints: ["h1:eth0", "r1:eth0"]
expect:
`;

function plan(lines: string): PlanExpect[] {
  return compilePlan(loadTopology('/labs/facts.yaml', HEAD + lines)).expect as PlanExpect[];
}

function problems(lines: string): string[] {
  try {
    loadTopology('/labs/facts.yaml', HEAD + lines);
  } catch (err) {
    if (err instanceof TopologyError) return err.message.split('\n');
    throw err;
  }
  return [];
}

describe('expect: node facts are parsed', () => {
  it('reads every kind, with its line, its wait and normalised values', () => {
    const e = plan(`  - { route: { node: h1, dst: 10.0.2.7/24, via: 10.255.0.2, dev: eth0 } }
  - { route: { node: h1, dst: default, absent: true }, wait: 30s }
  - { address: { node: r1, dev: eth0, cidr: 10.255.0.2/30 } }
  - { sysctl: { node: r1, key: net.ipv4.ip_forward, value: 1 } }
  - { capability: { node: h1, lacks: CAP_SYS_ADMIN } }
  - { syscall: { node: h1, name: unshare, args: [0x10000000] } }
  - { command: { node: h1, run: "ip -br link", exit: 0, output-matches: "eth0\\\\s+UP" } }
`);
    expect(e.map((x) => x.kind)).toEqual(['route', 'route', 'address', 'sysctl', 'capability', 'syscall', 'command']);
    expect(e[0]).toMatchObject({ kind: 'route', node: 'h1', dst: '10.0.2.0/24', via: '10.255.0.2', dev: 'eth0', present: true, origin: '/labs/facts.yaml:9:5 expect[0]' });
    expect(e[1]).toMatchObject({ present: false, waitMs: 30_000, origin: '/labs/facts.yaml:10:5 expect[1]' });
    expect(e[3]).toMatchObject({ key: 'net.ipv4.ip_forward', value: '1' });
    expect(e[4]).toMatchObject({ cap: 'CAP_SYS_ADMIN', has: false });
    expect(e[5]).toMatchObject({ name: 'unshare', args: [0x10000000], denied: true });
    expect(e[6]).toMatchObject({ run: 'ip -br link', exit: 0, outputMatches: 'eth0\\s+UP' });
  });

  it('reports each mistake with file:line:col and the field, all at once', () => {
    const p = problems(`  - { route: { node: h9, dst: default } }
  - { capability: { node: h1, has: NET_ADMINN } }
  - { syscall: { node: h1, name: mountt } }
  - { sysctl: { node: h1, key: net.ipv4.ip_forward } }
  - { from: h1, reach: r1, route: { node: h1, dst: default } }
  - { address: { node: h1, dev: eth0, cidr: 10.0.0.300/24 } }
  - { command: { node: h1, run: "true", output-matches: "(" } }
  - { from: h1, reach: r1, wait: soon }
`);
    const at = (line: number): string | undefined => p.find((x) => x.includes(`/labs/facts.yaml:${line}:`));
    expect(at(9)).toMatch(/expect\[0\]\.route\.node: unknown node 'h9' — did you mean 'h1'/);
    expect(at(10)).toMatch(/expect\[1\]\.capability\.has: .*NET_ADMINN/);
    expect(at(11)).toMatch(/expect\[2\]\.syscall\.name: unknown system call 'mountt'/);
    expect(at(12)).toMatch(/expect\[3\]\.sysctl.*value/);
    expect(at(13)).toMatch(/expect\[4\]: give exactly one of/);
    expect(at(14)).toMatch(/expect\[5\]\.address\.cidr/);
    expect(at(15)).toMatch(/expect\[6\]\.command\.output-matches: not a regular expression/);
    expect(at(16)).toMatch(/expect\[7\]\.wait: .*'soon' is not a time/);
  });

  it('says each as a sentence, holding and expected', () => {
    const e = plan(`  - { route: { node: h1, dst: default, via: 10.255.0.2 } }
  - { syscall: { node: h1, name: mount } }
  - { capability: { node: h1, lacks: NET_RAW } }
  - { address: { node: h1, dev: eth0, cidr: 10.9.9.9/24, absent: true } }
`);
    expect(e.map(describeExpectation)).toEqual([
      'h1 has a route to default via 10.255.0.2',
      'h1 is denied mount by its seccomp filter',
      'h1 does not gain CAP_NET_RAW',
      'h1 does not have 10.9.9.9/24 on eth0',
    ]);
    expect(expectationGoal(e[0] as PlanExpect)).toBe('h1 to have a route to default via 10.255.0.2');
    expect(expectationGoal(e[1] as PlanExpect)).toBe('h1 to be denied mount by its seccomp filter');
  });
});

/** What `ip route` / `ip addr` would dump from a namespace, as decoded messages. */
const STATE: NamespaceState = {
  links: [
    { index: 1, name: 'lo', up: true, carrier: true, operstate: 'UNKNOWN' },
    { index: 2, name: 'eth0', up: true, carrier: true, operstate: 'UP' },
  ] as NamespaceState['links'],
  addresses: [
    { index: 2, family: 4, prefix: 30, scope: 0, local: '10.255.0.1', flags: 0 },
    { index: 2, family: 6, prefix: 64, scope: 253, local: 'fe80::1', flags: 0 },
  ],
  routes: [
    { family: 4, dst: 'default', table: 254, protocol: 4, scope: 0, type: 1, gateway: '10.255.0.2', oif: 2 },
    { family: 4, dst: '10.255.0.0/30', table: 254, protocol: 2, scope: 253, type: 1, oif: 2 },
    { family: 4, dst: '127.0.0.0/8', table: 255, protocol: 2, scope: 254, type: 2, oif: 1 },
  ],
};

type Route = Extract<NodeAssertion, { kind: 'route' }>;
const route = (r: Partial<Route>): Route => ({ kind: 'route', node: 'h1', dst: 'default', present: true, ...r });

describe('route and address facts', () => {
  it('match dst, then via and dev when given', () => {
    const [dflt] = [{ dst: 'default', via: '10.255.0.2', dev: 'eth0', proto: 'static' }];
    expect(routeMatches(route({}), dflt as never)).toBe(true);
    expect(routeMatches(route({ via: '10.255.0.3' }), dflt as never)).toBe(false);
    expect(routeMatches(route({ dev: 'eth1' }), dflt as never)).toBe(false);
    expect(routeMatches(route({ dst: '10.255.0.0/30' }), dflt as never)).toBe(false);
  });

  it('find a route that is there and name what is there when it is not', () => {
    expect(judgeRoute(route({ via: '10.255.0.2' }), STATE)).toEqual({ ok: true, detail: 'ip route: default via 10.255.0.2 dev eth0' });
    expect(judgeRoute(route({ via: '10.255.0.9' }), STATE)).toEqual({ ok: false, detail: 'its routes to default: default via 10.255.0.2 dev eth0' });
    expect(judgeRoute(route({ dst: '10.9.0.0/16' }), STATE)).toEqual({ ok: false, detail: 'it has no route to 10.9.0.0/16 (its routes: default via 10.255.0.2 dev eth0; 10.255.0.0/30 dev eth0)' });
    // Local table routes are not the main table's.
    expect(judgeRoute(route({ dst: '127.0.0.0/8', present: false }), STATE).ok).toBe(true);
    expect(judgeRoute(route({ present: false }), STATE).ok).toBe(false);
  });

  it('compare addresses as prefixes, and only global ones', () => {
    const a = (cidr: string, present = true, dev = 'eth0') => ({ kind: 'address', node: 'h1', dev, cidr, present }) as const;
    expect(judgeAddress(a('10.255.0.1/30'), STATE)).toEqual({ ok: true, detail: 'eth0 has 10.255.0.1/30' });
    expect(judgeAddress(a('10.255.0.1/24'), STATE).ok).toBe(false);
    expect(judgeAddress(a('fe80::1/64'), STATE).ok).toBe(false);
    expect(judgeAddress(a('10.255.0.1/30', true, 'eth9'), STATE)).toEqual({ ok: false, detail: 'it has no interface eth9' });
    expect(judgeAddress(a('10.9.9.9/24', false), STATE).ok).toBe(true);
  });

  it('reads sysctl values as sysctl(8) prints them', () => {
    expect(sysctlText('32768\t60999\n')).toBe('32768 60999');
  });
});

describe('syscall facts come from the node’s own program', () => {
  const filter = compilePolicy(DEFAULT_PROFILE, { arches: ['x86_64'] });
  const facts = (id: string | null): ConfineFacts =>
    ({
      seccomp: { h1: id },
      programs: { abc: { program: Buffer.from(encodeProgram(filter.program)).toString('base64'), flags: 0 } },
    }) as unknown as ConfineFacts;
  const sys = (name: string, denied = true, args: number[] = []) => ({ kind: 'syscall', node: 'h1', name, args, denied }) as const;

  it('denies mount and unshare(CLONE_NEWUSER), allows read and a plain clone', () => {
    expect(judgeSyscall(facts('abc'), sys('mount'))).toMatchObject({ ok: true, detail: expect.stringMatching(/^h1's filter answers mount \(nr 165 on x86_64\) with errno 1$/) });
    expect(judgeSyscall(facts('abc'), sys('unshare', true, [0x10000000])).ok).toBe(true);
    expect(judgeSyscall(facts('abc'), sys('read'))).toMatchObject({ ok: false, detail: expect.stringContaining('with allow') });
    expect(judgeSyscall(facts('abc'), sys('read', false)).ok).toBe(true);
  });

  it('allows everything without a filter, and says so', () => {
    expect(judgeSyscall(facts(null), sys('mount'))).toEqual({ ok: false, detail: 'h1 has no seccomp filter (seccomp: unconfined): every system call is allowed' });
  });
});

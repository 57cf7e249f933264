import { describe, expect, it } from 'vitest';
import {
  MARK, buildReport, checkNodes, evaluateExpectation, expectAddresses, expectProbes, formatMatrix, formatReport, matrixProbes, neighbourEntries,
  neighbourWarnings, pairStatus, probeKey, type ProbeResult,
} from '../../src/lab/check.js';
import { checkVerdict, type CheckReport } from '../../src/lab/check-results.js';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan, type Plan, type PlanReachExpect } from '../../src/topology/plan.js';
import { isReachExpect } from '../../src/lab/check-results.js';

/*
 * A router between two LANs; h1 is dual-stack, h2 IPv4 only, h3 IPv6 only;
 * sw1 is a bridge (no address), r1 routes.
 */
const TOPOLOGY = `name: chk
addressing: { auto: false }
topology:
  nodes:
    h1: { kind: host }
    h2: { kind: host }
    h3: { kind: host }
    sw1: { kind: bridge }
    r1: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.1.1/24, ipv6: "fd00:1::1/64" }, "sw1:p1"]
    - endpoints: [{ node: h2, interface: eth0, ipv4: 10.0.1.2/24 }, "sw1:p2"]
    - endpoints: [{ node: r1, interface: eth0, ipv4: 10.0.1.254/24, ipv6: "fd00:1::254/64" }, "sw1:p3"]
    - endpoints:
        - { node: r1, interface: eth1, ipv6: "fd00:2::254/64" }
        - { node: h3, interface: eth0, ipv6: "fd00:2::3/64" }
expect:
  - { from: h1, reach: h2 }
  - { from: h2, not-reach: h3 }
  - { from: h1, reach: "r1:eth1" }
  - { from: h2, reach: 10.0.1.254, port: 22/tcp }
`;

function plan(): Plan {
  return compilePlan(loadTopology('/labs/chk.yaml', TOPOLOGY));
}

function expectation(p: Plan, i: number): PlanReachExpect {
  const e = p.expect[i];
  if (!e || !isReachExpect(e)) throw new Error(`no reach expect[${i}]`);
  return e;
}

const result = (p: Partial<ProbeResult> & Pick<ProbeResult, 'address' | 'reached'>): ProbeResult => ({
  from: 'h1',
  netns: 'chk-h1',
  family: p.address.includes(':') ? 6 : 4,
  detail: p.reached ? 'reply' : 'no reply (timeout)',
  ...p,
});

describe('matrix targets', () => {
  it('takes every node the plan gives an address, and no bridge', () => {
    const nodes = checkNodes(plan());
    expect(nodes.map((n) => n.name)).toEqual(['h1', 'h2', 'h3', 'r1']);
    expect(nodes.find((n) => n.name === 'r1')?.addresses.map((a) => `${a.dev} ${a.address}`)).toEqual([
      'eth0 10.0.1.254',
      'eth0 fd00:1::254',
      'eth1 fd00:2::254',
    ]);
  });

  it('probes only the families a sender has an address of', () => {
    const probes = matrixProbes(checkNodes(plan()));
    const from = (n: string): string[] => probes.filter((p) => p.from === n).map((p) => p.address);
    expect(from('h2')).toEqual(['10.0.1.1', '10.0.1.254']); // IPv4 only: nothing of h3
    expect(from('h3')).toEqual(['fd00:1::1', 'fd00:1::254', 'fd00:2::254']); // IPv6 only: nothing of h2
    expect(from('h1')).toEqual(['10.0.1.2', 'fd00:2::3', '10.0.1.254', 'fd00:1::254', 'fd00:2::254']);
    expect(probes.every((p) => p.netns === `chk-${p.from}`)).toBe(true);
  });
});

describe('expectation targets', () => {
  it('turns a node, a node:interface or an address into addresses the sender can try', () => {
    const p = plan();
    expect(expectAddresses(p, expectation(p, 0))).toEqual(['10.0.1.2']);
    expect(expectAddresses(p, expectation(p, 1))).toEqual([]); // h2 has no IPv6, h3 no IPv4
    expect(expectAddresses(p, expectation(p, 2))).toEqual(['fd00:2::254']);
    expect(expectAddresses(p, expectation(p, 3))).toEqual(['10.0.1.254']);
  });

  it('carries the port into the probes', () => {
    const p = plan();
    expect(expectProbes(p, expectation(p, 3))).toEqual([{ from: 'h2', netns: 'chk-h2', address: '10.0.1.254', family: 4, port: { port: 22, proto: 'tcp' } }]);
    expect(probeKey({ from: 'h2', address: '10.0.1.254', port: { port: 22, proto: 'tcp' } })).toBe('h2>10.0.1.254:22/tcp');
  });

  it('keeps where each expectation was written', () => {
    expect(expectation(plan(), 1).origin).toMatch(/^\/labs\/chk\.yaml:\d+:\d+ expect\[1\]$/);
  });
});

describe('evaluateExpectation()', () => {
  const e = (reach: boolean, port?: PlanReachExpect['port']): PlanReachExpect => ({ from: 'h1', target: 'h2', reach, origin: 'lab.yaml:30:5 expect[0]', ...(port ? { port } : {}) });

  it('holds "reach" when any address answers', () => {
    const r = evaluateExpectation(e(true), [result({ address: '10.0.1.2', reached: false }), result({ address: 'fd00:1::2', reached: true })]);
    expect(r).toMatchObject({ ok: true, detail: 'reply from fd00:1::2' });
  });

  it('fails "reach" when no address answers, and says what each one did', () => {
    const r = evaluateExpectation(e(true), [
      result({ address: '10.0.1.2', reached: false }),
      result({ address: 'fd00:1::2', reached: false, detail: 'host unreachable' }),
    ]);
    expect(r).toMatchObject({ ok: false, detail: '10.0.1.2: no reply (timeout); fd00:1::2: host unreachable' });
  });

  it('holds "not-reach" only when nothing answers', () => {
    expect(evaluateExpectation(e(false), [result({ address: '10.0.1.2', reached: false })]).ok).toBe(true);
    const r = evaluateExpectation(e(false, { port: 22, proto: 'tcp' }), [result({ address: '10.0.1.2', reached: true, port: { port: 22, proto: 'tcp' } })]);
    expect(r).toMatchObject({ ok: false, detail: 'connected to 10.0.1.2:22/tcp' });
  });

  it('fails an expectation with no address to try, whichever way it points', () => {
    expect(evaluateExpectation(e(false), [])).toMatchObject({ ok: false, detail: 'h2 has no address h1 could try' });
    expect(evaluateExpectation(e(true), []).ok).toBe(false);
  });

  it('names a UDP answer and brackets IPv6 addresses with ports', () => {
    const r = evaluateExpectation(e(true, { port: 53, proto: 'udp' }), [result({ address: 'fd00:1::2', reached: true, port: { port: 53, proto: 'udp' } })]);
    expect(r.detail).toBe('got an answer from [fd00:1::2]:53/udp');
  });
});

describe('pairStatus()', () => {
  it('is ok, partial, fail or none by how many addresses answered', () => {
    expect(pairStatus([{ reached: true }, { reached: true }])).toBe('ok');
    expect(pairStatus([{ reached: true }, { reached: false }])).toBe('partial');
    expect(pairStatus([{ reached: false }])).toBe('fail');
    expect(pairStatus([])).toBe('none');
  });
});

describe('formatMatrix()', () => {
  it('writes target names downwards over two-character columns, one row per sender', () => {
    const status = (from: string, to: string): 'ok' | 'fail' | 'partial' | 'none' =>
      from === 'h1' && to === 'rtr' ? 'fail' : from === 'rtr' && to === 'h22' ? 'partial' : from === 'h22' && to === 'rtr' ? 'none' : 'ok';
    expect(formatMatrix(['h1', 'h22', 'rtr'], status).split('\n')).toEqual([
      '         h h r',
      '         1 2 t',
      'from\\to    2 r',
      'h1       · ✓ ✗',
      'h22      ✓ · -',
      'rtr      ✓ ◐ ·',
    ]);
  });
});

describe('buildReport() and formatReport()', () => {
  it('counts pairs and failed expectations, and prints each failure with its file:line', () => {
    const p = plan();
    const results = new Map<string, ProbeResult>();
    // Everything answers except h1 → r1's fd00:2::254 (so h1 → r1 is partial, and expect[2] fails).
    for (const probe of [...matrixProbes(checkNodes(p)), ...p.expect.filter(isReachExpect).flatMap((x) => expectProbes(p, x))]) {
      const reached = !(probe.from === 'h1' && probe.address === 'fd00:2::254');
      results.set(probeKey(probe), { ...probe, reached, detail: reached ? 'reply' : 'network unreachable' });
    }
    const report = buildReport(p, { count: 3, timeoutMs: 1000 }, results);
    expect(report.summary).toEqual({ pairs: 10, reachable: 9, partial: 1, unreachable: 0, expectations: 4, failed: 2 });
    expect(report.expectations.map((x) => x.ok)).toEqual([true, false, false, true]);
    const text = formatReport(report);
    expect(text).toContain(`h1 → r1: fd00:2::254 network unreachable`);
    expect(text).toContain(`${MARK.fail} FAILED ${expectation(p, 2).origin}: expected h1 to reach r1:eth1; fd00:2::254: network unreachable`);
    expect(text).toContain(`${MARK.fail} FAILED ${expectation(p, 1).origin}: expected h2 not to reach h3; h3 has no address h2 could try`);
    expect(text).toContain(`${MARK.ok} h2 reaches 10.0.1.254 port 22/tcp: connected to 10.0.1.254:22/tcp`);
    expect(text).toContain('2 of 4 expectations failed');
  });
});

describe('neighbour table room', () => {
  it('counts one entry per on-link address each sender talks to, and one per gateway', () => {
    // IPv4: h1, h2 and r1 share 10.0.1.0/24 (2 each). IPv6: h1 → r1 and its gateway for fd00:2::/64,
    // h3 → r1:eth1 and its gateway, r1 → h1 and h3.
    expect(neighbourEntries(plan())).toEqual({ 4: 6, 6: 6 });
  });

  it('warns, naming the sysctl, only when the matrix would overflow the kernel table', () => {
    expect(neighbourWarnings({ 4: 6, 6: 6 }, [{ family: 4, limit: 1024, inUse: 0 }])).toEqual([]);
    const [w, more] = neighbourWarnings({ 4: 9900, 6: 0 }, [
      { family: 4, limit: 1024, inUse: 10 },
      { family: 6, limit: 1024, inUse: 0 },
    ]);
    expect(more).toBeUndefined();
    expect(w).toMatch(/^this matrix needs about 9900 IPv4 neighbour \(ARP\) entries, but the kernel keeps at most 1024 for all namespaces together \(net\.ipv4\.neigh\.default\.gc_thresh3, 10 in use\)/);
    expect(w).toContain('To check a lab this size, raise it: sysctl -w net.ipv4.neigh.default.gc_thresh3=14865');
  });

  it('puts the warnings in the report', () => {
    const text = formatReport(buildReport(plan(), { count: 1, timeoutMs: 100 }, new Map(), ['the table is full'])).split('\n');
    // Right under the summary, before the pairs that failed.
    const summary = text.findIndex((l) => l.includes('pairs reach each other'));
    expect(text[summary + 1]).toBe('warning: the table is full');
  });
});

describe('check verdict', () => {
  const summary = (s: Partial<CheckReport['summary']>): Pick<CheckReport, 'summary'> => ({
    summary: { pairs: 6, reachable: 6, partial: 0, unreachable: 0, expectations: 0, failed: 0, ...s },
  });

  it('without expect: lines, fails on any pair that does not fully reach', () => {
    expect(checkVerdict(summary({})).ok).toBe(true);
    expect(checkVerdict(summary({ reachable: 5, unreachable: 1 }))).toEqual({
      ok: false,
      reason: '1 of 6 pairs do not fully reach each other, and the topology has no expect: lines saying that is intended',
    });
    expect(checkVerdict(summary({ reachable: 5, partial: 1 })).ok).toBe(false);
  });

  it('with expect: lines, lets them decide (a firewall lab means some pairs to fail)', () => {
    expect(checkVerdict(summary({ reachable: 2, unreachable: 4, expectations: 3 }))).toEqual({ ok: true, reason: 'all 3 expectations hold' });
    expect(checkVerdict(summary({ expectations: 3, failed: 1 }))).toEqual({ ok: false, reason: '1 of 3 expectations failed' });
  });
});

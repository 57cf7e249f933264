import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan, type Plan } from '../../src/topology/plan.js';

const dir = fileURLToPath(new URL('../fixtures/transform/', import.meta.url));
const inputs = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.expected.yaml')).sort();

/** What a transformation test looks at: every address, route, switch and node limit, one line each. */
export function projection(plan: Plan): Record<string, string[]> {
  const out: Record<string, string[]> = {
    addresses: plan.addresses.map((a) => `${a.netns.replace(/^t-/, '')} ${a.dev} ${a.address}`),
    routes: plan.routes.map((r) => `${r.netns.replace(/^t-/, '')} ${r.dst}${r.via ? ` via ${r.via}` : ''}${r.dev ? ` dev ${r.dev}` : ''}${r.metric !== undefined ? ` metric ${r.metric}` : ''}`),
    switches: plan.bridges.map((b) => `${b.name}: ${plan.veths.filter((v) => v.a.netns === b.netns).map((v) => `${v.a.name}→${v.b.node}:${v.b.name}`).join(' ')}`),
    nodes: plan.namespaces.map((n) => {
      const l = n.confine.limits;
      const caps = n.confine.caps.includes('CAP_NET_ADMIN') ? '' : ' -NET_ADMIN';
      const pids = l.pids === undefined ? ' pids=unlimited' : n.confine.defaulted.includes('pids') ? '' : ` pids=${l.pids}`; // the default shows as nothing
      return `${n.node} ${n.kind}${l.memory ? ` memory=${l.memory}` : ''}${pids}${caps}`;
    }),
  };
  if (plan.uplink) out.uplink = [`${plan.uplink.node}:${plan.uplink.dev} ${plan.uplink.address} ↔ ${plan.uplink.hostDev} ${plan.uplink.hostAddress} nat=${plan.uplink.nat} prefixes=${plan.uplink.labPrefixes.join(',')}`];
  return out;
}

/**
 * Input → expected, as netlab tests its transformations: each input file
 * has a NAME.expected.yaml with the addresses, routes and switches the
 * plan must contain.
 */
describe('topology transformations (addressing, routing, LANs, inheritance)', () => {
  for (const f of inputs) {
    it(`${f}`, () => {
      const expectedFile = `${dir}${f.replace(/\.yaml$/, '.expected.yaml')}`;
      expect(existsSync(expectedFile), `${expectedFile} is missing`).toBe(true);
      const plan = compilePlan(loadTopology(f, readFileSync(`${dir}${f}`, 'utf8')));
      const expected = parse(readFileSync(expectedFile, 'utf8')) as Record<string, string[] | null>;
      const got = projection(plan);
      for (const key of Object.keys(got)) expect(got[key], key).toEqual(expected[key] ?? []);
    });
  }

  it('is deterministic: the same file gives the same plan', () => {
    for (const f of inputs) {
      const text = readFileSync(`${dir}${f}`, 'utf8');
      expect(JSON.stringify(compilePlan(loadTopology(f, text)))).toBe(JSON.stringify(compilePlan(loadTopology(f, text))));
    }
  });
});

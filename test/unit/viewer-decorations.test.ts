import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan, type Plan } from '../../src/topology/plan.js';
import { decorations } from '../../src/viewer/decorations.js';

const example = (name: string): string => fileURLToPath(new URL(`../../topologies/${name}`, import.meta.url));
const planOf = (name: string): Plan => compilePlan(loadTopologyFile(example(name)));

describe('decorations()', () => {
  it('marks the NAT router with its masquerade interface and port forwards', () => {
    const d = decorations(planOf('nat.yaml'));
    expect(d.gw?.nat).toEqual({ masqueradeOut: 'wan', ports: ['8080/tcp → h1 10.0.1.10:80'] });
    expect(d.isp?.nat).toBeUndefined();
    expect(d.h1?.nat).toBeUndefined();
  });

  it('formats configured limits for people and lists kept capabilities', () => {
    const d = decorations(planOf('confined.yaml'));
    expect(d.web?.limits).toEqual({ memory: '64 MiB', cpu: '0.5 CPU (50000 µs per 100000 µs)', processes: 'at most 200' });
    expect(d.client?.limits).toMatchObject({ memory: '32 MiB' });
    expect(d.web?.capabilities).toContain('CAP_NET_ADMIN');
    expect(d.client?.capabilities).not.toContain('CAP_NET_ADMIN');
    expect(d.client?.seccomp).toBe('default');
  });

  it('copes with a state record written before plans had confinement or NAT', () => {
    const plan = planOf('router.yaml');
    const old = {
      ...plan,
      namespaces: plan.namespaces.map(({ confine: _c, ...n }) => n),
      nat: undefined,
    } as unknown as Plan;
    expect(decorations(old)).toEqual({});
  });
});

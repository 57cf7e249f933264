import { describe, expect, it } from 'vitest';
import { lanPrefix, overlaps } from '../../src/topology/ipam.js';
import { parseCidr } from '../../src/inet/ip.js';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';

function lanLab(hosts: number, extra = ''): string {
  const names = Array.from({ length: hosts }, (_, i) => `h${i + 1}`);
  return `name: big
topology:
  nodes:
${names.map((n) => `    ${n}: {}`).join('\n')}
    r1: { kind: router }
    h0: {}
  links:
    - lan: [r1, ${names.join(', ')}]
    - lan: [r1, h0]
${extra}`;
}

describe('automatic addressing', () => {
  it('sizes a LAN for its members: the pool prefix when it fits, else the longest that does', () => {
    expect(lanPrefix(4, 24, 2)).toBe(24);
    expect(lanPrefix(4, 24, 254)).toBe(24);
    expect(lanPrefix(4, 24, 255)).toBe(23);
    expect(lanPrefix(4, 24, 1001)).toBe(22);
    expect(lanPrefix(6, 64, 100_000)).toBe(64);
  });

  it('gives a 1000-host LAN a /22 (gateway at the top), and the next LAN the next free /24 after it', () => {
    const plan = compilePlan(loadTopology('big.yaml', lanLab(1000)));
    const addr = (node: string) => plan.addresses.filter((a) => a.netns === `big-${node}` && !a.address.includes(':')).map((a) => a.address);
    expect(addr('h1')).toEqual(['10.0.0.1/22']);
    expect(addr('h1000')).toEqual(['10.0.3.232/22']);
    expect(addr('r1')).toEqual(['10.0.3.254/22', '10.0.4.254/24']);
    expect(addr('h0')).toEqual(['10.0.4.1/24']);
  });

  it('keeps a LAN prefix written under addressing, and says which member found no address', () => {
    expect(() => loadTopology('big.yaml', lanLab(300, 'addressing: { lan: { prefix: 24 } }\n'))).toThrow(/subnet 10\.0\.0\.0\/24 has no free address left for h254:eth0/);
  });

  it('tells partly overlapping prefixes apart from disjoint ones, in either order', () => {
    const c = parseCidr;
    expect(overlaps(c('10.0.0.0/24'), c('10.0.0.128/25'))).toBe(true);
    expect(overlaps(c('10.0.0.128/25'), c('10.0.0.0/24'))).toBe(true);
    expect(overlaps(c('10.0.0.0/25'), c('10.0.0.128/25'))).toBe(false);
    expect(overlaps(c('10.0.1.0/24'), c('10.0.0.0/23'))).toBe(true);
    expect(overlaps(c('10.0.2.0/24'), c('10.0.0.0/23'))).toBe(false);
  });
});

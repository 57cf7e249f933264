import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { checkNodes } from '../../src/lab/check.js';
import { placeNodes } from '../../src/cluster/placement.js';
import { crossCables, splitPlan } from '../../src/cluster/split.js';
import { mergedPlan } from '../../src/cluster/check.js';
import { parseRecord, resource, type Lab, type Part } from '../../src/cluster/records.js';
import { TOPOLOGIES } from '../helpers/nslab.js';

describe('etcd records', () => {
  it('resource() writes the Kubernetes shape and parseRecord() reads it back', () => {
    const r = resource('VniClaim', '7', { lab: 'fabric', first: 7 * 4096, cables: 3 });
    expect(r).toMatchObject({ apiVersion: 'nslab.dev/v1alpha1', kind: 'VniClaim', metadata: { name: '7' }, spec: { lab: 'fabric' } });
    expect(parseRecord('/nslab/vni/7', JSON.stringify(r), 'VniClaim')).toEqual(r);
  });
  it('parseRecord() names the key of a value nslab did not write, or of another kind', () => {
    expect(() => parseRecord('/nslab/vni/7', 'hello', 'VniClaim')).toThrow('etcd key /nslab/vni/7 holds no JSON');
    const host = JSON.stringify(resource('Host', 'm1', { underlay: '10.0.0.1', mtu: 1500, capacity: 1 }));
    expect(() => parseRecord('/nslab/vni/7', host, 'VniClaim')).toThrow(/is not an nslab VniClaim .*kind Host/);
    expect(() => parseRecord('/k', JSON.stringify({ apiVersion: 'v1', kind: 'VniClaim', metadata: { name: 'x' }, spec: {} }), 'VniClaim')).toThrow(/apiVersion v1/);
  });
});

describe('mergedPlan()', () => {
  it("puts a lab's parts back together so check sees every node and address, cable ends included", () => {
    const plan = compilePlan(loadTopologyFile(join(TOPOLOGIES, 'leaf-spine.yaml')));
    const placement = placeNodes(plan, [{ name: 'm1', capacity: 9 }, { name: 'm2', capacity: 9 }]);
    const cables = crossCables(plan, placement);
    const hosts = new Map(['m1', 'm2'].map((h, i) => [h, { underlay: `10.0.0.${i + 1}`, mtu: 1500, capacity: 9 }]));
    const specs = splitPlan(plan, placement, hosts, new Map(cables.map((c, i) => [c.id, i + 1])));
    const parts = specs.map((s) => resource('Part', plan.lab, s) as Part);
    const lab = resource('Lab', plan.lab, { source: plan.source, placement: Object.fromEntries(placement), expect: plan.expect, hosts: ['m1', 'm2'], vniBlock: 1, cables: cables.length }) as Lab;
    const sortNodes = (p: typeof plan) => checkNodes(p).map((n) => ({ ...n, addresses: [...n.addresses].sort((a, b) => a.address.localeCompare(b.address)) })).sort((a, b) => a.name.localeCompare(b.name));
    expect(sortNodes(mergedPlan(lab, parts))).toEqual(sortNodes(plan));
    expect(cables.length).toBeGreaterThan(0);
  });
});

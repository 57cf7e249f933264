import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView, type LabView, type NodeView } from '../../src/lab/inspect.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { withNode } from '../../viewer/src/events.js';
import { pageStatus } from '../../viewer/src/status.js';

const planned: LabView = { ...planView(compilePlan(loadTopologyFile(fileURLToPath(new URL('../../topologies/router.yaml', import.meta.url))))), source: 'labs/router.yaml' };
const live: LabView = { ...planned, live: true, status: 'up' };

describe('pageStatus()', () => {
  it('leaves the badge and hides the banner before anything is drawn', () => {
    expect(pageStatus({ view: null, connected: true })).toEqual({});
  });

  it('says LIVE with the lab’s status when connected to a lab that is up', () => {
    expect(pageStatus({ view: live, connected: true })).toEqual({ badge: { className: 'badge live', text: 'LIVE · up' } });
  });

  it('says NOT DEPLOYED and how to run it for a lab drawn from its file', () => {
    expect(pageStatus({ view: planned, connected: true })).toEqual({
      badge: { className: 'badge planned', text: 'NOT DEPLOYED' },
      banner: { className: '', text: 'NOT DEPLOYED — drawn from labs/router.yaml (nslab up labs/router.yaml to run it)' },
    });
  });

  it('warns that the picture may be stale when the connection is lost', () => {
    const s = pageStatus({ view: live, connected: false });
    expect(s.badge).toEqual({ className: 'badge offline', text: 'DISCONNECTED' });
    expect(s.banner?.className).toBe('offline');
    expect(s.banner?.text).toMatch(/^Lost contact with nslab graph; retrying/);
  });

  it('calls an exported page a snapshot with its date, connected or not', () => {
    const at = '2025-01-31 14:05:09 UTC';
    expect(pageStatus({ view: live, connected: false, exportedAt: at })).toEqual({ badge: { className: 'badge snapshot', text: `snapshot ${at}` } });
    const p = pageStatus({ view: planned, connected: false, exportedAt: at });
    expect(p.badge?.text).toBe(`not deployed · ${at}`);
    expect(p.banner?.text).toMatch(/^NOT DEPLOYED — drawn from labs\/router\.yaml/);
  });
});

describe('withNode()', () => {
  const r1 = live.nodes.find((n) => n.name === 'r1') as NodeView;
  const changed: NodeView = { ...r1, interfaces: r1.interfaces.map((i, k) => (k === 0 ? { ...i, addresses: [...i.addresses, '192.0.2.77/24'] } : i)) };
  const cable = live.links.find((l) => l.a.node === 'r1' || l.b.node === 'r1');
  if (!cable) throw new Error('router.yaml: r1 has no cable');

  it('replaces the node and the cables the event names, and keeps the rest as they were', () => {
    const next = withNode(live, { node: changed, links: [{ ...cable, up: false }] });
    expect(next?.nodes.find((n) => n.name === 'r1')).toBe(changed);
    expect(next?.nodes.filter((n) => n.name !== 'r1')).toEqual(live.nodes.filter((n) => n.name !== 'r1'));
    expect(next?.links.find((l) => l.id === cable.id)?.up).toBe(false);
    expect(next?.links.filter((l) => l.id !== cable.id)).toEqual(live.links.filter((l) => l.id !== cable.id));
    expect(live.nodes.find((n) => n.name === 'r1')).toBe(r1); // the old view is left alone
  });

  it('ignores an event about a node the view does not have', () => {
    expect(withNode(live, { node: { ...r1, name: 'gone' }, links: [] })).toBeUndefined();
  });
});

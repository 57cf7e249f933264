import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView, type LabView, type NodeView } from '../../src/lab/inspect.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { decorations } from '../../src/viewer/decorations.js';
import { extraSection, linkTip, nodeTip, panelContent, type PanelBlock } from '../../viewer/src/details.js';
import { formatRate, interfaceState } from '../../viewer/src/format.js';

const planOf = (name: string) => compilePlan(loadTopologyFile(fileURLToPath(new URL(`../../topologies/${name}`, import.meta.url))));

/** A planned lab made live: every node present, every interface and cable up. */
function live(view: LabView): LabView {
  return {
    ...view,
    live: true,
    status: 'up',
    nodes: view.nodes.map((n) => ({ ...n, present: true, interfaces: n.interfaces.map((i) => ({ ...i, up: true, carrier: true, operstate: 'UP' })) })),
    links: view.links.map((l) => ({ ...l, up: true })),
  };
}

const headings = (blocks: readonly PanelBlock[]) => blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

describe('formatRate() and interfaceState()', () => {
  it('prints bits per second with a unit and one decimal below 100', () => {
    expect(formatRate(0)).toBe('0 b/s');
    expect(formatRate(999)).toBe('999 b/s');
    expect(formatRate(12_345)).toBe('12.3 kb/s');
    expect(formatRate(170_000)).toBe('170 kb/s');
    expect(formatRate(2.5e9)).toBe('2.5 Gb/s');
    expect(formatRate(4e12)).toBe('4000 Gb/s');
  });

  it('tells down, no carrier and up apart', () => {
    expect(interfaceState({ up: false, carrier: true })).toBe('down');
    expect(interfaceState({ up: true, carrier: false })).toBe('no carrier');
    expect(interfaceState({ up: true, carrier: true })).toBe('up');
  });
});

describe('tooltips', () => {
  const view = live(planView(planOf('router.yaml')));
  const r1 = view.nodes.find((n) => n.name === 'r1') as NodeView;
  const l = view.links[0] as LabView['links'][number];

  it('names a node and its kind, then each interface with its state and addresses', () => {
    const tip = nodeTip(view, 'r1');
    expect(tip[0]).toEqual({ bold: true, text: 'r1 · router' });
    expect(tip.slice(1).map((t) => t.text)).toEqual(r1.interfaces.map((i) => `${i.name} up${i.addresses.length ? ` · ${i.addresses.join(', ')}` : ''}`));
    expect(nodeTip(view, 'nope')).toEqual([]);
  });

  it('names a cable’s ends and state, their addresses and the rate each way', () => {
    const tip = linkTip(view, { [l.id]: { ab: 1500, ba: 20, label: '1.5 kb/s' } }, l.id);
    expect(tip[0]).toEqual({ bold: true, text: `${l.a.node}:${l.a.interface} — ${l.b.node}:${l.b.interface} · up` });
    expect(tip.at(-1)?.text).toBe(`${l.a.node} → ${l.b.node} 1.5 kb/s · ${l.b.node} → ${l.a.node} 20 b/s`);
    const planned = linkTip(planView(planOf('router.yaml')), {}, l.id);
    expect(planned[0]?.text).not.toMatch(/up|DOWN/);
    expect(planned.every((t) => !t.text.includes('→'))).toBe(true);
    expect(linkTip(view, {}, 'no-such-link')).toEqual([]);
  });
});

describe('panelContent()', () => {
  it('lists a live router’s interfaces and routes as tables, with each interface’s state', () => {
    const view = live(planView(planOf('router.yaml')));
    const p = panelContent(view, {}, 'r1');
    expect(p?.title).toBe('r1 · router');
    expect(headings(p?.blocks ?? [])).toEqual(['Interfaces', 'Routes', 'Limits', 'Capabilities', 'Processes']);
    const [meta, , ifaces] = p?.blocks ?? [];
    expect(meta).toEqual({ kind: 'pairs', pairs: [['namespace', view.nodes.find((n) => n.name === 'r1')?.netns], ['present', 'yes']] });
    if (ifaces?.kind !== 'table') throw new Error('no interface table');
    expect(ifaces.head).toEqual(['Name', 'State', 'MAC', 'MTU', 'Addresses', 'Bridge']);
    expect(ifaces.rows[0]?.[1]).toEqual({ className: 'state-up', text: 'up (UP)' });
    expect(ifaces.rows[0]?.[3]).toBe('—'); // no MTU in the view
    expect(p?.blocks.at(-1)).toEqual({ kind: 'none', text: 'not reported for this lab' }); // processes
  });

  it('shows the NAT router’s masquerade and port forwards, and that it is drawn as NAT', () => {
    const plan = planOf('nat.yaml');
    const p = panelContent(planView(plan), decorations(plan), 'gw');
    expect(p?.title).toBe('gw · router (nat)');
    const nat = p?.blocks[p.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'NAT') + 1];
    expect(nat).toEqual({ kind: 'pairs', pairs: [['masquerade', 'out of wan'], ['port forward', '8080/tcp → h1 10.0.1.10:80']] });
    expect(p?.blocks[0]).toMatchObject({ pairs: [expect.anything(), ['present', 'not deployed']] });
    const states = p?.blocks.flatMap((b) => (b.kind === 'table' && b.head[0] === 'Name' ? b.rows.map((r) => r[1]) : []));
    expect(states?.every((s) => typeof s === 'object' && s.text === 'planned' && s.className === '')).toBe(true);
  });

  it('shows a node’s uplink cable to the machine, and draws the node as the uplink', () => {
    const uplink = { dev: 'up0', address: '169.254.10.2/30', hostDev: 'nsl-up', hostAddress: '169.254.10.1/30', nat: true };
    const p = panelContent(planView(planOf('router.yaml')), { r1: { uplink } }, 'r1');
    expect(p?.title).toBe('r1 · router (uplink)');
    const i = p?.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Uplink to this machine') ?? -1;
    expect(p?.blocks[i + 1]).toEqual({
      kind: 'pairs',
      pairs: [['cable', 'up0 169.254.10.2/30 ↔ nsl-up 169.254.10.1/30'], ['NAT on the machine', 'yes']],
    });
  });

  it('takes limits the view lacks from the plan, and says seccomp only then', () => {
    const plan = planOf('confined.yaml');
    const view = planView(plan);
    const old = { ...view, nodes: view.nodes.map(({ limits: _l, seccomp: _s, ...n }) => n as NodeView) };
    const p = panelContent(old, decorations(plan), 'web');
    const i = p?.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Limits') ?? -1;
    expect(p?.blocks[i + 1]).toEqual({ kind: 'pairs', pairs: [['memory', '64 MiB'], ['cpu', '0.5 CPU (50000 µs per 100000 µs)'], ['processes', 'at most 200']] });
    expect(p?.blocks).toContainEqual({ kind: 'labelled', label: 'seccomp: ', text: 'default' });
    const fresh = panelContent(view, decorations(plan), 'web');
    expect(fresh?.blocks.some((b) => b.kind === 'labelled')).toBe(false);
    expect(panelContent(view, {}, 'nope')).toBeUndefined();
  });
});

describe('extraSection()', () => {
  it('prints what a field holds: nothing, a list, an object, a number', () => {
    expect(extraSection('X', undefined)).toEqual([{ kind: 'heading', text: 'X' }, { kind: 'none', text: 'not reported for this lab' }]);
    expect(extraSection('X', [])[1]).toEqual({ kind: 'none', text: 'none' });
    expect(extraSection('X', ['NET_ADMIN', 'NET_RAW'])[1]).toEqual({ kind: 'mono', text: 'NET_ADMIN, NET_RAW' });
    expect(extraSection('X', {})[1]).toEqual({ kind: 'none', text: 'none' });
    expect(extraSection('X', { memory: 1024, nested: { a: 1 } })[1]).toEqual({ kind: 'pairs', pairs: [['memory', '1024'], ['nested', '{"a":1}']] });
    expect(extraSection('X', 3)[1]).toEqual({ kind: 'mono', text: '3' });
  });
});

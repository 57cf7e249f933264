/* What cytoscape draws, worked out from the lab alone: node and edge data,
   their classes and labels. No DOM and no cytoscape instance here. */
import type { ElementDefinition } from 'cytoscape';
import type { LabView, LinkView, NodeView } from '../../src/lab/inspect.js';
import type { Decorations } from '../../src/viewer/decorations.js';
import type { Layout, Point } from '../../src/viewer/layout.js';
import type { LinkRateView } from '../../src/viewer/watch.js';

export const KINDS = ['host', 'router', 'bridge', 'nat', 'uplink'] as const;
export type DrawnKind = (typeof KINDS)[number];

/** Below this (b/s, both ways) a cable counts as idle on screen: ARP and neighbour discovery stay quiet. */
export const IDLE_BPS = 1000;

/** Where a cable-end label sits before the page has measured the cables. */
export const DEFAULT_END_OFFSET = 44;

/** With addresses shown, rows move apart so the longer labels of both ends of a cable fit along it. */
export const ADDRESS_STRETCH = { x: 1.25, y: 1.15 } as const;

export type Rates = Readonly<Record<string, LinkRateView>>;

/** The shape a node is drawn with: its kind, or NAT/uplink when the plan gives it those jobs. */
export function drawnKind(n: NodeView, decor: Decorations): DrawnKind {
  const d = decor[n.name];
  if (d?.uplink) return 'uplink';
  if (d?.nat) return 'nat';
  return (KINDS as readonly string[]).includes(n.kind) ? (n.kind as DrawnKind) : 'host';
}

/** A node's classes: its drawn kind, and `absent` when a live lab lacks its namespace. */
export function nodeClasses(n: NodeView, live: boolean, decor: Decorations): string {
  return drawnKind(n, decor) + (live && !n.present ? ' absent' : '');
}

/** The name; with addresses shown, one line per address under it ("eth0 10.0.1.1/24"). */
export function nodeLabel(n: NodeView, live: boolean, showAddresses: boolean): string {
  const name = live && !n.present ? `${n.name} (missing)` : n.name;
  if (!showAddresses) return name;
  const lines = [name];
  for (const i of n.interfaces) for (const a of i.addresses) lines.push(`${i.name} ${a}`);
  return lines.join('\n');
}

/** A node's place from the layout (the origin when the layout lacks it). */
export function placedAt(layout: Layout, name: string, showAddresses: boolean): Point {
  const p = layout.positions[name] ?? { x: 0, y: 0 };
  if (!showAddresses) return { x: p.x, y: p.y };
  return { x: p.x * ADDRESS_STRETCH.x, y: p.y * ADDRESS_STRETCH.y };
}

/** Both ways together, b/s; 0 for a cable without a rate yet. */
export function linkBps(rates: Rates, id: string): number {
  const r = rates[id];
  return r ? r.ab + r.ba : 0;
}

/** 4 px idle, thicker with traffic (log scale: 10 kb/s → 6, 1 Mb/s → 10, 100 Mb/s → 14, at most 18). */
export function edgeWidth(bps: number): number {
  return bps >= IDLE_BPS ? Math.min(18, 4 + 2 * Math.max(0, Math.log10(bps / 1000))) : 4;
}

export interface EdgeData {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly srcLabel: string;
  readonly tgtLabel: string;
  readonly srcOff: number;
  readonly tgtOff: number;
  /** DOWN for a cable that is down, else its rate when rates are shown and it is busy. */
  readonly midLabel: string;
  readonly bps: number;
  readonly width: number;
}

export interface EdgeInputs {
  readonly live: boolean;
  readonly rates: Rates;
  readonly showRates: boolean;
  /** Cable-end label distances by "linkId|s" and "linkId|t" (see endOffsets). */
  readonly offsets: Readonly<Record<string, number>>;
}

export function edgeData(l: LinkView, e: EdgeInputs): EdgeData {
  const bps = linkBps(e.rates, l.id);
  let mid = '';
  if (e.live && !l.up) mid = 'DOWN';
  else if (e.showRates && bps >= IDLE_BPS) mid = e.rates[l.id]?.label ?? '';
  return {
    id: l.id,
    source: l.a.node,
    target: l.b.node,
    srcLabel: l.a.interface,
    tgtLabel: l.b.interface,
    srcOff: e.offsets[`${l.id}|s`] || DEFAULT_END_OFFSET,
    tgtOff: e.offsets[`${l.id}|t`] || DEFAULT_END_OFFSET,
    midLabel: mid,
    bps,
    width: edgeWidth(bps),
  };
}

/** `planned` for a lab that is not up; else `up` or `down`, and `busy` for an up cable with traffic. */
export function edgeClasses(l: LinkView, live: boolean, rates: Rates): string {
  if (!live) return 'planned';
  if (!l.up) return 'down';
  return linkBps(rates, l.id) >= IDLE_BPS ? 'up busy' : 'up';
}

export interface GraphInputs {
  readonly view: LabView;
  readonly layout: Layout;
  readonly decor: Decorations;
  readonly rates: Rates;
  readonly showAddresses: boolean;
  readonly showRates: boolean;
  /** Nodes not drawn (folded into a group) and, with them, their cables. */
  readonly hidden?: ReadonlySet<string>;
  /** Nodes whose cables are drawn plain and unlabelled (an opened group's: hundreds of cables into one switch). */
  readonly bulk?: ReadonlySet<string>;
}

/** Every node and cable of the lab as cytoscape elements, placed by the layout. */
export function graphElements(g: GraphInputs): ElementDefinition[] {
  const { view, layout, decor, showAddresses } = g;
  const hidden = g.hidden ?? new Set<string>();
  const bulk = g.bulk ?? new Set<string>();
  const nodes: ElementDefinition[] = view.nodes.filter((n) => !hidden.has(n.name)).map((n) => ({
    group: 'nodes',
    data: { id: n.name, label: nodeLabel(n, view.live, showAddresses), kind: n.kind, netns: n.netns },
    classes: nodeClasses(n, view.live, decor) + (showAddresses ? ' addresses' : ''),
    position: placedAt(layout, n.name, showAddresses),
  }));
  const inputs: EdgeInputs = { live: view.live, rates: g.rates, showRates: g.showRates, offsets: {} };
  const edges: ElementDefinition[] = view.links
    .filter((l) => !hidden.has(l.a.node) && !hidden.has(l.b.node))
    .map((l) => ({
      group: 'edges',
      data: { ...edgeData(l, inputs) },
      classes: edgeClasses(l, view.live, g.rates) + (bulk.has(l.a.node) || bulk.has(l.b.node) ? ' bulk' : ''),
    }));
  return [...nodes, ...edges];
}

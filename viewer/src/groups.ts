/* Folded host groups on the page: which nodes a folded group hides, the
   group node's label, and its one cable standing for all its members'
   (rates summed, down members counted). Groups come from the server's
   layout (src/viewer/groups.ts); which are open is the page's. */
import type { ElementDefinition } from 'cytoscape';
import type { LabView, LinkView } from '../../src/lab/inspect.js';
import type { NodeGroup } from '../../src/viewer/groups.js';
import type { Layout } from '../../src/viewer/layout.js';
import { DEFAULT_END_OFFSET, edgeWidth, IDLE_BPS, type EdgeData, type Rates } from './elements.js';
import { formatRate } from './format.js';

/** A layout's groups (none in a layout from before groups existed, e.g. an older export). */
export function groupsOf(layout: Layout | null): readonly NodeGroup[] {
  return layout?.groups ?? [];
}

/** Nodes hidden inside folded groups. */
export function hiddenNodes(layout: Layout | null, open: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const g of groupsOf(layout)) if (!open.has(g.id)) for (const m of g.members) out.add(m);
  return out;
}

/** The group a node is folded into, if any (open or not). */
export function groupOfNode(layout: Layout | null, name: string): NodeGroup | undefined {
  return groupsOf(layout).find((g) => g.members.includes(name));
}

interface GroupCounts {
  readonly missing: number;
  readonly down: number;
  readonly bps: number;
}

function memberLinks(view: LabView, g: NodeGroup): LinkView[] {
  const members = new Set(g.members);
  return view.links.filter((l) => members.has(l.a.node) || members.has(l.b.node));
}

function counts(view: LabView, g: NodeGroup, rates: Rates): GroupCounts {
  const members = new Set(g.members);
  const links = memberLinks(view, g);
  const bps = links.reduce((s, l) => s + (rates[l.id] ? (rates[l.id]?.ab ?? 0) + (rates[l.id]?.ba ?? 0) : 0), 0);
  return {
    missing: view.live ? view.nodes.filter((n) => members.has(n.name) && !n.present).length : 0,
    down: view.live ? links.filter((l) => !l.up).length : 0,
    bps,
  };
}

/** "sw · 1000 hosts", and a second line when some are missing or their cables down. */
export function groupLabel(view: LabView, g: NodeGroup, rates: Rates): string {
  const c = counts(view, g, rates);
  const trouble = [c.missing > 0 ? `${c.missing} missing` : '', c.down > 0 ? `${c.down} down` : ''].filter(Boolean).join(', ');
  return `${g.parent} · ${g.members.length} hosts${trouble ? `\n${trouble}` : ''}`;
}

export function groupEdgeId(g: NodeGroup): string {
  return `${g.id}--${g.parent}`;
}

/** The group's cable: `partial` while some members' cables are down, `down` when all are. */
export function groupEdge(view: LabView, g: NodeGroup, rates: Rates, showRates: boolean): { data: EdgeData; classes: string } {
  const c = counts(view, g, rates);
  const total = memberLinks(view, g).length;
  let classes = 'planned';
  let mid = '';
  if (view.live) {
    if (c.down > 0 && c.down >= total) classes = 'down';
    else if (c.down > 0) classes = 'partial';
    else classes = c.bps >= IDLE_BPS ? 'up busy' : 'up';
    if (c.down > 0) mid = `${c.down} of ${total} down`;
    else if (showRates && c.bps >= IDLE_BPS) mid = formatRate(c.bps);
  }
  return {
    data: { id: groupEdgeId(g), source: g.id, target: g.parent, srcLabel: '', tgtLabel: '', srcOff: DEFAULT_END_OFFSET, tgtOff: DEFAULT_END_OFFSET, midLabel: mid, bps: c.bps, width: edgeWidth(c.bps) },
    classes: `${classes} group`,
  };
}

/** The folded groups' nodes and cables. */
export function groupElements(view: LabView, layout: Layout, open: ReadonlySet<string>, rates: Rates, showRates: boolean): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (const g of groupsOf(layout)) {
    if (open.has(g.id)) continue;
    out.push({ group: 'nodes', data: { id: g.id, label: groupLabel(view, g, rates), kind: 'group' }, classes: 'group', position: { ...(layout.positions[g.id] ?? { x: 0, y: 0 }) } });
    const e = groupEdge(view, g, rates, showRates);
    out.push({ group: 'edges', data: { ...e.data }, classes: e.classes });
  }
  return out;
}

/**
 * What a search for a node's name finds: the node of that name, else the
 * first (in name order as the list has them) whose name starts with the
 * text, else the first that contains it; case does not matter.
 */
export function findByName(names: readonly string[], text: string): string | undefined {
  const q = text.trim().toLowerCase();
  if (!q) return undefined;
  return names.find((n) => n.toLowerCase() === q) ?? names.find((n) => n.toLowerCase().startsWith(q)) ?? names.find((n) => n.toLowerCase().includes(q));
}

/**
 * Hosts that hang off one node (a bridge, a LAN's switch, a leaf router)
 * drawn as one group node ("sw · 1000 hosts") until the user opens it. A
 * 1000-host star drawn host by host is a row 180 000 px wide; as a group it
 * is two boxes and a cable, and the hosts are one click (or a search) away.
 */
export interface NodeGroup {
  /** The group node's id: `group:` and the node the hosts hang off. */
  readonly id: string;
  readonly parent: string;
  /** In name order ("h2" before "h10"). */
  readonly members: readonly string[];
}

/** A lab drawn with at most this many boxes needs no groups. */
export const DRAW_BUDGET = 150;
/** Fewer hosts than this on one node stay drawn one by one. */
export const GROUP_MIN = 4;

export const GROUP_PREFIX = 'group:';

/** What grouping and layout read of a lab: names, kinds and who is cabled to whom. */
export interface Graph {
  readonly nodes: readonly { readonly name: string; readonly kind: string }[];
  readonly links: readonly { readonly a: { readonly node: string }; readonly b: { readonly node: string } }[];
}

/**
 * Which hosts to fold, and into what: a host with exactly one neighbour
 * belongs to that neighbour's group. A lab of more than DRAW_BUDGET nodes
 * has every group of at least GROUP_MIN hosts folded (all alike, so one
 * rack of a fabric does not look unlike the others); a lab that fits folds
 * nothing, so classroom labs look as they always did.
 */
export function hostGroups(g: Graph, compare: (a: string, b: string) => number): NodeGroup[] {
  if (g.nodes.length <= DRAW_BUDGET) return [];
  const neighbours = new Map<string, Set<string>>(g.nodes.map((n) => [n.name, new Set<string>()]));
  for (const l of g.links) {
    if (l.a.node === l.b.node) continue;
    neighbours.get(l.a.node)?.add(l.b.node);
    neighbours.get(l.b.node)?.add(l.a.node);
  }
  const byParent = new Map<string, string[]>();
  for (const n of g.nodes) {
    const near = neighbours.get(n.name);
    if (n.kind !== 'host' || !near || near.size !== 1) continue;
    const parent = [...near][0] as string;
    const list = byParent.get(parent);
    if (list) list.push(n.name);
    else byParent.set(parent, [n.name]);
  }
  return [...byParent]
    .filter(([, members]) => members.length >= GROUP_MIN)
    .map(([parent, members]) => ({ id: `${GROUP_PREFIX}${parent}`, parent, members: [...members].sort(compare) }))
    .sort((a, b) => compare(a.parent, b.parent));
}

/** The graph as drawn with every group folded: members replaced by their group node, one cable to the parent. */
export function foldedGraph(g: Graph, groups: readonly NodeGroup[]): Graph {
  if (groups.length === 0) return g;
  const folded = new Set(groups.flatMap((grp) => grp.members));
  return {
    nodes: [...g.nodes.filter((n) => !folded.has(n.name)), ...groups.map((grp) => ({ name: grp.id, kind: 'host' }))],
    links: [...g.links.filter((l) => !folded.has(l.a.node) && !folded.has(l.b.node)), ...groups.map((grp) => ({ a: { node: grp.id }, b: { node: grp.parent } }))],
  };
}

/** Spacing of an opened group's hosts, model pixels (a host box is 64 × 46). */
const GRID_X = 110;
const GRID_Y = 90;

/**
 * Where an opened group's hosts go: a grid about as wide as it is tall,
 * starting one row below the group node and centred on it, so the rest of
 * the drawing (the parent above, other groups beside) stays where it was.
 */
export function gridPositions(members: readonly string[], at: { x: number; y: number }, rowGap: number): Record<string, { x: number; y: number }> {
  const cols = Math.max(1, Math.ceil(Math.sqrt(members.length * (GRID_Y / GRID_X))));
  const width = (cols - 1) * GRID_X;
  const top = at.y + rowGap / 2;
  const out: Record<string, { x: number; y: number }> = {};
  members.forEach((m, i) => {
    out[m] = { x: Math.round(at.x - width / 2 + (i % cols) * GRID_X), y: Math.round(top + Math.floor(i / cols) * GRID_Y) };
  });
  return out;
}

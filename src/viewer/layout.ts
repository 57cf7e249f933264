import { foldedGraph, gridPositions, hostGroups, type Graph, type NodeGroup } from './groups.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * Where the page puts every node. Computed here, once, from the lab's nodes
 * and links alone, so the same lab is drawn the same way on every load (the
 * page uses cytoscape's `preset` layout with these positions).
 */
export interface Layout {
  /** `ring` when the lab's core is one cycle, else `layered`. */
  readonly kind: 'layered' | 'ring';
  /**
   * Every node's place, and each group node's; a grouped host's place is
   * where it goes when its group is opened.
   */
  readonly positions: Record<string, Point>;
  /** Hosts drawn folded into one node until opened (a large lab only; see groups.ts). */
  readonly groups: readonly NodeGroup[];
}

/** Gap between rows and between nodes of the widest row, in model pixels. */
export const ROW_GAP = 230;
export const COLUMN_GAP = 180;
const RING_SPACING = 300;
const RING_LEAF_GAP = 200;

/** "h2" < "h10": digits compare as numbers; no locale, so every machine agrees. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function adjacency(g: Graph): Map<string, string[]> {
  const adj = new Map<string, Set<string>>(g.nodes.map((n) => [n.name, new Set<string>()]));
  for (const l of g.links) {
    if (l.a.node === l.b.node) continue;
    adj.get(l.a.node)?.add(l.b.node);
    adj.get(l.b.node)?.add(l.a.node);
  }
  return new Map([...adj].map(([k, v]) => [k, [...v].sort(naturalCompare)]));
}

/**
 * Compute positions: a ring for a ring, layers for everything else, laid
 * out with a large lab's groups folded; each group's hosts then get a grid
 * under their group node for when it is opened.
 */
export function computeLayout(full: Graph): Layout {
  const groups = hostGroups(full, naturalCompare);
  const g = foldedGraph(full, groups);
  const adj = adjacency(g);
  const ring = ringOrder(g, adj);
  const kind = ring ? 'ring' : 'layered';
  const positions = ring ? ringPositions(g, adj, ring) : layeredPositions(g, adj);
  for (const grp of groups) Object.assign(positions, gridPositions(grp.members, positions[grp.id] ?? { x: 0, y: 0 }, ROW_GAP));
  return { kind, positions, groups };
}

// --- ring ---

/** Hosts with at most one neighbour hang off the core; the rest is the core. */
function isLeaf(g: Graph, adj: Map<string, string[]>, name: string): boolean {
  return kindOf(g).get(name) === 'host' && (adj.get(name)?.length ?? 0) <= 1;
}

const kinds = new WeakMap<Graph, Map<string, string>>();

/** Each node's kind by name (looked up once per graph: a 1000-node lab asks 10⁶ times otherwise). */
function kindOf(g: Graph): Map<string, string> {
  let m = kinds.get(g);
  if (!m) {
    m = new Map(g.nodes.map((n) => [n.name, n.kind]));
    kinds.set(g, m);
  }
  return m;
}

/** The core's nodes in ring order if the core is exactly one cycle of 3 or more. */
function ringOrder(g: Graph, adj: Map<string, string[]>): string[] | undefined {
  const core = g.nodes.map((n) => n.name).filter((n) => !isLeaf(g, adj, n)).sort(naturalCompare);
  if (core.length < 3) return undefined;
  const inCore = new Set(core);
  const coreNeighbours = (n: string): string[] => (adj.get(n) ?? []).filter((m) => inCore.has(m));
  if (!core.every((n) => coreNeighbours(n).length === 2)) return undefined;
  const start = core[0] as string;
  const order = [start];
  let prev = start;
  let cur = coreNeighbours(start)[0] as string; // the smaller neighbour first: clockwise from the top
  while (cur !== start) {
    order.push(cur);
    const next = coreNeighbours(cur).find((m) => m !== prev) as string;
    prev = cur;
    cur = next;
  }
  return order.length === core.length ? order : undefined; // two cycles: not a ring
}

function ringPositions(g: Graph, adj: Map<string, string[]>, order: string[]): Record<string, Point> {
  const n = order.length;
  const radius = Math.max(200, (n * RING_SPACING) / (2 * Math.PI));
  const pos: Record<string, Point> = {};
  const angleOf = new Map<string, number>();
  order.forEach((name, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    angleOf.set(name, angle);
    pos[name] = { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) };
  });
  const loose: string[] = [];
  const leaves = g.nodes.map((x) => x.name).filter((x) => isLeaf(g, adj, x)).sort(naturalCompare);
  const byParent = new Map<string, string[]>();
  for (const leaf of leaves) {
    const parent = adj.get(leaf)?.[0];
    if (parent === undefined || !angleOf.has(parent)) loose.push(leaf);
    else {
      const list = byParent.get(parent);
      if (list) list.push(leaf);
      else byParent.set(parent, [leaf]);
    }
  }
  for (const [parent, kids] of byParent) {
    const base = angleOf.get(parent) as number;
    const r = radius + RING_LEAF_GAP;
    // Fan the leaves of one node around its own direction, one node-width apart.
    const step = Math.min(COLUMN_GAP / r, (2 * Math.PI) / n / Math.max(kids.length, 1));
    kids.forEach((kid, i) => {
      const angle = base + (i - (kids.length - 1) / 2) * step;
      pos[kid] = { x: round(r * Math.cos(angle)), y: round(r * Math.sin(angle)) };
    });
  }
  loose.forEach((name, i) => {
    pos[name] = { x: round((i - (loose.length - 1) / 2) * COLUMN_GAP), y: round(radius + RING_LEAF_GAP * 2) };
  });
  return pos;
}

// --- layers ---

/**
 * Rows by distance from the hosts: hosts at the bottom, what they plug into
 * above them, and so on (leaf–spine: hosts, leaves, spines). Parts of the
 * lab without hosts start from their least connected node.
 */
function layers(g: Graph, adj: Map<string, string[]>): Map<string, number> {
  const layer = new Map<string, number>();
  const bfs = (sources: string[]): void => {
    let frontier = sources.filter((s) => !layer.has(s));
    for (const s of frontier) layer.set(s, 0);
    let d = 0;
    while (frontier.length > 0) {
      d++;
      const next: string[] = [];
      for (const u of frontier) {
        for (const v of adj.get(u) ?? []) {
          if (layer.has(v)) continue;
          layer.set(v, d);
          next.push(v);
        }
      }
      frontier = next;
    }
  };
  bfs(g.nodes.filter((n) => n.kind === 'host').map((n) => n.name).sort(naturalCompare));
  for (;;) {
    const rest = g.nodes.map((n) => n.name).filter((n) => !layer.has(n));
    if (rest.length === 0) break;
    const minDegree = Math.min(...rest.map((n) => adj.get(n)?.length ?? 0));
    bfs([rest.filter((n) => (adj.get(n)?.length ?? 0) === minDegree).sort(naturalCompare)[0] as string]);
  }
  return layer;
}

function layeredPositions(g: Graph, adj: Map<string, string[]>): Record<string, Point> {
  const layer = layers(g, adj);
  const top = Math.max(0, ...layer.values());
  const rows: string[][] = Array.from({ length: top + 1 }, () => []);
  for (const n of [...layer.keys()].sort(naturalCompare)) rows[layer.get(n) as number]?.push(n);

  // Barycentre ordering: a fixed number of sweeps, ties kept in name order.
  const orderBy = (row: string[], ref: string[]): string[] => {
    const at = new Map(ref.map((n, i) => [n, i]));
    const key = new Map<string, number>();
    row.forEach((n, i) => {
      const ix = (adj.get(n) ?? []).map((m) => at.get(m)).filter((v): v is number => v !== undefined);
      key.set(n, ix.length > 0 ? ix.reduce((s, v) => s + v, 0) / ix.length : i);
    });
    return row
      .map((n, i) => ({ n, i }))
      .sort((p, q) => (key.get(p.n) as number) - (key.get(q.n) as number) || p.i - q.i)
      .map((p) => p.n);
  };
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let l = top - 1; l >= 0; l--) rows[l] = orderBy(rows[l] as string[], rows[l + 1] as string[]);
    for (let l = 1; l <= top; l++) rows[l] = orderBy(rows[l] as string[], rows[l - 1] as string[]);
  }
  for (let l = top - 1; l >= 0; l--) rows[l] = orderBy(rows[l] as string[], rows[l + 1] as string[]);

  // Each row spread evenly over the widest row's width, centred on x = 0:
  // two hosts under a leaf sit either side of it.
  const width = Math.max(...rows.map((r) => r.length)) * COLUMN_GAP;
  const pos: Record<string, Point> = {};
  rows.forEach((row, l) => {
    row.forEach((name, i) => {
      pos[name] = { x: round(((i + 0.5) * width) / row.length - width / 2), y: (top - l) * ROW_GAP };
    });
  });
  return pos;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}

import type { EndpointDef, LinkDef, NodeDef } from './types.js';

/**
 * A layer-2 segment: the routed interfaces (of hosts and routers) that reach
 * each other without a router, either across one cable or through bridges.
 */
export interface Segment {
  /** Position in order of first appearance in the links. */
  readonly index: number;
  /** Hosts' and routers' interfaces on the segment, in link order. */
  readonly endpoints: EndpointDef[];
  /** A cable between two routed interfaces; anything with a bridge is a LAN. */
  readonly p2p: boolean;
}

/** Group the links' routed endpoints into segments (bridges join what touches them). */
export function segmentsOf(nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): Segment[] {
  const isBridge = (n: string): boolean => nodes.get(n)?.kind === 'bridge';
  // Union-find over "things": each bridge node is one thing, each link without a bridge its own.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const keyOf = (l: LinkDef, i: number): string => {
    const bridges = [l.a, l.b].filter((e) => isBridge(e.node)).map((e) => `b:${e.node}`);
    for (const b of bridges) if (!parent.has(b)) parent.set(b, b);
    if (bridges.length === 2) union(bridges[0] as string, bridges[1] as string);
    if (bridges.length > 0) return bridges[0] as string;
    const k = `l:${i}`;
    parent.set(k, k);
    return k;
  };
  const keys = links.map(keyOf);
  const byRoot = new Map<string, { endpoints: EndpointDef[]; bridged: boolean; first: number }>();
  links.forEach((l, i) => {
    const root = find(keys[i] as string);
    const seg = byRoot.get(root) ?? { endpoints: [], bridged: root.startsWith('b:'), first: i };
    for (const e of [l.a, l.b]) if (!isBridge(e.node)) seg.endpoints.push(e);
    byRoot.set(root, seg);
  });
  return [...byRoot.values()]
    .sort((x, y) => x.first - y.first)
    .map((s, index) => ({ index, endpoints: s.endpoints, p2p: !s.bridged && s.endpoints.length === 2 }));
}

import { UndirectedGraph } from 'graphology';
import { singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { contains, formatCidr, networkOf, type Cidr, type IpAddress } from '../inet/ip.js';
import type { Segment } from './segments.js';
import type { EndpointDef, NodeDef, RouteDef, UplinkDef } from './types.js';

type Addressed = (e: EndpointDef) => readonly Cidr[];

/** The subnets of a segment for one family, in order of appearance. */
function subnetsOf(seg: Segment, family: 4 | 6, addrs: Addressed): Cidr[] {
  const seen = new Map<string, Cidr>();
  for (const e of seg.endpoints) {
    for (const a of addrs(e)) {
      if (a.family !== family) continue;
      const n = networkOf(a);
      seen.set(formatCidr(n), n);
    }
  }
  return [...seen.values()];
}

/** An address of endpoint e inside subnet net. */
function addressIn(e: EndpointDef, net: Cidr, addrs: Addressed): IpAddress | undefined {
  return addrs(e).find((a) => contains(net, a));
}

/**
 * Static routes from the lab's graph (`routing: static`). Routers and
 * segments form a bipartite graph (hosts do not forward, so paths never cross
 * them). For every subnet a router is not on, the next hop is the neighbour
 * router one step closer to it (graphology BFS from the subnet's segment);
 * ties go to the earliest segment, then the lowest next-hop address, so the
 * result is deterministic. Every host gets a default route through a router
 * on its own segments. Routes the user wrote for the same destination win.
 * Since every router learns every prefix, return paths exist by construction.
 * With an uplink, its node's default route leads to the machine and every
 * other router's default route leads toward that node.
 */
export function computeRoutes(
  nodes: ReadonlyMap<string, NodeDef>,
  segments: readonly Segment[],
  addrs: Addressed,
  uplink?: UplinkDef,
): Map<string, RouteDef[]> {
  const out = new Map<string, RouteDef[]>();
  const isRouter = (n: string): boolean => nodes.get(n)?.kind === 'router';
  const g = new UndirectedGraph();
  for (const seg of segments) g.addNode(`s${seg.index}`);
  for (const n of nodes.values()) if (n.kind === 'router') g.addNode(`n:${n.name}`);
  for (const seg of segments) {
    for (const e of seg.endpoints) {
      if (isRouter(e.node) && !g.hasEdge(`n:${e.node}`, `s${seg.index}`)) g.addEdge(`n:${e.node}`, `s${seg.index}`);
    }
  }

  // Looked up once, not per node: a 10 000-host lab made these loops quadratic.
  const segsOf = new Map<string, Segment[]>();
  const endpointOf = new Map<Segment, Map<string, EndpointDef>>();
  for (const seg of segments) {
    const byNode = new Map<string, EndpointDef>();
    for (const e of seg.endpoints) {
      if (!byNode.has(e.node)) byNode.set(e.node, e);
      const list = segsOf.get(e.node);
      if (!list) segsOf.set(e.node, [seg]);
      else if (list.at(-1) !== seg) list.push(seg);
    }
    endpointOf.set(seg, byNode);
  }
  const subnetMemo = new Map<string, Cidr[]>();
  const subnets = (seg: Segment, family: 4 | 6): Cidr[] => {
    const key = `${seg.index}:${family}`;
    let v = subnetMemo.get(key);
    if (!v) subnetMemo.set(key, (v = subnetsOf(seg, family, addrs)));
    return v;
  };
  const routersOf = new Map<Segment, EndpointDef[]>();
  const routers = (seg: Segment): EndpointDef[] => {
    let v = routersOf.get(seg);
    if (!v) routersOf.set(seg, (v = seg.endpoints.filter((e) => isRouter(e.node))));
    return v;
  };

  for (const node of nodes.values()) {
    if (node.routing !== 'static' || node.kind === 'bridge') continue;
    const written = new Set(node.routes.map((r) => `${r.dst.family}:${formatCidr(networkOf(r.dst))}`));
    const routes: RouteDef[] = [];
    const add = (dst: Cidr, via: IpAddress): void => {
      const key = `${dst.family}:${formatCidr(networkOf(dst))}`;
      if (written.has(key)) return;
      written.add(key);
      routes.push({ dst, via, pos: node.pos, field: `${node.field}.routing`, computed: true });
    };
    const mine = segsOf.get(node.name) ?? [];

    for (const family of [4, 6] as const) {
      if (node.kind === 'host') {
        // Default route through the first router on one of the host's segments.
        for (const seg of mine) {
          const own = endpointOf.get(seg)?.get(node.name);
          const net = own && subnets(seg, family).find((n) => addrs(own).some((a) => contains(n, a)));
          if (!net) continue;
          const gw = routers(seg).map((e) => addressIn(e, net, addrs)).find(Boolean);
          if (gw) {
            add({ family, bytes: new Uint8Array(family === 4 ? 4 : 16), prefix: 0 }, gw);
            break;
          }
        }
        continue;
      }
      // A router: a route to every subnet of every segment it is not on.
      const connected = new Set(mine.map((s) => s.index));
      for (const target of segments) {
        if (connected.has(target.index)) continue;
        const nets = subnets(target, family);
        if (nets.length === 0) continue;
        const dist = singleSourceLength(g, `s${target.index}`);
        const myDist = dist[`n:${node.name}`];
        if (myDist === undefined) continue; // unreachable through routers
        let best: { seg: number; via: IpAddress } | undefined;
        for (const seg of mine) {
          const own = endpointOf.get(seg)?.get(node.name);
          for (const peer of routers(seg)) {
            if (peer.node === node.name) continue;
            if (dist[`n:${peer.node}`] !== myDist - 2) continue;
            // The next hop must be on a subnet this router also has on that segment.
            const shared = own && subnets(seg, family).find((n) => addrs(own).some((a) => contains(n, a)));
            const via = shared && addressIn(peer, shared, addrs);
            if (!via) continue;
            const better =
              !best || seg.index < best.seg || (seg.index === best.seg && compareBytes(via.bytes, best.via.bytes) < 0);
            if (better) best = { seg: seg.index, via };
          }
        }
        if (best) for (const net of nets) add(net, best.via);
      }
    }
    if (uplink && node.kind === 'router') {
      const zero: Cidr = { family: 4, bytes: new Uint8Array(4), prefix: 0 };
      if (node.name === uplink.node) {
        add(zero, uplink.hostAddress);
      } else {
        const via = nextHopToward(uplink.node, node.name, mine, g, addrs);
        if (via) add(zero, via);
      }
    }
    if (uplink && node.kind === 'host' && node.name === uplink.node) {
      add({ family: 4, bytes: new Uint8Array(4), prefix: 0 }, uplink.hostAddress);
    }
    if (routes.length > 0) out.set(node.name, routes);
  }
  return out;
}

/** The IPv4 next hop from router `from` toward router `to` (a neighbour one step nearer). */
function nextHopToward(to: string, from: string, mine: readonly Segment[], g: UndirectedGraph, addrs: Addressed): IpAddress | undefined {
  if (!g.hasNode(`n:${to}`)) return undefined;
  const dist = singleSourceLength(g, `n:${to}`);
  const myDist = dist[`n:${from}`];
  if (myDist === undefined) return undefined;
  let best: { seg: number; via: IpAddress } | undefined;
  for (const seg of mine) {
    const own = seg.endpoints.find((e) => e.node === from);
    for (const peer of seg.endpoints) {
      if (peer.node === from || dist[`n:${peer.node}`] !== myDist - 2) continue;
      const shared = own && subnetsOf(seg, 4, addrs).find((n) => addrs(own).some((a) => contains(n, a)));
      const via = shared && addressIn(peer, shared, addrs);
      if (via && (!best || seg.index < best.seg || (seg.index === best.seg && compareBytes(via.bytes, best.via.bytes) < 0))) best = { seg: seg.index, via };
    }
  }
  return best?.via;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

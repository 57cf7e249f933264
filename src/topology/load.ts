import { readFileSync } from 'node:fs';
import { parseMac } from '../rtnl/link.js';
import { contains, formatCidr, formatIp, networkOf, parseCidr, parseIp, type Cidr, type IpAddress } from '../rtnl/inet.js';
import { didYouMean, type Diagnostics } from './diagnostics.js';
import { interfaceNameProblem, nameProblem } from './names.js';
import { buildRoute, parseRouteText } from './routes.js';
import { Field, Source } from './source.js';
import { KIND_ALIASES, type EndpointDef, type LinkDef, type NodeDef, type RouteDef, type Topology } from './types.js';

/** containerlab fields with no meaning for a namespace lab: accepted, reported once. */
const IGNORED_NODE_FIELDS = [
  'image', 'startup-config', 'startup-delay', 'labels', 'mgmt-ipv4', 'mgmt-ipv6', 'binds', 'license', 'type',
  'image-pull-policy', 'enforce-startup-config', 'suppress-startup-config', 'entrypoint', 'cmd', 'user', 'network-mode',
  'publish', 'runtime', 'stages', 'certificate', 'healthcheck', 'extras', 'dns', 'restart-policy', 'auto-remove',
];
const IGNORED_TOP_FIELDS = ['mgmt', 'prefix', 'settings'];

/** Read and validate a topology file. Throws TopologyError listing every problem. */
export function loadTopologyFile(file: string): Topology {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read topology file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  return loadTopology(file, text);
}

/** Validate a topology given as text; `file` names it in messages. */
export function loadTopology(file: string, text: string): Topology {
  const src = new Source(file, text);
  const root = src.root;
  const topo = parse(root, file);
  src.diagnostics.check();
  return { ...(topo as Omit<Topology, 'warnings'>), warnings: src.diagnostics.warnings };
}

function parse(root: Field, file: string): Omit<Topology, 'warnings'> | undefined {
  if (root.diag.hasErrors) return undefined;
  if (!root.isMap) {
    root.error(`a topology is a map with 'name' and 'topology', found ${root.describe()}`);
    return undefined;
  }
  root.checkKeys(['name', 'topology'], IGNORED_TOP_FIELDS);
  const nameField = root.get('name');
  let name = nameField.isNull ? (nameField.error(`every lab needs a name (add "name: mylab")`), undefined) : nameField.str();
  if (name !== undefined) {
    const problem = nameProblem('lab', name);
    if (problem) name = nameField.error(problem);
  }
  const topoField = root.get('topology');
  if (topoField.isNull) {
    topoField.error(`missing 'topology' with 'nodes' and 'links'`);
    return undefined;
  }
  if (!topoField.isMap) {
    topoField.error(`expected a map with 'nodes' and 'links', found ${topoField.describe()}`);
    return undefined;
  }
  topoField.checkKeys(['nodes', 'links']);
  const nodes = parseNodes(topoField.get('nodes'));
  const links = parseLinks(topoField.get('links'), nodes);
  checkAddresses(root.diag, links);
  checkRoutes(root.diag, nodes, links);
  return { name: name ?? '', file, nodes, links };
}

// --- nodes ---

function parseNodes(f: Field): Map<string, NodeDef> {
  const nodes = new Map<string, NodeDef>();
  if (f.isNull) {
    f.error(`a lab needs at least one node under 'topology.nodes'`);
    return nodes;
  }
  for (const nf of f.entries() ?? []) {
    const name = nf.key;
    const problem = nameProblem('node', name);
    if (problem) {
      nf.error(problem);
      continue;
    }
    const body = nf.isNull ? undefined : nf;
    if (body && !body.isMap) {
      body.error(`expected the node's fields (a map such as { kind: host }), found ${body.describe()}`);
      continue;
    }
    body?.checkKeys(['kind', 'routes'], IGNORED_NODE_FIELDS);
    const kindField = body?.get('kind');
    let kind = KIND_ALIASES.host;
    if (kindField && !kindField.isNull) {
      const k = kindField.str();
      if (k !== undefined) {
        const resolved = KIND_ALIASES[k];
        if (resolved) kind = resolved;
        else kindField.error(`unknown kind '${k}' (expected host, linux, router or bridge)${didYouMean(k, Object.keys(KIND_ALIASES))}`);
      }
    }
    if (kind === 'bridge') {
      const p = interfaceNameProblem(name);
      if (p) nf.error(`a bridge node's name is its device's name: ${p}`);
    }
    const routes = body ? parseRoutes(body.get('routes')) : [];
    if (kind === 'bridge' && routes.length > 0) body?.get('routes').error('a bridge switches frames and has no routes');
    nodes.set(name, { name, kind: kind ?? 'host', routes, pos: nf.pos, field: nf.path });
  }
  return nodes;
}

function parseRoutes(f: Field): RouteDef[] {
  const out: RouteDef[] = [];
  if (f.isNull) return out;
  for (const rf of f.items() ?? []) {
    try {
      if (rf.isMap) {
        rf.checkKeys(['dst', 'via', 'dev', 'metric']);
        const dst = rf.get('dst').isNull ? 'default' : rf.get('dst').str();
        const viaText = rf.get('via').isNull ? undefined : rf.get('via').str();
        const dev = rf.get('dev').isNull ? undefined : rf.get('dev').str();
        const metric = rf.get('metric').isNull ? undefined : rf.get('metric').int(0, 0xffffffff);
        if (dst === undefined) continue;
        const via = viaText === undefined ? undefined : parseIp(viaText);
        out.push({ ...buildRoute(dst, via, dev, metric), pos: rf.pos, field: rf.path });
      } else {
        const text = rf.str();
        if (text === undefined) continue;
        out.push({ ...parseRouteText(text), pos: rf.pos, field: rf.path });
      }
    } catch (err) {
      rf.error(`bad route: ${(err as Error).message}`);
    }
  }
  return out;
}

// --- links ---

function parseLinks(f: Field, nodes: Map<string, NodeDef>): LinkDef[] {
  const links: LinkDef[] = [];
  if (f.isNull) return links;
  const used = new Map<string, string>(); // "node:iface" → field of first use
  for (const lf of f.items() ?? []) {
    if (!lf.isMap) {
      lf.error(`expected a link such as { endpoints: ["h1:eth0", "h2:eth0"] }, found ${lf.describe()}`);
      continue;
    }
    lf.checkKeys(['endpoints', 'mtu'], ['labels', 'vars']);
    const epField = lf.get('endpoints');
    if (epField.isNull) {
      lf.error(`a link needs 'endpoints'`);
      continue;
    }
    const eps = (epField.items() ?? []).map((e) => parseEndpoint(e, nodes, used));
    if (epField.isSeq && eps.length !== 2) {
      epField.error(`a link joins exactly two endpoints, found ${eps.length} (for a LAN, join each host to a bridge node)`);
      continue;
    }
    const mtuField = lf.get('mtu');
    const mtu = mtuField.isNull ? undefined : mtuField.int(68, 65535);
    const [a, b] = eps;
    if (!a || !b) continue;
    links.push({ a, b, ...(mtu !== undefined ? { mtu } : {}), pos: lf.pos, field: lf.path });
  }
  return links;
}

function parseEndpoint(f: Field, nodes: Map<string, NodeDef>, used: Map<string, string>): EndpointDef | undefined {
  let node: string | undefined;
  let iface: string | undefined;
  const addresses: Cidr[] = [];
  let mac: Uint8Array | undefined;
  if (f.isMap) {
    f.checkKeys(['node', 'interface', 'ipv4', 'ipv6', 'mac']);
    node = f.get('node').isNull ? f.error(`an endpoint needs 'node'`) : f.get('node').str();
    iface = f.get('interface').isNull ? f.error(`an endpoint needs 'interface'`) : f.get('interface').str();
    for (const family of [4, 6] as const) {
      for (const af of f.get(`ipv${family}`).itemsOrOne()) {
        const text = af.str();
        if (text === undefined) continue;
        try {
          if (!text.includes('/')) throw new TypeError(`'${text}' needs a prefix length, e.g. ${text}/${family === 4 ? 24 : 64}`);
          const c = parseCidr(text);
          if (c.family !== family) throw new TypeError(`'${text}' is not an IPv${family} address`);
          addresses.push(c);
        } catch (err) {
          af.error((err as Error).message);
        }
      }
    }
    const macField = f.get('mac');
    if (!macField.isNull) {
      const text = macField.str();
      try {
        if (text !== undefined) mac = parseMac(text);
      } catch (err) {
        macField.error((err as Error).message);
      }
    }
  } else {
    const text = f.str();
    if (text === undefined) return undefined;
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1) {
      return f.error(`endpoint '${text}' should be "node:interface", e.g. "h1:eth0"`);
    }
    node = text.slice(0, colon);
    iface = text.slice(colon + 1);
  }
  if (node === undefined || iface === undefined) return undefined;
  const def = nodes.get(node);
  if (!def) return f.error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
  const problem = interfaceNameProblem(iface);
  if (problem) return f.error(problem);
  const key = `${node}:${iface}`;
  const first = used.get(key);
  if (first) return f.error(`interface ${key} is already used by ${first}`);
  used.set(key, f.path);
  if (def.kind === 'bridge' && addresses.length > 0) {
    return f.error(`${key} is a port of bridge '${node}'; a bridge port carries no address (put it on the hosts)`);
  }
  return { node, iface, addresses, ...(mac ? { mac } : {}), pos: f.pos, field: f.path };
}

// --- cross-checks ---

function endpointsOf(links: readonly LinkDef[]): EndpointDef[] {
  return links.flatMap((l) => [l.a, l.b]);
}

function checkAddresses(diag: Diagnostics, links: readonly LinkDef[]): void {
  const seen = new Map<string, EndpointDef>();
  for (const ep of endpointsOf(links)) {
    for (const c of ep.addresses) {
      const key = formatIp(c);
      const first = seen.get(key);
      if (first) {
        diag.error(ep.pos, ep.field, `address ${key} is also given to ${first.node}:${first.iface} (${first.field})`);
      } else {
        seen.set(key, ep);
      }
      const net = networkOf(c);
      const isHostPart = (c.family === 4 && c.prefix < 31) || (c.family === 6 && c.prefix < 127);
      if (isHostPart && formatIp(net) === key) diag.error(ep.pos, ep.field, `${formatCidr(c)} is the network address of its subnet, not a host address`);
    }
  }
}

function checkRoutes(diag: Diagnostics, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): void {
  const byNode = new Map<string, EndpointDef[]>();
  for (const ep of endpointsOf(links)) byNode.set(ep.node, [...(byNode.get(ep.node) ?? []), ep]);
  for (const node of nodes.values()) {
    const eps = byNode.get(node.name) ?? [];
    for (const r of node.routes) {
      if (r.dev !== undefined && !eps.some((e) => e.iface === r.dev)) {
        diag.error(r.pos, r.field, `node ${node.name} has no interface '${r.dev}'${didYouMean(r.dev, eps.map((e) => e.iface))}`);
        continue;
      }
      if (r.via) {
        const via: IpAddress = r.via;
        const candidates = r.dev === undefined ? eps : eps.filter((e) => e.iface === r.dev);
        const onLink = candidates.some((e) => e.addresses.some((a) => contains(a, via)));
        if (!onLink) {
          diag.error(r.pos, r.field, `gateway ${formatIp(via)} is not on any subnet of ${node.name}'s interfaces${r.dev ? ` (${r.dev})` : ''}`);
        }
      }
    }
  }
}

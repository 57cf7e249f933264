import { readFileSync } from 'node:fs';
import { parseMac } from '../rtnl/link.js';
import { contains, formatCidr, formatIp, networkOf, parseCidr, parseIp, type Cidr } from '../rtnl/inet.js';
import type { ImpairmentSpec } from '../rtnl/qdisc/impairment.js';
import { DEFAULT_NODE_CAPS, sortCaps } from '../sys/caps/index.js';
import { didYouMean, type Diagnostics } from './diagnostics.js';
import { assignAddresses, overlaps } from './ipam.js';
import { interfaceNameProblem, nameProblem } from './names.js';
import { computeRoutes } from './routing.js';
import { parseConfinement, parseExec, parseImpairmentFields, parsePorts, parseResolver, parseStringMap } from './node-fields.js';
import { buildRoute, parseRouteText } from './routes.js';
import { segmentsOf } from './segments.js';
import { checkShape } from './shape.js';
import { Source, type Field } from './source.js';
import { topologySpec } from './spec.js';
import {
  KIND_ALIASES, type Addressing, type EndpointDef, type ExpectDef, type LinkDef, type NodeConfinement, type NodeDef, type NodeKind,
  type Pool, type PortForwardDef, type RouteDef, type RoutingMode, type Topology, type UplinkDef,
} from './types.js';

/** What a switch nslab makes for a LAN is given: nothing to confine, nothing to run. */
const BARE: Pick<NodeDef, 'confine' | 'exec' | 'env' | 'sysctls' | 'ports'> = {
  confine: { limits: {}, caps: sortCaps(DEFAULT_NODE_CAPS), capsAll: false, seccomp: { mode: 'default' } } satisfies NodeConfinement,
  exec: [],
  env: {},
  sysctls: {},
  ports: [],
};

export { looksLikeFile } from './names.js';

/** The topology file cannot be read at all. */
export class TopologyFileError extends Error {
  override readonly name = 'TopologyFileError';
}

/** Read and validate a topology file. Throws TopologyError listing every problem. */
export function loadTopologyFile(file: string): Topology {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new TopologyFileError(`cannot read topology file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  return loadTopology(file, text);
}

/**
 * Validate a topology given as text (`file` names it in messages): shape
 * first (./spec.ts), then meaning — inheritance, LANs, interface names,
 * addresses (automatic where missing), routes (computed for
 * `routing: static`) and every cross-check, all problems at once.
 */
export function loadTopology(file: string, text: string): Topology {
  const src = new Source(file, text);
  const root = src.root;
  let topo: Omit<Topology, 'warnings'> | undefined;
  if (!root.diag.hasErrors) {
    if (!root.isMap) {
      root.error(`a topology is a map with 'name' and 'topology', found ${root.describe()}`);
    } else {
      checkShape(root, topologySpec);
      // Meaning is checked even after shape errors, so every mistake is
      // reported in one go; echoes at the same place are dropped.
      topo = build(root, file);
    }
  }
  src.diagnostics.check();
  return { ...(topo as Omit<Topology, 'warnings'>), warnings: src.diagnostics.warnings };
}

/** Everything below assumes the shape is right (checkShape passed). */
function build(root: Field, file: string): Omit<Topology, 'warnings'> {
  const diag = root.diag;
  const name = root.get('name').text ?? '';
  const problem = root.has('name') ? nameProblem('lab', name) : undefined;
  if (problem) root.get('name').error(problem);
  const topo = root.get('topology');
  const labRouting = (root.get('routing').text as RoutingMode | undefined) ?? 'none';
  const nodes = parseNodes(topo, labRouting, file);
  const links = parseLinks(topo.get('links'), nodes);
  const addressing = parseAddressing(root.get('addressing'), file);
  const uplink = parseUplink(root.get('uplink'), name, nodes, links);

  const segments = segmentsOf(nodes, links);
  checkSubnets(diag, segments.map((s) => s.endpoints));
  const given = diag.hasErrors ? new Map<EndpointDef, Cidr[]>() : assignAddresses(segments, nodes, addressing, diag);
  const addressed = (e: EndpointDef): readonly Cidr[] => [...e.addresses, ...(given.get(e) ?? [])];
  const computed = computeRoutes(nodes, segments, addressed, uplink);

  const withAddresses = (e: EndpointDef): EndpointDef => {
    const auto = given.get(e);
    return auto ? { ...e, addresses: [...e.addresses, ...auto], autoAddresses: auto } : e;
  };
  const finalLinks = links.map((l) => ({ ...l, a: withAddresses(l.a), b: withAddresses(l.b) }));
  const finalNodes = new Map([...nodes].map(([n, def]) => [n, { ...def, routes: [...def.routes, ...(computed.get(n) ?? [])] }]));
  checkAddresses(diag, finalLinks);
  checkRoutes(diag, finalNodes, finalLinks);
  checkNodeReferences(finalNodes, finalLinks, topo.get('nodes'));
  if (uplink) checkPortTargets(diag, uplink.ports, finalNodes, finalLinks);
  const expect = parseExpect(root.get('expect'), finalNodes, finalLinks);
  return { name, file, nodes: finalNodes, links: finalLinks, ...(uplink ? { uplink } : {}), expect };
}

// --- nodes, with inheritance ---

/**
 * The field `key` of a node as inherited: the node's own, else its group's,
 * else its kind's, else the defaults'. The Field keeps the place it was
 * written, so an error in an inherited value points at the group or default.
 */
function inherited(node: Field, topo: Field, kind: string | undefined, key: string): Field {
  const own = node.get(key);
  if (!own.isNull) return own;
  const group = node.get('group').text;
  const levels = [
    group !== undefined ? topo.get('groups').get(group) : undefined,
    kind !== undefined ? topo.get('kinds').get(kind) : undefined,
    topo.get('defaults'),
  ];
  for (const level of levels) {
    const f = level?.get(key);
    if (f && !f.isNull) return f;
  }
  return own;
}

function parseNodes(topo: Field, labRouting: RoutingMode, file: string): Map<string, NodeDef> {
  const nodes = new Map<string, NodeDef>();
  const groups = topo.get('groups');
  const nodesField = topo.get('nodes');
  for (const nf of nodesField.isMap ? (nodesField.entries() ?? []) : []) {
    const name = nf.key;
    const problem = nameProblem('node', name);
    if (problem) {
      nf.error(problem);
      continue;
    }
    const groupField = nf.get('group');
    if (!groupField.isNull && !groups.has(groupField.text ?? '')) {
      groupField.error(`unknown group '${groupField.text}'${didYouMean(groupField.text ?? '', (groups.entries() ?? []).map((g) => g.key))}`);
    }
    // The kind itself may come from the group or the defaults, never from `kinds`.
    const kindField = inherited(nf, topo, undefined, 'kind');
    const kind: NodeKind = KIND_ALIASES[kindField.text ?? 'host'] ?? 'host';
    if (kind === 'bridge') {
      const p = interfaceNameProblem(name);
      if (p) nf.error(`a bridge node's name is its device's name: ${p}`);
    }
    const kindKey = kindField.text ?? 'host';
    const routesField = inherited(nf, topo, kindKey, 'routes');
    const routes = parseRoutes(routesField);
    if (kind === 'bridge' && routes.length > 0) routesField.error('a bridge switches frames and has no routes');
    const routing = (inherited(nf, topo, kindKey, 'routing').text as RoutingMode | undefined) ?? labRouting;
    const get = (key: string): Field => inherited(nf, topo, kindKey, key);
    const natField = get('nat');
    const natOut = natField.get('out').text;
    const dns = parseResolver(get('dns'));
    nodes.set(name, {
      name,
      kind,
      routes,
      routing,
      confine: parseConfinement(get, file),
      exec: parseExec(get('exec')),
      env: parseStringMap(get('env')),
      sysctls: parseStringMap(get('sysctls')),
      ...(dns ? { dns } : {}),
      ...(natOut !== undefined ? { nat: { out: natOut, pos: natField.pos, field: natField.path } } : {}),
      ports: parsePorts(get('ports')),
      pos: nf.pos,
      field: nf.path,
    });
  }
  return nodes;
}

function parseRoutes(f: Field): RouteDef[] {
  const out: RouteDef[] = [];
  for (const rf of f.isNull ? [] : (f.items() ?? [])) {
    try {
      if (rf.isMap) {
        const via = rf.get('via').text;
        const dev = rf.get('dev').text;
        const metric = rf.get('metric').value as number | undefined;
        const r = buildRoute(rf.get('dst').text ?? 'default', via === undefined ? undefined : parseIp(via), dev, metric ?? undefined);
        out.push({ ...r, pos: rf.pos, field: rf.path });
      } else {
        out.push({ ...parseRouteText(rf.text ?? ''), pos: rf.pos, field: rf.path });
      }
    } catch (err) {
      rf.error(`bad route: ${(err as Error).message}`);
    }
  }
  return out;
}

// --- links and LANs ---

interface RawEndpoint {
  readonly f: Field;
  readonly impair?: ImpairmentSpec;
  readonly node: string;
  /** Undefined: the node's next free ethN. */
  readonly iface?: string;
  readonly addresses: Cidr[];
  readonly mac?: Uint8Array;
}

interface RawLink {
  readonly f: Field;
  readonly ends: RawEndpoint[];
  readonly mtu?: number;
  /** Impairment of the whole link: both directions. */
  readonly impair?: ImpairmentSpec;
  /** LAN switch name, when the link is a LAN. */
  readonly lan?: string;
}

function parseEndpoint(f: Field, nodes: ReadonlyMap<string, NodeDef>): RawEndpoint | undefined {
  let node: string;
  let iface: string | undefined;
  const addresses: Cidr[] = [];
  let mac: Uint8Array | undefined;
  if (f.isMap) {
    node = f.get('node').text ?? '';
    iface = f.get('interface').text;
    for (const family of [4, 6] as const) {
      for (const af of f.get(`ipv${family}`).itemsOrOne()) {
        const text = af.text ?? '';
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
    const macText = f.get('mac').text;
    try {
      if (macText !== undefined) mac = parseMac(macText);
    } catch (err) {
      f.get('mac').error((err as Error).message);
    }
  } else {
    const text = f.text ?? '';
    const colon = text.indexOf(':');
    if (colon === 0 || colon === text.length - 1) {
      return f.error(`endpoint '${text}' should be "node:interface" (or just "node"), e.g. "h1:eth0"`);
    }
    node = colon < 0 ? text : text.slice(0, colon);
    iface = colon < 0 ? undefined : text.slice(colon + 1);
  }
  if (!nodes.has(node)) return f.error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
  if (iface !== undefined) {
    const problem = interfaceNameProblem(iface);
    if (problem) return f.error(problem);
  }
  if (nodes.get(node)?.kind === 'bridge' && addresses.length > 0) {
    return f.error(`${node}${iface ? `:${iface}` : ''} is a port of bridge '${node}'; a bridge port carries no address (put it on the hosts)`);
  }
  const impair = parseImpairmentFields(f);
  return { f, node, ...(iface !== undefined ? { iface } : {}), addresses, ...(mac ? { mac } : {}), ...(impair ? { impair } : {}) };
}

/**
 * Links as written become two-ended links. A LAN (more than two endpoints, or
 * `lan:`) becomes a switch node nslab makes (`lanN` or the link's `name`) with
 * a cable from each member; the switch's ports are named after the members.
 * Interfaces not named get the node's next free `ethN`.
 */
function parseLinks(f: Field, nodes: Map<string, NodeDef>): LinkDef[] {
  const raw: RawLink[] = [];
  let lanCount = 0;
  for (const lf of f.isNull ? [] : (f.items() ?? [])) {
    const hasEndpoints = lf.has('endpoints');
    const hasLan = lf.has('lan');
    if (hasEndpoints === hasLan) {
      lf.error(hasLan ? `give either 'endpoints' or 'lan', not both` : `a link needs 'endpoints' (a cable) or 'lan' (a switch)`);
      continue;
    }
    const list = lf.get(hasLan ? 'lan' : 'endpoints');
    const ends = (list.items() ?? []).map((e) => parseEndpoint(e, nodes));
    if (ends.some((e) => e === undefined)) continue;
    const mtu = lf.get('mtu').value as number | undefined;
    const isLan = hasLan || ends.length > 2;
    let lan: string | undefined;
    if (isLan) {
      lanCount++;
      lan = lf.get('name').text;
      if (lan === undefined) {
        let k = lanCount;
        while (nodes.has(`lan${k}`)) k++;
        lan = `lan${k}`;
      } else if (nodes.has(lan)) {
        lf.get('name').error(`'${lan}' is already a node; a LAN's switch needs a name of its own`);
        continue;
      }
      const p = interfaceNameProblem(lan);
      if (p) {
        lf.get('name').error(`a LAN's name is its switch's device name: ${p}`);
        continue;
      }
      if ((ends as RawEndpoint[]).some((e) => nodes.get(e.node)?.kind === 'bridge')) {
        list.error(`a LAN joins hosts and routers; to join bridges, link them with 'endpoints'`);
        continue;
      }
      nodes.set(lan, { name: lan, kind: 'bridge', routes: [], routing: 'none', generated: true, ...BARE, pos: lf.pos, field: lf.path });
    } else if (lf.has('name')) {
      lf.get('name').error(`only a LAN has a name (a link with 'lan' or more than two endpoints)`);
    }
    const impair = parseImpairmentFields(lf);
    raw.push({ f: lf, ends: ends as RawEndpoint[], ...(mtu !== undefined ? { mtu } : {}), ...(lan ? { lan } : {}), ...(impair ? { impair } : {}) });
  }

  // Explicit interface names first, so automatic ones never take them.
  const used = new Map<string, string>(); // "node:iface" → field of first use
  const taken = new Map<string, Set<string>>();
  const claim = (node: string, iface: string, field: Field): boolean => {
    const key = `${node}:${iface}`;
    const first = used.get(key);
    if (first) {
      field.error(`interface ${key} is already used by ${first}`);
      return false;
    }
    used.set(key, field.path);
    const set = taken.get(node) ?? new Set<string>();
    set.add(iface);
    taken.set(node, set);
    return true;
  };
  let ok = true;
  for (const l of raw) for (const e of l.ends) if (e.iface !== undefined) ok = claim(e.node, e.iface, e.f) && ok;
  const nextEth = (node: string): string => {
    const set = taken.get(node) ?? new Set<string>();
    let i = 0;
    while (set.has(`eth${i}`)) i++;
    set.add(`eth${i}`);
    taken.set(node, set);
    return `eth${i}`;
  };

  const links: LinkDef[] = [];
  for (const l of raw) {
    const ends: EndpointDef[] = l.ends.map((e) => {
      // An endpoint's own impairment wins over the link's for its direction.
      const impair = e.impair ?? l.impair;
      return {
        node: e.node,
        iface: e.iface ?? nextEth(e.node),
        addresses: e.addresses,
        ...(e.mac ? { mac: e.mac } : {}),
        ...(impair ? { impair } : {}),
        pos: e.f.pos,
        field: e.f.path,
      };
    });
    const mtu = l.mtu !== undefined ? { mtu: l.mtu } : {};
    if (l.lan) {
      const portNames = new Set<string>();
      ends.forEach((e, i) => {
        let port = interfaceNameProblem(e.node) || portNames.has(e.node) ? `p${i + 1}` : e.node;
        if (portNames.has(port)) port = `p${i + 1}`;
        portNames.add(port);
        const sw: EndpointDef = {
          node: l.lan as string,
          iface: port,
          addresses: [],
          // A LAN's impairment shapes both directions: toward the member too.
          ...(l.impair ? { impair: l.impair } : {}),
          pos: e.pos,
          field: `${e.field} (switch port)`,
        };
        links.push({ a: e, b: sw, ...mtu, pos: l.f.pos, field: l.f.path });
      });
    } else {
      const [a, b] = ends;
      if (a && b) links.push({ a, b, ...mtu, pos: l.f.pos, field: l.f.path });
    }
  }
  return ok ? links : links;
}

// --- addressing ---

function parsePool(f: Field, v4: string, v6: string, prefix: number): Pool {
  const get = (key: string, dflt: string, family: 4 | 6): Cidr => {
    const field = f.get(key);
    const text = field.text ?? dflt;
    try {
      const c = parseCidr(text);
      if (c.family !== family) throw new TypeError(`'${text}' is not an IPv${family} prefix`);
      return networkOf(c);
    } catch (err) {
      field.error((err as Error).message);
      return networkOf(parseCidr(dflt));
    }
  };
  return { ipv4: get('ipv4', v4, 4), ipv6: get('ipv6', v6, 6), prefix: (f.get('prefix').value as number | undefined) ?? prefix };
}

/**
 * containerlab files (*.clab.yml) set addresses themselves (ipv4 on endpoints,
 * or `ip addr add` in exec), so automatic addressing is off for them unless
 * they ask for it; everywhere else it is on unless turned off.
 */
export function isContainerlabFile(file: string): boolean {
  return /\.clab\.ya?ml$/i.test(file);
}

function parseAddressing(f: Field, file: string): Addressing {
  return {
    auto: (f.get('auto').value as boolean | undefined) ?? !isContainerlabFile(file),
    ipv6: (f.get('ipv6').value as boolean | undefined) ?? false,
    p2p: parsePool(f.get('p2p'), '10.255.0.0/16', 'fd00:ffff::/48', 30),
    lan: parsePool(f.get('lan'), '10.0.0.0/16', 'fd00::/48', 24),
  };
}

// --- cross-checks ---

function endpointsOf(links: readonly LinkDef[]): EndpointDef[] {
  return links.flatMap((l) => [l.a, l.b]);
}

/** Two different segments must not share a subnet: a student's classic mix-up. */
function checkSubnets(diag: Diagnostics, segments: ReadonlyArray<readonly EndpointDef[]>): void {
  const seen: Array<{ net: Cidr; seg: number; ep: EndpointDef }> = [];
  segments.forEach((eps, seg) => {
    for (const ep of eps) {
      for (const a of ep.addresses) {
        const net = networkOf(a);
        const clash = seen.find((s) => s.seg !== seg && overlaps(s.net, net));
        if (clash) {
          diag.error(
            ep.pos,
            ep.field,
            `subnet ${formatCidr(net)} of ${ep.node}:${ep.iface} overlaps ${formatCidr(clash.net)} of ${clash.ep.node}:${clash.ep.iface}, which is on a different link (${clash.ep.field})`,
          );
          return;
        }
        seen.push({ net, seg, ep });
      }
    }
  });
}

function checkAddresses(diag: Diagnostics, links: readonly LinkDef[]): void {
  const seen = new Map<string, EndpointDef>();
  for (const ep of endpointsOf(links)) {
    for (const c of ep.addresses) {
      const key = formatIp(c);
      const first = seen.get(key);
      if (first) diag.error(ep.pos, ep.field, `address ${key} is also given to ${first.node}:${first.iface} (${first.field})`);
      else seen.set(key, ep);
      const isHostPart = (c.family === 4 && c.prefix < 31) || (c.family === 6 && c.prefix < 127);
      if (isHostPart && formatIp(networkOf(c)) === key) diag.error(ep.pos, ep.field, `${formatCidr(c)} is the network address of its subnet, not a host address`);
    }
  }
}

function checkRoutes(diag: Diagnostics, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): void {
  const byNode = new Map<string, EndpointDef[]>();
  for (const ep of endpointsOf(links)) byNode.set(ep.node, [...(byNode.get(ep.node) ?? []), ep]);
  for (const node of nodes.values()) {
    const eps = byNode.get(node.name) ?? [];
    if (node.kind === 'bridge') continue; // its routes were refused already
    for (const r of node.routes) {
      if (r.computed) continue;
      if (r.dev !== undefined && !eps.some((e) => e.iface === r.dev)) {
        diag.error(r.pos, r.field, `node ${node.name} has no interface '${r.dev}'${didYouMean(r.dev, eps.map((e) => e.iface))}`);
        continue;
      }
      if (r.via) {
        const via = r.via;
        const candidates = r.dev === undefined ? eps : eps.filter((e) => e.iface === r.dev);
        if (!candidates.some((e) => e.addresses.some((a) => contains(a, via)))) {
          diag.error(r.pos, r.field, `gateway ${formatIp(via)} is not on any subnet of ${node.name}'s interfaces${r.dev ? ` (${r.dev})` : ''}`);
        }
      }
    }
  }
}

// --- uplink, references, expectations ---

/** The host side of an uplink cable: `<lab>-up` when it fits in 15 bytes. */
function defaultHostInterface(lab: string): string {
  const name = `${lab}-up`;
  return name.length <= 15 ? name : `nslab${lab.length}${lab.slice(0, 6)}`.slice(0, 15);
}

function parseUplink(f: Field, lab: string, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): UplinkDef | undefined {
  if (!f.isMap) return undefined;
  const node = f.get('node').text ?? '';
  const def = nodes.get(node);
  if (!def) {
    f.get('node').error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
    return undefined;
  }
  if (def.kind === 'bridge') {
    f.get('node').error(`'${node}' is a bridge; an uplink goes to a host or a router`);
    return undefined;
  }
  const iface = f.get('interface').text ?? 'uplink';
  const hostIface = f.get('host-interface').text ?? defaultHostInterface(lab);
  for (const [field, name] of [['interface', iface], ['host-interface', hostIface]] as const) {
    const p = interfaceNameProblem(name);
    if (p) f.get(field).error(p);
  }
  if (links.some((l) => (l.a.node === node && l.a.iface === iface) || (l.b.node === node && l.b.iface === iface))) {
    f.get('interface').error(`interface ${node}:${iface} is already used by a link; name the uplink's another way`);
  }
  let hostAddress: Cidr;
  try {
    hostAddress = parseCidr(f.get('ipv4').text ?? '100.64.0.1/30');
    if (hostAddress.family !== 4 || hostAddress.prefix > 30) throw new TypeError(`the uplink needs an IPv4 subnet of /30 or larger, not ${f.get('ipv4').text}`);
  } catch (err) {
    f.get('ipv4').error((err as Error).message);
    return undefined;
  }
  // The node takes the host's address plus one (wrapping below the broadcast is the user's business: /30 has exactly two).
  const bytes = Uint8Array.from(hostAddress.bytes);
  for (let i = 3; i >= 0; i--) {
    bytes[i] = ((bytes[i] ?? 0) + 1) & 0xff;
    if (bytes[i] !== 0) break;
  }
  const nodeAddress: Cidr = { family: 4, bytes, prefix: hostAddress.prefix };
  if (!contains(hostAddress, nodeAddress) || formatIp(networkOf(hostAddress)) === formatIp(hostAddress)) {
    f.get('ipv4').error(`${formatCidr(hostAddress)} leaves no address for ${node} in its subnet; give the machine's side, e.g. 100.64.0.1/30`);
  }
  return {
    node,
    iface,
    hostIface,
    hostAddress,
    nodeAddress,
    nat: f.get('nat').text === 'host',
    ports: parsePorts(f.get('ports')),
    pos: f.pos,
    field: f.path,
  };
}

/** nat.out names an interface of the node; ports name nodes that have an IPv4 address. */
function checkNodeReferences(nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[], nodesField: Field): void {
  const diag = nodesField.diag;
  const ifaces = (n: string): string[] => links.flatMap((l) => [l.a, l.b]).filter((e) => e.node === n).map((e) => e.iface);
  for (const n of nodes.values()) {
    if (n.nat && !ifaces(n.name).includes(n.nat.out)) {
      diag.error(n.nat.pos, `${n.nat.field}.out`, `node ${n.name} has no interface '${n.nat.out}'${didYouMean(n.nat.out, ifaces(n.name))}`);
    }
    if ((n.nat || n.ports.length > 0) && n.kind === 'bridge') diag.error(n.pos, n.field, `a bridge does no NAT; put 'nat' and 'ports' on a router`);
    checkPortTargets(diag, n.ports, nodes, links);
  }
}

function checkPortTargets(diag: Diagnostics, ports: readonly PortForwardDef[], nodes: ReadonlyMap<string, NodeDef>, links?: readonly LinkDef[]): void {
  for (const p of ports) {
    if (!nodes.has(p.node)) diag.error(p.pos, p.field, `unknown node '${p.node}'${didYouMean(p.node, nodes.keys())}`);
    else if (links && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === p.node && e.addresses.some((a) => a.family === 4))) {
      diag.error(p.pos, p.field, `node ${p.node} has no IPv4 address to forward to`);
    }
  }
}

const PORT = /^(\d{1,5})\/(tcp|udp)$/;

function parseExpect(f: Field, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): ExpectDef[] {
  const out: ExpectDef[] = [];
  for (const item of f.isSeq ? (f.items() ?? []) : []) {
    if (!item.isMap) continue;
    const from = item.get('from').text ?? '';
    const reach = item.get('reach').text;
    const notReach = item.get('not-reach').text;
    if ((reach === undefined) === (notReach === undefined)) {
      item.error(`give one of 'reach' or 'not-reach'`);
      continue;
    }
    if (!nodes.has(from)) {
      item.get('from').error(`unknown node '${from}'${didYouMean(from, nodes.keys())}`);
      continue;
    }
    const target = (reach ?? notReach) as string;
    const tf = item.get(reach !== undefined ? 'reach' : 'not-reach');
    const [tnode, tif] = target.split(':');
    let isAddress = false;
    try {
      parseIp(target);
      isAddress = true;
    } catch {
      // a node name
    }
    if (!isAddress) {
      if (!nodes.has(tnode ?? '')) {
        tf.error(`unknown node '${tnode}'${didYouMean(tnode ?? '', nodes.keys())} (a target is a node, node:interface, or an address)`);
        continue;
      }
      if (tif !== undefined && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === tnode && e.iface === tif)) {
        tf.error(`node ${tnode} has no interface '${tif}'`);
        continue;
      }
    }
    const portText = item.get('port').text;
    let port: ExpectDef['port'];
    if (portText !== undefined) {
      const m = PORT.exec(portText);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) {
        item.get('port').error(`port '${portText}' should be NUMBER/tcp or NUMBER/udp, e.g. 22/tcp`);
        continue;
      }
      port = { port: Number(m[1]), proto: m[2] as 'tcp' | 'udp' };
    }
    out.push({ from, target, reach: reach !== undefined, ...(port ? { port } : {}), pos: item.pos, field: item.path });
  }
  return out;
}

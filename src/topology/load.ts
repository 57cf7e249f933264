import { networkOf, parseCidr, type Cidr } from '../inet/ip.js';
import { checkAddresses, checkBridgePorts, checkNodeReferences, checkPortTargets, checkRoutes, checkSubnets } from './checks.js';
import { assignAddresses } from './ipam.js';
import { parseUplink } from './lab-fields.js';
import { parseExpect } from './expect-fields.js';
import { parseLinks } from './links.js';
import { nameProblem } from './names.js';
import { parseNodes } from './nodes.js';
import { computeRoutes } from './routing.js';
import { segmentsOf } from './segments.js';
import { checkShape } from './shape.js';
import { readTopologyText } from './read.js';
import type { CgroupLimits } from '../sys/cgroup/limits.js';
import { parseWrittenLimits } from './node-fields.js';
import { Source, type Field } from './source.js';
import { topologySpec } from './spec.js';
import type { Addressing, EndpointDef, Origin, Pool, RoutingMode, Topology } from './types.js';

export { looksLikeFile } from './names.js';

export { TopologyFileError } from './read.js';

/** Read and validate a topology file. Throws TopologyError listing every problem. */
export function loadTopologyFile(file: string, opts: { maxBytes?: number | undefined } = {}): Topology {
  return loadTopology(file, readTopologyText(file, opts.maxBytes));
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
  checkBridgePorts(diag, finalNodes, finalLinks);
  checkNodeReferences(finalNodes, finalLinks, topo.get('nodes'));
  if (uplink) checkPortTargets(diag, uplink.ports, finalNodes, finalLinks);
  const expect = parseExpect(root.get('expect'), finalNodes, finalLinks);
  const lf = root.get('limits');
  const labLimits: (CgroupLimits & Origin) | undefined = lf.isMap ? { ...parseWrittenLimits((k) => lf.get(k), ['memory', 'cpu', 'pids']), pos: lf.pos, field: lf.path } : undefined;
  const uf = root.get('userns');
  const uid = uf.get('uid').value;
  const gid = uf.get('gid').value;
  const userns = typeof uid === 'number' && typeof gid === 'number' ? { uid, gid, pos: uf.pos, field: uf.path } : undefined;
  return { name, file, nodes: finalNodes, links: finalLinks, ...(uplink ? { uplink } : {}), ...(labLimits ? { limits: labLimits } : {}), ...(userns ? { userns } : {}), expect };
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
  const written = f.get('prefix').value as number | undefined;
  return { ipv4: get('ipv4', v4, 4), ipv6: get('ipv6', v6, 6), prefix: written ?? prefix, ...(written !== undefined ? { prefixWritten: true } : {}) };
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


import { parseMac } from '../inet/mac.js';
import { parseCidr, type Cidr } from '../inet/ip.js';
import type { ImpairmentSpec } from './impairment.js';
import { didYouMean } from './diagnostics.js';
import { interfaceNameProblem } from './names.js';
import { parseImpairmentFields } from './node-fields.js';
import { BARE } from './nodes.js';
import type { Field } from './source.js';
import type { EndpointDef, LinkDef, NodeDef } from './types.js';

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
export function parseLinks(f: Field, nodes: Map<string, NodeDef>): LinkDef[] {
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


import { contains, formatCidr, formatIp, networkOf, parseCidr, type Cidr } from '../inet/ip.js';
import { didYouMean } from './diagnostics.js';
import { interfaceNameProblem } from './names.js';
import { parsePorts } from './node-fields.js';
import type { Field } from './source.js';
import type { LinkDef, NodeDef, UplinkDef } from './types.js';

// --- the uplink (the expectations are in ./expect-fields.ts) ---

/** The host side of an uplink cable: `<lab>-up` when it fits in 15 bytes. */
function defaultHostInterface(lab: string): string {
  const name = `${lab}-up`;
  return name.length <= 15 ? name : `nslab${lab.length}${lab.slice(0, 6)}`.slice(0, 15);
}

export function parseUplink(f: Field, lab: string, nodes: ReadonlyMap<string, NodeDef>, links: readonly LinkDef[]): UplinkDef | undefined {
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

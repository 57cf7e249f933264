import { DEFAULT_NODE_CAPS, sortCaps } from '../sys/caps/index.js';
import { DEFAULT_NODE_PIDS } from '../sys/cgroup/limits.js';
import { parseIp } from '../inet/ip.js';
import { didYouMean } from './diagnostics.js';
import { interfaceNameProblem, nameProblem } from './names.js';
import { parseConfinement, parseExec, parsePorts, parseResolver, parseStringMap } from './node-fields.js';
import { buildRoute, parseRouteText } from './routes.js';
import type { Field } from './source.js';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KIND_ALIASES, type FrrDef, type NodeConfinement, type NodeDef, type NodeKind, type RouteDef, type RoutingMode } from './types.js';

/** What a switch nslab makes for a LAN is given: nothing to confine, nothing to run. */
export const BARE: Pick<NodeDef, 'confine' | 'exec' | 'env' | 'sysctls' | 'ports'> = {
  confine: { limits: { pids: DEFAULT_NODE_PIDS }, defaulted: ['pids'], caps: sortCaps(DEFAULT_NODE_CAPS), capsAll: false, seccomp: { mode: 'default' }, isolation: 'sandbox', binds: [] } satisfies NodeConfinement,
  exec: [],
  env: {},
  sysctls: {},
  ports: [],
};

// --- nodes, with inheritance ---

/**
 * The fields of a node as inherited: the node's own, else its group's,
 * else its kind's, else the defaults'. The Field keeps the place it was
 * written, so an error in an inherited value points at the group or default.
 */
function inheritance(node: Field, topo: Field, kind: string | undefined): (key: string) => Field {
  const group = node.get('group').text;
  // The levels a node inherits from, looked up once per node rather than once per key.
  const levels = [
    group !== undefined ? topo.get('groups').get(group) : undefined,
    kind !== undefined ? topo.get('kinds').get(kind) : undefined,
    topo.get('defaults'),
  ].filter((level): level is Field => level !== undefined && level.isMap);
  return (key) => {
    const own = node.get(key);
    if (!own.isNull) return own;
    for (const level of levels) {
      const f = level.get(key);
      if (!f.isNull) return f;
    }
    return own;
  };
}

export function parseNodes(topo: Field, labRouting: RoutingMode, file: string): Map<string, NodeDef> {
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
    const kindField = inheritance(nf, topo, undefined)('kind');
    const kind: NodeKind = KIND_ALIASES[kindField.text ?? 'host'] ?? 'host';
    if (kind === 'bridge') {
      const p = interfaceNameProblem(name);
      if (p) nf.error(`a bridge node's name is its device's name: ${p}`);
    }
    const kindKey = kindField.text ?? 'host';
    const get = inheritance(nf, topo, kindKey);
    const routesField = get('routes');
    const routes = parseRoutes(routesField);
    if (kind === 'bridge' && routes.length > 0) routesField.error('a bridge switches frames and has no routes');
    const routing = (get('routing').text as RoutingMode | undefined) ?? labRouting;
    const natField = get('nat');
    const natOut = natField.get('out').text;
    const dns = parseResolver(get('dns'));
    const confine = parseConfinement(get, file);
    const frr = parseFrr(nf, kindField, get, file, confine);
    const exec = parseExec(get('exec'));
    const host = get('host').text;
    nodes.set(name, {
      name,
      // An FRR node routes (containerlab's FRR image enables forwarding too).
      kind: frr ? 'router' : kind,
      ...(frr ? { frr } : {}),
      routes,
      routing,
      // FRR needs these inside (zebra talks netlink, ospfd raw IP, watchfrr namespaces) and starts before any exec: line.
      confine: frr ? { ...confine, caps: sortCaps(new Set([...confine.caps, ...FRR_CAPS])) } : confine,
      exec: frr ? [{ cmd: FRR_START, background: false, pos: frr.pos, field: frr.field }, ...exec] : exec,
      env: parseStringMap(get('env')),
      sysctls: parseStringMap(get('sysctls')),
      ...(dns ? { dns } : {}),
      ...(natOut !== undefined ? { nat: { out: natOut, pos: natField.pos, field: natField.path } } : {}),
      ports: parsePorts(get('ports')),
      ...(host !== undefined ? { host } : {}),
      pos: nf.pos,
      field: nf.path,
    });
  }
  return nodes;
}

/** How an FRR node starts FRR (Debian's script: watchfrr, zebra, the daemons file's daemons). */
export const FRR_START = '/usr/lib/frr/frrinit.sh start';
const FRR_CAPS = ['CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_SYS_ADMIN'] as const;

/** `router ospf` → ospfd, and so on: the daemons a frr.conf configures. */
export function frrDaemons(config: string): string[] {
  const map: Record<string, string> = { ospf: 'ospfd', ospf6: 'ospf6d', bgp: 'bgpd', isis: 'isisd', rip: 'ripd', ripng: 'ripngd', eigrp: 'eigrpd', babel: 'babeld', openfabric: 'fabricd' };
  const out = new Set<string>();
  for (const m of config.matchAll(/^\s*router\s+(\S+)/gm)) {
    const d = map[m[1] as string];
    if (d) out.add(d);
  }
  if (/^\s*mpls\s+ldp/m.test(config)) out.add('ldpd');
  if (/^\s*segment-routing|^\s*pbr-map/m.test(config)) out.add('pbrd');
  if (/^\s*bfd\b/m.test(config)) out.add('bfdd');
  return [...out].sort();
}

/** An FRR node's settings: `kind: frr`, or containerlab's `kind: linux` with an FRR image. */
function parseFrr(nf: Field, kindField: Field, get: (key: string) => Field, file: string, confine: NodeConfinement): FrrDef | undefined {
  const image = get('image').text ?? '';
  const isFrr = kindField.text === 'frr' || ((kindField.text === 'linux' || kindField.text === undefined) && /(^|[/:])frr(outing)?([/:]|$)|frrouting\/frr/i.test(image));
  const sc = get('startup-config');
  if (!isFrr) {
    if (!sc.isNull) sc.warn(`startup-config means something only for an FRR node (kind: frr); ignored here`);
    return undefined;
  }
  if (confine.isolation === 'network') {
    nf.error('an FRR node needs its own /etc/frr: remove `isolation: network`');
    return undefined;
  }
  let config: string | undefined;
  let text = '';
  if (!sc.isNull && sc.text !== undefined) {
    config = resolve(dirname(file), sc.text);
    try {
      text = readFileSync(config, 'utf8');
    } catch (err) {
      sc.error(`cannot read the startup-config ${config}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  // containerlab labs bind their frr.conf instead: read it for the daemons it needs.
  for (const b of confine.binds) {
    if (b.dst === '/etc/frr/frr.conf') {
      try {
        text += `\n${readFileSync(b.src, 'utf8')}`;
      } catch {
        // the bind's own check reports a missing source
      }
    }
  }
  return { ...(config !== undefined ? { config } : {}), daemons: frrDaemons(text), pos: nf.pos, field: nf.path };
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


import { DEFAULT_NODE_CAPS, sortCaps } from '../sys/caps/index.js';
import { parseIp } from '../rtnl/inet.js';
import { didYouMean } from './diagnostics.js';
import { interfaceNameProblem, nameProblem } from './names.js';
import { parseConfinement, parseExec, parsePorts, parseResolver, parseStringMap } from './node-fields.js';
import { buildRoute, parseRouteText } from './routes.js';
import type { Field } from './source.js';
import { KIND_ALIASES, type NodeConfinement, type NodeDef, type NodeKind, type RouteDef, type RoutingMode } from './types.js';

/** What a switch nslab makes for a LAN is given: nothing to confine, nothing to run. */
export const BARE: Pick<NodeDef, 'confine' | 'exec' | 'env' | 'sysctls' | 'ports'> = {
  confine: { limits: {}, caps: sortCaps(DEFAULT_NODE_CAPS), capsAll: false, seccomp: { mode: 'default' }, isolation: 'sandbox', binds: [] } satisfies NodeConfinement,
  exec: [],
  env: {},
  sysctls: {},
  ports: [],
};

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


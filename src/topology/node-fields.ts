import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseImpairment, type ImpairmentSpec, type ImpairmentText } from './impairment.js';
import { parseIp } from '../inet/ip.js';
import { CAP_NAMES, DEFAULT_NODE_CAPS, isAll, parseCapName, resolveCapabilities, sortCaps, type CapName } from '../sys/caps/index.js';
import { parseCpu, parseCpuSet, parseMemory, parsePids, type CgroupLimits } from '../sys/cgroup/index.js';
import { DEFAULT_NODE_PIDS, UNLIMITED } from '../sys/cgroup/limits.js';
import { parseSeccompSetting } from '../sys/seccomp/setting.js';
import type { Field } from './source.js';
import type { BindDef, ExecDef, NodeConfinement, PortForwardDef, ResolverDef } from './types.js';

/** A field of a node as inherited (node → group → kind → defaults). */
export type Inherited = (key: string) => Field;

function message(err: unknown): string {
  const m = (err as Error).message;
  // LimitError prefixes "field: "; the diagnostic names the field already.
  return m.replace(/^(memory|cpu|cpu-set|pids): /, '');
}

const LIMIT_PARSERS = { memory: parseMemory, cpu: parseCpu, 'cpu-set': parseCpuSet, pids: parsePids } as const;

/**
 * The cgroup limits written among `keys` (a node's, or the lab's `limits:`),
 * each problem reported at its field; `pids: unlimited` is no limit.
 */
export function parseWrittenLimits(get: (key: string) => Field, keys: readonly (keyof typeof LIMIT_PARSERS)[]): CgroupLimits {
  const limits: { -readonly [K in keyof CgroupLimits]: CgroupLimits[K] } = {};
  for (const key of keys) {
    const f = get(key);
    if (f.isNull || f.isMap || f.isSeq || (key === 'pids' && f.text === UNLIMITED)) continue;
    try {
      const v = LIMIT_PARSERS[key](f.value);
      if (key === 'memory') limits.memory = v as number;
      else if (key === 'cpu') limits.cpu = v as NonNullable<CgroupLimits['cpu']>;
      else if (key === 'cpu-set') limits.cpuSet = v as string;
      else limits.pids = v as number;
    } catch (err) {
      f.error(message(err));
    }
  }
  return limits;
}

/** cgroup limits, capabilities and seccomp of a node. */
export function parseConfinement(get: Inherited, file: string): NodeConfinement {
  const limits: { -readonly [K in keyof CgroupLimits]: CgroupLimits[K] } = parseWrittenLimits(get, ['memory', 'cpu', 'cpu-set', 'pids']);
  const defaulted: (keyof CgroupLimits)[] = [];
  if (get('pids').isNull) {
    limits.pids = DEFAULT_NODE_PIDS;
    defaulted.push('pids');
  }

  const names = (key: string): string[] => {
    const out: string[] = [];
    const f = get(key);
    for (const item of f.isSeq ? (f.items() ?? []) : []) {
      const text = item.text;
      if (text === undefined) continue;
      try {
        if (!isAll(text)) parseCapName(text);
        out.push(text);
      } catch (err) {
        item.error((err as Error).message);
      }
    }
    return out;
  };
  const add = names('cap-add');
  const drop = names('cap-drop');
  let caps: CapName[] = [];
  try {
    caps = sortCaps(resolveCapabilities(DEFAULT_NODE_CAPS, { add, drop }, new Set(CAP_NAMES)));
  } catch {
    // A bad name was reported above.
  }

  const sf = get('seccomp');
  let seccomp: NodeConfinement['seccomp'] = { mode: 'default' };
  if (!sf.isNull && sf.text !== undefined) {
    try {
      const setting = parseSeccompSetting(sf.text, { baseDir: dirname(file), origin: `${sf.pos.file}:${sf.pos.line}` });
      seccomp = setting.mode === 'profile' ? { mode: 'profile', file: setting.file } : { mode: setting.mode };
      if (setting.mode === 'profile') for (const w of setting.warnings) sf.warn(w);
    } catch (err) {
      sf.error((err as Error).message);
    }
  }
  const isolation = get('isolation').text === 'network' ? 'network' : 'sandbox';
  const bf = get('binds');
  const binds = parseBinds(bf, file);
  if (isolation === 'network' && binds.length > 0) bf.error('binds need a sandboxed node; remove `isolation: network` or the binds');
  return { limits, defaulted, caps, capsAll: add.some(isAll), seccomp, isolation, binds };
}

/**
 * Where the programs and libraries live that nslab's launcher and the node's
 * init run inside a node before it is confined: a bind there would choose them.
 */
const SYSTEM_DIRS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/usr'];

/**
 * containerlab's `binds:` entries, `SRC:DST[:ro|:rw]`: SRC relative to the
 * topology file and existing now, DST absolute and not one of the paths the
 * sandbox itself provides.
 */
export function parseBinds(f: Field, file: string): BindDef[] {
  const out: BindDef[] = [];
  for (const item of f.isSeq ? (f.items() ?? []) : []) {
    const text = item.text;
    if (text === undefined) continue;
    const parts = text.split(':');
    let mode: string | undefined;
    if (parts.length === 3) mode = parts.pop();
    if (parts.length !== 2 || (mode !== undefined && mode !== 'ro' && mode !== 'rw')) {
      item.error(`bind '${text}' is not SRC:DST, SRC:DST:ro or SRC:DST:rw`);
      continue;
    }
    const [srcText, dst] = parts as [string, string];
    const src = resolve(dirname(file), srcText);
    if (!isAbsolute(dst) || dst.split('/').includes('..')) {
      item.error(`bind '${text}': the destination '${dst}' must be an absolute path inside the node, without '..'`);
      continue;
    }
    if (dst === '/' || dst === '/proc' || dst.startsWith('/proc/') || dst === '/sys' || dst.startsWith('/sys/') || dst === '/dev' || dst.startsWith('/dev/')) {
      item.error(`bind '${text}': nslab makes ${dst} for the node itself; bind somewhere else`);
      continue;
    }
    const system = SYSTEM_DIRS.find((d) => dst === d || dst.startsWith(`${d}/`));
    if (system !== undefined) {
      item.error(`bind '${text}': ${dst} is under ${system}, whose programs and libraries start the node's commands and its init (sh, setpriv, unshare, the dynamic loader); bind somewhere else`);
      continue;
    }
    if (!existsSync(src)) {
      item.error(`bind '${text}': the source ${src} does not exist`);
      continue;
    }
    out.push({ src, dst, ro: mode === 'ro', pos: item.pos, field: item.path });
  }
  return out;
}

export function parseExec(f: Field): ExecDef[] {
  const out: ExecDef[] = [];
  for (const item of f.isSeq ? (f.items() ?? []) : []) {
    if (item.isMap) {
      const cmd = item.get('cmd').text;
      if (cmd !== undefined) out.push({ cmd, background: item.get('background').value === true, pos: item.pos, field: item.path });
    } else if (item.text !== undefined) {
      out.push({ cmd: item.text, background: false, pos: item.pos, field: item.path });
    }
  }
  return out;
}

export function parseStringMap(f: Field): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of f.isMap ? (f.entries() ?? []) : []) {
    const v = e.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[e.key] = String(v);
  }
  return out;
}

export function parseResolver(f: Field): ResolverDef | undefined {
  if (!f.isMap) return undefined;
  const list = (key: string, check?: (t: string, item: Field) => void): string[] => {
    const lf = f.get(key);
    const out: string[] = [];
    for (const item of lf.isSeq ? (lf.items() ?? []) : []) {
      const t = item.text;
      if (t === undefined) continue;
      check?.(t, item);
      out.push(t);
    }
    return out;
  };
  const servers = list('servers', (t, item) => {
    try {
      parseIp(t);
    } catch (err) {
      item.error((err as Error).message);
    }
  });
  return { servers, search: list('search'), options: list('options') };
}

const PORT_FORWARD = /^(\d{1,5}):([A-Za-z0-9][A-Za-z0-9_-]*):(\d{1,5})(?:\/(tcp|udp))?$/;

/** `8080:h1:80/tcp` → { port 8080, node h1, toPort 80, proto tcp }. */
export function parsePorts(f: Field): PortForwardDef[] {
  const out: PortForwardDef[] = [];
  for (const item of f.isSeq ? (f.items() ?? []) : []) {
    const t = item.text ?? '';
    const m = PORT_FORWARD.exec(t);
    const port = Number(m?.[1]);
    const toPort = Number(m?.[3]);
    if (!m || port < 1 || port > 65535 || toPort < 1 || toPort > 65535) {
      item.error(`port forward '${t}' should be PORT:NODE:PORT[/tcp|udp] with ports 1–65535, e.g. 8080:h1:80/tcp`);
      continue;
    }
    out.push({ port, node: m[2] as string, toPort, proto: (m[4] as 'tcp' | 'udp' | undefined) ?? 'tcp', pos: item.pos, field: item.path });
  }
  return out;
}

const IMPAIRMENT_KEYS = ['rate', 'delay', 'jitter', 'loss', 'corrupt', 'duplicate', 'reorder'] as const;

/** Impairment fields of a link or endpoint map, parsed; undefined when none is given. */
export function parseImpairmentFields(f: Field): ImpairmentSpec | undefined {
  if (!f.isMap) return undefined;
  const text: ImpairmentText = {};
  let any = false;
  for (const k of IMPAIRMENT_KEYS) {
    const v = f.get(k).value;
    if (typeof v === 'string' || typeof v === 'number') {
      (text as Record<string, string | number>)[k] = v;
      any = true;
    }
  }
  if (!any) return undefined;
  try {
    return parseImpairment(text);
  } catch (err) {
    // Point at the field the message names, else at the first given.
    const named = IMPAIRMENT_KEYS.find((k) => (err as Error).message.includes(k) && !f.get(k).isNull) ?? IMPAIRMENT_KEYS.find((k) => !f.get(k).isNull);
    (named ? f.get(named) : f).error((err as Error).message);
    return undefined;
  }
}

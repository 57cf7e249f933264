import { formatCidr, networkOf, parseCidr, parseIp } from '../inet/ip.js';
import { parseTime } from '../inet/units.js';
import { parseCapName } from '../sys/caps/index.js';
// arch.ts, not the seccomp index: reading a topology must not load koffi (the index exports the installer).
import { isKnownSyscall } from '../sys/seccomp/arch.js';
import { didYouMean } from './diagnostics.js';
import type { Field } from './source.js';
import type { ExpectDef, LinkDef, NodeAssertion, NodeDef, Origin } from './types.js';

/**
 * `expect:` lines. Each is one of:
 * - `{from, reach|not-reach, port?}`: who reaches whom (probed by `nslab check`);
 * - `{route: {node, dst, via?, dev?, absent?}}`, `{address: {node, dev, cidr, absent?}}`,
 *   `{sysctl: {node, key, value}}`, `{capability: {node, has|lacks}}`,
 *   `{syscall: {node, name, args?, denied?}}`, `{command: {node, run, exit?, output-matches?}}`:
 *   a fact about one node, read from the kernel when `check` runs;
 * and any of them may say `wait: 30s`: retry until it holds, for that long.
 * Every value keeps its file:line, so a failure names the line.
 */

const PORT = /^(\d{1,5})\/(tcp|udp)$/;

/** The keys that make an expectation a node fact, in the order the reference lists them. */
export const NODE_EXPECT_KINDS = ['route', 'address', 'sysctl', 'capability', 'syscall', 'command'] as const;

/** Longest `wait:`: a check must end (a routing daemon that needs longer is broken). */
const MAX_WAIT_MS = 600_000;

type Nodes = ReadonlyMap<string, NodeDef>;

function interfacesOf(links: readonly LinkDef[], node: string): string[] {
  return links.flatMap((l) => [l.a, l.b]).filter((e) => e.node === node).map((e) => e.iface);
}

function nodeOf(f: Field, nodes: Nodes): string | undefined {
  const node = f.get('node').text;
  if (node === undefined) return f.error(`give the node it is checked on ('node: NAME')`);
  if (!nodes.has(node)) return f.get('node').error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
  return node;
}

/** "10.0.1.0/24" normalised to its network ("10.0.1.7/24" → "10.0.1.0/24"); "default" stays. */
function routeDst(f: Field): string | undefined {
  const text = f.text;
  if (text === undefined) return f.error(`give the destination: 'default' or a prefix such as 10.0.2.0/24`);
  if (text === 'default') return text;
  try {
    const c = parseCidr(text.includes('/') ? text : `${text}/${text.includes(':') ? 128 : 32}`);
    return formatCidr(networkOf(c));
  } catch (err) {
    return f.error(`${(err as Error).message} ('default' or a prefix such as 10.0.2.0/24)`);
  }
}

function parseRoute(f: Field, node: string, links: readonly LinkDef[]): NodeAssertion | undefined {
  const dst = routeDst(f.get('dst'));
  const viaText = f.get('via').text;
  if (viaText !== undefined) {
    try {
      parseIp(viaText);
    } catch (err) {
      return f.get('via').error((err as Error).message);
    }
  }
  const dev = f.get('dev').text;
  if (dev !== undefined && !interfacesOf(links, node).includes(dev) && dev !== 'lo' && dev !== 'uplink') {
    f.get('dev').warn(`node ${node} has no interface '${dev}' in the topology${didYouMean(dev, interfacesOf(links, node))} (a program in the node may make it)`);
  }
  if (dst === undefined) return undefined;
  const present = f.get('absent').value !== true;
  return { kind: 'route', node, dst, ...(viaText !== undefined ? { via: viaText } : {}), ...(dev !== undefined ? { dev } : {}), present };
}

function parseAddress(f: Field, node: string): NodeAssertion | undefined {
  const dev = f.get('dev').text;
  const cidrText = f.get('cidr').text;
  if (dev === undefined) return f.error(`give the interface ('dev: eth0')`);
  if (cidrText === undefined) return f.error(`give the address with its prefix ('cidr: 10.0.1.1/24')`);
  try {
    const c = parseCidr(cidrText);
    return { kind: 'address', node, dev, cidr: formatCidr(c), present: f.get('absent').value !== true };
  } catch (err) {
    return f.get('cidr').error((err as Error).message);
  }
}

function parseSysctl(f: Field, node: string): NodeAssertion | undefined {
  const key = f.get('key').text;
  const value = f.get('value').text;
  if (key === undefined || !/^[a-z0-9_]+(\.[A-Za-z0-9_*-]+)+$/.test(key)) return f.get('key').error(`give the sysctl key as sysctl(8) writes it, e.g. net.ipv4.ip_forward`);
  if (key.split('.').includes('..')) return f.get('key').error(`'${key}' is not a sysctl key`);
  if (value === undefined) return f.error(`give the value it must have ('value: 1')`);
  return { kind: 'sysctl', node, key, value: String(value) };
}

function parseCapability(f: Field, node: string): NodeAssertion | undefined {
  const has = f.get('has').text;
  const lacks = f.get('lacks').text;
  if ((has === undefined) === (lacks === undefined)) return f.error(`give one of 'has' or 'lacks' (a capability name, e.g. NET_ADMIN)`);
  const field = f.get(has !== undefined ? 'has' : 'lacks');
  try {
    return { kind: 'capability', node, cap: parseCapName((has ?? lacks) as string), has: has !== undefined };
  } catch (err) {
    return field.error((err as Error).message);
  }
}

function parseSyscall(f: Field, node: string): NodeAssertion | undefined {
  const name = f.get('name').text;
  if (name === undefined) return f.error(`give the system call's name ('name: mount')`);
  if (!isKnownSyscall(name)) return f.get('name').error(`unknown system call '${name}'`);
  const args: number[] = [];
  for (const a of f.get('args').isNull ? [] : (f.get('args').items() ?? [])) {
    if (typeof a.value !== 'number' || !Number.isSafeInteger(a.value) || a.value < 0) return a.error(`an argument is a whole number (0 or more), e.g. 0x10000000 for CLONE_NEWUSER`);
    args.push(a.value);
  }
  if (args.length > 6) return f.get('args').error(`a system call has at most 6 arguments`);
  return { kind: 'syscall', node, name, args, denied: f.get('denied').value !== false };
}

function parseCommand(f: Field, node: string): NodeAssertion | undefined {
  const run = f.get('run').text;
  if (run === undefined) return f.error(`give the command to run ('run: ip route')`);
  const exit = f.get('exit').value;
  const pattern = f.get('output-matches').text;
  if (pattern !== undefined) {
    try {
      new RegExp(pattern, 'm');
    } catch (err) {
      return f.get('output-matches').error(`not a regular expression: ${(err as Error).message}`);
    }
  }
  return { kind: 'command', node, run, exit: typeof exit === 'number' ? exit : 0, ...(pattern !== undefined ? { outputMatches: pattern } : {}) };
}

function parseNodeFact(kind: (typeof NODE_EXPECT_KINDS)[number], f: Field, nodes: Nodes, links: readonly LinkDef[]): NodeAssertion | undefined {
  if (!f.isMap) return f.error(`expected a map of fields ({node: …, …})`);
  const node = nodeOf(f, nodes);
  if (node === undefined) return undefined;
  switch (kind) {
    case 'route':
      return parseRoute(f, node, links);
    case 'address':
      return parseAddress(f, node);
    case 'sysctl':
      return parseSysctl(f, node);
    case 'capability':
      return parseCapability(f, node);
    case 'syscall':
      return parseSyscall(f, node);
    case 'command':
      return parseCommand(f, node);
  }
}

function parseWait(item: Field): number | undefined | null {
  const text = item.get('wait').text;
  if (text === undefined) return undefined;
  try {
    const ms = Math.ceil(parseTime(text, 'wait') / 1000);
    if (ms > MAX_WAIT_MS) throw new RangeError(`wait '${text}' is longer than ${MAX_WAIT_MS / 1000}s`);
    return ms;
  } catch (err) {
    item.get('wait').error((err as Error).message);
    return null;
  }
}

function parseReach(item: Field, nodes: Nodes, links: readonly LinkDef[]): Omit<ExpectDef & { kind?: undefined }, keyof Origin | 'waitMs'> | undefined {
  const from = item.get('from').text ?? '';
  const reach = item.get('reach').text;
  const notReach = item.get('not-reach').text;
  if ((reach === undefined) === (notReach === undefined)) return item.error(`give one of 'reach' or 'not-reach'`);
  if (!nodes.has(from)) return item.get('from').error(`unknown node '${from}'${didYouMean(from, nodes.keys())}`);
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
    if (!nodes.has(tnode ?? '')) return tf.error(`unknown node '${tnode}'${didYouMean(tnode ?? '', nodes.keys())} (a target is a node, node:interface, or an address)`);
    if (tif !== undefined && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === tnode && e.iface === tif)) return tf.error(`node ${tnode} has no interface '${tif}'`);
  }
  const portText = item.get('port').text;
  let port: { port: number; proto: 'tcp' | 'udp' } | undefined;
  if (portText !== undefined) {
    const m = PORT.exec(portText);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) return item.get('port').error(`port '${portText}' should be NUMBER/tcp or NUMBER/udp, e.g. 22/tcp`);
    port = { port: Number(m[1]), proto: m[2] as 'tcp' | 'udp' };
  }
  return { from, target, reach: reach !== undefined, ...(port ? { port } : {}) };
}

/** One `expect:` item, or undefined after reporting what is wrong with it. */
export function parseExpectItem(item: Field, nodes: Nodes, links: readonly LinkDef[]): ExpectDef | undefined {
  if (!item.isMap) return undefined;
  const kinds = NODE_EXPECT_KINDS.filter((k) => item.has(k));
  const isReach = item.has('from') || item.has('reach') || item.has('not-reach');
  if (kinds.length + (isReach ? 1 : 0) !== 1) {
    return item.error(`give exactly one of: 'from' with 'reach' or 'not-reach', ${NODE_EXPECT_KINDS.map((k) => `'${k}'`).join(', ')}`);
  }
  const wait = parseWait(item);
  if (wait === null) return undefined;
  const waitPart = wait !== undefined ? { waitMs: wait } : {};
  const origin = { pos: item.pos, field: item.path };
  const kind = kinds[0];
  if (kind === undefined) {
    const r = parseReach(item, nodes, links);
    return r ? { ...r, ...waitPart, ...origin } : undefined;
  }
  const fact = parseNodeFact(kind, item.get(kind), nodes, links);
  return fact ? { ...fact, ...waitPart, ...origin } : undefined;
}

export function parseExpect(f: Field, nodes: Nodes, links: readonly LinkDef[]): ExpectDef[] {
  return (f.isSeq ? (f.items() ?? []) : []).flatMap((item) => parseExpectItem(item, nodes, links) ?? []);
}

import { parseCidr, parseIp, type Cidr } from '../../inet/ip.js';

/**
 * The subset of tcpdump's filter language (pcap-filter(7)) that
 * `nslab capture --filter` takes, parsed into a tree (./filter-compile.ts
 * turns it into classic BPF):
 *
 *   tcp  udp  icmp  icmp6  arp  ip  ip6            (protocols)
 *   [ip|ip6|arp] [src|dst|src or dst|src and dst] host ADDR|NODE
 *   [ip|ip6|arp] [src|dst|…] net CIDR
 *   [tcp|udp]    [src|dst|…] port N
 *   not X   X and Y   X or Y   ( X )   !  &&  ||
 *
 * As in tcpdump: `and` and `or` have the same precedence and group from
 * the left (`a or b and c` is `(a or b) and c`), `not` binds tightest, a
 * bare value takes the qualifiers of the term before it (`port 22 or 80`,
 * `host 10.0.0.1 or 10.0.0.2`), and a qualifier without `host`/`net`/`port`
 * means host (`src 10.0.0.1`). Names after `host` are lab nodes, resolved
 * by the compiler. Anything else of tcpdump's language (ether, vlan,
 * portrange, byte offsets…) is refused with the word and its column.
 */

export type FilterProto = 'ip' | 'ip6' | 'arp' | 'tcp' | 'udp' | 'icmp' | 'icmp6';
export type FilterDir = 'src' | 'dst' | 'src or dst' | 'src and dst';

export type FilterExpr =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpr; readonly right: FilterExpr }
  | { readonly kind: 'not'; readonly expr: FilterExpr }
  | { readonly kind: 'proto'; readonly proto: FilterProto; readonly at: number }
  /** `value` is an address or a node name (the compiler resolves names). */
  | { readonly kind: 'host'; readonly proto?: 'ip' | 'ip6' | 'arp'; readonly dir: FilterDir; readonly value: string; readonly at: number }
  | { readonly kind: 'net'; readonly proto?: 'ip' | 'ip6' | 'arp'; readonly dir: FilterDir; readonly net: Cidr; readonly at: number }
  | { readonly kind: 'port'; readonly proto?: 'tcp' | 'udp'; readonly dir: FilterDir; readonly port: number; readonly at: number };

/** A filter that does not parse or compile: what is wrong and where (0-based `at`, shown as a column from 1). */
export class FilterError extends Error {
  override readonly name = 'FilterError';
  constructor(
    readonly filter: string,
    readonly at: number,
    readonly problem: string,
  ) {
    super(`filter '${filter}': ${problem} at column ${at + 1}`);
  }
}

interface Token {
  readonly text: string;
  readonly at: number;
}

const PROTOS = new Set<string>(['ip', 'ip6', 'arp', 'tcp', 'udp', 'icmp', 'icmp6']);
const TYPES = new Set<string>(['host', 'net', 'port']);
const KEYWORDS = new Set<string>([...PROTOS, ...TYPES, 'src', 'dst', 'and', 'or', 'not']);
/** tcpdump words outside the subset: refused by name instead of read as a host name. */
const UNSUPPORTED = new Set<string>([
  'ether', 'vlan', 'mpls', 'pppoed', 'pppoes', 'portrange', 'proto', 'protochain', 'less', 'greater', 'len', 'gateway',
  'broadcast', 'multicast', 'rarp', 'sctp', 'igmp', 'igrp', 'pim', 'vrrp', 'ah', 'esp', 'atalk', 'decnet', 'iso', 'stp',
  'ipx', 'netbeui', 'inbound', 'outbound', 'ifname', 'on', 'mask', 'wlan', 'type', 'subtype', 'dir', 'geneve', 'llc',
]);

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(&&|\|\||[()!])|([A-Za-z0-9_.:/%-]+)|(\S))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < filter.length && (m = re.exec(filter)) !== null) {
    const text = m[1] ?? m[2];
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3] ?? '').length;
    if (text === undefined) {
      if (m[3] === undefined) break; // trailing spaces
      throw new FilterError(filter, at, `unexpected '${m[3]}'`);
    }
    tokens.push({ text: text === '&&' ? 'and' : text === '||' ? 'or' : text === '!' ? 'not' : text, at });
  }
  return tokens;
}

/** Words a filter may have. */
export const MAX_WORDS = 512;

interface Qualifiers {
  readonly proto?: FilterProto;
  readonly dir?: FilterDir;
  readonly type?: 'host' | 'net' | 'port';
}

/** Parse filter text; FilterError names the first thing wrong and its column. Empty text gives undefined (everything passes). */
export function parseFilter(filter: string): FilterExpr | undefined {
  const tokens = tokenize(filter);
  if (tokens.length === 0) return undefined;
  // The parser and the compiler recurse once per word at most; a kernel socket filter holds 4096 instructions anyway.
  const over = tokens[MAX_WORDS];
  if (over) throw new FilterError(filter.length > 80 ? `${filter.slice(0, 80)}…` : filter, over.at, `more than ${MAX_WORDS} words (a socket filter holds at most 4096 instructions)`);
  let i = 0;
  let last: Qualifiers | undefined;
  const peek = (ahead = 0): Token | undefined => tokens[i + ahead];
  const end = (): number => filter.trimEnd().length;
  const fail = (t: Token | undefined, problem: string): never => {
    throw new FilterError(filter, t?.at ?? end(), problem);
  };
  const words = (t: Token | undefined): string => (t ? `'${t.text}'` : 'the end');

  function expr(): FilterExpr {
    let left = term();
    for (let t = peek(); t && (t.text === 'and' || t.text === 'or'); t = peek()) {
      i++;
      const right = term();
      left = { kind: t.text, left, right };
    }
    return left;
  }

  function term(): FilterExpr {
    const t = peek();
    if (t?.text === 'not') {
      i++;
      return { kind: 'not', expr: term() };
    }
    if (t?.text === '(') {
      i++;
      const inner = expr();
      if (peek()?.text !== ')') fail(peek(), `expected ')' to close the '(' at column ${t.at + 1}, found ${words(peek())}`);
      i++;
      return inner;
    }
    return primitive();
  }

  function primitive(): FilterExpr {
    const start = peek();
    if (!start) return fail(undefined, 'expected a filter term (tcp, host ADDR, port N…), found the end');
    if (start.text === ')' || start.text === 'and' || start.text === 'or') return fail(start, `expected a filter term, found '${start.text}'`);
    let proto: FilterProto | undefined;
    let dir: FilterDir | undefined;
    let type: Qualifiers['type'];
    if (PROTOS.has(start.text)) {
      proto = start.text as FilterProto;
      i++;
    }
    const d = peek();
    if (d?.text === 'src' || d?.text === 'dst') {
      i++;
      dir = d.text;
      const joined = peek();
      const other = peek(1);
      if ((joined?.text === 'or' || joined?.text === 'and') && other?.text === (d.text === 'src' ? 'dst' : 'src')) {
        dir = joined.text === 'or' ? 'src or dst' : 'src and dst';
        i += 2;
      }
    }
    const ty = peek();
    if (ty && TYPES.has(ty.text)) {
      type = ty.text as Qualifiers['type'];
      i++;
    }
    const value = peek();
    const isValue = value !== undefined && !KEYWORDS.has(value.text) && value.text !== '(' && value.text !== ')';
    if (proto !== undefined && dir === undefined && type === undefined && !isValue) {
      return { kind: 'proto', proto, at: start.at };
    }
    if (!isValue) {
      const wanted = type === 'port' ? 'a port number' : type === 'net' ? 'a network (10.0.0.0/8)' : 'an address or a node name';
      return fail(value, `expected ${wanted} after '${tokens[i - 1]?.text ?? ''}', found ${words(value)}`);
    }
    if (UNSUPPORTED.has(value.text)) fail(value, `'${value.text}' is not in nslab's filter subset (nslab capture --help lists it)`);
    i++;
    let q: Qualifiers;
    if (proto === undefined && dir === undefined && type === undefined) {
      // A bare value: the qualifiers of the term before it, as tcpdump reads `port 22 or 80`.
      if (last) q = last;
      else if (/^\d+$/.test(value.text)) return fail(value, `a bare number means nothing here; write 'port ${value.text}'`);
      else {
        // A word followed by more words is a misspelt keyword ("hots 10.0.0.1"), not a node name.
        const after = peek();
        if (after && !KEYWORDS.has(after.text) && after.text !== ')' && !looksLikeAddress(value.text)) fail(value, `unknown word '${value.text}'`);
        q = { type: 'host' };
      }
    } else {
      q = { ...(proto !== undefined ? { proto } : {}), ...(dir !== undefined ? { dir } : {}), type: type ?? 'host' };
    }
    last = q;
    return typed(q, value);
  }

  function typed(q: Qualifiers, value: Token): FilterExpr {
    const dir = q.dir ?? 'src or dst';
    const p = q.proto;
    switch (q.type ?? 'host') {
      case 'port': {
        if (p !== undefined && p !== 'tcp' && p !== 'udp') fail(value, `'${p} port' is not in the subset; port takes tcp, udp or nothing before it`);
        if (!/^\d+$/.test(value.text) || Number(value.text) > 65535) fail(value, `'${value.text}' is not a port number (0 to 65535; names are not looked up)`);
        return { kind: 'port', ...(p === 'tcp' || p === 'udp' ? { proto: p } : {}), dir, port: Number(value.text), at: value.at };
      }
      case 'net': {
        const lower = addressProto(p, value);
        let net: Cidr;
        try {
          net = parseCidr(value.text);
        } catch {
          return fail(value, `'${value.text}' is not a network (write it as 10.0.0.0/8 or fd00::/64)`);
        }
        checkFamily(lower, net.family, value, 'net');
        if (hostBitsSet(net)) fail(value, `'${value.text}' has bits set beyond its /${net.prefix} prefix`);
        return { kind: 'net', ...(lower !== undefined ? { proto: lower } : {}), dir, net, at: value.at };
      }
      default: {
        const lower = addressProto(p, value);
        if (value.text.includes('/')) fail(value, `'${value.text}' is a network; write 'net ${value.text}'`);
        if (looksLikeAddress(value.text)) {
          let family: 4 | 6;
          try {
            family = parseIp(value.text).family;
          } catch {
            return fail(value, `'${value.text}' is not an IPv4 or IPv6 address`);
          }
          checkFamily(lower, family, value, 'host');
        }
        return { kind: 'host', ...(lower !== undefined ? { proto: lower } : {}), dir, value: value.text, at: value.at };
      }
    }
  }

  function addressProto(p: FilterProto | undefined, value: Token): 'ip' | 'ip6' | 'arp' | undefined {
    if (p === undefined || p === 'ip' || p === 'ip6' || p === 'arp') return p;
    return fail(value, `'${p}' cannot qualify an address; write '${p} and host ${value.text}'`);
  }

  function checkFamily(p: 'ip' | 'ip6' | 'arp' | undefined, family: 4 | 6, value: Token, what: string): void {
    if ((p === 'ip6' && family === 4) || ((p === 'ip' || p === 'arp') && family === 6)) {
      fail(value, `'${p} ${what} ${value.text}' mixes IPv${p === 'ip6' ? 6 : 4} with an IPv${family} address`);
    }
  }

  const tree = expr();
  if (i < tokens.length) fail(peek(), `expected 'and', 'or' or the end, found ${words(peek())}`);
  return tree;
}

/** Addresses are digits and dots, or contain a colon; anything else after `host` is a node name. */
function looksLikeAddress(text: string): boolean {
  return text.includes(':') || /^[\d.]+$/.test(text);
}

function hostBitsSet(net: Cidr): boolean {
  return net.bytes.some((b, i) => {
    const keep = Math.max(0, Math.min(8, net.prefix - i * 8));
    return (b & (0xff >> keep)) !== 0;
  });
}

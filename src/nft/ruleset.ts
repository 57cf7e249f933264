import type { Request } from '../netlink/message.js';
import { formatIp, networkOf, parseCidr, parseIp, type Cidr } from '../inet/ip.js';
import { newChain, type BaseChainSpec, type Policy } from './chain.js';
import { accept, drop } from './expr/immediate.js';
import { type Expr } from './expr/index.js';
import { masquerade } from './expr/masq.js';
import { addr, ctState, ctStatusDnat, daddrLocal, ifname, natTo, nfproto, port, type L4Proto } from './match.js';
import { newRule, type RuleSpec } from './rule.js';
import { delTable, newTable, type TableRef, type TableSpec } from './table.js';

/**
 * The ruleset nslab installs in a namespace, built from a small plan.
 *
 * One table per namespace, `table inet nslab`:
 * - inet, not ip: one table serves IPv4 and IPv6 (NAT in inet tables exists
 *   since Linux 5.2), so a dual-stack lab needs no second table and `down`
 *   removes everything with one message. A match on an address family
 *   (`ip saddr`) gets a `meta nfproto` check in front, as nft does.
 * - Its own table, not rules in someone else's: nslab never flushes or edits
 *   other tables, and a table is deleted with all its chains and rules at
 *   once. In a lab namespace nslab is the only user, so the fixed name
 *   `nslab` is enough; for the machine's root namespace (`nat: host`) give a
 *   per-lab name (`nslab-<lab>`) so two labs never share one.
 * - No NFT_TABLE_F_OWNER: the table must outlive `nslab up` (see table.ts).
 *
 * Chains (each created only when the plan needs it):
 *   postrouting  type nat hook postrouting priority srcnat   masquerade
 *   prerouting   type nat hook prerouting priority dstnat    port forwards
 *   forward      type filter hook forward priority filter    forward policy
 */

export const NSLAB_TABLE = 'nslab';
export const NSLAB_FAMILY = 'inet';

/**
 * Masquerade traffic from these prefixes leaving by `oifname` — or, for the
 * machine's own table, leaving by any interface except `exceptOifname`
 * (give exactly one of the two).
 */
export interface Masquerade {
  /** Source prefixes ("10.0.1.0/24"); empty means every source. */
  readonly sources: readonly string[];
  readonly oifname?: string;
  readonly exceptOifname?: string;
  readonly origin?: string;
}

/** `ports: ["8080:h1:80/tcp"]`: DNAT a port of this node to a host inside. */
export interface PortForward {
  readonly proto: L4Proto;
  readonly port: number;
  /** Address of the inside host. */
  readonly to: string;
  /** Port on the inside host; the same port when omitted. */
  readonly toPort?: number;
  /** Only packets arriving on this interface (the outside one). */
  readonly iifname?: string;
  /**
   * Only packets addressed to this machine (`fib daddr type local`), so a
   * connection to the same port of some other host, passing through, is
   * left alone.
   */
  readonly local?: boolean;
  readonly origin?: string;
}

/** What the router forwards. */
export interface ForwardFilter {
  /** For packets no rule accepts. */
  readonly policy: Policy;
  /** `ct state established,related accept` first (default true). */
  readonly established?: boolean;
  /** `iifname A oifname B accept` for each entry (either side may be left out). */
  readonly allow?: readonly { readonly iifname?: string; readonly oifname?: string; readonly origin?: string }[];
  /**
   * `[meta nfproto ipv4] iifname A drop` for each entry, after every accept
   * (replies and port forwards): what a NAT router does with connections
   * opened from the outside. `family` limits it to IPv4 or IPv6 traffic.
   */
  readonly refuse?: readonly { readonly iifname: string; readonly family?: 4 | 6; readonly origin?: string }[];
}

export interface NatPlan {
  readonly table?: string;
  /** Table comment, shown by `nft list ruleset` ("nslab lab demo"). */
  readonly comment?: string;
  readonly masquerade?: readonly Masquerade[];
  readonly portForwards?: readonly PortForward[];
  /**
   * Adds the forward chain; with it every port forward also gets its forward
   * accept, for connections that came through that DNAT only.
   */
  readonly forward?: ForwardFilter;
  readonly origin?: string;
}

/** A rule with where it came from. */
export type PlannedRule = RuleSpec & { readonly origin?: string };

/** Plain data: what natRuleset() decided, before any bytes. */
export interface RulesetSpec {
  readonly table: TableSpec;
  readonly chains: readonly BaseChainSpec[];
  readonly rules: readonly PlannedRule[];
  readonly origin?: string;
}

function prefixText(c: Cidr): string {
  const n = networkOf(c);
  return n.prefix === (n.family === 4 ? 32 : 128) ? formatIp(n) : `${formatIp(n)}/${n.prefix}`;
}

function ipWord(family: 4 | 6): string {
  return family === 4 ? 'ip' : 'ip6';
}

function withOrigin<T extends object>(o: T, origin: string | undefined): T & { origin?: string } {
  return origin === undefined ? o : { ...o, origin };
}

/** Turn a plan into the table, chains and rules to install. Throws TypeError/RangeError for a bad plan. */
export function natRuleset(plan: NatPlan): RulesetSpec {
  const family = NSLAB_FAMILY;
  const table = plan.table ?? NSLAB_TABLE;
  const chains: BaseChainSpec[] = [];
  const rules: PlannedRule[] = [];
  const masq = plan.masquerade ?? [];
  const fwds = plan.portForwards ?? [];
  const rule = (chain: string, exprs: Expr[], text: string, origin: string | undefined): void => {
    rules.push(withOrigin({ family, table, chain, exprs, text }, origin));
  };

  if (masq.length > 0) {
    chains.push({ family, table, name: 'postrouting', type: 'nat', hook: 'postrouting', priority: 'srcnat', policy: 'accept' });
    for (const m of masq) {
      if ((m.oifname === undefined) === (m.exceptOifname === undefined)) throw new TypeError('a masquerade needs exactly one of oifname and exceptOifname');
      const out = m.oifname !== undefined ? ifname('oifname', m.oifname) : ifname('oifname', m.exceptOifname as string, 'neq');
      const text = m.oifname !== undefined ? `oifname "${m.oifname}" masquerade` : `oifname != "${m.exceptOifname}" masquerade`;
      if (m.sources.length === 0) rule('postrouting', [...out, masquerade()], text, m.origin);
      for (const s of m.sources) {
        const net = parseCidr(s);
        rule('postrouting', [...addr(family, 'saddr', net), ...out, masquerade()], `${ipWord(net.family)} saddr ${prefixText(net)} ${text}`, m.origin);
      }
    }
  }

  if (fwds.length > 0) {
    chains.push({ family, table, name: 'prerouting', type: 'nat', hook: 'prerouting', priority: 'dstnat', policy: 'accept' });
    for (const f of fwds) {
      const to = parseIp(f.to);
      const toText = to.family === 4 ? `${formatIp(to)}:${f.toPort ?? f.port}` : `[${formatIp(to)}]:${f.toPort ?? f.port}`;
      const exprs = [
        ...(f.iifname ? ifname('iifname', f.iifname) : []),
        ...(f.local ? daddrLocal() : []),
        ...port(f.proto, 'dport', f.port),
        ...natTo('dnat', to, f.toPort ?? f.port),
      ];
      const text = `${f.iifname ? `iifname "${f.iifname}" ` : ''}${f.local ? 'fib daddr type local ' : ''}${f.proto} dport ${f.port} dnat ${ipWord(to.family)} to ${toText}`;
      rule('prerouting', exprs, text, f.origin);
    }
  }

  if (plan.forward) {
    const fw = plan.forward;
    chains.push({ family, table, name: 'forward', type: 'filter', hook: 'forward', priority: 'filter', policy: fw.policy });
    if (fw.established !== false) {
      rule('forward', [...ctState(['established', 'related']), accept()], 'ct state established,related accept', plan.origin);
    }
    for (const a of fw.allow ?? []) {
      if (!a.iifname && !a.oifname) throw new TypeError('a forward allow entry needs iifname, oifname or both');
      const exprs = [...(a.iifname ? ifname('iifname', a.iifname) : []), ...(a.oifname ? ifname('oifname', a.oifname) : []), accept()];
      const text = [a.iifname ? `iifname "${a.iifname}"` : '', a.oifname ? `oifname "${a.oifname}"` : '', 'accept'].filter(Boolean).join(' ');
      rule('forward', exprs, text, a.origin);
    }
    // Only connections the prerouting chain rewrote: without `ct status dnat`
    // this would also let the outside reach the inside host's port directly.
    for (const f of fwds) {
      const to = parseIp(f.to);
      const inside = f.toPort ?? f.port;
      const host: Cidr = { ...to, prefix: to.family === 4 ? 32 : 128 };
      const exprs = [...addr(family, 'daddr', host), ...port(f.proto, 'dport', inside), ...ctStatusDnat(), accept()];
      rule('forward', exprs, `${ipWord(to.family)} daddr ${formatIp(to)} ${f.proto} dport ${inside} ct status dnat accept`, f.origin);
    }
    for (const r of fw.refuse ?? []) {
      const exprs = [...(r.family ? nfproto(r.family) : []), ...ifname('iifname', r.iifname), drop()];
      const text = `${r.family ? `meta nfproto ipv${r.family} ` : ''}iifname "${r.iifname}" drop`;
      rule('forward', exprs, text, r.origin ?? plan.origin);
    }
  }

  const tableSpec: TableSpec = plan.comment === undefined ? { family, name: table } : { family, name: table, comment: plan.comment };
  return withOrigin({ table: tableSpec, chains, rules }, plan.origin);
}

export interface InstallOptions {
  /**
   * Replace a table of the same name atomically: `add table`, `delete
   * table`, then the new contents, all in one transaction.
   */
  readonly replace?: boolean;
  /**
   * `create table` instead of `add table`: the transaction fails (EEXIST)
   * if the table exists, so nothing is ever added to someone else's table.
   */
  readonly exclusive?: boolean;
}

/** The requests that install a ruleset, in nft's order: table, chains, rules. */
export function rulesetRequests(spec: RulesetSpec, opts: InstallOptions = {}): Request[] {
  const out: Request[] = [];
  if (opts.replace) {
    out.push(newTable(spec.table, withOrigin({}, spec.origin)));
    out.push(delTable({ family: spec.table.family, name: spec.table.name }, spec.origin));
  }
  out.push(newTable(spec.table, withOrigin(opts.exclusive ? { exclusive: true } : {}, spec.origin)));
  for (const c of spec.chains) out.push(newChain(c, spec.origin));
  for (const r of spec.rules) out.push(newRule(r, r.origin ?? spec.origin));
  return out;
}

/** The request that removes what rulesetRequests() installed (`nft delete table inet nslab`). */
export function removeRuleset(ref: TableRef, origin?: string): Request[] {
  return [delTable(ref, origin)];
}

import { NetlinkDecodeError } from '../netlink/decode-error.js';
import { attrMap, read } from '../netlink/attributes.js';
import { NLM_F } from '../netlink/constants.js';
import type { Message, Request } from '../netlink/message.js';
import type { Writer } from '../netlink/writer.js';
import { NFT_MSG, NFTA_RULE } from './constants.js';
import { debugExpr, exprName, readExprList, writeExpr, type Expr } from './expr/index.js';
import { familyName, nftRequest, splitNfgenmsg, type NftFamily } from './framing.js';
import { decodeComment, encodeComment } from './userdata.js';

/**
 * A rule: a list of expressions run in order against each packet; any that
 * does not match ends the rule, a verdict ends the chain.
 * `nft add rule inet nslab postrouting ip saddr 10.0.1.0/24 oifname "eth1" masquerade`
 */
export interface RuleSpec {
  readonly family: NftFamily;
  readonly table: string;
  readonly chain: string;
  readonly exprs: readonly Expr[];
  /** Shown by `nft list ruleset` as `comment "…"`. */
  readonly comment?: string;
  /** The rule in nft syntax, for messages ("ip saddr 10.0.1.0/24 … masquerade"). */
  readonly text?: string;
}

/** The rule in words: its nft text when known, else its expression names. */
export function describeRule(r: Pick<RuleSpec, 'family' | 'table' | 'chain' | 'exprs' | 'text'>): string {
  const body = r.text ?? `[${r.exprs.map(exprName).join(', ')}]`;
  return `${r.family} ${r.table} ${r.chain} ${body}`;
}

/** Write NFTA_RULE_EXPRESSIONS. */
export function writeExpressions(w: Writer, exprs: readonly Expr[]): void {
  w.nest(NFTA_RULE.NFTA_RULE_EXPRESSIONS, () => exprs.forEach((e) => writeExpr(w, e)), true);
}

/** `nft add rule …`: appended at the end of the chain. */
export function newRule(r: RuleSpec, origin?: string): Request {
  if (r.exprs.length === 0) throw new RangeError(`rule ${describeRule(r)} has no expressions`);
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_NEWRULE,
    family: r.family,
    flags: NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_APPEND,
    attrs: (w) => {
      w.attrString(NFTA_RULE.NFTA_RULE_TABLE, r.table);
      w.attrString(NFTA_RULE.NFTA_RULE_CHAIN, r.chain);
      writeExpressions(w, r.exprs);
      if (r.comment !== undefined) w.attrBytes(NFTA_RULE.NFTA_RULE_USERDATA, encodeComment(r.comment));
    },
    what: `add rule ${describeRule(r)}`,
    origin,
  });
}

export interface RuleRef {
  readonly family: NftFamily;
  readonly table: string;
  readonly chain: string;
  readonly handle: bigint;
}

/** `nft delete rule inet nslab forward handle 7` */
export function delRule(ref: RuleRef, origin?: string): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_DELRULE,
    family: ref.family,
    flags: NLM_F.NLM_F_ACK,
    attrs: (w) => {
      w.attrString(NFTA_RULE.NFTA_RULE_TABLE, ref.table);
      w.attrString(NFTA_RULE.NFTA_RULE_CHAIN, ref.chain);
      w.attrBe64(NFTA_RULE.NFTA_RULE_HANDLE, ref.handle);
    },
    what: `delete rule ${ref.family} ${ref.table} ${ref.chain} handle ${ref.handle}`,
    origin,
  });
}

/**
 * `nft list ruleset` gets rules with this dump; `table` (and `chain`) make
 * the kernel send only that table's (chain's) rules.
 */
export function dumpRules(family?: NftFamily, filter: { table?: string; chain?: string } = {}): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_GETRULE,
    family: family ?? 'unspec',
    flags: NLM_F.NLM_F_DUMP,
    attrs: (w) => {
      if (filter.table !== undefined) w.attrString(NFTA_RULE.NFTA_RULE_TABLE, filter.table);
      if (filter.chain !== undefined) w.attrString(NFTA_RULE.NFTA_RULE_CHAIN, filter.chain);
    },
    what: `list rules${family ? ` ${family}` : ''}${filter.table ? ` ${filter.table}` : ''}${filter.chain ? ` ${filter.chain}` : ''}`,
  });
}

/** A rule as the kernel reports it (NFT_MSG_NEWRULE). */
export interface Rule {
  readonly family: NftFamily | number;
  readonly table: string;
  readonly chain: string;
  readonly handle: bigint;
  /** Handle of the rule before it in the chain, when there is one. */
  readonly position?: bigint;
  readonly exprs: Expr[];
  readonly comment?: string;
}

export function decodeRule(msg: Message): Rule {
  const { header, attrs } = splitNfgenmsg(msg.payload);
  const m = attrMap(attrs);
  const table = m.get(NFTA_RULE.NFTA_RULE_TABLE);
  const chain = m.get(NFTA_RULE.NFTA_RULE_CHAIN);
  if (!table || !chain) throw new NetlinkDecodeError('nf_tables rule message', 0, 'NFTA_RULE_TABLE and NFTA_RULE_CHAIN', 'one is missing');
  const handle = m.get(NFTA_RULE.NFTA_RULE_HANDLE);
  const position = m.get(NFTA_RULE.NFTA_RULE_POSITION);
  const list = m.get(NFTA_RULE.NFTA_RULE_EXPRESSIONS);
  const udata = m.get(NFTA_RULE.NFTA_RULE_USERDATA);
  const comment = udata ? decodeComment(udata) : undefined;
  return {
    family: familyName(header.family),
    table: read.string(table),
    chain: read.string(chain),
    handle: handle ? read.be64(handle) : 0n,
    ...(position ? { position: read.be64(position) } : {}),
    exprs: list ? readExprList(list) : [],
    ...(comment !== undefined ? { comment } : {}),
  };
}

/** The rule the way `nft --debug=netlink` prints it: one line per expression. */
export function debugRule(exprs: readonly Expr[]): string[] {
  return exprs.map(debugExpr);
}

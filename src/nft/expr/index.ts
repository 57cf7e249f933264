import { NetlinkDecodeError } from '../../netlink/decode-error.js';
import { parseAttrs, read } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFTA_EXPR, NFTA_LIST } from '../constants.js';
import { bitwiseCodec, type BitwiseExpr } from './bitwise.js';
import { cmpCodec, type CmpExpr } from './cmp.js';
import type { ExprCodec } from './codec.js';
import { counterCodec, type CounterExpr } from './counter.js';
import { ctCodec, type CtExpr } from './ct.js';
import { fibCodec, type FibExpr } from './fib.js';
import { immediateCodec, type ImmediateExpr } from './immediate.js';
import { masqCodec, type MasqExpr } from './masq.js';
import { metaCodec, type MetaExpr } from './meta.js';
import { natCodec, type NatExpr } from './nat.js';
import { payloadCodec, type PayloadExpr } from './payload.js';

/**
 * An expression the kernel sent that nslab has no codec for: kept as its
 * name and raw NFTA_EXPR_DATA so a listing can still show and compare it.
 */
export interface UnknownExpr {
  readonly kind: 'unknown';
  readonly name: string;
  readonly data: Uint8Array;
}

export type Expr =
  | PayloadExpr
  | CmpExpr
  | MetaExpr
  | BitwiseExpr
  | ImmediateExpr
  | CtExpr
  | MasqExpr
  | NatExpr
  | CounterExpr
  | FibExpr
  | UnknownExpr;

type Known = Exclude<Expr, UnknownExpr>;
type CodecTable = { readonly [K in Known['kind']]: ExprCodec<Extract<Known, { kind: K }>> };

const CODECS: CodecTable = {
  payload: payloadCodec,
  cmp: cmpCodec,
  meta: metaCodec,
  bitwise: bitwiseCodec,
  immediate: immediateCodec,
  ct: ctCodec,
  masq: masqCodec,
  nat: natCodec,
  counter: counterCodec,
  fib: fibCodec,
};

/** The wire name of an expression ("masq" for masquerade). */
export function exprName(e: Expr): string {
  return e.kind === 'unknown' ? e.name : CODECS[e.kind].name;
}

function codecFor(e: Known): ExprCodec<Known> {
  return CODECS[e.kind] as ExprCodec<Known>;
}

/** Write one NFTA_LIST_ELEM { NFTA_EXPR_NAME, NFTA_EXPR_DATA } for an expression. */
export function writeExpr(w: Writer, e: Expr): void {
  w.nest(
    NFTA_LIST.NFTA_LIST_ELEM,
    () => {
      w.attrString(NFTA_EXPR.NFTA_EXPR_NAME, exprName(e));
      if (e.kind === 'unknown') w.nest(NFTA_EXPR.NFTA_EXPR_DATA, () => w.bytes(e.data), true);
      else w.nest(NFTA_EXPR.NFTA_EXPR_DATA, () => codecFor(e).encode(w, e), true);
    },
    true,
  );
}

/** Decode one expression from the payload of an NFTA_LIST_ELEM. */
export function readExpr(elem: Uint8Array): Expr {
  let name: string | undefined;
  let data: Uint8Array = new Uint8Array(0);
  for (const a of parseAttrs(elem)) {
    if (a.type === NFTA_EXPR.NFTA_EXPR_NAME) name = read.string(a.data);
    else if (a.type === NFTA_EXPR.NFTA_EXPR_DATA) data = a.data;
  }
  if (name === undefined) throw new NetlinkDecodeError('nf_tables expression', 0, 'NFTA_EXPR_NAME', 'the attribute is missing');
  const codec = Object.values(CODECS).find((c) => c.name === name) as ExprCodec<Known> | undefined;
  return codec ? codec.decode(data) : { kind: 'unknown', name, data: Uint8Array.from(data) };
}

/** Decode the payload of NFTA_RULE_EXPRESSIONS into expressions, in order. */
export function readExprList(list: Uint8Array): Expr[] {
  return parseAttrs(list)
    .filter((a) => a.type === NFTA_LIST.NFTA_LIST_ELEM)
    .map((a) => readExpr(a.data));
}

/**
 * The line `nft --debug=netlink` prints for an expression:
 * "[ meta load oifname => reg 1 ]".
 */
export function debugExpr(e: Expr): string {
  if (e.kind === 'unknown') return `[ ${e.name} ]`;
  const body = codecFor(e).debug(e);
  return body ? `[ ${exprName(e)} ${body} ]` : `[ ${exprName(e)} ]`;
}

export type { BitwiseExpr, CmpExpr, CounterExpr, CtExpr, FibExpr, ImmediateExpr, MasqExpr, MetaExpr, NatExpr, PayloadExpr };

import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_CMP, NFTA_CMP } from '../constants.js';
import { debugValue, readValue, writeValue } from '../data.js';
import { be32Of, checkDataReg, must, nameOf, numberOf, type ExprCodec } from './codec.js';

export type CmpOp = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte';

const OPS: Readonly<Record<CmpOp, number>> = {
  eq: NFT_CMP.NFT_CMP_EQ,
  neq: NFT_CMP.NFT_CMP_NEQ,
  lt: NFT_CMP.NFT_CMP_LT,
  lte: NFT_CMP.NFT_CMP_LTE,
  gt: NFT_CMP.NFT_CMP_GT,
  gte: NFT_CMP.NFT_CMP_GTE,
};

/**
 * Compare a register with a constant; the rule stops here when it does not
 * hold. The data is in the byte order the packet (or meta key) has.
 *
 * nft: the operator and right side of a match — `tcp dport 8080` ends in
 * `cmp eq reg 1 0x0000901f`; `ct state established,related` in
 * `cmp neq reg 1 0x00000000`.
 */
export interface CmpExpr {
  readonly kind: 'cmp';
  readonly sreg: number;
  readonly op: CmpOp | number;
  readonly data: Uint8Array;
}

export function cmp(op: CmpOp, data: Uint8Array, sreg = 1): CmpExpr {
  return { kind: 'cmp', sreg, op, data };
}

export const cmpCodec: ExprCodec<CmpExpr> = {
  name: 'cmp',
  encode(w: Writer, e: CmpExpr): void {
    w.attrBe32(NFTA_CMP.NFTA_CMP_SREG, checkDataReg(e.sreg, 'cmp source'));
    w.attrBe32(NFTA_CMP.NFTA_CMP_OP, numberOf(OPS, e.op));
    w.nest(NFTA_CMP.NFTA_CMP_DATA, () => writeValue(w, e.data), true);
  },
  decode(data: Uint8Array): CmpExpr {
    const m = attrMap(data);
    return {
      kind: 'cmp',
      sreg: be32Of(m, NFTA_CMP.NFTA_CMP_SREG, 'NFTA_CMP_SREG'),
      op: nameOf(OPS, be32Of(m, NFTA_CMP.NFTA_CMP_OP, 'NFTA_CMP_OP')),
      data: readValue(must(m, NFTA_CMP.NFTA_CMP_DATA, 'NFTA_CMP_DATA'), 'NFTA_CMP_DATA'),
    };
  },
  debug(e: CmpExpr): string {
    return `${typeof e.op === 'number' ? `op ${e.op}` : e.op} reg ${e.sreg} ${debugValue(e.data)}`;
  },
};

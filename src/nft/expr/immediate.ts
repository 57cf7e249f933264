import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_REG, NFTA_IMMEDIATE } from '../constants.js';
import { debugValue, readData, writeValue, writeVerdict, type Verdict } from '../data.js';
import { be32Of, checkDataReg, must, type ExprCodec } from './codec.js';

/**
 * Put a constant into a register: a value (the address and port a `dnat`
 * reads), or a verdict into the verdict register, which ends the rule.
 *
 * nft: `accept` is `immediate reg 0 accept`, `drop` likewise,
 * `jump lan_in` is `immediate reg 0 jump -> lan_in`; `dnat ip to
 * 10.0.1.10:80` loads `immediate reg 1 0x0a01000a` and
 * `immediate reg 2 0x00005000` for the nat expression.
 */
export type ImmediateExpr =
  | { readonly kind: 'immediate'; readonly dreg: number; readonly value: Uint8Array }
  | { readonly kind: 'immediate'; readonly verdict: Verdict };

export function verdict(v: Verdict): ImmediateExpr {
  return { kind: 'immediate', verdict: v };
}
export const accept = (): ImmediateExpr => verdict({ code: 'accept' });
export const drop = (): ImmediateExpr => verdict({ code: 'drop' });
export const jump = (chain: string): ImmediateExpr => verdict({ code: 'jump', chain });

export function immediate(value: Uint8Array, dreg = 1): ImmediateExpr {
  return { kind: 'immediate', dreg, value };
}

export const immediateCodec: ExprCodec<ImmediateExpr> = {
  name: 'immediate',
  encode(w: Writer, e: ImmediateExpr): void {
    if ('verdict' in e) {
      w.attrBe32(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, NFT_REG.NFT_REG_VERDICT);
      w.nest(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, () => writeVerdict(w, e.verdict), true);
    } else {
      w.attrBe32(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, checkDataReg(e.dreg, 'immediate destination'));
      w.nest(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, () => writeValue(w, e.value), true);
    }
  },
  decode(data: Uint8Array): ImmediateExpr {
    const m = attrMap(data);
    const dreg = be32Of(m, NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, 'NFTA_IMMEDIATE_DREG');
    const d = readData(must(m, NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, 'NFTA_IMMEDIATE_DATA'));
    if ('verdict' in d) return { kind: 'immediate', verdict: d.verdict };
    return { kind: 'immediate', dreg, value: d.value };
  },
  debug(e: ImmediateExpr): string {
    if ('value' in e) return `reg ${e.dreg} ${debugValue(e.value)}`;
    const v = e.verdict;
    if (typeof v.code === 'number') return `reg 0 verdict ${v.code}`;
    return 'chain' in v ? `reg 0 ${v.code} -> ${v.chain}` : `reg 0 ${v.code}`;
  },
};

import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFTA_MASQ } from '../constants.js';
import { checkDataReg, optBe32, type ExprCodec } from './codec.js';

/**
 * Source NAT to the address of the interface the packet leaves by, picked
 * per packet (so it follows DHCP changes). Only valid in a nat chain on the
 * postrouting hook. `flags` are NF_NAT_RANGE_* (random, fully-random,
 * persistent); the proto registers give a source port range.
 *
 * nft: `masquerade`, `masquerade random`, `masquerade to :1024-2048`.
 */
export interface MasqExpr {
  readonly kind: 'masq';
  readonly flags?: number;
  readonly regProtoMin?: number;
  readonly regProtoMax?: number;
}

export function masquerade(flags?: number): MasqExpr {
  return flags === undefined ? { kind: 'masq' } : { kind: 'masq', flags };
}

export const masqCodec: ExprCodec<MasqExpr> = {
  name: 'masq',
  encode(w: Writer, e: MasqExpr): void {
    if (e.flags !== undefined) w.attrBe32(NFTA_MASQ.NFTA_MASQ_FLAGS, e.flags);
    if (e.regProtoMin !== undefined) w.attrBe32(NFTA_MASQ.NFTA_MASQ_REG_PROTO_MIN, checkDataReg(e.regProtoMin, 'masq port'));
    if (e.regProtoMax !== undefined) w.attrBe32(NFTA_MASQ.NFTA_MASQ_REG_PROTO_MAX, checkDataReg(e.regProtoMax, 'masq port'));
  },
  decode(data: Uint8Array): MasqExpr {
    const m = attrMap(data);
    const flags = optBe32(m, NFTA_MASQ.NFTA_MASQ_FLAGS);
    const min = optBe32(m, NFTA_MASQ.NFTA_MASQ_REG_PROTO_MIN);
    const max = optBe32(m, NFTA_MASQ.NFTA_MASQ_REG_PROTO_MAX);
    return {
      kind: 'masq',
      ...(flags !== undefined ? { flags } : {}),
      ...(min !== undefined ? { regProtoMin: min } : {}),
      ...(max !== undefined ? { regProtoMax: max } : {}),
    };
  },
  debug(e: MasqExpr): string {
    const parts: string[] = [];
    if (e.regProtoMin !== undefined) parts.push(`proto_min reg ${e.regProtoMin}`);
    if (e.regProtoMax !== undefined) parts.push(`proto_max reg ${e.regProtoMax}`);
    if (e.flags !== undefined) parts.push(`flags 0x${e.flags.toString(16)}`);
    return parts.join(' ');
  },
};

import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFPROTO, NFT_NAT, NFTA_NAT } from '../constants.js';
import { be32Of, checkDataReg, optBe32, type ExprCodec } from './codec.js';

/**
 * Rewrite the source (snat, in postrouting) or destination (dnat, in
 * prerouting) of a new connection; every later packet of it follows. The
 * address and port come from registers that immediates filled before.
 * `family` says which address family the registers hold (needed in an inet
 * table); `flags` are NF_NAT_RANGE_* (PROTO_SPECIFIED when a port is given).
 *
 * nft: `dnat ip to 10.0.1.10:80` is
 * `nat dnat ip addr_min reg 1 proto_min reg 2 flags 0x2`;
 * `snat ip to 192.0.2.1` is `nat snat ip addr_min reg 1`.
 */
export interface NatExpr {
  readonly kind: 'nat';
  readonly type: 'snat' | 'dnat';
  readonly family: 'ip' | 'ip6';
  readonly regAddrMin?: number;
  readonly regAddrMax?: number;
  readonly regProtoMin?: number;
  readonly regProtoMax?: number;
  readonly flags?: number;
}

const OPTIONAL = [
  ['regAddrMin', NFTA_NAT.NFTA_NAT_REG_ADDR_MIN, 'addr_min'],
  ['regAddrMax', NFTA_NAT.NFTA_NAT_REG_ADDR_MAX, 'addr_max'],
  ['regProtoMin', NFTA_NAT.NFTA_NAT_REG_PROTO_MIN, 'proto_min'],
  ['regProtoMax', NFTA_NAT.NFTA_NAT_REG_PROTO_MAX, 'proto_max'],
] as const;

export const natCodec: ExprCodec<NatExpr> = {
  name: 'nat',
  encode(w: Writer, e: NatExpr): void {
    w.attrBe32(NFTA_NAT.NFTA_NAT_TYPE, e.type === 'snat' ? NFT_NAT.NFT_NAT_SNAT : NFT_NAT.NFT_NAT_DNAT);
    w.attrBe32(NFTA_NAT.NFTA_NAT_FAMILY, e.family === 'ip' ? NFPROTO.NFPROTO_IPV4 : NFPROTO.NFPROTO_IPV6);
    for (const [field, type, name] of OPTIONAL) {
      const reg = e[field];
      if (reg !== undefined) w.attrBe32(type, checkDataReg(reg, `nat ${name}`));
    }
    if (e.flags !== undefined) w.attrBe32(NFTA_NAT.NFTA_NAT_FLAGS, e.flags);
  },
  decode(data: Uint8Array): NatExpr {
    const m = attrMap(data);
    const type = be32Of(m, NFTA_NAT.NFTA_NAT_TYPE, 'NFTA_NAT_TYPE');
    const family = be32Of(m, NFTA_NAT.NFTA_NAT_FAMILY, 'NFTA_NAT_FAMILY');
    let e: NatExpr = {
      kind: 'nat',
      type: type === NFT_NAT.NFT_NAT_SNAT ? 'snat' : 'dnat',
      family: family === NFPROTO.NFPROTO_IPV6 ? 'ip6' : 'ip',
    };
    for (const [field, t] of OPTIONAL) {
      const reg = optBe32(m, t);
      if (reg !== undefined) e = { ...e, [field]: reg };
    }
    const flags = optBe32(m, NFTA_NAT.NFTA_NAT_FLAGS);
    return flags !== undefined ? { ...e, flags } : e;
  },
  debug(e: NatExpr): string {
    const parts: string[] = [e.type, e.family];
    for (const [field, , name] of OPTIONAL) {
      const reg = e[field];
      if (reg !== undefined) parts.push(`${name} reg ${reg}`);
    }
    if (e.flags !== undefined) parts.push(`flags 0x${e.flags.toString(16)}`);
    return parts.join(' ');
  },
};

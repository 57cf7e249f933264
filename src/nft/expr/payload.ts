import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_PAYLOAD_BASE, NFTA_PAYLOAD } from '../constants.js';
import { be32Of, checkDataReg, nameOf, numberOf, type ExprCodec } from './codec.js';

/** Which header a payload offset counts from. */
export type PayloadBase = 'link' | 'network' | 'transport' | 'inner';

const BASES: Readonly<Record<PayloadBase, number>> = {
  link: NFT_PAYLOAD_BASE.NFT_PAYLOAD_LL_HEADER,
  network: NFT_PAYLOAD_BASE.NFT_PAYLOAD_NETWORK_HEADER,
  transport: NFT_PAYLOAD_BASE.NFT_PAYLOAD_TRANSPORT_HEADER,
  inner: NFT_PAYLOAD_BASE.NFT_PAYLOAD_INNER_HEADER,
};

/**
 * Load `len` bytes of a packet header into a register.
 *
 * nft: the left side of a header match — `ip saddr` is
 * `payload load 4b @ network header + 12`, `ip daddr` is `+ 16`,
 * `tcp dport` / `udp dport` are `2b @ transport header + 2`.
 */
export interface PayloadExpr {
  readonly kind: 'payload';
  readonly base: PayloadBase | number;
  readonly offset: number;
  readonly len: number;
  readonly dreg: number;
}

export function payload(base: PayloadBase, offset: number, len: number, dreg = 1): PayloadExpr {
  return { kind: 'payload', base, offset, len, dreg };
}

export const payloadCodec: ExprCodec<PayloadExpr> = {
  name: 'payload',
  encode(w: Writer, e: PayloadExpr): void {
    w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_DREG, checkDataReg(e.dreg, 'payload destination'));
    w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_BASE, numberOf(BASES, e.base));
    w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_OFFSET, e.offset);
    w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_LEN, e.len);
  },
  decode(data: Uint8Array): PayloadExpr {
    const m = attrMap(data);
    return {
      kind: 'payload',
      base: nameOf(BASES, be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_BASE, 'NFTA_PAYLOAD_BASE')),
      offset: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_OFFSET, 'NFTA_PAYLOAD_OFFSET'),
      len: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_LEN, 'NFTA_PAYLOAD_LEN'),
      dreg: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_DREG, 'NFTA_PAYLOAD_DREG'),
    };
  },
  debug(e: PayloadExpr): string {
    return `load ${e.len}b @ ${typeof e.base === 'number' ? `base ${e.base}` : e.base} header + ${e.offset} => reg ${e.dreg}`;
  },
};

import { attrMap, read } from '../../netlink/attributes.js';
import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';
import type { Writer } from '../../netlink/writer.js';
import { NF_CT_STATE, NFT_CT, NFTA_CT } from '../constants.js';
import { be32Of, checkDataReg, nameOf, numberOf, type ExprCodec } from './codec.js';

/** Conntrack keys by the names libnftnl prints for them (enum nft_ct_keys). */
export const CT_KEYS = {
  state: NFT_CT.NFT_CT_STATE,
  direction: NFT_CT.NFT_CT_DIRECTION,
  status: NFT_CT.NFT_CT_STATUS,
  mark: NFT_CT.NFT_CT_MARK,
  secmark: NFT_CT.NFT_CT_SECMARK,
  expiration: NFT_CT.NFT_CT_EXPIRATION,
  helper: NFT_CT.NFT_CT_HELPER,
  l3protocol: NFT_CT.NFT_CT_L3PROTOCOL,
  src: NFT_CT.NFT_CT_SRC,
  dst: NFT_CT.NFT_CT_DST,
  protocol: NFT_CT.NFT_CT_PROTOCOL,
  proto_src: NFT_CT.NFT_CT_PROTO_SRC,
  proto_dst: NFT_CT.NFT_CT_PROTO_DST,
  label: NFT_CT.NFT_CT_LABELS,
  packets: NFT_CT.NFT_CT_PKTS,
  bytes: NFT_CT.NFT_CT_BYTES,
  avgpkt: NFT_CT.NFT_CT_AVGPKT,
  zone: NFT_CT.NFT_CT_ZONE,
  event: NFT_CT.NFT_CT_EVENTMASK,
  src_ip: NFT_CT.NFT_CT_SRC_IP,
  dst_ip: NFT_CT.NFT_CT_DST_IP,
  src_ip6: NFT_CT.NFT_CT_SRC_IP6,
  dst_ip6: NFT_CT.NFT_CT_DST_IP6,
  id: NFT_CT.NFT_CT_ID,
} as const;
export type CtKey = keyof typeof CT_KEYS;

/** The names `ct state` takes, as bits of the register `ct load state` fills. */
export const CT_STATES = {
  invalid: NF_CT_STATE.NF_CT_STATE_INVALID_BIT,
  established: NF_CT_STATE.ESTABLISHED,
  related: NF_CT_STATE.RELATED,
  new: NF_CT_STATE.NEW,
  untracked: NF_CT_STATE.NF_CT_STATE_UNTRACKED_BIT,
} as const;
export type CtState = keyof typeof CT_STATES;

const DIRECTIONS = { original: 0, reply: 1 } as const;

/**
 * Load a connection-tracking key of the packet's connection into a register.
 *
 * nft: `ct state established,related` is `ct load state => reg 1`, a bitwise
 * mask of the two state bits and `cmp neq reg 1 0`; `ct status dnat` loads
 * `status`; `ct original ip saddr 10.0.1.10` is `ct load src_ip => reg 1 ,
 * dir original`.
 */
export interface CtExpr {
  readonly kind: 'ct';
  readonly key: CtKey | number;
  readonly dreg: number;
  readonly direction?: 'original' | 'reply';
}

export function ct(key: CtKey, dreg = 1): CtExpr {
  return { kind: 'ct', key, dreg };
}

/** The state bits of a `ct state a,b` match, 4 bytes in host order as the kernel stores them. */
export function ctStateBits(states: readonly CtState[]): Uint8Array {
  let bits = 0;
  for (const s of states) bits |= CT_STATES[s];
  // nf_tables keeps ct state as a host-order u32 in the register.
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, bits, HOST_LITTLE_ENDIAN);
  return out;
}

export const ctCodec: ExprCodec<CtExpr> = {
  name: 'ct',
  encode(w: Writer, e: CtExpr): void {
    w.attrBe32(NFTA_CT.NFTA_CT_KEY, numberOf(CT_KEYS, e.key));
    w.attrBe32(NFTA_CT.NFTA_CT_DREG, checkDataReg(e.dreg, 'ct destination'));
    if (e.direction !== undefined) w.attrU8(NFTA_CT.NFTA_CT_DIRECTION, DIRECTIONS[e.direction]);
  },
  decode(data: Uint8Array): CtExpr {
    const m = attrMap(data);
    const dir = m.get(NFTA_CT.NFTA_CT_DIRECTION);
    return {
      kind: 'ct',
      key: nameOf(CT_KEYS, be32Of(m, NFTA_CT.NFTA_CT_KEY, 'NFTA_CT_KEY')),
      dreg: be32Of(m, NFTA_CT.NFTA_CT_DREG, 'NFTA_CT_DREG'),
      ...(dir ? { direction: read.u8(dir) === 1 ? ('reply' as const) : ('original' as const) } : {}),
    };
  },
  debug(e: CtExpr): string {
    const key = typeof e.key === 'number' ? `unknown(${e.key})` : e.key;
    return `load ${key} => reg ${e.dreg}${e.direction !== undefined ? ` , dir ${e.direction}` : ''}`;
  },
};

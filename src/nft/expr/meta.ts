import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_META, NFTA_META } from '../constants.js';
import { be32Of, checkDataReg, nameOf, numberOf, optBe32, type ExprCodec } from './codec.js';

/** Meta keys by the names nft gives them (enum nft_meta_keys). */
export const META_KEYS = {
  len: NFT_META.NFT_META_LEN,
  protocol: NFT_META.NFT_META_PROTOCOL,
  priority: NFT_META.NFT_META_PRIORITY,
  mark: NFT_META.NFT_META_MARK,
  iif: NFT_META.NFT_META_IIF,
  oif: NFT_META.NFT_META_OIF,
  iifname: NFT_META.NFT_META_IIFNAME,
  oifname: NFT_META.NFT_META_OIFNAME,
  iiftype: NFT_META.NFT_META_IIFTYPE,
  oiftype: NFT_META.NFT_META_OIFTYPE,
  skuid: NFT_META.NFT_META_SKUID,
  skgid: NFT_META.NFT_META_SKGID,
  nftrace: NFT_META.NFT_META_NFTRACE,
  rtclassid: NFT_META.NFT_META_RTCLASSID,
  secmark: NFT_META.NFT_META_SECMARK,
  nfproto: NFT_META.NFT_META_NFPROTO,
  l4proto: NFT_META.NFT_META_L4PROTO,
  bri_iifname: NFT_META.NFT_META_BRI_IIFNAME,
  bri_oifname: NFT_META.NFT_META_BRI_OIFNAME,
  pkttype: NFT_META.NFT_META_PKTTYPE,
  cpu: NFT_META.NFT_META_CPU,
  iifgroup: NFT_META.NFT_META_IIFGROUP,
  oifgroup: NFT_META.NFT_META_OIFGROUP,
  cgroup: NFT_META.NFT_META_CGROUP,
  prandom: NFT_META.NFT_META_PRANDOM,
} as const;
export type MetaKey = keyof typeof META_KEYS;

/**
 * Load packet metadata into a register (`dreg`), or set it from one (`sreg`).
 *
 * nft: `oifname "eth1"` is `meta load oifname => reg 1` then a cmp with the
 * name padded to 16 bytes; `meta l4proto tcp` (added in front of `tcp dport`
 * in inet tables) is `meta load l4proto`; `ip saddr` in an inet table is
 * preceded by `meta nfproto ipv4`; `meta mark set 1` uses `sreg`.
 */
export type MetaExpr =
  | { readonly kind: 'meta'; readonly key: MetaKey | number; readonly dreg: number }
  | { readonly kind: 'meta'; readonly key: MetaKey | number; readonly sreg: number };

export function meta(key: MetaKey, dreg = 1): MetaExpr {
  return { kind: 'meta', key, dreg };
}

export const metaCodec: ExprCodec<MetaExpr> = {
  name: 'meta',
  encode(w: Writer, e: MetaExpr): void {
    // libnftnl writes the key first, then the register.
    w.attrBe32(NFTA_META.NFTA_META_KEY, numberOf(META_KEYS, e.key));
    if ('dreg' in e) w.attrBe32(NFTA_META.NFTA_META_DREG, checkDataReg(e.dreg, 'meta destination'));
    else w.attrBe32(NFTA_META.NFTA_META_SREG, checkDataReg(e.sreg, 'meta source'));
  },
  decode(data: Uint8Array): MetaExpr {
    const m = attrMap(data);
    const key = nameOf(META_KEYS, be32Of(m, NFTA_META.NFTA_META_KEY, 'NFTA_META_KEY'));
    const sreg = optBe32(m, NFTA_META.NFTA_META_SREG);
    if (sreg !== undefined) return { kind: 'meta', key, sreg };
    return { kind: 'meta', key, dreg: be32Of(m, NFTA_META.NFTA_META_DREG, 'NFTA_META_DREG') };
  },
  debug(e: MetaExpr): string {
    const key = typeof e.key === 'number' ? `unknown(${e.key})` : e.key;
    return 'dreg' in e ? `load ${key} => reg ${e.dreg}` : `set ${key} with reg ${e.sreg}`;
  },
};

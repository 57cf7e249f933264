import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_FIB_RESULT, NFTA_FIB, NFTA_FIB_F } from '../constants.js';
import { be32Of, checkDataReg, nameOf, numberOf, type ExprCodec } from './codec.js';

/** What a FIB lookup returns, by the names libnftnl prints (enum nft_fib_result). */
export const FIB_RESULTS = {
  oif: NFT_FIB_RESULT.NFT_FIB_RESULT_OIF,
  oifname: NFT_FIB_RESULT.NFT_FIB_RESULT_OIFNAME,
  type: NFT_FIB_RESULT.NFT_FIB_RESULT_ADDRTYPE,
} as const;
export type FibResult = keyof typeof FIB_RESULTS;

/** The lookup's inputs, in the order libnftnl prints them. */
const FIB_FLAGS = [
  ['saddr', NFTA_FIB_F.NFTA_FIB_F_SADDR],
  ['daddr', NFTA_FIB_F.NFTA_FIB_F_DADDR],
  ['mark', NFTA_FIB_F.NFTA_FIB_F_MARK],
  ['iif', NFTA_FIB_F.NFTA_FIB_F_IIF],
  ['oif', NFTA_FIB_F.NFTA_FIB_F_OIF],
  ['present', NFTA_FIB_F.NFTA_FIB_F_PRESENT],
] as const;

/**
 * A routing table lookup for the packet; the result goes to `dreg`.
 *
 * nft: `fib daddr type local` is `fib daddr type => reg 1` followed by a
 * cmp with RTN_LOCAL as a host-order u32 — "addressed to this machine",
 * which is how a port forward avoids catching traffic merely passing
 * through. `fib saddr . iif oif missing` is the reverse-path check.
 */
export interface FibExpr {
  readonly kind: 'fib';
  readonly result: FibResult | number;
  /** NFTA_FIB_F_* bits. */
  readonly flags: number;
  readonly dreg: number;
}

export function fib(result: FibResult, flags: number, dreg = 1): FibExpr {
  return { kind: 'fib', result, flags, dreg };
}

export const fibCodec: ExprCodec<FibExpr> = {
  name: 'fib',
  encode(w: Writer, e: FibExpr): void {
    // libnftnl's order (as captured from nft): flags, result, register.
    w.attrBe32(NFTA_FIB.NFTA_FIB_FLAGS, e.flags);
    w.attrBe32(NFTA_FIB.NFTA_FIB_RESULT, numberOf(FIB_RESULTS, e.result));
    w.attrBe32(NFTA_FIB.NFTA_FIB_DREG, checkDataReg(e.dreg, 'fib destination'));
  },
  decode(data: Uint8Array): FibExpr {
    const m = attrMap(data);
    return {
      kind: 'fib',
      result: nameOf(FIB_RESULTS, be32Of(m, NFTA_FIB.NFTA_FIB_RESULT, 'NFTA_FIB_RESULT')),
      flags: be32Of(m, NFTA_FIB.NFTA_FIB_FLAGS, 'NFTA_FIB_FLAGS'),
      dreg: be32Of(m, NFTA_FIB.NFTA_FIB_DREG, 'NFTA_FIB_DREG'),
    };
  },
  debug(e: FibExpr): string {
    const inputs = FIB_FLAGS.filter(([, bit]) => e.flags & bit).map(([name]) => name);
    const result = typeof e.result === 'number' ? `unknown(${e.result})` : e.result;
    return `${inputs.join(' ')} ${result} => reg ${e.dreg}`;
  },
};

import { NetlinkDecodeError } from '../../netlink/decode-error.js';
import { attrMap } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFT_BITWISE_OP, NFTA_BITWISE } from '../constants.js';
import { debugValue, readValue, writeValue } from '../data.js';
import { be32Of, checkDataReg, must, optBe32, type ExprCodec } from './codec.js';

/**
 * Bit operations on a register: `dreg = (sreg & mask) ^ xor` over `len`
 * bytes, or a shift by `shift` bits.
 *
 * nft: a prefix that does not end on a byte boundary, `ip saddr 10.0.0.0/20`,
 * is `bitwise reg 1 = ( reg 1 & 0x00f0ffff ) ^ 0x00000000` before the cmp
 * (byte-aligned prefixes just load fewer bytes); a flag test such as
 * `ct state established,related` masks the state bits.
 */
export type BitwiseExpr =
  | {
      readonly kind: 'bitwise';
      readonly op: 'mask-xor';
      readonly sreg: number;
      readonly dreg: number;
      readonly len: number;
      readonly mask: Uint8Array;
      readonly xor: Uint8Array;
    }
  | {
      readonly kind: 'bitwise';
      readonly op: 'lshift' | 'rshift';
      readonly sreg: number;
      readonly dreg: number;
      readonly len: number;
      readonly shift: number;
    };

/** `reg = (reg & mask) ^ xor` with xor all zeros: keep only the mask's bits. */
export function mask(maskBytes: Uint8Array, reg = 1): BitwiseExpr {
  return { kind: 'bitwise', op: 'mask-xor', sreg: reg, dreg: reg, len: maskBytes.length, mask: maskBytes, xor: new Uint8Array(maskBytes.length) };
}

export const bitwiseCodec: ExprCodec<BitwiseExpr> = {
  name: 'bitwise',
  encode(w: Writer, e: BitwiseExpr): void {
    w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_SREG, checkDataReg(e.sreg, 'bitwise source'));
    w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_DREG, checkDataReg(e.dreg, 'bitwise destination'));
    w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_LEN, e.len);
    if (e.op === 'mask-xor') {
      if (e.mask.length !== e.len || e.xor.length !== e.len) {
        throw new RangeError(`bitwise mask and xor must be ${e.len} bytes, got ${e.mask.length} and ${e.xor.length}`);
      }
      w.nest(NFTA_BITWISE.NFTA_BITWISE_MASK, () => writeValue(w, e.mask), true);
      w.nest(NFTA_BITWISE.NFTA_BITWISE_XOR, () => writeValue(w, e.xor), true);
    } else {
      const op = e.op === 'lshift' ? NFT_BITWISE_OP.NFT_BITWISE_LSHIFT : NFT_BITWISE_OP.NFT_BITWISE_RSHIFT;
      w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_OP, op);
      const shift = new Uint8Array(4);
      new DataView(shift.buffer).setUint32(0, e.shift, false);
      w.nest(NFTA_BITWISE.NFTA_BITWISE_DATA, () => writeValue(w, shift), true);
    }
  },
  decode(data: Uint8Array): BitwiseExpr {
    const m = attrMap(data);
    const sreg = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_SREG, 'NFTA_BITWISE_SREG');
    const dreg = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_DREG, 'NFTA_BITWISE_DREG');
    const len = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_LEN, 'NFTA_BITWISE_LEN');
    const op = optBe32(m, NFTA_BITWISE.NFTA_BITWISE_OP) ?? NFT_BITWISE_OP.NFT_BITWISE_MASK_XOR;
    if (op === NFT_BITWISE_OP.NFT_BITWISE_MASK_XOR) {
      return {
        kind: 'bitwise', op: 'mask-xor', sreg, dreg, len,
        mask: readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_MASK, 'NFTA_BITWISE_MASK'), 'NFTA_BITWISE_MASK'),
        xor: readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_XOR, 'NFTA_BITWISE_XOR'), 'NFTA_BITWISE_XOR'),
      };
    }
    const shiftBytes = readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_DATA, 'NFTA_BITWISE_DATA'), 'NFTA_BITWISE_DATA');
    const shift = new DataView(shiftBytes.buffer, shiftBytes.byteOffset, shiftBytes.byteLength).getUint32(0, false);
    if (op === NFT_BITWISE_OP.NFT_BITWISE_LSHIFT) return { kind: 'bitwise', op: 'lshift', sreg, dreg, len, shift };
    if (op === NFT_BITWISE_OP.NFT_BITWISE_RSHIFT) return { kind: 'bitwise', op: 'rshift', sreg, dreg, len, shift };
    throw new NetlinkDecodeError('nf_tables bitwise expression', 0, 'an operation nslab knows (mask-xor, lshift, rshift)', `operation ${op}`);
  },
  debug(e: BitwiseExpr): string {
    if (e.op === 'mask-xor') return `reg ${e.dreg} = ( reg ${e.sreg} & ${debugValue(e.mask)} ) ^ ${debugValue(e.xor)}`;
    const shift = new Uint8Array(4);
    new DataView(shift.buffer).setUint32(0, e.shift, false);
    return `reg ${e.dreg} = ( reg ${e.sreg} ${e.op === 'lshift' ? '<<' : '>>'} ${debugValue(shift)} )`;
  },
};

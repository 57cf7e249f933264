import { NetlinkDecodeError } from '../../netlink/decode-error.js';
import { read } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';

/**
 * What every expression file provides: its name on the wire (NFTA_EXPR_NAME),
 * an encoder for the attributes inside NFTA_EXPR_DATA, the decoder for them,
 * and the line libnftnl prints for it under `nft --debug=netlink`
 * ("[ meta load oifname => reg 1 ]" without the brackets), which lets tests
 * compare against Debian's nft.
 */
export interface ExprCodec<E> {
  readonly name: string;
  encode(w: Writer, e: E): void;
  decode(data: Uint8Array): E;
  debug(e: E): string;
}

/** A required attribute, or a NetlinkDecodeError naming it. */
export function must(m: Map<number, Uint8Array>, type: number, what: string): Uint8Array {
  const v = m.get(type);
  if (!v) throw new NetlinkDecodeError('nf_tables expression', 0, what, 'the attribute is missing');
  return v;
}

export function be32Of(m: Map<number, Uint8Array>, type: number, what: string): number {
  return read.be32(must(m, type, what));
}

export function optBe32(m: Map<number, Uint8Array>, type: number): number | undefined {
  const v = m.get(type);
  return v ? read.be32(v) : undefined;
}

/** Look a name up in a name→number table; unknown numbers stay numbers. */
export function nameOf<K extends string>(table: Readonly<Record<K, number>>, n: number): K | number {
  for (const [k, v] of Object.entries(table) as [K, number][]) if (v === n) return k;
  return n;
}

export function numberOf<K extends string>(table: Readonly<Record<K, number>>, k: K | number): number {
  return typeof k === 'number' ? k : table[k];
}

/** Check a register number is one the kernel accepts for data (1–4, 8–23). */
export function checkDataReg(reg: number, what: string): number {
  if (!Number.isInteger(reg) || !((reg >= 1 && reg <= 4) || (reg >= 8 && reg <= 23))) {
    throw new RangeError(`${what} register ${reg} is not a data register (1–4 or 8–23)`);
  }
  return reg;
}

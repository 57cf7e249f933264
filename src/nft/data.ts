import { NetlinkDecodeError } from '../netlink/decode-error.js';
import { attrMap, parseAttrs, read } from '../netlink/attributes.js';
import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import type { Writer } from '../netlink/writer.js';
import { NF_VERDICT, NFT_DATA_VALUE_MAXLEN, NFT_VERDICT, NFTA_DATA, NFTA_VERDICT } from './constants.js';

/**
 * struct nft_data as it travels: a nest holding either NFTA_DATA_VALUE (raw
 * bytes, network order as the packet has them) or NFTA_DATA_VERDICT (a nest
 * with a be32 verdict code and, for jump/goto, the target chain's name).
 */

/** A verdict: what a rule does with the packet. */
export type Verdict =
  | { readonly code: 'accept' | 'drop' | 'continue' | 'break' | 'return' | 'queue' | 'stolen' | 'repeat' }
  | { readonly code: 'jump' | 'goto'; readonly chain: string }
  | { readonly code: number };

const CODE_NUMBER = {
  accept: NF_VERDICT.NF_ACCEPT,
  drop: NF_VERDICT.NF_DROP,
  stolen: NF_VERDICT.NF_STOLEN,
  queue: NF_VERDICT.NF_QUEUE,
  repeat: NF_VERDICT.NF_REPEAT,
  continue: NFT_VERDICT.NFT_CONTINUE,
  break: NFT_VERDICT.NFT_BREAK,
  jump: NFT_VERDICT.NFT_JUMP,
  goto: NFT_VERDICT.NFT_GOTO,
  return: NFT_VERDICT.NFT_RETURN,
} as const;

export function verdictNumber(v: Verdict): number {
  return typeof v.code === 'number' ? v.code : CODE_NUMBER[v.code];
}

function verdictFromNumber(n: number, chain: string | undefined): Verdict {
  for (const [name, num] of Object.entries(CODE_NUMBER)) {
    if (num !== n) continue;
    if (name === 'jump' || name === 'goto') return { code: name, chain: chain ?? '' };
    return { code: name as Exclude<keyof typeof CODE_NUMBER, 'jump' | 'goto'> };
  }
  return { code: n };
}

/** Write the contents of a data nest holding a value. */
export function writeValue(w: Writer, bytes: Uint8Array): void {
  if (bytes.length === 0 || bytes.length > NFT_DATA_VALUE_MAXLEN) {
    throw new RangeError(`an nf_tables value must be 1–${NFT_DATA_VALUE_MAXLEN} bytes, got ${bytes.length}`);
  }
  w.attrBytes(NFTA_DATA.NFTA_DATA_VALUE, bytes);
}

/** Write the contents of a data nest holding a verdict. */
export function writeVerdict(w: Writer, v: Verdict): void {
  w.nest(
    NFTA_DATA.NFTA_DATA_VERDICT,
    () => {
      w.attrBe32(NFTA_VERDICT.NFTA_VERDICT_CODE, verdictNumber(v));
      if ('chain' in v) w.attrString(NFTA_VERDICT.NFTA_VERDICT_CHAIN, v.chain);
    },
    true,
  );
}

export type Data = { readonly value: Uint8Array } | { readonly verdict: Verdict };

/** Decode the contents of a data nest. */
export function readData(nest: Uint8Array): Data {
  for (const a of parseAttrs(nest)) {
    if (a.type === NFTA_DATA.NFTA_DATA_VALUE) return { value: Uint8Array.from(a.data) };
    if (a.type === NFTA_DATA.NFTA_DATA_VERDICT) {
      const m = attrMap(a.data);
      const code = m.get(NFTA_VERDICT.NFTA_VERDICT_CODE);
      if (!code) throw new NetlinkDecodeError('nf_tables verdict', 0, 'NFTA_VERDICT_CODE', 'the attribute is missing');
      const chain = m.get(NFTA_VERDICT.NFTA_VERDICT_CHAIN);
      return { verdict: verdictFromNumber(read.be32(code) | 0, chain ? read.string(chain) : undefined) };
    }
  }
  throw new NetlinkDecodeError('nf_tables data nest', 0, 'NFTA_DATA_VALUE or NFTA_DATA_VERDICT', 'it holds neither');
}

export function readValue(nest: Uint8Array, what: string): Uint8Array {
  const d = readData(nest);
  if (!('value' in d)) throw new NetlinkDecodeError('nf_tables data nest', 0, `a value in ${what}`, 'it holds a verdict');
  return d.value;
}

/** A verdict as nft writes it: "accept", "jump lan_in". */
export function formatVerdict(v: Verdict): string {
  if (typeof v.code === 'number') return `verdict ${v.code}`;
  return 'chain' in v ? `${v.code} ${v.chain}` : v.code;
}

/**
 * A value the way libnftnl's debug output (`nft --debug=netlink`) prints it:
 * 32-bit words in host order, "0x0a000001 0x00000000".
 */
export function debugValue(bytes: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    const word = new Uint8Array(4);
    word.set(bytes.subarray(i, i + 4));
    const n = new DataView(word.buffer).getUint32(0, HOST_LITTLE_ENDIAN);
    words.push(`0x${n.toString(16).padStart(8, '0')}`);
  }
  return words.join(' ');
}

/**
 * User data (NFTA_TABLE_USERDATA, NFTA_CHAIN_USERDATA, NFTA_RULE_USERDATA):
 * opaque to the kernel, a list of libnftnl TLVs (u8 type, u8 length, value)
 * to nft. Type 0 is the comment in all three (NFTNL_UDATA_*_COMMENT), a
 * NUL-terminated string that `nft list ruleset` prints as `comment "…"`.
 */

const UDATA_COMMENT = 0;
/** NFTNL_UDATA_COMMENT_MAXLEN */
export const COMMENT_MAXLEN = 128;

export function encodeComment(comment: string): Uint8Array {
  const text = new TextEncoder().encode(comment);
  if (text.includes(0)) throw new TypeError('an nf_tables comment cannot contain a NUL character');
  if (text.length + 1 > COMMENT_MAXLEN) {
    throw new RangeError(`an nf_tables comment is at most ${COMMENT_MAXLEN - 1} bytes, got ${text.length}`);
  }
  const out = new Uint8Array(2 + text.length + 1);
  out[0] = UDATA_COMMENT;
  out[1] = text.length + 1;
  out.set(text, 2);
  return out;
}

/** The comment in a user-data blob, if it has one. */
export function decodeComment(udata: Uint8Array): string | undefined {
  let off = 0;
  while (off + 2 <= udata.length) {
    const type = udata[off] as number;
    const len = udata[off + 1] as number;
    const value = udata.subarray(off + 2, Math.min(udata.length, off + 2 + len));
    if (type === UDATA_COMMENT) {
      const nul = value.indexOf(0);
      return new TextDecoder().decode(nul < 0 ? value : value.subarray(0, nul));
    }
    off += 2 + len;
  }
  return undefined;
}

import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { NLA_F_NESTED, NLA_HDRLEN, NLA_TYPE_MASK, align4 } from './constants.js';
import { NetlinkDecodeError } from './decode-error.js';

/** One decoded attribute: its type (flags stripped) and a view of its payload. */
export interface Attr {
  readonly type: number;
  readonly nested: boolean;
  readonly data: Uint8Array;
}

/**
 * Split a run of attributes. Throws RangeError on a length that runs past the
 * end, so a truncated message never reads out of bounds.
 */
export function parseAttrs(buf: Uint8Array): Attr[] {
  const out: Attr[] = [];
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let off = 0;
  while (off + NLA_HDRLEN <= buf.length) {
    const len = view.getUint16(off, HOST_LITTLE_ENDIAN);
    const rawType = view.getUint16(off + 2, HOST_LITTLE_ENDIAN);
    if (len < NLA_HDRLEN || off + len > buf.length) {
      throw new NetlinkDecodeError('netlink attribute', off, `at most ${buf.length - off} bytes`, `its length ${len} runs past the ${buf.length}-byte payload`);
    }
    out.push({
      type: rawType & NLA_TYPE_MASK,
      nested: (rawType & NLA_F_NESTED) !== 0,
      data: buf.subarray(off + NLA_HDRLEN, off + len),
    });
    off += align4(len);
  }
  return out;
}

/** Attributes keyed by type; the last one wins, as in the kernel's nla_parse. */
export function attrMap(buf: Uint8Array): Map<number, Uint8Array> {
  const m = new Map<number, Uint8Array>();
  for (const a of parseAttrs(buf)) m.set(a.type, a.data);
  return m;
}

function viewOf(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
function need(b: Uint8Array, n: number, what: string): void {
  if (b.length < n) throw new NetlinkDecodeError('netlink attribute', 0, `${n} bytes for ${what}`, `the attribute has ${b.length}`);
}

export const read = {
  u8(b: Uint8Array): number {
    need(b, 1, 'u8');
    return b[0] as number;
  },
  u16(b: Uint8Array): number {
    need(b, 2, 'u16');
    return viewOf(b).getUint16(0, HOST_LITTLE_ENDIAN);
  },
  u32(b: Uint8Array): number {
    need(b, 4, 'u32');
    return viewOf(b).getUint32(0, HOST_LITTLE_ENDIAN);
  },
  i32(b: Uint8Array): number {
    need(b, 4, 'i32');
    return viewOf(b).getInt32(0, HOST_LITTLE_ENDIAN);
  },
  u64(b: Uint8Array): bigint {
    need(b, 8, 'u64');
    return viewOf(b).getBigUint64(0, HOST_LITTLE_ENDIAN);
  },
  be16(b: Uint8Array): number {
    need(b, 2, 'be16');
    return viewOf(b).getUint16(0, false);
  },
  be32(b: Uint8Array): number {
    need(b, 4, 'be32');
    return viewOf(b).getUint32(0, false);
  },
  be64(b: Uint8Array): bigint {
    need(b, 8, 'be64');
    return viewOf(b).getBigUint64(0, false);
  },
  /** A string attribute, stopping at the first NUL. */
  string(b: Uint8Array): string {
    const nul = b.indexOf(0);
    return new TextDecoder().decode(nul < 0 ? b : b.subarray(0, nul));
  },
};

import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { NLA_F_NESTED, NLA_HDRLEN, align4 } from './constants.js';

/**
 * A growable byte buffer for one netlink message. Integers are written in
 * host order unless the method name says big-endian (`be16`, `be32`), which is
 * what nf_tables and network addresses need. Nested attributes reserve their
 * header and patch its length when closed (`beginAttr`/`endAttr`).
 */
export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  private len = 0;

  constructor(initialSize = 256) {
    this.buf = new Uint8Array(initialSize);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.len;
  }

  /** Grow if needed and claim n bytes; callers must read `this.view`/`this.buf` only after this returns. */
  private reserve(n: number): number {
    const at = this.len;
    const need = at + n;
    if (need > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < need) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    this.len = need;
    return at;
  }

  u8(v: number): this {
    const at = this.reserve(1);
    this.view.setUint8(at, v);
    return this;
  }
  u16(v: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, v, HOST_LITTLE_ENDIAN);
    return this;
  }
  u32(v: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, v >>> 0, HOST_LITTLE_ENDIAN);
    return this;
  }
  i32(v: number): this {
    const at = this.reserve(4);
    this.view.setInt32(at, v, HOST_LITTLE_ENDIAN);
    return this;
  }
  u64(v: bigint): this {
    const at = this.reserve(8);
    this.view.setBigUint64(at, v, HOST_LITTLE_ENDIAN);
    return this;
  }
  be16(v: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, v, false);
    return this;
  }
  be32(v: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, v >>> 0, false);
    return this;
  }
  be64(v: bigint): this {
    const at = this.reserve(8);
    this.view.setBigUint64(at, v, false);
    return this;
  }
  bytes(b: Uint8Array): this {
    const at = this.reserve(b.length);
    this.buf.set(b, at);
    return this;
  }
  zeros(n: number): this {
    const at = this.reserve(n);
    this.buf.fill(0, at, this.len);
    return this;
  }
  /** Pad with zeros to the next 4-byte boundary. */
  pad(): this {
    return this.zeros(align4(this.len) - this.len);
  }

  /** Overwrite a u32 (host order) already written, e.g. a length. */
  patchU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0, HOST_LITTLE_ENDIAN);
  }
  patchU16(at: number, v: number): void {
    this.view.setUint16(at, v, HOST_LITTLE_ENDIAN);
  }

  // --- attributes (struct nlattr { u16 nla_len; u16 nla_type; }) ---

  /** An attribute whose payload the callback writes; padded after. */
  attr(type: number, payload: (w: this) => void): this {
    const at = this.reserve(NLA_HDRLEN);
    this.patchU16(at + 2, type);
    payload(this);
    this.patchU16(at, this.len - at);
    return this.pad();
  }
  /** Open a nested attribute (NLA_F_NESTED set when `flagged`). */
  beginAttr(type: number, flagged = false): number {
    const at = this.reserve(NLA_HDRLEN);
    this.patchU16(at + 2, flagged ? type | NLA_F_NESTED : type);
    return at;
  }
  endAttr(at: number): this {
    this.patchU16(at, this.len - at);
    return this.pad();
  }
  nest(type: number, body: (w: this) => void, flagged = false): this {
    const at = this.beginAttr(type, flagged);
    body(this);
    return this.endAttr(at);
  }

  attrU8(type: number, v: number): this {
    return this.attr(type, (w) => w.u8(v));
  }
  attrU16(type: number, v: number): this {
    return this.attr(type, (w) => w.u16(v));
  }
  attrU32(type: number, v: number): this {
    return this.attr(type, (w) => w.u32(v));
  }
  attrI32(type: number, v: number): this {
    return this.attr(type, (w) => w.i32(v));
  }
  attrBe16(type: number, v: number): this {
    return this.attr(type, (w) => w.be16(v));
  }
  attrBe32(type: number, v: number): this {
    return this.attr(type, (w) => w.be32(v));
  }
  attrBe64(type: number, v: bigint): this {
    return this.attr(type, (w) => w.be64(v));
  }
  attrBytes(type: number, b: Uint8Array): this {
    return this.attr(type, (w) => w.bytes(b));
  }
  /** A NUL-terminated string attribute (NLA_STRING / NLA_NUL_STRING). */
  attrString(type: number, s: string): this {
    return this.attr(type, (w) => w.bytes(new TextEncoder().encode(s)).u8(0));
  }
  /** A zero-length attribute (NLA_FLAG). */
  attrFlag(type: number): this {
    return this.attr(type, () => undefined);
  }

  /** The bytes written so far (a copy, safe to keep). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

import { NetlinkDecodeError } from '../../src/netlink/decode-error.js';
import { describe, expect, it } from 'vitest';
import { attrMap, parseAttrs, read } from '../../src/netlink/attributes.js';
import { HOST_LITTLE_ENDIAN } from '../../src/os/byteorder.js';
import { encodeMessage, parseMessages } from '../../src/netlink/message.js';
import { Writer } from '../../src/netlink/writer.js';
import { fromHex, toHex } from '../helpers/hex.js';

describe.runIf(HOST_LITTLE_ENDIAN)('parseAttrs()', () => {
  it('splits attributes, skipping each one’s padding', () => {
    const attrs = parseAttrs(fromHex('05000100 aa000000 07000300 76300000 08000400 dc050000'));
    expect(attrs.map((a) => [a.type, toHex(a.data)])).toEqual([
      [1, 'aa'],
      [3, '763000'],
      [4, 'dc050000'],
    ]);
  });

  it('reports NLA_F_NESTED and strips it and NLA_F_NET_BYTEORDER from the type', () => {
    const [a, b] = parseAttrs(fromHex('08000180 01000000 08000240 00000001'));
    expect(a).toMatchObject({ type: 1, nested: true });
    expect(b).toMatchObject({ type: 2, nested: false });
  });

  it('gives views into the buffer, not copies', () => {
    const buf = fromHex('08000100 01020304');
    const [a] = parseAttrs(buf);
    expect(a?.data.buffer).toBe(buf.buffer);
    expect(a?.data.byteOffset).toBe(4);
  });

  it('works on a subarray that does not start at offset 0 of its buffer', () => {
    const outer = fromHex('ffffffff 08000900 2a000000');
    const [a] = parseAttrs(outer.subarray(4));
    expect(a?.type).toBe(9);
    expect(read.u32(a?.data ?? new Uint8Array())).toBe(42);
  });

  it('accepts an empty payload and ignores a tail too short for a header', () => {
    expect(parseAttrs(new Uint8Array())).toEqual([]);
    expect(parseAttrs(fromHex('08000100 01000000 0000'))).toHaveLength(1);
  });

  it('accepts a last attribute whose padding was left off', () => {
    expect(parseAttrs(fromHex('05000100 aa'))[0]?.data.length).toBe(1);
  });

  it('throws RangeError for an attribute that runs past the end (a truncated message)', () => {
    expect(() => parseAttrs(fromHex('08000100 010000'))).toThrow(NetlinkDecodeError);
    expect(() => parseAttrs(fromHex('08000100 01000000 0c000200 01000000'))).toThrow(/netlink attribute the kernel sent: its length 12 runs past the 16-byte payload \(at byte 8/);
  });

  it('throws RangeError for a length shorter than the attribute header', () => {
    expect(() => parseAttrs(fromHex('02000100 00000000'))).toThrow(RangeError);
    // a zero length would otherwise loop forever
    expect(() => parseAttrs(fromHex('00000100'))).toThrow(RangeError);
  });
});

describe.runIf(HOST_LITTLE_ENDIAN)('attrMap() and read', () => {
  it('keys attributes by type; a repeated type keeps the last, as nla_parse does', () => {
    const m = attrMap(fromHex('08000100 01000000 08000100 02000000'));
    expect(m.size).toBe(1);
    expect(read.u32(m.get(1) ?? new Uint8Array())).toBe(2);
  });

  it('reads integers in host order and be* big-endian', () => {
    const b = fromHex('01020304 05060708');
    expect(read.u8(b)).toBe(1);
    expect(read.u16(b)).toBe(0x0201);
    expect(read.u32(b)).toBe(0x04030201);
    expect(read.i32(fromHex('feffffff'))).toBe(-2);
    expect(read.u64(b)).toBe(0x0807060504030201n);
    expect(read.be16(b)).toBe(0x0102);
    expect(read.be32(b)).toBe(0x01020304);
    expect(read.be64(b)).toBe(0x0102030405060708n);
  });

  it('reads a string up to its NUL, or all of it without one', () => {
    expect(read.string(fromHex('76657468 00000000'))).toBe('veth');
    expect(read.string(fromHex('76657468'))).toBe('veth');
  });

  it('throws RangeError when an attribute is too short for the integer asked for', () => {
    expect(() => read.u32(fromHex('010203'))).toThrow(RangeError);
    expect(() => read.u64(fromHex('01020304'))).toThrow(/expected 8 bytes for u64\); a kernel newer/);
    expect(() => read.u8(new Uint8Array())).toThrow(RangeError);
  });
});

describe.runIf(HOST_LITTLE_ENDIAN)('encodeMessage() and parseMessages()', () => {
  const body = new Writer().u32(7).attrString(3, 'lo').finish();

  it('frames a body with nlmsghdr: length, type, flags, seq, pid', () => {
    const m = encodeMessage({ type: 16, flags: 0x605, body }, 0x01020304, 99);
    expect(toHex(m.subarray(0, 16))).toBe('1c000000 10000506 04030201 63000000');
    expect(m.subarray(16)).toEqual(body);
  });

  it('pads an odd-sized body but keeps nlmsg_len exact', () => {
    const m = encodeMessage({ type: 1, flags: 1, body: Uint8Array.from([1, 2, 3]) }, 1);
    expect(m.length).toBe(20);
    expect(new DataView(m.buffer).getUint32(0, true)).toBe(19);
  });

  it('splits a datagram of several messages and gives back what was encoded', () => {
    const a = encodeMessage({ type: 16, flags: 5, body }, 1);
    const b = encodeMessage({ type: 17, flags: 5, body: Uint8Array.from([9]) }, 2, 7);
    const dgram = new Uint8Array(a.length + b.length);
    dgram.set(a);
    dgram.set(b, a.length);
    const [ma, mb, ...rest] = parseMessages(dgram);
    expect(rest).toEqual([]);
    expect(ma?.header).toEqual({ length: 28, type: 16, flags: 5, seq: 1, pid: 0 });
    expect(ma?.payload).toEqual(body);
    expect(mb?.header).toEqual({ length: 17, type: 17, flags: 5, seq: 2, pid: 7 });
    expect(mb?.payload).toEqual(Uint8Array.from([9]));
  });

  it('throws RangeError for a message longer than the datagram (truncated receive)', () => {
    const m = encodeMessage({ type: 16, flags: 5, body }, 1);
    expect(() => parseMessages(m.subarray(0, m.length - 4))).toThrow(RangeError);
    expect(() => parseMessages(m.subarray(0, m.length - 4))).toThrow(/its header claims 28 bytes, the datagram has 24 left/);
  });

  it('throws RangeError for nlmsg_len shorter than the header (never loops)', () => {
    expect(() => parseMessages(fromHex('00000000 02000000 00000000 00000000'))).toThrow(RangeError);
    expect(() => parseMessages(fromHex('0f000000 02000000 00000000 00000000'))).toThrow(RangeError);
  });

  it('ignores a tail shorter than a header', () => {
    const m = encodeMessage({ type: 3, flags: 2, body: new Uint8Array(4) }, 1);
    const dgram = new Uint8Array(m.length + 8);
    dgram.set(m);
    expect(parseMessages(dgram)).toHaveLength(1);
  });
});

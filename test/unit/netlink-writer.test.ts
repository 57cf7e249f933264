import { describe, expect, it } from 'vitest';
import { HOST_LITTLE_ENDIAN } from '../../src/os/byteorder.js';
import { parseAttrs } from '../../src/netlink/attributes.js';
import { NLA_F_NESTED } from '../../src/netlink/constants.js';
import { Writer } from '../../src/netlink/writer.js';
import { expectSameBytes, fromHex, toHex } from '../helpers/hex.js';

// Expected bytes are written for a little-endian host (x86-64, arm64), like the golden fixtures.
describe.runIf(HOST_LITTLE_ENDIAN)('Writer', () => {
  it('writes integers in host order and be* integers big-endian', () => {
    const w = new Writer();
    w.u8(0x01).u8(0x02).u16(0x0304).u32(0x05060708).i32(-2).be16(0x0a0b).be32(0x0c0d0e0f);
    w.u64(0x1122334455667788n).be64(0x1122334455667788n);
    expect(toHex(w.finish())).toBe('01020403 08070605 feffffff 0a0b0c0d 0e0f8877 66554433 22111122 33445566 7788');
  });

  it('writes u32 values above 2^31 and negative numbers as their 32-bit pattern', () => {
    expect(toHex(new Writer().u32(0xfffffffe).u32(-1).finish())).toBe('feffffff ffffffff');
  });

  it('pads every attribute to 4 bytes with zeros, and nla_len excludes the padding', () => {
    const w = new Writer();
    w.attrU8(1, 0xaa).attrU16(2, 0xbbbb).attrU32(3, 0xcccccccc).attrString(4, 'v0').attrFlag(5).attrBytes(6, Uint8Array.from([1, 2, 3, 4, 5]));
    expectSameBytes(
      w.finish(),
      fromHex(
        '05000100 aa000000' + // u8: len 5, 3 pad bytes
          '06000200 bbbb0000' + // u16: len 6, 2 pad bytes
          '08000300 cccccccc' + // u32: no padding
          '07000400 76300000' + // "v0\0": len 7, 1 pad byte
          '04000500' + // flag: header only
          '09000600 01020304 05000000', // 5 bytes: len 9, 3 pad bytes
      ),
      'attributes',
    );
  });

  it('closes a nest with a length covering its padded contents', () => {
    const w = new Writer();
    w.nest(18, () => {
      w.attrString(1, 'veth');
      w.nest(2, () => w.attrU8(3, 7));
    });
    expectSameBytes(w.finish(), fromHex('1c001200 09000100 76657468 00000000 0c000200 05000300 07000000'), 'nested attributes');
  });

  it('marks a nest NLA_F_NESTED only when asked, and parseAttrs strips the flag from the type', () => {
    const w = new Writer();
    w.nest(7, () => w.attrU32(1, 1), true);
    w.nest(8, () => w.attrU32(1, 1));
    const [flagged, plain] = parseAttrs(w.finish());
    expect(flagged).toMatchObject({ type: 7, nested: true });
    expect(plain).toMatchObject({ type: 8, nested: false });
    expect(toHex(w.finish().subarray(0, 4))).toBe(`0c00${((7 | NLA_F_NESTED) & 0xff).toString(16).padStart(2, '0')}80`);
  });

  it('supports beginAttr/endAttr for nests built in steps', () => {
    const w = new Writer();
    const at = w.beginAttr(26);
    const inner = w.beginAttr(10);
    w.attrU8(8, 1);
    w.endAttr(inner);
    w.endAttr(at);
    expect(toHex(w.finish())).toBe('10001a00 0c000a00 05000800 01000000');
  });

  it('an empty nest is just its header', () => {
    expect(toHex(new Writer().nest(2, () => undefined).finish())).toBe('04000200');
  });

  // Every write must take its offset from reserve() before touching the view,
  // which reserve() may replace with a bigger one.
  it('grows past its initial size without losing what was written', () => {
    const w = new Writer(4);
    for (let i = 0; i < 100; i++) w.attrU32(1, i);
    const attrs = parseAttrs(w.finish());
    expect(attrs).toHaveLength(100);
    expect(attrs.map((a) => new DataView(a.data.buffer, a.data.byteOffset).getUint32(0, true))).toEqual([...Array(100).keys()]);
    expect(w.length).toBe(800);
  });

  it('patches lengths in place', () => {
    const w = new Writer();
    w.u32(0).u16(0).u16(0);
    w.patchU32(0, 0x11223344);
    w.patchU16(4, 0x5566);
    expect(toHex(w.finish())).toBe('44332211 66550000');
  });

  it('finish() returns a copy that later writes do not change', () => {
    const w = new Writer();
    w.u32(1);
    const first = w.finish();
    w.patchU32(0, 2);
    w.u32(3);
    expect(toHex(first)).toBe('01000000');
    expect(toHex(w.finish())).toBe('02000000 03000000');
  });

  it('grows for one write larger than the whole buffer', () => {
    const big = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const w = new Writer();
    w.attrBytes(1, big);
    expect(parseAttrs(w.finish())[0]?.data).toEqual(big);
  });

  it('pad() aligns to 4 bytes with zeros, and zeros(n) adds n of them', () => {
    const w = new Writer(8);
    w.u8(0xff).pad();
    expect(w.finish().length).toBe(4);
    w.zeros(3).u8(0xee).pad();
    expect(toHex(w.finish())).toBe('ff000000 000000ee');
  });
});

import { describe, expect, it } from 'vitest';
import { isIP, SocketAddress } from 'node:net';
import { createHash } from 'node:crypto';
import { stableMac } from '../../src/inet/mac.js';
import { sha256 } from '../../src/inet/sha256.js';
import { contains, formatCidr, formatIp, networkOf, parseCidr, parseIp } from '../../src/inet/ip.js';
import { toHex } from '../helpers/hex.js';

const bytesOf = (text: string): string => toHex(parseIp(text).bytes);

describe('parseIp()', () => {
  it('reads IPv4 as four bytes in network order', () => {
    expect(parseIp('10.0.1.254')).toEqual({ family: 4, bytes: Uint8Array.from([10, 0, 1, 254]) });
    expect(bytesOf('255.255.255.255')).toBe('ffffffff');
  });

  it('reads IPv6 in full, compressed and leading-zero forms as sixteen bytes', () => {
    const want = '20010db8 00000000 00000000 00000001';
    expect(bytesOf('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe(want);
    expect(bytesOf('2001:db8::1')).toBe(want);
    expect(bytesOf('2001:DB8::1')).toBe(want);
    expect(parseIp('fd00::1').family).toBe(6);
  });

  it('expands "::" wherever it stands', () => {
    expect(bytesOf('::')).toBe('00000000 00000000 00000000 00000000');
    expect(bytesOf('::1')).toBe('00000000 00000000 00000000 00000001');
    expect(bytesOf('fe80::')).toBe('fe800000 00000000 00000000 00000000');
    expect(bytesOf('1:2:3:4:5:6:7::')).toBe('00010002 00030004 00050006 00070000');
    expect(bytesOf('::2:3:4:5:6:7:8')).toBe('00000002 00030004 00050006 00070008');
    expect(bytesOf('1:2:3::6:7:8')).toBe('00010002 00030000 00000006 00070008');
  });

  it('reads an embedded IPv4 tail as the last four bytes', () => {
    expect(bytesOf('::ffff:192.0.2.1')).toBe('00000000 00000000 0000ffff c0000201');
    expect(bytesOf('64:ff9b::10.0.0.1')).toBe('0064ff9b 00000000 00000000 0a000001');
  });

  it('drops a zone index (fe80::1%eth0 is the address fe80::1)', () => {
    expect(parseIp('fe80::1%eth0')).toEqual(parseIp('fe80::1'));
  });

  it.each([
    ['10.0.0.256'],
    ['10.0.0'],
    ['01.2.3.4'],
    [' 10.0.0.1'],
    ['10.0.0.1/24'],
    ['1::2::3'],
    ['1:2:3:4:5:6:7:8:9'],
    ['fd00::g'],
    [''],
    ['localhost'],
  ])('refuses %j with a TypeError naming it', (text) => {
    expect(() => parseIp(text)).toThrow(TypeError);
    expect(() => parseIp(text)).toThrow(`'${text}'`);
  });
});

describe('parseCidr()', () => {
  it('reads an address with its prefix length', () => {
    const c = parseCidr('10.0.1.1/24');
    expect(c).toEqual({ family: 4, bytes: Uint8Array.from([10, 0, 1, 1]), prefix: 24 });
    expect(parseCidr('fd00:1::/64').prefix).toBe(64);
    expect(parseCidr('0.0.0.0/0').prefix).toBe(0);
  });

  it('gives a bare address the full-length prefix', () => {
    expect(parseCidr('10.0.0.1').prefix).toBe(32);
    expect(parseCidr('fd00::1').prefix).toBe(128);
  });

  it('keeps host bits (10.0.1.1/24 is an address on a network, not the network)', () => {
    expect(formatCidr(parseCidr('10.0.1.1/24'))).toBe('10.0.1.1/24');
  });

  it.each([['10.0.0.0/33'], ['fd00::/129'], ['10.0.0.0/'], ['10.0.0.0/-1'], ['10.0.0.0/x'], ['10.0.0.0/24/1'], ['10.0.0.0/1000']])(
    'refuses the prefix length in %j with a TypeError',
    (text) => {
      expect(() => parseCidr(text)).toThrow(TypeError);
      expect(() => parseCidr(text)).toThrow(/prefix length/);
    },
  );

  it('refuses a bad address before looking at the prefix', () => {
    expect(() => parseCidr('10.0.0.300/24')).toThrow("'10.0.0.300'");
  });
});

describe('formatIp() writes IPv6 as RFC 5952 says', () => {
  it.each([
    // §4.1 no leading zeros; §4.3 lower case
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1'],
    // §4.2.1 "::" as long as possible
    ['2001:db8:0:0:0:0:2:1', '2001:db8::2:1'],
    // §4.2.2 not for a single zero group
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    // §4.2.3 the longest run; the first of equal runs
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    // runs at either end, and the extremes
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['fe80:0:0:0:1:0:0:0', 'fe80::1:0:0:0'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    // §5 IPv4-mapped keeps its dotted tail
    ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'],
  ])('%s → %s', (input, want) => {
    expect(formatIp(parseIp(input))).toBe(want);
  });

  it('writes IPv4 as dotted decimal and takes bare bytes too', () => {
    expect(formatIp(parseIp('192.0.2.1'))).toBe('192.0.2.1');
    expect(formatIp(Uint8Array.from([10, 0, 0, 1]))).toBe('10.0.0.1');
  });

  it('gives back what parseIp read, for a spread of addresses', () => {
    for (const text of ['10.0.0.1', '0.0.0.0', 'fd00:1::1', 'fe80::1c2:3ff:fe04:506', '::', '2001:db8::1:0:0:1']) {
      expect(formatIp(parseIp(text))).toBe(text);
    }
  });
});

describe('networkOf()', () => {
  it.each([
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['10.1.2.3/20', '10.1.0.0/20'],
    ['10.1.2.3/32', '10.1.2.3/32'],
    ['10.1.2.3/0', '0.0.0.0/0'],
    ['192.168.1.129/25', '192.168.1.128/25'],
    ['fd00:1:2:3::5/48', 'fd00:1:2::/48'],
    ['fd00:1:2:ffff::5/61', 'fd00:1:2:fff8::/61'],
    ['fd00::1/0', '::/0'],
    ['fd00::1/128', 'fd00::1/128'],
  ])('%s is on network %s', (input, want) => {
    expect(formatCidr(networkOf(parseCidr(input)))).toBe(want);
  });

  it('leaves its argument alone', () => {
    const c = parseCidr('10.1.2.3/8');
    networkOf(c);
    expect(formatCidr(c)).toBe('10.1.2.3/8');
  });
});

describe('contains()', () => {
  it('is true for addresses inside the network, edges included', () => {
    const net = parseCidr('10.0.1.0/24');
    expect(contains(net, parseIp('10.0.1.0'))).toBe(true);
    expect(contains(net, parseIp('10.0.1.255'))).toBe(true);
    expect(contains(parseCidr('fd00:1::/64'), parseIp('fd00:1::ffff:1'))).toBe(true);
  });

  it('is false just outside', () => {
    expect(contains(parseCidr('10.0.1.0/24'), parseIp('10.0.2.0'))).toBe(false);
    expect(contains(parseCidr('10.0.1.0/24'), parseIp('10.0.0.255'))).toBe(false);
    expect(contains(parseCidr('fd00:1::/64'), parseIp('fd00:2::1'))).toBe(false);
  });

  it('uses only the network part of a net given with host bits', () => {
    expect(contains(parseCidr('10.0.1.77/24'), parseIp('10.0.1.3'))).toBe(true);
  });

  it('never matches across families, not even /0', () => {
    expect(contains(parseCidr('0.0.0.0/0'), parseIp('::1'))).toBe(false);
    expect(contains(parseCidr('::/0'), parseIp('10.0.0.1'))).toBe(false);
    expect(contains(parseCidr('::/0'), parseIp('fd00::1'))).toBe(true);
  });

  it('a /32 or /128 holds only itself', () => {
    expect(contains(parseCidr('10.0.0.1/32'), parseIp('10.0.0.1'))).toBe(true);
    expect(contains(parseCidr('10.0.0.1/32'), parseIp('10.0.0.2'))).toBe(false);
    expect(contains(parseCidr('fd00::1/128'), parseIp('fd00::2'))).toBe(false);
  });
});

describe('parseIp() against Node’s net.isIP', () => {
  // A spread of near-addresses: what a person types, mistypes, and the corners of the grammar.
  const corners = [
    '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', '1..3.4', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.-4', '+1.2.3.4', '١.٢.٣.٤',
    '::', '::1', '1::', '1::2', ':1::2', '1::2:', ':::', '1:::2', '1::2::3', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
    '::1:2:3:4:5:6:7:8', '12345::1', 'g::1', 'fe80::1%eth0', 'fe80::1%', 'fe80::1%a b', '::ffff:1.2.3.4', '::ffff:1.2.3.256', '1.2.3.4::', '::1.2.3.4:1', '1:2:3:4:5:6:1.2.3.4',
    '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', 'FD00::ABCD', 'fd00:0:0:0:0:0:0:1', '', '.', ':', '1.2.3.4/24', '[::1]',
  ];
  it('accepts and refuses what net.isIP does, on corners and random strings', () => {
    const alphabet = '0123456789abcdefABCDEFg.:%';
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const random = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + rnd(20) }, () => alphabet[rnd(alphabet.length)]).join(''));
    for (const text of [...corners, ...random]) {
      let ours: number | undefined;
      try {
        ours = parseIp(text).family;
      } catch {
        ours = 0;
      }
      expect({ text, family: ours }).toEqual({ text, family: isIP(text) });
    }
  });

  it('gives the bytes net.SocketAddress would, for every accepted IPv6 corner', () => {
    for (const text of corners.filter((t) => isIP(t) === 6 && !t.includes('%'))) {
      expect({ text, formatted: formatIp(parseIp(text)) }).toEqual({ text, formatted: new SocketAddress({ address: text, family: 'ipv6' }).address });
    }
  });
});

describe('sha256() and stable MACs', () => {
  it('hashes as node:crypto does, across block boundaries and non-ASCII text', () => {
    const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(63), 'a'.repeat(64), 'a'.repeat(119), 'x'.repeat(1000), 'lab/h1/eth0', 'läb/ноде/eth0', '🙂'];
    for (const t of texts) expect({ t, hash: Buffer.from(sha256(t)).toString('hex') }).toEqual({ t, hash: createHash('sha256').update(t).digest('hex') });
  });

  it('derives a unicast, locally administered MAC from a seed, the same every time', () => {
    const mac = stableMac('demo/h1/eth0');
    expect(mac).toBe(stableMac('demo/h1/eth0'));
    expect(mac).not.toBe(stableMac('demo/h1/eth1'));
    expect(parseInt(mac.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(mac.slice(3)).toBe(createHash('sha256').update('demo/h1/eth0').digest('hex').slice(2, 12).match(/../g)?.join(':'));
  });
});

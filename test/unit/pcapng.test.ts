import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINKTYPE, enhancedPacket, interfaceDescription, interfaceStatistics, sectionHeader } from '../../src/sys/packet/pcapng.js';
import { expectSameBytes, fromHex } from '../helpers/hex.js';
import { arpRequest, icmpEcho } from '../helpers/packets.js';

/*
 * Each block pinned byte for byte (little-endian, as nslab writes every
 * section), worked out by hand from draft-ietf-opsawg-pcapng §4; then a file
 * of those blocks read back by Debian's tcpdump, which nobody here wrote.
 */

describe('pcapng blocks', () => {
  it('sectionHeader() writes type, length, byte-order magic, version 1.0, section length -1 and shb_userappl', () => {
    expectSameBytes(
      sectionHeader({ application: 'nslab' }),
      fromHex(`
        0a0d0d0a 2c000000
        4d3c2b1a 01000000 ffffffff ffffffff
        04000500 6e736c61 62000000
        00000000
        2c000000`),
      'SHB',
    );
  });

  it('sectionHeader() without options has no opt_endofopt (28 bytes)', () => {
    expectSameBytes(sectionHeader(), fromHex('0a0d0d0a 1c000000 4d3c2b1a 01000000 ffffffff ffffffff 1c000000'), 'bare SHB');
  });

  it('interfaceDescription() writes linktype, snaplen, if_name, if_description and if_tsresol 9, each padded to 4', () => {
    expectSameBytes(
      interfaceDescription({ linktype: LINKTYPE.LINKTYPE_ETHERNET, snaplen: 262144, name: 'eth0', description: 'h1 of lab x' }),
      fromHex(`
        01000000 38000000
        0100 0000 00000400
        0200 0400 65746830
        0300 0b00 6831206f 66206c61 62207800
        0900 0100 09000000
        00000000
        38000000`),
      'IDB',
    );
  });

  it('enhancedPacket() splits the ns timestamp into high and low words and pads the data to 4', () => {
    const ts = 1_700_000_000_123_456_789n; // 0x17979cfe_3d85cd15
    expectSameBytes(
      enhancedPacket({ interfaceId: 2, timestampNs: ts, data: Uint8Array.of(1, 2, 3, 4, 5), originalLength: 1500 }),
      fromHex(`
        06000000 28000000
        02000000 fe9c9717 15cd853d
        05000000 dc050000
        01020304 05000000
        28000000`),
      'EPB',
    );
  });

  it('enhancedPacket() refuses an original length shorter than the data', () => {
    expect(() => enhancedPacket({ interfaceId: 0, timestampNs: 0n, data: new Uint8Array(10), originalLength: 9 })).toThrow(RangeError);
  });

  it('interfaceStatistics() writes isb_ifrecv, isb_ifdrop and isb_usrdeliv as u64', () => {
    expectSameBytes(
      interfaceStatistics({ interfaceId: 1, timestampNs: 0x0000000100000002n, received: 7n, dropped: 1n, delivered: 6n }),
      fromHex(`
        05000000 40000000
        01000000 01000000 02000000
        0400 0800 07000000 00000000
        0500 0800 01000000 00000000
        0800 0800 06000000 00000000
        00000000
        40000000`),
      'ISB',
    );
  });
});

const hasTcpdump = (await execa('tcpdump', ['--version'], { reject: false })).exitCode === 0;

describe.skipIf(!hasTcpdump)('a pcapng file read by tcpdump', () => {
  it('tcpdump -r lists both packets with their times, on both interfaces', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-pcapng-'));
    try {
      const file = join(dir, 'two.pcapng');
      const base = 1_700_000_000_000_000_000n;
      const blocks = [
        sectionHeader({ application: 'nslab test' }),
        interfaceDescription({ linktype: LINKTYPE.LINKTYPE_ETHERNET, snaplen: 262144, name: 'eth0', description: 'h1:eth0' }),
        interfaceDescription({ linktype: LINKTYPE.LINKTYPE_ETHERNET, snaplen: 262144, name: 'eth1', description: 'h1:eth1' }),
        enhancedPacket(record(0, base + 123_456_789n, arpRequest('10.0.0.1', '10.0.0.2'))),
        enhancedPacket(record(1, base + 1_000_000_001n, icmpEcho('10.0.0.1', '10.0.0.2', 8, 0x1234, 1))),
        interfaceStatistics({ interfaceId: 0, timestampNs: base + 2_000_000_000n, received: 1n, dropped: 0n }),
      ];
      writeFileSync(file, Buffer.concat(blocks));
      const r = await execa('tcpdump', ['-nn', '-tt', '--time-stamp-precision=nano', '-r', file], { reject: false, env: { LC_ALL: 'C' } });
      expect(r.exitCode, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^1700000000\.123456789 ARP, Request who-has 10\.0\.0\.2 tell 10\.0\.0\.1/);
      expect(lines[1]).toMatch(/^1700000001\.000000001 IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request, id 4660, seq 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function record(interfaceId: number, timestampNs: bigint, data: Uint8Array): Parameters<typeof enhancedPacket>[0] {
  return { interfaceId, timestampNs, data, originalLength: data.length };
}

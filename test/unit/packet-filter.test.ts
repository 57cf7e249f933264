import { execa } from 'execa';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPacketFilter } from '../../src/bpf/run.js';
import { parseIp } from '../../src/inet/ip.js';
import { compilePacketFilter } from '../../src/sys/packet/filter-compile.js';
import { FilterError, parseFilter } from '../../src/sys/packet/filter-parse.js';
import { LINKTYPE, enhancedPacket, interfaceDescription, sectionHeader } from '../../src/sys/packet/pcapng.js';
import { arpRequest, icmp6Echo, icmpEcho, ipv4, ipv6, sctp, tcp, udp } from '../helpers/packets.js';

/*
 * The --filter compiler is checked by running its programs over crafted
 * frames in the user-space BPF machine (src/bpf/run.ts), and, where
 * Debian's tcpdump is installed, by asking tcpdump which of the same frames
 * (read from a file, no network) each expression keeps: both must keep
 * the same ones.
 */

const SNAP = 262144;
const hosts: Record<string, string[]> = { h2: ['10.0.0.2', 'fd00::2'], v6only: ['fd00::9'] };
const resolveHost = (name: string) => hosts[name]?.map(parseIp);

function accepts(filter: string, packet: Uint8Array): boolean {
  const f = compilePacketFilter(filter, { snaplen: SNAP, resolveHost });
  if (!f) return true;
  const r = runPacketFilter(f.program, packet);
  expect([0, SNAP]).toContain(r);
  return r === SNAP;
}

/** Frames named for what they are; tcpdump gets them in this order. */
const PACKETS: readonly (readonly [string, Uint8Array])[] = [
  ['arp 10.0.0.1 → 10.0.0.2', arpRequest('10.0.0.1', '10.0.0.2')],
  ['rarp 10.0.0.3 → 10.0.0.1', arpRequest('10.0.0.3', '10.0.0.1', { rarp: true })],
  ['icmp echo 10.0.0.1 → 10.0.0.2', icmpEcho('10.0.0.1', '10.0.0.2', 8, 1, 1)],
  ['icmp reply 10.0.0.2 → 10.0.0.1', icmpEcho('10.0.0.2', '10.0.0.1', 0, 1, 1)],
  ['tcp 10.0.0.1:40000 → 10.0.1.5:80', ipv4('10.0.0.1', '10.0.1.5', 6, tcp(40000, 80))],
  ['tcp 10.0.1.5:80 → 10.0.0.1:40000 with IP options', ipv4('10.0.1.5', '10.0.0.1', 6, tcp(80, 40000), { optionBytes: 8 })],
  ['udp 10.0.0.2:5353 → 10.0.0.1:53', ipv4('10.0.0.2', '10.0.0.1', 17, udp(5353, 53))],
  ['udp first fragment 10.0.0.1 → 10.0.0.2:53', ipv4('10.0.0.1', '10.0.0.2', 17, udp(1234, 53), { moreFragments: true })],
  ['udp later fragment 10.0.0.1 → 10.0.0.2 (bytes 0x0035 where a port would be)', ipv4('10.0.0.1', '10.0.0.2', 17, udp(53, 53), { fragmentOffset: 185 })],
  ['sctp 10.0.0.1:80 → 10.0.0.2:9', ipv4('10.0.0.1', '10.0.0.2', 132, sctp(80, 9))],
  ['udp fragment at byte 32768 10.0.0.3 → 10.0.0.4 (0x0035 where a port would be)', ipv4('10.0.0.3', '10.0.0.4', 17, udp(53, 53), { fragmentOffset: 4096 })],
  ['tcp with DF 10.0.0.3:53 → 10.0.0.4:40000', ipv4('10.0.0.3', '10.0.0.4', 6, tcp(53, 40000), { dontFragment: true })],
  ['icmp6 fd00::1 → fd00::2', icmp6Echo('fd00::1', 'fd00::2')],
  ['icmp6 in a fragment fd00::2 → fd00::1', icmp6Echo('fd00::2', 'fd00::1', { fragment: true })],
  ['tcp6 fd00::1:22 → fd00:1::5:50000', ipv6('fd00::1', 'fd00:1::5', 6, tcp(22, 50000))],
  ['udp6 fd00:1::5:53 → fd00::2:53 in a fragment', ipv6('fd00:1::5', 'fd00::2', 17, udp(53, 53), { fragment: true })],
  ['udp6 fd00::9:1000 → fd00::1:80', ipv6('fd00::9', 'fd00::1', 17, udp(1000, 80))],
  ['truncated IPv4 (header only)', ipv4('10.0.0.1', '10.0.0.2', 6, new Uint8Array(0))],
];

const EXPRESSIONS = [
  'ip', 'ip6', 'arp', 'tcp', 'udp', 'icmp', 'icmp6',
  'host 10.0.0.1', 'src host 10.0.0.1', 'dst host 10.0.0.1', 'src and dst host 10.0.0.1', 'ip host 10.0.0.1', 'arp host 10.0.0.1',
  'host fd00::1', 'src host fd00::2', 'ip6 dst host fd00::2',
  'net 10.0.0.0/24', 'net 10.0.0.0/16', 'src net 10.0.1.0/24', 'net fd00::/64', 'dst net fd00:1::/32', 'net 0.0.0.0/0', 'net 10.0.0.0/23',
  'port 80', 'port 53', 'tcp port 80', 'udp port 80', 'src port 80', 'dst port 53', 'udp dst port 53', 'tcp src port 22', 'port 9',
  'icmp and host 10.0.0.2', 'not arp', '!icmp', 'tcp or udp', 'tcp and port 80 or icmp', 'icmp or tcp and port 80',
  'not (tcp or udp)', 'host 10.0.0.1 and not port 80', 'port 80 or 53', 'host 10.0.0.1 or 10.0.0.2', 'udp and (port 53 or 5353)',
  'ip6 and not icmp6', 'arp or icmp6', 'tcp && dst port 80 || udp', 'src or dst host 10.0.0.2', 'port 22 and not 80',
] as const;

describe('packet filters in the BPF machine', () => {
  const keeps = (filter: string): string[] => PACKETS.filter(([, p]) => accepts(filter, p)).map(([name]) => name);

  it('protocols: tcp and udp also behind an IPv6 fragment header, icmp is IPv4 only', () => {
    expect(keeps('icmp')).toEqual(['icmp echo 10.0.0.1 → 10.0.0.2', 'icmp reply 10.0.0.2 → 10.0.0.1']);
    expect(keeps('icmp6')).toEqual(['icmp6 fd00::1 → fd00::2', 'icmp6 in a fragment fd00::2 → fd00::1']);
    expect(keeps('udp')).toContain('udp6 fd00:1::5:53 → fd00::2:53 in a fragment');
    expect(keeps('arp')).toEqual(['arp 10.0.0.1 → 10.0.0.2']);
  });

  it('host takes ARP and RARP addresses too; src and dst narrow it', () => {
    expect(keeps('host 10.0.0.3')).toContain('rarp 10.0.0.3 → 10.0.0.1');
    expect(keeps('ip host 10.0.0.3')).not.toContain('rarp 10.0.0.3 → 10.0.0.1');
    expect(keeps('dst host 10.0.0.2')).toEqual([
      'arp 10.0.0.1 → 10.0.0.2', 'icmp echo 10.0.0.1 → 10.0.0.2', 'udp first fragment 10.0.0.1 → 10.0.0.2:53',
      'udp later fragment 10.0.0.1 → 10.0.0.2 (bytes 0x0035 where a port would be)', 'sctp 10.0.0.1:80 → 10.0.0.2:9', 'truncated IPv4 (header only)',
    ]);
    expect(keeps('ip host 10.0.0.1 and arp')).toEqual([]);
  });

  it('port skips later IPv4 fragments, follows IP options, and counts SCTP', () => {
    expect(keeps('port 53')).toEqual([
      'udp 10.0.0.2:5353 → 10.0.0.1:53', 'udp first fragment 10.0.0.1 → 10.0.0.2:53', 'tcp with DF 10.0.0.3:53 → 10.0.0.4:40000',
    ]);
    expect(keeps('tcp src port 80')).toEqual(['tcp 10.0.1.5:80 → 10.0.0.1:40000 with IP options']);
    expect(keeps('port 9')).toEqual(['sctp 10.0.0.1:80 → 10.0.0.2:9']);
  });

  it('and and or have equal precedence, from the left, as in tcpdump', () => {
    // (icmp or tcp) and port 80: ICMP has no port, so only TCP to 80 is left.
    expect(keeps('icmp or tcp and port 80')).toEqual(['tcp 10.0.0.1:40000 → 10.0.1.5:80', 'tcp 10.0.1.5:80 → 10.0.0.1:40000 with IP options']);
    expect(keeps('tcp and port 80 or icmp')).toHaveLength(4);
  });

  it('a bare value takes the qualifiers before it', () => {
    expect(keeps('port 80 or 53')).toEqual([...keeps('port 80'), ...keeps('port 53')].sort((x, y) => names.indexOf(x) - names.indexOf(y)));
    expect(keeps('port 22 and not 80')).toEqual(keeps('port 22 and not port 80'));
  });

  it('host NODE takes the node addresses, of both families', () => {
    expect(keeps('host h2')).toEqual(keeps('host 10.0.0.2 or host fd00::2'));
    expect(keeps('ip6 host h2')).toEqual(keeps('host fd00::2'));
    expect(() => compilePacketFilter('ip host v6only', { snaplen: SNAP, resolveHost })).toThrow(/node 'v6only' has no IPv4 address at column 9/);
    expect(() => compilePacketFilter('icmp and host h9', { snaplen: SNAP, resolveHost })).toThrow(/'h9' is neither an address nor a node of this lab/);
  });

  it('a load past the end of a short packet drops it, as the kernel does', () => {
    expect(accepts('tcp port 80', PACKETS.find(([n]) => n.startsWith('truncated'))![1])).toBe(false);
    expect(accepts('tcp', PACKETS.find(([n]) => n.startsWith('truncated'))![1])).toBe(true);
  });

  it('empty text is no filter', () => {
    expect(compilePacketFilter('  ', { snaplen: SNAP })).toBeUndefined();
  });
});

const names = PACKETS.map(([n]) => n);

describe('filter text that does not parse: one line naming the column', () => {
  const cases: [string, RegExp][] = [
    ['icmp and hots 10.0.0.1', /unknown word 'hots' at column 10$/],
    ['icmp and hots', /'hots' is neither an address nor a node of this lab with an address at column 10$/],
    ['tcp port', /expected a port number after 'port', found the end at column 9$/],
    ['tcp port http', /'http' is not a port number .* at column 10$/],
    ['port 70000', /'70000' is not a port number/],
    ['(icmp or arp', /expected '\)' to close the '\(' at column 1, found the end at column 13$/],
    ['icmp arp', /expected 'and', 'or' or the end, found 'arp' at column 6$/],
    ['tcp[13] = 2', /unexpected '\[' at column 4$/],
    ['vlan and icmp', /expected a filter term|'vlan' is not in nslab's filter subset/],
    ['ether host 02:00:00:00:00:01', /'ether' is not in nslab's filter subset .* at column 1$/],
    ['net 10.0.0.1/8', /'10.0.0.1\/8' has bits set beyond its \/8 prefix at column 5$/],
    ['ip6 host 10.0.0.1', /mixes IPv6 with an IPv4 address at column 10$/],
    ['tcp host 10.0.0.1', /'tcp' cannot qualify an address; write 'tcp and host 10.0.0.1'/],
    ['80', /a bare number means nothing here; write 'port 80' at column 1$/],
    ['host 10.0.0.0/8', /is a network; write 'net 10.0.0.0\/8'/],
    ['and tcp', /expected a filter term, found 'and' at column 1$/],
    ['host 10.0.0.300', /'10.0.0.300' is not an IPv4 or IPv6 address/],
  ];
  it.each(cases)('%s', (text, message) => {
    let err: unknown;
    try {
      compilePacketFilter(text, { snaplen: SNAP, resolveHost });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FilterError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a filter of thousands of words or parentheses is refused with a FilterError, not a stack overflow', () => {
    for (const text of ['('.repeat(20_000) + 'icmp' + ')'.repeat(20_000), 'not '.repeat(20_000) + 'icmp', Array.from({ length: 10_000 }, (_, i) => `port ${i + 1}`).join(' or ')]) {
      expect(() => compilePacketFilter(text, { snaplen: SNAP, resolveHost })).toThrow(FilterError);
      expect(() => compilePacketFilter(text, { snaplen: SNAP, resolveHost })).toThrow(/more than 512 words/);
    }
  });

  it('the tree keeps where each term was', () => {
    expect(parseFilter('icmp and  port 5')).toEqual({
      kind: 'and',
      left: { kind: 'proto', proto: 'icmp', at: 0 },
      right: { kind: 'port', dir: 'src or dst', port: 5, at: 15 },
    });
  });
});

const hasTcpdump = (await execa('tcpdump', ['--version'], { reject: false })).exitCode === 0;

describe.skipIf(!hasTcpdump)('packet filters compared with tcpdump on the same frames', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'nslab-filter-'));
    file = join(dir, 'frames.pcapng');
    const blocks = [sectionHeader(), interfaceDescription({ linktype: LINKTYPE.LINKTYPE_ETHERNET, snaplen: SNAP, name: 'eth0' })];
    // Packet i at i seconds, so tcpdump -tt names it by its time.
    PACKETS.forEach(([, p], i) => blocks.push(enhancedPacket({ interfaceId: 0, timestampNs: BigInt(i + 1) * 1_000_000_000n, data: p, originalLength: p.length })));
    writeFileSync(file, Buffer.concat(blocks));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(EXPRESSIONS)('%s', async (expr) => {
    const r = await execa('tcpdump', ['-nn', '-tt', '-r', file, expr], { reject: false, env: { LC_ALL: 'C' } });
    expect(r.exitCode, r.stderr).toBe(0);
    const byTcpdump = r.stdout.split('\n').filter(Boolean).map((l) => names[Number(l.split('.')[0]) - 1]);
    const byNslab = PACKETS.filter(([, p]) => accepts(expr, p)).map(([n]) => n);
    expect(byNslab).toEqual(byTcpdump);
  });
});

import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { enhancedPacket, interfaceDescription, LINKTYPE, sectionHeader } from '../../src/sys/packet/pcapng.js';
import { readBlocks } from '../../src/viewer/captures.js';
import { summarizeFrame } from '../../src/viewer/packet-summary.js';
import { cableCaptureChoices, nodeCaptureChoices, relativeTime, rowCells } from '../../viewer/src/capture.js';
import type { LabView } from '../../src/lab/inspect.js';
import { arpRequest, icmp6Echo, icmpEcho, ipv4, ipv6, tcp, udp } from '../helpers/packets.js';

/** A DNS query for `name` (type A), id 0x1234, in UDP from port 40000 to 53. */
function dnsQuery(name: string): Uint8Array {
  const labels = name.split('.').flatMap((l) => [l.length, ...Array.from(l, (c) => c.charCodeAt(0))]);
  const q = Uint8Array.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, ...labels, 0, 0, 1, 0, 1]);
  const u = new Uint8Array(8 + q.length);
  const v = new DataView(u.buffer);
  v.setUint16(0, 40000, false);
  v.setUint16(2, 53, false);
  v.setUint16(4, u.length, false);
  u.set(q, 8);
  return ipv4('10.0.0.1', '10.0.0.53', 17, u);
}

/** A TCP segment with ACK|PSH and 5 bytes of data. */
function tcpData(): Uint8Array {
  const h = new Uint8Array(25);
  h.set(tcp(43210, 80));
  h[13] = 0x18;
  new DataView(h.buffer).setUint32(8, 77, false);
  h.set([104, 101, 108, 108, 111], 20);
  return ipv4('10.0.0.1', '10.0.0.2', 6, h);
}

const FRAMES: Record<string, Uint8Array> = {
  arp: arpRequest('10.0.0.1', '10.0.0.2'),
  icmp: icmpEcho('10.0.0.1', '10.0.0.2', 8, 7, 1),
  icmpReply: icmpEcho('10.0.0.2', '10.0.0.1', 0, 7, 1),
  syn: ipv4('10.0.0.1', '10.0.0.2', 6, tcp(43210, 80)),
  data: tcpData(),
  udp: ipv4('10.0.0.1', '10.0.0.2', 17, udp(5000, 6000)),
  dns: dnsQuery('example.com'),
  icmp6: icmp6Echo('fd00::1', 'fd00::2'),
  udp6: ipv6('fd00::1', 'fd00::2', 17, udp(5000, 6000)),
};

function pcapng(frames: readonly Uint8Array[]): Uint8Array {
  const parts = [sectionHeader({ application: 'test' }), interfaceDescription({ linktype: LINKTYPE.LINKTYPE_ETHERNET, snaplen: 65535, name: 'eth0' })];
  frames.forEach((f, i) => parts.push(enhancedPacket({ interfaceId: 0, timestampNs: 1_700_000_000_000_000_000n + BigInt(i) * 1_000_000n, data: f, originalLength: f.length })));
  return Buffer.concat(parts);
}

const hasTcpdump = (await execa('tcpdump', ['--version'], { reject: false })).exitCode === 0;

describe('summarizeFrame()', () => {
  it.skipIf(!hasTcpdump)('says what tcpdump -n says of the same frames', async () => {
    const names = Object.keys(FRAMES);
    const r = await execa('tcpdump', ['-nn', '-t', '-r', '-'], { input: Buffer.from(pcapng(Object.values(FRAMES))), env: { LC_ALL: 'C' }, reject: false });
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(names.length);
    names.forEach((name, i) => {
      const s = summarizeFrame(FRAMES[name] as Uint8Array);
      const line = lines[i] as string;
      if (s.proto === 'ARP') {
        expect(line).toContain(`ARP, ${s.info}`);
        return;
      }
      // tcpdump writes ADDR.PORT > ADDR.PORT for TCP and UDP, ADDR > ADDR otherwise.
      const ports = /^(\d+) > (\d+), (.*)$/.exec(s.info);
      if (ports) expect(line).toContain(`${s.src}.${ports[1]} > ${s.dst}.${ports[2]}:`);
      else expect(line).toContain(`${s.src} > ${s.dst}:`);
      if (s.proto === 'ICMP' || s.proto === 'ICMPv6') expect(line).toContain(s.info);
      if (s.proto === 'TCP') expect(line).toContain((ports?.[3] ?? '').replace(/, length \d+$/, ''));
      if (s.proto === 'TCP' || s.proto === 'UDP') expect(line).toMatch(new RegExp(`length ${/length (\d+)$/.exec(s.info)?.[1]}(:|$)`));
      if (s.proto === 'DNS') expect(line).toMatch(/ A\? example\.com\. /);
    });
  });

  it('names each protocol and its essentials', () => {
    expect(summarizeFrame(FRAMES.arp as Uint8Array)).toEqual({ src: '02:00:00:00:00:0a', dst: 'broadcast', proto: 'ARP', info: 'Request who-has 10.0.0.2 tell 10.0.0.1' });
    expect(summarizeFrame(FRAMES.icmp as Uint8Array)).toEqual({ src: '10.0.0.1', dst: '10.0.0.2', proto: 'ICMP', info: 'echo request, id 7, seq 1, length 16' });
    expect(summarizeFrame(FRAMES.data as Uint8Array).info).toBe('43210 > 80, Flags [P.], seq 1:6, ack 77, win 64240, length 5');
    expect(summarizeFrame(FRAMES.dns as Uint8Array)).toMatchObject({ proto: 'DNS', info: '40000 > 53, query 4660 A example.com.' });
    expect(summarizeFrame(FRAMES.icmp6 as Uint8Array)).toMatchObject({ src: 'fd00::1', dst: 'fd00::2', proto: 'ICMPv6' });
    expect(summarizeFrame(FRAMES.udp6 as Uint8Array)).toMatchObject({ proto: 'UDP', info: '5000 > 6000, length 4' });
  });

  it('says "truncated" for any cut of a frame instead of throwing', () => {
    for (const f of Object.values(FRAMES)) {
      for (let n = 0; n < f.length; n++) {
        const s = summarizeFrame(f.subarray(0, n));
        expect(typeof s.info).toBe('string');
      }
    }
    expect(summarizeFrame(new Uint8Array(5)).info).toMatch(/shorter than an Ethernet header/);
  });
});

describe('readBlocks()', () => {
  it('reads back the packets and interface names nslab capture writes', () => {
    const names: string[] = [];
    const blocks = readBlocks(pcapng([FRAMES.icmp as Uint8Array, FRAMES.arp as Uint8Array]), names);
    expect(names).toEqual(['eth0']);
    expect(blocks.map((b) => Uint8Array.from(b.data))).toEqual([FRAMES.icmp, FRAMES.arp]);
    expect(blocks[1]?.timestampNs).toBe(1_700_000_000_001_000_000n);
  });
});

describe('the page\'s capture choices and rows', () => {
  const view = {
    lab: 'l',
    live: true,
    nodes: [
      { name: 'h1', kind: 'host', interfaces: [{ name: 'eth0' }] },
      { name: 'sw1', kind: 'bridge', interfaces: [{ name: 'p1' }, { name: 'p2' }] },
    ],
    links: [{ id: 'x', a: { node: 'sw1', interface: 'p1' }, b: { node: 'h1', interface: 'eth0' }, up: true }],
  } as unknown as LabView;

  it('offers a host\'s interface, and a bridge\'s whole LAN first', () => {
    expect(nodeCaptureChoices(view, 'h1').map((c) => c.target)).toEqual(['h1:eth0']);
    expect(nodeCaptureChoices(view, 'sw1').map((c) => c.target)).toEqual(['sw1', 'sw1:p1', 'sw1:p2', 'sw1:any']);
    expect(nodeCaptureChoices(view, 'nosuch')).toEqual([]);
    expect(cableCaptureChoices(view, view.links[0] as LabView['links'][number]).map((c) => c.target)).toEqual(['h1:eth0', 'sw1:p1']);
  });

  it('times rows from the first packet, in seconds to the microsecond', () => {
    expect(relativeTime(1000.5, 1000)).toBe('0.000500');
    const line = { n: 3, t: 2500, iface: 'eth1', length: 60, src: 'a', dst: 'b', proto: 'ICMP', info: 'echo request' };
    expect(rowCells(line, 1000, false)).toEqual(['3', '1.500000', 'a', 'b', 'ICMP', 'echo request']);
    expect(rowCells(line, 1000, true)[5]).toBe('eth1: echo request');
  });
});

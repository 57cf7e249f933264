import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeIcmp4, decodeIcmp6, encodeEcho, internetChecksum } from '../../src/sys/icmp.js';
import { expectSameBytes, fromHex } from '../helpers/hex.js';

/** Fixtures captured from iputils ping by test/fixtures/icmp/capture.mjs. */
interface PingFixture {
  command: string;
  request: Uint8Array;
  received: Uint8Array;
}

function fixture(name: string): PingFixture {
  const raw = JSON.parse(readFileSync(new URL(`../fixtures/icmp/${name}.json`, import.meta.url), 'utf8')) as { command: string; request: string; received: string };
  return { command: raw.command, request: fromHex(raw.request), received: fromHex(raw.received) };
}

function be16(b: Uint8Array, off: number): number {
  return ((b[off] as number) << 8) | (b[off + 1] as number);
}

/** id, sequence and payload of an echo request as ping sent it. */
function echoOf(request: Uint8Array): { id: number; seq: number; payload: Uint8Array } {
  return { id: be16(request, 4), seq: be16(request, 6), payload: request.slice(8) };
}

describe('internetChecksum()', () => {
  it('gives the RFC 1071 worked example', () => {
    // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2 (after the carry), complement 220d.
    expect(internetChecksum(Uint8Array.from([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7]))).toBe(0x220d);
  });

  it('pads an odd last byte with a zero', () => {
    expect(internetChecksum(Uint8Array.from([0x01]))).toBe(~0x0100 & 0xffff);
    expect(internetChecksum(Uint8Array.from([0x01, 0x00]))).toBe(internetChecksum(Uint8Array.from([0x01])));
  });

  it('sums to zero over a message that carries its checksum (ping\'s own request)', () => {
    expect(internetChecksum(fixture('echo4-peer').request)).toBe(0);
  });
});

describe('encodeEcho()', () => {
  it('writes an IPv4 echo request byte for byte as ping does (checksum included)', () => {
    for (const name of ['echo4-loopback', 'echo4-peer']) {
      const f = fixture(name);
      expectSameBytes(encodeEcho(4, echoOf(f.request)), f.request, f.command);
    }
  });

  it('leaves the ICMPv6 checksum to the kernel, as ping does on a raw socket', () => {
    const f = fixture('echo6-loopback');
    expect(be16(f.request, 2)).toBe(0);
    expectSameBytes(encodeEcho(6, echoOf(f.request)), f.request, f.command);
  });

  it('refuses an id or sequence that does not fit 16 bits', () => {
    expect(() => encodeEcho(4, { id: 0x10000, seq: 1, payload: new Uint8Array() })).toThrow(RangeError);
    expect(() => encodeEcho(4, { id: 1, seq: -1, payload: new Uint8Array() })).toThrow(RangeError);
  });
});

describe('decodeIcmp4()', () => {
  it('reads the echo reply the kernel delivered to ping (IP header first) with its id, sequence and payload', () => {
    const f = fixture('echo4-peer');
    const sent = echoOf(f.request);
    expect(decodeIcmp4(f.received)).toEqual({ kind: 'reply', id: sent.id, seq: sent.seq, payload: sent.payload, checksumOk: true });
  });

  it('notices a reply whose checksum does not add up', () => {
    const bad = fixture('echo4-loopback').received.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 0xff;
    expect(decodeIcmp4(bad)).toMatchObject({ kind: 'reply', checksumOk: false });
  });

  it("finds the request a router's 'network unreachable' quotes, and where it was going", () => {
    const f = fixture('unreach4-net');
    const sent = echoOf(f.request);
    expect(decodeIcmp4(f.received)).toEqual({ kind: 'error', id: sent.id, seq: sent.seq, dst: '10.9.9.9', type: 3, code: 0, reason: 'network unreachable' });
  });

  it('ignores ICMP that is neither a reply nor about an echo request (another host pinging this one)', () => {
    const reply = fixture('echo4-peer');
    const ihl = ((reply.received[0] as number) & 0x0f) * 4;
    const request = new Uint8Array(ihl + reply.request.length);
    request.set(reply.received.subarray(0, ihl));
    request.set(reply.request, ihl);
    expect(decodeIcmp4(request)).toBeUndefined();
  });

  it('ignores what is too short to be an ICMP message, or not IPv4', () => {
    expect(decodeIcmp4(fixture('echo4-peer').received.subarray(0, 24))).toBeUndefined();
    expect(decodeIcmp4(fixture('echo6-loopback').received)).toBeUndefined();
  });
});

describe('decodeIcmp6()', () => {
  it('reads the echo reply the kernel delivered to ping (no IPv6 header)', () => {
    const f = fixture('echo6-loopback');
    const sent = echoOf(f.request);
    expect(decodeIcmp6(f.received)).toEqual({ kind: 'reply', id: sent.id, seq: sent.seq, payload: sent.payload, checksumOk: true });
  });

  it("finds the request a router's 'no route' quotes", () => {
    const f = fixture('unreach6-route');
    const sent = echoOf(f.request);
    expect(decodeIcmp6(f.received)).toEqual({ kind: 'error', id: sent.id, seq: sent.seq, dst: 'fd00:9::9', type: 1, code: 0, reason: 'no route to destination' });
  });

  it('ignores an echo request and a truncated error', () => {
    expect(decodeIcmp6(fixture('echo6-loopback').request)).toBeUndefined();
    expect(decodeIcmp6(fixture('unreach6-route').received.subarray(0, 40))).toBeUndefined();
  });
});

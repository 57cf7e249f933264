import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_LITTLE_ENDIAN } from '../../src/os/byteorder.js';
import { NLMSG, NLM_F } from '../../src/netlink/constants.js';
import { decodeAck, NetlinkError } from '../../src/netlink/error.js';
import { encodeMessage, parseMessages, type Message, type Request } from '../../src/netlink/message.js';
import { Writer } from '../../src/netlink/writer.js';
import { ack } from '../helpers/fake-socket.js';
import { fromHex } from '../helpers/hex.js';

const request: Request = {
  type: 16,
  flags: 0x605,
  body: new Writer().u32(0).u32(5).u32(0).u32(0).attrString(3, 'v0').finish(),
  what: 'create veth link v0',
  origin: 'lab.yaml:12',
};
const sent: Message = (parseMessages(encodeMessage(request, 77, 0)) as [Message])[0];

function decoded(bytes: Uint8Array): ReturnType<typeof decodeAck> {
  const [m] = parseMessages(bytes);
  if (!m) throw new Error('no message');
  expect(m.header.type).toBe(NLMSG.NLMSG_ERROR);
  return decodeAck(m.payload, m.header.flags);
}

describe.runIf(HOST_LITTLE_ENDIAN)('decodeAck()', () => {
  it('reads a success ack: errno 0 and the request’s sequence number', () => {
    const a = decoded(ack(sent));
    expect(a.errno === 0).toBe(true);
    expect(a.seq).toBe(77);
    expect(Object.keys(a).sort()).toEqual(['errno', 'seq']);
  });

  // `-v.getInt32(…)` would give -0, which Object.is/toBe(0)/toEqual tell apart.
  it('gives errno +0, not -0, for a success ack', () => {
    expect(decoded(ack(sent)).errno).toBe(0);
  });

  it('reads a refusal as a positive errno', () => {
    expect(decoded(ack(sent, { errno: 17 }))).toEqual({ errno: 17, seq: 77 });
  });

  it('reads the extended-ACK message and offset after a capped echo', () => {
    const a = decoded(ack(sent, { errno: 22, extack: 'Invalid MTU', extackOffset: 36 }));
    expect(a).toEqual({ errno: 22, seq: 77, extackMessage: 'Invalid MTU', extackOffset: 36 });
  });

  it('finds the extended-ACK attributes after a full (uncapped) echo of the request', () => {
    const a = decoded(ack(sent, { errno: 22, extack: 'Invalid MTU', extackOffset: 36, capped: false }));
    expect(a).toEqual({ errno: 22, seq: 77, extackMessage: 'Invalid MTU', extackOffset: 36 });
  });

  it('ignores trailing attributes when NLM_F_ACK_TLVS is not set', () => {
    const bytes = ack(sent, { errno: 1, extack: 'not for you' });
    new DataView(bytes.buffer).setUint16(6, NLM_F.NLM_F_CAPPED, true); // drop ACK_TLVS
    expect(decoded(bytes)).toEqual({ errno: 1, seq: 77 });
  });

  it('throws RangeError for a payload shorter than struct nlmsgerr', () => {
    expect(() => decodeAck(new Uint8Array(12), 0)).toThrow(RangeError);
  });

  it('reads a real kernel refusal with its extended-ACK text, as ip printed it', () => {
    const f = JSON.parse(readFileSync(new URL('../fixtures/rtnl/ack-route-bad-gateway.json', import.meta.url), 'utf8')) as {
      command: string;
      request: { seq: number; body: string };
      datagram: string;
      ipStderr: string;
    };
    const [m] = parseMessages(fromHex(f.datagram));
    expect(m?.header.type).toBe(NLMSG.NLMSG_ERROR);
    if (!m) return;
    const a = decodeAck(m.payload, m.header.flags);
    expect(a.errno).toBe(101); // ENETUNREACH
    expect(a.seq).toBe(f.request.seq);
    expect(a.extackMessage).toBeTruthy();
    // ip prints "Error: <kernel text>." for an extended ACK
    expect(f.ipStderr.trim()).toBe(`Error: ${a.extackMessage ?? ''}.`);
    expect(new NetlinkError(a).errnoName).toBe('ENETUNREACH');
  });
});

describe('NetlinkError', () => {
  it('says what failed, the errno by name, the kernel’s words and where in the topology', () => {
    const err = new NetlinkError({ errno: 17, seq: 3, extackMessage: 'File exists here', extackOffset: 20 }, request);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('NetlinkError');
    expect(err.message).toBe('cannot create veth link v0: EEXIST (kernel says: File exists here) [lab.yaml:12]');
    expect(err).toMatchObject({ errno: 17, errnoName: 'EEXIST', extackMessage: 'File exists here', extackOffset: 20, request });
  });

  it('still reads well without a request, extack or a known errno', () => {
    expect(new NetlinkError({ errno: 9999, seq: 1 }).message).toBe('netlink request failed: errno 9999');
  });
});

import { describe, expect, it } from 'vitest';
import { Connection } from '../../src/netlink/connection.js';
import { NLM_F } from '../../src/netlink/constants.js';
import { NetlinkError } from '../../src/netlink/error.js';
import { CREATE_EXCL, DUMP, REQUEST_ACK, type Message, type Request } from '../../src/netlink/message.js';
import { Writer } from '../../src/netlink/writer.js';
import { FakeSocket, ack, datagram, done, message } from '../helpers/fake-socket.js';

function req(n: number, flags = CREATE_EXCL): Request {
  return { type: 16, flags, body: new Writer().u32(n).finish(), what: `do thing ${n}`, origin: `lab.yaml:${n}` };
}

/** The u32 each test request carries, to tell them apart on the "kernel" side. */
function tag(m: Message): number {
  return new DataView(m.payload.buffer, m.payload.byteOffset).getUint32(0, true);
}

describe('Connection.exchange()', () => {
  it('sends a batch of requests in one datagram with consecutive sequence numbers', () => {
    const sock = new FakeSocket();
    const out = new Connection(sock).exchange([req(1), req(2), req(3)]);
    expect(sock.sent).toHaveLength(1);
    const msgs = sock.sentMessages();
    expect(msgs.map(tag)).toEqual([1, 2, 3]);
    const seqs = msgs.map((m) => m.header.seq);
    expect(seqs).toEqual([seqs[0], (seqs[0] ?? 0) + 1, (seqs[0] ?? 0) + 2]);
    expect(out.map((o) => o.seq)).toEqual(seqs);
    expect(out.every((o) => o.ack !== undefined && o.error === undefined)).toBe(true);
  });

  it('keeps numbering across exchanges on the same connection', () => {
    const sock = new FakeSocket();
    const conn = new Connection(sock);
    const [a] = conn.exchange([req(1)]);
    const [b] = conn.exchange([req(2)]);
    expect((b?.seq ?? 0) - (a?.seq ?? 0)).toBe(1);
  });

  it('matches acks to requests by sequence number, whatever their order and datagram', () => {
    // The kernel answers the last request first, over two datagrams.
    const sock = new FakeSocket((msgs) => {
      const [m1, m2, m3] = msgs as [Message, Message, Message];
      return [datagram(ack(m3), ack(m1, { errno: 17, extack: 'first one refused' })), datagram(ack(m2))];
    });
    const out = new Connection(sock).exchange([req(1), req(2), req(3)]);
    expect(out.map((o) => o.request.what)).toEqual(['do thing 1', 'do thing 2', 'do thing 3']);
    expect(out.map((o) => o.ack?.seq)).toEqual(out.map((o) => o.seq));
    expect(out.map((o) => (o.ack === undefined ? 'no ack' : o.ack.errno === 0 ? 'ok' : o.ack.errno))).toEqual([17, 'ok', 'ok']);
    expect(out[0]?.error).toBeInstanceOf(NetlinkError);
    expect(out[1]?.error).toBeUndefined();
    expect(out[2]?.error).toBeUndefined();
  });

  it('ignores answers for sequence numbers it is not waiting for', () => {
    const sock = new FakeSocket((msgs) => {
      const m = msgs[0] as Message;
      const stray = message(2, NLM_F.NLM_F_CAPPED, m.header.seq + 1000, new Uint8Array(20));
      return [datagram(stray, ack(m))];
    });
    const [o] = new Connection(sock).exchange([req(1)]);
    expect(o?.ack?.errno === 0).toBe(true);
  });

  it('maps a refusal to its request, with the kernel’s extended-ACK text in the message', () => {
    const sock = new FakeSocket((msgs) => [
      datagram(...msgs.map((m) => (tag(m) === 2 ? ack(m, { errno: 22, extack: 'MTU too small', extackOffset: 20 }) : ack(m)))),
    ]);
    const requests = [req(1), req(2), req(3)];
    const out = new Connection(sock).exchange(requests);
    const err = out[1]?.error;
    expect(err).toBeInstanceOf(NetlinkError);
    expect(err?.request).toBe(requests[1]);
    expect(err).toMatchObject({ errno: 22, errnoName: 'EINVAL', extackMessage: 'MTU too small', extackOffset: 20 });
    expect(err?.message).toBe('cannot do thing 2: EINVAL (kernel says: MTU too small) [lab.yaml:2]');
  });

  it('splits a very large batch over several sends and still answers every request', () => {
    const sock = new FakeSocket();
    const requests = Array.from({ length: 1100 }, (_, i) => req(i));
    const out = new Connection(sock).exchange(requests);
    expect(sock.sent.length).toBeGreaterThan(1);
    expect(sock.sentMessages().map(tag)).toEqual(requests.map((_, i) => i));
    expect(out).toHaveLength(1100);
    expect(out.every((o) => o.ack?.seq === o.seq)).toBe(true);
  });

  it('does not wait for messages marked noReply that ask for no ack', () => {
    const marker: Request = { type: 0x10, flags: NLM_F.NLM_F_REQUEST, body: new Uint8Array(4), what: 'batch begin', noReply: true };
    const sock = new FakeSocket((msgs) => [datagram(...msgs.filter((m) => m.header.flags & NLM_F.NLM_F_ACK).map((m) => ack(m)))]);
    const out = new Connection(sock).exchange([marker, req(1), { ...marker, what: 'batch end' }]);
    expect(sock.sent).toHaveLength(1);
    expect(out.map((o) => o.ack === undefined)).toEqual([true, false, true]);
  });
});

describe('Connection.apply()', () => {
  it('throws the refusal, but only after every request of the batch was answered', () => {
    const sock = new FakeSocket((msgs) => [
      datagram(...msgs.map((m) => (tag(m) === 1 ? ack(m, { errno: 17, extack: 'exists' }) : ack(m)))),
    ]);
    const requests = [req(1), req(2)];
    let thrown: unknown;
    try {
      new Connection(sock).apply(requests);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(NetlinkError);
    expect((thrown as NetlinkError).request).toBe(requests[0]);
    expect((thrown as NetlinkError).message).toContain('(kernel says: exists)');
    expect(sock.queue).toHaveLength(0); // the second ack was read too
  });

  it('returns every outcome when all succeed', () => {
    expect(new Connection(new FakeSocket()).apply([req(1), req(2)])).toHaveLength(2);
  });
});

describe('Connection.dump()', () => {
  const dumpReq: Request = { type: 18, flags: DUMP, body: new Uint8Array(16), what: 'list links' };
  const part = (seq: number, n: number): Uint8Array =>
    message(16, NLM_F.NLM_F_MULTI, seq, new Writer().u32(n).finish());

  it('collects a multipart answer over several datagrams until NLMSG_DONE', () => {
    const sock = new FakeSocket((msgs) => {
      const seq = (msgs[0] as Message).header.seq;
      return [datagram(part(seq, 1), part(seq, 2)), datagram(part(seq, 3)), datagram(part(seq, 4), done(seq))];
    });
    const replies = new Connection(sock).dump(dumpReq);
    expect(replies.map(tag)).toEqual([1, 2, 3, 4]);
    expect(replies.every((m) => m.header.type === 16)).toBe(true);
  });

  it('stops at NLMSG_DONE and reads no further', () => {
    const sock = new FakeSocket((msgs) => {
      const seq = (msgs[0] as Message).header.seq;
      return [datagram(part(seq, 1), done(seq)), datagram(part(seq, 99))];
    });
    expect(new Connection(sock).dump(dumpReq).map(tag)).toEqual([1]);
    expect(sock.queue).toHaveLength(1);
  });

  it('throws a NetlinkError when the dump ends with an error in NLMSG_DONE', () => {
    const sock = new FakeSocket((msgs) => {
      const seq = (msgs[0] as Message).header.seq;
      return [datagram(part(seq, 1), done(seq, -95))];
    });
    expect(() => new Connection(sock).dump(dumpReq)).toThrow(/cannot list links: EOPNOTSUPP/);
  });

  it('returns a GET reply that comes with an ack (NLM_F_ACK on a non-dump request)', () => {
    const get: Request = { type: 18, flags: REQUEST_ACK, body: new Uint8Array(16), what: 'get link' };
    const sock = new FakeSocket((msgs) => {
      const m = msgs[0] as Message;
      return [datagram(message(16, 0, m.header.seq, new Writer().u32(5).finish())), datagram(ack(m))];
    });
    expect(new Connection(sock).request(get).map(tag)).toEqual([5]);
  });
});

describe('Connection.close()', () => {
  it('closes its socket', () => {
    const sock = new FakeSocket();
    new Connection(sock).close();
    expect(sock.closed).toBe(true);
  });
});

describe('Connection.transaction()', () => {
  const marker = (n: number): Request => ({ type: 0x10, flags: 1 /* NLM_F_REQUEST only */, body: new Writer().u32(n).finish(), what: `batch marker ${n}`, noReply: true });

  it('sends the whole batch in one datagram, however long, and waits only for acked messages', () => {
    const many = Array.from({ length: 700 }, (_, i) => req(i + 10));
    const sock = new FakeSocket((msgs) => [datagram(...msgs.filter((m) => m.header.flags & NLM_F.NLM_F_ACK).map((m) => ack(m)))]);
    const out = new Connection(sock).transaction([marker(1), ...many, marker(2)]);
    expect(sock.sent).toHaveLength(1);
    expect(sock.sentMessages()).toHaveLength(702);
    expect(out.filter((o) => o.ack?.errno === 0)).toHaveLength(700);
    expect(out.some((o) => o.error)).toBe(false);
  });

  it('takes an error under a marker as the failure of the whole batch and reads only what is queued', () => {
    // The kernel refuses the commit: one error under BATCH_BEGIN's number, no acks for the rest.
    const sock = new FakeSocket((msgs) => [datagram(ack(msgs[0] as Message, { errno: 12 }))]);
    const out = new Connection(sock).transaction([marker(1), req(5), req(6), marker(2)]);
    expect(out[0]?.error?.errnoName).toBe('ENOMEM');
    expect(out[0]?.error?.message).toContain('cannot batch marker 1: ENOMEM');
    expect(out[1]?.ack).toBeUndefined();
  });
});

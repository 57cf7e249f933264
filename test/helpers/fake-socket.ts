import { HOST_LITTLE_ENDIAN } from '../../src/os/byteorder.js';
import { NLMSGERR_ATTR, NLMSG, NLMSG_HDRLEN, NLM_F } from '../../src/netlink/constants.js';
import { parseMessages, type Message } from '../../src/netlink/message.js';
import type { NetlinkSocket } from '../../src/netlink/socket.js';
import { Writer } from '../../src/netlink/writer.js';

/**
 * A NetlinkSocket that plays the kernel in tests. Every send is recorded and
 * handed to `answer`, which returns the datagrams the "kernel" queues in
 * reply; receive() hands them out in order. A receive with nothing queued
 * throws instead of blocking, so a Connection that waits for an answer that
 * never comes fails the test at once.
 */
export class FakeSocket implements NetlinkSocket {
  /** Every datagram sent, as sent. */
  readonly sent: Uint8Array[] = [];
  readonly queue: Uint8Array[] = [];
  closed = false;

  constructor(private readonly answer: (requests: Message[], datagram: Uint8Array) => Uint8Array[] = ackAll) {}

  send(datagram: Uint8Array): void {
    if (this.closed) throw new Error('send on a closed FakeSocket');
    const copy = Uint8Array.from(datagram);
    this.sent.push(copy);
    this.queue.push(...this.answer(parseMessages(copy), copy));
  }

  receive(): Uint8Array {
    const next = this.queue.shift();
    if (!next) throw new Error(`FakeSocket: receive() with nothing queued (after ${this.sent.length} sends)`);
    return next;
  }

  /** What is queued, without waiting (undefined when nothing is). */
  poll(): Uint8Array | undefined {
    return this.queue.shift();
  }

  close(): void {
    this.closed = true;
  }

  /** Every message sent so far, across datagrams. */
  sentMessages(): Message[] {
    return this.sent.flatMap((d) => parseMessages(d));
  }
}

/** The kernel's answer when everything succeeds: one datagram of acks, one per request. */
export function ackAll(requests: Message[]): Uint8Array[] {
  return [datagram(...requests.map((r) => ack(r)))];
}

/** One netlink message: header plus payload (padded to 4 bytes). */
export function message(type: number, flags: number, seq: number, payload: Uint8Array, pid = 4242): Uint8Array {
  const len = NLMSG_HDRLEN + payload.length;
  const out = new Uint8Array((len + 3) & ~3);
  const v = new DataView(out.buffer);
  v.setUint32(0, len, HOST_LITTLE_ENDIAN);
  v.setUint16(4, type, HOST_LITTLE_ENDIAN);
  v.setUint16(6, flags, HOST_LITTLE_ENDIAN);
  v.setUint32(8, seq, HOST_LITTLE_ENDIAN);
  v.setUint32(12, pid, HOST_LITTLE_ENDIAN);
  out.set(payload, NLMSG_HDRLEN);
  return out;
}

/** Several messages back to back in one datagram. */
export function datagram(...messages: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
  let off = 0;
  for (const m of messages) {
    out.set(m, off);
    off += m.length;
  }
  return out;
}

export interface AckOptions {
  /** Positive errno; 0 (the default) is success. */
  readonly errno?: number;
  readonly extack?: string;
  readonly extackOffset?: number;
  /** Echo only the request's header (NETLINK_CAP_ACK, as nslab's sockets ask); default true. */
  readonly capped?: boolean;
}

/**
 * An NLMSG_ERROR answering `request` the way the kernel writes it:
 * struct nlmsgerr (error, then the request's header, or the whole request
 * when not capped), then extended-ACK attributes with NLM_F_ACK_TLVS.
 */
export function ack(request: Message, opts: AckOptions = {}): Uint8Array {
  const capped = opts.capped ?? true;
  const w = new Writer();
  w.i32(-(opts.errno ?? 0));
  w.u32(request.header.length).u16(request.header.type).u16(request.header.flags).u32(request.header.seq).u32(request.header.pid);
  if (!capped) w.bytes(request.payload).pad();
  let flags = capped ? NLM_F.NLM_F_CAPPED : 0;
  if (opts.extack !== undefined || opts.extackOffset !== undefined) {
    flags |= NLM_F.NLM_F_ACK_TLVS;
    if (opts.extack !== undefined) w.attrString(NLMSGERR_ATTR.NLMSGERR_ATTR_MSG, opts.extack);
    if (opts.extackOffset !== undefined) w.attrU32(NLMSGERR_ATTR.NLMSGERR_ATTR_OFFS, opts.extackOffset);
  }
  return message(NLMSG.NLMSG_ERROR, flags, request.header.seq, w.finish());
}

/** The end of a multipart dump; a negative `error` is how a dump reports failure. */
export function done(seq: number, error = 0): Uint8Array {
  return message(NLMSG.NLMSG_DONE, NLM_F.NLM_F_MULTI, seq, new Writer().i32(error).finish());
}

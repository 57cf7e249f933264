import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { NLMSG, NLM_F } from './constants.js';
import { decodeAck, NetlinkError, type Ack } from './error.js';
import { encodeMessage, parseMessages, type Message, type Request } from './message.js';
import type { NetlinkSocket } from './socket.js';

/** What became of one request in an exchange. */
export interface Outcome {
  readonly request: Request;
  readonly seq: number;
  /** Replies (dump parts, echoes) in arrival order. */
  readonly replies: Message[];
  /** The kernel's ack; undefined for requests that get none. */
  readonly ack?: Ack;
  readonly error?: NetlinkError;
}

interface Pending {
  request: Request;
  seq: number;
  replies: Message[];
  ack?: Ack;
  done: boolean;
}

/** Most messages and bytes put in one sendmsg; keeps the acks within the receive buffer. */
const MAX_BATCH_MESSAGES = 512;
const MAX_BATCH_BYTES = 1 << 20;

const debug = process.env.NSLAB_NLDEBUG === '1';

function hexdump(prefix: string, buf: Uint8Array): void {
  const words: string[] = [];
  for (let i = 0; i < buf.length; i += 4) words.push(Buffer.from(buf.subarray(i, i + 4)).toString('hex'));
  process.stderr.write(`${prefix} ${buf.length}B: ${words.join(' ')}\n`);
}

function waitsForAnswer(req: Request): boolean {
  return (req.flags & (NLM_F.NLM_F_ACK | NLM_F.NLM_F_DUMP)) !== 0 || req.noReply !== true;
}

/**
 * Requests and their answers over one netlink socket: sequence numbers,
 * acks, multipart dumps and batches live here, not in callers.
 */
export class Connection {
  private nextSeq = 1;

  constructor(
    readonly socket: NetlinkSocket,
    /** Where this socket lives, for messages ("netns lan.h1"). */
    readonly label = 'netlink',
  ) {}

  /**
   * Send many requests, several to a sendmsg, and wait until every one is
   * answered. Every outcome is returned; nothing is thrown for a refusal.
   */
  exchange(requests: readonly Request[]): Outcome[] {
    const all: Pending[] = [];
    let i = 0;
    while (i < requests.length) {
      const chunk: Pending[] = [];
      const parts: Uint8Array[] = [];
      let bytes = 0;
      while (i < requests.length && chunk.length < MAX_BATCH_MESSAGES && bytes < MAX_BATCH_BYTES) {
        const request = requests[i++] as Request;
        const seq = this.nextSeq++;
        const encoded = encodeMessage(request, seq);
        parts.push(encoded);
        bytes += encoded.length;
        chunk.push({ request, seq, replies: [], done: !waitsForAnswer(request) });
      }
      this.sendAll(parts, bytes);
      this.collect(chunk);
      all.push(...chunk);
    }
    return this.outcomes(all);
  }

  /** Send requests and throw the first refusal (after all are answered). */
  apply(requests: readonly Request[]): Outcome[] {
    const outcomes = this.exchange(requests);
    const failed = outcomes.find((o) => o.error);
    if (failed?.error) throw failed.error;
    return outcomes;
  }

  /** One request; its replies, or the kernel's refusal thrown. */
  request(request: Request): Message[] {
    return (this.apply([request])[0] as Outcome).replies;
  }

  /** A dump request; every message of the multipart answer. */
  dump(request: Request): Message[] {
    return this.request(request);
  }

  close(): void {
    this.socket.close();
  }

  private sendAll(parts: Uint8Array[], bytes: number): void {
    const datagram = new Uint8Array(bytes);
    let off = 0;
    for (const p of parts) {
      datagram.set(p, off);
      off += p.length;
    }
    if (debug) hexdump(`[${this.label}] >`, datagram);
    this.socket.send(datagram);
  }

  /**
   * Send requests as one indivisible datagram (an nf_tables transaction:
   * BATCH_BEGIN … BATCH_END must arrive in one sendmsg) and wait for every
   * answer. An answer under a `noReply` marker's sequence number means the
   * whole batch failed (a failed commit, for one): it is recorded on that
   * marker, and what is already queued is read without waiting for acks that
   * will not come. Mind that the kernel acks messages of an aborted batch with
   * 0: check every outcome, not one.
   */
  transaction(requests: readonly Request[]): Outcome[] {
    const pending: Pending[] = requests.map((request) => ({ request, seq: this.nextSeq++, replies: [], done: !waitsForAnswer(request) }));
    const parts = pending.map((p) => encodeMessage(p.request, p.seq));
    this.sendAll(parts, parts.reduce((n, part) => n + part.length, 0));
    this.collect(pending, true);
    return this.outcomes(pending);
  }

  private outcomes(pending: Pending[]): Outcome[] {
    return pending.map((p) => ({
      request: p.request,
      seq: p.seq,
      replies: p.replies,
      ...(p.ack ? { ack: p.ack } : {}),
      ...(p.ack && p.ack.errno !== 0 ? { error: new NetlinkError(p.ack, p.request) } : {}),
    }));
  }

  private collect(chunk: Pending[], markersFailBatch = false): void {
    const bySeq = new Map(chunk.map((p) => [p.seq, p]));
    let open = chunk.filter((p) => !p.done).length;
    let batchFailed = false;
    const handle = (datagram: Uint8Array): void => {
      if (debug) hexdump(`[${this.label}] <`, datagram);
      for (const msg of parseMessages(datagram)) {
        const p = bySeq.get(msg.header.seq);
        if (!p) continue; // not ours (another exchange's late answer)
        if (markersFailBatch && p.request.noReply === true) {
          if (msg.header.type === NLMSG.NLMSG_ERROR) {
            const ack = decodeAck(msg.payload, msg.header.flags);
            if (ack.errno !== 0) {
              p.ack = ack;
              batchFailed = true;
            }
          }
          continue;
        }
        if (p.done) continue; // a late answer to something already settled
        if (msg.header.type === NLMSG.NLMSG_ERROR) {
          p.ack = decodeAck(msg.payload, msg.header.flags);
          // A GET with NLM_F_ACK gets its reply first, then this ack.
          p.done = true;
        } else if (msg.header.type === NLMSG.NLMSG_DONE) {
          const v = new DataView(msg.payload.buffer, msg.payload.byteOffset, msg.payload.byteLength);
          const errno = msg.payload.length >= 4 ? 0 - v.getInt32(0, HOST_LITTLE_ENDIAN) : 0;
          if (errno !== 0) p.ack = { errno, seq: p.seq };
          p.done = true;
        } else {
          p.replies.push(msg);
          if (!(msg.header.flags & NLM_F.NLM_F_MULTI) && !(p.request.flags & NLM_F.NLM_F_ACK)) p.done = true;
        }
        if (p.done) open--;
      }
    };
    while (open > 0 && !batchFailed) handle(this.socket.receive());
    if (batchFailed && this.socket.poll) {
      // The kernel answered everything it will before send() returned.
      for (let d = this.socket.poll(); d !== undefined; d = this.socket.poll()) handle(d);
    }
  }
}

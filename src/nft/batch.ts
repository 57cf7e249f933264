import { NLMSG, NLM_F } from '../netlink/constants.js';
import { decodeAck, NetlinkError, type Ack } from '../netlink/error.js';
import { encodeMessage, parseMessages, type Message, type Request } from '../netlink/message.js';
import type { NetlinkSocket } from '../netlink/socket.js';
import { NftError } from './errors.js';
import { batchBegin, batchEnd } from './framing.js';

/**
 * One nf_tables transaction over a netlink socket. What the kernel does with
 * a batch (net/netfilter/nfnetlink.c, nfnetlink_rcv_batch; checked on 6.18):
 *
 * - A batch is BATCH_BEGIN, the messages, BATCH_END **in one sendmsg**: the
 *   kernel handles one skb per send, and ignores anything after BATCH_END.
 *   The whole batch is processed synchronously inside that sendmsg, so every
 *   answer is already queued on the socket when send returns.
 * - Processing does not stop at the first refusal: every message is tried,
 *   each refused one gets an NLMSG_ERROR with its errno and extack, each one
 *   sent with NLM_F_ACK that was accepted gets an ack of 0 — and then the
 *   whole transaction is aborted. So an ack of 0 does not mean "applied";
 *   only a batch without any refusal is committed.
 * - BATCH_BEGIN and BATCH_END are not answered (unless sent with NLM_F_ACK,
 *   which only kernels since 6.10 honour; older ones stay silent), except
 *   that failures of the batch as a whole are reported against BATCH_BEGIN's
 *   sequence number: a commit that fails after every message was accepted
 *   (then the per-message acks follow), out of memory while queueing errors,
 *   an unknown subsystem (then nothing else follows).
 *
 * So: every message but the markers carries NLM_F_ACK; the runner waits for
 * one answer per acked message (matched by sequence number), watches
 * BATCH_BEGIN's sequence number for a batch-wide failure, and after such a
 * failure takes only what is already queued instead of waiting for acks
 * that will never come.
 *
 * src/netlink's Connection cannot do this yet: it splits request lists of
 * more than 512 messages or 1 MiB over several sendmsg calls (the second
 * part would arrive without BATCH_BEGIN), and it drops answers to `noReply`
 * requests as late, so a failed commit would look like success. Until it
 * can send a batch whole and watch BATCH_BEGIN's sequence number, this
 * runner talks to the socket itself, with sequence numbers from a range of
 * its own (session.ts).
 */

/** A socket that can also be drained without blocking (KernelSocket can). */
interface Drainable {
  poll(): Uint8Array | undefined;
}

function canPoll(s: NetlinkSocket): s is NetlinkSocket & Drainable {
  return typeof (s as Partial<Drainable>).poll === 'function';
}

/** What became of one message of a transaction. */
export interface BatchOutcome {
  readonly request: Request;
  readonly seq: number;
  /** Echoes (NLM_F_ECHO) the kernel sent for it. */
  readonly replies: Message[];
  readonly ack?: Ack;
}

export interface BatchResult {
  /** True when the kernel accepted every message and committed. */
  readonly committed: boolean;
  readonly outcomes: BatchOutcome[];
  /** Set when not committed: the refusal, in words. */
  readonly error?: NftError;
}

const debug = process.env.NSLAB_NLDEBUG === '1';

function hexdump(prefix: string, buf: Uint8Array): void {
  const words: string[] = [];
  for (let i = 0; i < buf.length; i += 4) words.push(Buffer.from(buf.subarray(i, i + 4)).toString('hex'));
  process.stderr.write(`${prefix} ${buf.length}B: ${words.join(' ')}\n`);
}

interface Pending {
  request: Request;
  seq: number;
  replies: Message[];
  ack?: Ack;
}

/**
 * Send requests as one transaction and collect every answer. Never throws
 * for a refusal (see `committed` and `error`); throws for a failed system
 * call or a receive timeout.
 */
export function runBatch(socket: NetlinkSocket, requests: readonly Request[], nextSeq: () => number, label = 'nf_tables'): BatchResult {
  if (requests.length === 0) return { committed: true, outcomes: [] };
  const begin: Pending = { request: batchBegin(), seq: nextSeq(), replies: [] };
  const body: Pending[] = requests.map((request) => {
    if (!(request.flags & NLM_F.NLM_F_ACK)) {
      throw new TypeError(`nf_tables request "${request.what}" lacks NLM_F_ACK; every message in a batch must ask for one`);
    }
    return { request, seq: nextSeq(), replies: [] };
  });
  const end: Pending = { request: batchEnd(), seq: nextSeq(), replies: [] };

  const parts = [begin, ...body, end].map((p) => encodeMessage(p.request, p.seq));
  const datagram = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    datagram.set(p, off);
    off += p.length;
  }
  if (debug) hexdump(`[${label}] >`, datagram);
  socket.send(datagram);

  const bySeq = new Map(body.map((p) => [p.seq, p]));
  let open = body.length;
  let batchAck: Ack | undefined;
  const take = (gram: Uint8Array): void => {
    if (debug) hexdump(`[${label}] <`, gram);
    for (const msg of parseMessages(gram)) {
      if (msg.header.seq === begin.seq && msg.header.type === NLMSG.NLMSG_ERROR) {
        const ack = decodeAck(msg.payload, msg.header.flags);
        if (ack.errno !== 0) batchAck ??= ack;
        continue;
      }
      const p = bySeq.get(msg.header.seq);
      if (!p || p.ack) continue; // not ours, or already settled
      if (msg.header.type === NLMSG.NLMSG_ERROR) {
        p.ack = decodeAck(msg.payload, msg.header.flags);
        open--;
      } else {
        p.replies.push(msg);
      }
    }
  };
  while (open > 0 && batchAck === undefined) take(socket.receive());
  if (batchAck !== undefined && canPoll(socket)) {
    // Everything the kernel will say about this batch is queued already.
    for (let gram = socket.poll(); gram !== undefined && open > 0; gram = socket.poll()) take(gram);
  }

  const outcomes: BatchOutcome[] = body.map((p) => ({
    request: p.request,
    seq: p.seq,
    replies: p.replies,
    ...(p.ack ? { ack: p.ack } : {}),
  }));
  const refused = outcomes.filter((o) => o.ack && o.ack.errno !== 0);
  if (refused.length === 0 && batchAck === undefined) return { committed: true, outcomes };

  const failures = refused.map((o) => new NetlinkError(o.ack as Ack, o.request));
  const first = refused[0];
  const error = first
    ? new NftError(first.ack as Ack, first.request, failures, body.length)
    : new NftError(batchAck as Ack, { ...begin.request, what: `commit an nf_tables transaction of ${body.length} changes (${requests[0]?.what}${body.length > 1 ? ', …' : ''})` }, [], body.length);
  return { committed: false, outcomes, error };
}

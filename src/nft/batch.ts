import type { Connection } from '../netlink/connection.js';
import { NLM_F } from '../netlink/constants.js';
import { NetlinkError, type Ack } from '../netlink/error.js';
import type { Message, Request } from '../netlink/message.js';
import { NftError } from './errors.js';
import { batchBegin, batchEnd } from './framing.js';

/**
 * One nf_tables transaction over a netlink connection. What the kernel does
 * with a batch (net/netfilter/nfnetlink.c, nfnetlink_rcv_batch; checked on 6.18):
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
 * So: every message but the markers carries NLM_F_ACK, and the markers are
 * `noReply` requests. Connection.transaction() sends the lot as one datagram,
 * waits for one answer per acked message (matched by sequence number),
 * records an error under a marker's sequence number as a failure of the whole
 * batch, and after one reads only what is already queued.
 */

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

/**
 * Send requests as one transaction and collect every answer. Never throws
 * for a refusal (see `committed` and `error`); throws for a failed system
 * call or a receive timeout.
 */
export function runBatch(connection: Connection, requests: readonly Request[]): BatchResult {
  if (requests.length === 0) return { committed: true, outcomes: [] };
  for (const request of requests) {
    if (!(request.flags & NLM_F.NLM_F_ACK)) {
      throw new TypeError(`nf_tables request "${request.what}" lacks NLM_F_ACK; every message in a batch must ask for one`);
    }
  }
  const begin = batchBegin();
  const all = connection.transaction([begin, ...requests, batchEnd()]);
  const markers = [all[0], all[all.length - 1]];
  const batchAck = markers.find((m) => m?.ack && m.ack.errno !== 0)?.ack;

  const outcomes: BatchOutcome[] = all.slice(1, -1).map((o) => ({
    request: o.request,
    seq: o.seq,
    replies: o.replies,
    ...(o.ack ? { ack: o.ack } : {}),
  }));
  const refused = outcomes.filter((o) => o.ack && o.ack.errno !== 0);
  if (refused.length === 0 && batchAck === undefined) return { committed: true, outcomes };

  const n = outcomes.length;
  const failures = refused.map((o) => new NetlinkError(o.ack as Ack, o.request));
  const first = refused[0];
  const error = first
    ? new NftError(first.ack as Ack, first.request, failures, n)
    : new NftError(batchAck as Ack, { ...begin, what: `commit an nf_tables transaction of ${n} changes (${requests[0]?.what}${n > 1 ? ', …' : ''})` }, [], n);
  return { committed: false, outcomes, error };
}

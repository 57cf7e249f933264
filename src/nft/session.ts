import { Connection } from '../netlink/connection.js';
import { NETLINK_NETFILTER } from '../netlink/constants.js';
import type { Message, Request } from '../netlink/message.js';
import { KernelSocket, type NetlinkSocket, type SocketOptions } from '../netlink/socket.js';
import { runBatch, type BatchResult } from './batch.js';

/**
 * nf_tables in one network namespace: a NETLINK_NETFILTER socket and its
 * Connection, for transactions (all-or-nothing batches, batch.ts) and dumps;
 * both take their sequence numbers from the same counter.
 *
 *   const nft = NftSession.open({ netnsFd });
 *   try { nft.commit(natRuleset(plan)); } finally { nft.close(); }
 */
export class NftSession {
  readonly connection: Connection;

  constructor(
    readonly socket: NetlinkSocket,
    /** Where this socket lives, for messages ("netns lab-r1"). */
    readonly label = 'nf_tables',
  ) {
    this.connection = new Connection(socket, label);
  }

  /** Open a NETLINK_NETFILTER socket (in the namespace of `netnsFd`, if given). */
  static open(opts: SocketOptions & { label?: string } = {}): NftSession {
    const { label, ...socketOpts } = opts;
    return new NftSession(new KernelSocket(NETLINK_NETFILTER, socketOpts), label);
  }

  /**
   * Run the requests as one transaction; every outcome is returned and
   * nothing is thrown for a refusal (`committed` is false, `error` says why).
   */
  transaction(requests: readonly Request[]): BatchResult {
    return runBatch(this.connection, requests);
  }

  /** Run the requests as one transaction; throw NftError if the kernel refused any. */
  commit(requests: readonly Request[]): BatchResult {
    const result = this.transaction(requests);
    if (result.error) throw result.error;
    return result;
  }

  /** Every message of a dump (NLM_F_DUMP request). */
  dump(request: Request): Message[] {
    return this.connection.dump(request);
  }

  close(): void {
    this.socket.close();
  }
}

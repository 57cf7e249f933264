import { Connection } from '../netlink/connection.js';
import { NETLINK_ROUTE } from '../netlink/constants.js';
import { KernelSocket, type SocketOptions } from '../netlink/socket.js';
import { SyscallError } from '../os/syscall-error.js';

export interface RtnlOptions extends SocketOptions {
  /** Where the socket lives, for messages ("netns lab-h1"). */
  readonly label?: string;
}

/**
 * rtnetlink in one network namespace: a NETLINK_ROUTE socket and the
 * Connection over it (requests, batches, dumps), like nft/session.ts for
 * nf_tables. Lab code opens one of these and never builds sockets itself.
 *
 *   const rtnl = RtnlSession.open({ netnsPath: '/run/netns/lab-h1' });   // ip -n lab-h1 …
 *   try { rtnl.apply([newAddr(…)]); } finally { rtnl.close(); }
 *
 * With `groups`, the socket also hears the kernel's notifications
 * (`ip monitor`), read with poll().
 */
export class RtnlSession extends Connection {
  private readonly kernel: KernelSocket;

  private constructor(socket: KernelSocket, label: string) {
    super(socket, label);
    this.kernel = socket;
  }

  static open(opts: RtnlOptions = {}): RtnlSession {
    const { label, ...socketOpts } = opts;
    return new RtnlSession(new KernelSocket(NETLINK_ROUTE, socketOpts), label ?? 'rtnetlink');
  }

  /** Like open() inside the namespace pinned at netnsPath, or undefined when nothing is pinned there. */
  static openIfExists(netnsPath: string, opts: Omit<RtnlOptions, 'netnsPath' | 'netnsFd'> = {}): RtnlSession | undefined {
    try {
      return RtnlSession.open({ ...opts, netnsPath });
    } catch (err) {
      if (err instanceof SyscallError && err.call === 'open' && err.errnoName === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** A queued datagram (notifications, with `groups`), else undefined; never blocks. */
  poll(): Uint8Array | undefined {
    return this.kernel.poll();
  }
}

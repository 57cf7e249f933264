import { RtnlSession } from '../rtnl/session.js';
import { statSync } from 'node:fs';
import { Connection } from '../netlink/connection.js';
import { SyscallError } from '../os/syscall-error.js';
import { decodeAddr, dumpAddrs } from '../rtnl/addr.js';
import { RTNLGRP } from '../rtnl/constants.js';
import { decodeLink, dumpLinks, type Link } from '../rtnl/link.js';
import { decodeRoute, dumpRoutes } from '../rtnl/route.js';
import type { NamespaceState } from './inspect.js';
import { netnsPath } from '../sys/netns-path.js';

/** What the viewer and `nslab events` listen to: links, addresses and routes, both families. */
export const WATCH_GROUPS: readonly number[] = [
  RTNLGRP.RTNLGRP_LINK,
  RTNLGRP.RTNLGRP_IPV4_IFADDR,
  RTNLGRP.RTNLGRP_IPV6_IFADDR,
  RTNLGRP.RTNLGRP_IPV4_ROUTE,
  RTNLGRP.RTNLGRP_IPV6_ROUTE,
];

/** Most datagrams read from one namespace per poll, so one busy node can't stall the rest. */
export const MAX_DRAIN = 256;

/** The inode of a named namespace (nsfs), or undefined when it is gone. */
export function netnsInode(name: string): number | undefined {
  try {
    return statSync(netnsPath(name)).ino;
  } catch {
    return undefined;
  }
}

/**
 * Two sockets inside one lab namespace: one joined to the rtnetlink
 * multicast groups (read without blocking), one for dumps. A socket keeps
 * its namespace alive, so `stale()` notices when the name was deleted or
 * reused and the owner closes this at once.
 */
export class NamespaceWatch {
  private constructor(
    readonly netns: string,
    private readonly inode: number,
    private readonly events: RtnlSession,
    private readonly query: Connection,
  ) {}

  /** Open both sockets, or undefined when the namespace does not exist. */
  static open(netns: string): NamespaceWatch | undefined {
    const inode = netnsInode(netns);
    if (inode === undefined) return undefined;
    const label = `netns ${netns}`;
    const events = RtnlSession.openIfExists(netnsPath(netns), { groups: WATCH_GROUPS, timeoutMs: 2000, label });
    if (!events) return undefined;
    try {
      const query = RtnlSession.open({ netnsPath: netnsPath(netns), timeoutMs: 2000, label });
      return new NamespaceWatch(netns, inode, events, query);
    } catch (err) {
      events.close();
      throw err;
    }
  }

  /** True when the namespace's name no longer leads to the one these sockets are in. */
  stale(): boolean {
    return netnsInode(this.netns) !== this.inode;
  }

  /**
   * Read every queued notification without blocking; true if there was any
   * (or if the kernel dropped some for want of buffer: ENOBUFS means "re-read").
   */
  drain(): boolean {
    let changed = false;
    for (let i = 0; i < MAX_DRAIN; i++) {
      let d: Uint8Array | undefined;
      try {
        d = this.events.poll();
      } catch (err) {
        if (err instanceof SyscallError && err.errnoName === 'ENOBUFS') return true;
        throw err;
      }
      if (d === undefined) return changed;
      changed = true;
    }
    return true;
  }

  /** Links (with their counters), addresses and routes, dumped now. */
  read(): NamespaceState {
    return {
      links: this.links(),
      addresses: this.query.dump(dumpAddrs()).map(decodeAddr),
      routes: [...this.query.dump(dumpRoutes(4)), ...this.query.dump(dumpRoutes(6))].map(decodeRoute),
    };
  }

  /** Links only: the once-a-second counter read. */
  links(): Link[] {
    return this.query.dump(dumpLinks()).map(decodeLink);
  }

  close(): void {
    this.events.close();
    this.query.close();
  }
}

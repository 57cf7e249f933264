import { NamespaceTracker, type Change, type LabEvent } from './event-tracker.js';
import { RtnlSession } from '../rtnl/session.js';
import { SyscallError } from '../os/syscall-error.js';
import { parseMessages } from '../netlink/message.js';
import { netnsPath } from '../sys/netns-path.js';
import type { Plan } from '../topology/plan.js';
import { readNamespace } from './inspect.js';
import { MAX_DRAIN, WATCH_GROUPS, netnsInode } from './namespace-watch.js';

/**
 * `nslab events`: what changes in a running lab, as it happens. One socket
 * per node namespace joined to the rtnetlink multicast groups for links,
 * addresses and routes (both families), read without blocking on a short
 * timer. Each namespace's links, addresses and routes are dumped once at the
 * start, so a notification that changes nothing visible (the kernel sends
 * several RTM_NEWLINK for one `ip link set down`) prints nothing, and every
 * line says what is different now.
 *
 * Shown: interfaces added, removed, renamed, their state (up, down,
 * no-carrier) and MTU; global addresses; main-table routes (not IPv6
 * link-local ones, as `nslab inspect`); namespaces that vanish or come back.
 */
interface Watched {
  readonly node: string;
  readonly netns: string;
  socket?: RtnlSession;
  inode?: number;
  readonly tracker: NamespaceTracker;
}

export interface EventStreamOptions {
  readonly onEvent: (e: LabEvent) => void;
  /** Every namespace of the lab is gone (it was taken down). */
  readonly onGone?: () => void;
  readonly onError?: (err: unknown) => void;
  /** How often the multicast sockets are read, ms. */
  readonly pollMs?: number;
  /** How often namespaces are looked for (gone, back), ms. */
  readonly presenceMs?: number;
  readonly now?: () => Date;
}

/** The lab's namespaces watched; start() begins, close() ends (idempotent). */
export class LabEventStream {
  private readonly watched: Watched[];
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private readonly now: () => Date;

  constructor(
    plan: Plan,
    private readonly opts: EventStreamOptions,
  ) {
    this.now = opts.now ?? ((): Date => new Date());
    this.watched = plan.namespaces.map((n) => ({ node: n.node, netns: n.name, tracker: new NamespaceTracker() }));
  }

  /** Open every namespace's socket (subscribed before the first dump, so nothing falls between). */
  start(): void {
    for (const w of this.watched) this.open(w);
    this.timers = [
      setInterval(() => this.guard(() => this.poll()), this.opts.pollMs ?? 100),
      setInterval(() => this.guard(() => this.presence()), this.opts.presenceMs ?? 1000),
    ];
  }

  /** How many namespaces are being watched now. */
  get watching(): number {
    return this.watched.filter((w) => w.socket).length;
  }

  private guard(fn: () => void): void {
    if (this.closed) return;
    try {
      fn();
    } catch (err) {
      this.opts.onError?.(err);
    }
  }

  private open(w: Watched): boolean {
    const inode = netnsInode(w.netns);
    if (inode === undefined) return false;
    const socket = RtnlSession.openIfExists(netnsPath(w.netns), { groups: WATCH_GROUPS, timeoutMs: 2000, label: `netns ${w.netns}` });
    if (!socket) return false;
    w.socket = socket;
    w.inode = inode;
    const state = readNamespace(w.netns);
    if (state) w.tracker.seed(state);
    return true;
  }

  private drop(w: Watched): void {
    w.socket?.close();
    delete w.socket;
    delete w.inode;
  }

  private emit(w: Watched, c: Change): void {
    this.opts.onEvent({ time: this.now().toISOString(), node: w.node, netns: w.netns, ...c } as LabEvent);
  }

  /** Read every queued notification of every namespace, without blocking. */
  poll(): void {
    for (const w of this.watched) {
      const socket = w.socket;
      if (!socket) continue;
      let linkWentDown = false;
      for (let i = 0; i < MAX_DRAIN; i++) {
        let d: Uint8Array | undefined;
        try {
          d = socket.poll();
        } catch (err) {
          if (err instanceof SyscallError && err.errnoName === 'ENOBUFS') {
            // The kernel dropped notifications: compare a fresh dump with what we knew.
            this.resync(w);
            break;
          }
          throw err;
        }
        if (d === undefined) break;
        for (const msg of parseMessages(d)) {
          for (const c of w.tracker.handle(msg)) {
            this.emit(w, c);
            if (c.kind === 'link' && (c.action === 'removed' || c.state === 'down')) linkWentDown = true;
          }
        }
      }
      // IPv4 routes through an interface that goes down are flushed without
      // any RTM_DELROUTE: a fresh dump shows what went with it.
      if (linkWentDown) this.resync(w);
    }
  }

  private resync(w: Watched): void {
    const state = readNamespace(w.netns);
    if (state) for (const c of w.tracker.compare(state)) this.emit(w, c);
  }

  /** Namespaces that went away (closed) or came back (reopened). */
  presence(): void {
    for (const w of this.watched) {
      const inode = netnsInode(w.netns);
      if (w.socket && inode !== w.inode) {
        this.drop(w);
        this.emit(w, { kind: 'namespace', action: 'removed' });
      }
      if (!w.socket && inode !== undefined && this.open(w)) this.emit(w, { kind: 'namespace', action: 'added' });
    }
    if (this.watching === 0) this.opts.onGone?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const w of this.watched) this.drop(w);
  }
}

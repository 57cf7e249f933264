import { RtnlSession } from '../rtnl/session.js';
import { SyscallError } from '../os/syscall-error.js';
import { parseMessages, type Message } from '../netlink/message.js';
import { decodeAddr, type Address } from '../rtnl/addr.js';
import { AF_UNSPEC, RTM, RT_TABLE_MAIN } from '../rtnl/constants.js';
import { decodeLink, type Link } from '../rtnl/link.js';
import { decodeRoute, type Route } from '../rtnl/route.js';
import { netnsPath } from '../sys/netns-path.js';
import type { Plan } from '../topology/plan.js';
import { readNamespace, type NamespaceState } from './inspect.js';
import { linkState } from './link-control.js';
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

export type LinkStateWord = 'up' | 'down' | 'no-carrier';

interface EventBase {
  /** ISO 8601 time the change was read. */
  readonly time: string;
  readonly node: string;
  readonly netns: string;
}

export type LabEvent =
  | (EventBase & {
      readonly kind: 'link';
      readonly action: 'added' | 'removed' | 'changed';
      readonly interface: string;
      readonly state?: LinkStateWord;
      readonly mtu?: number;
      /** The old name, when renamed. */
      readonly renamedFrom?: string;
    })
  | (EventBase & { readonly kind: 'address'; readonly action: 'added' | 'removed'; readonly interface: string; readonly address: string })
  | (EventBase & {
      readonly kind: 'route';
      readonly action: 'added' | 'removed';
      readonly dst: string;
      readonly via?: string;
      readonly dev?: string;
      readonly metric?: number;
    })
  | (EventBase & { readonly kind: 'namespace'; readonly action: 'added' | 'removed' });

/** Without the time and place: what a tracker works out. */
export type Change = LabEvent extends infer E ? (E extends LabEvent ? Omit<E, keyof EventBase> : never) : never;

interface KnownLink {
  name: string;
  state: LinkStateWord;
  mtu?: number;
}

function routeKey(r: Route): string {
  return `${r.family}|${r.dst}|${r.gateway ?? ''}|${r.oif ?? ''}|${r.metric ?? ''}`;
}

function shownRoute(r: Route): boolean {
  return r.table === RT_TABLE_MAIN && !r.dst.startsWith('fe80:') && !r.dst.startsWith('ff00:');
}

function shownAddress(a: Address): boolean {
  return a.scope === 0;
}

/**
 * What one namespace looks like as far as events go, and the changes a
 * notification makes to it. Pure: feed it messages, get changes.
 */
export class NamespaceTracker {
  private readonly links = new Map<number, KnownLink>();
  private readonly addresses = new Set<string>();
  private readonly routes = new Map<string, Route>();

  /** Take a dump as the starting point (nothing is reported). */
  seed(state: NamespaceState): void {
    this.links.clear();
    this.addresses.clear();
    this.routes.clear();
    this.compare(state);
  }

  /**
   * The changes from what was known to this dump, which becomes what is
   * known (after the kernel dropped notifications: ENOBUFS).
   */
  compare(state: NamespaceState): Change[] {
    const out: Change[] = [];
    for (const l of state.links) out.push(...this.link(l));
    const addrs = new Map(state.addresses.filter(shownAddress).map((a) => [`${a.index}|${a.local}/${a.prefix}`, a]));
    for (const key of [...this.addresses]) {
      if (addrs.has(key)) continue;
      this.addresses.delete(key);
      const [index, address] = key.split('|') as [string, string];
      out.push({ kind: 'address', action: 'removed', interface: this.dev(Number(index)) ?? '?', address });
    }
    for (const [key, a] of addrs) {
      if (this.addresses.has(key)) continue;
      this.addresses.add(key);
      out.push({ kind: 'address', action: 'added', interface: this.dev(a.index) ?? '?', address: `${a.local}/${a.prefix}` });
    }
    const routes = new Map(state.routes.filter(shownRoute).map((r) => [routeKey(r), r]));
    for (const [key, r] of [...this.routes]) {
      if (routes.has(key)) continue;
      this.routes.delete(key);
      out.push(this.routeChange(r, 'removed'));
    }
    for (const [key, r] of routes) {
      if (this.routes.has(key)) continue;
      this.routes.set(key, r);
      out.push(this.routeChange(r, 'added'));
    }
    // Interfaces go last, so what went with them is still named.
    const present = new Set(state.links.map((l) => l.index));
    for (const [index, known] of [...this.links]) {
      if (present.has(index)) continue;
      this.links.delete(index);
      out.push({ kind: 'link', action: 'removed', interface: known.name });
    }
    return out;
  }

  private routeChange(r: Route, action: 'added' | 'removed'): Change {
    const dev = this.dev(r.oif);
    return {
      kind: 'route',
      action,
      dst: r.dst,
      ...(r.gateway !== undefined ? { via: r.gateway } : {}),
      ...(dev !== undefined ? { dev } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
    };
  }

  private dev(index: number | undefined): string | undefined {
    return index === undefined ? undefined : (this.links.get(index)?.name ?? `if${index}`);
  }

  /** The changes one notification makes; [] for one that changes nothing shown. */
  handle(msg: Message): Change[] {
    const isLink = msg.header.type === RTM.RTM_NEWLINK || msg.header.type === RTM.RTM_DELLINK;
    // A bridge also reports its ports' bridge state in AF_BRIDGE link messages
    // (RTM_DELLINK when a port merely leaves the bridge): not link changes.
    if (isLink && msg.payload[0] !== AF_UNSPEC) return [];
    switch (msg.header.type) {
      case RTM.RTM_NEWLINK:
        return this.link(decodeLink(msg));
      case RTM.RTM_DELLINK: {
        const l = decodeLink(msg);
        const known = this.links.get(l.index);
        if (!known) return [];
        this.links.delete(l.index);
        return [{ kind: 'link', action: 'removed', interface: known.name }];
      }
      case RTM.RTM_NEWADDR:
      case RTM.RTM_DELADDR: {
        const a = decodeAddr(msg);
        if (!shownAddress(a)) return [];
        const key = `${a.index}|${a.local}/${a.prefix}`;
        const add = msg.header.type === RTM.RTM_NEWADDR;
        if (add === this.addresses.has(key)) return [];
        if (add) this.addresses.add(key);
        else this.addresses.delete(key);
        return [{ kind: 'address', action: add ? 'added' : 'removed', interface: this.dev(a.index) ?? '?', address: `${a.local}/${a.prefix}` }];
      }
      case RTM.RTM_NEWROUTE:
      case RTM.RTM_DELROUTE: {
        const r = decodeRoute(msg);
        if (!shownRoute(r)) return [];
        const key = routeKey(r);
        const add = msg.header.type === RTM.RTM_NEWROUTE;
        if (add === this.routes.has(key)) return [];
        if (add) this.routes.set(key, r);
        else this.routes.delete(key);
        return [this.routeChange(r, add ? 'added' : 'removed')];
      }
      default:
        return [];
    }
  }

  private link(l: Link): Change[] {
    const state = linkState(l);
    const known = this.links.get(l.index);
    this.links.set(l.index, { name: l.name, state, ...(l.mtu !== undefined ? { mtu: l.mtu } : {}) });
    if (!known) return [{ kind: 'link', action: 'added', interface: l.name, state, ...(l.mtu !== undefined ? { mtu: l.mtu } : {}) }];
    const out: Change[] = [];
    if (known.name !== l.name) out.push({ kind: 'link', action: 'changed', interface: l.name, renamedFrom: known.name });
    if (known.state !== state) out.push({ kind: 'link', action: 'changed', interface: l.name, state });
    if (l.mtu !== undefined && known.mtu !== undefined && known.mtu !== l.mtu) out.push({ kind: 'link', action: 'changed', interface: l.name, mtu: l.mtu });
    return out;
  }
}

/** "12:00:01" in local time. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One human line: "12:00:01 h1 eth0 down". */
export function formatEvent(e: LabEvent): string {
  const head = `${clockTime(e.time)} ${e.node}`;
  switch (e.kind) {
    case 'link':
      if (e.action === 'removed') return `${head} ${e.interface} removed`;
      if (e.action === 'added') return `${head} ${e.interface} added${e.state ? ` (${e.state})` : ''}`;
      if (e.renamedFrom !== undefined) return `${head} ${e.renamedFrom} renamed ${e.interface}`;
      if (e.mtu !== undefined && e.state === undefined) return `${head} ${e.interface} mtu ${e.mtu}`;
      return `${head} ${e.interface} ${e.state ?? 'changed'}`;
    case 'address':
      return `${head} ${e.interface} address ${e.address} ${e.action}`;
    case 'route':
      return `${head} route ${e.dst}${e.via ? ` via ${e.via}` : ''}${e.dev ? ` dev ${e.dev}` : ''}${e.metric !== undefined ? ` metric ${e.metric}` : ''} ${e.action}`;
    case 'namespace':
      return `${head} namespace ${e.netns} ${e.action === 'removed' ? 'gone' : 'back'}`;
  }
}

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

import { type Message } from '../netlink/message.js';
import { decodeAddr, type Address } from '../rtnl/addr.js';
import { AF_UNSPEC, RTM, RT_TABLE_MAIN } from '../rtnl/constants.js';
import { decodeLink, type Link } from '../rtnl/link.js';
import { decodeRoute, type Route } from '../rtnl/route.js';
import { type NamespaceState } from './inspect.js';

/**
 * What `nslab events` reports, decoded from rtnetlink notifications without
 * touching the kernel: the event types, a namespace's tracker (what it
 * knew, what a message changes) and the one-line format. The streams that
 * feed it are ./events.ts.
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
    const state = l.state;
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


import { LinkControlError, formatImpairment, impairmentFromQdiscs, mergeImpairment, missingQdiscMessage, parseEndpoint, parseFlags, type ImpairmentFlags } from './link-impairment.js';
import { RtnlSession } from '../rtnl/session.js';
import { Connection } from '../netlink/connection.js';
import { NetlinkError } from '../netlink/error.js';
import { contains, parseCidr, parseIp } from '../inet/ip.js';
import { decodeLink, dumpLinks, setLink, type Link } from '../rtnl/link.js';
import { TC_H, decodeQdisc, dumpQdiscs, unsupportedQdiscKind, type Qdisc } from '../rtnl/qdisc.js';
import { clearImpairment, impairmentRequests, type ImpairmentSpec } from '../topology/impairment.js';
import { RTM } from '../rtnl/constants.js';
import { netnsPath } from '../sys/netns-path.js';
import { addressRequest, routeRequest } from './requests.js';
import type { Plan, PlanAddress, PlanRoute } from '../topology/plan.js';

/**
 * `nslab link set` and `nslab link show`: a lab's links changed and read
 * back at runtime, through rtnetlink in the node's namespace (no `ip`, no
 * `tc`). Impairments use the same qdisc layout as `up`
 * (../topology/impairment.ts); what an interface has is decoded from the
 * kernel's qdisc dump, so `show` tells what the kernel holds, whoever put it there.
 */




/** A connection inside a node's namespace, closed by the caller. */
function connect(netns: string): Connection {
  const rtnl = RtnlSession.openIfExists(netnsPath(netns), { timeoutMs: 5000, label: `netns ${netns}` });
  if (!rtnl) throw new LinkControlError(`namespace ${netns} is missing (was the lab taken down?)`);
  return rtnl;
}

function nodeNetns(plan: Plan, node: string): string {
  const ns = plan.namespaces.find((n) => n.node === node);
  if (!ns) throw new LinkControlError(`lab ${plan.lab} has no node '${node}' (nodes: ${plan.namespaces.map((n) => n.node).join(', ')})`);
  return ns.name;
}

export interface InterfaceStatus {
  readonly node: string;
  readonly netns: string;
  readonly interface: string;
  readonly index: number;
  readonly state: 'up' | 'down' | 'no-carrier';
  readonly operstate: string;
  readonly mtu?: number;
  /** Impairment fields in the kernel's units: rate bit/s, times µs, percentages. */
  readonly impairment: ImpairmentSpec;
  /** The same in words ("rate 10mbit loss 1%"); "" for none. */
  readonly impairmentText: string;
  readonly qdiscs: readonly string[];
  readonly foreignQdisc: boolean;
  readonly drops: number;
  /** After `--up`: what the lab had through this interface and was put back. */
  readonly restored?: Restored;
}

function statusOf(node: string, netns: string, link: Link, qdiscs: readonly Qdisc[]): InterfaceStatus {
  const imp = impairmentFromQdiscs(qdiscs.filter((q) => q.index === link.index));
  return {
    node,
    netns,
    interface: link.name,
    index: link.index,
    state: link.state,
    operstate: link.operstate,
    ...(link.mtu !== undefined ? { mtu: link.mtu } : {}),
    impairment: imp.spec,
    impairmentText: formatImpairment(imp.spec),
    qdiscs: imp.qdiscs,
    foreignQdisc: imp.foreign,
    drops: imp.drops,
  };
}

function readInterfaces(conn: Connection, node: string, netns: string): InterfaceStatus[] {
  const links = conn.dump(dumpLinks()).map(decodeLink).filter((l) => l.name !== 'lo');
  const qdiscs = conn.dump(dumpQdiscs()).filter((m) => m.header.type === RTM.RTM_NEWQDISC).map(decodeQdisc);
  return links.map((l) => statusOf(node, netns, l, qdiscs));
}

/** Every interface of every node, with its state and impairment as the kernel has them. */
export function showLinks(plan: Plan): { lab: string; interfaces: InterfaceStatus[]; missing: string[] } {
  const interfaces: InterfaceStatus[] = [];
  const missing: string[] = [];
  for (const n of plan.namespaces) {
    let conn: Connection;
    try {
      conn = connect(n.name);
    } catch (err) {
      if (err instanceof LinkControlError) {
        missing.push(n.node);
        continue;
      }
      throw err;
    }
    try {
      interfaces.push(...readInterfaces(conn, n.node, n.name));
    } finally {
      conn.close();
    }
  }
  return { lab: plan.lab, interfaces, missing };
}

export interface LinkChange {
  /** Impairment changes on top of what the interface has. */
  readonly flags?: ImpairmentFlags;
  /** Remove every impairment first (flags given with it start from nothing). */
  readonly clear?: boolean;
  /** Administrative state. */
  readonly up?: boolean;
}

function isAbsentQdisc(err: NetlinkError): boolean {
  // "Cannot delete qdisc with handle of zero" (ENOENT) / nothing there (EINVAL on some kernels).
  return err.errnoName === 'ENOENT' || err.errnoName === 'EINVAL';
}

/** Addresses and routes put back when an interface comes up again. */
export interface Restored {
  readonly addresses: number;
  readonly routes: number;
}

/** The plan's addresses on an interface, and its routes that leave through it. */
export function plannedThrough(plan: Plan, netns: string, dev: string): { addresses: PlanAddress[]; routes: PlanRoute[] } {
  const addresses = plan.addresses.filter((a) => a.netns === netns && a.dev === dev);
  const nets = addresses.map((a) => parseCidr(a.address));
  const routes = plan.routes.filter(
    (r) => r.netns === netns && (r.dev === dev || (r.dev === undefined && r.via !== undefined && nets.some((n) => contains(n, parseIp(r.via as string))))),
  );
  return { addresses, routes };
}

/**
 * Setting an interface down makes the kernel drop every route through it
 * and its IPv6 addresses (keep_addr_on_down is 0), without a word; setting
 * it up does not bring them back. A lab link plugged back in should work
 * as before, so the plan's addresses and routes through the interface are
 * added again (those still there answer EEXIST and are left alone).
 */
function restorePlanned(conn: Connection, plan: Plan, netns: string, link: Link): Restored {
  const { addresses, routes } = plannedThrough(plan, netns, link.name);
  const addrRequests = addresses.map((a) => addressRequest(a, link.index));
  const routeRequests = routes.map((r) => routeRequest(r, r.dev !== undefined ? link.index : undefined));
  const added = (outcomes: { error?: NetlinkError }[]): number => {
    let n = 0;
    for (const o of outcomes) {
      if (!o.error) n++;
      else if (o.error.errnoName !== 'EEXIST') throw o.error;
    }
    return n;
  };
  const a = added(conn.exchange(addrRequests));
  const r = added(conn.exchange(routeRequests));
  return { addresses: a, routes: r };
}

/**
 * Change one interface of a running lab. Impairments: the root qdisc goes,
 * the new layout is added; if the kernel refuses the new one (no netem
 * here), the old layout is put back and the refusal explained in one line.
 */
export function setLinkState(plan: Plan, endpoint: string, change: LinkChange): InterfaceStatus {
  const { node, iface } = parseEndpoint(endpoint);
  const netns = nodeNetns(plan, node);
  const conn = connect(netns);
  try {
    const link = conn.dump(dumpLinks()).map(decodeLink).find((l) => l.name === iface);
    if (!link) throw new LinkControlError(`node ${node} has no interface '${iface}'`);
    const dev = `${node}:${iface}`;
    const hasImpairmentChange = change.clear === true || (change.flags !== undefined && Object.values(change.flags).some((v) => v !== undefined));
    if (hasImpairmentChange) {
      const qdiscs = conn.dump(dumpQdiscs(link.index)).filter((m) => m.header.type === RTM.RTM_NEWQDISC).map(decodeQdisc).filter((q) => q.index === link.index);
      const now = impairmentFromQdiscs(qdiscs);
      if (now.foreign && !change.clear) {
        throw new LinkControlError(`${dev} has a ${now.root} qdisc nslab did not put there; use --clear to replace it`);
      }
      let next: ImpairmentSpec;
      try {
        next = mergeImpairment(change.clear ? {} : now.spec, parseFlags(change.flags ?? {}));
      } catch (err) {
        throw new LinkControlError(`${dev}: ${(err as Error).message}`);
      }
      const opts = { dev, ...(link.mtu !== undefined ? { mtu: link.mtu } : {}) };
      // A device left alone has its default root (noqueue for a veth) with handle 0.
      const root = qdiscs.find((q) => q.parent === TC_H.TC_H_ROOT);
      if (root !== undefined && root.handle !== 0) {
        const [cleared] = conn.exchange([clearImpairment(link.index, { dev })]);
        if (cleared?.error && !isAbsentQdisc(cleared.error)) throw cleared.error;
      }
      if (Object.keys(next).length > 0) {
        try {
          conn.apply(impairmentRequests(link.index, next, opts));
        } catch (err) {
          // Put back what was there (best effort), then say why.
          conn.exchange([clearImpairment(link.index, { dev })]);
          if (!now.foreign && Object.keys(now.spec).length > 0) conn.exchange(impairmentRequests(link.index, now.spec, opts));
          if (err instanceof NetlinkError) {
            const kind = unsupportedQdiscKind(err);
            if (kind) throw new LinkControlError(`cannot impair ${dev}: ${missingQdiscMessage(kind, err.extackMessage ?? err.errnoName)}`);
          }
          throw err;
        }
      }
    }
    let restored: Restored | undefined;
    if (change.up !== undefined) {
      conn.apply([setLink({ index: link.index, up: change.up })]);
      if (change.up) restored = restorePlanned(conn, plan, netns, link);
    }
    const after = readInterfaces(conn, node, netns).find((i) => i.index === link.index);
    if (!after) throw new LinkControlError(`${dev} vanished while being changed`);
    return restored ? { ...after, restored } : after;
  } finally {
    conn.close();
  }
}

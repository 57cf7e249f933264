import { RtnlSession } from '../rtnl/session.js';
import { Connection } from '../netlink/connection.js';
import type { Request } from '../netlink/message.js';
import { bridge } from '../rtnl/kinds/bridge.js';
import { veth } from '../rtnl/kinds/veth.js';
import { newLink, parseMac, setLink } from '../rtnl/link.js';
import { NetlinkError } from '../netlink/error.js';
import { unsupportedQdiscKind } from '../rtnl/qdisc.js';
import { impairmentRequests } from '../topology/impairment.js';
import { missingQdiscMessage, LinkControlError } from './link-impairment.js';
import { createNamedNetns, writeSysctl, type NamedNetns } from '../sys/netns.js';
import { libc } from '../os/libc.js';
import { inNetns } from '../os/thread-netns.js';
import { ensureFdRoom } from '../os/fd-room.js';
import { Sandbox } from './sandbox.js';
import { isUplinkRoute, type Plan } from '../topology/plan.js';
import type { Journal } from './state.js';
import type { ApplyContext } from './step.js';
import { STEPS } from './steps.js';
import { addressRequest, routeRequest } from './requests.js';

const LOOPBACK_INDEX = 1;

/** A namespace being built: its fd and the rtnetlink socket opened inside it. */
interface Node {
  readonly ns: NamedNetns;
  readonly rtnl: Connection;
}

export interface ApplyProgress {
  (phase: string, done: number, total: number): void;
}

/**
 * Execute a plan. The journal gets every namespace before it is made; all
 * other objects live inside those namespaces and go with them. Requests for
 * one namespace travel in one batch per phase:
 *  1. namespaces (sysctls set and a socket opened while inside);
 *  2. lo up, bridges, veth pairs (each end born in its namespace, named and numbered);
 *  3. far ends of veths up (a veth end born elsewhere cannot start up);
 *  4. addresses, then routes;
 *  5. link impairments (tc qdiscs).
 */
export async function applyPlan(
  plan: Plan,
  journal: Journal,
  progress?: ApplyProgress,
  /** Called after each step with every fact so far, so later steps' processes (exec) can read them. */
  saveFacts?: (facts: Record<string, unknown>) => void,
): Promise<Record<string, unknown>> {
  const nodes = new Map<string, Node>();
  const node = (name: string): Node => {
    const n = nodes.get(name);
    if (!n) throw new Error(`plan refers to namespace ${name}, which the plan does not create`);
    return n;
  };
  const facts: Record<string, unknown> = {};
  // Two fds per namespace (its file and its socket) for the whole build, and some to spare.
  ensureFdRoom(2 * plan.namespaces.length + 512);
  let sandbox: Sandbox | undefined;
  let done = 0;
  /** Namespaces this run made (createNamedNetns undoes its own half-made one). */
  const made = new Set<string>();
  const inside = (n: (typeof plan.namespaces)[number]): Connection => {
    for (const [key, value] of n.netSysctls) writeSysctl(key, value);
    return RtnlSession.open({ label: `netns ${n.name}` });
  };
  /** Every namespace of the plan, each in `nodes` as soon as it exists. */
  const makeNamespaces = async (): Promise<void> => {
    for (const n of plan.namespaces) {
      if (n.confine.isolation === 'sandbox') continue;
      const { ns, result } = createNamedNetns(n.name, () => inside(n));
      made.add(n.name);
      nodes.set(n.name, { ns, rtnl: result });
      progress?.('namespaces', ++done, plan.namespaces.length);
    }
    if (sandbox) {
      await sandbox.createMany(plan.namespaces.filter((n) => n.confine.isolation === 'sandbox'), (n, ns) => {
        nodes.set(n.name, { ns, rtnl: inNetns(ns.fd, () => inside(n)) });
        progress?.('namespaces', ++done, plan.namespaces.length);
      });
      await sandbox.close();
    }
  };
  try {
    // Sandboxed nodes' namespaces are born in the lab's user namespace, so it comes first.
    if (plan.namespaces.some((n) => n.confine.isolation === 'sandbox')) sandbox = await Sandbox.open(plan, journal);
    journal.intend(plan.namespaces.map((n) => ({ op: 'netns', name: n.name })));
    try {
      await makeNamespaces();
    } catch (err) {
      // The journal named every namespace before the first was made; those
      // not made (a name someone else holds among them) are not ours to remove.
      journal.retractNamespaces(plan.namespaces.filter((n) => !made.has(n.name) && !sandbox?.pinned.has(n.name)).map((n) => n.name));
      throw err;
    }
    if (sandbox) {
      facts.sandbox = sandbox.facts();
      saveFacts?.(facts);
    }

    const batches = new Map<string, Request[]>(plan.namespaces.map((n) => [n.name, [setLink({ index: LOOPBACK_INDEX, up: true })]]));
    const add = (ns: string, r: Request): void => {
      const list = batches.get(ns);
      if (!list) throw new Error(`plan refers to namespace ${ns}, which the plan does not create`);
      list.push(r);
    };
    for (const b of plan.bridges) {
      add(b.netns, newLink({ name: b.name, index: b.index, up: true, info: bridge() }, b.origin));
    }
    for (const v of plan.veths) {
      const mtu = v.mtu !== undefined ? { mtu: v.mtu } : {};
      const peer = { name: v.b.name, index: v.b.index, mac: parseMac(v.b.mac), ...mtu, netnsFd: node(v.b.netns).ns.fd };
      add(
        v.a.netns,
        newLink(
          {
            name: v.a.name,
            index: v.a.index,
            mac: parseMac(v.a.mac),
            ...mtu,
            ...(v.a.master !== undefined ? { master: v.a.master } : {}),
            up: true,
            info: veth(peer),
          },
          v.origin,
        ),
      );
    }
    runPhase('links', batches, node, progress);

    const farEnds = new Map<string, Request[]>();
    for (const v of plan.veths) {
      const list = farEnds.get(v.b.netns) ?? [];
      list.push(setLink({ index: v.b.index, up: true, ...(v.b.master !== undefined ? { master: v.b.master } : {}) }, v.origin));
      farEnds.set(v.b.netns, list);
    }
    runPhase('interfaces up', farEnds, node, progress);

    const config = new Map<string, Request[]>();
    const push = (ns: string, r: Request): void => {
      const list = config.get(ns) ?? [];
      list.push(r);
      config.set(ns, list);
    };
    for (const a of plan.addresses) {
      push(a.netns, addressRequest(a));
    }
    for (const r of plan.routes) {
      if (isUplinkRoute(plan, r)) continue; // over the uplink cable, which its step makes later
      push(r.netns, routeRequest(r));
    }
    runPhase('addresses and routes', config, node, progress);

    const shaping = new Map<string, Request[]>();
    for (const imp of plan.impairments) {
      const list = shaping.get(imp.netns) ?? [];
      list.push(...impairmentRequests(imp.index, imp.spec, { dev: `${imp.node}:${imp.dev}`, origin: imp.origin, ...(imp.mtu !== undefined ? { mtu: imp.mtu } : {}) }));
      shaping.set(imp.netns, list);
    }
    try {
      runPhase('link impairments', shaping, node, progress);
    } catch (err) {
      // A kernel without the qdisc: say which feature is missing, in one line.
      const kind = err instanceof NetlinkError ? unsupportedQdiscKind(err) : undefined;
      if (err instanceof NetlinkError && kind) {
        const imp = plan.impairments.find((i) => i.origin === err.request?.origin);
        const dev = imp ? `${imp.node}:${imp.dev}` : 'a link';
        throw new LinkControlError(`cannot impair ${dev}: ${missingQdiscMessage(kind, err.extackMessage ?? err.errnoName)} [${err.request?.origin ?? plan.source}]`, { cause: err });
      }
      throw err;
    }

    // Then the steps: confinement, NAT, commands… each journals what it makes.
    for (const ref of STEPS) {
      const step = await ref.load();
      const ctx: ApplyContext = {
        plan,
        journal,
        netnsFd: (name) => node(name).ns.fd,
        rtnl: (name) => node(name).rtnl,
        remember: (fact) => {
          facts[step.name] = fact;
        },
        ...(progress ? { progress } : {}),
      };
      await step.apply(ctx);
      saveFacts?.(facts);
    }
    return facts;
  } finally {
    await sandbox?.close();
    for (const n of nodes.values()) {
      n.rtnl.close();
      libc.close(n.ns.fd);
    }
  }
}

function runPhase(phase: string, batches: Map<string, Request[]>, node: (ns: string) => Node, progress?: ApplyProgress): void {
  let done = 0;
  for (const [ns, requests] of batches) {
    if (requests.length > 0) node(ns).rtnl.apply(requests);
    progress?.(phase, ++done, batches.size);
  }
}

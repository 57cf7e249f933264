import { RtnlSession } from '../rtnl/session.js';
import { Connection } from '../netlink/connection.js';
import type { Request } from '../netlink/message.js';
import { bridge } from '../rtnl/kinds/bridge.js';
import { veth } from '../rtnl/kinds/veth.js';
import { parseMac } from '../inet/mac.js';
import { newLink, setLink } from '../rtnl/link.js';
import { NetlinkError } from '../netlink/error.js';
import { unsupportedQdiscKind } from '../rtnl/qdisc.js';
import { impairmentRequests } from '../topology/impairment.js';
import { missingQdiscMessage, LinkControlError } from './link-impairment.js';
import { createNamedNetns } from '../sys/netns.js';
import { ProcSys } from '../sys/proc-sys.js';
import { netnsPath } from '../sys/netns-path.js';
import { O_CLOEXEC, O_RDONLY, libc } from '../os/libc.js';
import { inNetns } from '../os/thread-netns.js';
import { ensureFdRoom } from '../os/fd-room.js';
import { Sandbox } from './sandbox.js';
import { type Plan } from '../topology/plan.js';
import type { Journal } from './state.js';
import type { ApplyContext } from './step.js';
import { STEPS } from './steps.js';
import { addressRequest, routeRequest } from './requests.js';

const LOOPBACK_INDEX = 1;

/**
 * A namespace being built: the rtnetlink socket opened inside it. Its fd is
 * not kept (a socket stays in the namespace it was made in): a 10 000-node
 * lab would otherwise hold 20 000 fds. Where a request or a step needs the
 * namespace's fd it is opened then, a chunk of requests at a time.
 */
interface Node {
  readonly rtnl: Connection;
}

/** Requests for a namespace, some of which name other namespaces by fd (a veth's far end). */
type PhaseItem = Request | ((fdOf: (netns: string) => number) => Request);

/** How many requests go to the kernel at once when they carry namespace fds: bounds the fds open together. */
const FD_CHUNK = 1024;

function openNetnsFd(name: string): number {
  return libc.open(netnsPath(name), O_RDONLY | O_CLOEXEC);
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
  // A socket per namespace for the whole build, a chunk of namespace fds at a time, and some to spare.
  ensureFdRoom(plan.namespaces.length + FD_CHUNK + 512);
  let sandbox: Sandbox | undefined;
  const stepFds = new FdCache(64);
  let done = 0;
  /** Namespaces this run made (createNamedNetns undoes its own half-made one). */
  const made = new Set<string>();
  const procSys = new ProcSys();
  const inside = (n: (typeof plan.namespaces)[number]): Connection => {
    procSys.writeAll(n.netSysctls);
    return RtnlSession.open({ label: `netns ${n.name}` });
  };
  /** Every namespace of the plan, each in `nodes` as soon as it exists. */
  const makeNamespaces = async (): Promise<void> => {
    for (const n of plan.namespaces) {
      if (n.confine.isolation === 'sandbox') continue;
      const { ns, result } = createNamedNetns(n.name, () => inside(n));
      libc.close(ns.fd);
      made.add(n.name);
      nodes.set(n.name, { rtnl: result });
      progress?.('namespaces', ++done, plan.namespaces.length);
    }
    if (sandbox) {
      await sandbox.createMany(plan.namespaces.filter((n) => n.confine.isolation === 'sandbox'), (n, ns) => {
        try {
          nodes.set(n.name, { rtnl: inNetns(ns.fd, () => inside(n)) });
        } finally {
          libc.close(ns.fd);
        }
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

    const batches = new Map<string, PhaseItem[]>(plan.namespaces.map((n) => [n.name, [setLink({ index: LOOPBACK_INDEX, up: true })]]));
    const add = (ns: string, r: PhaseItem): void => {
      const list = batches.get(ns);
      if (!list) throw new Error(`plan refers to namespace ${ns}, which the plan does not create`);
      list.push(r);
    };
    for (const b of plan.bridges) {
      add(b.netns, newLink({ name: b.name, index: b.index, up: true, info: bridge() }, b.origin));
    }
    for (const v of plan.veths) {
      const mtu = v.mtu !== undefined ? { mtu: v.mtu } : {};
      node(v.b.netns); // the far end's namespace is the plan's
      add(v.a.netns, (fdOf) =>
        newLink(
          {
            name: v.a.name,
            index: v.a.index,
            mac: parseMac(v.a.mac),
            ...mtu,
            ...(v.a.master !== undefined ? { master: v.a.master } : {}),
            up: true,
            info: veth({ name: v.b.name, index: v.b.index, mac: parseMac(v.b.mac), ...mtu, netnsFd: fdOf(v.b.netns) }),
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
      if (r.uplink) continue; // over the uplink cable, which its step makes later
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
        netnsFd: (name) => {
          node(name);
          return stepFds.get(name);
        },
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
    procSys.close();
    await sandbox?.close();
    stepFds.closeAll();
    for (const n of nodes.values()) n.rtnl.close();
  }
}

/**
 * Namespace fds for steps, opened on first use and kept for a few: steps
 * use each at once (a setns, a socket made inside), so an fd closed when
 * the cache is full is never one still in use.
 */
class FdCache {
  private readonly fds = new Map<string, number>();
  constructor(private readonly most: number) {}
  get(name: string): number {
    let fd = this.fds.get(name);
    if (fd !== undefined) return fd;
    fd = openNetnsFd(name);
    this.fds.set(name, fd);
    if (this.fds.size > this.most) {
      const [oldest, oldFd] = this.fds.entries().next().value as [string, number];
      this.fds.delete(oldest);
      libc.close(oldFd);
    }
    return fd;
  }
  closeAll(): void {
    for (const fd of this.fds.values()) libc.close(fd);
    this.fds.clear();
  }
}

function runPhase(phase: string, batches: Map<string, PhaseItem[]>, node: (ns: string) => Node, progress?: ApplyProgress): void {
  let done = 0;
  for (const [ns, items] of batches) {
    // In chunks, so the far ends' fds a chunk names are open only while it is sent.
    for (let i = 0; i < items.length; i += FD_CHUNK) {
      const open = new Map<string, number>();
      const fdOf = (name: string): number => {
        let fd = open.get(name);
        if (fd === undefined) {
          fd = openNetnsFd(name);
          open.set(name, fd);
        }
        return fd;
      };
      try {
        const requests = items.slice(i, i + FD_CHUNK).map((it) => (typeof it === 'function' ? it(fdOf) : it));
        node(ns).rtnl.apply(requests);
      } finally {
        for (const fd of open.values()) libc.close(fd);
      }
    }
    progress?.(phase, ++done, batches.size);
  }
}

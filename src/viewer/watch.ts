import type { SandboxFacts } from '../lab/sandbox.js';
import { labCgroups, liveNodeParts, planView, type LabView, type LinkView, type NodeView } from '../lab/inspect.js';
import type { CgroupManager } from '../sys/cgroup/index.js';
import type { Plan } from '../topology/plan.js';
import { decorations, type Decorations } from './decorations.js';
import { computeLayout, type Layout } from './layout.js';
import { NamespaceWatch } from '../lab/namespace-watch.js';
import { formatRate, linkRates, RateMeter, type LinkRate } from './rates.js';

/** Where the lab stands now: its plan, and its status if it is up (undefined when not). */
export interface LabState {
  readonly plan: Plan;
  readonly status: string | undefined;
  /** What the lab's record keeps besides its plan (cgroups, for processes and memory). */
  readonly facts?: Readonly<Record<string, unknown>>;
}

export interface LinkRateView extends LinkRate {
  /** Both ways together, formatted ("1.2 Mb/s"). */
  readonly label: string;
}

/** What the page is told. */
export type WatchEvent =
  | { readonly type: 'lab'; readonly view: LabView; readonly layout: Layout; readonly decor: Decorations }
  | { readonly type: 'node'; readonly node: NodeView; readonly links: LinkView[] }
  | { readonly type: 'rates'; readonly at: number; readonly links: Record<string, LinkRateView> };

export interface WatchOptions {
  /** Asked once a second: a lab that goes up or down, or is rebuilt from another plan, is redrawn. */
  readonly state: () => LabState;
  readonly onEvent: (e: WatchEvent) => void;
  /** A failure inside a timer (the watcher keeps going). */
  readonly onError?: (err: unknown) => void;
  /** How often multicast sockets are read, ms. */
  readonly pollMs?: number;
  /** How often counters are read and rates sent, ms. */
  readonly statsMs?: number;
  /** Clock in ms (tests). */
  readonly now?: () => number;
}


/** A node's view without its counters, to tell real changes from traffic. */
function withoutStats(n: NodeView): string {
  return JSON.stringify({ ...n, interfaces: n.interfaces.map(({ stats: _s, ...i }) => i) });
}

/**
 * The live lab: one NamespaceWatch per node, multicast read on a short
 * timer without blocking, the changed node re-dumped and pushed; counters
 * read once a second and turned into per-link rates. Never blocks on recv:
 * every kernel call here is a non-blocking read or a dump that answers at once.
 */
export class LabWatcher {
  private plan: Plan;
  private status: string | undefined;
  private layout: Layout;
  private decor: Decorations;
  private nodes = new Map<string, NodeView>();
  private links: LinkView[] = [];
  private readonly watches = new Map<string, NamespaceWatch>();
  private readonly meter = new RateMeter();
  private lastRates: Record<string, LinkRateView> = {};
  private timers: NodeJS.Timeout[] = [];
  private closed = false;
  private cgroups: CgroupManager | undefined;
  private sandbox: SandboxFacts | undefined;
  private readonly now: () => number;
  /** planView of the current plan, made once per plan: a 1000-node lab's view costs too much to remake per event. */
  private planCache: { status: string; view: LabView } | undefined;
  private planText: string;

  constructor(private readonly opts: WatchOptions) {
    this.now = opts.now ?? Date.now;
    const s = opts.state();
    this.plan = s.plan;
    this.status = s.status;
    this.cgroups = labCgroups(s.facts);
    this.sandbox = s.facts?.sandbox as SandboxFacts | undefined;
    this.planText = JSON.stringify(this.plan);
    this.layout = computeLayout(this.plannedView());
    this.decor = decorations(this.plan);
    this.rebuild();
  }

  /** The plan's view (status 'planned' unless given), cached until the plan or status changes. */
  private plannedView(status = 'planned'): LabView {
    if (this.planCache?.status !== status) this.planCache = { status, view: planView(this.plan, status) };
    return this.planCache.view;
  }

  /** Start the timers. */
  start(): void {
    const poll = setInterval(() => this.guard(() => this.poll()), this.opts.pollMs ?? 100);
    const stats = setInterval(() => this.guard(() => this.tick()), this.opts.statsMs ?? 1000);
    this.timers = [poll, stats];
  }

  get live(): boolean {
    return this.status !== undefined;
  }

  /** The lab as it is now, in `nslab inspect --json`'s shape. */
  view(): LabView {
    const base = { lab: this.plan.lab, status: this.status ?? 'planned', source: this.plan.source, live: this.live };
    return { ...base, nodes: this.plan.namespaces.map((n) => this.nodes.get(n.node) as NodeView), links: this.links };
  }

  currentLayout(): Layout {
    return this.layout;
  }

  currentDecorations(): Decorations {
    return this.decor;
  }

  rates(): Record<string, LinkRateView> {
    return this.lastRates;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.closeWatches();
  }

  private guard(fn: () => void): void {
    if (this.closed) return;
    try {
      fn();
    } catch (err) {
      this.opts.onError?.(err);
    }
  }

  private closeWatches(): void {
    for (const w of this.watches.values()) w.close();
    this.watches.clear();
  }

  /** Everything from scratch: plan view, then every namespace read if the lab is up. */
  private rebuild(): void {
    this.closeWatches();
    const planned = this.plannedView(this.status ?? 'planned');
    this.nodes = new Map(planned.nodes.map((n) => [n.name, n]));
    this.links = planned.links;
    this.lastRates = {};
    if (!this.live) return;
    for (const n of this.plan.namespaces) this.attach(n.node, n.name);
    this.links = this.linkStates();
    this.sampleRates(false);
  }

  private planned(node: string): NodeView {
    return this.plannedView(this.status ?? 'planned').nodes.find((n) => n.name === node) as NodeView;
  }

  /** Open a node's namespace and read it; true if its view changed. */
  private attach(node: string, netns: string): boolean {
    const w = NamespaceWatch.open(netns);
    if (!w) return false;
    this.watches.set(node, w);
    return this.refresh(node);
  }

  /** Re-read one node; true if anything but counters changed. */
  private refresh(node: string): boolean {
    const w = this.watches.get(node);
    const before = this.nodes.get(node);
    if (!before) return false;
    let next: NodeView;
    if (!w) {
      next = this.planned(node);
    } else {
      try {
        const state = w.read();
        next = { ...before, present: true, ...liveNodeParts(state, node, before.netns, this.cgroups, this.sandbox) };
      } catch (err) {
        // The namespace went away between the check and the dump.
        w.close();
        this.watches.delete(node);
        this.meter.forget(node);
        next = this.planned(node);
        if (!w.stale()) this.opts.onError?.(err);
      }
    }
    this.nodes.set(node, next);
    return withoutStats(before) !== withoutStats(next);
  }

  private linkStates(): LinkView[] {
    const iface = (node: string, name: string) => this.nodes.get(node)?.interfaces.find((i) => i.name === name);
    return this.plannedView(this.status ?? 'planned').links.map((l) => {
      const a = iface(l.a.node, l.a.interface);
      const b = iface(l.b.node, l.b.interface);
      return { ...l, up: this.live && Boolean(a?.up && a.carrier && b?.up && b.carrier) };
    });
  }

  private emitNodes(changed: Iterable<string>): void {
    const set = new Set(changed);
    if (set.size === 0) return;
    this.links = this.linkStates();
    for (const node of set) {
      const view = this.nodes.get(node);
      if (!view) continue;
      const links = this.links.filter((l) => l.a.node === node || l.b.node === node);
      this.opts.onEvent({ type: 'node', node: view, links });
    }
  }

  /** Every poll: read notifications; re-dump and push the nodes that had any. */
  private poll(): void {
    if (!this.live) return;
    const changed: string[] = [];
    for (const [node, w] of this.watches) {
      if (w.drain() && this.refresh(node)) changed.push(node);
    }
    this.emitNodes(changed);
  }

  /** Once a second: lab up/down/replanned, namespaces gone or new, counters and rates. */
  private tick(): void {
    const s = this.opts.state();
    const text = JSON.stringify(s.plan);
    if (text !== this.planText || (s.status === undefined) !== (this.status === undefined)) {
      this.plan = s.plan;
      this.planText = text;
      this.planCache = undefined;
      this.status = s.status;
      this.cgroups = labCgroups(s.facts);
      this.sandbox = s.facts?.sandbox as SandboxFacts | undefined;
      this.layout = computeLayout(this.plannedView());
      this.decor = decorations(this.plan);
      this.rebuild();
      this.opts.onEvent({ type: 'lab', view: this.view(), layout: this.layout, decor: this.decor });
      return;
    }
    if (s.status !== this.status) {
      this.status = s.status;
      this.opts.onEvent({ type: 'lab', view: this.view(), layout: this.layout, decor: this.decor });
    }
    if (!this.live) return;
    const changed: string[] = [];
    for (const n of this.plan.namespaces) {
      const w = this.watches.get(n.node);
      if (w?.stale()) {
        w.close();
        this.watches.delete(n.node);
        this.meter.forget(n.node);
        if (this.refresh(n.node)) changed.push(n.node);
      } else if (!w) {
        if (this.attach(n.node, n.name)) changed.push(n.node);
      }
    }
    this.emitNodes(changed);
    this.sampleRates(true);
  }

  /** Read counters of every node, and send link rates. */
  private sampleRates(send: boolean): void {
    const at = this.now();
    const changed: string[] = [];
    for (const [node, w] of this.watches) {
      const view = this.nodes.get(node);
      if (!view) continue;
      let links;
      try {
        links = w.links();
      } catch {
        continue; // gone; the next tick notices
      }
      // Counters ride on the link dump; a changed flag seen here (a missed
      // notification) is a reason to re-read the node.
      const byName = new Map(links.map((l) => [l.name, l]));
      let missed = false;
      const interfaces = view.interfaces.map((i) => {
        const l = byName.get(i.name);
        if (!l) {
          missed = true;
          return i;
        }
        if (l.up !== i.up || l.carrier !== i.carrier || l.operstate !== i.operstate) missed = true;
        if (!l.stats) return i;
        const stats = {
          rxBytes: Number(l.stats.rxBytes),
          txBytes: Number(l.stats.txBytes),
          rxPackets: Number(l.stats.rxPackets),
          txPackets: Number(l.stats.txPackets),
        };
        return { ...i, stats };
      });
      if (links.filter((l) => l.name !== 'lo').length !== view.interfaces.length) missed = true;
      this.nodes.set(node, { ...view, interfaces });
      this.meter.sample(node, interfaces, at);
      if (missed && this.refresh(node)) changed.push(node);
    }
    this.emitNodes(changed);
    const rates = linkRates(this.meter, this.links);
    const out: Record<string, LinkRateView> = {};
    for (const l of this.links) {
      const r = rates[l.id] ?? { ab: 0, ba: 0 };
      out[l.id] = { ab: Math.round(r.ab), ba: Math.round(r.ba), label: formatRate(r.ab + r.ba) };
    }
    this.lastRates = out;
    if (send) this.opts.onEvent({ type: 'rates', at, links: out });
  }
}

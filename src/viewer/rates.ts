import type { InterfaceView, LinkView, NodeView } from '../lab/inspect.js';

/** One reading of an interface's byte counters (IFLA_STATS64), at a time in ms. */
export interface CounterSample {
  readonly at: number;
  readonly rxBytes: number;
  readonly txBytes: number;
}

/** Bits per second each way through one interface. */
export interface InterfaceRate {
  readonly rxBps: number;
  readonly txBps: number;
}

/** Bits per second each way across one link: a→b and b→a. */
export interface LinkRate {
  readonly ab: number;
  readonly ba: number;
}

function perSecond(bytesBefore: number, bytesNow: number, seconds: number): number {
  // A counter that went backwards was reset (interface recreated): no rate this round.
  if (bytesNow < bytesBefore) return 0;
  return ((bytesNow - bytesBefore) * 8) / seconds;
}

/** The rate between two samples; zero when no time passed or a counter reset. */
export function rateBetween(before: CounterSample, now: CounterSample): InterfaceRate {
  const seconds = (now.at - before.at) / 1000;
  if (!(seconds > 0)) return { rxBps: 0, txBps: 0 };
  return { rxBps: perSecond(before.rxBytes, now.rxBytes, seconds), txBps: perSecond(before.txBytes, now.txBytes, seconds) };
}

/**
 * Per-interface rates from successive counter samples. Keyed by
 * "node:interface"; the ifindex is part of the identity so a recreated
 * interface starts afresh.
 */
export class RateMeter {
  private readonly last = new Map<string, CounterSample & { index: number }>();
  private readonly rates = new Map<string, InterfaceRate>();

  /** Record a node's interfaces at time `at` (ms). */
  sample(node: string, interfaces: readonly InterfaceView[], at: number): void {
    for (const i of interfaces) {
      if (!i.stats) continue;
      const key = `${node}:${i.name}`;
      const now = { at, rxBytes: i.stats.rxBytes, txBytes: i.stats.txBytes, index: i.index };
      const before = this.last.get(key);
      this.rates.set(key, before && before.index === i.index ? rateBetween(before, now) : { rxBps: 0, txBps: 0 });
      this.last.set(key, now);
    }
  }

  /** Forget a node (its namespace went away). */
  forget(node: string): void {
    for (const key of [...this.last.keys()]) {
      if (key.startsWith(`${node}:`)) {
        this.last.delete(key);
        this.rates.delete(key);
      }
    }
  }

  rate(node: string, iface: string): InterfaceRate | undefined {
    return this.rates.get(`${node}:${iface}`);
  }

  /**
   * A link's rate each way, read from end a (what a sends goes a→b); from
   * end b, mirrored, when a has no counters.
   */
  linkRate(link: Pick<LinkView, 'a' | 'b'>): LinkRate {
    const a = this.rate(link.a.node, link.a.interface);
    if (a) return { ab: a.txBps, ba: a.rxBps };
    const b = this.rate(link.b.node, link.b.interface);
    if (b) return { ab: b.rxBps, ba: b.txBps };
    return { ab: 0, ba: 0 };
  }
}

/** Rates of every link, keyed by link id. */
export function linkRates(meter: RateMeter, links: readonly LinkView[]): Record<string, LinkRate> {
  const out: Record<string, LinkRate> = {};
  for (const l of links) out[l.id] = meter.linkRate(l);
  return out;
}

/** "0 b/s", "950 b/s", "12.3 kb/s", "1.2 Mb/s", "10 Gb/s" (SI, as link speeds are quoted). */
export function formatRate(bps: number): string {
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s', 'Tb/s'];
  let v = Math.max(0, bps);
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const digits = u === 0 || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[u]}`;
}

/** Nodes' interfaces, for callers that hold a view. */
export function sampleView(meter: RateMeter, nodes: readonly NodeView[], at: number): void {
  for (const n of nodes) if (n.present) meter.sample(n.name, n.interfaces, at);
}

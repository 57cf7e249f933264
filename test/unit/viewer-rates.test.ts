import { describe, expect, it } from 'vitest';
import type { InterfaceView } from '../../src/lab/inspect.js';
import { formatRate, linkRates, rateBetween, RateMeter } from '../../src/viewer/rates.js';

function iface(name: string, rxBytes: number, txBytes: number, index = 2): InterfaceView {
  return { name, index, up: true, carrier: true, operstate: 'UP', addresses: [], stats: { rxBytes, txBytes, rxPackets: 0, txPackets: 0 } };
}

describe('rateBetween()', () => {
  it('turns byte counters into bits per second', () => {
    expect(rateBetween({ at: 0, rxBytes: 0, txBytes: 0 }, { at: 1000, rxBytes: 1000, txBytes: 125 })).toEqual({ rxBps: 8000, txBps: 1000 });
  });

  it('divides by the real interval, not by one second', () => {
    expect(rateBetween({ at: 1000, rxBytes: 500, txBytes: 0 }, { at: 1500, rxBytes: 1500, txBytes: 0 })).toEqual({ rxBps: 16000, txBps: 0 });
  });

  it('gives zero, not infinity, when no time passed', () => {
    expect(rateBetween({ at: 5, rxBytes: 0, txBytes: 0 }, { at: 5, rxBytes: 100, txBytes: 100 })).toEqual({ rxBps: 0, txBps: 0 });
  });

  it('gives zero, not a negative rate, when a counter went backwards (reset)', () => {
    expect(rateBetween({ at: 0, rxBytes: 9000, txBytes: 10 }, { at: 1000, rxBytes: 100, txBytes: 20 })).toEqual({ rxBps: 0, txBps: 80 });
  });
});

describe('RateMeter', () => {
  it('has no rate after the first sample and a rate after the second', () => {
    const m = new RateMeter();
    m.sample('h1', [iface('eth0', 0, 0)], 0);
    expect(m.rate('h1', 'eth0')).toEqual({ rxBps: 0, txBps: 0 });
    m.sample('h1', [iface('eth0', 250, 1250)], 1000);
    expect(m.rate('h1', 'eth0')).toEqual({ rxBps: 2000, txBps: 10000 });
  });

  it('starts afresh when the interface was recreated (new ifindex)', () => {
    const m = new RateMeter();
    m.sample('h1', [iface('eth0', 0, 0, 2)], 0);
    m.sample('h1', [iface('eth0', 5000, 5000, 7)], 1000);
    expect(m.rate('h1', 'eth0')).toEqual({ rxBps: 0, txBps: 0 });
  });

  it('reads a link a→b from what end a sent, b→a from what it received', () => {
    const m = new RateMeter();
    m.sample('r1', [iface('eth0', 0, 0)], 0);
    m.sample('r1', [iface('eth0', 100, 1000)], 1000);
    const link = { id: 'r1:eth0--h1:eth0', a: { node: 'r1', interface: 'eth0' }, b: { node: 'h1', interface: 'eth0' }, up: true };
    expect(m.linkRate(link)).toEqual({ ab: 8000, ba: 800 });
    expect(linkRates(m, [link])).toEqual({ 'r1:eth0--h1:eth0': { ab: 8000, ba: 800 } });
  });

  it('falls back to end b, mirrored, when end a has no counters', () => {
    const m = new RateMeter();
    m.sample('h1', [iface('eth0', 0, 0)], 0);
    m.sample('h1', [iface('eth0', 1000, 100)], 1000);
    const link = { a: { node: 'gone', interface: 'eth9' }, b: { node: 'h1', interface: 'eth0' } };
    expect(m.linkRate(link)).toEqual({ ab: 8000, ba: 800 });
  });

  it('forgets a node whose namespace went away', () => {
    const m = new RateMeter();
    m.sample('h1', [iface('eth0', 0, 0)], 0);
    m.sample('h10', [iface('eth0', 0, 0)], 0);
    m.forget('h1');
    expect(m.rate('h1', 'eth0')).toBeUndefined();
    expect(m.rate('h10', 'eth0')).toBeDefined();
  });
});

describe('formatRate()', () => {
  it('uses SI steps of 1000 with one decimal below 100', () => {
    expect(formatRate(0)).toBe('0 b/s');
    expect(formatRate(950)).toBe('950 b/s');
    expect(formatRate(12_345)).toBe('12.3 kb/s');
    expect(formatRate(263_328)).toBe('263 kb/s');
    expect(formatRate(1_200_000)).toBe('1.2 Mb/s');
    expect(formatRate(10e9)).toBe('10.0 Gb/s');
  });
});

import { describe, expect, it } from 'vitest';
import { RTM } from '../../src/rtnl/constants.js';
import { NLM_F } from '../../src/netlink/constants.js';
import { TC_H, tcHandle } from '../../src/rtnl/qdisc.js';
import {
  checkImpairment, clearImpairment, impairmentCommands, impairmentQdiscs, impairmentRequests, parseImpairment, tbfFor,
} from '../../src/topology/impairment.js';
import { netem } from '../../src/rtnl/qdisc/netem.js';
import { resolveTbf, tbf, tbfLimitForLatency } from '../../src/rtnl/qdisc/tbf.js';

describe('the default tbf for a rate', () => {
  it('has 4 ms of tokens and a 50 ms queue at 10 mbit', () => {
    expect(tbfFor(10e6)).toEqual({ rate: 1_250_000, burst: 5000, latency: 50_000 });
    expect(resolveTbf(tbfFor(10e6)).limit).toBe(67_500);
  });

  it('never has a bucket smaller than two full frames', () => {
    expect(tbfFor(500e3).burst).toBe(2 * 1514);
    expect(tbfFor(500e3, {}, 9000).burst).toBe(2 * 9014);
  });

  it('grows with the rate', () => {
    expect(tbfFor(1e9).burst).toBe(500_000);
    expect(tbfFor(40e9).burst).toBe(20_000_000);
  });

  it('queues one more delay and jitter worth when netem delays', () => {
    expect(tbfFor(10e6, { delay: 50_000 }).latency).toBe(100_000);
    expect(tbfFor(10e6, { delay: 50_000, jitter: 10_000 }).latency).toBe(110_000);
  });

  it('computes the limit from a latency as tc does (rate × latency + burst, truncated)', () => {
    expect(tbfLimitForLatency(1_250_000, 4096, 400_000)).toBe(504_096);
    expect(tbfLimitForLatency(3, 0, 333_333)).toBe(0); // 0.999999 truncated
    expect(() => tbfLimitForLatency(5e11, 0, 50_000)).toThrow(/more than 32 bits/);
  });

  it('refuses a bucket the scheduler cannot count', () => {
    expect(() => tbf({ rate: 1, burst: 1, limit: 1 })).toThrow(/too slow/);
    expect(() => tbf({ rate: 1000, burst: 1_000_000, limit: 1 })).toThrow(/lower the burst or raise the rate/);
    expect(() => tbf({ rate: 1000.5, burst: 1, limit: 1 })).toThrow(/whole number/);
  });
});

describe('an impairment becomes qdiscs', () => {
  it('nothing: no qdisc at all', () => {
    expect(impairmentRequests(3, {})).toEqual([]);
  });

  it('only a rate: one tbf at the root, handle 1:', () => {
    const qs = impairmentQdiscs(3, { rate: 10e6 });
    expect(qs.map((q) => [q.info.kind, q.target.parent, q.target.handle])).toEqual([['tbf', TC_H.TC_H_ROOT, tcHandle(1)]]);
  });

  it('only netem things: one netem at the root', () => {
    expect(impairmentCommands('h1:eth0', { delay: 50_000, jitter: 5000, loss: 1, corrupt: 0.1, duplicate: 2, reorder: 10, limit: 100 })).toEqual([
      'tc qdisc add dev h1:eth0 root handle 1: netem limit 100 delay 50ms 5ms loss 1% duplicate 2% reorder 10% corrupt 0.1%',
    ]);
  });

  it('both: netem at the root, tbf under its class', () => {
    expect(impairmentCommands('eth0', { rate: 1e9, delay: 1000 })).toEqual([
      'tc qdisc add dev eth0 root handle 1: netem delay 1ms',
      'tc qdisc add dev eth0 parent 1:1 handle 10: tbf rate 1gbit burst 500000 latency 51ms',
    ]);
  });

  it('the requests create (and never replace) and say what they do', () => {
    const reqs = impairmentRequests(7, { rate: 10e6, loss: 1 }, { dev: 'h1:eth0', origin: 'lab.yaml:12' });
    expect(reqs.map((r) => r.type)).toEqual([RTM.RTM_NEWQDISC, RTM.RTM_NEWQDISC]);
    for (const r of reqs) expect(r.flags & (NLM_F.NLM_F_CREATE | NLM_F.NLM_F_EXCL)).toBe(NLM_F.NLM_F_CREATE | NLM_F.NLM_F_EXCL);
    expect(reqs.map((r) => r.what)).toEqual([
      'add qdisc dev h1:eth0 root handle 1: netem loss 1%',
      'add qdisc dev h1:eth0 parent 1:1 handle 10: tbf rate 10mbit burst 5000 latency 50ms',
    ]);
    expect(reqs.every((r) => r.origin === 'lab.yaml:12')).toBe(true);
  });

  it('clearing is one delete of the root', () => {
    const r = clearImpairment(7, { dev: 'h1:eth0' });
    expect(r.type).toBe(RTM.RTM_DELQDISC);
    expect(r.what).toBe('delete qdisc dev h1:eth0 root');
  });
});

describe('impairments that cannot be applied are refused before anything is sent', () => {
  const cases: [object, RegExp][] = [
    [{ rate: 999 }, /rate must be at least 1kbit/],
    [{ rate: Number.NaN }, /rate must be at least 1kbit/],
    [{ loss: 101 }, /loss must be between 0% and 100%/],
    [{ corrupt: -1 }, /corrupt must be between/],
    [{ delay: 1.5 }, /delay must be a whole number of microseconds/],
    [{ jitter: 1000 }, /jitter needs a delay/],
    [{ reorder: 10 }, /reorder needs a delay/],
    [{ rate: 10e6, limit: 100 }, /limit is the netem queue length in packets/],
    [{ delay: 1000, limit: 0 }, /limit must be a whole number of packets/],
  ];
  for (const [spec, message] of cases) {
    it(`${JSON.stringify(spec)}`, () => {
      expect(() => checkImpairment(spec)).toThrow(message);
      expect(() => impairmentRequests(1, spec)).toThrow(message);
    });
  }

  it('netem on its own refuses the same nonsense', () => {
    expect(() => netem({ jitter: 10 })).toThrow(/jitter needs a delay/);
    expect(() => netem({ lossCorrelation: 10 })).toThrow(/loss correlation needs a loss percentage/);
    expect(() => netem({ delay: 10, delayCorrelation: 10 })).toThrow(/delay correlation needs a jitter/);
    expect(() => netem({ delay: 10, gap: 5 })).toThrow(/gap needs a reorder/);
  });
});

describe('parseImpairment reads what users write', () => {
  it('strings with units, and numbers where the unit is certain', () => {
    expect(parseImpairment({ rate: '10mbit', delay: '50ms', jitter: '1.5ms', loss: '1%', corrupt: 0.5, duplicate: '0.1%', reorder: '25%', limit: '500' })).toEqual({
      rate: 10_000_000, delay: 50_000, jitter: 1500, loss: 1, corrupt: 0.5, duplicate: 0.1, reorder: 25, limit: 500,
    });
  });

  it('refuses a rate or a time as a bare number', () => {
    expect(() => parseImpairment({ rate: 10 })).toThrow(/rate 10 needs a unit, e\.g\. 10mbit/);
    expect(() => parseImpairment({ delay: 50 })).toThrow(/delay 50 needs a unit, e\.g\. 50ms/);
  });

  it('names the field in errors about the text', () => {
    expect(() => parseImpairment({ delay: 'soon' })).toThrow(/^delay 'soon' is not a time/);
    expect(() => parseImpairment({ loss: '1' })).toThrow(/^loss '1' needs a % sign/);
    expect(() => parseImpairment({ limit: '10 packets' })).toThrow(/limit '10 packets' is not a whole number/);
  });

  it('refuses unknown fields and impossible combinations', () => {
    expect(() => parseImpairment({ bandwidth: '10mbit' } as never)).toThrow(/'bandwidth' is not a link impairment/);
    expect(() => parseImpairment({ reorder: '5%' })).toThrow(/reorder needs a delay/);
  });
});

import { describe, expect, it } from 'vitest';
import { NetlinkError } from '../../src/netlink/error.js';
import { encodeMessage, parseMessages, type Message, type Request } from '../../src/netlink/message.js';
import { Writer } from '../../src/netlink/writer.js';
import { RTM } from '../../src/rtnl/constants.js';
import {
  TC_H, TCA, TCA_STATS, decodeQdisc, formatHandle, newQdisc, parseHandle, qdiscsOf, tcHandle, unsupportedQdiscKind,
} from '../../src/rtnl/qdisc.js';
import { impairmentRequests } from '../../src/topology/impairment.js';
import { TCA_NETEM, decodeNetemOptions, netem, writeNetemOptions, type NetemOptions } from '../../src/rtnl/qdisc/netem.js';
import { tbf, type TbfOptions } from '../../src/rtnl/qdisc/tbf.js';
import { tcReplyFixture } from '../fixtures/tc/fixtures.js';

/** The request as the kernel would see it, parsed back into a Message. */
function asMessage(req: Request): Message {
  const [m] = parseMessages(encodeMessage(req, 7));
  if (!m) throw new Error('no message');
  return m;
}

const ROOT = TC_H.TC_H_ROOT;

describe('decode(encode(x)) round trips', () => {
  const tbfs: TbfOptions[] = [
    { rate: 1_250_000, burst: 5000, limit: 67_500 },
    { rate: 62_500, burst: 3028, limit: 6153 },
    { rate: 5_000_000_000, burst: 20_000_000, limit: 270_000_000 }, // 64-bit rate
    { rate: 125, burst: 3028, limit: 1 }, // 1kbit
  ];
  for (const o of tbfs) {
    it(`tbf rate ${o.rate} B/s burst ${o.burst} limit ${o.limit}`, () => {
      const q = decodeQdisc(asMessage(newQdisc({ index: 9, parent: ROOT, handle: tcHandle(1) }, tbf(o))));
      expect(q).toEqual({ index: 9, handle: tcHandle(1), parent: ROOT, kind: 'tbf', tbf: o });
    });
  }

  const netems: NetemOptions[] = [
    { limit: 1000, delay: 50_000, loss: 1 },
    { limit: 500, delay: 10_000, jitter: 2000, loss: 0.5, duplicate: 1, reorder: 25, gap: 1, corrupt: 0.1 },
    {
      limit: 1000, delay: 50_000, jitter: 10_000, delayCorrelation: 25, loss: 1, lossCorrelation: 30,
      duplicate: 2, duplicateCorrelation: 10, reorder: 5, reorderCorrelation: 50, gap: 3, corrupt: 0.5, corruptCorrelation: 20,
    },
    { limit: 1000, delay: 1500, jitter: 100 },
    { limit: 1, loss: 100 },
    { limit: 1000, loss: 0.000001 },
    { limit: 1000, delay: 300_000_000, jitter: 280_000_000 }, // past 2^32 ticks: TCA_NETEM_LATENCY64/JITTER64
    { limit: 1000, duplicate: 3, duplicateCorrelation: 40 }, // tc 6.1 would drop this correlation
  ];
  for (const o of netems) {
    it(`netem ${JSON.stringify(o)}`, () => {
      const q = decodeQdisc(asMessage(newQdisc({ index: 4, parent: tcHandle(1, 1), handle: tcHandle(0x10) }, netem(o))));
      expect(q).toEqual({ index: 4, handle: tcHandle(0x10), parent: tcHandle(1, 1), kind: 'netem', netem: o });
    });
  }

  it('a netem delay past 2^32 ticks travels in nanoseconds, with 0 in the 32-bit field', () => {
    const w = new Writer();
    writeNetemOptions(w, { delay: 300_000_000 });
    const data = w.finish();
    expect(new DataView(data.buffer).getUint32(0, true)).toBe(0);
    const w2 = new Writer();
    w2.attr(TCA_NETEM.TCA_NETEM_LATENCY64, () => w2.u64(300_000_000_000n));
    expect(Array.from(data.subarray(24))).toEqual(Array.from(w2.finish()));
  });

  it('an impairment decodes back to the qdiscs it asked for', () => {
    const qs = impairmentRequests(5, { rate: 10e6, delay: 20_000, loss: 2, limit: 200 }).map((r) => decodeQdisc(asMessage(r)));
    expect(qs.map((q) => [q.kind, formatHandle(q.parent), formatHandle(q.handle)])).toEqual([
      ['netem', 'root', '1:'],
      ['tbf', '1:1', '10:'],
    ]);
    expect(qs[0]?.netem).toEqual({ limit: 200, delay: 20_000, loss: 2 });
    expect(qs[1]?.tbf).toEqual({ rate: 1_250_000, burst: 5000, limit: 92_500 }); // 70 ms at 1.25 MB/s + burst
  });
});

describe('decoding what the kernel sends', () => {
  it('a tbf dump: kind, handle, parent, rate, limit, and the burst from the bucket time', () => {
    const f = tcReplyFixture('reply-tbf-10mbit');
    const msgs = f.replies.flatMap((r) => parseMessages(r));
    const [q] = qdiscsOf(msgs, f.ifindex);
    expect(q).toMatchObject({ index: f.ifindex, kind: 'tbf', handle: tcHandle(1), parent: ROOT, tbf: { rate: 1_250_000, burst: 5000, limit: 67_500 } });
    expect(q?.stats).toEqual({ bytes: 0n, packets: 0, drops: 0, overlimits: 0, requeues: 0, qlen: 0, backlog: 0 });
    // tc read the same messages
    expect(f.tcJson).toMatchObject([{ kind: 'tbf', handle: '1:', root: true, options: { rate: q?.tbf?.rate } }]);
  });

  it('a 40gbit tbf dump: the rate from TCA_TBF_RATE64; the burst as precise as a 64 ns tick allows', () => {
    const f = tcReplyFixture('reply-tbf-40gbit');
    const [q] = qdiscsOf(f.replies.flatMap((r) => parseMessages(r)), f.ifindex);
    expect(q?.tbf?.rate).toBe(5_000_000_000);
    expect(q?.tbf?.limit).toBe(270_000_000);
    expect(Math.abs((q?.tbf?.burst ?? 0) - 20_000_000)).toBeLessThanOrEqual(5e9 * 64e-9);
    expect(f.tcJson).toMatchObject([{ options: { rate: 5_000_000_000 } }]);
  });

  it('qdiscsOf keeps only the asked interface and RTM_NEWQDISC messages', () => {
    const f = tcReplyFixture('reply-tbf-10mbit');
    const msgs = f.replies.flatMap((r) => parseMessages(r));
    expect(qdiscsOf(msgs, f.ifindex + 1)).toEqual([]);
    expect(qdiscsOf(msgs.map((m) => ({ ...m, header: { ...m.header, type: RTM.RTM_NEWLINK } })), f.ifindex)).toEqual([]);
  });

  it('a netem dump prefers TCA_NETEM_LATENCY64/JITTER64 and skips attributes it does not know', () => {
    // What netem_dump() sends: qopt with ticks, then RATE, ECN, SLOT, LATENCY64, JITTER64, CORR, REORDER, CORRUPT.
    const w = new Writer();
    w.u32(3_125_000).u32(1000).u32(42_949_673).u32(0).u32(0).u32(156_250); // 200ms in ticks, 1%, jitter 10ms
    w.attr(TCA_NETEM.TCA_NETEM_LATENCY64, () => w.u64(200_000_123n));
    w.attr(TCA_NETEM.TCA_NETEM_JITTER64, () => w.u64(10_000_000n));
    w.attr(TCA_NETEM.TCA_NETEM_RATE, () => w.zeros(16));
    w.attr(TCA_NETEM.TCA_NETEM_ECN, () => w.u32(0));
    w.attr(TCA_NETEM.TCA_NETEM_CORR, () => w.u32(0).u32(0).u32(0));
    w.attr(TCA_NETEM.TCA_NETEM_REORDER, () => w.u32(0).u32(0));
    w.attr(TCA_NETEM.TCA_NETEM_CORRUPT, () => w.u32(0).u32(0));
    expect(decodeNetemOptions(w.finish())).toEqual({ limit: 1000, delay: 200_000, jitter: 10_000, loss: 1 });
  });

  it('a kind nslab does not decode keeps its options raw, with stats', () => {
    const w = new Writer();
    w.u8(0).u8(0).u16(0).i32(2).u32(0).u32(ROOT).u32(1);
    w.attrString(TCA.TCA_KIND, 'fq_codel');
    w.attr(TCA.TCA_OPTIONS, () => w.attrU32(1, 5000));
    w.nest(TCA.TCA_STATS2, () => {
      w.attr(TCA_STATS.TCA_STATS_BASIC, () => w.u64(123_456n).u32(99).u32(0));
      w.attr(TCA_STATS.TCA_STATS_QUEUE, () => w.u32(1).u32(1514).u32(7).u32(0).u32(3));
    });
    const q = decodeQdisc({ header: { length: 0, type: RTM.RTM_NEWQDISC, flags: 0, seq: 0, pid: 0 }, payload: w.finish() });
    expect(q.kind).toBe('fq_codel');
    expect(q.rawOptions && Array.from(q.rawOptions)).toEqual([8, 0, 1, 0, 0x88, 0x13, 0, 0]);
    expect(q.stats).toEqual({ bytes: 123_456n, packets: 99, qlen: 1, backlog: 1514, drops: 7, requeues: 0, overlimits: 3 });
  });

  it('tbf options it cannot read are kept raw instead of failing the dump', () => {
    const w = new Writer();
    w.u8(0).u8(0).u16(0).i32(2).u32(tcHandle(1)).u32(ROOT).u32(1);
    w.attrString(TCA.TCA_KIND, 'tbf');
    w.attr(TCA.TCA_OPTIONS, () => w.attr(1, () => w.u32(7))); // TCA_TBF_PARMS of 4 bytes
    const q = decodeQdisc({ header: { length: 0, type: RTM.RTM_NEWQDISC, flags: 0, seq: 0, pid: 0 }, payload: w.finish() });
    expect(q.kind).toBe('tbf');
    expect(q.tbf).toBeUndefined();
    expect(q.rawOptions?.length).toBe(8);
  });

  it('a payload shorter than struct tcmsg is a RangeError', () => {
    expect(() => decodeQdisc({ header: { length: 0, type: RTM.RTM_NEWQDISC, flags: 0, seq: 0, pid: 0 }, payload: new Uint8Array(12) })).toThrow(RangeError);
  });
});

describe('handles', () => {
  it('are written and read the way tc does, in hex', () => {
    expect(formatHandle(tcHandle(1))).toBe('1:');
    expect(formatHandle(tcHandle(1, 1))).toBe('1:1');
    expect(formatHandle(tcHandle(0x10))).toBe('10:');
    expect(formatHandle(tcHandle(0x8001))).toBe('8001:');
    expect(formatHandle(ROOT)).toBe('root');
    expect(parseHandle('10:')).toBe(0x0010_0000);
    expect(parseHandle('1:a')).toBe(0x0001_000a);
    expect(parseHandle('root')).toBe(ROOT);
  });

  it('refuse what is not one', () => {
    expect(() => parseHandle('1')).toThrow(/not a tc handle/);
    expect(() => parseHandle('10000:')).toThrow(/not a tc handle/);
    expect(() => tcHandle(0x10000)).toThrow(RangeError);
  });
});

describe('unsupportedQdiscKind', () => {
  const req = newQdisc({ index: 3, parent: ROOT, handle: tcHandle(1) }, netem({ delay: 50_000, loss: 1 }));

  it('names the kind when the kernel says it has no such qdisc', () => {
    const err = new NetlinkError({ errno: 2, seq: 1, extackMessage: 'Specified qdisc kind is unknown' }, req);
    expect(unsupportedQdiscKind(err)).toBe('netem');
  });

  it('says nothing for other refusals', () => {
    const err = new NetlinkError({ errno: 17, seq: 1, extackMessage: 'Exclusivity flag on, cannot modify.' }, req);
    expect(unsupportedQdiscKind(err)).toBeUndefined();
  });
});

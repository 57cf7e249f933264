import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attrMap } from '../../src/netlink/attributes.js';
import { RTM } from '../../src/rtnl/constants.js';
import { TC_H, TCA, TCA_STATS, TCMSG_LEN } from '../../src/rtnl/qdisc.js';
import { TCA_NETEM, TC_NETEM_QOPT_LEN } from '../../src/rtnl/qdisc/netem.js';
import { TCA_TBF, TC_LINKLAYER, TC_RATESPEC_LEN, TC_TBF_QOPT_LEN } from '../../src/rtnl/qdisc/tbf.js';
import {
  PSCHED_CLOCK, PSCHED_TEXT, parsePsched, percentToU32, rateTable, rint, tcClock, time2tick, timeTooBig, u32ToPercent, xmittime,
} from '../../src/rtnl/qdisc/tc-core.js';
import { onlyMessage, tcFixture } from '../fixtures/tc/fixtures.js';

describe('the scheduler clock tc reads from /proc/net/psched', () => {
  it('is 15.625 ticks per microsecond with the values nslab assumes', () => {
    expect(parsePsched(PSCHED_TEXT)).toEqual({ t2us: 1000, us2t: 64, clockRes: 1_000_000, hz: 1_000_000_000 });
    expect(PSCHED_CLOCK).toEqual({ tickInUsec: 15.625, clockFactor: 1 });
  });

  it.skipIf(!existsSync('/proc/net/psched'))('is what this machine\'s kernel reports', () => {
    expect(tcClock(parsePsched(readFileSync('/proc/net/psched', 'utf8')))).toEqual(PSCHED_CLOCK);
  });

  it('is what the fixtures were captured under', () => {
    expect(tcFixture('tbf-10mbit').psched).toBe(PSCHED_TEXT);
  });

  it('applies tc\'s compatibility hack when the kernel claims nanosecond resolution', () => {
    expect(tcClock({ t2us: 1000, us2t: 1000, clockRes: 1_000_000_000, hz: 0 })).toEqual({ tickInUsec: 1000, clockFactor: 1000 });
  });

  it('refuses text that is not psched', () => {
    expect(() => parsePsched('hello world')).toThrow(/not the contents of \/proc\/net\/psched/);
  });
});

describe('time and size conversions truncate where tc\'s C does', () => {
  it('turns microseconds into ticks', () => {
    expect(time2tick(50_000)).toBe(781_250);
    expect(time2tick(1500)).toBe(23_437); // 23437.5 truncated
    expect(time2tick(100)).toBe(1562);
  });

  it('knows where 32-bit ticks run out (tc 6.1 refuses `delay 300s`, takes 270s)', () => {
    expect(timeTooBig(270_000_000)).toBe(false);
    expect(timeTooBig(274_877_906)).toBe(false);
    expect(timeTooBig(274_877_907)).toBe(true);
    expect(timeTooBig(300_000_000)).toBe(true);
  });

  it('computes transmit times through whole microseconds', () => {
    expect(xmittime(1_250_000, 4096)).toBe(51_187); // 3276.8 µs → 3276 → 51187.5 → 51187
    expect(xmittime(1_250_000, 5000)).toBe(62_500);
    expect(xmittime(0xffff_ffff, 20_000_000)).toBe(72_750); // tc uses the clamped 32-bit rate
  });

  it('fills the rate table exactly as tc did for 10mbit and 500kbit', () => {
    for (const [name, rate] of [['tbf-10mbit', 1_250_000], ['tbf-500kbit', 62_500], ['tbf-1gbit', 125_000_000]] as const) {
      const wire = onlyMessage(tcFixture(name)).wire;
      const options = attrMap(wire.subarray(16 + TCMSG_LEN)).get(TCA.TCA_OPTIONS);
      const rtab = options && attrMap(options).get(TCA_TBF.TCA_TBF_RTAB);
      if (!rtab) throw new Error(`${name} has no TCA_TBF_RTAB`);
      const t = rateTable(rate);
      expect(t.cellLog).toBe(3);
      expect(Array.from(t.table), name).toEqual(Array.from(new Uint32Array(rtab.slice().buffer)));
    }
  });
});

describe('percentages as u32 fractions', () => {
  it('round half to even like rint()', () => {
    expect(rint(0.5)).toBe(0);
    expect(rint(1.5)).toBe(2);
    expect(rint(2.5)).toBe(2);
    expect(rint(2.4)).toBe(2);
    expect(rint(2.6)).toBe(3);
  });

  it('match what tc sent', () => {
    expect(percentToU32(1)).toBe(0x028f_5c29);
    expect(percentToU32(0.5)).toBe(0x0147_ae14);
    expect(percentToU32(25)).toBe(0x4000_0000);
    expect(percentToU32(30)).toBe(0x4ccc_cccc); // 1288490188.5 → even
    expect(percentToU32(50)).toBe(0x8000_0000);
    expect(percentToU32(100)).toBe(0xffff_ffff);
    expect(percentToU32(0)).toBe(0);
  });

  it('come back as the percentage given', () => {
    for (const p of [0, 0.000001, 0.1, 0.5, 1, 2, 10, 25, 30, 33.333333, 99.999999, 100]) expect(u32ToPercent(percentToU32(p))).toBe(p);
  });

  it('refuse what is not a percentage', () => {
    for (const p of [-1, 100.5, Number.NaN]) expect(() => percentToU32(p)).toThrow(RangeError);
  });
});

const HEADER_CHECK = String.raw`
#include <stdio.h>
#include <stddef.h>
#include <linux/rtnetlink.h>
#include <linux/pkt_sched.h>
#include <linux/gen_stats.h>
#define P(x) printf("%s %lld\n", #x, (long long)(x));
int main(void) {
  P(RTM_NEWQDISC) P(RTM_DELQDISC) P(RTM_GETQDISC)
  P(TCA_KIND) P(TCA_OPTIONS) P(TCA_STATS) P(TCA_XSTATS) P(TCA_RATE) P(TCA_FCNT) P(TCA_STATS2) P(TCA_STAB)
  P(TCA_PAD) P(TCA_DUMP_INVISIBLE) P(TCA_CHAIN) P(TCA_HW_OFFLOAD) P(TCA_INGRESS_BLOCK) P(TCA_EGRESS_BLOCK)
  P(TCA_DUMP_FLAGS) P(TCA_EXT_WARN_MSG)
  P(TCA_STATS_BASIC) P(TCA_STATS_RATE_EST) P(TCA_STATS_QUEUE) P(TCA_STATS_APP) P(TCA_STATS_RATE_EST64)
  P(TCA_STATS_PAD) P(TCA_STATS_BASIC_HW) P(TCA_STATS_PKT64)
  P(TC_H_ROOT) P(TC_H_INGRESS) P(TC_H_UNSPEC)
  P(TCA_TBF_PARMS) P(TCA_TBF_RTAB) P(TCA_TBF_PTAB) P(TCA_TBF_RATE64) P(TCA_TBF_PRATE64) P(TCA_TBF_BURST)
  P(TCA_TBF_PBURST) P(TCA_TBF_PAD)
  P(TC_LINKLAYER_UNAWARE) P(TC_LINKLAYER_ETHERNET) P(TC_LINKLAYER_ATM)
  P(TCA_NETEM_CORR) P(TCA_NETEM_DELAY_DIST) P(TCA_NETEM_REORDER) P(TCA_NETEM_CORRUPT) P(TCA_NETEM_LOSS)
  P(TCA_NETEM_RATE) P(TCA_NETEM_ECN) P(TCA_NETEM_RATE64) P(TCA_NETEM_PAD) P(TCA_NETEM_LATENCY64)
  P(TCA_NETEM_JITTER64) P(TCA_NETEM_SLOT) P(TCA_NETEM_SLOT_DIST)
  P(sizeof(struct tcmsg)) P(sizeof(struct tc_ratespec)) P(sizeof(struct tc_tbf_qopt)) P(sizeof(struct tc_netem_qopt))
  return 0;
}
`;

function hasGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return existsSync('/usr/include/linux/pkt_sched.h');
  } catch {
    return false;
  }
}

describe('constants', () => {
  it.skipIf(!hasGcc())('match <linux/rtnetlink.h>, <linux/pkt_sched.h> and <linux/gen_stats.h> (gcc + linux-libc-dev)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-tc-h-'));
    try {
      writeFileSync(join(dir, 'h.c'), HEADER_CHECK);
      execFileSync('gcc', ['-o', join(dir, 'h'), join(dir, 'h.c')]);
      const fromC = Object.fromEntries(
        execFileSync(join(dir, 'h'), { encoding: 'utf8' }).trim().split('\n').map((l) => [l.slice(0, l.lastIndexOf(' ')), Number(l.slice(l.lastIndexOf(' ') + 1))]),
      );
      const ours: Record<string, number> = {
        RTM_NEWQDISC: RTM.RTM_NEWQDISC, RTM_DELQDISC: RTM.RTM_DELQDISC, RTM_GETQDISC: RTM.RTM_GETQDISC,
        ...Object.fromEntries(Object.entries(TCA).filter(([k]) => k !== 'TCA_UNSPEC')),
        ...TCA_STATS,
        ...TC_H,
        ...Object.fromEntries(Object.entries(TCA_TBF).filter(([k]) => k !== 'TCA_TBF_UNSPEC')),
        ...TC_LINKLAYER,
        ...Object.fromEntries(Object.entries(TCA_NETEM).filter(([k]) => k !== 'TCA_NETEM_UNSPEC')),
        'sizeof(struct tcmsg)': TCMSG_LEN,
        'sizeof(struct tc_ratespec)': TC_RATESPEC_LEN,
        'sizeof(struct tc_tbf_qopt)': TC_TBF_QOPT_LEN,
        'sizeof(struct tc_netem_qopt)': TC_NETEM_QOPT_LEN,
      };
      expect(ours).toEqual(fromC);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

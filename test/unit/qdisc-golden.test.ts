import { describe, expect, it } from 'vitest';
import { encodeMessage, type Request } from '../../src/netlink/message.js';
import { TC_H, dumpQdiscs, newQdisc, qdiscCommand, tcHandle, type QdiscTarget } from '../../src/rtnl/qdisc.js';
import { type QdiscInfo } from '../../src/rtnl/qdisc/kind.js';
import { clearImpairment, impairmentCommands, impairmentQdiscs, impairmentRequests, tbfFor, type ImpairmentSpec } from '../../src/topology/impairment.js';
import { netem } from '../../src/rtnl/qdisc/netem.js';
import { tbf } from '../../src/rtnl/qdisc/tbf.js';
import { expectSameBytes } from '../helpers/hex.js';
import { onlyMessage, tcFixture, tcFixtureNames, type TcFixture } from '../fixtures/tc/fixtures.js';

/*
 * Every fixture in test/fixtures/tc is one request Debian's tc (iproute2
 * 6.1) sent, captured by capture.mjs. nslab builds the same request and must
 * produce the same bytes, framed with tc's sequence number; where the request
 * is a qdisc, nslab's rendering as a tc command must be the fixture's command.
 */

const ROOT = TC_H.TC_H_ROOT;

function expectSameAsTc(req: Request, f: TcFixture): void {
  const m = onlyMessage(f);
  expect(req.type, `nlmsg_type for ${f.command}`).toBe(m.type);
  expect(req.flags, `nlmsg_flags for ${f.command}`).toBe(m.flags);
  expectSameBytes(encodeMessage(req, m.seq), m.wire, `nslab vs \`${f.command}\``);
}

/**
 * A qdisc built from explicit options: same bytes and the same command
 * (or `command`, when tc's spelling differs from nslab's: 32kbit is 4096 bytes).
 */
function qdiscCase(target: Omit<QdiscTarget, 'index' | 'dev'>, info: QdiscInfo, opts: { replace?: boolean; command?: string } = {}) {
  return (f: TcFixture): void => {
    const t = { ...target, index: f.ifindex, dev: 'va' };
    expect(qdiscCommand(t, info, opts)).toBe(opts.command ?? f.command);
    expectSameAsTc(newQdisc(t, info, opts), f);
  };
}

/** The n-th qdisc an impairment spec turns into: same bytes and the same command. */
function impairmentCase(spec: ImpairmentSpec, n = 0) {
  return (f: TcFixture): void => {
    expect(impairmentCommands('va', spec)[n]).toBe(f.command);
    const req = impairmentRequests(f.ifindex, spec)[n];
    if (!req) throw new Error(`the spec gives fewer than ${n + 1} requests`);
    expectSameAsTc(req, f);
  };
}

const CASES: Readonly<Record<string, (f: TcFixture) => void>> = {
  // netem, as the acceptance names it
  'netem-delay-loss': qdiscCase({ parent: ROOT }, netem({ delay: 50_000, loss: 1 })),
  'netem-handle-delay-loss': impairmentCase({ delay: 50_000, loss: 1 }),
  'netem-all': impairmentCase({ limit: 500, delay: 10_000, jitter: 2000, loss: 0.5, duplicate: 1, reorder: 25, corrupt: 0.1 }),
  'netem-correlation': qdiscCase(
    { parent: ROOT, handle: tcHandle(1) },
    netem({
      delay: 50_000, jitter: 10_000, delayCorrelation: 25,
      loss: 1, lossCorrelation: 30,
      duplicate: 2, duplicateCorrelation: 10,
      reorder: 5, reorderCorrelation: 50,
      corrupt: 0.5, corruptCorrelation: 20,
    }),
  ),
  'netem-fractional-delay': impairmentCase({ delay: 1500, jitter: 100 }),
  'netem-loss-only': impairmentCase({ loss: 100 }),
  // tbf: tc-tbf(8)'s example, then nslab's defaults at several rates
  'tbf-man-example': qdiscCase({ parent: ROOT }, tbf({ rate: 1_250_000, burst: 4096, latency: 400_000 }), {
    command: 'tc qdisc add dev va root tbf rate 10mbit burst 4096 latency 400ms', // tc's kbit sizes are 128 bytes
  }),
  'tbf-10mbit': impairmentCase({ rate: 10e6 }),
  'tbf-500kbit': impairmentCase({ rate: 500e3 }),
  'tbf-1gbit': impairmentCase({ rate: 1e9 }),
  'tbf-40gbit': impairmentCase({ rate: 40e9 }), // 5e9 bytes/s: TCA_TBF_RATE64
  'tbf-limit': qdiscCase({ parent: ROOT, handle: tcHandle(1) }, tbf({ rate: 125_000, burst: 4096, limit: 30_000 })),
  'tbf-child': impairmentCase({ rate: 10e6, delay: 50_000, loss: 1 }, 1), // under netem 1:
  'tbf-replace': qdiscCase({ parent: ROOT, handle: tcHandle(1) }, tbf(tbfFor(10e6)), { replace: true }),
  // delete and dump
  'del-root': (f) => expectSameAsTc(clearImpairment(f.ifindex), f),
  'show-dev': (f) => expectSameAsTc(dumpQdiscs(f.ifindex), f),
  'show-all': (f) => expectSameAsTc(dumpQdiscs(), f),
};

describe('qdisc requests are byte-identical to Debian tc', () => {
  for (const [name, check] of Object.entries(CASES)) {
    const f = tcFixture(name);
    it(`${name}: \`${f.command}\``, () => check(f));
  }

  it('every captured fixture has a case here', () => {
    const requests = tcFixtureNames().filter((n) => !n.startsWith('reply-')); // replies: qdisc-decode.test.ts
    expect(requests.filter((n) => !(n in CASES))).toEqual([]);
  });
});

describe('the captures themselves', () => {
  it('tc sent the netem request even though this kernel refused it', () => {
    const f = tcFixture('netem-delay-loss');
    expect(f.tcStderr).toBe('Error: Specified qdisc kind is unknown.');
    expect(onlyMessage(f).wire.length).toBe(76);
  });

  it('rate and netem together are netem at the root and tbf under its class 1:1', () => {
    const [root, child] = impairmentQdiscs(3, { rate: 10e6, delay: 50_000, loss: 1 });
    expect(root?.info.kind).toBe('netem');
    expect(root?.target).toMatchObject({ parent: ROOT, handle: tcHandle(1) });
    expect(child?.info.kind).toBe('tbf');
    expect(child?.target).toMatchObject({ parent: tcHandle(1, 1), handle: tcHandle(0x10) });
    expect(impairmentCommands('va', { rate: 10e6, delay: 50_000, loss: 1 })).toEqual([
      tcFixture('netem-handle-delay-loss').command,
      tcFixture('tbf-child').command,
    ]);
  });
});

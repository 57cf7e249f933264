import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../src/netlink/connection.js';
import { NetlinkError } from '../../src/netlink/error.js';
import { dumpQdiscs, qdiscsOf, unsupportedQdiscKind } from '../../src/rtnl/qdisc.js';
import { clearImpairment, impairmentRequests } from '../../src/topology/impairment.js';
import { isRoot } from '../helpers/nslab.js';
import { makeVethPair, type VethPair } from '../helpers/veth-pair.js';

/*
 * netem through rtnetlink. These machines' kernels have no netem; there the
 * kernel must refuse nslab's request with its own words, and the test that
 * would check netem at work skips with the kernel's reason. Whether netem
 * exists is asked of Debian's tc, not of nslab: `tc qdisc add dev lo root
 * netem delay 1ms` in a throwaway network namespace (`unshare --net`).
 */

async function probeNetem(): Promise<{ available: boolean; reason: string }> {
  if (!isRoot) return { available: false, reason: 'not root' };
  const r = await execa('unshare', ['--net', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms'], { reject: false });
  return { available: r.exitCode === 0, reason: r.exitCode === 0 ? 'netem is built in' : `tc says: ${r.stderr.trim()}` };
}

const netem = await probeNetem();

const P = `nlt${process.pid}n`;
const A = `${P}a`;
const ADDR_A = '10.231.8.1';
const ADDR_B = '10.231.8.2';

interface TcQdisc {
  kind: string;
  handle: string;
  options?: Record<string, unknown>;
}

async function tcJson(ns: string, dev: string): Promise<TcQdisc[]> {
  const r = await execa('ip', ['netns', 'exec', ns, 'tc', '-j', 'qdisc', 'show', 'dev', dev]);
  return JSON.parse(r.stdout || '[]') as TcQdisc[];
}

function refusal(fn: () => unknown): NetlinkError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NetlinkError) return e;
    throw e;
  }
  throw new Error('the kernel accepted the request');
}

describe.skipIf(!isRoot)('netem through rtnetlink on a veth', () => {
  let pair: VethPair | undefined;
  let na = 0;

  const rtnl = (): Connection => {
    if (!pair) throw new Error('no netlink connection (setup failed)');
    return pair.rtnl;
  };

  beforeAll(async () => {
    pair = await makeVethPair({ prefix: P, devA: 'na', devB: 'nb', addrA: ADDR_A, addrB: ADDR_B });
    na = pair.indexA;
  });

  afterAll(async () => {
    expect((await pair?.close()) ?? []).toEqual([]);
  });

  it.skipIf(netem.available)('on a kernel without netem, the refusal carries the kernel\'s words in one line', async () => {
    const err = refusal(() => rtnl().apply(impairmentRequests(na, { delay: 50_000, loss: 1 }, { dev: 'na' })));
    expect(err.extackMessage).toBe('Specified qdisc kind is unknown');
    expect(err.errnoName).toBe('ENOENT');
    expect(err.message).toBe('cannot add qdisc dev na root handle 1: netem delay 50ms loss 1%: ENOENT (kernel says: Specified qdisc kind is unknown)');
    expect(unsupportedQdiscKind(err)).toBe('netem');
    // Debian's tc heard the same words from the same kernel
    expect(netem.reason).toContain(err.extackMessage);
    expect((await tcJson(A, 'na')).some((q) => q.kind === 'netem')).toBe(false);
  });

  it.skipIf(netem.available)('with a rate as well, the netem refusal is the one reported and no tbf is left behind', async () => {
    const err = refusal(() => rtnl().apply(impairmentRequests(na, { rate: 10e6, delay: 50_000, loss: 1 }, { dev: 'na' })));
    expect(unsupportedQdiscKind(err)).toBe('netem');
    expect((await tcJson(A, 'na')).map((q) => q.kind)).not.toContain('tbf');
    expect(qdiscsOf(rtnl().dump(dumpQdiscs(na)), na).map((q) => q.kind)).not.toContain('tbf');
  });

  it.skipIf(!netem.available)(`applies netem delay 50ms loss 1% (needs netem: ${netem.reason})`, async () => {
    rtnl().apply(impairmentRequests(na, { delay: 50_000, loss: 1 }, { dev: 'na' }));
    try {
      const [shown] = await tcJson(A, 'na');
      expect(shown).toMatchObject({ kind: 'netem', handle: '1:', options: { limit: 1000 } });
      const [q] = qdiscsOf(rtnl().dump(dumpQdiscs(na)), na);
      expect(q?.netem).toEqual({ limit: 1000, delay: 50_000, loss: 1 });
      const ping = await execa('ip', ['netns', 'exec', A, 'ping', '-n', '-c', '3', '-i', '0.2', '-W', '2', ADDR_B], { reject: false });
      const min = /= ([\d.]+)\//.exec(ping.stdout)?.[1];
      expect(Number(min), ping.stdout).toBeGreaterThanOrEqual(50);
    } finally {
      rtnl().apply([clearImpairment(na, { dev: 'na' })]);
    }
  });
});

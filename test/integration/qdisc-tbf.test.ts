import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../src/netlink/connection.js';
import { NetlinkError } from '../../src/netlink/error.js';
import { TC_H, dumpQdiscs, newQdisc, qdiscsOf, tcHandle } from '../../src/rtnl/qdisc.js';
import { clearImpairment, impairmentRequests, tbfFor } from '../../src/topology/impairment.js';
import { tbf } from '../../src/rtnl/qdisc/tbf.js';
import { isRoot } from '../helpers/nslab.js';
import { makeVethPair, type VethPair } from '../helpers/veth-pair.js';
import { measureTcp } from './qdisc-throughput.js';

/*
 * Two namespaces made with `ip`, joined by a veth (qa in A, qb in B).
 * nslab's encoder installs a 10 mbit tbf on qa through a KernelSocket opened
 * in A; tc (Debian's) shows what the kernel holds, and a TCP stream from A to
 * B measures what the link carries.
 */

const P = `nlt${process.pid}q`;
const A = `${P}a`;
const B = `${P}b`;
const ADDR_A = '10.231.7.1';
const ADDR_B = '10.231.7.2';
const RATE = 10e6; // bits/s

interface TcQdisc {
  kind: string;
  handle: string;
  root?: boolean;
  parent?: string;
  options?: { rate?: number; burst?: number; lat?: number };
}

async function tcJson(ns: string, dev: string): Promise<TcQdisc[]> {
  const r = await execa('ip', ['netns', 'exec', ns, 'tc', '-j', 'qdisc', 'show', 'dev', dev]);
  return JSON.parse(r.stdout || '[]') as TcQdisc[];
}

describe.skipIf(!isRoot)('tbf through rtnetlink on a veth', () => {
  let pair: VethPair | undefined;
  let qa = 0;

  const rtnl = (): Connection => {
    if (!pair) throw new Error('no netlink connection (setup failed)');
    return pair.rtnl;
  };

  beforeAll(async () => {
    pair = await makeVethPair({ prefix: P, devA: 'qa', devB: 'qb', addrA: ADDR_A, addrB: ADDR_B });
    qa = pair.indexA;
  });

  afterAll(async () => {
    expect((await pair?.close()) ?? []).toEqual([]);
  });

  it('installs a 10 mbit tbf that tc sees as nslab meant it', async () => {
    rtnl().apply(impairmentRequests(qa, { rate: RATE }, { dev: 'qa' }));
    expect(await tcJson(A, 'qa')).toMatchObject([{ kind: 'tbf', handle: '1:', root: true, options: { rate: 1_250_000, burst: 5000, lat: 50_000 } }]);
  });

  it('reads the qdisc back from a dump: kind, handle, parent and options', () => {
    const [q, ...rest] = qdiscsOf(rtnl().dump(dumpQdiscs(qa)), qa);
    expect(rest).toEqual([]);
    expect(q).toMatchObject({ index: qa, kind: 'tbf', handle: tcHandle(1), parent: TC_H.TC_H_ROOT, tbf: { rate: 1_250_000, burst: 5000, limit: 67_500 } });
  });

  it('limits TCP across the link to 10 mbit, within 20%', async () => {
    const shaped = await measureTcp({ from: A, to: B, address: ADDR_B, warmupMs: 500, windowMs: 2000 });
    const measured = `measured ${(shaped.bitsPerSecond / 1e6).toFixed(2)} mbit/s`;
    expect(shaped.bitsPerSecond, measured).toBeGreaterThan(0.8 * RATE);
    expect(shaped.bitsPerSecond, measured).toBeLessThan(1.2 * RATE);
    // and the qdisc counted what it sent
    const [q] = qdiscsOf(rtnl().dump(dumpQdiscs(qa)), qa);
    expect(q?.stats?.bytes).toBeGreaterThan(BigInt(Math.floor(shaped.bytes)));
  });

  it('replaces the rate in place (tc qdisc replace)', async () => {
    rtnl().apply([newQdisc({ index: qa, parent: TC_H.TC_H_ROOT, handle: tcHandle(1) }, tbf(tbfFor(5e6)), { replace: true })]);
    expect(await tcJson(A, 'qa')).toMatchObject([{ kind: 'tbf', handle: '1:', options: { rate: 625_000 } }]);
  });

  it('refuses a second impairment on top of the first, in the kernel\'s words', () => {
    const err = (() => {
      try {
        rtnl().apply(impairmentRequests(qa, { rate: RATE }, { dev: 'qa' }));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(NetlinkError);
    expect((err as NetlinkError).errnoName).toBe('EEXIST');
    expect((err as NetlinkError).message).toMatch(/^cannot add qdisc dev qa root handle 1: tbf rate 10mbit .*: EEXIST/);
  });

  it('deletes it: the device is back to its default qdisc', async () => {
    rtnl().apply([clearImpairment(qa, { dev: 'qa' })]);
    const after = await tcJson(A, 'qa');
    expect(after.some((q) => q.kind === 'tbf')).toBe(false);
    expect(qdiscsOf(rtnl().dump(dumpQdiscs(qa)), qa).some((q) => q.kind === 'tbf')).toBe(false);
  });

  it('with the tbf gone the same link carries far more than 10 mbit (so the limit was tbf\'s doing)', async () => {
    // Measured last: a fast stream first would leave its ssthresh in the
    // namespace's TCP metrics cache and make the shaped stream start too hot.
    const unshaped = await measureTcp({ from: A, to: B, address: ADDR_B, warmupMs: 300, windowMs: 1000 });
    expect(unshaped.bitsPerSecond).toBeGreaterThan(5 * RATE);
  });

  it('deleting again says there is nothing to delete', () => {
    expect(() => rtnl().apply([clearImpairment(qa, { dev: 'qa' })])).toThrow(/cannot delete qdisc dev qa root: ENOENT \(kernel says: Cannot delete qdisc with handle of zero\)$/);
  });
});

import { execa } from 'execa';
import { closeSync, openSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Connection } from '../../src/netlink/connection.js';
import { NETLINK_ROUTE } from '../../src/netlink/constants.js';
import { NetlinkError } from '../../src/netlink/error.js';
import { KernelSocket } from '../../src/netlink/socket.js';
import { dumpQdiscs, qdiscsOf, unsupportedQdiscKind } from '../../src/rtnl/qdisc.js';
import { clearImpairment, impairmentRequests } from '../../src/rtnl/qdisc/impairment.js';
import { isRoot } from '../helpers/nslab.js';

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
const B = `${P}b`;
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
  let netnsFd: number | undefined;
  let conn: Connection | undefined;
  let na = 0;

  const rtnl = (): Connection => {
    if (!conn) throw new Error('no netlink connection (setup failed)');
    return conn;
  };

  beforeAll(async () => {
    await execa('ip', ['netns', 'add', A]);
    await execa('ip', ['netns', 'add', B]);
    await execa('ip', ['-n', A, 'link', 'add', 'na', 'type', 'veth', 'peer', 'name', 'nb', 'netns', B]);
    await execa('ip', ['-n', A, 'addr', 'add', `${ADDR_A}/30`, 'dev', 'na']);
    await execa('ip', ['-n', B, 'addr', 'add', `${ADDR_B}/30`, 'dev', 'nb']);
    await execa('ip', ['-n', A, 'link', 'set', 'na', 'up']);
    await execa('ip', ['-n', B, 'link', 'set', 'nb', 'up']);
    const links = JSON.parse((await execa('ip', ['-n', A, '-j', 'link', 'show', 'na'])).stdout) as { ifindex: number }[];
    na = links[0]?.ifindex ?? 0;
    netnsFd = openSync(`/run/netns/${A}`, 'r');
    conn = new Connection(new KernelSocket(NETLINK_ROUTE, { netnsFd, timeoutMs: 5000 }), `netns ${A}`);
  });

  afterAll(async () => {
    conn?.close();
    if (netnsFd !== undefined) closeSync(netnsFd);
    for (const ns of [A, B]) await execa('ip', ['netns', 'del', ns], { reject: false });
    const left = (await execa('ip', ['netns', 'list'])).stdout.split('\n').filter((l) => l.startsWith(P));
    expect(left).toEqual([]);
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

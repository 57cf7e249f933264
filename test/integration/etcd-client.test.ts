import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { EtcdClient, EtcdError, type WatchEvent } from '../../src/etcd/client.js';
import { startEtcd, type TestEtcd } from '../helpers/etcd.js';

/*
 * The client against Debian's etcd on loopback, checked with etcdctl (a
 * tool nobody here wrote) where it reads back what the client wrote.
 */
const PORT = 23000 + (process.pid % 1000) * 2;
let etcd: TestEtcd;
let client: EtcdClient;

const etcdctl = async (...args: string[]): Promise<string> =>
  (await execa('etcdctl', ['--endpoints', etcd.url, ...args], { env: { ETCDCTL_API: '3' } })).stdout;

beforeAll(async () => {
  etcd = await startEtcd('127.0.0.1', PORT);
  client = new EtcdClient(etcd.url);
}, 30_000);
afterAll(async () => {
  await etcd?.stop();
});

describe('EtcdClient against etcd 3.4 over its JSON gateway', () => {
  it('put() is what etcdctl get reads; get() and range() read what etcdctl put wrote', async () => {
    await client.put('/t/a', 'one');
    expect(await etcdctl('get', '/t/a', '--print-value-only')).toBe('one');
    await etcdctl('put', '/t/b', 'two ü');
    expect((await client.get('/t/b'))?.value).toBe('two ü');
    expect(await client.get('/t/none')).toBeUndefined();
    const { kvs } = await client.range('/t/');
    expect(kvs.map((k) => [k.key, k.value])).toEqual([['/t/a', 'one'], ['/t/b', 'two ü']]);
    expect(await client.delete('/t/', true)).toBe(2);
    expect(await etcdctl('get', '--prefix', '/t/', '--keys-only')).toBe('');
  });

  it('txn() with absent: the first create wins, the second is refused and changes nothing', async () => {
    const first = await client.txn([{ key: '/vni/7', absent: true }], [{ put: { key: '/vni/7', value: 'lab-a' } }]);
    const second = await client.txn([{ key: '/vni/7', absent: true }], [{ put: { key: '/vni/7', value: 'lab-b' } }]);
    expect(first.succeeded).toBe(true);
    expect(second.succeeded).toBe(false);
    expect(await etcdctl('get', '/vni/7', '--print-value-only')).toBe('lab-a');
    const kv = await client.get('/vni/7');
    const stale = await client.txn([{ key: '/vni/7', modRevision: (kv?.modRevision ?? 0) - 1 }], [{ deleteRange: { key: '/vni/7' } }]);
    expect(stale.succeeded).toBe(false);
    const fresh = await client.txn([{ key: '/vni/7', modRevision: kv?.modRevision ?? 0 }], [{ deleteRange: { key: '/vni/7' } }]);
    expect(fresh.succeeded).toBe(true);
    expect(await client.get('/vni/7')).toBeUndefined();
  });

  it('a key under a lease lives while kept alive and goes when the lease is revoked', async () => {
    const lease = await client.grantLease(5);
    await client.put('/hosts/m1', 'here', lease);
    expect(await client.keepAlive(lease)).toBeGreaterThan(0);
    const leases = await etcdctl('lease', 'list');
    expect(leases).toContain(BigInt(lease).toString(16));
    expect((await client.get('/hosts/m1'))?.lease).toBe(lease);
    await client.revokeLease(lease);
    expect(await client.get('/hosts/m1')).toBeUndefined();
    expect(await client.keepAlive(lease)).toBe(0);
  });

  it('watch() sees puts and deletes under a prefix from a revision on, and ends when aborted', async () => {
    const { revision } = await client.range('/w/');
    const seen: WatchEvent[] = [];
    const abort = new AbortController();
    let resolveTwo: () => void = () => {};
    const two = new Promise<void>((r) => (resolveTwo = r));
    const watching = client.watch('/w/', revision + 1, (events) => {
      seen.push(...events);
      if (seen.length >= 2) resolveTwo();
    }, abort.signal);
    await etcdctl('put', '/w/x', '1');
    await etcdctl('del', '/w/x');
    await Promise.race([two, new Promise((_, rej) => setTimeout(() => rej(new Error('no watch events in 10 s')), 10_000))]);
    abort.abort();
    await watching;
    expect(seen.map((e) => [e.type, e.kv.key])).toEqual([['put', '/w/x'], ['delete', '/w/x']]);
  });

  it("a request over etcd's size limit is refused in etcd's words", async () => {
    await expect(client.put('/big', 'x'.repeat(1.7 * 1024 * 1024))).rejects.toThrow(/refused \/v3\/kv\/put: etcdserver: request is too large/);
    expect(await client.get('/big')).toBeUndefined();
  });

  it('an unreachable etcd is a clear EtcdError naming the URL', async () => {
    const dead = new EtcdClient(`http://127.0.0.1:${PORT + 500}`);
    await expect(dead.get('/x')).rejects.toThrow(EtcdError);
    await expect(dead.get('/x')).rejects.toThrow(/127\.0\.0\.1:\d+ did not answer \/v3\/kv\/range \(ECONNREFUSED\)/);
    expect(() => new EtcdClient('not a url')).toThrow(/not a URL/);
  });
});

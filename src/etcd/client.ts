import { b64, fromB64, prefixEnd } from './keys.js';

/**
 * An etcd v3 client over its JSON gateway (grpc-gateway, `/v3/...` on the
 * client port), written with Node's fetch. Keys and values are strings here
 * and base64 on the wire; int64 fields (revisions, lease ids) travel as
 * decimal strings, as the gateway writes them.
 *
 * Why not the `etcd3` npm package: it speaks gRPC through @grpc/grpc-js and
 * protobufjs (several megabytes and a second HTTP/2 stack) for what nslab
 * needs — put, range, delete, one transaction shape, leases and a watch —
 * which the gateway of Debian's etcd 3.4 serves as plain JSON.
 *
 * The equivalent etcdctl commands are given on each method.
 */

export class EtcdError extends Error {
  override readonly name = 'EtcdError';
}

export interface KeyValue {
  readonly key: string;
  readonly value: string;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  /** The lease the key is attached to ('0' when none). */
  readonly lease: string;
}

export interface WatchEvent {
  readonly type: 'put' | 'delete';
  readonly kv: KeyValue;
}

/** One operation inside a transaction. */
export type TxnOp =
  | { readonly put: { readonly key: string; readonly value: string; readonly lease?: string } }
  | { readonly deleteRange: { readonly key: string; readonly prefix?: boolean } }
  | { readonly range: { readonly key: string; readonly prefix?: boolean } };

/** A comparison of a transaction: `create` revision 0 means the key is absent. */
export type TxnCompare =
  | { readonly key: string; readonly absent: true }
  | { readonly key: string; readonly modRevision: number };

export interface TxnResult {
  readonly succeeded: boolean;
  readonly revision: number;
}

interface RawKv {
  key?: string;
  value?: string;
  create_revision?: string;
  mod_revision?: string;
  version?: string;
  lease?: string;
}

function kvOf(raw: RawKv): KeyValue {
  return {
    key: fromB64(raw.key ?? ''),
    value: fromB64(raw.value ?? ''),
    createRevision: Number(raw.create_revision ?? 0),
    modRevision: Number(raw.mod_revision ?? 0),
    version: Number(raw.version ?? 0),
    lease: raw.lease ?? '0',
  };
}

function rangeBody(key: string, prefix: boolean | undefined): Record<string, string> {
  return prefix ? { key: b64(key), range_end: b64(prefixEnd(key)) } : { key: b64(key) };
}

function opBody(op: TxnOp): Record<string, unknown> {
  if ('put' in op) return { request_put: { key: b64(op.put.key), value: b64(op.put.value), ...(op.put.lease ? { lease: op.put.lease } : {}) } };
  if ('deleteRange' in op) return { request_delete_range: rangeBody(op.deleteRange.key, op.deleteRange.prefix) };
  return { request_range: rangeBody(op.range.key, op.range.prefix) };
}

function compareBody(c: TxnCompare): Record<string, unknown> {
  if ('absent' in c) return { key: b64(c.key), target: 'CREATE', result: 'EQUAL', create_revision: '0' };
  return { key: b64(c.key), target: 'MOD', result: 'EQUAL', mod_revision: String(c.modRevision) };
}

export class EtcdClient {
  private readonly base: string;

  /** url: the client URL, e.g. http://10.88.0.1:2379 (etcd's --advertise-client-urls). */
  constructor(url: string) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new EtcdError(`--etcd ${url}: not a URL (write it as http://HOST:2379)`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new EtcdError(`--etcd ${url}: only http:// and https:// are supported`);
    this.base = parsed.origin;
  }

  get url(): string {
    return this.base;
  }

  private async call(path: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' }, ...(signal ? { signal } : {}) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new EtcdError(`etcd at ${this.base} did not answer ${path} (${cause?.code ?? cause?.message ?? (err as Error).message}); is it running and reachable from here?`, { cause: err });
    }
    const text = await res.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new EtcdError(`etcd at ${this.base} answered ${path} with HTTP ${res.status} and no JSON: ${text.slice(0, 200)}`);
    }
    if (!res.ok || 'error' in json) {
      throw new EtcdError(`etcd at ${this.base} refused ${path}: ${String(json.message ?? json.error ?? `HTTP ${res.status}`)}`);
    }
    return json;
  }

  /** `etcdctl put KEY VALUE [--lease ID]`; returns the revision. */
  async put(key: string, value: string, lease?: string): Promise<number> {
    const r = await this.call('/v3/kv/put', { key: b64(key), value: b64(value), ...(lease ? { lease } : {}) });
    return Number((r.header as { revision?: string } | undefined)?.revision ?? 0);
  }

  /** `etcdctl get KEY` */
  async get(key: string): Promise<KeyValue | undefined> {
    return (await this.range(key, false)).kvs[0];
  }

  /** `etcdctl get --prefix KEY`: every key under a prefix, and the store's revision then. */
  async range(key: string, prefix = true): Promise<{ kvs: KeyValue[]; revision: number }> {
    const r = await this.call('/v3/kv/range', rangeBody(key, prefix));
    const kvs = ((r.kvs as RawKv[] | undefined) ?? []).map(kvOf);
    return { kvs, revision: Number((r.header as { revision?: string } | undefined)?.revision ?? 0) };
  }

  /** `etcdctl del [--prefix] KEY`; returns how many keys went. */
  async delete(key: string, prefix = false): Promise<number> {
    const r = await this.call('/v3/kv/deleterange', rangeBody(key, prefix));
    return Number(r.deleted ?? 0);
  }

  /**
   * `etcdctl txn`: if every comparison holds, do `then`, else `otherwise`,
   * atomically. Create-if-absent is `{ key, absent: true }` with a put.
   */
  async txn(compare: readonly TxnCompare[], then: readonly TxnOp[], otherwise: readonly TxnOp[] = []): Promise<TxnResult> {
    const r = await this.call('/v3/kv/txn', { compare: compare.map(compareBody), success: then.map(opBody), failure: otherwise.map(opBody) });
    return { succeeded: r.succeeded === true, revision: Number((r.header as { revision?: string } | undefined)?.revision ?? 0) };
  }

  /** `etcdctl lease grant TTL`; returns the lease id. */
  async grantLease(ttlSeconds: number): Promise<string> {
    const r = await this.call('/v3/lease/grant', { TTL: String(ttlSeconds) });
    if (typeof r.ID !== 'string') throw new EtcdError(`etcd at ${this.base} granted no lease id`);
    return r.ID;
  }

  /** `etcdctl lease keep-alive --once ID`; returns the TTL left, 0 if the lease is gone. */
  async keepAlive(lease: string): Promise<number> {
    const r = await this.call('/v3/lease/keepalive', { ID: lease });
    return Number((r.result as { TTL?: string } | undefined)?.TTL ?? 0);
  }

  /** `etcdctl lease revoke ID`: the lease's keys go with it. */
  async revokeLease(lease: string): Promise<void> {
    await this.call('/v3/lease/revoke', { ID: lease });
  }

  /**
   * `etcdctl watch --prefix KEY --rev N`: calls onEvents for each batch of
   * changes from fromRevision on, until the signal aborts (resolves) or the
   * stream breaks (rejects, so the caller can re-list and watch again).
   */
  async watch(key: string, fromRevision: number, onEvents: (events: WatchEvent[], revision: number) => void | Promise<void>, signal: AbortSignal): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.base}/v3/watch`, {
        method: 'POST',
        body: JSON.stringify({ create_request: { ...rangeBody(key, true), start_revision: String(fromRevision) } }),
        signal,
      });
    } catch (err) {
      if (signal.aborted) return;
      throw new EtcdError(`etcd at ${this.base} did not answer a watch of ${key}`, { cause: err });
    }
    if (!res.ok || !res.body) throw new EtcdError(`etcd at ${this.base} refused a watch of ${key}: HTTP ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) throw new EtcdError(`etcd at ${this.base} ended the watch of ${key}`);
        buffered += decoder.decode(value, { stream: true });
        // The gateway writes one JSON object per line.
        for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
          const line = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          if (line) await this.dispatch(line, key, onEvents);
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    }
  }

  private async dispatch(line: string, key: string, onEvents: (events: WatchEvent[], revision: number) => void | Promise<void>): Promise<void> {
    const msg = JSON.parse(line) as { result?: { header?: { revision?: string }; events?: { type?: string; kv?: RawKv }[]; canceled?: boolean; compact_revision?: string }; error?: { message?: string } };
    if (msg.error) throw new EtcdError(`etcd at ${this.base} broke the watch of ${key}: ${msg.error.message ?? 'error'}`);
    const r = msg.result;
    if (!r) return;
    if (r.canceled) throw new EtcdError(`etcd at ${this.base} cancelled the watch of ${key}${r.compact_revision ? ` (compacted at ${r.compact_revision})` : ''}`);
    if (!r.events?.length) return;
    // proto3 JSON leaves the default (PUT) out.
    const events = r.events.map((e): WatchEvent => ({ type: e.type === 'DELETE' ? 'delete' : 'put', kv: kvOf(e.kv ?? {}) }));
    await onEvents(events, Number(r.header?.revision ?? 0));
  }
}

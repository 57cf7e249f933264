import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EtcdError, type EtcdClient, type KeyValue } from '../etcd/client.js';
import { down } from '../lab/down.js';
import { labDir, listLabDirs, readRecord } from '../lab/state.js';
import { up } from '../lab/up.js';
import { buildCables, detectUnderlay, type Underlay } from './cables.js';
import { answerCheck } from './check.js';
import { keys, parseRecord, resource, type Host, type Part, type PartPhase, type PartStatus, type PartStatusRecord } from './records.js';

export interface AgentOptions {
  readonly etcd: EtcdClient;
  readonly host: string;
  readonly underlay?: string;
  readonly capacity: number;
  /** Lease time to live, seconds: a dead agent's registration and statuses go this long after it. */
  readonly ttl: number;
  readonly log: (line: string) => void;
  readonly signal: AbortSignal;
}

export class AgentError extends Error {
  override readonly name = 'AgentError';
}

/** What a local lab's record says when this agent built it from etcd (its `source`). */
const sourceOf = (key: string, revision: number): string => `etcd ${key}@${revision}`;
const PART_FILE = 'part.json';
const REGISTER_ATTEMPTS = 60;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });

/**
 * `nslab agent`: registers this machine in etcd under a lease, keeps the
 * lease alive, and makes the machine hold what /nslab/parts/<host>/ says:
 * each part an ordinary nslab lab (up/down of src/lab) plus its VXLAN
 * cables, its progress and errors written to /nslab/status/<host>/<lab>.
 * On start it compares etcd with the labs already here (a restart after a
 * crash): a part already up is reported ready, a half-made one is taken
 * down from its own state record and built again, and a lab that etcd no
 * longer asks for is taken down.
 */
export class Agent {
  private lease = '';
  private underlay!: Underlay;
  private readonly reported = new Map<string, string>();
  /** Parts that failed here, by source: not retried until etcd changes them. */
  private readonly failed = new Map<string, string>();
  private dirty = true;
  private running = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly o: AgentOptions) {}

  async run(): Promise<void> {
    this.underlay = detectUnderlay(this.o.underlay);
    // etcd may not be reachable yet (its machine booting, the network coming up): try for a while.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.register();
        break;
      } catch (err) {
        if (!(err instanceof EtcdError) || attempt >= REGISTER_ATTEMPTS || this.o.signal.aborted) throw err;
        if (attempt === 1) this.o.log(`agent ${this.o.host}: ${err.message}; trying again for ${REGISTER_ATTEMPTS / 2} s`);
        await sleep(500, this.o.signal);
      }
    }
    this.o.log(`agent ${this.o.host}: registered in ${this.o.etcd.url} (underlay ${this.underlay.address} on ${this.underlay.dev}, mtu ${this.underlay.mtu}, lease ${this.lease})`);
    const keepAlive = this.keepAlive();
    const requests = this.serveRequests();
    try {
      for (let attempt = 0; !this.o.signal.aborted; attempt++) {
        const { revision } = await this.o.etcd.range(keys.partsOf(this.o.host));
        this.kick();
        try {
          await this.o.etcd.watch(keys.partsOf(this.o.host), revision + 1, () => this.kick(), this.o.signal);
        } catch (err) {
          this.o.log(`agent ${this.o.host}: watch broke (${(err as Error).message}); watching again`);
          await sleep(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)), this.o.signal);
        }
      }
      await this.idle;
    } finally {
      await keepAlive;
      await requests;
      // A clean stop ends the registration now rather than when the lease runs out.
      await this.o.etcd.revokeLease(this.lease).catch(() => undefined);
    }
  }

  /** Answer `check --etcd` requests for this machine's nodes as they come (each once, when first written). */
  private async serveRequests(): Promise<void> {
    const prefix = keys.requestsOf(this.o.host);
    for (let attempt = 0; !this.o.signal.aborted; attempt++) {
      try {
        const { revision } = await this.o.etcd.range(prefix);
        await this.o.etcd.watch(prefix, revision + 1, (events) => {
          for (const e of events) {
            if (e.type !== 'put' || e.kv.version !== 1) continue;
            void answerCheck(this.o.etcd, this.o.host, e.kv.key, e.kv.value).catch((err: Error) => this.o.log(`agent ${this.o.host}: check request ${e.kv.key}: ${err.message}`));
          }
        }, this.o.signal);
      } catch (err) {
        this.o.log(`agent ${this.o.host}: watch of check requests broke (${(err as Error).message}); watching again`);
        await sleep(Math.min(5000, 200 * 2 ** Math.min(attempt, 5)), this.o.signal);
      }
    }
  }

  /** Create-if-absent of /nslab/hosts/<host>; a registration left by a killed agent is waited out (its lease expires). */
  private async register(): Promise<void> {
    this.lease = await this.o.etcd.grantLease(this.o.ttl);
    const host: Host = resource('Host', this.o.host, { underlay: this.underlay.address, mtu: this.underlay.mtu, capacity: this.o.capacity }, { since: new Date().toISOString(), pid: process.pid });
    const deadline = Date.now() + (this.o.ttl + 5) * 1000;
    for (let waited = false; ; waited = true) {
      // The lease was not kept alive while waiting: refresh it (or take a new one) so the key gets a full TTL.
      if ((await this.o.etcd.keepAlive(this.lease)) === 0) this.lease = await this.o.etcd.grantLease(this.o.ttl);
      const r = await this.o.etcd.txn([{ key: keys.host(this.o.host), absent: true }], [{ put: { key: keys.host(this.o.host), value: JSON.stringify(host), lease: this.lease } }]);
      if (r.succeeded) return;
      if (Date.now() > deadline) throw new AgentError(`an agent named '${this.o.host}' is already registered in ${this.o.etcd.url} and stays so; is it still running? (etcdctl get ${keys.host(this.o.host)})`);
      if (!waited) this.o.log(`agent ${this.o.host}: another registration of this name is in etcd; waiting up to ${this.o.ttl + 5} s for its lease to expire`);
      await sleep(500, this.o.signal);
      if (this.o.signal.aborted) throw new AgentError('stopped before registering');
    }
  }

  private async keepAlive(): Promise<void> {
    const every = Math.max(500, (this.o.ttl * 1000) / 3);
    while (!this.o.signal.aborted) {
      await sleep(every, this.o.signal);
      if (this.o.signal.aborted) return;
      const ttl = await this.o.etcd.keepAlive(this.lease).catch((err: Error) => {
        this.o.log(`agent ${this.o.host}: keep-alive failed: ${err.message}`);
        return -1;
      });
      if (ttl === 0) {
        this.o.log(`agent ${this.o.host}: lease expired; registering again`);
        await this.register();
        this.reported.clear();
        this.kick();
      }
    }
  }

  /** Reconcile soon; events that come while reconciling run it once more after. */
  private kick(): void {
    this.dirty = true;
    if (this.running) return;
    this.running = true;
    this.idle = (async () => {
      try {
        while (this.dirty && !this.o.signal.aborted) {
          this.dirty = false;
          await this.reconcile().catch((err: Error) => this.o.log(`agent ${this.o.host}: ${err.message}`));
        }
      } finally {
        this.running = false;
      }
    })();
  }

  private async reconcile(): Promise<void> {
    const { kvs } = await this.o.etcd.range(keys.partsOf(this.o.host));
    const wanted = new Map<string, KeyValue>(kvs.map((kv) => [kv.key.slice(keys.partsOf(this.o.host).length), kv]));
    for (const lab of listLabDirs()) {
      const rec = readRecord(lab);
      if (!rec?.source.startsWith(`etcd ${keys.part(this.o.host, lab)}@`)) continue; // not ours
      const kv = wanted.get(lab);
      if (kv && rec.source === sourceOf(kv.key, kv.modRevision)) continue;
      await this.remove(lab, kv === undefined);
    }
    for (const [lab, kv] of wanted) await this.ensure(lab, kv);
    // A part that failed here left no lab, only its status: that goes with the part.
    for (const st of (await this.o.etcd.range(keys.statusesOf(this.o.host))).kvs) {
      const lab = st.key.slice(keys.statusesOf(this.o.host).length);
      if (!wanted.has(lab) && !existsSync(labDir(lab))) {
        await this.o.etcd.delete(st.key);
        this.failed.delete(lab);
      }
    }
  }

  private async remove(lab: string, forgotten: boolean): Promise<void> {
    this.o.log(`agent ${this.o.host}: removing lab ${lab}${forgotten ? ' (etcd no longer lists it here)' : ' (its part changed or was left half-made)'}`);
    if (forgotten) await this.status(lab, 'Removing', 'taking the part down', 0, 0);
    const r = await down(lab);
    this.o.log(`agent ${this.o.host}: lab ${lab} is down (${r.namespaces} namespaces)`);
    if (forgotten) {
      await this.o.etcd.delete(keys.status(this.o.host, lab));
      this.reported.delete(lab);
      this.failed.delete(lab);
    }
  }

  private async ensure(lab: string, kv: KeyValue): Promise<void> {
    const source = sourceOf(kv.key, kv.modRevision);
    const part = parseRecord<Part>(kv.key, kv.value, 'Part');
    const n = part.spec.plan.namespaces.length;
    const c = part.spec.cables.length;
    if (this.failed.get(lab) === source) return;
    const rec = readRecord(lab);
    if (rec?.status === 'up' && rec.source === source && this.partFileSays(lab) === source) {
      if (this.reported.get(lab) !== source) await this.status(lab, 'Ready', 'resumed: the part was already up here', n, c);
      this.reported.set(lab, source);
      return;
    }
    if (rec || existsSync(labDir(lab))) await down(lab); // half-made by an earlier run
    await this.status(lab, 'Building', `bringing up ${n} nodes and ${c} cables`, n, c);
    this.o.log(`agent ${this.o.host}: building lab ${lab}: ${n} nodes, ${c} cables`);
    let lastReport = 0;
    try {
      await up({ ...part.spec.plan, source }, (phase, done, total) => {
        const now = Date.now();
        if (now - lastReport < 1000) return;
        lastReport = now;
        void this.status(lab, 'Building', `${phase} ${done}/${total}`, n, c).catch(() => undefined);
      });
      buildCables(part.spec);
      writeFileSync(join(labDir(lab), PART_FILE), `${JSON.stringify({ source, revision: kv.modRevision })}\n`);
    } catch (err) {
      const message = (err as Error).message;
      this.o.log(`agent ${this.o.host}: lab ${lab} failed: ${message}`);
      await down(lab).catch((e: Error) => this.o.log(`agent ${this.o.host}: and removing it failed: ${e.message}`));
      await this.status(lab, 'Failed', message, n, c);
      this.failed.set(lab, source);
      return;
    }
    await this.status(lab, 'Ready', `${n} nodes and ${c} cables up`, n, c);
    this.reported.set(lab, source);
    this.o.log(`agent ${this.o.host}: lab ${lab} is ready`);
  }

  private partFileSays(lab: string): string | undefined {
    try {
      return (JSON.parse(readFileSync(join(labDir(lab), PART_FILE), 'utf8')) as { source?: string }).source;
    } catch {
      return undefined;
    }
  }

  private async status(lab: string, phase: PartPhase, message: string, nodes: number, cables: number): Promise<void> {
    const status: PartStatus = { phase, message, nodes, cables, updated: new Date().toISOString() };
    const rec: PartStatusRecord = resource('Part', lab, { lab, host: this.o.host }, status, { 'nslab.dev/host': this.o.host });
    await this.o.etcd.put(keys.status(this.o.host, lab), JSON.stringify(rec), this.lease);
  }
}

import type { EtcdClient, TxnCompare, TxnOp } from '../etcd/client.js';
import type { Plan } from '../topology/plan.js';
import { placeNodes } from './placement.js';
import { keys, parseRecord, resource, type Host, type HostSpec, type Lab, type PartSpec, type PartStatusRecord, type VniClaim, VNI_BLOCK, VNI_BLOCKS } from './records.js';
import { crossCables, splitPlan } from './split.js';

/**
 * `nslab up|down|list --etcd`: the side that writes what the agents build.
 * up places the nodes, claims the VXLAN ids and writes the lab, its parts
 * and the claims in one transaction that fails if the lab or any of those
 * ids is already there; then it waits for every agent's status.
 */

export class ClusterError extends Error {
  override readonly name = 'ClusterError';
}

export interface ClusterHost {
  readonly name: string;
  readonly spec: HostSpec;
}

export async function registeredHosts(etcd: EtcdClient): Promise<ClusterHost[]> {
  const { kvs } = await etcd.range(keys.hosts);
  return kvs.map((kv) => parseRecord<Host>(kv.key, kv.value, 'Host')).map((h) => ({ name: h.metadata.name, spec: h.spec }));
}

/** The lowest block of VXLAN ids no lab holds. */
function freeBlock(taken: ReadonlySet<number>): number {
  for (let b = 1; b <= VNI_BLOCKS; b++) if (!taken.has(b)) return b;
  throw new ClusterError(`no free block of VXLAN ids left in etcd (${taken.size} labs hold one)`);
}

export interface PlacedLab {
  readonly placement: ReadonlyMap<string, string>;
  readonly parts: readonly PartSpec[];
  readonly vniBlock: number;
  readonly cables: number;
}

const CLAIM_ATTEMPTS = 8;

/** Write the lab into etcd, or refuse; nothing is written unless all of it is. */
export async function submitLab(etcd: EtcdClient, plan: Plan): Promise<PlacedLab> {
  const hosts = await registeredHosts(etcd);
  const placement = placeNodes(plan, hosts.map((h) => ({ name: h.name, capacity: h.spec.capacity })));
  const cables = crossCables(plan, placement);
  const specs = new Map(hosts.map((h) => [h.name, h.spec]));
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const taken = new Set((await etcd.range(keys.vnis)).kvs.map((kv) => Number(kv.key.slice(keys.vnis.length))));
    const block = freeBlock(taken);
    if (cables.length >= VNI_BLOCK) throw new ClusterError(`lab '${plan.lab}' has ${cables.length} cables between machines; at most ${VNI_BLOCK - 1} are supported (one block of VXLAN ids)`);
    const vniOf = new Map(cables.map((c, i) => [c.id, block * VNI_BLOCK + i]));
    const parts = splitPlan(plan, placement, specs, vniOf);
    const lab: Lab = resource('Lab', plan.lab, { source: plan.source, placement: Object.fromEntries(placement), expect: plan.expect, hosts: parts.map((p) => p.host), vniBlock: block, cables: cables.length }, { phase: 'Deploying' });
    const compare: TxnCompare[] = [{ key: keys.lab(plan.lab), absent: true }, { key: keys.vniBlock(block), absent: true }];
    const claim: VniClaim = resource('VniClaim', String(block), { lab: plan.lab, first: block * VNI_BLOCK, cables: cables.length });
    const ops: TxnOp[] = [
      { put: { key: keys.lab(plan.lab), value: JSON.stringify(lab) } },
      ...parts.map((p): TxnOp => ({ put: { key: keys.part(p.host, plan.lab), value: JSON.stringify(resource('Part', plan.lab, p, undefined, { 'nslab.dev/host': p.host })) } })),
      { put: { key: keys.vniBlock(block), value: JSON.stringify(claim) } },
    ];
    let r;
    try {
      r = await etcd.txn(compare, ops);
    } catch (err) {
      // etcd's own limit (--max-request-bytes), or its gateway's (2 MiB of gRPC message).
      if (!/too large|larger than max/.test((err as Error).message)) throw err;
      const bytes = ops.reduce((n, op) => n + ('put' in op ? op.put.value.length : 0), 0);
      throw new ClusterError(
        `lab '${plan.lab}' is ${(bytes / 2 ** 20).toFixed(1)} MiB of records, more than etcd takes in one request (1.5 MiB unless its --max-request-bytes says more; its JSON gateway takes 2 MiB at most); nothing was written`,
        { cause: err },
      );
    }
    if (r.succeeded) return { placement, parts, vniBlock: block, cables: cables.length };
    const existing = await etcd.get(keys.lab(plan.lab));
    if (existing) {
      const other = parseRecord<Lab>(existing.key, existing.value, 'Lab');
      throw new ClusterError(`lab '${plan.lab}' is already up across machines (from ${other.spec.source}, on ${other.spec.hosts.join(', ')}); run 'nslab down ${plan.lab} --etcd ${etcd.url}' first`);
    }
    // Another lab claimed the same block between the read and the transaction: read again.
  }
  throw new ClusterError(`could not claim a block of VXLAN ids for lab '${plan.lab}' in ${CLAIM_ATTEMPTS} tries (other labs are claiming at the same time)`);
}

export interface PartProgress {
  readonly host: string;
  readonly phase: string;
  readonly message: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function statuses(etcd: EtcdClient, lab: string, hosts: readonly string[]): Promise<Map<string, PartStatusRecord>> {
  const out = new Map<string, PartStatusRecord>();
  for (const h of hosts) {
    const kv = await etcd.get(keys.status(h, lab));
    if (kv) out.set(h, parseRecord<PartStatusRecord>(kv.key, kv.value, 'Part'));
  }
  return out;
}

/**
 * Wait until every part reports Ready; fail on the first part that
 * reports Failed, or whose agent's registration is gone (its lease ran out:
 * the agent died), naming the machine. Polls etcd a few times a second.
 */
export async function waitReady(etcd: EtcdClient, lab: string, hosts: readonly string[], timeoutMs: number, onProgress: (p: PartProgress) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const last = new Map<string, string>();
  for (;;) {
    const st = await statuses(etcd, lab, hosts);
    const alive = new Set((await registeredHosts(etcd)).map((h) => h.name));
    let ready = 0;
    for (const h of hosts) {
      const s = st.get(h)?.status;
      const line = s ? `${s.phase}: ${s.message ?? ''}` : 'waiting for its agent';
      if (last.get(h) !== line) onProgress({ host: h, phase: s?.phase ?? 'Pending', message: s?.message ?? 'waiting for its agent' });
      last.set(h, line);
      if (s?.phase === 'Failed') throw new ClusterError(`machine '${h}' failed to bring up its part of lab '${lab}': ${s.message ?? 'no message'}`);
      if (!alive.has(h)) throw new ClusterError(`the agent of machine '${h}' is gone (its registration in etcd expired) before its part of lab '${lab}' was ready`);
      if (s?.phase === 'Ready') ready++;
    }
    if (ready === hosts.length) return;
    if (Date.now() > deadline) {
      const waiting = hosts.filter((h) => st.get(h)?.status?.phase !== 'Ready');
      throw new ClusterError(`lab '${lab}' was not ready after ${Math.round(timeoutMs / 1000)} s; waiting for ${waiting.join(', ')}`);
    }
    await sleep(250);
  }
}

export interface ClusterDownResult {
  readonly found: boolean;
  /** Machines whose agent took its part down. */
  readonly removed: readonly string[];
  /** Machines whose agent is not registered: they remove their part when they come back. */
  readonly absent: readonly string[];
}

/**
 * Take a lab down across machines: delete its parts (each agent sees that
 * and takes its part down), wait for the agents that are alive to clear
 * their status, then delete the lab and its VNI claims. An agent that is
 * not registered removes its part when it comes back (it finds a local
 * lab etcd no longer lists).
 */
export async function takeDown(etcd: EtcdClient, lab: string, timeoutMs: number): Promise<ClusterDownResult> {
  const kv = await etcd.get(keys.lab(lab));
  const partKvs = (await etcd.range(keys.parts)).kvs.filter((k) => k.key.endsWith(`/${lab}`));
  if (!kv && partKvs.length === 0) return { found: false, removed: [], absent: [] };
  const record = kv ? parseRecord<Lab>(kv.key, kv.value, 'Lab') : undefined;
  const hosts = [...new Set([...(record?.spec.hosts ?? []), ...partKvs.map((k) => k.key.split('/')[3] as string)])];
  for (const h of hosts) await etcd.delete(keys.part(h, lab));
  const alive = new Set((await registeredHosts(etcd)).map((h) => h.name));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const st = await statuses(etcd, lab, hosts.filter((h) => alive.has(h)));
    if (st.size === 0) break;
    if (Date.now() > deadline) throw new ClusterError(`lab '${lab}': ${[...st.keys()].join(', ')} did not take their parts down in ${Math.round(timeoutMs / 1000)} s (their status: ${[...st.values()].map((s) => s.status?.message).join('; ')})`);
    await sleep(250);
  }
  const claims = (await etcd.range(keys.vnis)).kvs.filter((k) => parseRecord<VniClaim>(k.key, k.value, 'VniClaim').spec.lab === lab);
  await etcd.txn([], [{ deleteRange: { key: keys.lab(lab) } }, ...claims.map((c): TxnOp => ({ deleteRange: { key: c.key } }))]);
  return { found: true, removed: hosts.filter((h) => alive.has(h)), absent: hosts.filter((h) => !alive.has(h)) };
}

export interface ClusterLabSummary {
  readonly lab: string;
  readonly source: string;
  readonly nodes: number;
  readonly parts: readonly { readonly host: string; readonly phase: string; readonly nodes: number; readonly cables: number; readonly message: string }[];
}

export async function listLabs(etcd: EtcdClient): Promise<ClusterLabSummary[]> {
  const { kvs } = await etcd.range(keys.labs);
  const out: ClusterLabSummary[] = [];
  for (const kv of kvs) {
    const lab = parseRecord<Lab>(kv.key, kv.value, 'Lab');
    const st = await statuses(etcd, lab.metadata.name, lab.spec.hosts);
    out.push({
      lab: lab.metadata.name,
      source: lab.spec.source,
      nodes: Object.keys(lab.spec.placement).length,
      parts: lab.spec.hosts.map((h) => {
        const s = st.get(h)?.status;
        return { host: h, phase: s?.phase ?? 'Unknown', nodes: s?.nodes ?? 0, cables: s?.cables ?? 0, message: s?.message ?? 'no status (agent gone?)' };
      }),
    });
  }
  return out;
}

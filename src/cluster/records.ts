import type { CheckOptions, Probe, ProbeResult } from '../lab/check.js';
import type { Plan, PlanAddress, PlanEnd, PlanRoute } from '../topology/plan.js';

/**
 * What a multi-host lab keeps in etcd, shaped like Kubernetes objects
 * (apiVersion, kind, metadata, spec, status) so an operator can take them
 * over later without a format change. The keys:
 *
 *   /nslab/hosts/<host>          Host      an agent's registration, under its lease
 *   /nslab/labs/<lab>            Lab       the lab: source, placement, cables (created only if absent)
 *   /nslab/parts/<host>/<lab>    Part      one machine's share: an ordinary nslab plan plus its cables
 *   /nslab/status/<host>/<lab>   Part      that share's status, written by the agent under its lease
 *   /nslab/vni/<block>           VniClaim  a block of VXLAN ids held by one lab (created only if absent):
 *                                          block B is ids B×4096 … B×4096+4095, one per cable
 *   /nslab/requests/<host>/<id>  CheckRequest   probes for one machine's nodes (`check --etcd`), under the asker's lease
 *   /nslab/results/<host>/<id>   CheckRequest   what they found, under the same lease
 */
export const API_VERSION = 'nslab.dev/v1alpha1';
export const ROOT = '/nslab/';

export const keys = {
  hosts: `${ROOT}hosts/`,
  host: (host: string): string => `${ROOT}hosts/${host}`,
  labs: `${ROOT}labs/`,
  lab: (lab: string): string => `${ROOT}labs/${lab}`,
  parts: `${ROOT}parts/`,
  partsOf: (host: string): string => `${ROOT}parts/${host}/`,
  part: (host: string, lab: string): string => `${ROOT}parts/${host}/${lab}`,
  statuses: `${ROOT}status/`,
  statusesOf: (host: string): string => `${ROOT}status/${host}/`,
  status: (host: string, lab: string): string => `${ROOT}status/${host}/${lab}`,
  requestsOf: (host: string): string => `${ROOT}requests/${host}/`,
  request: (host: string, id: string): string => `${ROOT}requests/${host}/${id}`,
  result: (host: string, id: string): string => `${ROOT}results/${host}/${id}`,
  vnis: `${ROOT}vni/`,
  vniBlock: (block: number): string => `${ROOT}vni/${block}`,
} as const;

export interface ObjectMeta {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly creationTimestamp?: string;
}

export interface Resource<K extends string, S, T = undefined> {
  readonly apiVersion: typeof API_VERSION;
  readonly kind: K;
  readonly metadata: ObjectMeta;
  readonly spec: S;
  readonly status?: T;
}

export interface HostSpec {
  /** The machine's address on the underlay, where its VXLAN sockets listen. */
  readonly underlay: string;
  /** MTU of the underlay interface; cables get this minus the VXLAN overhead. */
  readonly mtu: number;
  /** How many nodes it takes. */
  readonly capacity: number;
}
export type Host = Resource<'Host', HostSpec, { readonly since: string; readonly pid: number }>;

/** One side of a cable between machines: the VXLAN device that stands in for the local veth end. */
export interface PlanCable {
  /** The local end, as the full plan had it (name, index, MAC, bridge master). */
  readonly end: PlanEnd;
  readonly vni: number;
  readonly local: string;
  readonly remote: string;
  readonly remoteHost: string;
  readonly port: number;
  readonly mtu: number;
  readonly origin: string;
}

export interface PartSpec {
  readonly lab: string;
  readonly host: string;
  /** The machine's share as an ordinary lab plan (its nodes and the links between them). */
  readonly plan: Plan;
  readonly cables: readonly PlanCable[];
  /** Addresses on cable ends, added once the cables exist. */
  readonly cableAddresses: readonly PlanAddress[];
  /** Routes of namespaces that hold a cable end: some need the cable, so all of theirs wait for it. */
  readonly cableRoutes: readonly PlanRoute[];
}

export type PartPhase = 'Building' | 'Ready' | 'Failed' | 'Removing';
export interface PartStatus {
  readonly phase: PartPhase;
  readonly message?: string;
  readonly nodes: number;
  readonly cables: number;
  readonly updated: string;
}
export type Part = Resource<'Part', PartSpec, PartStatus>;
export type PartStatusRecord = Resource<'Part', { readonly lab: string; readonly host: string }, PartStatus>;

export interface LabSpec {
  readonly source: string;
  /** node → host */
  readonly placement: Readonly<Record<string, string>>;
  /** The topology's expect: lines (checked across machines). */
  readonly expect: Plan['expect'];
  readonly hosts: readonly string[];
  /** The lab's block of VXLAN ids (see VniClaim) and how many of them its cables use. */
  readonly vniBlock: number;
  readonly cables: number;
}
export type Lab = Resource<'Lab', LabSpec, { readonly phase: 'Deploying' | 'Ready' | 'Failed'; readonly message?: string }>;

export interface CheckRequestSpec {
  readonly lab: string;
  readonly probes: readonly Probe[];
  readonly options: CheckOptions;
  /** The asker's lease: the answer goes under it, so both vanish if the asker does. */
  readonly lease: string;
}
export type CheckRequest = Resource<'CheckRequest', CheckRequestSpec, { readonly results?: readonly ProbeResult[]; readonly error?: string }>;

/**
 * VXLAN ids come in blocks of 4096, one block per lab, claimed with one
 * create-if-absent comparison however many cables the lab has (etcd takes
 * at most 128 operations in a transaction by default, --max-txn-ops).
 */
export const VNI_BLOCK = 4096;
export const VNI_BLOCKS = 4095; // blocks 1…4095: ids 4096…16777215, never 0
export type VniClaim = Resource<'VniClaim', { readonly lab: string; readonly first: number; readonly cables: number }>;

export function resource<K extends string, S, T>(kind: K, name: string, spec: S, status?: T, labels?: Record<string, string>): Resource<K, S, T> {
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: { name, ...(labels ? { labels } : {}), creationTimestamp: new Date().toISOString() },
    spec,
    ...(status !== undefined ? { status } : {}),
  } as Resource<K, S, T>;
}

export class RecordError extends Error {
  override readonly name = 'RecordError';
}

/** Parse a record read from etcd, checking the fields nslab relies on. */
export function parseRecord<R extends Resource<string, unknown, unknown>>(key: string, value: string, kind: R['kind']): R {
  let obj: unknown;
  try {
    obj = JSON.parse(value);
  } catch {
    throw new RecordError(`etcd key ${key} holds no JSON; it was not written by nslab`);
  }
  const o = obj as Partial<Resource<string, unknown, unknown>>;
  if (o?.apiVersion !== API_VERSION || o.kind !== kind || typeof o.metadata?.name !== 'string' || o.spec === undefined) {
    throw new RecordError(`etcd key ${key} is not an nslab ${kind} (${API_VERSION}); found apiVersion ${String(o?.apiVersion)}, kind ${String(o?.kind)}`);
  }
  return o as R;
}

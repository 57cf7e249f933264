import type { CgroupLimits, CgroupRecord } from '../sys/cgroup/index.js';
import type { PlanNamespace } from '../topology/plan.js';
import { labDir } from './state.js';

/*
 * A confined node as nslab exec finds it once the lab is up: the facts the
 * confine step saved, the limits of the node's cgroup, where its UTS
 * namespace is. Apart from lab/confine.ts so exec loads neither the step
 * nor what it needs (the seccomp compiler, hashing, koffi).
 */

/** What `nslab exec` and `down` need to confine a process in a node, saved in lab.json. */
export interface ConfineFacts {
  readonly cgroups: CgroupRecord;
  /** Node → its capability set as granted here. */
  readonly caps: Readonly<Record<string, readonly string[]>>;
  /** Node → id of its seccomp program, or null when unconfined. */
  readonly seccomp: Readonly<Record<string, string | null>>;
  /** Program id → struct sock_filter bytes (base64) and SECCOMP_FILTER_FLAG_* bits. */
  readonly programs: Readonly<Record<string, { readonly program: string; readonly flags: number }>>;
  /** Node → its persistent UTS namespace (made when something first runs there: ensureUtsNamespace). */
  readonly uts: Readonly<Record<string, string>>;
  /** Why nslab's default limits are not set on this machine (no pids controller for nslab's cgroups), when they are not. */
  readonly defaultsSkipped?: string;
}

/** The limits a node's cgroup gets: what the topology wrote, and nslab's defaults unless this machine cannot set them. */
export function nodeLimits(n: Pick<PlanNamespace, 'confine'>, withDefaults: boolean): CgroupLimits {
  if (withDefaults || n.confine.defaulted.length === 0) return n.confine.limits;
  const out: Record<string, unknown> = { ...n.confine.limits };
  for (const k of n.confine.defaulted) delete out[k];
  return out as CgroupLimits;
}

export class ConfinementError extends Error {
  override readonly name = 'ConfinementError';
}

export function utsPath(lab: string, node: string): string {
  return `${labDir(lab)}/ns/${node}.uts`;
}

import { createHash } from 'node:crypto';
import { SyscallError } from '../os/syscall-error.js';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableCapabilities } from '../sys/caps/status.js';
import { sortCaps, type CapName } from '../sys/caps/index.js';
import { createCgroupManager, openCgroupManager, type CgroupLimits, type CgroupRecord } from '../sys/cgroup/index.js';
import { writeSysctl } from '../sys/netns.js';
import { inNetns } from '../os/thread-netns.js';
import { removeNamespaceFiles } from '../sys/ns-file.js';
import { createUtsNamespace, deleteUtsNamespace } from '../sys/uts.js';
import type { PlanNamespace } from '../topology/plan.js';
import { Journal, labDir, type StepEntry } from './state.js';
import { LabLock } from './lock.js';
import type { ApplyContext, Step } from './step.js';

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

/** Is path a mounted namespace file (nsfs has a device of its own), not a bare placeholder? */
function isMountedNs(path: string): boolean {
  try {
    return statSync(path).dev !== statSync(dirname(path)).dev;
  } catch {
    return false;
  }
}

/**
 * The node's UTS namespace, made now if nothing has run in the node yet:
 * journaled first, under a shared hold on the lab so it never races a down.
 * Another exec making it at the same moment is waited for (bounded).
 */
export function ensureUtsNamespace(lab: string, node: string, hostname: string, opts: { starting?: boolean } = {}): string {
  const path = utsPath(lab, node);
  if (isMountedNs(path)) return path;
  const lock = opts.starting ? undefined : LabLock.acquire(lab, `run a command in ${node}`, true);
  try {
    if (!existsSync(path)) {
      const journal = new Journal(lab);
      try {
        journal.intend([{ op: 'uts', path }]);
      } finally {
        journal.close();
      }
      try {
        createUtsNamespace(path, hostname);
        return path;
      } catch (err) {
        if (!(err instanceof SyscallError && err.errnoName === 'EEXIST')) throw err;
      }
    }
    for (let i = 0; i < 100 && !isMountedNs(path); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
    if (!isMountedNs(path)) throw new ConfinementError(`the UTS namespace of node ${node} (${path}) is not ready; try again`);
    return path;
  } finally {
    lock?.release();
  }
}

/** Does this node need its own cgroup from the start (limits to set, or commands to run)? */
function needsCgroupAtStart(n: PlanNamespace): boolean {
  // nslab's default limits alone wait for the first process, as a node without limits does.
  return Object.keys(nodeLimits(n, false)).length > 0 || n.exec.length > 0;
}

/**
 * Node confinement: a UTS namespace with the node's name as hostname, the
 * user's network sysctls, cgroups (the lab's at once; a node's own when it
 * has limits or commands, else when something first runs in it), and the
 * capability sets and seccomp programs `nslab exec` applies.
 */
export const confineStep: Step = {
  name: 'confine',
  ops: ['uts', 'cgroup'],

  async apply(ctx: ApplyContext): Promise<void> {
    // The seccomp compiler and its syscall tables load only when a lab is built.
    const { encodeProgram } = await import('../sys/seccomp/bpf.js');
    const { compileSetting, forSandbox, parseSeccompSetting } = await import('../sys/seccomp/setting.js');
    const plan = ctx.plan;
    // A node's UTS namespace is made when something first runs in it: now for
    // nodes with start-up commands, else by nslab exec (ensureUtsNamespace),
    // so a lab of a thousand idle nodes does not pay for a thousand mounts.
    const uts: Record<string, string> = Object.fromEntries(plan.namespaces.map((n) => [n.node, utsPath(plan.lab, n.node)]));
    // (A sandboxed node's UTS namespace is its init's: src/sys/sandbox/enter.ts.)
    const now = plan.namespaces.filter((n) => n.exec.length > 0 && n.confine.isolation !== 'sandbox');
    ctx.journal.intend(now.map((n) => ({ op: 'uts', path: uts[n.node] })));
    for (const n of now) createUtsNamespace(uts[n.node] as string, n.hostname);

    for (const n of plan.namespaces) {
      const entries = Object.entries(n.sysctls);
      if (entries.length === 0) continue;
      try {
        inNetns(ctx.netnsFd(n.name), () => {
          for (const [k, v] of entries) writeSysctl(k, v);
        });
      } catch (err) {
        throw new ConfinementError(`node ${n.node}: ${(err as Error).message} [${n.origin}]`, { cause: err });
      }
    }

    const mgr = createCgroupManager(plan.lab);
    let defaultsSkipped: string | undefined;
    for (const n of plan.namespaces) {
      try {
        mgr.validate(nodeLimits(n, false));
      } catch (err) {
        throw new ConfinementError(`node ${n.node}: ${(err as Error).message} [${n.origin}]`, { cause: err });
      }
      if (defaultsSkipped === undefined && n.confine.defaulted.length > 0) {
        try {
          mgr.validate(n.confine.limits);
        } catch (err) {
          defaultsSkipped = (err as Error).message;
        }
      }
    }
    const skipped = defaultsSkipped === undefined ? {} : { defaultsSkipped };
    const { origin: labLimitsAt, ...labLimits } = plan.limits ?? { origin: '' };
    try {
      mgr.validate(labLimits);
    } catch (err) {
      throw new ConfinementError(`lab limits: ${(err as Error).message} [${labLimitsAt}]`, { cause: err });
    }
    ctx.journal.intend([{ op: 'cgroup', record: mgr.record() }]);
    mgr.create();
    // `limits:` of the whole lab go on the lab cgroup, above every node's (`echo N > nslab-LAB/memory.max`).
    if (Object.keys(labLimits).length > 0) mgr.setLimits(undefined, labLimits);
    for (const n of plan.namespaces) if (needsCgroupAtStart(n)) mgr.addNode(n.node, nodeLimits(n, defaultsSkipped === undefined));

    const available = availableCapabilities();
    const caps: Record<string, string[]> = {};
    for (const n of plan.namespaces) {
      const want = n.confine.caps as readonly CapName[];
      if (n.confine.capsAll) {
        caps[n.node] = sortCaps(new Set(want.filter((c) => available.has(c))));
        continue;
      }
      const lacking = want.filter((c) => !available.has(c));
      if (lacking.length > 0) {
        throw new ConfinementError(`node ${n.node} asks for ${lacking.join(', ')}, which nslab itself does not hold here; remove ${lacking.length === 1 ? 'it' : 'them'} from cap-add [${n.origin}]`);
      }
      caps[n.node] = [...want];
    }

    // One program per distinct setting (and capability set, which Docker profiles may test).
    const programs: Record<string, { program: string; flags: number }> = {};
    const seccomp: Record<string, string | null> = {};
    const compiled = new Map<string, string | null>();
    for (const n of plan.namespaces) {
      const setting = n.confine.seccomp;
      const sandboxed = n.confine.isolation === 'sandbox';
      const key = `${setting === 'default' || setting === 'unconfined' ? setting : `${setting}\0${caps[n.node]?.join(',')}`}\0${sandboxed}`;
      if (!compiled.has(key)) {
        let id: string | null = null;
        try {
          const read = parseSeccompSetting(setting, { baseDir: dirname(plan.source), origin: n.origin });
          const parsed = sandboxed ? forSandbox(read) : read;
          const filter = compileSetting(parsed, { capabilities: caps[n.node] ?? [] });
          if (filter) {
            const bytes = encodeProgram(filter.program);
            id = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
            programs[id] = { program: Buffer.from(bytes).toString('base64'), flags: filter.flags };
          }
        } catch (err) {
          throw new ConfinementError(`node ${n.node}: ${(err as Error).message}`, { cause: err });
        }
        compiled.set(key, id);
      }
      seccomp[n.node] = compiled.get(key) ?? null;
    }
    const facts: ConfineFacts = { cgroups: mgr.record(), caps, seccomp, programs, uts, ...skipped };
    ctx.remember(facts);
  },

  async undoMany(entries: readonly StepEntry[]): Promise<number> {
    const uts = entries.filter((e) => e.op === 'uts').map((e) => String(e.path));
    let existed = await removeNamespaceFiles(uts);
    for (const e of entries) if (e.op !== 'uts' && (await this.undo(e, '', undefined))) existed++;
    return existed;
  },

  async undo(entry: StepEntry): Promise<boolean> {
    if (entry.op === 'uts') return deleteUtsNamespace(String(entry.path));
    // Every process of every node dies before its namespaces and cgroups go.
    const record = entry.record as CgroupRecord;
    const existed = record.trees.some((t) => existsSync(t.labDir));
    const mgr = openCgroupManager(record);
    await mgr.kill();
    mgr.destroy();
    return existed;
  },
};

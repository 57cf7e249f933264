import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { availableCapabilities } from '../sys/caps/status.js';
import { sortCaps, type CapName } from '../sys/caps/index.js';
import { createCgroupManager, openCgroupManager, type CgroupRecord } from '../sys/cgroup/index.js';
import { writeSysctl } from '../sys/netns.js';
import { inNetns } from '../os/thread-netns.js';
import { removeNamespaceFiles } from '../sys/ns-file.js';
import { createUtsNamespace, deleteUtsNamespace } from '../sys/uts.js';
import type { PlanNamespace } from '../topology/plan.js';
import { ConfinementError, nodeLimits, utsPath, type ConfineFacts } from './confine-node.js';
import type { StepEntry } from './state.js';
import type { ApplyContext, Step } from './step.js';

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
    const { encodeProgram } = await import('../bpf/insn.js');
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

import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { sleepSync } from '../os/sleep.js';
import { SyscallError } from '../os/syscall-error.js';
import { createUtsNamespace } from '../sys/uts.js';
import { ConfinementError, utsPath } from './confine-node.js';
import { LabLock } from './lock.js';
import { Journal } from './state.js';

/*
 * The second half of `nslab exec` into an `isolation: network` node, once
 * the process is in the node's cgroups: the libc binding (koffi), the node's
 * UTS namespace and sys/exec.ts. lab/exec.ts loads this module (or
 * exec-sandboxed.ts) while the kernel moves the process into the node's
 * cgroup2 tree, so that load and that wait overlap.
 */
export { execConfined, resolveProgram } from '../sys/exec.js';

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
    for (let i = 0; i < 100 && !isMountedNs(path); i++) sleepSync(2);
    if (!isMountedNs(path)) throw new ConfinementError(`the UTS namespace of node ${node} (${path}) is not ready; try again`);
    return path;
  } finally {
    lock?.release();
  }
}

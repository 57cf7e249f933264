import { readFileSync, statSync } from 'node:fs';
import { netnsPath } from '../sys/netns-path.js';
import type { SandboxFacts } from './sandbox.js';

/** What `inspect` shows of a sandboxed node: its namespaces, id map and init. */
export interface SandboxView {
  /** Namespace type → inode number, as `lsns` and /proc/PID/ns/* show them (pid once the init runs). */
  readonly namespaces: Readonly<Record<string, number>>;
  /** The node's uid_map and gid_map line: `0 OUTSIDE COUNT`. */
  readonly uidMap: string;
  readonly gidMap: string;
  /** Machine pid of the node's init (PID 1 inside), or null while nothing has run there. */
  readonly init: number | null;
}

function inode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/** The node's init among its cgroup's processes: the one that is PID 1 in its own PID namespace. */
function findInit(pids: readonly number[]): number | null {
  for (const pid of pids) {
    try {
      const nspid = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]?.trim().split(/\s+/);
      if (nspid && nspid.length > 1 && nspid[nspid.length - 1] === '1') return pid;
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** `pids`: the processes in the node's cgroups (none while nothing has run there). */
export function sandboxView(facts: SandboxFacts | undefined, node: string, netns: string, pids: readonly number[]): SandboxView | undefined {
  const s = facts?.nodes[node];
  if (!facts || !s) return undefined;
  const init = findInit(pids);
  const namespaces: Record<string, number> = {};
  const add = (type: string, path: string): void => {
    const ino = inode(path);
    if (ino !== undefined) namespaces[type] = ino;
  };
  add('user', facts.userns);
  add('net', netnsPath(netns));
  add('mnt', s.mnt);
  if (init !== null) {
    for (const t of ['pid', 'uts', 'ipc']) add(t, `/proc/${init}/ns/${t}`);
    add('cgroup', `/proc/${init}/ns/cgroup`);
  }
  return { namespaces, uidMap: `0 ${facts.ids.uid} ${facts.ids.count}`, gidMap: `0 ${facts.ids.gid} ${facts.ids.count}`, init };
}

import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { capsFromMask, parseStatusCaps, sortCaps } from '../sys/caps/index.js';
import type { CgroupManager, CgroupStats } from '../sys/cgroup/index.js';
import { netnsPath } from '../sys/netns-path.js';
import type { Plan } from '../topology/plan.js';
import { utsPath, type ConfineFacts } from './confine-node.js';
import { labCgroups } from './inspect.js';
import type { SandboxFacts } from './sandbox.js';
import { printable } from '../topology/printable.js';

/**
 * `nslab inspect --isolation`: what keeps each node apart, read from the
 * kernel, as a student would read it by hand: `ls -l /proc/PID/ns`,
 * `cat /proc/PID/uid_map`, `grep -E 'Cap|NoNewPrivs|Seccomp' /proc/PID/status`
 * (`capsh --decode`), and the node's cgroup files. Read from one process
 * of the node (a command running inside it, else its init); a node where
 * nothing runs shows the namespaces nslab pinned and what its cgroups hold.
 */

/** The namespace types of /proc/PID/ns, in lsns's order. */
export const NAMESPACE_TYPES = ['mnt', 'uts', 'ipc', 'user', 'pid', 'net', 'cgroup', 'time'] as const;
export type NamespaceType = (typeof NAMESPACE_TYPES)[number];

export interface NamespaceFact {
  /** The inode number (`readlink /proc/PID/ns/TYPE` → TYPE:[INODE]). */
  readonly inode: number;
  /** Other nodes of the lab in the same namespace. */
  readonly sharedWith: readonly string[];
  /** The machine's own (the namespace of its PID 1, or of nslab itself where PID 1's cannot be read). */
  readonly host: boolean;
}

export interface CapabilitySets {
  readonly effective: readonly string[];
  readonly permitted: readonly string[];
  readonly inheritable: readonly string[];
  readonly bounding: readonly string[];
  readonly ambient: readonly string[];
  /** The same five as /proc/PID/status prints them (16 hex digits). */
  readonly masks: { readonly effective: string; readonly permitted: string; readonly inheritable: string; readonly bounding: string; readonly ambient: string };
}

export interface NodeIsolation {
  readonly node: string;
  readonly isolation: 'sandbox' | 'network';
  /** The process the facts below were read from, or null when nothing runs in the node. */
  readonly process: { readonly pid: number; readonly name: string; readonly role: 'init' | 'command' } | null;
  readonly namespaces: Partial<Record<NamespaceType, NamespaceFact>>;
  /** /proc/PID/uid_map and gid_map lines, blanks squeezed ("0 1879048192 65536"); the lab's range when nothing runs. */
  readonly uidMap: readonly string[];
  readonly gidMap: readonly string[];
  readonly capabilities: CapabilitySets | null;
  readonly noNewPrivs: boolean | null;
  /** Seccomp: 0 disabled, 1 strict, 2 filter; `filters` attached (Seccomp_filters). */
  readonly seccomp: { readonly mode: number; readonly modeName: string; readonly filters: number } | null;
  /** What the topology grants the node's commands. */
  readonly granted: { readonly capabilities: readonly string[]; readonly seccomp: string };
  /** Use against limits, from the node's cgroups (bytes, processes, µs); absent where the node has no cgroup yet. */
  readonly cgroups?: {
    readonly memory?: { readonly used: number; readonly limit: number | null; readonly peak?: number; readonly hitLimit: number };
    readonly pids?: { readonly current: number; readonly limit: number | null; readonly refused: number };
    readonly cpu?: { readonly limitCores: number | null; readonly usageUsec?: number; readonly throttledPeriods: number };
    readonly cpuset?: { readonly cpus: string; readonly effectiveCpus: string };
  };
}

export interface IsolationView {
  readonly lab: string;
  /** The machine's namespaces (those of its PID 1), type → inode. */
  readonly host: Partial<Record<NamespaceType, number>>;
  readonly nodes: readonly NodeIsolation[];
}

function nsInode(path: string): number | undefined {
  try {
    // nsfs links read "net:[4026531840]"; a pinned file (bind mount) stats to the same inode.
    const m = /\[(\d+)\]$/.exec(readlinkSync(path));
    return m ? Number(m[1]) : statSync(path).ino;
  } catch {
    try {
      return statSync(path).ino;
    } catch {
      return undefined;
    }
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function statusField(status: string, key: string): string | undefined {
  return new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(status)?.[1]?.trim();
}

/**
 * The process to read a node's facts from: a command in the node (inside its
 * PID namespace, running as an id other than its init's: the init and what
 * it starts to idle run as nobody, without capabilities), else its init,
 * else (isolation: network, no PID namespace) its first process.
 */
function pickProcess(pids: readonly number[]): { pid: number; status: string; role: 'init' | 'command' } | undefined {
  const procs = [...pids]
    .sort((a, b) => a - b)
    .flatMap((pid) => {
      const status = readText(`/proc/${pid}/status`);
      if (!status) return [];
      const nspid = statusField(status, 'NSpid')?.split(/\s+/) ?? [];
      return [{ pid, status, nested: nspid.length > 1, isInit: nspid.length > 1 && nspid[nspid.length - 1] === '1', uid: statusField(status, 'Uid')?.split(/\s+/)[1] }];
    });
  const init = procs.find((p) => p.isInit);
  const command = procs.find((p) => p.nested && !p.isInit && p.uid !== init?.uid);
  if (command) return { pid: command.pid, status: command.status, role: 'command' };
  if (init) return { pid: init.pid, status: init.status, role: 'init' };
  const first = procs[0];
  return first ? { pid: first.pid, status: first.status, role: 'command' } : undefined;
}

const SECCOMP_MODES = ['disabled', 'strict', 'filter'];

function capabilitySets(status: string): CapabilitySets {
  const c = parseStatusCaps(status);
  const names = (m: bigint): string[] => sortCaps(capsFromMask(m)).map((n) => n.replace(/^CAP_/, ''));
  const hex = (m: bigint): string => m.toString(16).padStart(16, '0');
  return {
    effective: names(c.effective),
    permitted: names(c.permitted),
    inheritable: names(c.inheritable),
    bounding: names(c.bounding),
    ambient: names(c.ambient),
    masks: { effective: hex(c.effective), permitted: hex(c.permitted), inheritable: hex(c.inheritable), bounding: hex(c.bounding), ambient: hex(c.ambient) },
  };
}

function mapLines(text: string | undefined): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim().split(/\s+/).join(' '))
    .filter(Boolean);
}

function cgroupPart(st: CgroupStats | undefined): NodeIsolation['cgroups'] {
  if (!st) return undefined;
  return {
    ...(st.memory ? { memory: { used: st.memory.usage, limit: st.memory.limit, ...(st.memory.peak !== undefined ? { peak: st.memory.peak } : {}), hitLimit: st.memory.hitLimit } } : {}),
    ...(st.pids ? { pids: { current: st.pids.current, limit: st.pids.limit, refused: st.pids.refused } } : {}),
    ...(st.cpu
      ? { cpu: { limitCores: st.cpu.quota ? st.cpu.quota.quotaUs / st.cpu.quota.periodUs : null, ...(st.cpu.usageUsec !== undefined ? { usageUsec: st.cpu.usageUsec } : {}), throttledPeriods: st.cpu.throttledPeriods } }
      : {}),
    ...(st.cpuset ? { cpuset: { cpus: st.cpuset.cpus, effectiveCpus: st.cpuset.effectiveCpus } } : {}),
  };
}

function statsOf(cgroups: CgroupManager | undefined, node: string): CgroupStats | undefined {
  try {
    return cgroups?.stats(node);
  } catch {
    return undefined; // no cgroup of its own yet: nothing has run there
  }
}

/** Every node's isolation, read now. */
export function isolationView(plan: Plan, facts?: Readonly<Record<string, unknown>>): IsolationView {
  const sandbox = facts?.sandbox as SandboxFacts | undefined;
  const confine = facts?.confine as ConfineFacts | undefined;
  const cgroups = labCgroups(facts);
  const host: Partial<Record<NamespaceType, number>> = {};
  for (const t of NAMESPACE_TYPES) {
    // The machine's PID 1, or where nslab itself runs when that is not readable (a container's root without ptrace over PID 1).
    const ino = nsInode(`/proc/1/ns/${t}`) ?? nsInode(`/proc/self/ns/${t}`);
    if (ino !== undefined) host[t] = ino;
  }
  const raw = plan.namespaces.map((n) => {
    const st = statsOf(cgroups, n.node);
    const proc = pickProcess(st?.procs ?? []);
    const inodes: Partial<Record<NamespaceType, number>> = {};
    const put = (t: NamespaceType, path: string): void => {
      const ino = nsInode(path);
      if (ino !== undefined) inodes[t] = ino;
    };
    if (proc) {
      for (const t of NAMESPACE_TYPES) put(t, `/proc/${proc.pid}/ns/${t}`);
    } else {
      // Nothing runs there: the namespaces nslab keeps pinned for the node.
      put('net', netnsPath(n.name));
      const sb = sandbox?.nodes[n.node];
      if (sb && sandbox) {
        put('mnt', sb.mnt);
        put('user', sandbox.userns);
      } else put('uts', utsPath(plan.lab, n.node));
    }
    const idLine = (id: number | undefined): string[] => (id !== undefined && sandbox ? [`0 ${id} ${sandbox.ids.count}`] : []);
    const inSandbox = n.confine.isolation === 'sandbox' && sandbox?.nodes[n.node] !== undefined;
    return {
      n,
      st,
      proc,
      inodes,
      uidMap: proc ? mapLines(readText(`/proc/${proc.pid}/uid_map`)) : inSandbox ? idLine(sandbox?.ids.uid) : [],
      gidMap: proc ? mapLines(readText(`/proc/${proc.pid}/gid_map`)) : inSandbox ? idLine(sandbox?.ids.gid) : [],
    };
  });
  const nodes = raw.map(({ n, st, proc, inodes, uidMap, gidMap }): NodeIsolation => {
    const namespaces: Partial<Record<NamespaceType, NamespaceFact>> = {};
    for (const t of NAMESPACE_TYPES) {
      const inode = inodes[t];
      if (inode === undefined) continue;
      namespaces[t] = { inode, sharedWith: raw.filter((o) => o.n !== n && o.inodes[t] === inode).map((o) => o.n.node), host: host[t] === inode };
    }
    const status = proc?.status;
    const mode = status ? Number(statusField(status, 'Seccomp') ?? 0) : undefined;
    const cg = cgroupPart(st);
    return {
      node: n.node,
      isolation: n.confine.isolation,
      process: proc ? { pid: proc.pid, name: printable(statusField(proc.status, 'Name') ?? '?'), role: proc.role } : null,
      namespaces,
      uidMap,
      gidMap,
      capabilities: status ? capabilitySets(status) : null,
      noNewPrivs: status ? statusField(status, 'NoNewPrivs') === '1' : null,
      seccomp: status && mode !== undefined ? { mode, modeName: SECCOMP_MODES[mode] ?? String(mode), filters: Number(statusField(status, 'Seccomp_filters') ?? 0) } : null,
      granted: { capabilities: (confine?.caps[n.node] ?? n.confine.caps).map((c) => c.replace(/^CAP_/, '')), seccomp: n.confine.seccomp },
      ...(cg ? { cgroups: cg } : {}),
    };
  });
  return { lab: plan.lab, host, nodes };
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createInterface, type Interface } from 'node:readline';
import { SyscallError } from '../os/syscall-error.js';
import { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_PRIVATE, O_CLOEXEC, O_RDONLY, libc } from '../os/libc.js';
import { ensureNetnsRunDir, type NamedNetns } from '../sys/netns.js';
import { netnsPath } from '../sys/netns-path.js';
import { detachMount, pinNamespace, removeNamespaceFiles } from '../sys/ns-file.js';
import type { BuildAnswer } from '../sys/sandbox/builder.js';
import { pinnedUserns, runnableBuilder, started } from './sandbox-launch.js';
import { SandboxError, prepareNodeFiles, sandboxNodesDir, sandboxNsDir, writeSharedFiles, type PreparedNode, type SharedFiles } from './sandbox-files.js';
import { idmappedBind } from '../sys/sandbox/idmapped.js';
import { allocateIdRange, ID_COUNT, overlaps, writeBindIdMaps, writeIdMaps, type IdRange } from '../sys/sandbox/idmap.js';
import { hostsFile, type Plan, type PlanNamespace } from '../topology/plan.js';
import { listLabDirs, readRecord, type Journal, type StepEntry } from './state.js';
import type { Step } from './step.js';

/** What exec, inspect and down need of a lab's sandbox, saved in lab.json under `sandbox`. */
export interface SandboxFacts {
  /** The lab's user namespace, pinned. */
  readonly userns: string;
  readonly ids: IdRange;
  /** Sandboxed nodes → where their namespaces and files are. */
  readonly nodes: Readonly<Record<string, SandboxNode>>;
}

export interface SandboxNode {
  /** The pinned mount namespace (the network one is /run/netns/NAME; PID, UTS, IPC and cgroup ones are the init's). */
  readonly mnt: string;
  /** The node's own files (tmp, run, var-*, etc) on the machine. */
  readonly dir: string;
}

export interface SandboxEntry extends StepEntry {
  readonly op: 'sandbox';
  readonly nsDir: string;
  readonly nodesDir: string;
}




/** Ranges other labs of this machine hold, from their records. */
function rangesInUse(lab: string): { lab: string; ids: IdRange }[] {
  const out: { lab: string; ids: IdRange }[] = [];
  for (const other of listLabDirs()) {
    if (other === lab) continue;
    const ids = (readRecord(other)?.facts?.sandbox as SandboxFacts | undefined)?.ids;
    if (ids) out.push({ lab: other, ids });
  }
  return out;
}

/**
 * A lab's sandbox while `up` builds it: the lab's user namespace (pinned)
 * and, node by node, the network and mount namespaces the builder makes
 * inside it, pinned under
 * /run/nslab/LAB/ns (a private mount, as mount-namespace files need).
 */
export class Sandbox {
  private readonly lines: Interface;
  private readonly answers: BuildAnswer[] = [];
  private waiting: ((a: BuildAnswer | undefined) => void) | undefined;
  private exited = false;
  private shared: SharedFiles | undefined;
  readonly nodes: Record<string, SandboxNode> = {};
  /** Network namespaces pinned at /run/netns so far: made by this lab, whatever happens next. */
  readonly pinned = new Set<string>();

  private constructor(
    private readonly plan: Plan,
    private readonly child: ChildProcessWithoutNullStreams,
    readonly ids: IdRange,
    readonly userns: string,
    private readonly stderr: string[],
  ) {
    this.lines = createInterface({ input: child.stdout });
    this.lines.on('line', (line) => {
      const a = JSON.parse(line) as BuildAnswer;
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(a);
      } else this.answers.push(a);
    });
    child.on('exit', () => {
      this.exited = true;
      this.waiting?.(undefined);
    });
  }

  /** Journal, then make the lab's user namespace and start the builder in it. */
  static async open(plan: Plan, journal: Journal): Promise<Sandbox> {
    const builder = runnableBuilder(plan.lab);
    const inUse = rangesInUse(plan.lab);
    const ids = plan.userns ? { uid: plan.userns.uid, gid: plan.userns.gid, count: ID_COUNT } : allocateIdRange(inUse.map((r) => r.ids));
    const taken = inUse.find((r) => overlaps(r.ids, ids));
    if (taken) {
      throw new SandboxError(`userns ${ids.uid}/${ids.gid} (+${ID_COUNT}) overlaps lab '${taken.lab}', which maps uid ${taken.ids.uid} and gid ${taken.ids.gid} (+${taken.ids.count}); choose another range or bring that lab down [${plan.userns?.origin ?? plan.source}]`);
    }
    const nsDir = sandboxNsDir(plan.lab);
    const nodesDir = sandboxNodesDir(plan.lab);
    journal.intend([{ op: 'sandbox', nsDir, nodesDir, ids } satisfies SandboxEntry & { ids: IdRange }]);
    mkdirSync(nsDir, { recursive: true, mode: 0o700 });
    mkdirSync(nodesDir, { recursive: true, mode: 0o755 });
    // The nodes' files live in memory, as /run does on most machines (not here: it is ext4),
    // and go with one unmount.
    libc.mountWithData(`nslab-${plan.lab}`, nodesDir, 'tmpfs', MS_NOSUID | MS_NODEV, 'mode=755');
    // Namespace files can only be bound onto a mount that does not propagate: a
    // private tmpfs of their own, so their thousand inodes cost no disk (creating
    // one on this machine's ext4 took up to a millisecond) and go with the unmount.
    libc.mountWithData(`nslab-${plan.lab}-ns`, nsDir, 'tmpfs', MS_NOSUID | MS_NODEV | MS_NOEXEC, 'mode=700');
    libc.mount(null, nsDir, null, MS_PRIVATE);
    ensureNetnsRunDir();

    // A process exec'd in a new user namespace before its uid_map exists has no
    // capabilities there, so: a holder is born in the namespace (`unshare
    // --user cat`), nslab writes the maps, and the builder enters it with
    // `nsenter --user`, which becomes uid 0 inside (mapped) before exec.
    const userns = `${nsDir}/user`;
    await pinnedUserns(userns, (pid) => writeIdMaps(pid, ids));
    // The idmapping of binds: the machine's ids 1–65535 are the node's, the node's root is the lab's base id (not the machine's root).
    if (plan.namespaces.some((n) => n.confine.binds.length > 0)) await pinnedUserns(`${nsDir}/bind-user`, (pid) => writeBindIdMaps(pid, ids));
    const child = spawn('nsenter', [`--user=${userns}`, '--', process.execPath, builder], { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr: string[] = [];
    child.stderr.setEncoding('utf8').on('data', (d: string) => stderr.push(d));
    await started(child, 'util-linux nsenter');
    return new Sandbox(plan, child, ids, userns, stderr);
  }

  private next(): Promise<BuildAnswer | undefined> {
    const a = this.answers.shift();
    if (a || this.exited) return Promise.resolve(a);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  private prepareNode(n: PlanNamespace): PreparedNode {
    this.shared ??= writeSharedFiles(this.plan.lab, hostsFile(this.plan));
    return prepareNodeFiles(this.plan.lab, n, this.ids, this.shared);
  }

  /**
   * Make the nodes: the builder unshares each one's namespaces and builds its
   * mount tree while nslab pins the previous ones: the network namespace at
   * /run/netns/NAME (so `ip netns` sees it), the mount namespace under the
   * lab's ns directory. At most WINDOW nodes are in flight, so the builder
   * holds a bounded number of fds. `each` gets every node as it is pinned.
   */
  async createMany(list: readonly PlanNamespace[], each: (n: PlanNamespace, ns: NamedNetns) => void): Promise<void> {
    const WINDOW = 32;
    const prepared = list.map((n) => this.prepareNode(n));
    let sent = 0;
    const send = (): void => {
      const p = prepared[sent++];
      if (p) this.child.stdin.write(`${JSON.stringify(p.req)}\n`);
    };
    while (sent < Math.min(WINDOW, prepared.length)) send();
    const pid = this.child.pid as number;
    const nsDir = sandboxNsDir(this.plan.lab);
    for (const [k, n] of list.entries()) {
      const a = await this.next();
      if (!a) throw new SandboxError(`the sandbox builder ended while making node ${n.node}: ${this.stderr.join('').trim() || 'no message'}`);
      if (!a.ok) throw new SandboxError(`node ${n.node}: cannot build its sandbox: ${a.error} [${n.origin}]`);
      if (a.node !== n.node) throw new SandboxError(`the sandbox builder answered for node ${a.node} while nslab waited for ${n.node}`);
      const p = prepared[k] as PreparedNode;
      const node: SandboxNode = { mnt: `${nsDir}/${n.node}.mnt`, dir: p.dir };
      const path = netnsPath(n.name);
      try {
        pinNamespace(`/proc/${pid}/fd/${a.net}`, path);
        this.pinned.add(n.name);
      } catch (err) {
        if (err instanceof SyscallError && err.errnoName === 'EEXIST') {
          throw new SandboxError(`the network namespace ${n.name} exists already and nslab did not make it for this lab; remove it (ip netns del ${n.name}) or rename the node [${n.origin}]`, { cause: err });
        }
        throw err;
      }
      pinNamespace(`/proc/${pid}/fd/${a.mnt}`, node.mnt);
      this.child.stdin.write(`${JSON.stringify({ release: [a.net, a.mnt] })}\n`);
      send();
      this.nodes[n.node] = node;
      for (const b of p.binds) {
        try {
          idmappedBind(b.src, b.dst, { mntNs: node.mnt, userns: `${nsDir}/bind-user`, ro: b.ro });
        } catch (err) {
          throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: ${(err as Error).message} [${n.origin}]`, { cause: err });
        }
      }
      each(n, { name: n.name, path, fd: libc.open(path, O_RDONLY | O_CLOEXEC) });
    }
  }

  facts(): SandboxFacts {
    return { userns: this.userns, ids: this.ids, nodes: this.nodes };
  }

  /** Let the builder go: stdin closed, it exits; the namespaces stay pinned. */
  async close(): Promise<void> {
    if (!this.exited) {
      const done = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.stdin.end();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    }
    this.lines.close();
  }
}

/**
 * Undo a lab's sandbox: unpin every namespace file under its ns directory,
 * detach the directory's own mount, remove the nodes' files. The processes
 * went before, with the lab's cgroups; runs twice without harm.
 */
export async function removeSandbox(entry: SandboxEntry): Promise<boolean> {
  let existed = false;
  if (existsSync(entry.nsDir)) {
    existed = true;
    // One lazy unmount of the directory's own mount takes every namespace file on it along.
    const detached = detachMount(entry.nsDir);
    // Without that mount (a crash before it was made, or a second down) any file still mounted goes one by one.
    if (!detached) await removeNamespaceFiles(readdirSync(entry.nsDir).map((f) => `${entry.nsDir}/${f}`));
    rmSync(entry.nsDir, { recursive: true, force: true });
  }
  if (existsSync(entry.nodesDir)) {
    existed = true;
    detachMount(entry.nodesDir);
    rmSync(entry.nodesDir, { recursive: true, force: true });
  }
  return existed;
}

/**
 * The sandbox as a step of `up`: it is made with the namespaces (apply.ts
 * opens it first, since sandboxed namespaces are born in the lab's user
 * namespace), so apply has nothing left to do here; down undoes it last.
 */
export const sandboxStep: Step = {
  name: 'sandbox',
  ops: ['sandbox'],
  apply(): void {},
  undo(entry: StepEntry): Promise<boolean> {
    return removeSandbox(entry as SandboxEntry);
  },
};

import type * as ChildProcess from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CAP_NAMES, type CapSet } from '../caps/index.js';
import {
  CLONE_FS, CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWPID, CLONE_NEWUTS, MNT_DETACH, O_CLOEXEC, O_RDONLY, PR_SET_NO_NEW_PRIVS, libc,
} from '../../os/libc.js';
import { sleepSync } from '../../os/sleep.js';
import { ordinaryStdioAndSignals, resolveProgram } from '../process-start.js';
import { installFilter } from '../seccomp/install.js';

/** A sandboxed node's pinned namespaces and what confines its processes. */
export interface SandboxConfinement {
  readonly netns: string;
  readonly mnt: string;
  /** The node's hostname, set by its init in the UTS namespace it makes. */
  readonly hostname: string;
  /** The lab's user namespace, a file on the machine's side (the launcher opens it before it joins the node's mount namespace). */
  readonly userns: string;
  readonly caps: CapSet;
  readonly seccomp?: { readonly program: Uint8Array; readonly flags: number };
}

export class SandboxEnterError extends Error {
  override readonly name = 'SandboxEnterError';
}

/** What the init becomes once its set-up is done: PID 1's command line from then on. */
const INIT_LOOP = 'while :; do sleep 86400 & wait; done';

/**
 * The node's init, PID 1 of its PID namespace: mounts the namespace's /proc
 * over the machine's (every process of the node then sees only the node's
 * processes), masks what Docker masks, then becomes uid 65534 inside with no
 * capability and reaps orphans. PID 1 ignores signals it has no handler
 * for, and a different uid cannot be signalled without CAP_KILL, so nothing
 * inside the node can end it; down ends it with the node's cgroup.
 */
export const INIT_SCRIPT = [
  'mount -t proc -o nosuid,nodev,noexec proc /proc || exit 1',
  // Here rather than when up builds the node: each sysfs mount looks through every
  // sysfs instance there is (one per namespace that has one), which made 10 000 nodes
  // quadratic, and an idle node needs none. mqueue after `unshare --ipc`: the node's own queues.
  // EBUSY when /sys is this namespace's sysfs already (a lab an older nslab built): mounted anew over the machine's.
  "sysfs() { mount -t sysfs -o ro,nosuid,nodev,noexec sysfs /sys; }; sysfs 2>/dev/null || { umount -l /sys && sysfs; } || exit 1",
  '[ -d /dev/mqueue ] && mount -t mqueue -o nosuid,nodev,noexec mqueue /dev/mqueue',
  'hostname "$0" || exit 1',
  'for f in kcore sysrq-trigger timer_list keys latency_stats sched_debug timer_stats kallsyms; do',
  '  [ -e /proc/$f ] && mount --bind /dev/null /proc/$f',
  'done',
  'for d in acpi scsi asound; do [ -d /proc/$d ] && mount -t tmpfs -o ro,nosuid,nodev,noexec tmpfs /proc/$d; done',
  // Its own uid inside (65534, nobody): the node's root, without CAP_KILL or
  // CAP_SYS_PTRACE, can then neither signal it nor write its memory through
  // /proc/1/mem, which matters because the init runs without the seccomp filter.
  `exec setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs -- /bin/sh -c '${INIT_LOOP}'`,
].join('\n');

/**
 * In the node's mount namespace: /proc is the machine's until the node's init
 * has mounted its own, and a /proc of another PID namespace has no `self` for us.
 */
function initRuns(): boolean {
  return !existsSync('/proc/self') && existsSync('/proc/1');
}

/**
 * Has the init finished setting the node up (hostname, /sys, masks)? Its
 * /proc is there from its first line, so a command let in then could see the
 * machine's /sys or the machine's hostname. PID 1's command line is its loop
 * only after its last line, and nothing in the node can change it (other uid, no ptrace).
 */
function initReady(): boolean {
  try {
    return initRuns() && readFileSync('/proc/1/cmdline', 'latin1') === `/bin/sh\0-c\0${INIT_LOOP}\0`;
  } catch {
    return false;
  }
}

/** Wait (bounded) until the init is ready: one just started, or one that runs already (started by another exec). */
function awaitInitReady(justStarted: boolean): void {
  for (let i = 0; i < 1000 && (justStarted || initRuns()) && !initReady(); i++) sleepSync(2);
  if (!initReady()) throw new SandboxEnterError("the node's init did not set the node up within 2 s (util-linux nsenter, unshare, mount and setpriv are needed)");
}

/**
 * Start the node's init, from a thread in the node's network namespace and
 * cgroups and in the machine's mount namespace (so that the launcher is the
 * machine's nsenter, not a file the node's tree could put on its PATH):
 *   nsenter --mount=MNT --user=USERNS -- unshare --pid --uts --ipc --cgroup --fork --kill-child -- sh -c INIT HOSTNAME
 * nsenter joins the node's mount namespace while still root, then the lab's
 * user namespace, and only then runs anything of the node's tree (unshare, sh).
 */
function startInit(c: SandboxConfinement, nsenter: string): void {
  // Loaded here, not at the top: child_process brings net and stream, which exec's start-up would pay for every time.
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  const argv = [`--mount=${c.mnt}`, `--user=${c.userns}`, '--', 'unshare', '--pid', '--uts', '--ipc', '--cgroup', '--fork', '--kill-child', '--', '/bin/sh', '-c', INIT_SCRIPT, c.hostname];
  const child = spawn(nsenter, argv, { detached: true, stdio: 'ignore' });
  child.unref();
}

/** `setpriv --bounding-set` text for a capability set: `-all,+net_admin,…`. */
export function boundingSetArg(caps: CapSet): string {
  const keep = CAP_NAMES.filter((c) => caps.has(c)).map((c) => `+${c.slice(4).toLowerCase()}`);
  return ['-all', ...keep].join(',');
}

/**
 * Become a process of a sandboxed node and run path. In this thread: join
 * the node's network namespace, look into its mount namespace to start its
 * init if nothing runs there yet, join the UTS, IPC and cgroup namespaces
 * the init made and its PID namespace for children; no_new_privs; back in
 * the machine's mount namespace, the seccomp filter. Then, since Node cannot
 * join a user namespace, execve the machine's launcher:
 *   nsenter --mount=MNT --user=USERNS --pid=/proc/self/ns/pid_for_children --
 *     setpriv --bounding-set=-all,+CAPS --inh-caps=-all -- PATH ARGS
 * Nothing of the node's file tree runs, or is even loaded, as the machine's
 * root: a node's binds (or its own mounts) could put any program or library
 * on the machine's PATH there. nsenter becomes uid 0 inside (an
 * unprivileged uid outside), forks into the node's PID namespace and passes
 * on the exit code. The caller has already moved this process into the node's cgroups.
 */
export function execSandboxed(c: SandboxConfinement, path: string, argv: readonly string[], env: readonly string[]): never {
  // Opened in the machine's mount namespace: where this thread comes back to before any execve.
  const machineMnt = libc.open('/proc/thread-self/ns/mnt', O_RDONLY | O_CLOEXEC);
  const [net, mnt] = [c.netns, c.mnt].map((p) => libc.open(p, O_RDONLY | O_CLOEXEC)) as [number, number];
  // Threads share fs state; this one gets its own before a mount namespace.
  libc.unshare(CLONE_FS);
  // The machine's sysfs, to tell a /sys a dead init left from the builder's copy of the machine's.
  const machineSys = statSync('/sys').dev;
  // The programs nslab starts as the machine's root are the machine's, looked up here, never in the node's tree.
  const nsenter = resolveProgram('nsenter');
  const setpriv = resolveProgram('setpriv');
  libc.setns(net, CLONE_NEWNET);
  libc.setns(mnt, CLONE_NEWNS);
  const startsInit = !initRuns();
  if (startsInit) {
    // An init killed from outside leaves its PID namespace's /proc mounted, dead (no /proc/1, no /proc/self),
    // and its /sys and /dev/mqueue over the builder's tree; the next init mounts its own.
    if (!existsSync('/proc/self')) {
      libc.umount2('/proc', MNT_DETACH);
      if (statSync('/sys').dev !== machineSys) libc.umount2('/sys', MNT_DETACH);
      if (existsSync('/dev/mqueue')) {
        try {
          libc.umount2('/dev/mqueue', MNT_DETACH);
        } catch {
          // the dead init had not mounted it
        }
      }
    }
    libc.setns(machineMnt, CLONE_NEWNS);
    startInit(c, nsenter);
    libc.setns(mnt, CLONE_NEWNS);
  }
  awaitInitReady(startsInit);
  // Paths below are the node's: its /proc, where its init is PID 1. The PID
  // namespace is joined for this thread's children (pid_for_children), which
  // the launcher's own child inherits.
  libc.setns(libc.open('/proc/1/ns/uts', O_RDONLY | O_CLOEXEC), CLONE_NEWUTS);
  libc.setns(libc.open('/proc/1/ns/ipc', O_RDONLY | O_CLOEXEC), CLONE_NEWIPC);
  libc.setns(libc.open('/proc/1/ns/cgroup', O_RDONLY | O_CLOEXEC), CLONE_NEWCGROUP);
  libc.setns(libc.open('/proc/1/ns/pid', O_RDONLY | O_CLOEXEC), CLONE_NEWPID);
  libc.prctl(PR_SET_NO_NEW_PRIVS, 1);
  // Back to the machine's mount namespace: the launcher and its libraries load from the machine's tree.
  libc.setns(machineMnt, CLONE_NEWNS);
  ordinaryStdioAndSignals();
  // nsenter joins the node's mount namespace, then the lab's user namespace (root there, an
  // unprivileged uid outside), forks into the node's PID namespace, and only then runs
  // setpriv and the command from the node's tree; setpriv narrows the capabilities, which
  // joining a user namespace resets to all. The command is looked up inside the node.
  const launcher = [
    'nsenter', `--mount=${c.mnt}`, `--user=${c.userns}`, '--pid=/proc/self/ns/pid_for_children', '--',
    setpriv, `--bounding-set=${boundingSetArg(c.caps)}`, '--inh-caps=-all', '--', path, ...argv.slice(1),
  ];
  // Nothing but 0–2 crosses into the node: an fd the caller left open could name the machine's files.
  libc.closeRangeOnExec(3);
  // Last: the filter allows only the launcher's setns calls (mount, user, PID).
  if (c.seccomp) installFilter(c.seccomp.program, c.seccomp.flags);
  return libc.execve(nsenter, launcher, env);
}

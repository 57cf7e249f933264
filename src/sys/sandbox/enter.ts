import type * as ChildProcess from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CAP_NAMES, type CapSet } from '../caps/index.js';
import {
  CLONE_FS, CLONE_NEWCGROUP, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWUTS, MNT_DETACH, O_CLOEXEC, O_RDONLY, PR_SET_NO_NEW_PRIVS, libc,
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
  /** The lab's user namespace (read only before the node's /run hides it). */
  readonly userns: string;
  readonly caps: CapSet;
  readonly seccomp?: { readonly program: Uint8Array; readonly flags: number };
}

export class SandboxEnterError extends Error {
  override readonly name = 'SandboxEnterError';
}

/**
 * The node's init, PID 1 of its PID namespace: mounts the namespace's /proc
 * over the machine's (every process of the node then sees only the node's
 * processes), masks what Docker masks, then becomes uid 65534 inside with no
 * capability and reaps orphans. PID 1 ignores signals it has no handler
 * for, and a different uid cannot be signalled without CAP_KILL, so nothing
 * inside the node can end it; down ends it with the node's cgroup.
 */
/** What the init becomes once its set-up is done: PID 1's command line from then on. */
const INIT_LOOP = 'while :; do sleep 86400 & wait; done';

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

/** Wait (bounded) for an init that runs to be ready. */
function awaitInitReady(): void {
  for (let i = 0; i < 1000 && initRuns() && !initReady(); i++) sleepSync(2);
  if (!initReady()) throw new SandboxEnterError("the node's init did not finish setting the node up within 2 s (util-linux nsenter, unshare, mount and setpriv are needed)");
}

/**
 * Start the node's init, from a thread already in the node's network and
 * mount namespaces and cgroups:
 *   nsenter --user=USERNS -- unshare --pid --uts --ipc --cgroup --fork --kill-child -- sh -c INIT HOSTNAME
 * and wait (bounded) until its /proc is mounted.
 */
function startInit(usernsFd: number, hostname: string): void {
  // Loaded here, not at the top: child_process brings net and stream, which exec's start-up would pay for every time.
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  const argv = ['--user=/proc/self/fd/3', '--', 'unshare', '--pid', '--uts', '--ipc', '--cgroup', '--fork', '--kill-child', '--', '/bin/sh', '-c', INIT_SCRIPT, hostname];
  const child = spawn('nsenter', argv, {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', usernsFd],
  });
  child.unref();
  for (let i = 0; i < 1000 && !initRuns(); i++) sleepSync(2);
  if (!initRuns()) throw new SandboxEnterError('the node\'s init did not start within 2 s (util-linux nsenter, unshare and mount are needed)');
}

/** `setpriv --bounding-set` text for a capability set: `-all,+net_admin,…`. */
export function boundingSetArg(caps: CapSet): string {
  const keep = CAP_NAMES.filter((c) => caps.has(c)).map((c) => `+${c.slice(4).toLowerCase()}`);
  return ['-all', ...keep].join(',');
}

/**
 * Become a process of a sandboxed node and run path. In this thread: join
 * the node's network and mount namespaces, start its init if nothing runs
 * there yet, join the UTS, IPC and cgroup namespaces the init made; no_new_privs; the
 * seccomp filter. Then, since Node cannot join a user namespace, execve
 * the launcher:
 *   nsenter --user=/proc/1/ns/user --pid=/proc/1/ns/pid --
 *     setpriv --bounding-set=-all,+CAPS --inh-caps=-all -- PATH ARGS
 * nsenter becomes uid 0 inside (an unprivileged uid outside), forks into the
 * node's PID namespace and passes on the exit code; setpriv narrows the
 * capabilities, which joining a user namespace resets to all.
 * The caller has already moved this process into the node's cgroups.
 */
export function execSandboxed(c: SandboxConfinement, path: string, argv: readonly string[], env: readonly string[]): never {
  const fds = [c.netns, c.mnt, c.userns].map((p) => libc.open(p, O_RDONLY | O_CLOEXEC));
  const [net, mnt, userns] = fds as [number, number, number];
  // Threads share fs state; this one gets its own before a mount namespace.
  libc.unshare(CLONE_FS);
  // The machine's sysfs, to tell a /sys a dead init left from the builder's copy of the machine's.
  const machineSys = statSync('/sys').dev;
  libc.setns(net, CLONE_NEWNET);
  libc.setns(mnt, CLONE_NEWNS);
  if (!initRuns()) {
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
    startInit(userns, c.hostname);
  }
  awaitInitReady();
  // Paths below are the node's: its /proc, where its init is PID 1.
  libc.setns(libc.open('/proc/1/ns/uts', O_RDONLY | O_CLOEXEC), CLONE_NEWUTS);
  libc.setns(libc.open('/proc/1/ns/ipc', O_RDONLY | O_CLOEXEC), CLONE_NEWIPC);
  libc.setns(libc.open('/proc/1/ns/cgroup', O_RDONLY | O_CLOEXEC), CLONE_NEWCGROUP);
  libc.prctl(PR_SET_NO_NEW_PRIVS, 1);
  ordinaryStdioAndSignals();
  // The command is looked up inside the node (setpriv's execvp, the node's PATH), where it runs.
  const launcher = [
    'nsenter', '--user=/proc/1/ns/user', '--pid=/proc/1/ns/pid', '--',
    resolveProgram('setpriv'), `--bounding-set=${boundingSetArg(c.caps)}`, '--inh-caps=-all', '--', path, ...argv.slice(1),
  ];
  // Nothing but 0–2 crosses into the node: an fd the caller left open could name the machine's files.
  libc.closeRangeOnExec(3);
  // Last: the filter allows only the launcher's setns calls (user, PID).
  const nsenter = resolveProgram('nsenter');
  if (c.seccomp) installFilter(c.seccomp.program, c.seccomp.flags);
  return libc.execve(nsenter, launcher, env);
}

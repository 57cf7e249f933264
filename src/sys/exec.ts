import { existsSync, readdirSync } from 'node:fs';
import { applyCapabilities } from './caps/apply.js';
import type { CapSet } from './caps/index.js';
import {
  CLONE_FS, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWUTS, MNT_DETACH, MS_BIND, MS_REC, MS_SLAVE, O_CLOEXEC, O_RDONLY, PR_SET_NO_NEW_PRIVS, libc,
} from '../os/libc.js';
import { ordinaryStdioAndSignals } from './process-start.js';

export { CommandNotFoundError, resolveProgram } from './process-start.js';
import { installFilter } from './seccomp/install.js';

/** Everything that confines a process in a node, resolved. */
export interface ExecConfinement {
  /** Path of the node's network namespace (/run/netns/NAME). */
  readonly netnsPath: string;
  /** Its `ip netns` name: sysfs is mounted under it, /etc/netns/<name>/ bound over /etc. */
  readonly netnsName: string;
  /** Path of the node's persistent UTS namespace, if it has one. */
  readonly utsPath?: string;
  readonly caps: CapSet;
  /** A compiled seccomp program (struct sock_filter bytes) and its flags; none when unconfined. */
  readonly seccomp?: { readonly program: Uint8Array; readonly flags: number };
}

/**
 * `ip netns exec`'s mount setup for this thread: a private mount namespace
 * whose mounts do not propagate back, /sys remounted for the node's network
 * namespace, and each file of /etc/netns/<name>/ bound over /etc/.
 */
function setUpMounts(netnsName: string): void {
  // Threads share fs state; this thread gets its own before a mount namespace.
  libc.unshare(CLONE_FS);
  libc.unshare(CLONE_NEWNS);
  libc.mount('', '/', null, MS_SLAVE | MS_REC);
  libc.umount2('/sys', MNT_DETACH);
  libc.mount(netnsName, '/sys', 'sysfs', 0);
  const etc = `/etc/netns/${netnsName}`;
  if (existsSync(etc)) {
    for (const entry of readdirSync(etc)) libc.mount(`${etc}/${entry}`, `/etc/${entry}`, 'none', MS_BIND);
  }
}

/**
 * Become a process of the node and run path: join its namespaces, set up
 * mounts as `ip netns exec` does, drop to its capabilities, no_new_privs,
 * load its seccomp filter (it binds this thread, the one that calls
 * execve), then execve. Never returns: the command becomes this process, so
 * its exit code, signals and terminal are the caller's directly. The caller
 * has already moved this process into the node's cgroups.
 */
export function execConfined(c: ExecConfinement, path: string, argv: readonly string[], env: readonly string[]): never {
  const netns = libc.open(c.netnsPath, O_RDONLY | O_CLOEXEC);
  libc.setns(netns, CLONE_NEWNET);
  if (c.utsPath) libc.setns(libc.open(c.utsPath, O_RDONLY | O_CLOEXEC), CLONE_NEWUTS);
  setUpMounts(c.netnsName);
  applyCapabilities(c.caps);
  libc.prctl(PR_SET_NO_NEW_PRIVS, 1);
  ordinaryStdioAndSignals();
  libc.closeRangeOnExec(3);
  // Last: the default filter forbids setns, mount and unshare used above.
  if (c.seccomp) installFilter(c.seccomp.program, c.seccomp.flags);
  return libc.execve(path, argv, env);
}

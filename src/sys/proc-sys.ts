import { mountDetached } from '../os/fsmount.js';
import { libc } from '../os/libc.js';
import { SyscallError } from '../os/syscall-error.js';
import { writeSysctl } from './netns.js';

/** Namespaces whose /proc/sys one procfs instance serves before a fresh one takes over. */
const NAMESPACES_PER_INSTANCE = 64;

/**
 * Sysctls of many new network namespaces, each written from a thread inside
 * its namespace, like `ip netns exec NS sysctl -w KEY=VALUE`.
 *
 * Why not the machine's /proc/sys: every network namespace has its own
 * net/ipv4, net/ipv6… directories there, all with the same names under the
 * same parent, so the kernel's dentry cache keeps one entry per namespace in
 * one hash chain and a namespace's first lookup walks past all the others':
 * 0.3 ms at 1000 namespaces, 4.6 at 2000, most of a 10 000-node up. A procfs
 * instance of our own (mounted nowhere) holds only the entries of the
 * namespaces that looked through it, so a fresh one every 64 namespaces keeps
 * each first lookup short (0.14 ms at 2000). Where the new mount API is
 * refused, the machine's /proc/sys does the same job, slower.
 */
export class ProcSys {
  private fd = -1;
  private served = 0;
  private fallback = false;

  /** Write key (`net.ipv6.conf.all.disable_ipv6`) in the calling thread's network namespace; one call per namespace. */
  writeAll(entries: ReadonlyArray<readonly [string, string | number]>): void {
    if (entries.length === 0) return;
    const root = this.root();
    for (const [key, value] of entries) writeSysctl(key, value, root);
  }

  close(): void {
    if (this.fd >= 0) libc.close(this.fd);
    this.fd = -1;
  }

  /** The sys directory of the current instance, or the machine's /proc/sys where the new mount API is refused. */
  private root(): string {
    if (this.fallback) return '/proc/sys';
    if (this.fd < 0 || this.served >= NAMESPACES_PER_INSTANCE) {
      this.close();
      try {
        this.fd = mountDetached('proc');
      } catch (err) {
        if (!(err instanceof SyscallError)) throw err;
        this.fallback = true;
        return '/proc/sys';
      }
      this.served = 0;
    }
    this.served++;
    return `/proc/self/fd/${this.fd}/sys`;
  }
}

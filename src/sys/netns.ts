import { mkdirSync, writeFileSync } from 'node:fs';
import { SyscallError } from '../os/syscall-error.js';
import { LOCK_EX, LOCK_UN, MS_BIND, MS_REC, MS_SHARED, O_CLOEXEC, O_RDONLY, libc } from '../os/libc.js';
import { NETNS_RUN_DIR, netnsPath } from './netns-path.js';
import { persistNamespace, removeNamespaceFile, removeNamespaceFiles } from './ns-file.js';


let runDirShared = false;

/**
 * `mkdir /run/netns; mount --make-rshared /run/netns` (binding it onto itself
 * first if it is not yet a mount point), under flock, exactly as iproute2 does,
 * so that unmounting a namespace file in one mount namespace unmounts it in
 * all of them and `ip netns` sees the same thing we do.
 */
export function ensureNetnsRunDir(): void {
  if (runDirShared) return;
  mkdirSync(NETNS_RUN_DIR, { recursive: true, mode: 0o755 });
  const dirFd = libc.open(NETNS_RUN_DIR, O_RDONLY | O_CLOEXEC);
  try {
    libc.flock(dirFd, LOCK_EX);
    try {
      libc.mount('', NETNS_RUN_DIR, 'none', MS_SHARED | MS_REC);
    } catch (err) {
      if (!(err instanceof SyscallError) || err.errnoName !== 'EINVAL') throw err;
      libc.mount(NETNS_RUN_DIR, NETNS_RUN_DIR, 'none', MS_BIND | MS_REC);
      libc.mount('', NETNS_RUN_DIR, 'none', MS_SHARED | MS_REC);
    }
    libc.flock(dirFd, LOCK_UN);
  } finally {
    libc.close(dirFd);
  }
  runDirShared = true;
}

/** A named namespace we made and hold an fd of. */
export interface NamedNetns {
  readonly name: string;
  readonly path: string;
  /** fd of the namespace, for setns() and IFLA_NET_NS_FD. */
  readonly fd: number;
}

/**
 * `ip netns add NAME`, then run `inside` while the calling thread is still in
 * the new namespace (to open its sockets and write its sysctls without a
 * second setns), then return the thread to where it was.
 * On any failure the placeholder is removed and nothing is left.
 */
export function createNamedNetns<T>(name: string, inside: (ns: NamedNetns) => T): { ns: NamedNetns; result: T } {
  ensureNetnsRunDir();
  const path = netnsPath(name);
  let fd = -1;
  try {
    return persistNamespace(path, 'net', () => {
      fd = libc.open('/proc/thread-self/ns/net', O_RDONLY | O_CLOEXEC);
      const ns: NamedNetns = { name, path, fd };
      return { ns, result: inside(ns) };
    });
  } catch (err) {
    if (fd >= 0) libc.close(fd);
    throw err;
  }
}

/** Open an existing named namespace: `ip netns exec NAME` starts the same way. */
export function openNamedNetns(name: string): NamedNetns {
  const path = netnsPath(name);
  return { name, path, fd: libc.open(path, O_RDONLY | O_CLOEXEC) };
}

/**
 * `ip netns del NAME`: detach the bind mount and remove the file. The kernel
 * frees the namespace, and every device in it, once nothing else holds it.
 * Returns false when there was nothing to delete.
 */
export function deleteNamedNetns(name: string): boolean {
  return removeNamespaceFile(netnsPath(name));
}

/** `ip netns del` for many namespaces at once (see removeNamespaceFiles). Returns how many existed. */
export function deleteNamedNetnsMany(names: readonly string[]): Promise<number> {
  return removeNamespaceFiles(names.map(netnsPath));
}

export class SysctlError extends Error {
  override readonly name = 'SysctlError';
}

/**
 * Write a sysctl of the calling thread's network namespace (/proc/sys/net/…),
 * through root: the machine's /proc/sys, or the sys directory of another
 * procfs instance (sys/proc-sys.ts). Messages name the /proc/sys path.
 */
export function writeSysctl(key: string, value: string | number, root = '/proc/sys'): void {
  const rel = key.replaceAll('.', '/');
  try {
    writeFileSync(`${root}/${rel}`, String(value));
  } catch (err) {
    throw new SysctlError(`cannot set sysctl ${key}=${value} (/proc/sys/${rel}): ${(err as Error).message}`, { cause: err });
  }
}


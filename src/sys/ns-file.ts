import { unlinkSync } from 'node:fs';
import { SyscallError } from '../os/syscall-error.js';
import { CLONE_NEWNET, CLONE_NEWUTS, MNT_DETACH, MS_BIND, O_CLOEXEC, O_CREAT, O_EXCL, O_RDONLY, libc } from '../os/libc.js';
import { homeNamespace } from '../os/thread-netns.js';

const CLONE_FLAG = { net: CLONE_NEWNET, uts: CLONE_NEWUTS } as const;

/**
 * Make a namespace of this type and keep it alive by bind-mounting its nsfs
 * file at `path`, iproute2's recipe for `ip netns add`: the file is created
 * exclusively (an existing one is someone else's), the calling thread
 * unshares, the mount is made, `inside` runs while the thread is still in
 * the new namespace (sockets, sysctls, hostname without a second setns),
 * and the thread returns home. On any failure nothing is left.
 */
export function persistNamespace<T>(path: string, type: 'net' | 'uts', inside: () => T): T {
  // Home is known before leaving it: asked for later, it would be the new namespace.
  const home = homeNamespace(type);
  libc.close(libc.open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0));
  let mounted = false;
  try {
    libc.unshare(CLONE_FLAG[type]);
    try {
      libc.mount(`/proc/thread-self/ns/${type}`, path, 'none', MS_BIND);
      mounted = true;
      return inside();
    } finally {
      libc.setns(home, CLONE_FLAG[type]);
    }
  } catch (err) {
    if (mounted) removeNamespaceFile(path);
    else unlinkSync(path);
    throw err;
  }
}

/**
 * `umount -l PATH`: true if something was mounted there; not mounted
 * (EINVAL) or gone (ENOENT) is not an error, since down runs twice.
 */
export function detachMount(path: string): boolean {
  try {
    libc.umount2(path, MNT_DETACH);
    return true;
  } catch (err) {
    if (!(err instanceof SyscallError) || (err.errnoName !== 'EINVAL' && err.errnoName !== 'ENOENT')) throw err;
    return false;
  }
}

/**
 * A namespace kept alive by a bind mount of its nsfs file (/run/netns/NAME,
 * a node's UTS file): detach the mount, remove the file. A namespace with
 * nothing else holding it is freed by the kernel. False when the file was
 * already gone; not mounted or gone is not an error (down runs twice).
 */
export function removeNamespaceFile(path: string): boolean {
  detachMount(path);
  try {
    unlinkSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
}

/**
 * removeNamespaceFile for many files at once: the unmounts run on libuv
 * worker threads, so the RCU grace periods they wait for overlap. Returns
 * how many existed.
 */
export async function removeNamespaceFiles(paths: readonly string[], concurrency = 32): Promise<number> {
  let next = 0;
  let existed = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      await libc.umount2Async(path, MNT_DETACH);
      // Whatever the unmount said, the synchronous path reports real trouble.
      if (removeNamespaceFile(path)) existed++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  return existed;
}

/**
 * Keep a namespace some other process is in alive at `path`:
 * `touch PATH; mount --bind /proc/PID/task/TID/ns/TYPE PATH` (what
 * `unshare --net=PATH` does for its own child). The file is created
 * exclusively; on failure nothing is left.
 */
export function pinNamespace(source: string, path: string): void {
  libc.close(libc.open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0));
  try {
    libc.mount(source, path, 'none', MS_BIND);
  } catch (err) {
    unlinkSync(path);
    throw err;
  }
}

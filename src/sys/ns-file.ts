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
  return unlinkIfThere(path);
}

/**
 * An unmount slower than this is taken to wait for an RCU grace period (as
 * MNT_DETACH does on kernels that synchronize RCU in it); on 6.18 here one
 * takes 0.03 ms. Slow ones in flight at once wait for their grace periods
 * together.
 */
const SLOW_UNMOUNT_MS = 1;
const SLOW_IN_A_ROW = 4;

/**
 * removeNamespaceFile for many files at once: every mount detached first,
 * then every file unlinked. An unlink right after its file's lazy unmount
 * cost time in proportion to the mounts of the namespace (the kernel still
 * took it for a mountpoint and searched them), so pairs of umount and unlink
 * were quadratic: a 10 000-node down spent 18 s in such unlinks, 0.36 s in
 * two passes. Unmounts go one by one while the kernel detaches quickly
 * (threads would only contend for its mount lock); once several in a row
 * are slow, the rest go over libuv worker threads so their RCU waits overlap.
 * Returns how many existed.
 */
export async function removeNamespaceFiles(paths: readonly string[], concurrency = 32): Promise<number> {
  let next = 0;
  // Several slow in a row, not one: right after a large unmount (a lab's mount namespaces) a few are slow on any kernel.
  for (let slow = 0; next < paths.length && slow < SLOW_IN_A_ROW; ) {
    const t0 = performance.now();
    detachMount(paths[next++] as string);
    slow = performance.now() - t0 > SLOW_UNMOUNT_MS ? slow + 1 : 0;
  }
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const errno = await libc.umount2Async(path, MNT_DETACH);
      // Not mounted (EINVAL) or gone (ENOENT) is fine; anything else, the synchronous call reports.
      if (errno !== 0 && errno !== EINVAL && errno !== ENOENT) detachMount(path);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, paths.length - next) }, worker));
  let existed = 0;
  for (const path of paths) if (unlinkIfThere(path)) existed++;
  return existed;
}

const ENOENT = 2;
const EINVAL = 22;

function unlinkIfThere(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw err;
  }
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

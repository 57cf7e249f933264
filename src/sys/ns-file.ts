import { unlinkSync } from 'node:fs';
import { SyscallError } from '../netlink/error.js';
import { MNT_DETACH, libc } from './libc.js';

/**
 * A namespace kept alive by a bind mount of its nsfs file (/run/netns/NAME,
 * a node's UTS file): detach the mount, remove the file. A namespace with
 * nothing else holding it is freed by the kernel. False when the file was
 * already gone; not mounted or gone is not an error (down runs twice).
 */
export function removeNamespaceFile(path: string): boolean {
  try {
    libc.umount2(path, MNT_DETACH);
  } catch (err) {
    // Not mounted (EINVAL) or gone (ENOENT): nothing to detach.
    if (!(err instanceof SyscallError) || (err.errnoName !== 'EINVAL' && err.errnoName !== 'ENOENT')) throw err;
  }
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

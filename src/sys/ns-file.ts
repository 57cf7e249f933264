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

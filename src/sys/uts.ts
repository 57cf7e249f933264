import { closeSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { CLONE_NEWUTS, MS_BIND, O_CLOEXEC, O_RDONLY, libc } from './libc.js';
import { removeNamespaceFile } from './ns-file.js';

let homeUtsFd: number | undefined;

function homeUts(): number {
  homeUtsFd ??= libc.open('/proc/thread-self/ns/uts', O_RDONLY | O_CLOEXEC);
  return homeUtsFd;
}

/**
 * A persistent UTS namespace with its own hostname, kept alive by a bind
 * mount of its nsfs file at `path` (as `ip netns` keeps network namespaces):
 * `unshare --uts`, `hostname NAME`, `mount --bind /proc/self/ns/uts PATH`.
 * The calling thread returns to its own UTS namespace.
 */
export function createUtsNamespace(path: string, hostname: string): void {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'wx'));
  let mounted = false;
  try {
    libc.unshare(CLONE_NEWUTS);
    try {
      libc.sethostname(hostname);
      libc.mount('/proc/thread-self/ns/uts', path, 'none', MS_BIND);
      mounted = true;
    } finally {
      libc.setns(homeUts(), CLONE_NEWUTS);
    }
  } catch (err) {
    if (mounted) deleteUtsNamespace(path);
    else unlinkSync(path);
    throw err;
  }
}

/** Undo createUtsNamespace; false when there was nothing. */
export function deleteUtsNamespace(path: string): boolean {
  return removeNamespaceFile(path);
}

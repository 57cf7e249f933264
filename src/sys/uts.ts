import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { libc } from '../os/libc.js';
import { persistNamespace, removeNamespaceFile } from './ns-file.js';

/**
 * A persistent UTS namespace with its own hostname, kept alive by a bind
 * mount of its nsfs file at `path` (as `ip netns` keeps network namespaces):
 * `unshare --uts`, `hostname NAME`, `mount --bind /proc/self/ns/uts PATH`.
 * The calling thread returns to its own UTS namespace.
 */
export function createUtsNamespace(path: string, hostname: string): void {
  mkdirSync(dirname(path), { recursive: true });
  persistNamespace(path, 'uts', () => libc.sethostname(hostname));
}

/** Undo createUtsNamespace; false when there was nothing. */
export function deleteUtsNamespace(path: string): boolean {
  return removeNamespaceFile(path);
}

/*
 * The second half of `nslab exec` into a sandboxed node, once the process is
 * in the node's cgroups: the libc binding (koffi) and sys/sandbox/enter.ts.
 * Apart from exec-launch.ts (an `isolation: network` node's UTS namespace,
 * lock and mounts) so that the common case loads only what it runs.
 */
export { LOCK_EX, libc } from '../os/libc.js';
export { execSandboxed } from '../sys/sandbox/enter.js';

import { CLONE_NEWNET, O_CLOEXEC, O_RDONLY, libc } from './libc.js';

/**
 * Namespaces belong to threads: setns() moves only the calling thread, which
 * for nslab is Node's main thread. This module remembers where that thread
 * started and always returns to it.
 */
const homeFds = new Map<string, number>();

/** An fd of the namespace of this type ('net', 'uts') the main thread started in. */
export function homeNamespace(type: 'net' | 'uts'): number {
  let fd = homeFds.get(type);
  if (fd === undefined) {
    fd = libc.open(`/proc/thread-self/ns/${type}`, O_RDONLY | O_CLOEXEC);
    homeFds.set(type, fd);
  }
  return fd;
}

/** An fd of the network namespace the main thread started in. */
export function homeNetns(): number {
  return homeNamespace('net');
}

/** Run fn with the calling thread inside the namespace of netnsFd, then go home. */
export function inNetns<T>(netnsFd: number, fn: () => T): T {
  const home = homeNetns();
  libc.setns(netnsFd, CLONE_NEWNET);
  try {
    return fn();
  } finally {
    libc.setns(home, CLONE_NEWNET);
  }
}

import { CLONE_NEWNET, O_CLOEXEC, O_RDONLY, libc } from './libc.js';

/**
 * Namespaces belong to threads: setns() moves only the calling thread, which
 * for nslab is Node's main thread. This module remembers where that thread
 * started and always returns to it.
 */
let homeNetFd: number | undefined;

/** An fd of the network namespace the main thread started in. */
export function homeNetns(): number {
  homeNetFd ??= libc.open(`/proc/thread-self/ns/net`, O_RDONLY | O_CLOEXEC);
  return homeNetFd;
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

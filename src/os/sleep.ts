const cell = new Int32Array(new SharedArrayBuffer(4));

/**
 * Block this thread for ms milliseconds (Atomics.wait on a cell nobody
 * notifies): for the few places that must wait without giving the event loop
 * a turn, such as between two syscalls that have to happen on this thread.
 */
export function sleepSync(ms: number): void {
  Atomics.wait(cell, 0, 0, ms);
}

import { readFileSync } from 'node:fs';
import { RLIMIT_NOFILE, libc } from './libc.js';

/**
 * Room for `needed` open files. A lab keeps a socket per node while `up`
 * builds it, so 10 000 nodes need 10 000 fds and more. Node raises its soft
 * limit to the hard one at start; beyond that, root with CAP_SYS_RESOURCE
 * may raise the hard limit up to fs.nr_open (`prlimit --nofile=N:N`).
 * Without that capability the limit stays (up fails with EMFILE past it,
 * and rolls back). Returns the limit in force.
 */
export function ensureFdRoom(needed: number): number {
  const [soft, hard] = libc.getrlimit(RLIMIT_NOFILE);
  let want = BigInt(needed);
  if (soft >= want) return Number(soft);
  try {
    const nrOpen = BigInt(readFileSync('/proc/sys/fs/nr_open', 'utf8').trim());
    if (nrOpen < want) want = nrOpen;
  } catch {
    // no /proc/sys: ask for what is needed
  }
  try {
    libc.setrlimit(RLIMIT_NOFILE, want, hard > want ? hard : want);
    return Number(want);
  } catch {
    return Number(soft); // EPERM: no CAP_SYS_RESOURCE here
  }
}

import { readFileSync } from 'node:fs';
import { RLIMIT_NOFILE, libc } from './libc.js';

/**
 * Room for `needed` open files. A lab keeps a namespace fd and an
 * rtnetlink socket per node while `up` builds it, so 10 000 nodes need
 * 20 000 fds. Node already raises its soft limit to the hard one at start;
 * beyond that, root with CAP_SYS_RESOURCE may raise the hard limit up to
 * fs.nr_open (`prlimit --nofile=N:N`). Without that capability the limit
 * stays as it is (up fails with EMFILE past it, and rolls back). Returns
 * the limit in force.
 */
export function ensureFdRoom(needed: number): number {
  const [soft, hard] = libc.getrlimit(RLIMIT_NOFILE);
  const want = BigInt(needed);
  if (soft >= want) return Number(soft);
  if (hard >= want) {
    libc.setrlimit(RLIMIT_NOFILE, want, hard);
    return needed;
  }
  let ceiling = want;
  try {
    const nrOpen = BigInt(readFileSync('/proc/sys/fs/nr_open', 'utf8').trim());
    if (nrOpen < ceiling) ceiling = nrOpen;
  } catch {
    // no /proc/sys: ask for what is needed
  }
  try {
    libc.setrlimit(RLIMIT_NOFILE, ceiling, ceiling);
    return Number(ceiling);
  } catch {
    return Number(soft); // EPERM: no CAP_SYS_RESOURCE here
  }
}

import { SyscallError } from '../../os/syscall-error.js';
import { SockFprogPtr, lastErrno, raw as c } from '../../os/libc.js';
import { arch as nodeArch } from 'node:process';
import { BPF_MAXINSNS, SOCK_FILTER_LEN, encodeProgram, type SockFilter } from '../../bpf/insn.js';
import { PR_GET_SECCOMP, PR_SET_SECCOMP, SECCOMP_MODE_FILTER, SECCOMP_SET_MODE_FILTER } from './constants.js';

/**
 * Installs a seccomp filter on the calling thread: seccomp(2) with
 * SECCOMP_SET_MODE_FILTER, or prctl(PR_SET_SECCOMP) on kernels without it.
 * The filter then applies to that thread and everything it execs or forks;
 * it cannot be removed. The kernel refuses (EACCES) unless the thread has
 * no_new_privs set or holds CAP_SYS_ADMIN — setting no_new_privs is the
 * caller's job.
 */


const ENOSYS = 38;

/**
 * seccomp(2)'s number on each architecture Node runs on (asm/unistd*.h), so
 * that installing a filter does not load the syscall tables (a test checks
 * these against them).
 */
export const SECCOMP_SYSCALL: Readonly<Record<string, number>> = { x64: 317, arm64: 277, ia32: 354 };

const HINTS: Record<number, string> = {
  13: 'the thread needs no_new_privs set, or CAP_SYS_ADMIN',
  22: 'the kernel refused the filter program or the flags',
  12: 'the thread has too many filter instructions installed',
};

/** Install program on the calling thread. flags: SECCOMP_FILTER_FLAG_* bits. */
export function installFilter(program: readonly SockFilter[] | Uint8Array, flags = 0): void {
  const bytes = program instanceof Uint8Array ? program : encodeProgram(program);
  const len = bytes.length / SOCK_FILTER_LEN;
  if (!Number.isInteger(len) || len < 1 || len > BPF_MAXINSNS) {
    throw new RangeError(`a seccomp filter has 1 to ${BPF_MAXINSNS} instructions of ${SOCK_FILTER_LEN} bytes, got ${bytes.length} bytes`);
  }
  const fprog = { len, filter: bytes };
  const nr = SECCOMP_SYSCALL[nodeArch];
  let errno = 0;
  if (nr !== undefined) {
    const rc = Number(c.syscall(nr, 'unsigned int', SECCOMP_SET_MODE_FILTER, 'unsigned int', flags >>> 0, SockFprogPtr, fprog));
    if (rc === 0) return;
    errno = lastErrno();
  }
  if (nr === undefined || (errno === ENOSYS && flags === 0)) {
    const rc = c.prctlVariadic(PR_SET_SECCOMP, 'unsigned long', SECCOMP_MODE_FILTER, SockFprogPtr, fprog, 'unsigned long', 0, 'unsigned long', 0);
    if (rc === 0) return;
    errno = lastErrno();
  }
  const err = new SyscallError('seccomp(SECCOMP_SET_MODE_FILTER)', errno, `of ${len} instructions`);
  const hint = HINTS[errno];
  if (hint) err.message += ` (${hint})`;
  throw err;
}

/** The calling thread's seccomp mode: 0 none, 1 strict, 2 filter (prctl(PR_GET_SECCOMP)). */
export function seccompMode(): number {
  const rc = c.prctlVariadic(PR_GET_SECCOMP, 'unsigned long', 0, 'unsigned long', 0, 'unsigned long', 0, 'unsigned long', 0);
  if (rc < 0) throw new SyscallError('prctl(PR_GET_SECCOMP)', lastErrno());
  return rc;
}

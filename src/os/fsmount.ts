import { lastErrno, libc, raw as c } from './libc.js';
import { SyscallError } from './syscall-error.js';

/*
 * The new mount API (<linux/mount.h>, Linux 5.2): a file system instance
 * made and mounted without a place in any mount namespace. glibc has had
 * wrappers only since 2.36, so these go through syscall(2); the three
 * numbers are the same on every architecture (the unified table from 5.1 on).
 */
const SYS_fsopen = 430;
const SYS_fsconfig = 431;
const SYS_fsmount = 432;

const FSOPEN_CLOEXEC = 0x1;
const FSCONFIG_CMD_CREATE = 6;
const FSMOUNT_CLOEXEC = 0x1;

function check(call: string, rc: number | bigint, detail: string): number {
  const n = Number(rc);
  if (n < 0) throw new SyscallError(call, lastErrno(), detail);
  return n;
}

/**
 * A new, detached instance of fstype (no options): fsopen, fsconfig
 * FSCONFIG_CMD_CREATE, fsmount. The fd names its root (`/proc/self/fd/N/…`
 * reaches inside); closing it unmounts the instance. As a command:
 *   unshare -m sh -c 'mount -t FSTYPE none /mnt && …'   (with a mount point, which this needs none of)
 */
export function mountDetached(fstype: string): number {
  const fs = check('fsopen', c.syscall(SYS_fsopen, 'const char *', fstype, 'unsigned int', FSOPEN_CLOEXEC), fstype);
  try {
    check('fsconfig', c.syscall(SYS_fsconfig, 'int', fs, 'unsigned int', FSCONFIG_CMD_CREATE, 'void *', null, 'void *', null, 'int', 0), `${fstype} create`);
    return check('fsmount', c.syscall(SYS_fsmount, 'int', fs, 'unsigned int', FSMOUNT_CLOEXEC, 'unsigned int', 0), fstype);
  } finally {
    libc.close(fs);
  }
}

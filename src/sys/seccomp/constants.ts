import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';

/**
 * seccomp constants from <linux/seccomp.h>, <linux/audit.h>, <linux/prctl.h>
 * and <linux/sched.h>, under the kernel's names.
 */

/** Filter return values: the action in the upper 16 bits, data below. */
export const SECCOMP_RET = {
  SECCOMP_RET_KILL_PROCESS: 0x80000000,
  SECCOMP_RET_KILL_THREAD: 0x00000000,
  SECCOMP_RET_TRAP: 0x00030000,
  SECCOMP_RET_ERRNO: 0x00050000,
  SECCOMP_RET_USER_NOTIF: 0x7fc00000,
  SECCOMP_RET_TRACE: 0x7ff00000,
  SECCOMP_RET_LOG: 0x7ffc0000,
  SECCOMP_RET_ALLOW: 0x7fff0000,
} as const;

export const SECCOMP_RET_ACTION_FULL = 0xffff0000;
export const SECCOMP_RET_DATA = 0x0000ffff;

/** Operations of the seccomp(2) system call. */
export const SECCOMP_SET_MODE_STRICT = 0;
export const SECCOMP_SET_MODE_FILTER = 1;
export const SECCOMP_GET_ACTION_AVAIL = 2;

/** prctl(PR_SET_SECCOMP) mode, and the value of "Seccomp:" in /proc/PID/status. */
export const SECCOMP_MODE_DISABLED = 0;
export const SECCOMP_MODE_STRICT = 1;
export const SECCOMP_MODE_FILTER = 2;

/** Flags for SECCOMP_SET_MODE_FILTER. */
export const SECCOMP_FILTER_FLAG = {
  SECCOMP_FILTER_FLAG_TSYNC: 1 << 0,
  SECCOMP_FILTER_FLAG_LOG: 1 << 1,
  SECCOMP_FILTER_FLAG_SPEC_ALLOW: 1 << 2,
  SECCOMP_FILTER_FLAG_NEW_LISTENER: 1 << 3,
  SECCOMP_FILTER_FLAG_TSYNC_ESRCH: 1 << 4,
  SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV: 1 << 5,
} as const;

export const PR_GET_SECCOMP = 21;
export const PR_SET_SECCOMP = 22;
export const PR_SET_NO_NEW_PRIVS = 38;
export const PR_GET_NO_NEW_PRIVS = 39;

/** AUDIT_ARCH_* values seen in seccomp_data.arch. */
export const AUDIT_ARCH = {
  AUDIT_ARCH_X86_64: 0xc000003e,
  AUDIT_ARCH_I386: 0x40000003,
  AUDIT_ARCH_AARCH64: 0xc00000b7,
  AUDIT_ARCH_ARM: 0x40000028,
} as const;

/** x32 system calls are x86_64 calls with this bit set in nr (__X32_SYSCALL_BIT). */
export const X32_SYSCALL_BIT = 0x40000000;

/**
 * struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6].
 * 64-bit fields are in host order, so a classic-BPF 32-bit load of the low
 * half reads offset +0 on little-endian machines and +4 on big-endian ones.
 */
export const SECCOMP_DATA_LEN = 64;
export const SECCOMP_DATA = {
  nr: 0,
  arch: 4,
  instruction_pointer: 8,
  args: 16,
} as const;

const LO = HOST_LITTLE_ENDIAN ? 0 : 4;
const HI = HOST_LITTLE_ENDIAN ? 4 : 0;

/** Offset of the low 32 bits of args[i]. */
export function argLo(i: number): number {
  return SECCOMP_DATA.args + 8 * i + LO;
}
/** Offset of the high 32 bits of args[i]. */
export function argHi(i: number): number {
  return SECCOMP_DATA.args + 8 * i + HI;
}

/** Namespace flags of clone(2) and unshare(2), <linux/sched.h>. */
export const CLONE_NS = {
  CLONE_NEWTIME: 0x00000080,
  CLONE_NEWNS: 0x00020000,
  CLONE_NEWCGROUP: 0x02000000,
  CLONE_NEWUTS: 0x04000000,
  CLONE_NEWIPC: 0x08000000,
  CLONE_NEWUSER: 0x10000000,
  CLONE_NEWPID: 0x20000000,
  CLONE_NEWNET: 0x40000000,
} as const;

import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
// dist/sys/seccomp/constants.js
/**
* seccomp constants from <linux/seccomp.h>, <linux/audit.h>, <linux/prctl.h>
* and <linux/sched.h>, under the kernel's names.
*/
/** Filter return values: the action in the upper 16 bits, data below. */
const SECCOMP_RET = {
	SECCOMP_RET_KILL_PROCESS: 2147483648,
	SECCOMP_RET_KILL_THREAD: 0,
	SECCOMP_RET_TRAP: 196608,
	SECCOMP_RET_ERRNO: 327680,
	SECCOMP_RET_USER_NOTIF: 2143289344,
	SECCOMP_RET_TRACE: 2146435072,
	SECCOMP_RET_LOG: 2147221504,
	SECCOMP_RET_ALLOW: 2147418112
};
/** Flags for SECCOMP_SET_MODE_FILTER. */
const SECCOMP_FILTER_FLAG = {
	SECCOMP_FILTER_FLAG_TSYNC: 1,
	SECCOMP_FILTER_FLAG_LOG: 2,
	SECCOMP_FILTER_FLAG_SPEC_ALLOW: 4,
	SECCOMP_FILTER_FLAG_NEW_LISTENER: 8,
	SECCOMP_FILTER_FLAG_TSYNC_ESRCH: 16,
	SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV: 32
};
/** AUDIT_ARCH_* values seen in seccomp_data.arch. */
const AUDIT_ARCH = {
	AUDIT_ARCH_X86_64: 3221225534,
	AUDIT_ARCH_I386: 1073741827,
	AUDIT_ARCH_AARCH64: 3221225655,
	AUDIT_ARCH_ARM: 1073741864
};
const SECCOMP_DATA = {
	nr: 0,
	arch: 4,
	instruction_pointer: 8,
	args: 16
};
const LO = HOST_LITTLE_ENDIAN ? 0 : 4;
const HI = HOST_LITTLE_ENDIAN ? 4 : 0;
/** Offset of the low 32 bits of args[i]. */
function argLo(i) {
	return SECCOMP_DATA.args + 8 * i + LO;
}
/** Offset of the high 32 bits of args[i]. */
function argHi(i) {
	return SECCOMP_DATA.args + 8 * i + HI;
}
/** Namespace flags of clone(2) and unshare(2), <linux/sched.h>. */
const CLONE_NS = {
	CLONE_NEWTIME: 128,
	CLONE_NEWNS: 131072,
	CLONE_NEWCGROUP: 33554432,
	CLONE_NEWUTS: 67108864,
	CLONE_NEWIPC: 134217728,
	CLONE_NEWUSER: 268435456,
	CLONE_NEWPID: 536870912,
	CLONE_NEWNET: 1073741824
};
export { SECCOMP_RET as a, SECCOMP_FILTER_FLAG as i, CLONE_NS as n, argHi as o, SECCOMP_DATA as r, argLo as s, AUDIT_ARCH as t };

import koffi from "koffi";
// dist/os/errno.js
/** Linux errno numbers to their names (asm-generic/errno*.h), for messages. */
const ERRNO_NAMES = {
	1: "EPERM",
	2: "ENOENT",
	3: "ESRCH",
	4: "EINTR",
	5: "EIO",
	6: "ENXIO",
	7: "E2BIG",
	8: "ENOEXEC",
	9: "EBADF",
	10: "ECHILD",
	11: "EAGAIN",
	12: "ENOMEM",
	13: "EACCES",
	14: "EFAULT",
	15: "ENOTBLK",
	16: "EBUSY",
	17: "EEXIST",
	18: "EXDEV",
	19: "ENODEV",
	20: "ENOTDIR",
	21: "EISDIR",
	22: "EINVAL",
	23: "ENFILE",
	24: "EMFILE",
	25: "ENOTTY",
	26: "ETXTBSY",
	27: "EFBIG",
	28: "ENOSPC",
	29: "ESPIPE",
	30: "EROFS",
	31: "EMLINK",
	32: "EPIPE",
	33: "EDOM",
	34: "ERANGE",
	35: "EDEADLOCK",
	36: "ENAMETOOLONG",
	37: "ENOLCK",
	38: "ENOSYS",
	39: "ENOTEMPTY",
	40: "ELOOP",
	42: "ENOMSG",
	43: "EIDRM",
	44: "ECHRNG",
	45: "EL2NSYNC",
	46: "EL3HLT",
	47: "EL3RST",
	48: "ELNRNG",
	49: "EUNATCH",
	50: "ENOCSI",
	51: "EL2HLT",
	52: "EBADE",
	53: "EBADR",
	54: "EXFULL",
	55: "ENOANO",
	56: "EBADRQC",
	57: "EBADSLT",
	59: "EBFONT",
	60: "ENOSTR",
	61: "ENODATA",
	62: "ETIME",
	63: "ENOSR",
	64: "ENONET",
	65: "ENOPKG",
	66: "EREMOTE",
	67: "ENOLINK",
	68: "EADV",
	69: "ESRMNT",
	70: "ECOMM",
	71: "EPROTO",
	72: "EMULTIHOP",
	73: "EDOTDOT",
	74: "EBADMSG",
	75: "EOVERFLOW",
	76: "ENOTUNIQ",
	77: "EBADFD",
	78: "EREMCHG",
	79: "ELIBACC",
	80: "ELIBBAD",
	81: "ELIBSCN",
	82: "ELIBMAX",
	83: "ELIBEXEC",
	84: "EILSEQ",
	85: "ERESTART",
	86: "ESTRPIPE",
	87: "EUSERS",
	88: "ENOTSOCK",
	89: "EDESTADDRREQ",
	90: "EMSGSIZE",
	91: "EPROTOTYPE",
	92: "ENOPROTOOPT",
	93: "EPROTONOSUPPORT",
	94: "ESOCKTNOSUPPORT",
	95: "EOPNOTSUPP",
	96: "EPFNOSUPPORT",
	97: "EAFNOSUPPORT",
	98: "EADDRINUSE",
	99: "EADDRNOTAVAIL",
	100: "ENETDOWN",
	101: "ENETUNREACH",
	102: "ENETRESET",
	103: "ECONNABORTED",
	104: "ECONNRESET",
	105: "ENOBUFS",
	106: "EISCONN",
	107: "ENOTCONN",
	108: "ESHUTDOWN",
	109: "ETOOMANYREFS",
	110: "ETIMEDOUT",
	111: "ECONNREFUSED",
	112: "EHOSTDOWN",
	113: "EHOSTUNREACH",
	114: "EALREADY",
	115: "EINPROGRESS",
	116: "ESTALE",
	117: "EUCLEAN",
	118: "ENOTNAM",
	119: "ENAVAIL",
	120: "EISNAM",
	121: "EREMOTEIO",
	122: "EDQUOT",
	123: "ENOMEDIUM",
	124: "EMEDIUMTYPE",
	125: "ECANCELED",
	126: "ENOKEY",
	127: "EKEYEXPIRED",
	128: "EKEYREVOKED",
	129: "EKEYREJECTED",
	130: "EOWNERDEAD",
	131: "ENOTRECOVERABLE",
	132: "ERFKILL"
};
/** errno number → name, e.g. 17 → 'EEXIST'; unknown numbers stay numeric. */
function errnoName(errno) {
	return ERRNO_NAMES[errno] ?? `errno ${errno}`;
}
// dist/os/syscall-error.js
/** A system call failed (not the kernel refusing a netlink request). */
var SyscallError = class extends Error {
	name = "SyscallError";
	errno;
	errnoName;
	call;
	constructor(call, errno, detail) {
		super(`${call}${detail ? ` ${detail}` : ""} failed: ${errnoName(errno)}`);
		this.call = call;
		this.errno = errno;
		this.errnoName = errnoName(errno);
	}
};
// dist/os/libc.js
/**
* The libc calls nslab needs, bound once through koffi. Each wrapper throws
* SyscallError with the errno's name on failure, so callers never look at -1.
*/
const lib = koffi.load("libc.so.6");
const c = {
	socket: lib.func("int socket(int domain, int type, int protocol)"),
	bind: lib.func("int bind(int fd, const void *addr, uint32_t len)"),
	setsockopt: lib.func("int setsockopt(int fd, int level, int name, const void *val, uint32_t len)"),
	getsockname: lib.func("int getsockname(int fd, _Inout_ void *addr, _Inout_ uint32_t *len)"),
	send: lib.func("intptr_t send(int fd, const void *buf, size_t len, int flags)"),
	recv: lib.func("intptr_t recv(int fd, _Out_ void *buf, size_t len, int flags)"),
	close: lib.func("int close(int fd)"),
	open: lib.func("int open(const char *path, int flags, uint32_t mode)"),
	setns: lib.func("int setns(int fd, int nstype)"),
	unshare: lib.func("int unshare(int flags)"),
	mount: lib.func("int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const void *data)"),
	mountData: lib.func("int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const char *data)"),
	umount2: lib.func("int umount2(const char *target, int flags)"),
	mount_setattr: lib.func("int mount_setattr(int dirfd, const char *path, unsigned int flags, const void *attr, size_t size)"),
	open_tree: lib.func("int open_tree(int dirfd, const char *path, unsigned int flags)"),
	move_mount: lib.func("int move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags)"),
	chdir: lib.func("int chdir(const char *path)"),
	close_range: lib.func("int close_range(unsigned int first, unsigned int last, int flags)"),
	flock: lib.func("int flock(int fd, int op)"),
	gettid: lib.func("int gettid()"),
	sethostname: lib.func("int sethostname(const char *name, size_t len)"),
	fcntl: lib.func("int fcntl(int fd, int cmd, int arg)"),
	prctl: lib.func("int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)"),
	execve: lib.func("int execve(const char *path, const char **argv, const char **envp)"),
	signal: lib.func("void *signal(int sig, void *handler)"),
	sigprocmask: lib.func("int sigprocmask(int how, const void *set, void *old)"),
	geteuid: lib.func("uint32_t geteuid()"),
	connect: lib.func("int connect(int fd, const void *addr, uint32_t len)"),
	sendto: lib.func("intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)"),
	getsockopt: lib.func("int getsockopt(int fd, int level, int name, _Out_ void *val, _Inout_ uint32_t *len)"),
	poll: lib.func("int poll(_Inout_ void *fds, unsigned long nfds, int timeout)"),
	capset: lib.func("int capset(void *hdrp, const void *datap)"),
	setuid: lib.func("int setuid(uint32_t uid)"),
	setgid: lib.func("int setgid(uint32_t gid)"),
	setgroups: lib.func("int setgroups(size_t size, const uint32_t *list)"),
	syscall: lib.func("long syscall(long number, ...)"),
	prctlVariadic: lib.func("int prctl(int option, ...)")
};
/**
* The bound functions themselves, for callers that look at errno on their
* own terms (EAGAIN on a non-blocking socket, ENOSYS before a fallback).
* This file is the one place libc is loaded; everything else calls through
* `libc` below or through these.
*/
const raw = c;
/** errno of the last call made through `raw` on this thread. */
function lastErrno() {
	return koffi.errno();
}
/** struct sock_fprog { unsigned short len; struct sock_filter *filter; }, as a pointer type for raw.syscall. */
const SockFprogPtr = koffi.pointer(koffi.struct({
	len: "uint16_t",
	filter: "void *"
}));
function check(call, rc, detail) {
	const n = Number(rc);
	if (n < 0) throw new SyscallError(call, koffi.errno(), detail);
	return n;
}
const SOCK_CLOEXEC = 524288;
const O_CLOEXEC = 524288;
const CLONE_NEWNS = 131072;
const CLONE_NEWUTS = 67108864;
const CLONE_NEWNET = 1073741824;
const CLONE_NEWIPC = 134217728;
const CLONE_NEWCGROUP = 33554432;
const MS_BIND = 4096;
const MS_REC = 16384;
const MS_PRIVATE = 1 << 18;
const MS_SLAVE = 1 << 19;
const MS_SHARED = 1 << 20;
const AT_FDCWD = -100;
const AT_RECURSIVE = 32768;
const MOUNT_ATTR_IDMAP = 1048576;
const AT_EMPTY_PATH = 4096;
const O_NONBLOCK = 2048;
const libc = {
	socket(domain, type, protocol) {
		return check("socket", c.socket(domain, type, protocol));
	},
	bind(fd, addr) {
		check("bind", c.bind(fd, addr, addr.length));
	},
	setsockoptInt(fd, level, name, value) {
		check("setsockopt", c.setsockopt(fd, level, name, new Int32Array([value]), 4), `(level ${level}, option ${name})`);
	},
	setsockoptBytes(fd, level, name, value) {
		check("setsockopt", c.setsockopt(fd, level, name, value, value.length), `(level ${level}, option ${name})`);
	},
	getsockname(fd, addr) {
		check("getsockname", c.getsockname(fd, addr, [addr.length]));
	},
	send(fd, buf) {
		return check("send", c.send(fd, buf, buf.length, 0));
	},
	/** recv into buf; returns the datagram's full length (MSG_TRUNC), which may exceed buf. */
	recv(fd, buf, flags = 0) {
		return check("recv", c.recv(fd, buf, buf.length, flags | 32));
	},
	/** recv that returns -1 instead of throwing when nothing is queued (MSG_DONTWAIT). */
	tryRecv(fd, buf) {
		const n = Number(c.recv(fd, buf, buf.length, 96));
		if (n >= 0) return n;
		const errno = koffi.errno();
		if (errno === 11) return -1;
		throw new SyscallError("recv", errno);
	},
	close(fd) {
		check("close", c.close(fd));
	},
	open(path, flags, mode = 0) {
		return check("open", c.open(path, flags, mode), path);
	},
	setns(fd, nstype) {
		check("setns", c.setns(fd, nstype));
	},
	unshare(flags) {
		check("unshare", c.unshare(flags));
	},
	mount(source, target, fstype, flags) {
		check("mount", c.mount(source, target, fstype, flags, null), `${source ?? "\"\""} on ${target}`);
	},
	/** mount(2) with a data string (tmpfs size=, mode=, uid=…). */
	mountWithData(source, target, fstype, flags, data) {
		check("mount", c.mountData(source, target, fstype, flags, data), `${fstype} on ${target}`);
	},
	/**
	* mount_setattr(AT_FDCWD, path, AT_RECURSIVE?, {attr_set, attr_clr}):
	* `mount -o remount,bind,ro` for a whole tree in one call (kernel ≥ 5.12).
	*/
	mountSetattr(path, attrSet, attrClr, recursive) {
		const attr = new BigUint64Array([
			BigInt(attrSet),
			BigInt(attrClr),
			0n,
			0n
		]);
		check("mount_setattr", c.mount_setattr(AT_FDCWD, path, recursive ? AT_RECURSIVE : 0, attr, 32), path);
	},
	/** `mount --bind --make-detached`: open_tree(path, OPEN_TREE_CLONE); a detached copy to change and attach elsewhere. */
	openTreeClone(path) {
		return check("open_tree", c.open_tree(AT_FDCWD, path, 524289), path);
	},
	/** mount_setattr on a detached tree's fd (AT_EMPTY_PATH), with an idmapping user namespace fd when MOUNT_ATTR_IDMAP is set. */
	mountSetattrFd(fd, attrSet, attrClr, usernsFd = 0) {
		const attr = new BigUint64Array([
			BigInt(attrSet),
			BigInt(attrClr),
			0n,
			BigInt(usernsFd)
		]);
		check("mount_setattr", c.mount_setattr(fd, "", AT_EMPTY_PATH, attr, 32), `(fd ${fd})`);
	},
	/** Attach a detached tree at path: move_mount(fd, "", AT_FDCWD, path, MOVE_MOUNT_F_EMPTY_PATH). */
	moveMount(fd, path) {
		check("move_mount", c.move_mount(fd, "", AT_FDCWD, path, 4), path);
	},
	/** close_range(first, ~0U, CLOSE_RANGE_CLOEXEC): every fd from first on closes at the next execve. */
	closeRangeOnExec(first) {
		check("close_range", c.close_range(first, 4294967295, 4));
	},
	chdir(path) {
		check("chdir", c.chdir(path), path);
	},
	umount2(target, flags) {
		check("umount2", c.umount2(target, flags), target);
	},
	/**
	* umount2 on a libuv worker thread. An unmount waits for an RCU grace
	* period; many in flight at once wait for them together.
	* Resolves to 0, or to the errno of a failure.
	*/
	umount2Async(target, flags) {
		return new Promise((resolve) => {
			c.umount2.async(target, flags, (err, rc) => {
				resolve(err ? -1 : rc < 0 ? koffi.errno() : 0);
			});
		});
	},
	/** flock; returns false when LOCK_NB was given and the lock is held elsewhere. */
	flock(fd, op) {
		if (c.flock(fd, op) === 0) return true;
		const errno = koffi.errno();
		if (errno === 11 && op & 4) return false;
		throw new SyscallError("flock", errno);
	},
	gettid() {
		return c.gettid();
	},
	sethostname(name) {
		check("sethostname", c.sethostname(name, Buffer.byteLength(name)), name);
	},
	fcntl(fd, cmd, arg = 0) {
		return check("fcntl", c.fcntl(fd, cmd, arg), `(fd ${fd}, cmd ${cmd})`);
	},
	prctl(option, arg2 = 0) {
		return check("prctl", c.prctl(option, arg2, 0, 0, 0), `(option ${option})`);
	},
	/** Replace this process with path; returns only by throwing. */
	execve(path, argv, envp) {
		c.execve(path, [...argv, null], [...envp, null]);
		throw new SyscallError("execve", koffi.errno(), path);
	},
	/** Restore a signal's default action (execve keeps ignored signals ignored; Node ignores SIGPIPE). */
	defaultSignal(sig) {
		c.signal(sig, null);
	},
	/** Unblock every signal of the calling thread. */
	unblockAllSignals() {
		check("sigprocmask", c.sigprocmask(2, /* @__PURE__ */ new Uint8Array(128), null));
	},
	geteuid() {
		return c.geteuid();
	}
};
export { libc as _, CLONE_NEWUTS as a, errnoName as b, MS_PRIVATE as c, MS_SLAVE as d, O_CLOEXEC as f, lastErrno as g, SockFprogPtr as h, CLONE_NEWNS as i, MS_REC as l, SOCK_CLOEXEC as m, CLONE_NEWIPC as n, MOUNT_ATTR_IDMAP as o, O_NONBLOCK as p, CLONE_NEWNET as r, MS_BIND as s, CLONE_NEWCGROUP as t, MS_SHARED as u, raw as v, SyscallError as y };

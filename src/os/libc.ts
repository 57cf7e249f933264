import koffi from 'koffi';
import type { NativeMemory } from './native.js';
import { SyscallError } from './syscall-error.js';

/**
 * The libc calls nslab needs, bound once through koffi. Each wrapper throws
 * SyscallError with the errno's name on failure, so callers never look at -1.
 */
const lib = koffi.load('libc.so.6');

const c = {
  socket: lib.func('int socket(int domain, int type, int protocol)'),
  bind: lib.func('int bind(int fd, const void *addr, uint32_t len)'),
  setsockopt: lib.func('int setsockopt(int fd, int level, int name, const void *val, uint32_t len)'),
  getsockname: lib.func('int getsockname(int fd, _Inout_ void *addr, _Inout_ uint32_t *len)'),
  send: lib.func('intptr_t send(int fd, const void *buf, size_t len, int flags)'),
  recv: lib.func('intptr_t recv(int fd, _Out_ void *buf, size_t len, int flags)'),
  close: lib.func('int close(int fd)'),
  open: lib.func('int open(const char *path, int flags, uint32_t mode)'),
  setns: lib.func('int setns(int fd, int nstype)'),
  unshare: lib.func('int unshare(int flags)'),
  mount: lib.func('int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const void *data)'),
  mountData: lib.func('int mount(const char *source, const char *target, const char *fstype, unsigned long flags, const char *data)'),
  umount2: lib.func('int umount2(const char *target, int flags)'),
  mount_setattr: lib.func('int mount_setattr(int dirfd, const char *path, unsigned int flags, const void *attr, size_t size)'),
  open_tree: lib.func('int open_tree(int dirfd, const char *path, unsigned int flags)'),
  move_mount: lib.func('int move_mount(int from_dirfd, const char *from_path, int to_dirfd, const char *to_path, unsigned int flags)'),
  chdir: lib.func('int chdir(const char *path)'),
  close_range: lib.func('int close_range(unsigned int first, unsigned int last, int flags)'),
  flock: lib.func('int flock(int fd, int op)'),
  gettid: lib.func('int gettid()'),
  sethostname: lib.func('int sethostname(const char *name, size_t len)'),
  fcntl: lib.func('int fcntl(int fd, int cmd, int arg)'),
  prctl: lib.func('int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)'),
  execve: lib.func('int execve(const char *path, const char **argv, const char **envp)'),
  signal: lib.func('void *signal(int sig, void *handler)'),
  sigprocmask: lib.func('int sigprocmask(int how, const void *set, void *old)'),
  geteuid: lib.func('uint32_t geteuid()'),
  getrlimit: lib.func('int getrlimit(int resource, _Out_ void *rlim)'),
  setrlimit: lib.func('int setrlimit(int resource, const void *rlim)'),
  // sockets that read errno themselves (sys/ping.ts: non-blocking probes)
  connect: lib.func('int connect(int fd, const void *addr, uint32_t len)'),
  sendto: lib.func('intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)'),
  getsockopt: lib.func('int getsockopt(int fd, int level, int name, _Out_ void *val, _Inout_ uint32_t *len)'),
  poll: lib.func('int poll(_Inout_ void *fds, unsigned long nfds, int timeout)'),
  // packet capture (sys/packet/socket.ts): the message header points at memory from allocNative()
  recvmsg: lib.func('intptr_t recvmsg(int fd, void *msg, int flags)'),
  // credentials (sys/caps/apply.ts)
  capset: lib.func('int capset(void *hdrp, const void *datap)'),
  setuid: lib.func('int setuid(uint32_t uid)'),
  setgid: lib.func('int setgid(uint32_t gid)'),
  setgroups: lib.func('int setgroups(size_t size, const uint32_t *list)'),
  // glibc has no seccomp() wrapper; syscall(2) and prctl(2) are variadic (sys/seccomp/install.ts)
  syscall: lib.func('long syscall(long number, ...)'),
  prctlVariadic: lib.func('int prctl(int option, ...)'),
};

/**
 * The bound functions themselves, for callers that look at errno on their
 * own terms (EAGAIN on a non-blocking socket, ENOSYS before a fallback).
 * This file is the one place libc is loaded; everything else calls through
 * `libc` below or through these.
 */
export const raw = c;

/** errno of the last call made through `raw` on this thread. */
export function lastErrno(): number {
  return koffi.errno();
}

/** struct sock_fprog { unsigned short len; struct sock_filter *filter; }, as a pointer type for raw.syscall. */
export const SockFprogPtr = koffi.pointer(koffi.struct({ len: 'uint16_t', filter: 'void *' }));

/** sizeof(void *): 8 on the 64-bit machines whose structure layouts nslab writes by hand (struct msghdr). */
export const POINTER_BYTES = koffi.sizeof('void *');

/** setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &struct sock_fprog, sizeof) (sys/packet/socket.ts). */
const setsockoptFprog = lib.func('setsockopt', 'int', ['int', 'int', 'int', SockFprogPtr, 'uint32_t']);
/** sizeof(struct sock_fprog): u16 len, padding, a pointer. */
const SOCK_FPROG_LEN = POINTER_BYTES * 2;

function check(call: string, rc: number | bigint, detail?: string): number {
  const n = Number(rc);
  if (n < 0) throw new SyscallError(call, koffi.errno(), detail);
  return n;
}

export const AF_NETLINK = 16;
export const SOCK_RAW = 3;
export const SOCK_CLOEXEC = 0o2000000;
export const SOL_SOCKET = 1;
export const SO_SNDBUF = 7;
export const SO_RCVBUF = 8;
export const SO_SNDBUFFORCE = 32;
export const SO_RCVBUFFORCE = 33;
export const SO_RCVTIMEO = 20;
/** <asm-generic/socket.h>: a classic-BPF socket filter; receive timestamps as a struct timespec (SCM_TIMESTAMPNS, 64-bit time on 64-bit machines). */
export const SO_ATTACH_FILTER = 26;
export const SO_TIMESTAMPNS = 35;
export const SCM_TIMESTAMPNS = SO_TIMESTAMPNS;
export const MSG_DONTWAIT = 0x40;
export const MSG_TRUNC = 0x20;

export const O_RDONLY = 0;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_CLOEXEC = 0o2000000;

export const CLONE_NEWNS = 0x00020000;
export const CLONE_NEWUTS = 0x04000000;
export const CLONE_NEWNET = 0x40000000;
export const CLONE_FS = 0x00000200;
export const CLONE_NEWUSER = 0x10000000;
export const CLONE_NEWPID = 0x20000000;
export const CLONE_NEWIPC = 0x08000000;
export const CLONE_NEWCGROUP = 0x02000000;

export const MS_BIND = 4096;
export const MS_REC = 16384;
export const MS_PRIVATE = 1 << 18;
export const MS_SLAVE = 1 << 19;
export const MS_SHARED = 1 << 20;
export const MNT_DETACH = 2;
export const MS_RDONLY = 1;
export const MS_NOSUID = 2;
export const MS_NODEV = 4;
export const MS_NOEXEC = 8;
export const AT_FDCWD = -100;
export const AT_RECURSIVE = 0x8000;
/** linux/mount.h */
export const MOUNT_ATTR_RDONLY = 0x1;
export const MOUNT_ATTR_IDMAP = 0x100000;
export const MOUNT_ATTR_NOSUID = 0x2;
export const MOUNT_ATTR_NODEV = 0x4;
export const OPEN_TREE_CLONE = 1;
export const MOVE_MOUNT_F_EMPTY_PATH = 0x4;
export const AT_EMPTY_PATH = 0x1000;
/** linux/close_range.h */
export const CLOSE_RANGE_CLOEXEC = 1 << 2;

export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const O_NONBLOCK = 0o4000;
export const PR_SET_NO_NEW_PRIVS = 38;
export const SIG_SETMASK = 2;

export const LOCK_SH = 1;
export const LOCK_EX = 2;
export const LOCK_NB = 4;
export const LOCK_UN = 8;

export const libc = {
  socket(domain: number, type: number, protocol: number): number {
    return check('socket', c.socket(domain, type, protocol));
  },
  bind(fd: number, addr: Uint8Array): void {
    check('bind', c.bind(fd, addr, addr.length));
  },
  setsockoptInt(fd: number, level: number, name: number, value: number): void {
    check('setsockopt', c.setsockopt(fd, level, name, new Int32Array([value]), 4), `(level ${level}, option ${name})`);
  },
  setsockoptBytes(fd: number, level: number, name: number, value: Uint8Array): void {
    check('setsockopt', c.setsockopt(fd, level, name, value, value.length), `(level ${level}, option ${name})`);
  },
  getsockname(fd: number, addr: Uint8Array): void {
    check('getsockname', c.getsockname(fd, addr, [addr.length]));
  },
  send(fd: number, buf: Uint8Array): number {
    return check('send', c.send(fd, buf, buf.length, 0));
  },
  /** recv into buf; returns the datagram's full length (MSG_TRUNC), which may exceed buf. */
  recv(fd: number, buf: Uint8Array, flags = 0): number {
    return check('recv', c.recv(fd, buf, buf.length, flags | MSG_TRUNC));
  },
  /** recv that returns -1 instead of throwing when nothing is queued (MSG_DONTWAIT). */
  tryRecv(fd: number, buf: Uint8Array): number {
    const n = Number(c.recv(fd, buf, buf.length, MSG_DONTWAIT | MSG_TRUNC));
    if (n >= 0) return n;
    const errno = koffi.errno();
    if (errno === 11) return -1;
    throw new SyscallError('recv', errno);
  },
  close(fd: number): void {
    check('close', c.close(fd));
  },
  open(path: string, flags: number, mode = 0): number {
    return check('open', c.open(path, flags, mode), path);
  },
  setns(fd: number, nstype: number): void {
    check('setns', c.setns(fd, nstype));
  },
  unshare(flags: number): void {
    check('unshare', c.unshare(flags));
  },
  mount(source: string | null, target: string, fstype: string | null, flags: number): void {
    check('mount', c.mount(source, target, fstype, flags, null), `${source ?? '""'} on ${target}`);
  },
  /** mount(2) with a data string (tmpfs size=, mode=, uid=…). */
  mountWithData(source: string, target: string, fstype: string, flags: number, data: string): void {
    check('mount', c.mountData(source, target, fstype, flags, data), `${fstype} on ${target}`);
  },
  /**
   * mount_setattr(AT_FDCWD, path, AT_RECURSIVE?, {attr_set, attr_clr}):
   * `mount -o remount,bind,ro` for a whole tree in one call (kernel ≥ 5.12).
   */
  mountSetattr(path: string, attrSet: number, attrClr: number, recursive: boolean): void {
    // struct mount_attr { u64 attr_set, attr_clr, propagation, userns_fd; }
    const attr = new BigUint64Array([BigInt(attrSet), BigInt(attrClr), 0n, 0n]);
    check('mount_setattr', c.mount_setattr(AT_FDCWD, path, recursive ? AT_RECURSIVE : 0, attr, 32), path);
  },
  /** `mount --bind --make-detached`: open_tree(path, OPEN_TREE_CLONE); a detached copy to change and attach elsewhere. */
  openTreeClone(path: string): number {
    return check('open_tree', c.open_tree(AT_FDCWD, path, OPEN_TREE_CLONE | O_CLOEXEC), path);
  },
  /** mount_setattr on a detached tree's fd (AT_EMPTY_PATH), with an idmapping user namespace fd when MOUNT_ATTR_IDMAP is set. */
  mountSetattrFd(fd: number, attrSet: number, attrClr: number, usernsFd = 0): void {
    const attr = new BigUint64Array([BigInt(attrSet), BigInt(attrClr), 0n, BigInt(usernsFd)]);
    check('mount_setattr', c.mount_setattr(fd, '', AT_EMPTY_PATH, attr, 32), `(fd ${fd})`);
  },
  /** Attach a detached tree at path: move_mount(fd, "", AT_FDCWD, path, MOVE_MOUNT_F_EMPTY_PATH). */
  moveMount(fd: number, path: string): void {
    check('move_mount', c.move_mount(fd, '', AT_FDCWD, path, MOVE_MOUNT_F_EMPTY_PATH), path);
  },
  /** close_range(first, ~0U, CLOSE_RANGE_CLOEXEC): every fd from first on closes at the next execve. */
  closeRangeOnExec(first: number): void {
    check('close_range', c.close_range(first, 0xffffffff, CLOSE_RANGE_CLOEXEC));
  },
  chdir(path: string): void {
    check('chdir', c.chdir(path), path);
  },
  umount2(target: string, flags: number): void {
    check('umount2', c.umount2(target, flags), target);
  },
  /**
   * umount2 on a libuv worker thread. An unmount waits for an RCU grace
   * period; many in flight at once wait for them together.
   * Resolves to 0, or to the errno of a failure.
   */
  umount2Async(target: string, flags: number): Promise<number> {
    return new Promise((resolve) => {
      c.umount2.async(target, flags, (err: unknown, rc: number) => {
        resolve(err ? -1 : rc < 0 ? koffi.errno() : 0);
      });
    });
  },
  /** flock; returns false when LOCK_NB was given and the lock is held elsewhere. */
  flock(fd: number, op: number): boolean {
    const rc = c.flock(fd, op);
    if (rc === 0) return true;
    const errno = koffi.errno();
    if (errno === 11 && op & LOCK_NB) return false;
    throw new SyscallError('flock', errno);
  },
  gettid(): number {
    return c.gettid();
  },
  sethostname(name: string): void {
    check('sethostname', c.sethostname(name, Buffer.byteLength(name)), name);
  },
  fcntl(fd: number, cmd: number, arg = 0): number {
    return check('fcntl', c.fcntl(fd, cmd, arg), `(fd ${fd}, cmd ${cmd})`);
  },
  prctl(option: number, arg2 = 0): number {
    return check('prctl', c.prctl(option, arg2, 0, 0, 0), `(option ${option})`);
  },
  /** Replace this process with path; returns only by throwing. */
  execve(path: string, argv: readonly string[], envp: readonly string[]): never {
    c.execve(path, [...argv, null], [...envp, null]);
    throw new SyscallError('execve', koffi.errno(), path);
  },
  /** Restore a signal's default action (execve keeps ignored signals ignored; Node ignores SIGPIPE). */
  defaultSignal(sig: number): void {
    c.signal(sig, null);
  },
  /** Unblock every signal of the calling thread. */
  unblockAllSignals(): void {
    check('sigprocmask', c.sigprocmask(SIG_SETMASK, new Uint8Array(128), null));
  },
  geteuid(): number {
    return c.geteuid();
  },
  /** getrlimit(2): [soft, hard] as bigints (RLIM_INFINITY is 2^64 - 1). */
  getrlimit(resource: number): [bigint, bigint] {
    const buf = new BigUint64Array(2);
    check('getrlimit', c.getrlimit(resource, buf));
    return [buf[0] as bigint, buf[1] as bigint];
  },
  setrlimit(resource: number, soft: bigint, hard: bigint): void {
    check('setrlimit', c.setrlimit(resource, BigUint64Array.from([soft, hard])), `${resource} ${soft} ${hard}`);
  },
};

/** recvmsg(fd, msg, flags) on a header in native memory; the byte count, or -1 when nothing is queued (EAGAIN). */
export function recvmsgNative(fd: number, msg: NativeMemory, flags: number): number {
  const n = Number(c.recvmsg(fd, msg.pointer, flags));
  if (n >= 0) return n;
  const errno = koffi.errno();
  if (errno === 11) return -1;
  throw new SyscallError('recvmsg', errno);
}

/** Attach a classic-BPF program (struct sock_filter bytes) to a socket: SO_ATTACH_FILTER. */
export function attachSocketFilter(fd: number, program: Uint8Array): void {
  const rc = setsockoptFprog(fd, SOL_SOCKET, SO_ATTACH_FILTER, { len: program.length / 8, filter: program }, SOCK_FPROG_LEN);
  check('setsockopt', rc, '(SO_ATTACH_FILTER)');
}

/** <sys/resource.h> */
export const RLIMIT_NOFILE = 7;

/*
 * Pseudo-terminals (sys/pty.ts, for the graph page's terminal): the
 * master end from /dev/ptmx, made usable, and the path of its other end.
 * ioctl is variadic in glibc, so it is bound as such.
 */
const ptyCalls = {
  posix_openpt: lib.func('int posix_openpt(int flags)'),
  grantpt: lib.func('int grantpt(int fd)'),
  unlockpt: lib.func('int unlockpt(int fd)'),
  ptsname_r: lib.func('int ptsname_r(int fd, _Out_ uint8_t *buf, size_t len)'),
  ioctl: lib.func('int ioctl(int fd, unsigned long request, ...)'),
};

export const pty = {
  /** posix_openpt(3): a new master, e.g. O_RDWR | O_NOCTTY | O_CLOEXEC. */
  openpt(flags: number): number {
    return check('posix_openpt', ptyCalls.posix_openpt(flags));
  },
  grantpt(fd: number): void {
    check('grantpt', ptyCalls.grantpt(fd));
  },
  unlockpt(fd: number): void {
    check('unlockpt', ptyCalls.unlockpt(fd));
  },
  /** ptsname_r(3): /dev/pts/N of a master. ptsname_r returns the error number itself rather than -1. */
  ptsname(fd: number): string {
    const buf = new Uint8Array(128);
    const rc = Number(ptyCalls.ptsname_r(fd, buf, buf.length));
    if (rc !== 0) throw new SyscallError('ptsname_r', rc);
    return new TextDecoder().decode(buf.subarray(0, buf.indexOf(0)));
  },
  /** ioctl(fd, request, &struct): TIOCSWINSZ and the like. */
  ioctlPointer(fd: number, request: number, arg: Uint8Array, what: string): void {
    check('ioctl', ptyCalls.ioctl(fd, request, 'void *', arg), what);
  },
};

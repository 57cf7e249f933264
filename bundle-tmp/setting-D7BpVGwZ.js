import { a as SECCOMP_RET, i as SECCOMP_FILTER_FLAG, n as CLONE_NS, o as argHi, r as SECCOMP_DATA, s as argLo, t as AUDIT_ARCH } from "./constants-BvGm2O4q.js";
import { a as BPF_MODE, c as bpfClass, i as BPF_MAXINSNS, l as bpfOp, n as BPF_CLASS, o as BPF_SIZE, r as BPF_JMP_OP, s as BPF_SRC, t as BPF_ALU_OP } from "./bpf-CJj_0kLA.js";
import { isAbsolute, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { arch } from "node:process";
import { release } from "node:os";
// dist/sys/seccomp/tables/aarch64.js
/** aarch64 system call numbers by name (325 calls). */
const SYSCALLS_AARCH64 = Object.freeze({
	io_setup: 0,
	io_destroy: 1,
	io_submit: 2,
	io_cancel: 3,
	io_getevents: 4,
	setxattr: 5,
	lsetxattr: 6,
	fsetxattr: 7,
	getxattr: 8,
	lgetxattr: 9,
	fgetxattr: 10,
	listxattr: 11,
	llistxattr: 12,
	flistxattr: 13,
	removexattr: 14,
	lremovexattr: 15,
	fremovexattr: 16,
	getcwd: 17,
	lookup_dcookie: 18,
	eventfd2: 19,
	epoll_create1: 20,
	epoll_ctl: 21,
	epoll_pwait: 22,
	dup: 23,
	dup3: 24,
	fcntl: 25,
	inotify_init1: 26,
	inotify_add_watch: 27,
	inotify_rm_watch: 28,
	ioctl: 29,
	ioprio_set: 30,
	ioprio_get: 31,
	flock: 32,
	mknodat: 33,
	mkdirat: 34,
	unlinkat: 35,
	symlinkat: 36,
	linkat: 37,
	renameat: 38,
	umount2: 39,
	mount: 40,
	pivot_root: 41,
	nfsservctl: 42,
	statfs: 43,
	fstatfs: 44,
	truncate: 45,
	ftruncate: 46,
	fallocate: 47,
	faccessat: 48,
	chdir: 49,
	fchdir: 50,
	chroot: 51,
	fchmod: 52,
	fchmodat: 53,
	fchownat: 54,
	fchown: 55,
	openat: 56,
	close: 57,
	vhangup: 58,
	pipe2: 59,
	quotactl: 60,
	getdents64: 61,
	lseek: 62,
	read: 63,
	write: 64,
	readv: 65,
	writev: 66,
	pread64: 67,
	pwrite64: 68,
	preadv: 69,
	pwritev: 70,
	sendfile: 71,
	pselect6: 72,
	ppoll: 73,
	signalfd4: 74,
	vmsplice: 75,
	splice: 76,
	tee: 77,
	readlinkat: 78,
	newfstatat: 79,
	fstat: 80,
	sync: 81,
	fsync: 82,
	fdatasync: 83,
	sync_file_range: 84,
	timerfd_create: 85,
	timerfd_settime: 86,
	timerfd_gettime: 87,
	utimensat: 88,
	acct: 89,
	capget: 90,
	capset: 91,
	personality: 92,
	exit: 93,
	exit_group: 94,
	waitid: 95,
	set_tid_address: 96,
	unshare: 97,
	futex: 98,
	set_robust_list: 99,
	get_robust_list: 100,
	nanosleep: 101,
	getitimer: 102,
	setitimer: 103,
	kexec_load: 104,
	init_module: 105,
	delete_module: 106,
	timer_create: 107,
	timer_gettime: 108,
	timer_getoverrun: 109,
	timer_settime: 110,
	timer_delete: 111,
	clock_settime: 112,
	clock_gettime: 113,
	clock_getres: 114,
	clock_nanosleep: 115,
	syslog: 116,
	ptrace: 117,
	sched_setparam: 118,
	sched_setscheduler: 119,
	sched_getscheduler: 120,
	sched_getparam: 121,
	sched_setaffinity: 122,
	sched_getaffinity: 123,
	sched_yield: 124,
	sched_get_priority_max: 125,
	sched_get_priority_min: 126,
	sched_rr_get_interval: 127,
	restart_syscall: 128,
	kill: 129,
	tkill: 130,
	tgkill: 131,
	sigaltstack: 132,
	rt_sigsuspend: 133,
	rt_sigaction: 134,
	rt_sigprocmask: 135,
	rt_sigpending: 136,
	rt_sigtimedwait: 137,
	rt_sigqueueinfo: 138,
	rt_sigreturn: 139,
	setpriority: 140,
	getpriority: 141,
	reboot: 142,
	setregid: 143,
	setgid: 144,
	setreuid: 145,
	setuid: 146,
	setresuid: 147,
	getresuid: 148,
	setresgid: 149,
	getresgid: 150,
	setfsuid: 151,
	setfsgid: 152,
	times: 153,
	setpgid: 154,
	getpgid: 155,
	getsid: 156,
	setsid: 157,
	getgroups: 158,
	setgroups: 159,
	uname: 160,
	sethostname: 161,
	setdomainname: 162,
	getrlimit: 163,
	setrlimit: 164,
	getrusage: 165,
	umask: 166,
	prctl: 167,
	getcpu: 168,
	gettimeofday: 169,
	settimeofday: 170,
	adjtimex: 171,
	getpid: 172,
	getppid: 173,
	getuid: 174,
	geteuid: 175,
	getgid: 176,
	getegid: 177,
	gettid: 178,
	sysinfo: 179,
	mq_open: 180,
	mq_unlink: 181,
	mq_timedsend: 182,
	mq_timedreceive: 183,
	mq_notify: 184,
	mq_getsetattr: 185,
	msgget: 186,
	msgctl: 187,
	msgrcv: 188,
	msgsnd: 189,
	semget: 190,
	semctl: 191,
	semtimedop: 192,
	semop: 193,
	shmget: 194,
	shmctl: 195,
	shmat: 196,
	shmdt: 197,
	socket: 198,
	socketpair: 199,
	bind: 200,
	listen: 201,
	accept: 202,
	connect: 203,
	getsockname: 204,
	getpeername: 205,
	sendto: 206,
	recvfrom: 207,
	setsockopt: 208,
	getsockopt: 209,
	shutdown: 210,
	sendmsg: 211,
	recvmsg: 212,
	readahead: 213,
	brk: 214,
	munmap: 215,
	mremap: 216,
	add_key: 217,
	request_key: 218,
	keyctl: 219,
	clone: 220,
	execve: 221,
	mmap: 222,
	fadvise64: 223,
	swapon: 224,
	swapoff: 225,
	mprotect: 226,
	msync: 227,
	mlock: 228,
	munlock: 229,
	mlockall: 230,
	munlockall: 231,
	mincore: 232,
	madvise: 233,
	remap_file_pages: 234,
	mbind: 235,
	get_mempolicy: 236,
	set_mempolicy: 237,
	migrate_pages: 238,
	move_pages: 239,
	rt_tgsigqueueinfo: 240,
	perf_event_open: 241,
	accept4: 242,
	recvmmsg: 243,
	wait4: 260,
	prlimit64: 261,
	fanotify_init: 262,
	fanotify_mark: 263,
	name_to_handle_at: 264,
	open_by_handle_at: 265,
	clock_adjtime: 266,
	syncfs: 267,
	setns: 268,
	sendmmsg: 269,
	process_vm_readv: 270,
	process_vm_writev: 271,
	kcmp: 272,
	finit_module: 273,
	sched_setattr: 274,
	sched_getattr: 275,
	renameat2: 276,
	seccomp: 277,
	getrandom: 278,
	memfd_create: 279,
	bpf: 280,
	execveat: 281,
	userfaultfd: 282,
	membarrier: 283,
	mlock2: 284,
	copy_file_range: 285,
	preadv2: 286,
	pwritev2: 287,
	pkey_mprotect: 288,
	pkey_alloc: 289,
	pkey_free: 290,
	statx: 291,
	io_pgetevents: 292,
	rseq: 293,
	kexec_file_load: 294,
	pidfd_send_signal: 424,
	io_uring_setup: 425,
	io_uring_enter: 426,
	io_uring_register: 427,
	open_tree: 428,
	move_mount: 429,
	fsopen: 430,
	fsconfig: 431,
	fsmount: 432,
	fspick: 433,
	pidfd_open: 434,
	clone3: 435,
	close_range: 436,
	openat2: 437,
	pidfd_getfd: 438,
	faccessat2: 439,
	process_madvise: 440,
	epoll_pwait2: 441,
	mount_setattr: 442,
	quotactl_fd: 443,
	landlock_create_ruleset: 444,
	landlock_add_rule: 445,
	landlock_restrict_self: 446,
	memfd_secret: 447,
	process_mrelease: 448,
	futex_waitv: 449,
	set_mempolicy_home_node: 450,
	cachestat: 451,
	fchmodat2: 452,
	map_shadow_stack: 453,
	futex_wake: 454,
	futex_wait: 455,
	futex_requeue: 456,
	statmount: 457,
	listmount: 458,
	lsm_get_self_attr: 459,
	lsm_set_self_attr: 460,
	lsm_list_modules: 461,
	mseal: 462,
	setxattrat: 463,
	getxattrat: 464,
	listxattrat: 465,
	removexattrat: 466,
	open_tree_attr: 467,
	file_getattr: 468,
	file_setattr: 469
});
// dist/sys/seccomp/tables/i386.js
/** i386 system call numbers by name (459 calls). */
const SYSCALLS_I386 = Object.freeze({
	restart_syscall: 0,
	exit: 1,
	fork: 2,
	read: 3,
	write: 4,
	open: 5,
	close: 6,
	waitpid: 7,
	creat: 8,
	link: 9,
	unlink: 10,
	execve: 11,
	chdir: 12,
	time: 13,
	mknod: 14,
	chmod: 15,
	lchown: 16,
	break: 17,
	oldstat: 18,
	lseek: 19,
	getpid: 20,
	mount: 21,
	umount: 22,
	setuid: 23,
	getuid: 24,
	stime: 25,
	ptrace: 26,
	alarm: 27,
	oldfstat: 28,
	pause: 29,
	utime: 30,
	stty: 31,
	gtty: 32,
	access: 33,
	nice: 34,
	ftime: 35,
	sync: 36,
	kill: 37,
	rename: 38,
	mkdir: 39,
	rmdir: 40,
	dup: 41,
	pipe: 42,
	times: 43,
	prof: 44,
	brk: 45,
	setgid: 46,
	getgid: 47,
	signal: 48,
	geteuid: 49,
	getegid: 50,
	acct: 51,
	umount2: 52,
	lock: 53,
	ioctl: 54,
	fcntl: 55,
	mpx: 56,
	setpgid: 57,
	ulimit: 58,
	oldolduname: 59,
	umask: 60,
	chroot: 61,
	ustat: 62,
	dup2: 63,
	getppid: 64,
	getpgrp: 65,
	setsid: 66,
	sigaction: 67,
	sgetmask: 68,
	ssetmask: 69,
	setreuid: 70,
	setregid: 71,
	sigsuspend: 72,
	sigpending: 73,
	sethostname: 74,
	setrlimit: 75,
	getrlimit: 76,
	getrusage: 77,
	gettimeofday: 78,
	settimeofday: 79,
	getgroups: 80,
	setgroups: 81,
	select: 82,
	symlink: 83,
	oldlstat: 84,
	readlink: 85,
	uselib: 86,
	swapon: 87,
	reboot: 88,
	readdir: 89,
	mmap: 90,
	munmap: 91,
	truncate: 92,
	ftruncate: 93,
	fchmod: 94,
	fchown: 95,
	getpriority: 96,
	setpriority: 97,
	profil: 98,
	statfs: 99,
	fstatfs: 100,
	ioperm: 101,
	socketcall: 102,
	syslog: 103,
	setitimer: 104,
	getitimer: 105,
	stat: 106,
	lstat: 107,
	fstat: 108,
	olduname: 109,
	iopl: 110,
	vhangup: 111,
	idle: 112,
	vm86old: 113,
	wait4: 114,
	swapoff: 115,
	sysinfo: 116,
	ipc: 117,
	fsync: 118,
	sigreturn: 119,
	clone: 120,
	setdomainname: 121,
	uname: 122,
	modify_ldt: 123,
	adjtimex: 124,
	mprotect: 125,
	sigprocmask: 126,
	create_module: 127,
	init_module: 128,
	delete_module: 129,
	get_kernel_syms: 130,
	quotactl: 131,
	getpgid: 132,
	fchdir: 133,
	bdflush: 134,
	sysfs: 135,
	personality: 136,
	afs_syscall: 137,
	setfsuid: 138,
	setfsgid: 139,
	_llseek: 140,
	getdents: 141,
	_newselect: 142,
	flock: 143,
	msync: 144,
	readv: 145,
	writev: 146,
	getsid: 147,
	fdatasync: 148,
	_sysctl: 149,
	mlock: 150,
	munlock: 151,
	mlockall: 152,
	munlockall: 153,
	sched_setparam: 154,
	sched_getparam: 155,
	sched_setscheduler: 156,
	sched_getscheduler: 157,
	sched_yield: 158,
	sched_get_priority_max: 159,
	sched_get_priority_min: 160,
	sched_rr_get_interval: 161,
	nanosleep: 162,
	mremap: 163,
	setresuid: 164,
	getresuid: 165,
	vm86: 166,
	query_module: 167,
	poll: 168,
	nfsservctl: 169,
	setresgid: 170,
	getresgid: 171,
	prctl: 172,
	rt_sigreturn: 173,
	rt_sigaction: 174,
	rt_sigprocmask: 175,
	rt_sigpending: 176,
	rt_sigtimedwait: 177,
	rt_sigqueueinfo: 178,
	rt_sigsuspend: 179,
	pread64: 180,
	pwrite64: 181,
	chown: 182,
	getcwd: 183,
	capget: 184,
	capset: 185,
	sigaltstack: 186,
	sendfile: 187,
	getpmsg: 188,
	putpmsg: 189,
	vfork: 190,
	ugetrlimit: 191,
	mmap2: 192,
	truncate64: 193,
	ftruncate64: 194,
	stat64: 195,
	lstat64: 196,
	fstat64: 197,
	lchown32: 198,
	getuid32: 199,
	getgid32: 200,
	geteuid32: 201,
	getegid32: 202,
	setreuid32: 203,
	setregid32: 204,
	getgroups32: 205,
	setgroups32: 206,
	fchown32: 207,
	setresuid32: 208,
	getresuid32: 209,
	setresgid32: 210,
	getresgid32: 211,
	chown32: 212,
	setuid32: 213,
	setgid32: 214,
	setfsuid32: 215,
	setfsgid32: 216,
	pivot_root: 217,
	mincore: 218,
	madvise: 219,
	getdents64: 220,
	fcntl64: 221,
	gettid: 224,
	readahead: 225,
	setxattr: 226,
	lsetxattr: 227,
	fsetxattr: 228,
	getxattr: 229,
	lgetxattr: 230,
	fgetxattr: 231,
	listxattr: 232,
	llistxattr: 233,
	flistxattr: 234,
	removexattr: 235,
	lremovexattr: 236,
	fremovexattr: 237,
	tkill: 238,
	sendfile64: 239,
	futex: 240,
	sched_setaffinity: 241,
	sched_getaffinity: 242,
	set_thread_area: 243,
	get_thread_area: 244,
	io_setup: 245,
	io_destroy: 246,
	io_getevents: 247,
	io_submit: 248,
	io_cancel: 249,
	fadvise64: 250,
	exit_group: 252,
	lookup_dcookie: 253,
	epoll_create: 254,
	epoll_ctl: 255,
	epoll_wait: 256,
	remap_file_pages: 257,
	set_tid_address: 258,
	timer_create: 259,
	timer_settime: 260,
	timer_gettime: 261,
	timer_getoverrun: 262,
	timer_delete: 263,
	clock_settime: 264,
	clock_gettime: 265,
	clock_getres: 266,
	clock_nanosleep: 267,
	statfs64: 268,
	fstatfs64: 269,
	tgkill: 270,
	utimes: 271,
	fadvise64_64: 272,
	vserver: 273,
	mbind: 274,
	get_mempolicy: 275,
	set_mempolicy: 276,
	mq_open: 277,
	mq_unlink: 278,
	mq_timedsend: 279,
	mq_timedreceive: 280,
	mq_notify: 281,
	mq_getsetattr: 282,
	kexec_load: 283,
	waitid: 284,
	add_key: 286,
	request_key: 287,
	keyctl: 288,
	ioprio_set: 289,
	ioprio_get: 290,
	inotify_init: 291,
	inotify_add_watch: 292,
	inotify_rm_watch: 293,
	migrate_pages: 294,
	openat: 295,
	mkdirat: 296,
	mknodat: 297,
	fchownat: 298,
	futimesat: 299,
	fstatat64: 300,
	unlinkat: 301,
	renameat: 302,
	linkat: 303,
	symlinkat: 304,
	readlinkat: 305,
	fchmodat: 306,
	faccessat: 307,
	pselect6: 308,
	ppoll: 309,
	unshare: 310,
	set_robust_list: 311,
	get_robust_list: 312,
	splice: 313,
	sync_file_range: 314,
	tee: 315,
	vmsplice: 316,
	move_pages: 317,
	getcpu: 318,
	epoll_pwait: 319,
	utimensat: 320,
	signalfd: 321,
	timerfd_create: 322,
	eventfd: 323,
	fallocate: 324,
	timerfd_settime: 325,
	timerfd_gettime: 326,
	signalfd4: 327,
	eventfd2: 328,
	epoll_create1: 329,
	dup3: 330,
	pipe2: 331,
	inotify_init1: 332,
	preadv: 333,
	pwritev: 334,
	rt_tgsigqueueinfo: 335,
	perf_event_open: 336,
	recvmmsg: 337,
	fanotify_init: 338,
	fanotify_mark: 339,
	prlimit64: 340,
	name_to_handle_at: 341,
	open_by_handle_at: 342,
	clock_adjtime: 343,
	syncfs: 344,
	sendmmsg: 345,
	setns: 346,
	process_vm_readv: 347,
	process_vm_writev: 348,
	kcmp: 349,
	finit_module: 350,
	sched_setattr: 351,
	sched_getattr: 352,
	renameat2: 353,
	seccomp: 354,
	getrandom: 355,
	memfd_create: 356,
	bpf: 357,
	execveat: 358,
	socket: 359,
	socketpair: 360,
	bind: 361,
	connect: 362,
	listen: 363,
	accept4: 364,
	getsockopt: 365,
	setsockopt: 366,
	getsockname: 367,
	getpeername: 368,
	sendto: 369,
	sendmsg: 370,
	recvfrom: 371,
	recvmsg: 372,
	shutdown: 373,
	userfaultfd: 374,
	membarrier: 375,
	mlock2: 376,
	copy_file_range: 377,
	preadv2: 378,
	pwritev2: 379,
	pkey_mprotect: 380,
	pkey_alloc: 381,
	pkey_free: 382,
	statx: 383,
	arch_prctl: 384,
	io_pgetevents: 385,
	rseq: 386,
	semget: 393,
	semctl: 394,
	shmget: 395,
	shmctl: 396,
	shmat: 397,
	shmdt: 398,
	msgget: 399,
	msgsnd: 400,
	msgrcv: 401,
	msgctl: 402,
	clock_gettime64: 403,
	clock_settime64: 404,
	clock_adjtime64: 405,
	clock_getres_time64: 406,
	clock_nanosleep_time64: 407,
	timer_gettime64: 408,
	timer_settime64: 409,
	timerfd_gettime64: 410,
	timerfd_settime64: 411,
	utimensat_time64: 412,
	pselect6_time64: 413,
	ppoll_time64: 414,
	io_pgetevents_time64: 416,
	recvmmsg_time64: 417,
	mq_timedsend_time64: 418,
	mq_timedreceive_time64: 419,
	semtimedop_time64: 420,
	rt_sigtimedwait_time64: 421,
	futex_time64: 422,
	sched_rr_get_interval_time64: 423,
	pidfd_send_signal: 424,
	io_uring_setup: 425,
	io_uring_enter: 426,
	io_uring_register: 427,
	open_tree: 428,
	move_mount: 429,
	fsopen: 430,
	fsconfig: 431,
	fsmount: 432,
	fspick: 433,
	pidfd_open: 434,
	clone3: 435,
	close_range: 436,
	openat2: 437,
	pidfd_getfd: 438,
	faccessat2: 439,
	process_madvise: 440,
	epoll_pwait2: 441,
	mount_setattr: 442,
	quotactl_fd: 443,
	landlock_create_ruleset: 444,
	landlock_add_rule: 445,
	landlock_restrict_self: 446,
	memfd_secret: 447,
	process_mrelease: 448,
	futex_waitv: 449,
	set_mempolicy_home_node: 450,
	cachestat: 451,
	fchmodat2: 452,
	map_shadow_stack: 453,
	futex_wake: 454,
	futex_wait: 455,
	futex_requeue: 456,
	statmount: 457,
	listmount: 458,
	lsm_get_self_attr: 459,
	lsm_set_self_attr: 460,
	lsm_list_modules: 461,
	mseal: 462,
	setxattrat: 463,
	getxattrat: 464,
	listxattrat: 465,
	removexattrat: 466,
	open_tree_attr: 467,
	file_getattr: 468,
	file_setattr: 469
});
// dist/sys/seccomp/tables/x86_64.js
/** x86_64 system call numbers by name (383 calls). */
const SYSCALLS_X86_64 = Object.freeze({
	read: 0,
	write: 1,
	open: 2,
	close: 3,
	stat: 4,
	fstat: 5,
	lstat: 6,
	poll: 7,
	lseek: 8,
	mmap: 9,
	mprotect: 10,
	munmap: 11,
	brk: 12,
	rt_sigaction: 13,
	rt_sigprocmask: 14,
	rt_sigreturn: 15,
	ioctl: 16,
	pread64: 17,
	pwrite64: 18,
	readv: 19,
	writev: 20,
	access: 21,
	pipe: 22,
	select: 23,
	sched_yield: 24,
	mremap: 25,
	msync: 26,
	mincore: 27,
	madvise: 28,
	shmget: 29,
	shmat: 30,
	shmctl: 31,
	dup: 32,
	dup2: 33,
	pause: 34,
	nanosleep: 35,
	getitimer: 36,
	alarm: 37,
	setitimer: 38,
	getpid: 39,
	sendfile: 40,
	socket: 41,
	connect: 42,
	accept: 43,
	sendto: 44,
	recvfrom: 45,
	sendmsg: 46,
	recvmsg: 47,
	shutdown: 48,
	bind: 49,
	listen: 50,
	getsockname: 51,
	getpeername: 52,
	socketpair: 53,
	setsockopt: 54,
	getsockopt: 55,
	clone: 56,
	fork: 57,
	vfork: 58,
	execve: 59,
	exit: 60,
	wait4: 61,
	kill: 62,
	uname: 63,
	semget: 64,
	semop: 65,
	semctl: 66,
	shmdt: 67,
	msgget: 68,
	msgsnd: 69,
	msgrcv: 70,
	msgctl: 71,
	fcntl: 72,
	flock: 73,
	fsync: 74,
	fdatasync: 75,
	truncate: 76,
	ftruncate: 77,
	getdents: 78,
	getcwd: 79,
	chdir: 80,
	fchdir: 81,
	rename: 82,
	mkdir: 83,
	rmdir: 84,
	creat: 85,
	link: 86,
	unlink: 87,
	symlink: 88,
	readlink: 89,
	chmod: 90,
	fchmod: 91,
	chown: 92,
	fchown: 93,
	lchown: 94,
	umask: 95,
	gettimeofday: 96,
	getrlimit: 97,
	getrusage: 98,
	sysinfo: 99,
	times: 100,
	ptrace: 101,
	getuid: 102,
	syslog: 103,
	getgid: 104,
	setuid: 105,
	setgid: 106,
	geteuid: 107,
	getegid: 108,
	setpgid: 109,
	getppid: 110,
	getpgrp: 111,
	setsid: 112,
	setreuid: 113,
	setregid: 114,
	getgroups: 115,
	setgroups: 116,
	setresuid: 117,
	getresuid: 118,
	setresgid: 119,
	getresgid: 120,
	getpgid: 121,
	setfsuid: 122,
	setfsgid: 123,
	getsid: 124,
	capget: 125,
	capset: 126,
	rt_sigpending: 127,
	rt_sigtimedwait: 128,
	rt_sigqueueinfo: 129,
	rt_sigsuspend: 130,
	sigaltstack: 131,
	utime: 132,
	mknod: 133,
	uselib: 134,
	personality: 135,
	ustat: 136,
	statfs: 137,
	fstatfs: 138,
	sysfs: 139,
	getpriority: 140,
	setpriority: 141,
	sched_setparam: 142,
	sched_getparam: 143,
	sched_setscheduler: 144,
	sched_getscheduler: 145,
	sched_get_priority_max: 146,
	sched_get_priority_min: 147,
	sched_rr_get_interval: 148,
	mlock: 149,
	munlock: 150,
	mlockall: 151,
	munlockall: 152,
	vhangup: 153,
	modify_ldt: 154,
	pivot_root: 155,
	_sysctl: 156,
	prctl: 157,
	arch_prctl: 158,
	adjtimex: 159,
	setrlimit: 160,
	chroot: 161,
	sync: 162,
	acct: 163,
	settimeofday: 164,
	mount: 165,
	umount2: 166,
	swapon: 167,
	swapoff: 168,
	reboot: 169,
	sethostname: 170,
	setdomainname: 171,
	iopl: 172,
	ioperm: 173,
	create_module: 174,
	init_module: 175,
	delete_module: 176,
	get_kernel_syms: 177,
	query_module: 178,
	quotactl: 179,
	nfsservctl: 180,
	getpmsg: 181,
	putpmsg: 182,
	afs_syscall: 183,
	tuxcall: 184,
	security: 185,
	gettid: 186,
	readahead: 187,
	setxattr: 188,
	lsetxattr: 189,
	fsetxattr: 190,
	getxattr: 191,
	lgetxattr: 192,
	fgetxattr: 193,
	listxattr: 194,
	llistxattr: 195,
	flistxattr: 196,
	removexattr: 197,
	lremovexattr: 198,
	fremovexattr: 199,
	tkill: 200,
	time: 201,
	futex: 202,
	sched_setaffinity: 203,
	sched_getaffinity: 204,
	set_thread_area: 205,
	io_setup: 206,
	io_destroy: 207,
	io_getevents: 208,
	io_submit: 209,
	io_cancel: 210,
	get_thread_area: 211,
	lookup_dcookie: 212,
	epoll_create: 213,
	epoll_ctl_old: 214,
	epoll_wait_old: 215,
	remap_file_pages: 216,
	getdents64: 217,
	set_tid_address: 218,
	restart_syscall: 219,
	semtimedop: 220,
	fadvise64: 221,
	timer_create: 222,
	timer_settime: 223,
	timer_gettime: 224,
	timer_getoverrun: 225,
	timer_delete: 226,
	clock_settime: 227,
	clock_gettime: 228,
	clock_getres: 229,
	clock_nanosleep: 230,
	exit_group: 231,
	epoll_wait: 232,
	epoll_ctl: 233,
	tgkill: 234,
	utimes: 235,
	vserver: 236,
	mbind: 237,
	set_mempolicy: 238,
	get_mempolicy: 239,
	mq_open: 240,
	mq_unlink: 241,
	mq_timedsend: 242,
	mq_timedreceive: 243,
	mq_notify: 244,
	mq_getsetattr: 245,
	kexec_load: 246,
	waitid: 247,
	add_key: 248,
	request_key: 249,
	keyctl: 250,
	ioprio_set: 251,
	ioprio_get: 252,
	inotify_init: 253,
	inotify_add_watch: 254,
	inotify_rm_watch: 255,
	migrate_pages: 256,
	openat: 257,
	mkdirat: 258,
	mknodat: 259,
	fchownat: 260,
	futimesat: 261,
	newfstatat: 262,
	unlinkat: 263,
	renameat: 264,
	linkat: 265,
	symlinkat: 266,
	readlinkat: 267,
	fchmodat: 268,
	faccessat: 269,
	pselect6: 270,
	ppoll: 271,
	unshare: 272,
	set_robust_list: 273,
	get_robust_list: 274,
	splice: 275,
	tee: 276,
	sync_file_range: 277,
	vmsplice: 278,
	move_pages: 279,
	utimensat: 280,
	epoll_pwait: 281,
	signalfd: 282,
	timerfd_create: 283,
	eventfd: 284,
	fallocate: 285,
	timerfd_settime: 286,
	timerfd_gettime: 287,
	accept4: 288,
	signalfd4: 289,
	eventfd2: 290,
	epoll_create1: 291,
	dup3: 292,
	pipe2: 293,
	inotify_init1: 294,
	preadv: 295,
	pwritev: 296,
	rt_tgsigqueueinfo: 297,
	perf_event_open: 298,
	recvmmsg: 299,
	fanotify_init: 300,
	fanotify_mark: 301,
	prlimit64: 302,
	name_to_handle_at: 303,
	open_by_handle_at: 304,
	clock_adjtime: 305,
	syncfs: 306,
	sendmmsg: 307,
	setns: 308,
	getcpu: 309,
	process_vm_readv: 310,
	process_vm_writev: 311,
	kcmp: 312,
	finit_module: 313,
	sched_setattr: 314,
	sched_getattr: 315,
	renameat2: 316,
	seccomp: 317,
	getrandom: 318,
	memfd_create: 319,
	kexec_file_load: 320,
	bpf: 321,
	execveat: 322,
	userfaultfd: 323,
	membarrier: 324,
	mlock2: 325,
	copy_file_range: 326,
	preadv2: 327,
	pwritev2: 328,
	pkey_mprotect: 329,
	pkey_alloc: 330,
	pkey_free: 331,
	statx: 332,
	io_pgetevents: 333,
	rseq: 334,
	uretprobe: 335,
	uprobe: 336,
	pidfd_send_signal: 424,
	io_uring_setup: 425,
	io_uring_enter: 426,
	io_uring_register: 427,
	open_tree: 428,
	move_mount: 429,
	fsopen: 430,
	fsconfig: 431,
	fsmount: 432,
	fspick: 433,
	pidfd_open: 434,
	clone3: 435,
	close_range: 436,
	openat2: 437,
	pidfd_getfd: 438,
	faccessat2: 439,
	process_madvise: 440,
	epoll_pwait2: 441,
	mount_setattr: 442,
	quotactl_fd: 443,
	landlock_create_ruleset: 444,
	landlock_add_rule: 445,
	landlock_restrict_self: 446,
	memfd_secret: 447,
	process_mrelease: 448,
	futex_waitv: 449,
	set_mempolicy_home_node: 450,
	cachestat: 451,
	fchmodat2: 452,
	map_shadow_stack: 453,
	futex_wake: 454,
	futex_wait: 455,
	futex_requeue: 456,
	statmount: 457,
	listmount: 458,
	lsm_get_self_attr: 459,
	lsm_set_self_attr: 460,
	lsm_list_modules: 461,
	mseal: 462,
	setxattrat: 463,
	getxattrat: 464,
	listxattrat: 465,
	removexattrat: 466,
	open_tree_attr: 467,
	file_getattr: 468,
	file_setattr: 469
});
// dist/sys/seccomp/arch.js
const ARCHES = {
	x86_64: {
		name: "x86_64",
		auditArch: AUDIT_ARCH.AUDIT_ARCH_X86_64,
		syscalls: SYSCALLS_X86_64,
		x32Bit: 1073741824,
		scmpName: "SCMP_ARCH_X86_64",
		goArch: "amd64"
	},
	aarch64: {
		name: "aarch64",
		auditArch: AUDIT_ARCH.AUDIT_ARCH_AARCH64,
		syscalls: SYSCALLS_AARCH64,
		scmpName: "SCMP_ARCH_AARCH64",
		goArch: "arm64"
	}
};
/** The architecture this process runs as, if nslab supports it. */
function hostArch() {
	if (arch === "x64") return "x86_64";
	if (arch === "arm64") return "aarch64";
}
/** System call number of name on arch, or undefined if arch has no such call. */
function syscallNumber(arch, name) {
	const table = ARCHES[arch].syscalls;
	return Object.hasOwn(table, name) ? table[name] : void 0;
}
/**
* Calls that exist only on architectures nslab does not compile for, but
* that real profiles (Docker's, containerd's, Podman's) name. Knowing them
* lets such a profile load: they are skipped, as libseccomp skips a name its
* target architecture lacks. Names from the kernel's syscall tables for arm,
* powerpc, s390, riscv, mips, m68k and sparc.
*/
const OTHER_ARCH_SYSCALLS = [
	"arm_fadvise64_64",
	"arm_sync_file_range",
	"breakpoint",
	"cacheflush",
	"set_tls",
	"usr26",
	"usr32",
	"recv",
	"send",
	"pciconfig_iobase",
	"pciconfig_read",
	"pciconfig_write",
	"get_tls",
	"sync_file_range2",
	"swapcontext",
	"subpage_prot",
	"rtas",
	"sys_debug_setcontext",
	"switch_endian",
	"multiplexer",
	"spu_create",
	"spu_run",
	"s390_pci_mmio_read",
	"s390_pci_mmio_write",
	"s390_runtime_instr",
	"s390_guarded_storage",
	"s390_sthyi",
	"riscv_flush_icache",
	"riscv_hwprobe",
	"cachectl",
	"sysmips",
	"atomic_barrier",
	"atomic_cmpxchg_32",
	"kern_features",
	"utrap_install",
	"getpagesize"
];
const KNOWN = /* @__PURE__ */ new Set([
	...Object.keys(SYSCALLS_X86_64),
	...Object.keys(SYSCALLS_AARCH64),
	...Object.keys(SYSCALLS_I386),
	...OTHER_ARCH_SYSCALLS
]);
/** Whether name is a Linux system call on some architecture (a typo is not). */
function isKnownSyscall(name) {
	return KNOWN.has(name);
}
/** Parse an architecture as libseccomp, Docker/Go or uname spell it; undefined for others. */
function parseArchName(text) {
	for (const a of Object.values(ARCHES)) if (text === a.name || text === a.scmpName || text === a.goArch) return a.name;
}
// dist/sys/seccomp/assembler.js
const { BPF_LD, BPF_ALU, BPF_JMP, BPF_RET } = BPF_CLASS;
/** A jump target: a label, or NEXT for the instruction that follows. */
const NEXT = Symbol("next instruction");
/**
* A classic-BPF assembler with labels. Conditional jumps name their targets;
* assemble() turns them into the 8-bit forward offsets of struct sock_filter
* and, where a target lies more than 255 instructions ahead, routes the jump
* through an unconditional BPF_JA placed right after it (whose offset is 32
* bits), as libseccomp does.
*
* ```ts
* const a = new Assembler();
* a.ld(4).jeq(0xc000003e, 'native').ret(0x80000000);
* a.label('native').ret(0x7fff0000);
* a.assemble(); // [ld [4]; jeq #0xc000003e jt 1 jf 0; ret #0x80000000; ret #0x7fff0000]
* ```
*/
var Assembler = class {
	items = [];
	labels = /* @__PURE__ */ new Set();
	fresh = 0;
	/** A label name not used yet, for generated code. */
	newLabel(hint = "L") {
		let name;
		do
			name = `${hint}.${this.fresh++}`;
		while (this.labels.has(name));
		return name;
	}
	/** Place a label before the next instruction. */
	label(name) {
		if (this.labels.has(name)) throw new Error(`BPF label "${name}" is defined twice`);
		this.labels.add(name);
		this.items.push({
			kind: "label",
			name
		});
		return this;
	}
	/** Any instruction that is not a jump: BPF_STMT(code, k). */
	stmt(code, k) {
		if (bpfClass(code) === BPF_JMP) throw new Error(`use jump() or ja() for jump opcode 0x${code.toString(16)}`);
		this.items.push({
			kind: "stmt",
			code,
			k: k >>> 0
		});
		return this;
	}
	/** A conditional jump: BPF_JUMP(code, k, jt, jf) with labels for jt and jf. */
	jump(code, k, jt, jf = NEXT) {
		if (bpfClass(code) !== BPF_JMP || bpfOp(code) === BPF_JMP_OP.BPF_JA) throw new Error(`opcode 0x${code.toString(16)} is not a conditional jump`);
		const item = {
			kind: "cond",
			code,
			k: k >>> 0,
			jt: "",
			jf: ""
		};
		this.items.push(item);
		const next = jt === NEXT || jf === NEXT ? this.newLabel("next") : "";
		item.jt = jt === NEXT ? next : jt;
		item.jf = jf === NEXT ? next : jf;
		if (next) this.label(next);
		return this;
	}
	/** An unconditional jump (BPF_JMP|BPF_JA), reaching anywhere ahead. */
	ja(target) {
		this.items.push({
			kind: "ja",
			target
		});
		return this;
	}
	/** A = 32-bit word at offset k of the input (BPF_LD|BPF_W|BPF_ABS). */
	ld(offset) {
		return this.stmt(BPF_LD | BPF_SIZE.BPF_W | BPF_MODE.BPF_ABS, offset);
	}
	/** A &= k. */
	and(k) {
		return this.stmt(BPF_ALU | BPF_ALU_OP.BPF_AND | BPF_SRC.BPF_K, k);
	}
	/** if (A == k) goto jt else goto jf. */
	jeq(k, jt, jf = NEXT) {
		return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JEQ | BPF_SRC.BPF_K, k, jt, jf);
	}
	/** if (A > k) goto jt else goto jf (unsigned). */
	jgt(k, jt, jf = NEXT) {
		return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JGT | BPF_SRC.BPF_K, k, jt, jf);
	}
	/** if (A >= k) goto jt else goto jf (unsigned). */
	jge(k, jt, jf = NEXT) {
		return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JGE | BPF_SRC.BPF_K, k, jt, jf);
	}
	/** if (A & k) goto jt else goto jf. */
	jset(k, jt, jf = NEXT) {
		return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JSET | BPF_SRC.BPF_K, k, jt, jf);
	}
	/** return k. */
	ret(k) {
		return this.stmt(BPF_RET | BPF_SRC.BPF_K, k);
	}
	/** return A. */
	retA() {
		return this.stmt(BPF_RET | 16, 0);
	}
	/** Resolve labels into offsets; insert long jumps where a target is out of u8 reach. */
	assemble() {
		const items = this.items.slice();
		for (const it of items) for (const t of it.kind === "cond" ? [it.jt, it.jf] : it.kind === "ja" ? [it.target] : []) if (!this.labels.has(t)) throw new Error(`BPF jump to undefined label "${t}"`);
		let trampolines = 0;
		for (;;) {
			const { pos, where } = layout(items);
			const far = [];
			items.forEach((it, index) => {
				if (it.kind !== "cond") return;
				const at = pos[index] ?? 0;
				const jt = distance(where, at, it.jt);
				const jf = distance(where, at, it.jf);
				if (jt > 255 || jf > 255) far.push({
					index,
					jt: jt > 255,
					jf: jf > 255
				});
			});
			if (far.length === 0) return emit(items, pos, where);
			for (const f of far.reverse()) {
				const jump = items[f.index];
				if (jump?.kind !== "cond") continue;
				const inserted = [];
				for (const side of ["jt", "jf"]) {
					if (!f[side]) continue;
					const name = `far.${trampolines++}`;
					inserted.push({
						kind: "label",
						name
					}, {
						kind: "ja",
						target: jump[side]
					});
					jump[side] = name;
				}
				items.splice(f.index + 1, 0, ...inserted);
			}
		}
	}
};
function layout(items) {
	const pos = [];
	const where = /* @__PURE__ */ new Map();
	let n = 0;
	for (const it of items) {
		pos.push(n);
		if (it.kind === "label") where.set(it.name, n);
		else n++;
	}
	return {
		pos,
		where,
		length: n
	};
}
/** Instructions skipped by a jump at `at` to `label`. */
function distance(where, at, label) {
	const d = (where.get(label) ?? -1) - at - 1;
	if (d < 0) throw new Error(`BPF jump from instruction ${at} to "${label}" goes backwards; classic BPF jumps only forward`);
	return d;
}
function emit(items, pos, where) {
	const out = [];
	items.forEach((it, index) => {
		const at = pos[index] ?? 0;
		if (it.kind === "stmt") out.push({
			code: it.code,
			jt: 0,
			jf: 0,
			k: it.k
		});
		else if (it.kind === "cond") out.push({
			code: it.code,
			jt: distance(where, at, it.jt),
			jf: distance(where, at, it.jf),
			k: it.k
		});
		else if (it.kind === "ja") out.push({
			code: BPF_JMP | BPF_JMP_OP.BPF_JA,
			jt: 0,
			jf: 0,
			k: distance(where, at, it.target)
		});
	});
	if (out.length === 0) throw new Error("a BPF program needs at least one instruction");
	if (out.length > 4096) throw new Error(`the BPF program has ${out.length} instructions; the kernel takes at most ${BPF_MAXINSNS}`);
	for (const [name, at] of where) if (at >= out.length) throw new Error(`BPF label "${name}" is not followed by any instruction`);
	return out;
}
// dist/sys/seccomp/policy.js
const ALLOW = { type: "allow" };
const KILL_PROCESS = { type: "kill_process" };
const errno = (n) => ({
	type: "errno",
	errno: n
});
/** The comparison operators of libseccomp and the OCI runtime spec. */
const SCMP_CMP = {
	SCMP_CMP_NE: "SCMP_CMP_NE",
	SCMP_CMP_LT: "SCMP_CMP_LT",
	SCMP_CMP_LE: "SCMP_CMP_LE",
	SCMP_CMP_EQ: "SCMP_CMP_EQ",
	SCMP_CMP_GE: "SCMP_CMP_GE",
	SCMP_CMP_GT: "SCMP_CMP_GT",
	SCMP_CMP_MASKED_EQ: "SCMP_CMP_MASKED_EQ"
};
/** The 32-bit value a filter returns for an action. */
function actionValue(a) {
	switch (a.type) {
		case "allow": return SECCOMP_RET.SECCOMP_RET_ALLOW;
		case "errno": return (SECCOMP_RET.SECCOMP_RET_ERRNO | a.errno & 65535) >>> 0;
		case "kill_process": return SECCOMP_RET.SECCOMP_RET_KILL_PROCESS;
		case "kill_thread": return SECCOMP_RET.SECCOMP_RET_KILL_THREAD;
		case "trap": return SECCOMP_RET.SECCOMP_RET_TRAP;
		case "log": return SECCOMP_RET.SECCOMP_RET_LOG;
		case "trace": return (SECCOMP_RET.SECCOMP_RET_TRACE | a.data & 65535) >>> 0;
	}
}
function actionText(a) {
	if (a.type === "errno") return `errno(${a.errno})`;
	if (a.type === "trace") return `trace(${a.data})`;
	return a.type;
}
function sameAction(a, b) {
	return actionValue(a) === actionValue(b);
}
// dist/sys/seccomp/compile.js
/** Above this many calls, dispatch on nr by binary search instead of a chain of jeq. */
const LINEAR_DISPATCH = 8;
function compilePolicy(policy, options = {}) {
	const arches = options.arches ?? defaultArches();
	if (arches.length === 0) throw new Error("a seccomp filter needs at least one architecture");
	const caps = new Set([...options.capabilities ?? []].map(normaliseCap));
	const kernel = parseVersion(options.kernelRelease ?? release());
	validate(policy);
	const a = new Assembler();
	const actionLabels = /* @__PURE__ */ new Map();
	const act = (action) => {
		const v = actionValue(action);
		let label = actionLabels.get(v);
		if (!label) {
			label = `act.${actionText(action)}`;
			actionLabels.set(v, label);
		}
		return label;
	};
	const skipped = [];
	const warnings = [];
	a.ld(SECCOMP_DATA.arch);
	for (const name of arches) a.jeq(ARCHES[name].auditArch, `arch.${name}`);
	a.ret(actionValue(KILL_PROCESS));
	for (const name of arches) {
		const arch = ARCHES[name];
		const calls = collect(policy, arch, caps, kernel, skipped, warnings);
		const deflt = act(policy.defaultAction);
		a.label(`arch.${name}`);
		a.ld(SECCOMP_DATA.nr);
		if (arch.x32Bit !== void 0) {
			const dispatch = a.newLabel(`dispatch.${name}`);
			a.jge(arch.x32Bit, NEXT, dispatch);
			a.jeq(4294967295, deflt, act(KILL_PROCESS));
			a.label(dispatch);
		}
		emitDispatch(a, calls.map((c) => ({
			nr: c.nr,
			target: c.conditional.length ? `call.${name}.${c.name}` : act(c.fallback?.action ?? policy.defaultAction)
		})), deflt);
		for (const c of calls) {
			if (c.conditional.length === 0) continue;
			a.label(`call.${name}.${c.name}`);
			const fallback = act(c.fallback?.action ?? policy.defaultAction);
			c.conditional.forEach((rule, i) => {
				const fail = i + 1 < c.conditional.length ? `call.${name}.${c.name}.${i + 1}` : fallback;
				const pass = act(rule.action);
				if (i > 0) a.label(`call.${name}.${c.name}.${i}`);
				rule.args.forEach((cmp, j) => emitCmp(a, cmp, j + 1 < rule.args.length ? NEXT : pass, fail));
			});
		}
	}
	for (const [value, label] of actionLabels) a.label(label).ret(value);
	return {
		program: a.assemble(),
		arches,
		flags: policy.filterFlags ?? 0,
		skipped,
		warnings
	};
}
function defaultArches() {
	const host = hostArch();
	if (!host) throw new Error(`nslab builds seccomp filters for ${Object.keys(ARCHES).join(" and ")} only; this machine is ${process.arch}`);
	return [host];
}
function validate(policy) {
	const where = (r) => r.origin ? ` (${r.origin})` : "";
	checkAction(policy.defaultAction, "the default action");
	for (const r of policy.rules) {
		checkAction(r.action, `the rule for ${r.names.join(", ")}${where(r)}`);
		for (const n of r.names) if (!isKnownSyscall(n)) throw new Error(`unknown system call "${n}"${where(r)}`);
		for (const c of r.args ?? []) {
			if (!Number.isInteger(c.index) || c.index < 0 || c.index > 5) throw new Error(`argument index ${c.index} is not 0–5${where(r)}`);
			for (const v of [c.value, c.valueTwo ?? 0n]) if (v < 0n || v > 18446744073709551615n) throw new Error(`argument value ${v} is not an unsigned 64-bit number${where(r)}`);
		}
	}
}
function checkAction(a, what) {
	if (a.type === "errno" && !(Number.isInteger(a.errno) && a.errno >= 0 && a.errno <= 4095)) throw new Error(`${what}: errno ${a.errno} is not 0–4095`);
	if (a.type === "trace" && !(Number.isInteger(a.data) && a.data >= 0 && a.data <= 65535)) throw new Error(`${what}: trace data ${a.data} is not 0–65535`);
}
/** Group the rules that apply on arch by system call number, ordered by number. */
function collect(policy, arch, caps, kernel, skipped, warnings) {
	const byNr = /* @__PURE__ */ new Map();
	for (const rule of policy.rules) {
		if (!applies(rule, arch.name, caps, kernel)) continue;
		const origin = rule.origin ?? `rule for ${rule.names.join(", ")}`;
		for (const name of rule.names) {
			const nr = syscallNumber(arch.name, name);
			if (nr === void 0) {
				skipped.push(rule.origin ? {
					arch: arch.name,
					name,
					origin: rule.origin
				} : {
					arch: arch.name,
					name
				});
				continue;
			}
			let c = byNr.get(nr);
			if (!c) {
				c = {
					nr,
					name,
					conditional: []
				};
				byNr.set(nr, c);
			}
			if (rule.args && rule.args.length > 0) c.conditional.push({
				args: rule.args,
				action: rule.action
			});
			else if (!c.fallback) c.fallback = {
				action: rule.action,
				origin
			};
			else if (!sameAction(c.fallback.action, rule.action)) warnings.push(`${arch.name}: ${name} is given ${actionText(c.fallback.action)} by ${c.fallback.origin} and ${actionText(rule.action)} by ${origin}; the first wins`);
		}
	}
	const calls = [];
	for (const c of [...byNr.values()].sort((x, y) => x.nr - y.nr)) {
		const fallback = c.fallback?.action ?? policy.defaultAction;
		while (c.conditional.length && sameAction(c.conditional[c.conditional.length - 1].action, fallback)) c.conditional.pop();
		if (c.conditional.length === 0 && sameAction(fallback, policy.defaultAction)) continue;
		calls.push(c);
	}
	return calls;
}
function applies(rule, arch, caps, kernel) {
	const w = rule.when;
	if (!w) return true;
	if (w.arches && !w.arches.includes(arch)) return false;
	if (w.notArches?.includes(arch)) return false;
	if (w.caps && !w.caps.every((c) => caps.has(normaliseCap(c)))) return false;
	if (w.notCaps?.some((c) => caps.has(normaliseCap(c)))) return false;
	if (w.minKernel !== void 0 && compareVersions(kernel, parseVersion(w.minKernel)) < 0) return false;
	return true;
}
function normaliseCap(c) {
	const u = c.trim().toUpperCase();
	return u.startsWith("CAP_") ? u : `CAP_${u}`;
}
/** "6.18.0-rc1+" → [6, 18, 0]. */
function parseVersion(text) {
	const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
	if (!m) throw new Error(`"${text}" is not a kernel version`);
	return [
		Number(m[1]),
		Number(m[2] ?? 0),
		Number(m[3] ?? 0)
	];
}
function compareVersions(a, b) {
	for (let i = 0; i < 3; i++) {
		const d = (a[i] ?? 0) - (b[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}
/** Jump to each entry's target when A (nr) equals its number, else to deflt. */
function emitDispatch(a, entries, deflt) {
	if (entries.length <= LINEAR_DISPATCH) {
		entries.forEach((e, i) => a.jeq(e.nr, e.target, i + 1 < entries.length ? NEXT : deflt));
		if (entries.length === 0) a.ja(deflt);
		return;
	}
	const mid = Math.floor(entries.length / 2);
	const upper = a.newLabel("ge");
	a.jge(entries[mid].nr, upper, NEXT);
	emitDispatch(a, entries.slice(0, mid), deflt);
	a.label(upper);
	emitDispatch(a, entries.slice(mid), deflt);
}
const split = (v) => [Number(v >> 32n & 4294967295n), Number(v & 4294967295n)];
/**
* Compare the 64-bit args[cmp.index] with cmp.value, one 32-bit half at a
* time (high first), and go to pass or fail. pass may be NEXT: the
* instruction after the whole comparison, not after one of its jumps.
*/
function emitCmp(a, cmp, pass, fail) {
	if (cmp.op === "SCMP_CMP_MASKED_EQ" && cmp.value === 0n) {
		if (pass !== NEXT) a.ja(pass);
		return;
	}
	if (pass !== NEXT) return emitCmpTo(a, cmp, pass, fail);
	const end = a.newLabel("cmp.ok");
	emitCmpTo(a, cmp, end, fail);
	a.label(end);
}
function emitCmpTo(a, cmp, pass, fail) {
	const hiOff = argHi(cmp.index);
	const loOff = argLo(cmp.index);
	const [hi, lo] = split(cmp.value);
	switch (cmp.op) {
		case "SCMP_CMP_EQ":
			a.ld(hiOff).jeq(hi, NEXT, fail);
			a.ld(loOff).jeq(lo, pass, fail);
			return;
		case "SCMP_CMP_NE":
			a.ld(hiOff).jeq(hi, NEXT, pass);
			a.ld(loOff).jeq(lo, fail, pass);
			return;
		case "SCMP_CMP_GT":
		case "SCMP_CMP_GE":
			a.ld(hiOff).jgt(hi, pass, NEXT).jeq(hi, NEXT, fail);
			a.ld(loOff);
			if (cmp.op === "SCMP_CMP_GT") a.jgt(lo, pass, fail);
			else a.jge(lo, pass, fail);
			return;
		case "SCMP_CMP_LT":
		case "SCMP_CMP_LE":
			a.ld(hiOff).jgt(hi, fail, NEXT).jeq(hi, NEXT, pass);
			a.ld(loOff);
			if (cmp.op === "SCMP_CMP_LT") a.jge(lo, fail, pass);
			else a.jgt(lo, fail, pass);
			return;
		case "SCMP_CMP_MASKED_EQ": {
			const mask = cmp.value;
			const [dhi, dlo] = split((cmp.valueTwo ?? 0n) & mask);
			const [mhi, mlo] = split(mask);
			if (mhi !== 0) {
				a.ld(hiOff);
				if (mhi !== 4294967295) a.and(mhi);
				a.jeq(dhi, mlo !== 0 ? NEXT : pass, fail);
			}
			if (mlo !== 0) {
				a.ld(loOff);
				if (mlo !== 4294967295) a.and(mlo);
				a.jeq(dlo, pass, fail);
			}
		}
	}
}
// dist/sys/seccomp/default-profile.js
/**
* The seccomp profile every lab node gets unless the topology says
* `seccomp: unconfined` or names a file. A lab node is a set of ordinary
* host processes in their own network and UTS namespaces: they share the
* host's filesystem, PID namespace and kernel. This profile allows
* everything network work needs and refuses, with EPERM, the system calls
* that would let a node leave its namespaces, change the machine, or reach
* the kernel's riskiest interfaces. It is a deny list: calls not named here
* are allowed.
*/
const EPERM$1 = 1;
/** asm-generic/ioctls.h (x86_64 and aarch64 alike). */
const TIOCSTI = 21522;
const TIOCLINUX = 21532;
const ENOSYS = 38;
/** Every namespace flag clone(2) takes (CLONE_NEWTIME is clone3/unshare only: 0x80 is the exit signal in clone). */
const CLONE_NS_FLAGS = CLONE_NS.CLONE_NEWNS | CLONE_NS.CLONE_NEWCGROUP | CLONE_NS.CLONE_NEWUTS | CLONE_NS.CLONE_NEWIPC | CLONE_NS.CLONE_NEWUSER | CLONE_NS.CLONE_NEWPID | CLONE_NS.CLONE_NEWNET;
const UNSHARE_NS_FLAGS = CLONE_NS_FLAGS | CLONE_NS.CLONE_NEWTIME;
const deny = (origin, names) => ({
	names,
	action: errno(EPERM$1),
	origin
});
const DEFAULT_PROFILE = {
	defaultAction: ALLOW,
	rules: [
		deny("default profile: mounts", [
			"mount",
			"umount",
			"umount2",
			"fsopen",
			"fsconfig",
			"fsmount",
			"fspick",
			"move_mount",
			"open_tree",
			"open_tree_attr",
			"mount_setattr",
			"pivot_root",
			"chroot"
		]),
		deny("default profile: namespaces", ["setns"]),
		{
			names: ["unshare"],
			action: ALLOW,
			args: [{
				index: 0,
				op: SCMP_CMP.SCMP_CMP_MASKED_EQ,
				value: BigInt(UNSHARE_NS_FLAGS),
				valueTwo: 0n
			}],
			origin: "default profile: unshare without namespace flags"
		},
		deny("default profile: unshare with namespace flags", ["unshare"]),
		{
			names: ["clone"],
			action: ALLOW,
			args: [{
				index: 0,
				op: SCMP_CMP.SCMP_CMP_MASKED_EQ,
				value: BigInt(CLONE_NS_FLAGS),
				valueTwo: 0n
			}],
			origin: "default profile: clone without namespace flags"
		},
		deny("default profile: clone with namespace flags", ["clone"]),
		{
			names: ["clone3"],
			action: errno(ENOSYS),
			origin: "default profile: clone3 falls back to clone"
		},
		deny("default profile: kernel modules and kexec", [
			"init_module",
			"finit_module",
			"delete_module",
			"kexec_load",
			"kexec_file_load"
		]),
		deny("default profile: machine state", [
			"reboot",
			"swapon",
			"swapoff",
			"settimeofday",
			"clock_settime",
			"clock_adjtime",
			"adjtimex",
			"acct",
			"syslog",
			"quotactl",
			"quotactl_fd"
		]),
		deny("default profile: kernel attack surface", [
			"bpf",
			"perf_event_open",
			"userfaultfd",
			"io_uring_setup",
			"io_uring_enter",
			"io_uring_register",
			"keyctl",
			"add_key",
			"request_key",
			"lookup_dcookie"
		]),
		deny("default profile: other processes", [
			"ptrace",
			"process_vm_readv",
			"process_vm_writev",
			"pidfd_getfd"
		]),
		deny("default profile: files by handle", [
			"open_by_handle_at",
			"name_to_handle_at",
			"fanotify_init"
		]),
		{
			names: ["ioctl"],
			action: errno(EPERM$1),
			args: [{
				index: 1,
				op: SCMP_CMP.SCMP_CMP_MASKED_EQ,
				value: 4294967295n,
				valueTwo: BigInt(TIOCSTI)
			}],
			origin: "default profile: terminal input injection (TIOCSTI)"
		},
		{
			names: ["ioctl"],
			action: errno(EPERM$1),
			args: [{
				index: 1,
				op: SCMP_CMP.SCMP_CMP_MASKED_EQ,
				value: 4294967295n,
				valueTwo: BigInt(TIOCLINUX)
			}],
			origin: "default profile: terminal input injection (TIOCLINUX)"
		},
		deny("default profile: I/O ports", ["iopl", "ioperm"])
	],
	source: "default profile"
};
// dist/sys/seccomp/errors.js
/**
* A seccomp profile or a `seccomp:` value the user wrote is wrong. The
* message names the file, the line and column, and the JSON path of the
* offending value, and, when the profile was named by a topology, where.
*/
var SeccompProfileError = class extends Error {
	name = "SeccompProfileError";
	file;
	line;
	column;
	jsonPath;
	/** Where the profile was asked for (the topology's file:line), if known. */
	origin;
	constructor(what, where = {}, options) {
		const parts = [[
			where.file,
			where.line,
			where.column
		].filter((p) => p !== void 0).join(":"), where.jsonPath].filter((p) => p);
		const message = `${parts.length ? `${parts.join(": ")}: ` : ""}${what}${where.origin ? ` (seccomp profile named at ${where.origin})` : ""}`;
		super(message, options);
		this.file = where.file;
		this.line = where.line;
		this.column = where.column;
		this.jsonPath = where.jsonPath;
		this.origin = where.origin;
	}
};
// dist/sys/seccomp/json.js
/**
* A small strict JSON (RFC 8259) parser that keeps where each value starts,
* so a profile's mistakes can be reported as file:line:column with a JSON
* path, and keeps numbers' text, so 64-bit argument values stay exact.
*/
var JsonSyntaxError = class extends Error {
	line;
	column;
	name = "JsonSyntaxError";
	constructor(message, line, column) {
		super(message);
		this.line = line;
		this.column = column;
	}
};
/** Nesting deeper than this is refused rather than overflowing the stack. */
const MAX_DEPTH = 256;
function parseJson(text) {
	let i = text.charCodeAt(0) === 65279 ? 1 : 0;
	let line = 1;
	let lineStart = 0;
	const pos = () => ({
		line,
		column: i - lineStart + 1
	});
	const fail = (what, at = pos()) => {
		throw new JsonSyntaxError(what, at.line, at.column);
	};
	const describeHere = () => i >= text.length ? "the end of the file" : `"${text[i]}"`;
	const skipSpace = () => {
		for (; i < text.length; i++) {
			const c = text[i];
			if (c === "\n") {
				line++;
				lineStart = i + 1;
			} else if (c !== " " && c !== "	" && c !== "\r") break;
		}
	};
	const parseString = () => {
		const start = pos();
		i++;
		let out = "";
		for (;;) {
			if (i >= text.length) fail("unterminated string", start);
			const c = text[i];
			if (c === "\"") {
				i++;
				return out;
			}
			if (c === "\n" || c.charCodeAt(0) < 32) fail("control character in a string (escape it)");
			if (c !== "\\") {
				out += c;
				i++;
				continue;
			}
			const e = text[i + 1];
			const simple = {
				"\"": "\"",
				"\\": "\\",
				"/": "/",
				b: "\b",
				f: "\f",
				n: "\n",
				r: "\r",
				t: "	"
			};
			if (e !== void 0 && e in simple) {
				out += simple[e];
				i += 2;
			} else if (e === "u") {
				const hex = text.slice(i + 2, i + 6);
				if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("\\u must be followed by four hex digits");
				out += String.fromCharCode(parseInt(hex, 16));
				i += 6;
			} else fail(`unknown escape "\\${e ?? ""}" in a string`);
		}
	};
	const parseValue = (depth) => {
		if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
		skipSpace();
		const at = pos();
		const c = text[i];
		if (c === "{") {
			i++;
			const entries = /* @__PURE__ */ new Map();
			skipSpace();
			if (text[i] === "}") {
				i++;
				return {
					kind: "object",
					entries,
					...at
				};
			}
			for (;;) {
				skipSpace();
				if (text[i] !== "\"") fail(`expected a property name in double quotes, found ${describeHere()}`);
				const key = parseString();
				skipSpace();
				if (text[i] !== ":") fail(`expected ":" after property "${key}", found ${describeHere()}`);
				i++;
				entries.set(key, parseValue(depth + 1));
				skipSpace();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "}") {
					i++;
					return {
						kind: "object",
						entries,
						...at
					};
				}
				fail(`expected "," or "}" after a property, found ${describeHere()}`);
			}
		}
		if (c === "[") {
			i++;
			const items = [];
			skipSpace();
			if (text[i] === "]") {
				i++;
				return {
					kind: "array",
					items,
					...at
				};
			}
			for (;;) {
				items.push(parseValue(depth + 1));
				skipSpace();
				if (text[i] === ",") {
					i++;
					continue;
				}
				if (text[i] === "]") {
					i++;
					return {
						kind: "array",
						items,
						...at
					};
				}
				fail(`expected "," or "]" in an array, found ${describeHere()}`);
			}
		}
		if (c === "\"") return {
			kind: "string",
			value: parseString(),
			...at
		};
		if (c === "-" || c !== void 0 && c >= "0" && c <= "9") {
			const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
			if (!m) fail("malformed number");
			const numText = m[0];
			i += numText.length;
			return {
				kind: "number",
				text: numText,
				...at
			};
		}
		for (const [word, node] of [
			["true", {
				kind: "boolean",
				value: true
			}],
			["false", {
				kind: "boolean",
				value: false
			}],
			["null", { kind: "null" }]
		]) if (text.startsWith(word, i)) {
			i += word.length;
			return {
				...node,
				...at
			};
		}
		return fail(`expected a value, found ${describeHere()}`);
	};
	const root = parseValue(0);
	skipSpace();
	if (i < text.length) fail(`unexpected ${describeHere()} after the end of the document`);
	return root;
}
// dist/sys/seccomp/docker.js
const ACTIONS = [
	"SCMP_ACT_KILL",
	"SCMP_ACT_KILL_THREAD",
	"SCMP_ACT_KILL_PROCESS",
	"SCMP_ACT_TRAP",
	"SCMP_ACT_ERRNO",
	"SCMP_ACT_TRACE",
	"SCMP_ACT_ALLOW",
	"SCMP_ACT_LOG",
	"SCMP_ACT_NOTIFY"
];
const OPS = Object.values(SCMP_CMP);
const FLAGS = {
	SECCOMP_FILTER_FLAG_LOG: SECCOMP_FILTER_FLAG.SECCOMP_FILTER_FLAG_LOG,
	SECCOMP_FILTER_FLAG_SPEC_ALLOW: SECCOMP_FILTER_FLAG.SECCOMP_FILTER_FLAG_SPEC_ALLOW,
	SECCOMP_FILTER_FLAG_TSYNC: void 0
};
const EPERM = 1;
/** Read and load the profile at path. */
function readDockerProfile(path, origin) {
	let text;
	try {
		text = readFileSync(path, "utf8");
	} catch (e) {
		const code = e.code;
		throw new SeccompProfileError(`cannot read the seccomp profile: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "is a directory" : String(e)}`, origin ? {
			file: path,
			origin
		} : { file: path }, { cause: e });
	}
	return parseDockerProfile(text, path, origin);
}
/** Load a profile from its text; file names it in messages. */
function parseDockerProfile(text, file, origin) {
	let root;
	try {
		root = parseJson(text);
	} catch (e) {
		if (e instanceof JsonSyntaxError) throw new SeccompProfileError(`malformed JSON: ${e.message}`, {
			file,
			line: e.line,
			column: e.column,
			...origin ? { origin } : {}
		}, { cause: e });
		throw e;
	}
	return new Loader(file, origin).profile(root);
}
var Loader = class {
	file;
	origin;
	warnings = [];
	constructor(file, origin) {
		this.file = file;
		this.origin = origin;
	}
	fail(node, path, what) {
		throw new SeccompProfileError(what, {
			file: this.file,
			line: node.line,
			column: node.column,
			jsonPath: path,
			...this.origin ? { origin: this.origin } : {}
		});
	}
	warn(node, path, what) {
		this.warnings.push(`${this.file}:${node.line}:${node.column}: ${path}: ${what}`);
	}
	object(node, path, known) {
		if (node.kind !== "object") this.fail(node, path, `expected an object, found ${kindText(node)}`);
		for (const [key, value] of node.entries) if (!known.includes(key)) this.warn(value, `${path}.${key}`, `unknown field "${key}" ignored (known: ${known.join(", ")})`);
		return node.entries;
	}
	string(node, path) {
		if (node.kind !== "string") this.fail(node, path, `expected a string, found ${kindText(node)}`);
		return node.value;
	}
	/** An array, or null/absent as empty (Go's nil slice). */
	array(node, path) {
		if (node === void 0 || node.kind === "null") return [];
		if (node.kind !== "array") this.fail(node, path, `expected an array, found ${kindText(node)}`);
		return node.items.map((n, i) => ({
			node: n,
			path: `${path}[${i}]`
		}));
	}
	strings(node, path) {
		return this.array(node, path).map((e) => this.string(e.node, e.path));
	}
	unsigned(node, path, max, what) {
		if (node.kind !== "number" || !/^(0|[1-9]\d*)$/.test(node.text)) this.fail(node, path, `${what} must be a non-negative integer, found ${node.kind === "number" ? node.text : kindText(node)}`);
		const v = BigInt(node.text);
		if (v > max) this.fail(node, path, `${what} ${v} is larger than ${max}`);
		return v;
	}
	errnoRet(node, path) {
		if (node === void 0 || node.kind === "null") return void 0;
		return Number(this.unsigned(node, path, 4095n, "an errno"));
	}
	action(node, path, errnoRet) {
		const name = this.string(node, path);
		switch (name) {
			case "SCMP_ACT_ALLOW": return { type: "allow" };
			case "SCMP_ACT_ERRNO": return {
				type: "errno",
				errno: errnoRet ?? EPERM
			};
			case "SCMP_ACT_KILL":
			case "SCMP_ACT_KILL_THREAD": return { type: "kill_thread" };
			case "SCMP_ACT_KILL_PROCESS": return { type: "kill_process" };
			case "SCMP_ACT_TRAP": return { type: "trap" };
			case "SCMP_ACT_LOG": return { type: "log" };
			case "SCMP_ACT_TRACE": return {
				type: "trace",
				data: errnoRet ?? EPERM
			};
			case "SCMP_ACT_NOTIFY": return this.fail(node, path, "SCMP_ACT_NOTIFY needs a seccomp agent (listenerPath), which nslab does not run");
			default: return this.fail(node, path, `unknown action "${name}" (expected one of ${ACTIONS.join(", ")})`);
		}
	}
	profile(root) {
		const top = this.object(root, "$", [
			"defaultAction",
			"defaultErrnoRet",
			"architectures",
			"archMap",
			"syscalls",
			"flags",
			"listenerPath",
			"listenerMetadata"
		]);
		const da = top.get("defaultAction");
		if (!da) this.fail(root, "$", "the profile has no \"defaultAction\"");
		const defaultAction = this.action(da, "$.defaultAction", this.errnoRet(top.get("defaultErrnoRet"), "$.defaultErrnoRet"));
		const listener = top.get("listenerPath");
		if (listener && !(listener.kind === "string" && listener.value === "")) this.fail(listener, "$.listenerPath", "seccomp notification agents are not supported by nslab");
		const architectures = this.architectures(top);
		let filterFlags = 0;
		for (const { node, path } of this.array(top.get("flags"), "$.flags")) {
			const name = this.string(node, path);
			if (!(name in FLAGS)) this.fail(node, path, `unknown flag "${name}" (expected one of ${Object.keys(FLAGS).join(", ")})`);
			filterFlags |= FLAGS[name] ?? 0;
		}
		const rules = [];
		for (const { node, path } of this.array(top.get("syscalls"), "$.syscalls")) rules.push(...this.rule(node, path));
		return {
			policy: {
				defaultAction,
				rules,
				source: this.file,
				...architectures.length ? { architectures } : {},
				...filterFlags ? { filterFlags } : {}
			},
			warnings: this.warnings
		};
	}
	/** OCI's "architectures" and Docker's "archMap" (main and sub-architectures). */
	architectures(top) {
		const out = /* @__PURE__ */ new Set();
		const take = (node, path) => {
			const name = this.string(node, path);
			const arch = parseArchName(name);
			if (arch) out.add(arch);
			else if (!/^SCMP_ARCH_[A-Z0-9_]+$/.test(name)) this.fail(node, path, `unknown architecture "${name}" (expected SCMP_ARCH_X86_64, SCMP_ARCH_AARCH64, …)`);
			else this.warn(node, path, `${name} is not filtered by nslab (it supports ${Object.values(ARCHES).map((a) => a.scmpName).join(", ")}); its system calls are refused by killing the process`);
		};
		for (const e of this.array(top.get("architectures"), "$.architectures")) take(e.node, e.path);
		for (const e of this.array(top.get("archMap"), "$.archMap")) {
			const entry = this.object(e.node, e.path, ["architecture", "subArchitectures"]);
			const main = entry.get("architecture");
			if (!main) this.fail(e.node, e.path, "an archMap entry needs \"architecture\"");
			const arch = parseArchName(this.string(main, `${e.path}.architecture`));
			if (arch) {
				out.add(arch);
				for (const s of this.array(entry.get("subArchitectures"), `${e.path}.subArchitectures`)) take(s.node, s.path);
			}
		}
		return [...out];
	}
	rule(node, path) {
		const r = this.object(node, path, [
			"names",
			"name",
			"action",
			"errnoRet",
			"args",
			"comment",
			"includes",
			"excludes"
		]);
		const names = this.strings(r.get("names"), `${path}.names`);
		const single = r.get("name");
		if (single) names.push(this.string(single, `${path}.name`));
		if (names.length === 0) this.fail(node, path, "a syscalls entry needs \"names\"");
		const namesNode = r.get("names");
		names.forEach((n, i) => {
			if (!isKnownSyscall(n)) {
				const at = namesNode?.kind === "array" ? namesNode.items[i] ?? node : single ?? node;
				this.fail(at, namesNode?.kind === "array" && i < namesNode.items.length ? `${path}.names[${i}]` : `${path}.name`, `unknown system call "${n}"`);
			}
		});
		const actionNode = r.get("action");
		if (!actionNode) this.fail(node, path, "a syscalls entry needs \"action\"");
		const action = this.action(actionNode, `${path}.action`, this.errnoRet(r.get("errnoRet"), `${path}.errnoRet`));
		const args = this.array(r.get("args"), `${path}.args`).map((a) => this.arg(a.node, a.path));
		const when = this.condition(r.get("includes"), r.get("excludes"), path);
		const base = {
			names,
			action,
			origin: `${this.file}:${node.line}: ${path}`,
			...when ? { when } : {}
		};
		const indexes = args.map((a) => a.index);
		if (new Set(indexes).size !== indexes.length) return args.map((a) => ({
			...base,
			args: [a]
		}));
		return [args.length ? {
			...base,
			args
		} : base];
	}
	arg(node, path) {
		const a = this.object(node, path, [
			"index",
			"value",
			"valueTwo",
			"op"
		]);
		const index = a.get("index");
		if (!index) this.fail(node, path, "an argument comparison needs \"index\"");
		const opNode = a.get("op");
		if (!opNode) this.fail(node, path, "an argument comparison needs \"op\"");
		const op = this.string(opNode, `${path}.op`);
		if (!OPS.includes(op)) this.fail(opNode, `${path}.op`, `unknown operator "${op}" (expected one of ${OPS.join(", ")})`);
		const value = a.get("value");
		const valueTwo = a.get("valueTwo");
		const max = 18446744073709551615n;
		return {
			index: Number(this.unsigned(index, `${path}.index`, 5n, "an argument index")),
			op,
			value: value ? this.unsigned(value, `${path}.value`, max, "a value") : 0n,
			...valueTwo ? { valueTwo: this.unsigned(valueTwo, `${path}.valueTwo`, max, "a value") } : {}
		};
	}
	condition(includes, excludes, path) {
		const out = {};
		if (includes && includes.kind !== "null") {
			const inc = this.object(includes, `${path}.includes`, [
				"arches",
				"caps",
				"minKernel"
			]);
			const arches = this.strings(inc.get("arches"), `${path}.includes.arches`);
			if (arches.length) out.arches = archNames(arches);
			const caps = this.strings(inc.get("caps"), `${path}.includes.caps`);
			if (caps.length) out.caps = caps;
			const mk = inc.get("minKernel");
			if (mk && mk.kind !== "null") {
				const v = this.string(mk, `${path}.includes.minKernel`);
				if (!/^\d+(\.\d+){0,2}$/.test(v)) this.fail(mk, `${path}.includes.minKernel`, `"${v}" is not a kernel version like "5.8"`);
				out.minKernel = v;
			}
		}
		if (excludes && excludes.kind !== "null") {
			const exc = this.object(excludes, `${path}.excludes`, ["arches", "caps"]);
			const arches = archNames(this.strings(exc.get("arches"), `${path}.excludes.arches`));
			if (arches.length) out.notArches = arches;
			const caps = this.strings(exc.get("caps"), `${path}.excludes.caps`);
			if (caps.length) out.notCaps = caps;
		}
		return Object.keys(out).length ? out : void 0;
	}
};
/** Docker's arch names (Go's: amd64, arm64, …) that nslab builds for; others are dropped. */
function archNames(names) {
	const out = [];
	for (const name of names) {
		const a = parseArchName(name);
		if (a && !out.includes(a)) out.push(a);
	}
	return out;
}
function kindText(n) {
	switch (n.kind) {
		case "object": return "an object";
		case "array": return "an array";
		case "string": return `the string "${n.value}"`;
		case "number": return `the number ${n.text}`;
		case "boolean": return String(n.value);
		case "null": return "null";
	}
}
// dist/sys/seccomp/setting.js
const SECCOMP_UNCONFINED = "unconfined";
const SECCOMP_DEFAULT = "default";
/**
* Read a `seccomp:` value into a setting, loading and checking the profile
* file now so a mistake is reported before anything is created. undefined
* (the field is absent) means the default profile.
*/
function parseSeccompSetting(value, ctx) {
	const where = ctx.origin ? { origin: ctx.origin } : {};
	if (value === void 0 || value === null || value === "default") return {
		mode: "default",
		policy: DEFAULT_PROFILE
	};
	if (value === "unconfined") return { mode: "unconfined" };
	if (typeof value !== "string" || value.trim() === "") throw new SeccompProfileError(`seccomp must be "${SECCOMP_DEFAULT}", "${SECCOMP_UNCONFINED}" or the path of a Docker/OCI seccomp JSON profile, not ${JSON.stringify(value)}`, where);
	const file = isAbsolute(value) ? value : resolve(ctx.baseDir, value);
	const { policy, warnings } = readDockerProfile(file, ctx.origin);
	return {
		mode: "profile",
		file,
		policy,
		warnings
	};
}
/** The filter for a setting, or null when unconfined. */
function compileSetting(setting, options = {}) {
	if (setting.mode === "unconfined") return null;
	return compilePolicy(setting.policy, options);
}
/**
* What a sandboxed node's filter must also allow: the launcher that starts
* its commands (util-linux nsenter) joins the node's user and PID namespaces
* after the filter is loaded (Node cannot join a user namespace itself).
* setns(fd, CLONE_NEWUSER | CLONE_NEWPID) reaches only namespaces the
* caller already owns or descends from, so it opens no way out; every other
* setns stays as the policy says.
*/
function withLauncherRules(policy) {
	const join = (flag, what) => ({
		names: ["setns"],
		action: ALLOW,
		args: [{
			index: 1,
			op: SCMP_CMP.SCMP_CMP_EQ,
			value: BigInt(flag)
		}],
		origin: `sandbox launcher: setns into the node's ${what} namespace`
	});
	return {
		...policy,
		rules: [
			join(CLONE_NS.CLONE_NEWUSER, "user"),
			join(CLONE_NS.CLONE_NEWPID, "PID"),
			...policy.rules
		]
	};
}
/** The setting with withLauncherRules applied to its policy (unconfined stays unconfined). */
function forSandbox(setting) {
	return setting.mode === "unconfined" ? setting : {
		...setting,
		policy: withLauncherRules(setting.policy)
	};
}
export { parseSeccompSetting as a, forSandbox as i, SECCOMP_UNCONFINED as n, withLauncherRules as o, compileSetting as r, SECCOMP_DEFAULT as t };

import { _ as libc, a as CLONE_NEWUTS, d as MS_SLAVE, f as O_CLOEXEC, g as lastErrno, h as SockFprogPtr, i as CLONE_NEWNS, l as MS_REC, n as CLONE_NEWIPC, p as O_NONBLOCK, r as CLONE_NEWNET, s as MS_BIND, t as CLONE_NEWCGROUP, v as raw, y as SyscallError } from "./libc-oAiCzK6X.js";
import { s as CAP_NAMES, t as applyCapabilities } from "./caps-BrVHB2VV.js";
import { i as BPF_MAXINSNS, u as encodeProgram } from "./bpf-CJj_0kLA.js";
import "./constants-BvGm2O4q.js";
import { c as CgroupError } from "./limits-BOQUCwkr.js";
import { n as openCgroupManager } from "./create-CMJGZ6Ew.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { n as didYouMean } from "./diagnostics-BOTw9g1k.js";
import { r as ensureUtsNamespace } from "./confine-FwEDBdkt.js";
import { a as listLabDirs, s as readRecord } from "./state-BrxKKSY6.js";
import { t as UsageError } from "./errors-DVtOiXg0.js";
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, openSync, readdirSync } from "node:fs";
import { arch } from "node:process";
// dist/sys/seccomp/install.js
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
const SECCOMP_SYSCALL = {
	x64: 317,
	arm64: 277,
	ia32: 354
};
const HINTS = {
	13: "the thread needs no_new_privs set, or CAP_SYS_ADMIN",
	22: "the kernel refused the filter program or the flags",
	12: "the thread has too many filter instructions installed"
};
/** Install program on the calling thread. flags: SECCOMP_FILTER_FLAG_* bits. */
function installFilter(program, flags = 0) {
	const bytes = program instanceof Uint8Array ? program : encodeProgram(program);
	const len = bytes.length / 8;
	if (!Number.isInteger(len) || len < 1 || len > 4096) throw new RangeError(`a seccomp filter has 1 to ${BPF_MAXINSNS} instructions of 8 bytes, got ${bytes.length} bytes`);
	const fprog = {
		len,
		filter: bytes
	};
	const nr = SECCOMP_SYSCALL[arch];
	let errno = 0;
	if (nr !== void 0) {
		if (Number(raw.syscall(nr, "unsigned int", 1, "unsigned int", flags >>> 0, SockFprogPtr, fprog)) === 0) return;
		errno = lastErrno();
	}
	if (nr === void 0 || errno === ENOSYS && flags === 0) {
		if (raw.prctlVariadic(22, "unsigned long", 2, SockFprogPtr, fprog, "unsigned long", 0, "unsigned long", 0) === 0) return;
		errno = lastErrno();
	}
	const err = new SyscallError("seccomp(SECCOMP_SET_MODE_FILTER)", errno, `of ${len} instructions`);
	const hint = HINTS[errno];
	if (hint) err.message += ` (${hint})`;
	throw err;
}
// dist/sys/exec.js
const SIGPIPE = 13;
const SIGXFSZ = 25;
var CommandNotFoundError = class extends Error {
	name = "CommandNotFoundError";
};
/** The program a command names, looked up in PATH as a shell would. */
function resolveProgram(cmd, path = process.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin") {
	if (cmd.includes("/")) return cmd;
	for (const dir of path.split(":")) {
		const candidate = `${dir || "."}/${cmd}`;
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {}
	}
	throw new CommandNotFoundError(`command not found: ${cmd} (searched ${path})`);
}
/**
* `ip netns exec`'s mount setup for this thread: a private mount namespace
* whose mounts do not propagate back, /sys remounted for the node's network
* namespace, and each file of /etc/netns/<name>/ bound over /etc/.
*/
function setUpMounts(netnsName) {
	libc.unshare(512);
	libc.unshare(CLONE_NEWNS);
	libc.mount("", "/", null, MS_SLAVE | MS_REC);
	libc.umount2("/sys", 2);
	libc.mount(netnsName, "/sys", "sysfs", 0);
	const etc = `/etc/netns/${netnsName}`;
	if (existsSync(etc)) for (const entry of readdirSync(etc)) libc.mount(`${etc}/${entry}`, `/etc/${entry}`, "none", MS_BIND);
}
/**
* Node marks fds 0–2 close-on-exec and may leave them non-blocking, and it
* ignores SIGPIPE (and SIGXFSZ) and blocks some signals; a command it execs
* must get ordinary ones.
*/
function ordinaryStdioAndSignals() {
	for (const fd of [
		0,
		1,
		2
	]) try {
		libc.fcntl(fd, 2, 0);
		libc.fcntl(fd, 4, libc.fcntl(fd, 3) & ~O_NONBLOCK);
	} catch {}
	libc.defaultSignal(SIGPIPE);
	libc.defaultSignal(SIGXFSZ);
	libc.unblockAllSignals();
}
/**
* Become a process of the node and run path: join its namespaces, set up
* mounts as `ip netns exec` does, drop to its capabilities, no_new_privs,
* load its seccomp filter (it binds this thread, the one that calls
* execve), then execve. Never returns: the command becomes this process, so
* its exit code, signals and terminal are the caller's directly. The caller
* has already moved this process into the node's cgroups.
*/
function execConfined(c, path, argv, env) {
	const netns = libc.open(c.netnsPath, 0 | O_CLOEXEC);
	libc.setns(netns, CLONE_NEWNET);
	if (c.utsPath) libc.setns(libc.open(c.utsPath, 0 | O_CLOEXEC), CLONE_NEWUTS);
	setUpMounts(c.netnsName);
	applyCapabilities(c.caps);
	libc.prctl(38, 1);
	ordinaryStdioAndSignals();
	libc.closeRangeOnExec(3);
	if (c.seccomp) installFilter(c.seccomp.program, c.seccomp.flags);
	return libc.execve(path, argv, env);
}
// dist/sys/sandbox/enter.js
var SandboxEnterError = class extends Error {
	name = "SandboxEnterError";
};
/**
* The node's init, PID 1 of its PID namespace: mounts the namespace's /proc
* over the machine's (every process of the node then sees only the node's
* processes), masks what Docker masks, then becomes uid 65534 inside with no
* capability and reaps orphans. PID 1 ignores signals it has no handler
* for, and a different uid cannot be signalled without CAP_KILL, so nothing
* inside the node can end it; down ends it with the node's cgroup.
*/
const INIT_SCRIPT = [
	"mount -t proc -o nosuid,nodev,noexec proc /proc || exit 1",
	"hostname \"$0\" || exit 1",
	"for f in kcore sysrq-trigger timer_list keys latency_stats sched_debug timer_stats kallsyms; do",
	"  [ -e /proc/$f ] && mount --bind /dev/null /proc/$f",
	"done",
	"for d in acpi scsi asound; do [ -d /proc/$d ] && mount -t tmpfs -o ro,nosuid,nodev,noexec tmpfs /proc/$d; done",
	`exec setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs -- /bin/sh -c 'while :; do sleep 86400 & wait; done'`
].join("\n");
const sleep = (ms) => {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};
/**
* In the node's mount namespace: /proc is the machine's until the node's init
* has mounted its own, and a /proc of another PID namespace has no `self` for us.
*/
function initRuns() {
	return !existsSync("/proc/self") && existsSync("/proc/1");
}
/**
* Start the node's init, from a thread already in the node's network and
* mount namespaces and cgroups:
*   nsenter --user=USERNS -- unshare --pid --uts --ipc --cgroup --fork --kill-child -- sh -c INIT HOSTNAME
* and wait (bounded) until its /proc is mounted.
*/
function startInit(usernsFd, hostname) {
	spawn("nsenter", [
		"--user=/proc/self/fd/3",
		"--",
		"unshare",
		"--pid",
		"--uts",
		"--ipc",
		"--cgroup",
		"--fork",
		"--kill-child",
		"--",
		"/bin/sh",
		"-c",
		INIT_SCRIPT,
		hostname
	], {
		detached: true,
		stdio: [
			"ignore",
			"ignore",
			"ignore",
			usernsFd
		]
	}).unref();
	for (let i = 0; i < 1e3 && !initRuns(); i++) sleep(2);
	if (!initRuns()) throw new SandboxEnterError("the node's init did not start within 2 s (util-linux nsenter, unshare and mount are needed)");
}
/** `setpriv --bounding-set` text for a capability set: `-all,+net_admin,…`. */
function boundingSetArg(caps) {
	return ["-all", ...CAP_NAMES.filter((c) => caps.has(c)).map((c) => `+${c.slice(4).toLowerCase()}`)].join(",");
}
/**
* Become a process of a sandboxed node and run path. In this thread: join
* the node's network and mount namespaces, start its init if nothing runs
* there yet, join the UTS, IPC and cgroup namespaces the init made; no_new_privs; the
* seccomp filter. Then, since Node cannot join a user namespace, execve
* the launcher:
*   nsenter --user=/proc/1/ns/user --pid=/proc/1/ns/pid --
*     setpriv --bounding-set=-all,+CAPS --inh-caps=-all -- PATH ARGS
* nsenter becomes uid 0 inside (an unprivileged uid outside), forks into the
* node's PID namespace and passes on the exit code; setpriv narrows the
* capabilities, which joining a user namespace resets to all.
* The caller has already moved this process into the node's cgroups.
*/
function execSandboxed(c, path, argv, env) {
	const [net, mnt, userns] = [
		c.netns,
		c.mnt,
		c.userns
	].map((p) => libc.open(p, 0 | O_CLOEXEC));
	libc.unshare(512);
	libc.setns(net, CLONE_NEWNET);
	libc.setns(mnt, CLONE_NEWNS);
	if (!initRuns()) {
		if (!existsSync("/proc/self")) libc.umount2("/proc", 2);
		startInit(userns, c.hostname);
	}
	libc.setns(libc.open("/proc/1/ns/uts", 0 | O_CLOEXEC), CLONE_NEWUTS);
	libc.setns(libc.open("/proc/1/ns/ipc", 0 | O_CLOEXEC), CLONE_NEWIPC);
	libc.setns(libc.open("/proc/1/ns/cgroup", 0 | O_CLOEXEC), CLONE_NEWCGROUP);
	libc.prctl(38, 1);
	ordinaryStdioAndSignals();
	const launcher = [
		"nsenter",
		"--user=/proc/1/ns/user",
		"--pid=/proc/1/ns/pid",
		"--",
		resolveProgram("setpriv"),
		`--bounding-set=${boundingSetArg(c.caps)}`,
		"--inh-caps=-all",
		"--",
		path,
		...argv.slice(1)
	];
	libc.closeRangeOnExec(3);
	const nsenter = resolveProgram("nsenter");
	if (c.seccomp) installFilter(c.seccomp.program, c.seccomp.flags);
	return libc.execve(nsenter, launcher, env);
}
// dist/lab/exec.js
var ExecError = class extends Error {
	name = "ExecError";
};
/** The shell `nslab exec LAB NODE` opens. */
function interactiveShell() {
	return [process.env.SHELL && existsSync(process.env.SHELL) ? process.env.SHELL : existsSync("/bin/bash") ? "/bin/bash" : "/bin/sh"];
}
/**
* Run a command in a node, as the node: its cgroups, network and UTS
* namespaces, a private mount namespace set up as `ip netns exec` does, its
* capabilities, no_new_privs and seccomp filter. The command replaces this
* process; this function returns only by throwing.
*/
function execInNode(lab, node, command, opts = {}) {
	const rec = readRecord(lab);
	if (!rec) throw new ExecError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
	if (rec.status !== "up" && !opts.starting) throw new ExecError(`lab '${lab}' is still being deployed; try again when 'nslab up' has finished`);
	const n = rec.plan.namespaces.find((x) => x.node === node);
	if (!n) throw new ExecError(`lab '${lab}' has no node '${node}'${didYouMean(node, rec.plan.namespaces.map((x) => x.node))} (its nodes: ${rec.plan.namespaces.map((x) => x.node).join(", ")})`);
	const facts = rec.facts?.confine;
	if (!facts) throw new ExecError(`lab '${lab}' was made without node confinement (by an older nslab?); bring it down and up again`);
	const cgroups = openCgroupManager(facts.cgroups);
	try {
		cgroups.addNode(node, n.confine.limits);
	} catch (err) {
		if (!(err instanceof CgroupError && err.code === "EEXIST")) throw err;
	}
	cgroups.addPid(node, process.pid);
	const argv = command.length > 0 ? [...command] : interactiveShell();
	const path = n.confine.isolation === "sandbox" ? argv[0] : resolveProgram(argv[0]);
	const env = {
		...process.env,
		...n.env,
		...opts.env,
		NSLAB_LAB: lab,
		NSLAB_NODE: node,
		debian_chroot: `${lab}/${node}`,
		PS1: `[${lab}/${node}] \\w \\$ `
	};
	const programId = facts.seccomp[node];
	const program = programId ? facts.programs[programId] : void 0;
	const seccomp = program ? { seccomp: {
		program: new Uint8Array(Buffer.from(program.program, "base64")),
		flags: program.flags
	} } : {};
	const envList = Object.entries(env).flatMap(([k, v]) => v === void 0 ? [] : [`${k}=${v}`]);
	const sandbox = rec.facts?.sandbox;
	const inSandbox = n.confine.isolation === "sandbox" ? sandbox?.nodes[node] : void 0;
	if (n.confine.isolation === "sandbox" && !inSandbox) throw new ExecError(`node '${node}' of lab '${lab}' has no sandbox record; bring the lab down and up again`);
	if (inSandbox && sandbox) {
		const lock = openSync(inSandbox.dir, "r");
		libc.flock(lock, 2);
		return execSandboxed({
			netns: netnsPath(n.name),
			mnt: inSandbox.mnt,
			hostname: n.hostname,
			userns: sandbox.userns,
			caps: new Set(facts.caps[node] ?? []),
			...seccomp
		}, path, argv, envList);
	}
	return execConfined({
		netnsPath: netnsPath(n.name),
		netnsName: n.name,
		utsPath: ensureUtsNamespace(lab, node, n.hostname, opts.starting ? { starting: true } : {}),
		caps: new Set(facts.caps[node] ?? []),
		...seccomp
	}, path, argv, envList);
}
// dist/cli/exec.js
/**
* `nslab exec [LAB] NODE [-- CMD ARGS…]`. Everything after `--` is the
* command, untouched by option parsing; read from argv directly.
*/
function registerExec(program) {
	program.command("exec").description("run a command in a node (a shell when none is given), confined as the node is").argument("[lab]", "lab name (optional when one lab is up)").argument("[node]", "node name").option("--starting", "allow a lab still being brought up (used by up for exec: commands)").allowExcessArguments(true).usage("[LAB] NODE [-- CMD ARGS…]").action(function(_a, _b, opts) {
		const argv = process.argv;
		const dash = argv.indexOf("--");
		const command = dash < 0 ? [] : argv.slice(dash + 1);
		const names = this.args.slice(0, this.args.length - command.length);
		if (names.length === 0 || names.length > 2) throw new UsageError("usage: nslab exec [LAB] NODE [-- CMD ARGS…]");
		let lab;
		const node = names[names.length - 1];
		if (names.length === 1) {
			const labs = listLabDirs();
			if (labs.length !== 1) throw new UsageError(labs.length === 0 ? "no lab is up" : `several labs are up (${labs.join(", ")}); say which: nslab exec LAB ${node}`);
			lab = labs[0];
		} else lab = names[0];
		execInNode(lab, node, command, opts.starting ? { starting: true } : {});
	});
}
export { registerExec };

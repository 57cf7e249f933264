import { _ as libc, c as MS_PRIVATE, f as O_CLOEXEC, i as CLONE_NEWNS, o as MOUNT_ATTR_IDMAP, s as MS_BIND, y as SyscallError } from "./libc-oAiCzK6X.js";
import { d as removeNamespaceFiles, i as netnsPath, l as pinNamespace, r as ensureNetnsRunDir, s as detachMount } from "./netns-EP-ZBEUQ.js";
import { a as listLabDirs, r as labDir, s as readRecord } from "./state-BrxKKSY6.js";
import { n as hostsFile } from "./plan-DNPPhVqz.js";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { chmodSync, chownSync, copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
// dist/lab/sandbox-files.js
var SandboxError = class extends Error {
	name = "SandboxError";
};
function sandboxNsDir(lab) {
	return `${labDir(lab)}/ns`;
}
function sandboxNodesDir(lab) {
	return `${labDir(lab)}/nodes`;
}
/** The writable directories a sandboxed node gets: its path inside → the directory name in its node dir. */
const NODE_DIRS = {
	"/tmp": "tmp",
	"/var/tmp": "var-tmp",
	"/var/log": "var-log",
	"/var/lib": "var-lib",
	"/run": "run"
};
function writeSharedFiles(lab, hosts) {
	const dir = sandboxNodesDir(lab);
	writeFileSync(`${dir}/hosts`, hosts, { mode: 420 });
	const resolv = "/etc/resolv.conf";
	if (!existsSync(resolv) || lstatSync(resolv).isSymbolicLink()) return { hosts: `${dir}/hosts` };
	writeFileSync(`${dir}/resolv.conf`, readFileSync(resolv, "utf8"), { mode: 420 });
	return {
		hosts: `${dir}/hosts`,
		resolvConf: `${dir}/resolv.conf`
	};
}
/** The node's own files: writable directories and /etc files, owned by its root. */
function prepareNodeFiles(lab, n, ids, shared) {
	const dir = `${sandboxNodesDir(lab)}/${n.node}`;
	const uid = ids.uid;
	const gid = ids.gid;
	mkdirSync(dir, { mode: 493 });
	const dirs = {};
	for (const [inside, name] of Object.entries(NODE_DIRS)) {
		const path = `${dir}/${name}`;
		mkdirSync(path);
		chmodSync(path, inside === "/tmp" || inside === "/var/tmp" ? 1023 : 493);
		chownSync(path, uid, gid);
		dirs[inside] = path;
	}
	mkdirSync(`${dir}/run/lock`);
	chmodSync(`${dir}/run/lock`, 1023);
	chownSync(`${dir}/run/lock`, uid, gid);
	mkdirSync(`${dir}/etc`, { mode: 493 });
	const files = {};
	const put = (name, text) => {
		writeFileSync(`${dir}/etc/${name}`, text, { mode: 420 });
		files[`/etc/${name}`] = `${dir}/etc/${name}`;
	};
	put("hostname", `${n.hostname}\n`);
	files["/etc/hosts"] = shared.hosts;
	if (n.resolvConf !== void 0) put("resolv.conf", n.resolvConf);
	else if (shared.resolvConf !== void 0) files["/etc/resolv.conf"] = shared.resolvConf;
	if (n.frr) dirs["/etc/frr"] = frrEtc(dir, n, ids);
	const binds = n.confine.binds.map((b) => {
		const own = Object.entries(dirs).find(([inside]) => b.dst === inside || b.dst.startsWith(`${inside}/`));
		const isDir = statSync(b.src).isDirectory();
		if (own) {
			const at = `${own[1]}${b.dst.slice(own[0].length)}`;
			if (isDir) mkdirSync(at, { recursive: true });
			else {
				mkdirSync(dirname(at), { recursive: true });
				if (!existsSync(at)) writeFileSync(at, "");
			}
		} else if (!existsSync(b.dst)) throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: the machine has no ${b.dst} and its file system is read-only in the node; bind to a path that exists, or under ${Object.keys(NODE_DIRS).join(", ")} [${b.origin}]`);
		else if (statSync(b.dst).isDirectory() !== isDir) throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: one is a directory and the other is not [${b.origin}]`);
		return {
			src: b.src,
			dst: b.dst,
			ro: b.ro
		};
	});
	return {
		req: {
			node: n.node,
			dirs,
			files
		},
		dir,
		binds
	};
}
/** The uid and gid Debian's frr package made (the same numbers inside a node). */
function frrIds() {
	const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith("frr:"));
	const [, , uid, gid] = line?.split(":") ?? [];
	if (!line || !existsSync("/usr/lib/frr/frrinit.sh")) throw new SandboxError("FRR nodes need the machine's FRR: apt-get install frr");
	return {
		uid: Number(uid),
		gid: Number(gid)
	};
}
/**
* An FRR node's /etc/frr, in its node dir, owned by the node's frr user:
* frr.conf (the startup-config), a daemons file enabling what it configures
* (zebra and staticd always run), an empty vtysh.conf. The machine's own
* /etc/frr (0750 frr) is not readable inside, so this is made even when
* binds supply the files; they are mounted on top.
*/
function frrEtc(dir, n, ids) {
	const frr = frrIds();
	const etc = `${dir}/etc-frr`;
	mkdirSync(etc, { mode: 509 });
	const files = {
		"frr.conf": n.frr?.config !== void 0 ? readFileSync(n.frr.config, "utf8") : "",
		daemons: [
			`# made by nslab for node ${n.node}; read by /usr/lib/frr/frrinit.sh`,
			...(n.frr?.daemons ?? []).map((d) => `${d}=yes`),
			"vtysh_enable=yes",
			"zebra_options=\"  -A 127.0.0.1 -s 90000000\"",
			...(n.frr?.daemons ?? []).map((d) => `${d}_options="  -A 127.0.0.1"`),
			"staticd_options=\"-A 127.0.0.1\"",
			""
		].join("\n"),
		"vtysh.conf": ""
	};
	for (const [name, text] of Object.entries(files)) {
		writeFileSync(`${etc}/${name}`, text, { mode: 416 });
		chownSync(`${etc}/${name}`, ids.uid + frr.uid, ids.gid + frr.gid);
	}
	chownSync(etc, ids.uid + frr.uid, ids.gid + frr.gid);
	return etc;
}
// dist/lab/sandbox-launch.js
/**
* The builder runs as its own Node program, so it must be built JavaScript:
* beside this file in dist/, or dist/'s copy when this module is loaded from
* src/ (the tests import the TypeScript directly).
*/
function builderPath() {
	const beside = fileURLToPath(new URL("../sys/sandbox/builder.js", import.meta.url));
	return existsSync(beside) ? beside : beside.replace(/\/src\/sys\/sandbox\/builder\.js$/, "/dist/sys/sandbox/builder.js");
}
/** Can any user read file (o+x on every directory above it, o+r on it)? */
function readableByAll(file) {
	for (let d = dirname(file); d !== dirname(d); d = dirname(d)) if ((statSync(d).mode & 1) === 0) return false;
	return (statSync(file).mode & 4) !== 0;
}
/**
* The builder runs as the lab's root, an unprivileged uid on the machine, so
* Node must read it and what it imports as any user could. From a checkout
* in a 0700 directory (/root/nslab, mktemp -d) it cannot: then the builder,
* its imports and koffi are copied into the lab's state directory (about
* 4 MB, removed with it) and run from there.
*/
function runnableBuilder(lab) {
	const builder = builderPath();
	if (readableByAll(builder)) return builder;
	const dist = builder.replace(/\/sys\/sandbox\/builder\.js$/, "");
	const root = `${labDir(lab)}/builder`;
	const files = /* @__PURE__ */ new Set();
	const walk = (file) => {
		if (files.has(file)) return;
		files.add(file);
		for (const m of readFileSync(file, "utf8").matchAll(/from '(\.[^']+)'/g)) walk(resolve(dirname(file), m[1]));
	};
	walk(builder);
	for (const f of files) {
		const to = `${root}/dist${f.slice(dist.length)}`;
		mkdirSync(dirname(to), {
			recursive: true,
			mode: 493
		});
		copyFileSync(f, to);
	}
	const modules = resolve(dirname(createRequire(import.meta.url).resolve("koffi")), "..");
	const koromix = `${modules}/@koromix`;
	const copy = (from, to) => cpSync(from, to, { recursive: true });
	copy(`${modules}/koffi`, `${root}/node_modules/koffi`);
	if (existsSync(koromix)) {
		for (const d of readdirSync(koromix)) if (d.startsWith(`koffi-${process.platform}-${process.arch}`)) copy(`${koromix}/${d}`, `${root}/node_modules/@koromix/${d}`);
	}
	chmodTree(root);
	return `${root}/dist/sys/sandbox/builder.js`;
}
/** o+rX on everything below root (cpSync keeps the checkout's modes). */
function chmodTree(root) {
	const st = statSync(root);
	chmodSync(root, st.isDirectory() ? 493 : (st.mode & 73) !== 0 ? 493 : 420);
	if (st.isDirectory()) for (const e of readdirSync(root)) chmodTree(`${root}/${e}`);
}
/** A user namespace with the maps `write` gives its holder, pinned at path (`unshare --user cat`, maps, bind mount). */
async function pinnedUserns(path, write) {
	const holder = spawn("unshare", [
		"--user",
		"--",
		"cat"
	], { stdio: [
		"pipe",
		"ignore",
		"pipe"
	] });
	try {
		await started(holder, "util-linux unshare");
		const pid = holder.pid;
		await untilOwnUserns(pid);
		write(pid);
		pinNamespace(`/proc/${pid}/ns/user`, path);
	} finally {
		holder.stdin?.end();
	}
}
function started(child, what) {
	return new Promise((resolve, reject) => {
		child.once("spawn", resolve);
		child.once("error", (err) => reject(new SandboxError(`cannot start ${what}: ${err.message}`)));
	});
}
/** Wait (bounded) until pid's user namespace is no longer ours: unshare has made it. */
async function untilOwnUserns(pid) {
	const own = statSync("/proc/self/ns/user", { bigint: true }).ino;
	for (let i = 0; i < 2e3; i++) {
		if (statSync(`/proc/${pid}/ns/user`, { bigint: true }).ino !== own) return;
		await new Promise((r) => setTimeout(r, 1));
	}
	throw new SandboxError(`unshare --user (pid ${pid}) made no user namespace within 2 s`);
}
// dist/sys/sandbox/idmapped.js
let ownFs = false;
/**
* A `binds:` entry shown in a node through an idmapped mount (nosuid,
* nodev), so ownership works both ways for the node's users: a file the
* machine's uid N (1–65535) owns is uid N inside (frr's are frr's), and what
* they write lands on the machine under the same ids. The machine's root is
* nobody inside, and the node's root writes as the lab's base id (see
* bindIdMapLines).
*
*   mount --bind -o X-mount.idmap=… (util-linux ≥ 2.39 says it so):
*   open_tree(SRC, OPEN_TREE_CLONE); mount_setattr(MOUNT_ATTR_IDMAP, lab userns);
*   setns(node mnt); move_mount(→ DST); setns(back)
*
* Only root in the machine's user namespace may idmap a mount, so nslab
* does it itself, from this thread, after the builder has made the tree.
*/
function idmappedBind(src, dst, opts) {
	if (!ownFs) {
		libc.unshare(512);
		ownFs = true;
	}
	const cwd = process.cwd();
	const tree = libc.openTreeClone(src);
	const userns = libc.open(opts.userns, 0 | O_CLOEXEC);
	const home = libc.open("/proc/thread-self/ns/mnt", 0 | O_CLOEXEC);
	const target = libc.open(opts.mntNs, 0 | O_CLOEXEC);
	try {
		libc.mountSetattrFd(tree, MOUNT_ATTR_IDMAP | 6 | (opts.ro ? 1 : 0), 0, userns);
		libc.setns(target, CLONE_NEWNS);
		try {
			libc.moveMount(tree, dst);
		} finally {
			libc.setns(home, CLONE_NEWNS);
			libc.chdir(cwd);
		}
	} finally {
		for (const fd of [
			tree,
			userns,
			home,
			target
		]) libc.close(fd);
	}
}
// dist/sys/sandbox/idmap.js
/** Ids inside a node: 0–65535, as a container's. */
const ID_COUNT = 65536;
/**
* Where nslab takes ranges from when /etc/subuid and /etc/subgid give root
* none: 0x70000000 upwards, 4096 labs' worth, far above the ids
* distributions hand out (useradd stops at 60000; systemd's dynamic and
* container ranges end below 0x70000000).
*/
const DEFAULT_ID_BASE = 1879048192;
const DEFAULT_ID_SLOTS = 4096;
/** root's first range of at least ID_COUNT ids in /etc/subuid or /etc/subgid, if any. */
function subordinateRange(file, user = "root") {
	let text;
	try {
		text = readFileSync(file, "utf8");
	} catch {
		return;
	}
	for (const line of text.split("\n")) {
		const [name, start, count] = line.trim().split(":");
		if ((name === user || name === "0") && Number(count) >= 65536 && Number.isSafeInteger(Number(start))) return {
			start: Number(start),
			count: Number(count)
		};
	}
}
function overlaps(a, b) {
	return a.uid < b.uid + b.count && b.uid < a.uid + a.count || a.gid < b.gid + b.count && b.gid < a.gid + a.count;
}
/**
* A range no other lab holds: root's subordinate ranges when it has them
* (one lab per ID_COUNT ids), else nslab's own, slot by slot.
*/
function allocateIdRange(inUse, files = {
	subuid: "/etc/subuid",
	subgid: "/etc/subgid"
}) {
	const su = subordinateRange(files.subuid);
	const sg = subordinateRange(files.subgid);
	const slots = su && sg ? Math.floor(Math.min(su.count, sg.count) / ID_COUNT) : DEFAULT_ID_SLOTS;
	for (let k = 0; k < slots; k++) {
		const r = su && sg ? {
			uid: su.start + k * ID_COUNT,
			gid: sg.start + k * ID_COUNT,
			count: ID_COUNT
		} : {
			uid: DEFAULT_ID_BASE + k * ID_COUNT,
			gid: DEFAULT_ID_BASE + k * ID_COUNT,
			count: ID_COUNT
		};
		if (!inUse.some((u) => overlaps(u, r))) return r;
	}
	throw new RangeError(`every id range for lab user namespaces is in use (${slots} labs); bring a lab down first`);
}
/** `newuidmap PID 0 UID COUNT; newgidmap PID 0 GID COUNT`, as root may do it: write the maps directly. */
function writeIdMaps(pid, r) {
	writeFileSync(`/proc/${pid}/uid_map`, `0 ${r.uid} ${r.count}\n`);
	writeFileSync(`/proc/${pid}/gid_map`, `0 ${r.gid} ${r.count}\n`);
}
/**
* The idmapping of a node's `binds:` (an idmapped mount reads each on-disk
* id as an id inside this map): the machine's ids 1–65535 are the node's
* 1–65535 (frr is frr on both sides), the node's root is the lab's base id
* on disk, and the machine's root is nobody inside. So a node can neither
* write as the machine's root through a bind nor leave a file there that
* the machine's root owns (a setuid-root binary).
*/
function bindIdMapLines(base, count) {
	return `${base} ${base} 1\n1 ${base + 1} ${count - 1}\n`;
}
function writeBindIdMaps(pid, r) {
	writeFileSync(`/proc/${pid}/uid_map`, bindIdMapLines(r.uid, r.count));
	writeFileSync(`/proc/${pid}/gid_map`, bindIdMapLines(r.gid, r.count));
}
// dist/lab/sandbox.js
/** Ranges other labs of this machine hold, from their records. */
function rangesInUse(lab) {
	const out = [];
	for (const other of listLabDirs()) {
		if (other === lab) continue;
		const ids = readRecord(other)?.facts?.sandbox?.ids;
		if (ids) out.push({
			lab: other,
			ids
		});
	}
	return out;
}
/**
* A lab's sandbox while `up` builds it: the lab's user namespace (pinned)
* and, node by node, the network and mount namespaces the builder makes
* inside it, pinned under
* /run/nslab/LAB/ns (a private mount, as mount-namespace files need).
*/
var Sandbox = class Sandbox {
	plan;
	child;
	ids;
	userns;
	stderr;
	lines;
	answers = [];
	waiting;
	exited = false;
	shared;
	nodes = {};
	constructor(plan, child, ids, userns, stderr) {
		this.plan = plan;
		this.child = child;
		this.ids = ids;
		this.userns = userns;
		this.stderr = stderr;
		this.lines = createInterface({ input: child.stdout });
		this.lines.on("line", (line) => {
			const a = JSON.parse(line);
			if (this.waiting) {
				const w = this.waiting;
				this.waiting = void 0;
				w(a);
			} else this.answers.push(a);
		});
		child.on("exit", () => {
			this.exited = true;
			this.waiting?.(void 0);
		});
	}
	/** Journal, then make the lab's user namespace and start the builder in it. */
	static async open(plan, journal) {
		const builder = runnableBuilder(plan.lab);
		const inUse = rangesInUse(plan.lab);
		const ids = plan.userns ? {
			uid: plan.userns.uid,
			gid: plan.userns.gid,
			count: ID_COUNT
		} : allocateIdRange(inUse.map((r) => r.ids));
		const taken = inUse.find((r) => overlaps(r.ids, ids));
		if (taken) throw new SandboxError(`userns ${ids.uid}/${ids.gid} (+${ID_COUNT}) overlaps lab '${taken.lab}', which maps uid ${taken.ids.uid} and gid ${taken.ids.gid} (+${taken.ids.count}); choose another range or bring that lab down [${plan.userns?.origin ?? plan.source}]`);
		const nsDir = sandboxNsDir(plan.lab);
		const nodesDir = sandboxNodesDir(plan.lab);
		journal.intend([{
			op: "sandbox",
			nsDir,
			nodesDir,
			ids
		}]);
		mkdirSync(nsDir, {
			recursive: true,
			mode: 448
		});
		mkdirSync(nodesDir, {
			recursive: true,
			mode: 493
		});
		libc.mountWithData(`nslab-${plan.lab}`, nodesDir, "tmpfs", 6, "mode=755");
		libc.mount(nsDir, nsDir, "none", MS_BIND);
		libc.mount(null, nsDir, null, MS_PRIVATE);
		ensureNetnsRunDir();
		const userns = `${nsDir}/user`;
		await pinnedUserns(userns, (pid) => writeIdMaps(pid, ids));
		if (plan.namespaces.some((n) => n.confine.binds.length > 0)) await pinnedUserns(`${nsDir}/bind-user`, (pid) => writeBindIdMaps(pid, ids));
		const child = spawn("nsenter", [
			`--user=${userns}`,
			"--",
			process.execPath,
			builder
		], { stdio: [
			"pipe",
			"pipe",
			"pipe"
		] });
		const stderr = [];
		child.stderr.setEncoding("utf8").on("data", (d) => stderr.push(d));
		await started(child, "util-linux nsenter");
		return new Sandbox(plan, child, ids, userns, stderr);
	}
	next() {
		const a = this.answers.shift();
		if (a || this.exited) return Promise.resolve(a);
		return new Promise((resolve) => {
			this.waiting = resolve;
		});
	}
	prepareNode(n) {
		this.shared ??= writeSharedFiles(this.plan.lab, hostsFile(this.plan));
		return prepareNodeFiles(this.plan.lab, n, this.ids, this.shared);
	}
	/**
	* Make the nodes: the builder unshares each one's namespaces and builds its
	* mount tree while nslab pins the previous ones: the network namespace at
	* /run/netns/NAME (so `ip netns` sees it), the mount namespace under the
	* lab's ns directory. At most WINDOW nodes are in flight, so the builder
	* holds a bounded number of fds. `each` gets every node as it is pinned.
	*/
	async createMany(list, each) {
		const WINDOW = 32;
		const prepared = list.map((n) => this.prepareNode(n));
		let sent = 0;
		const send = () => {
			const p = prepared[sent++];
			if (p) this.child.stdin.write(`${JSON.stringify(p.req)}\n`);
		};
		while (sent < Math.min(WINDOW, prepared.length)) send();
		const pid = this.child.pid;
		const nsDir = sandboxNsDir(this.plan.lab);
		for (const [k, n] of list.entries()) {
			const a = await this.next();
			if (!a) throw new SandboxError(`the sandbox builder ended while making node ${n.node}: ${this.stderr.join("").trim() || "no message"}`);
			if (!a.ok) throw new SandboxError(`node ${n.node}: cannot build its sandbox: ${a.error} [${n.origin}]`);
			if (a.node !== n.node) throw new SandboxError(`the sandbox builder answered for node ${a.node} while nslab waited for ${n.node}`);
			const p = prepared[k];
			const node = {
				mnt: `${nsDir}/${n.node}.mnt`,
				dir: p.dir
			};
			const path = netnsPath(n.name);
			try {
				pinNamespace(`/proc/${pid}/fd/${a.net}`, path);
			} catch (err) {
				if (err instanceof SyscallError && err.errnoName === "EEXIST") throw new SandboxError(`the network namespace ${n.name} exists already and nslab did not make it for this lab; remove it (ip netns del ${n.name}) or rename the node [${n.origin}]`, { cause: err });
				throw err;
			}
			pinNamespace(`/proc/${pid}/fd/${a.mnt}`, node.mnt);
			this.child.stdin.write(`${JSON.stringify({ release: [a.net, a.mnt] })}\n`);
			send();
			this.nodes[n.node] = node;
			for (const b of p.binds) try {
				idmappedBind(b.src, b.dst, {
					mntNs: node.mnt,
					userns: `${nsDir}/bind-user`,
					ro: b.ro
				});
			} catch (err) {
				throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: ${err.message} [${n.origin}]`, { cause: err });
			}
			each(n, {
				name: n.name,
				path,
				fd: libc.open(path, 0 | O_CLOEXEC)
			});
		}
	}
	facts() {
		return {
			userns: this.userns,
			ids: this.ids,
			nodes: this.nodes
		};
	}
	/** Let the builder go: stdin closed, it exits; the namespaces stay pinned. */
	async close() {
		if (!this.exited) {
			const done = new Promise((resolve) => this.child.once("exit", () => resolve()));
			this.child.stdin.end();
			const timer = setTimeout(() => this.child.kill("SIGKILL"), 5e3);
			await done;
			clearTimeout(timer);
		}
		this.lines.close();
	}
};
/**
* Undo a lab's sandbox: unpin every namespace file under its ns directory,
* detach the directory's own mount, remove the nodes' files. The processes
* went before, with the lab's cgroups; runs twice without harm.
*/
async function removeSandbox(entry) {
	let existed = false;
	if (existsSync(entry.nsDir)) {
		existed = true;
		if (!detachMount(entry.nsDir)) await removeNamespaceFiles(readdirSync(entry.nsDir).map((f) => `${entry.nsDir}/${f}`));
		rmSync(entry.nsDir, {
			recursive: true,
			force: true
		});
	}
	if (existsSync(entry.nodesDir)) {
		existed = true;
		detachMount(entry.nodesDir);
		rmSync(entry.nodesDir, {
			recursive: true,
			force: true
		});
	}
	return existed;
}
/**
* The sandbox as a step of `up`: it is made with the namespaces (apply.ts
* opens it first, since sandboxed namespaces are born in the lab's user
* namespace), so apply has nothing left to do here; down undoes it last.
*/
const sandboxStep = {
	name: "sandbox",
	ops: ["sandbox"],
	apply() {},
	undo(entry) {
		return removeSandbox(entry);
	}
};
export { removeSandbox as n, sandboxStep as r, Sandbox as t };

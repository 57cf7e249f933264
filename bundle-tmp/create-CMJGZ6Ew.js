import { c as CgroupError, i as parseCpuList, l as LimitError, n as formatCpuList, t as controllersFor, u as errnoCode } from "./limits-BOQUCwkr.js";
import { dirname, join, posix } from "node:path";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmdirSync, writeSync } from "node:fs";
import { setTimeout } from "node:timers/promises";
// dist/sys/cgroup/detect.js
/** The v1 controllers the kernel can mount; anything else in the super options is an option. */
const V1_CONTROLLERS = /* @__PURE__ */ new Set([
	"cpu",
	"cpuacct",
	"cpuset",
	"memory",
	"devices",
	"freezer",
	"net_cls",
	"net_prio",
	"blkio",
	"perf_event",
	"hugetlb",
	"pids",
	"rdma",
	"misc"
]);
/** mountinfo escapes space, tab, newline and backslash as \ooo. */
function unescapeMountinfo(s) {
	return s.replace(/\\([0-7]{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
}
/** The cgroup and cgroup2 mounts in a mountinfo text (proc(5)). */
function parseCgroupMounts(mountinfo) {
	const out = [];
	for (const line of mountinfo.split("\n")) {
		const dash = line.indexOf(" - ");
		if (dash < 0) continue;
		const pre = line.slice(0, dash).split(" ");
		const [fstype, , superOpts = ""] = line.slice(dash + 3).split(" ");
		if (fstype !== "cgroup" && fstype !== "cgroup2") continue;
		const mountRoot = unescapeMountinfo(pre[3] ?? "/");
		const mount = unescapeMountinfo(pre[4] ?? "");
		const controllers = fstype === "cgroup" ? superOpts.split(",").filter((o) => V1_CONTROLLERS.has(o)) : [];
		out.push({
			fstype,
			mount,
			mountRoot,
			controllers
		});
	}
	return out;
}
/** /proc/self/cgroup: controller list ("" for cgroup2) → path. */
function parseProcCgroup(text) {
	const out = /* @__PURE__ */ new Map();
	for (const line of text.split("\n")) {
		const m = /^(\d+):([^:]*):(.*)$/.exec(line);
		if (!m) continue;
		out.set(m[2] ?? "", m[3] ?? "/");
	}
	return out;
}
/** Decide the layout from the two texts (pure; detectCgroups() reads them). */
function cgroupLayout(mountinfo, procCgroup) {
	const mounts = parseCgroupMounts(mountinfo);
	const own = parseProcCgroup(procCgroup);
	const v1 = [];
	const seen = /* @__PURE__ */ new Set();
	for (const m of mounts) {
		if (m.fstype !== "cgroup" || m.controllers.length === 0) continue;
		const key = m.controllers.join(",");
		if (seen.has(key)) continue;
		const ownPath = [...own].find(([k]) => k.split(",").sort().join(",") === [...m.controllers].sort().join(","))?.[1];
		if (ownPath === void 0) continue;
		seen.add(key);
		v1.push({
			controllers: m.controllers,
			mount: m.mount,
			mountRoot: m.mountRoot,
			ownPath
		});
	}
	const u = mounts.find((m) => m.fstype === "cgroup2");
	const unified = u && own.has("") ? {
		controllers: [],
		mount: u.mount,
		mountRoot: u.mountRoot,
		ownPath: own.get("") ?? "/"
	} : void 0;
	if (v1.length > 0) return {
		mode: unified ? "hybrid" : "v1",
		v1,
		unified
	};
	if (unified) return {
		mode: "v2",
		v1: [],
		unified
	};
	throw new CgroupError("find a cgroup file system in", "/proc/self/mountinfo", { hint: "mount one (mount -t cgroup2 none /sys/fs/cgroup) or run without cgroup limits" });
}
/** Read this machine's layout. */
function detectCgroups() {
	return cgroupLayout(readFileSync("/proc/self/mountinfo", "utf8"), readFileSync("/proc/self/cgroup", "utf8"));
}
/** The directory of a cgroup path (as /proc/PID/cgroup spells it) in a hierarchy, or undefined if it is not mounted. */
function cgroupDir(h, cgPath) {
	const rel = posix.relative(h.mountRoot, posix.resolve("/", cgPath));
	if (rel.startsWith("..")) return void 0;
	return rel === "" ? h.mount : join(h.mount, rel);
}
/** True if `path` is `base` or lies beneath it (cgroup paths, both absolute). */
function isBeneath(path, base) {
	const rel = posix.relative(base, path);
	return rel === "" || !rel.startsWith("..") && !posix.isAbsolute(rel);
}
// dist/sys/cgroup/fs.js
const realCgroupFs = {
	read(path) {
		try {
			return readFileSync(path, "utf8");
		} catch (e) {
			throw new CgroupError("read", path, {
				code: errnoCode(e) ?? "EIO",
				cause: e
			});
		}
	},
	write(path, value) {
		let fd;
		try {
			fd = openSync(path, "r+");
			writeSync(fd, value);
		} catch (e) {
			throw new CgroupError("write", path, {
				value,
				code: errnoCode(e) ?? "EIO",
				cause: e
			});
		} finally {
			if (fd !== void 0) closeSync(fd);
		}
	},
	mkdir(path) {
		try {
			mkdirSync(path);
		} catch (e) {
			throw new CgroupError("create cgroup", path, {
				code: errnoCode(e) ?? "EIO",
				cause: e
			});
		}
	},
	rmdir(path) {
		try {
			rmdirSync(path);
		} catch (e) {
			throw new CgroupError("remove cgroup", path, {
				code: errnoCode(e) ?? "EIO",
				cause: e
			});
		}
	},
	exists(path) {
		return existsSync(path);
	},
	subdirs(path) {
		try {
			return readdirSync(path, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
		} catch (e) {
			throw new CgroupError("list cgroup", path, {
				code: errnoCode(e) ?? "EIO",
				cause: e
			});
		}
	}
};
/** Read a file of one number or "max" (null). */
function readLimit(fs, path) {
	const s = fs.read(path).trim();
	if (s === "max") return null;
	return Number(s);
}
/** Read "key value" lines (cpu.stat, memory.events, pids.events, memory.stat...). */
function readKeyed(fs, path) {
	const out = /* @__PURE__ */ new Map();
	for (const line of fs.read(path).split("\n")) {
		const [k, v] = line.trim().split(/\s+/);
		if (k && v !== void 0) out.set(k, Number(v));
	}
	return out;
}
/** Read cgroup.procs: one pid a line. */
function readPids(fs, dir) {
	return fs.read(join(dir, "cgroup.procs")).split("\n").filter((l) => l.trim() !== "").map(Number);
}
// dist/sys/cgroup/manager.js
/** containerlab's field name for each controller, for LimitError. */
const FIELD = {
	memory: "memory",
	cpu: "cpu",
	cpuset: "cpu-set",
	pids: "pids"
};
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const RESERVED = /^(tasks|notify_on_release|release_agent|cgroup\..*|(cpu|cpuacct|cpuset|memory|pids|freezer|io|blkio|devices|hugetlb|rdma|misc|net_cls|net_prio|perf_event)\..*)$/;
/** Lab and node names become directory names: keep them plain. */
function checkCgroupName(kind, name) {
	if (!NAME.test(name) || RESERVED.test(name)) throw new TypeError(`${kind} name "${name}" cannot name a cgroup: use letters, digits, "_", "." and "-", start with a letter or digit, at most 64, and not a cgroup file name`);
}
/** The lab cgroup's name: `nslab-<lab>`, easy to find with `find /sys/fs/cgroup -name 'nslab-*'`. */
function labCgroupName(lab) {
	return `nslab-${lab}`;
}
function defaultSignal(pid) {
	try {
		process.kill(pid, "SIGKILL");
	} catch (e) {
		if (errnoCode(e) !== "ESRCH") throw e;
	}
}
var BaseCgroupManager = class {
	lab;
	trees;
	fs;
	signal;
	constructor(lab, trees, fs, signal = defaultSignal) {
		this.lab = lab;
		this.trees = trees;
		this.fs = fs;
		this.signal = signal;
		checkCgroupName("lab", lab);
	}
	/** Extra stats that live in another hierarchy (v1 cpuacct). */
	cpuUsageUsec(_node) {}
	record() {
		return {
			version: this.version,
			lab: this.lab,
			trees: this.trees.map((t) => ({
				...t,
				controllers: [...t.controllers]
			}))
		};
	}
	treeFor(controller) {
		return this.trees.find((t) => t.controllers.includes(controller));
	}
	nodeDir(tree, node) {
		return join(tree.labDir, node);
	}
	validate(limits) {
		for (const c of controllersFor(limits)) if (!this.treeFor(c)) {
			const where = this.trees.map((t) => dirname(t.labDir)).join(", ");
			throw new LimitError(FIELD[c] ?? c, void 0, `the ${c} controller is not available to nslab's cgroups here (under ${where}); ${this.missingControllerHint(c)}`);
		}
		const cpusetTree = this.treeFor("cpuset");
		if (limits.cpuSet !== void 0 && cpusetTree) {
			const avail = this.availableCpus(cpusetTree);
			if (avail !== void 0) {
				const have = new Set(parseCpuList(avail));
				const extra = parseCpuList(limits.cpuSet).filter((c) => !have.has(c));
				if (extra.length > 0) throw new LimitError("cpu-set", limits.cpuSet, `CPU ${formatCpuList(extra)} is not available here (available: ${avail || "none"})`);
			}
		}
	}
	missingControllerHint(c) {
		return `mount the ${c} controller, or leave that limit out`;
	}
	create() {
		const made = [];
		try {
			for (const t of this.trees) {
				this.fs.mkdir(t.labDir);
				made.push(t);
				this.initLab(t);
			}
		} catch (e) {
			for (const t of made.reverse()) this.tryRmdir(t.labDir);
			throw e;
		}
	}
	addNode(node, limits = {}) {
		checkCgroupName("node", node);
		this.validate(limits);
		const made = [];
		try {
			for (const t of this.trees) {
				const dir = this.nodeDir(t, node);
				this.fs.mkdir(dir);
				made.push(dir);
				this.initNode(t, dir);
			}
			this.setLimits(node, limits);
		} catch (e) {
			for (const d of made.reverse()) this.tryRmdir(d);
			throw e;
		}
	}
	setLimits(node, limits) {
		this.validate(limits);
		const dir = (c) => {
			const t = this.treeFor(c);
			if (!t) throw new LimitError(FIELD[c] ?? c, void 0, `the ${c} controller is not available`);
			return this.nodeDir(t, node);
		};
		if (limits.memory !== void 0) this.impl.memory.set(this.fs, dir("memory"), limits.memory);
		if (limits.cpu !== void 0) this.impl.cpu.set(this.fs, dir("cpu"), limits.cpu);
		if (limits.cpuSet !== void 0) this.impl.cpuset.set(this.fs, dir("cpuset"), limits.cpuSet);
		if (limits.pids !== void 0) this.impl.pids.set(this.fs, dir("pids"), limits.pids);
	}
	addPid(node, pid) {
		if (!Number.isSafeInteger(pid) || pid <= 0) throw new RangeError(`${pid} is not a process id`);
		for (const t of this.trees) this.fs.write(join(this.nodeDir(t, node), "cgroup.procs"), String(pid));
	}
	/** Pids in dir and every cgroup beneath it. */
	pidsBeneath(dir) {
		try {
			if (!this.fs.exists(dir)) return [];
			const out = readPids(this.fs, dir);
			for (const sub of this.fs.subdirs(dir)) out.push(...this.pidsBeneath(join(dir, sub)));
			return out;
		} catch (e) {
			if (e instanceof CgroupError && e.code === "ENOENT") return [];
			throw e;
		}
	}
	pids(node) {
		const all = /* @__PURE__ */ new Set();
		for (const t of this.trees) for (const p of this.pidsBeneath(node === void 0 ? t.labDir : this.nodeDir(t, node))) all.add(p);
		return [...all].sort((a, b) => a - b);
	}
	stats(node) {
		const at = (c) => {
			const t = this.treeFor(c);
			return t ? this.nodeDir(t, node) : void 0;
		};
		const mem = at("memory");
		const cpu = at("cpu");
		const cpuset = at("cpuset");
		const pids = at("pids");
		const cpuStats = cpu === void 0 ? void 0 : this.impl.cpu.stats(this.fs, cpu);
		const usage = cpuStats?.usageUsec ?? this.cpuUsageUsec(node);
		return {
			procs: this.pids(node),
			...mem !== void 0 && { memory: this.impl.memory.stats(this.fs, mem) },
			...cpuStats !== void 0 && { cpu: {
				...cpuStats,
				usageUsec: usage
			} },
			...cpuset !== void 0 && { cpuset: this.impl.cpuset.stats(this.fs, cpuset) },
			...pids !== void 0 && { pids: this.impl.pids.stats(this.fs, pids) }
		};
	}
	async kill(opts = {}) {
		const timeoutMs = opts.timeoutMs ?? 5e3;
		const maxRounds = opts.maxRounds ?? 50;
		const start = Date.now();
		const seen = /* @__PURE__ */ new Set();
		const killTree = this.killTree();
		let method = "none";
		for (let round = 0;; round++) {
			const pids = this.pids();
			if (pids.length === 0) return {
				rounds: round,
				pids: [...seen].sort((a, b) => a - b),
				method
			};
			if (pids.includes(process.pid)) throw new CgroupError("kill the processes of", this.trees[0]?.labDir ?? this.lab, { hint: `this process (${process.pid}) is itself in the lab's cgroups; run down from outside the lab` });
			if (round >= maxRounds || Date.now() - start > timeoutMs) throw new CgroupError("kill every process in", this.trees.map((t) => t.labDir).join(", "), { hint: `${pids.length} still there after ${round} rounds and ${Date.now() - start} ms: ${pids.join(" ")}` });
			for (const p of pids) seen.add(p);
			let outside = pids;
			if (killTree) {
				this.fs.write(join(killTree.labDir, "cgroup.kill"), "1");
				const inKill = new Set(this.pidsBeneath(killTree.labDir));
				outside = round === 0 ? [] : pids.filter((p) => !inKill.has(p));
				method = "cgroup.kill";
			}
			if (!killTree || outside.length > 0) method = await this.freezeAndSignal() ? "freeze+SIGKILL" : "SIGKILL";
			await setTimeout(Math.min(2 ** round, 50));
		}
	}
	/**
	* Freeze the lab (no fork, no exit, so no pid reuse), SIGKILL every
	* process listed, thaw so they die. Returns whether a freezer was used.
	*/
	async freezeAndSignal() {
		const fz = this.freezerTree();
		if (fz) {
			fz.freezer.freeze(this.fs, fz.tree.labDir);
			for (let i = 0; i < 50 && !fz.freezer.frozen(this.fs, fz.tree.labDir); i++) await setTimeout(2);
		}
		try {
			for (const p of this.pids()) if (p !== process.pid) this.signal(p);
		} finally {
			if (fz) fz.freezer.thaw(this.fs, fz.tree.labDir);
		}
		return fz !== void 0;
	}
	destroy() {
		const errors = [];
		for (const t of this.trees) try {
			this.removeTree(t.labDir);
		} catch (e) {
			errors.push(e);
		}
		if (errors.length > 0) throw errors[0];
	}
	/** rmdir dir and everything beneath it, children first; a missing dir is already gone. */
	removeTree(dir) {
		if (!this.fs.exists(dir)) return;
		for (const sub of this.fs.subdirs(dir)) this.removeTree(join(dir, sub));
		try {
			this.fs.rmdir(dir);
		} catch (e) {
			if (!(e instanceof CgroupError && e.code === "ENOENT")) throw e;
		}
	}
	tryRmdir(dir) {
		try {
			this.fs.rmdir(dir);
		} catch {}
	}
};
// dist/sys/cgroup/cpu.js
/**
* v1: cpu.cfs_period_us, then cpu.cfs_quota_us.
* Equivalent: `echo 100000 > cpu.cfs_period_us; echo 50000 > cpu.cfs_quota_us`.
*/
const cpuV1 = {
	set(fs, dir, q) {
		fs.write(join(dir, "cpu.cfs_period_us"), String(q.periodUs));
		fs.write(join(dir, "cpu.cfs_quota_us"), String(q.quotaUs));
	},
	stats(fs, dir) {
		const quotaUs = Number(fs.read(join(dir, "cpu.cfs_quota_us")).trim());
		const periodUs = Number(fs.read(join(dir, "cpu.cfs_period_us")).trim());
		const stat = readKeyed(fs, join(dir, "cpu.stat"));
		return {
			quota: quotaUs < 0 ? null : {
				quotaUs,
				periodUs
			},
			usageUsec: void 0,
			periods: stat.get("nr_periods") ?? 0,
			throttledPeriods: stat.get("nr_throttled") ?? 0,
			throttledUsec: Math.round((stat.get("throttled_time") ?? 0) / 1e3)
		};
	}
};
/** v1 cpuacct.usage (ns) as µs, from the cpuacct hierarchy's cgroup at dir. */
function cpuacctUsageUsec(fs, dir) {
	return Math.round(Number(fs.read(join(dir, "cpuacct.usage")).trim()) / 1e3);
}
/**
* v2: cpu.max "QUOTA PERIOD".
* Equivalent: `echo "50000 100000" > cpu.max`.
*/
const cpuV2 = {
	set(fs, dir, q) {
		fs.write(join(dir, "cpu.max"), `${q.quotaUs} ${q.periodUs}`);
	},
	stats(fs, dir) {
		const [quota = "max", period = "100000"] = fs.read(join(dir, "cpu.max")).trim().split(/\s+/);
		const stat = readKeyed(fs, join(dir, "cpu.stat"));
		return {
			quota: quota === "max" ? null : {
				quotaUs: Number(quota),
				periodUs: Number(period)
			},
			usageUsec: stat.get("usage_usec"),
			periods: stat.get("nr_periods") ?? 0,
			throttledPeriods: stat.get("nr_throttled") ?? 0,
			throttledUsec: stat.get("throttled_usec") ?? 0
		};
	}
};
// dist/sys/cgroup/cpuset.js
function readTrim(fs, path) {
	return fs.read(path).trim();
}
/**
* v1: a new cpuset starts with empty cpuset.cpus and cpuset.mems, and no
* task can join it (ENOSPC) until both are set. inherit() copies them from
* the parent, as cgroup.clone_children would.
* Equivalent: `cat ../cpuset.cpus > cpuset.cpus; cat ../cpuset.mems > cpuset.mems`.
*/
const cpusetV1 = {
	inherit(fs, dir, parentDir) {
		for (const f of ["cpuset.cpus", "cpuset.mems"]) if (readTrim(fs, join(dir, f)) === "") fs.write(join(dir, f), readTrim(fs, join(parentDir, f)));
	},
	/** The CPUs a child of parentDir may be given. */
	available(fs, parentDir) {
		const eff = join(parentDir, "cpuset.effective_cpus");
		return readTrim(fs, fs.exists(eff) ? eff : join(parentDir, "cpuset.cpus"));
	},
	/** Equivalent: `echo 0-1 > cpuset.cpus`. */
	set(fs, dir, cpus) {
		fs.write(join(dir, "cpuset.cpus"), cpus);
	},
	stats(fs, dir) {
		const eff = join(dir, "cpuset.effective_cpus");
		const cpus = readTrim(fs, join(dir, "cpuset.cpus"));
		return {
			cpus,
			effectiveCpus: fs.exists(eff) ? readTrim(fs, eff) : cpus,
			mems: readTrim(fs, join(dir, "cpuset.mems"))
		};
	}
};
/**
* v2: cpuset.cpus; an empty file means "as the parent". mems stay inherited.
* Equivalent: `echo 0-1 > cpuset.cpus`.
*/
const cpusetV2 = {
	available(fs, parentDir) {
		return readTrim(fs, join(parentDir, "cpuset.cpus.effective"));
	},
	set(fs, dir, cpus) {
		fs.write(join(dir, "cpuset.cpus"), cpus);
	},
	stats(fs, dir) {
		return {
			cpus: readTrim(fs, join(dir, "cpuset.cpus")),
			effectiveCpus: readTrim(fs, join(dir, "cpuset.cpus.effective")),
			mems: readTrim(fs, join(dir, "cpuset.mems.effective"))
		};
	}
};
// dist/sys/cgroup/freezer.js
/** v1 freezer hierarchy. Equivalent: `echo FROZEN > freezer.state` … `echo THAWED > freezer.state`. */
const freezerV1 = {
	freeze: (fs, dir) => fs.write(join(dir, "freezer.state"), "FROZEN"),
	thaw: (fs, dir) => fs.write(join(dir, "freezer.state"), "THAWED"),
	frozen: (fs, dir) => fs.read(join(dir, "freezer.state")).trim() === "FROZEN"
};
/** v2 core freezer. Equivalent: `echo 1 > cgroup.freeze` … `echo 0 > cgroup.freeze`. */
const freezerV2 = {
	freeze: (fs, dir) => fs.write(join(dir, "cgroup.freeze"), "1"),
	thaw: (fs, dir) => fs.write(join(dir, "cgroup.freeze"), "0"),
	frozen: (fs, dir) => readKeyed(fs, join(dir, "cgroup.events")).get("frozen") === 1
};
// dist/sys/cgroup/controller.js
/** v1 prints "no limit" as a huge page-rounded number (9223372036854771712); call anything that large unlimited. */
function v1Limit(n) {
	return n >= 2 ** 62 ? null : n;
}
// dist/sys/cgroup/memory.js
/**
* v1: memory.limit_in_bytes, and memory.memsw.limit_in_bytes (RAM + swap)
* set to the same value when swap accounting exists. memsw may never be
* below the memory limit, so when raising, memsw goes first.
* Equivalent: `echo 67108864 > memory.limit_in_bytes; echo 67108864 > memory.memsw.limit_in_bytes`.
*/
const memoryV1 = {
	set(fs, dir, bytes) {
		const mem = join(dir, "memory.limit_in_bytes");
		const memsw = join(dir, "memory.memsw.limit_in_bytes");
		const value = String(bytes);
		if (!fs.exists(memsw)) return fs.write(mem, value);
		if (bytes > Number(fs.read(memsw).trim())) {
			fs.write(memsw, value);
			fs.write(mem, value);
		} else {
			fs.write(mem, value);
			fs.write(memsw, value);
		}
	},
	stats(fs, dir) {
		const oom = readKeyed(fs, join(dir, "memory.oom_control"));
		const memswFail = join(dir, "memory.memsw.failcnt");
		return {
			usage: Number(fs.read(join(dir, "memory.usage_in_bytes")).trim()),
			limit: v1Limit(Number(fs.read(join(dir, "memory.limit_in_bytes")).trim())),
			peak: Number(fs.read(join(dir, "memory.max_usage_in_bytes")).trim()),
			hitLimit: Number(fs.read(join(dir, "memory.failcnt")).trim()) + (fs.exists(memswFail) ? Number(fs.read(memswFail).trim()) : 0),
			oomKills: oom.get("oom_kill") ?? 0
		};
	}
};
/**
* v2: memory.max, and memory.swap.max = 0 when swap is configured.
* Equivalent: `echo 67108864 > memory.max; echo 0 > memory.swap.max`.
*/
const memoryV2 = {
	set(fs, dir, bytes) {
		fs.write(join(dir, "memory.max"), String(bytes));
		const swap = join(dir, "memory.swap.max");
		if (fs.exists(swap)) fs.write(swap, "0");
	},
	stats(fs, dir) {
		const events = readKeyed(fs, join(dir, "memory.events"));
		const peak = join(dir, "memory.peak");
		return {
			usage: Number(fs.read(join(dir, "memory.current")).trim()),
			limit: readLimit(fs, join(dir, "memory.max")),
			peak: fs.exists(peak) ? Number(fs.read(peak).trim()) : void 0,
			hitLimit: events.get("max") ?? 0,
			oomKills: events.get("oom_kill") ?? 0
		};
	}
};
// dist/sys/cgroup/pids.js
/** Equivalent: `echo 100 > pids.max`. */
const pidsController = {
	set(fs, dir, max) {
		fs.write(join(dir, "pids.max"), String(max));
	},
	stats(fs, dir) {
		const events = join(dir, "pids.events");
		return {
			current: Number(fs.read(join(dir, "pids.current")).trim()),
			limit: readLimit(fs, join(dir, "pids.max")),
			refused: fs.exists(events) ? readKeyed(fs, events).get("max") ?? 0 : 0
		};
	}
};
const pidsV1 = pidsController;
const pidsV2 = pidsController;
// dist/sys/cgroup/v1.js
/**
* cgroup v1 (and hybrid): one lab cgroup per hierarchy (memory, cpu,
* cpuacct, cpuset, pids, freezer), each beneath the invoking process's own
* cgroup in that hierarchy, so the limits nslab itself runs under still
* hold for the lab. On a hybrid machine the cgroup2 tree (no controllers)
* is used too: it tracks every node process and has cgroup.kill.
*/
var CgroupV1Manager = class extends BaseCgroupManager {
	version = "v1";
	impl = {
		memory: memoryV1,
		cpu: cpuV1,
		cpuset: cpusetV1,
		pids: pidsV1
	};
	initLab(tree) {
		if (tree.controllers.includes("cpuset")) cpusetV1.inherit(this.fs, tree.labDir, dirname(tree.labDir));
	}
	initNode(tree, dir) {
		if (tree.controllers.includes("cpuset")) cpusetV1.inherit(this.fs, dir, tree.labDir);
	}
	availableCpus(tree) {
		const parent = this.fs.exists(tree.labDir) ? tree.labDir : dirname(tree.labDir);
		return cpusetV1.available(this.fs, parent);
	}
	killTree() {
		return this.trees.find((t) => t.kind === "v2" && this.fs.exists(join(t.labDir, "cgroup.kill")));
	}
	freezerTree() {
		const v1 = this.trees.find((t) => t.controllers.includes("freezer"));
		if (v1) return {
			tree: v1,
			freezer: freezerV1
		};
		const v2 = this.trees.find((t) => t.kind === "v2" && this.fs.exists(join(t.labDir, "cgroup.freeze")));
		return v2 ? {
			tree: v2,
			freezer: freezerV2
		} : void 0;
	}
	cpuUsageUsec(node) {
		const t = this.treeFor("cpuacct");
		return t ? cpuacctUsageUsec(this.fs, this.nodeDir(t, node)) : void 0;
	}
};
// dist/sys/cgroup/v2.js
/** The controllers a v2 lab cgroup hands down to its nodes. */
const V2_CONTROLLERS = [
	"cpuset",
	"cpu",
	"memory",
	"pids"
];
/**
* cgroup v2: one tree. The lab cgroup holds no process itself; it enables
* the controllers its parent offers for its node children
* (cgroup.subtree_control), and the nodes hold the processes and limits.
* cgroup.kill empties the lab in one write (kernel 5.14+); cgroup.freeze
* is the fallback.
*/
var CgroupV2Manager = class extends BaseCgroupManager {
	version = "v2";
	impl = {
		memory: memoryV2,
		cpu: cpuV2,
		cpuset: cpusetV2,
		pids: pidsV2
	};
	/** Equivalent: `echo "+cpuset +cpu +memory +pids" > nslab-LAB/cgroup.subtree_control`. */
	initLab(tree) {
		const offered = new Set(this.fs.read(join(tree.labDir, "cgroup.controllers")).trim().split(/\s+/));
		const enable = V2_CONTROLLERS.filter((c) => offered.has(c) && tree.controllers.includes(c));
		if (enable.length > 0) this.fs.write(join(tree.labDir, "cgroup.subtree_control"), enable.map((c) => `+${c}`).join(" "));
	}
	initNode() {}
	availableCpus(tree) {
		const parent = this.fs.exists(tree.labDir) ? tree.labDir : dirname(tree.labDir);
		return this.fs.exists(join(parent, "cpuset.cpus.effective")) ? cpusetV2.available(this.fs, parent) : void 0;
	}
	missingControllerHint(c) {
		const parent = this.trees[0] ? dirname(this.trees[0].labDir) : "(parent)";
		return `enable it for children of the parent (echo +${c} > ${join(parent, "cgroup.subtree_control")}), or choose another cgroup parent`;
	}
	killTree() {
		return this.trees.find((t) => this.fs.exists(join(t.labDir, "cgroup.kill")));
	}
	freezerTree() {
		const t = this.trees.find((tr) => this.fs.exists(join(tr.labDir, "cgroup.freeze")));
		return t ? {
			tree: t,
			freezer: freezerV2
		} : void 0;
	}
};
// dist/sys/cgroup/create.js
/** The v1 controllers a lab uses (cpuacct and freezer for stats and kill). */
const V1_USED = [
	"memory",
	"cpu",
	"cpuacct",
	"cpuset",
	"pids",
	"freezer"
];
/** The parent cgroup's directory in one hierarchy, checked. */
function parentDir(h, parent, fallback, beneathOwn, fs) {
	const path = parent === void 0 ? fallback : parent.startsWith("/") ? posix.normalize(parent) : posix.join(h.ownPath, parent);
	const label = h.controllers.length ? h.controllers.join(",") : "cgroup2";
	if (beneathOwn && !isBeneath(path, h.ownPath)) throw new CgroupError(`use ${path} as the cgroup parent in the ${label} hierarchy at`, h.mount, { hint: `with cgroup v1 nslab creates its cgroups only at or beneath its own (${h.ownPath}), so the limits it runs under still hold; give a path beneath it, or a relative one` });
	const dir = cgroupDir(h, path);
	if (dir === void 0) throw new CgroupError(`find cgroup ${path} of the ${label} hierarchy under`, h.mount, { hint: `only ${h.mountRoot} and beneath are mounted there` });
	if (!fs.exists(dir)) throw new CgroupError("use as the cgroup parent", dir, {
		code: "ENOENT",
		hint: "create it first or choose another parent"
	});
	return dir;
}
/**
* The manager for a new lab, of the kind this machine needs: v2 on a pure
* v2 machine, v1 (with the cgroup2 tree alongside when hybrid) otherwise.
* Nothing is created until create().
*/
function createCgroupManager(lab, opts = {}) {
	checkCgroupName("lab", lab);
	const fs = opts.fs ?? realCgroupFs;
	const layout = opts.layout ?? detectCgroups();
	const name = labCgroupName(lab);
	if (layout.mode === "v2") {
		const h = layout.unified;
		if (!h) throw new CgroupError("find the cgroup2 tree in", "/proc/self/mountinfo");
		const parent = parentDir(h, opts.parent, "/", false, fs);
		const offered = fs.read(join(parent, "cgroup.subtree_control")).trim().split(/\s+/);
		return new CgroupV2Manager(lab, [{
			key: "unified",
			kind: "v2",
			controllers: V2_CONTROLLERS.filter((c) => offered.includes(c)),
			labDir: join(parent, name)
		}], fs, opts.signal);
	}
	const trees = [];
	for (const h of layout.v1) {
		const used = h.controllers.filter((c) => V1_USED.includes(c));
		if (used.length === 0) continue;
		const parent = parentDir(h, opts.parent, h.ownPath, true, fs);
		trees.push({
			key: h.controllers.join(","),
			kind: "v1",
			controllers: used,
			labDir: join(parent, name)
		});
	}
	if (layout.mode === "hybrid" && layout.unified && opts.useUnified !== false) {
		const h = layout.unified;
		trees.push({
			key: "unified",
			kind: "v2",
			controllers: [],
			labDir: join(parentDir(h, opts.parent, h.ownPath, true, fs), name)
		});
	}
	return new CgroupV1Manager(lab, trees, fs, opts.signal);
}
/** The manager of a lab that is up, from its state record (for `down`, `exec`, `inspect`). */
function openCgroupManager(record, opts = {}) {
	const fs = opts.fs ?? realCgroupFs;
	const want = labCgroupName(record.lab);
	for (const t of record.trees) if (posix.basename(t.labDir) !== want) throw new CgroupError("trust the state record entry", t.labDir, { hint: `a lab cgroup of lab "${record.lab}" is named ${want}` });
	return record.version === "v2" ? new CgroupV2Manager(record.lab, record.trees, fs, opts.signal) : new CgroupV1Manager(record.lab, record.trees, fs, opts.signal);
}
export { openCgroupManager as n, createCgroupManager as t };

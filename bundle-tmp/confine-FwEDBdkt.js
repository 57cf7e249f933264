import { _ as libc, y as SyscallError } from "./libc-oAiCzK6X.js";
import { n as availableCapabilities, o as sortCaps } from "./caps-BrVHB2VV.js";
import { n as openCgroupManager, t as createCgroupManager } from "./create-CMJGZ6Ew.js";
import { c as persistNamespace, d as removeNamespaceFiles, o as writeSysctl, p as inNetns, u as removeNamespaceFile } from "./netns-EP-ZBEUQ.js";
import { n as LabLock, r as labDir, t as Journal } from "./state-BrxKKSY6.js";
import { dirname } from "node:path";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
// dist/sys/uts.js
/**
* A persistent UTS namespace with its own hostname, kept alive by a bind
* mount of its nsfs file at `path` (as `ip netns` keeps network namespaces):
* `unshare --uts`, `hostname NAME`, `mount --bind /proc/self/ns/uts PATH`.
* The calling thread returns to its own UTS namespace.
*/
function createUtsNamespace(path, hostname) {
	mkdirSync(dirname(path), { recursive: true });
	persistNamespace(path, "uts", () => libc.sethostname(hostname));
}
/** Undo createUtsNamespace; false when there was nothing. */
function deleteUtsNamespace(path) {
	return removeNamespaceFile(path);
}
// dist/lab/confine.js
var ConfinementError = class extends Error {
	name = "ConfinementError";
};
function utsPath(lab, node) {
	return `${labDir(lab)}/ns/${node}.uts`;
}
/** Is path a mounted namespace file (nsfs has a device of its own), not a bare placeholder? */
function isMountedNs(path) {
	try {
		return statSync(path).dev !== statSync(dirname(path)).dev;
	} catch {
		return false;
	}
}
/**
* The node's UTS namespace, made now if nothing has run in the node yet:
* journaled first, under a shared hold on the lab so it never races a down.
* Another exec making it at the same moment is waited for (bounded).
*/
function ensureUtsNamespace(lab, node, hostname, opts = {}) {
	const path = utsPath(lab, node);
	if (isMountedNs(path)) return path;
	const lock = opts.starting ? void 0 : LabLock.acquire(lab, `run a command in ${node}`, true);
	try {
		if (!existsSync(path)) {
			const journal = new Journal(lab);
			try {
				journal.intend([{
					op: "uts",
					path
				}]);
			} finally {
				journal.close();
			}
			try {
				createUtsNamespace(path, hostname);
				return path;
			} catch (err) {
				if (!(err instanceof SyscallError && err.errnoName === "EEXIST")) throw err;
			}
		}
		for (let i = 0; i < 100 && !isMountedNs(path); i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2);
		if (!isMountedNs(path)) throw new ConfinementError(`the UTS namespace of node ${node} (${path}) is not ready; try again`);
		return path;
	} finally {
		lock?.release();
	}
}
/** Does this node need its own cgroup from the start (limits to set, or commands to run)? */
function needsCgroupAtStart(n) {
	return Object.keys(n.confine.limits).length > 0 || n.exec.length > 0;
}
/**
* Node confinement: a UTS namespace with the node's name as hostname, the
* user's network sysctls, cgroups (the lab's at once; a node's own when it
* has limits or commands, else when something first runs in it), and the
* capability sets and seccomp programs `nslab exec` applies.
*/
const confineStep = {
	name: "confine",
	ops: ["uts", "cgroup"],
	async apply(ctx) {
		const { encodeProgram } = await import("./bpf-BK8Sqjpv.js");
		const { compileSetting, forSandbox, parseSeccompSetting } = await import("./setting-C-Cwwyd5.js");
		const plan = ctx.plan;
		const uts = Object.fromEntries(plan.namespaces.map((n) => [n.node, utsPath(plan.lab, n.node)]));
		const now = plan.namespaces.filter((n) => n.exec.length > 0 && n.confine.isolation !== "sandbox");
		ctx.journal.intend(now.map((n) => ({
			op: "uts",
			path: uts[n.node]
		})));
		for (const n of now) createUtsNamespace(uts[n.node], n.hostname);
		for (const n of plan.namespaces) {
			const entries = Object.entries(n.sysctls);
			if (entries.length === 0) continue;
			try {
				inNetns(ctx.netnsFd(n.name), () => {
					for (const [k, v] of entries) writeSysctl(k, v);
				});
			} catch (err) {
				throw new ConfinementError(`node ${n.node}: ${err.message} [${n.origin}]`, { cause: err });
			}
		}
		const mgr = createCgroupManager(plan.lab);
		for (const n of plan.namespaces) try {
			mgr.validate(n.confine.limits);
		} catch (err) {
			throw new ConfinementError(`node ${n.node}: ${err.message} [${n.origin}]`, { cause: err });
		}
		ctx.journal.intend([{
			op: "cgroup",
			record: mgr.record()
		}]);
		mgr.create();
		for (const n of plan.namespaces) if (needsCgroupAtStart(n)) mgr.addNode(n.node, n.confine.limits);
		const available = availableCapabilities();
		const caps = {};
		for (const n of plan.namespaces) {
			const want = n.confine.caps;
			if (n.confine.capsAll) {
				caps[n.node] = sortCaps(new Set(want.filter((c) => available.has(c))));
				continue;
			}
			const lacking = want.filter((c) => !available.has(c));
			if (lacking.length > 0) throw new ConfinementError(`node ${n.node} asks for ${lacking.join(", ")}, which nslab itself does not hold here; remove ${lacking.length === 1 ? "it" : "them"} from cap-add [${n.origin}]`);
			caps[n.node] = [...want];
		}
		const programs = {};
		const seccomp = {};
		const compiled = /* @__PURE__ */ new Map();
		for (const n of plan.namespaces) {
			const setting = n.confine.seccomp;
			const sandboxed = n.confine.isolation === "sandbox";
			const key = `${setting === "default" || setting === "unconfined" ? setting : `${setting}\0${caps[n.node]?.join(",")}`}\0${sandboxed}`;
			if (!compiled.has(key)) {
				let id = null;
				try {
					const read = parseSeccompSetting(setting, {
						baseDir: dirname(plan.source),
						origin: n.origin
					});
					const filter = compileSetting(sandboxed ? forSandbox(read) : read, { capabilities: caps[n.node] ?? [] });
					if (filter) {
						const bytes = encodeProgram(filter.program);
						id = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
						programs[id] = {
							program: Buffer.from(bytes).toString("base64"),
							flags: filter.flags
						};
					}
				} catch (err) {
					throw new ConfinementError(`node ${n.node}: ${err.message}`, { cause: err });
				}
				compiled.set(key, id);
			}
			seccomp[n.node] = compiled.get(key) ?? null;
		}
		const facts = {
			cgroups: mgr.record(),
			caps,
			seccomp,
			programs,
			uts
		};
		ctx.remember(facts);
	},
	async undoMany(entries) {
		const uts = entries.filter((e) => e.op === "uts").map((e) => String(e.path));
		let existed = await removeNamespaceFiles(uts);
		for (const e of entries) if (e.op !== "uts" && await this.undo(e, "", void 0)) existed++;
		return existed;
	},
	async undo(entry) {
		if (entry.op === "uts") return deleteUtsNamespace(String(entry.path));
		const record = entry.record;
		const existed = record.trees.some((t) => existsSync(t.labDir));
		const mgr = openCgroupManager(record);
		await mgr.kill();
		mgr.destroy();
		return existed;
	}
};
export { utsPath as i, confineStep as n, ensureUtsNamespace as r, ConfinementError as t };

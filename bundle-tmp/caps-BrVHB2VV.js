import { g as lastErrno, v as raw, y as SyscallError } from "./libc-oAiCzK6X.js";
import { readFileSync } from "node:fs";
// dist/sys/caps/constants.js
/**
* Capability numbers from /usr/include/linux/capability.h, under the
* kernel's own names. The running kernel may know fewer (or more): read
* /proc/sys/kernel/cap_last_cap before acting on a set.
*/
const CAP = {
	CAP_CHOWN: 0,
	CAP_DAC_OVERRIDE: 1,
	CAP_DAC_READ_SEARCH: 2,
	CAP_FOWNER: 3,
	CAP_FSETID: 4,
	CAP_KILL: 5,
	CAP_SETGID: 6,
	CAP_SETUID: 7,
	CAP_SETPCAP: 8,
	CAP_LINUX_IMMUTABLE: 9,
	CAP_NET_BIND_SERVICE: 10,
	CAP_NET_BROADCAST: 11,
	CAP_NET_ADMIN: 12,
	CAP_NET_RAW: 13,
	CAP_IPC_LOCK: 14,
	CAP_IPC_OWNER: 15,
	CAP_SYS_MODULE: 16,
	CAP_SYS_RAWIO: 17,
	CAP_SYS_CHROOT: 18,
	CAP_SYS_PTRACE: 19,
	CAP_SYS_PACCT: 20,
	CAP_SYS_ADMIN: 21,
	CAP_SYS_BOOT: 22,
	CAP_SYS_NICE: 23,
	CAP_SYS_RESOURCE: 24,
	CAP_SYS_TIME: 25,
	CAP_SYS_TTY_CONFIG: 26,
	CAP_MKNOD: 27,
	CAP_LEASE: 28,
	CAP_AUDIT_WRITE: 29,
	CAP_AUDIT_CONTROL: 30,
	CAP_SETFCAP: 31,
	CAP_MAC_OVERRIDE: 32,
	CAP_MAC_ADMIN: 33,
	CAP_SYSLOG: 34,
	CAP_WAKE_ALARM: 35,
	CAP_BLOCK_SUSPEND: 36,
	CAP_AUDIT_READ: 37,
	CAP_PERFMON: 38,
	CAP_BPF: 39,
	CAP_CHECKPOINT_RESTORE: 40
};
CAP.CAP_CHECKPOINT_RESTORE;
/** Every name, in kernel number order. */
const CAP_NAMES = Object.keys(CAP).sort((a, b) => CAP[a] - CAP[b]);
/** _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set. */
const _LINUX_CAPABILITY_VERSION_3 = 537396514;
/** prctl(2) options from /usr/include/linux/prctl.h. */
const PR = {
	PR_SET_KEEPCAPS: 8,
	PR_CAPBSET_READ: 23,
	PR_CAPBSET_DROP: 24,
	PR_CAP_AMBIENT: 47,
	PR_CAP_AMBIENT_IS_SET: 1,
	PR_CAP_AMBIENT_RAISE: 2,
	PR_CAP_AMBIENT_LOWER: 3,
	PR_CAP_AMBIENT_CLEAR_ALL: 4
};
// dist/sys/caps/set.js
/** A capability name nobody knows; says which one was probably meant. */
var UnknownCapabilityError = class extends Error {
	name = "UnknownCapabilityError";
	/** The name as the user wrote it. */
	input;
	/** The closest known name, if one is close enough to be a typo. */
	suggestion;
	/** Which list it came from ('cap-add', 'cap-drop'), when known. */
	field;
	/** Its position in that list. */
	index;
	constructor(input, where) {
		const suggestion = closestCapName(input);
		const place = where ? ` in ${where.field}[${where.index}]` : "";
		const hint = suggestion ? `; did you mean "${suggestion.slice(4)}"?` : "; see capabilities(7) for the names";
		super(`unknown capability "${input}"${place}${hint}`);
		this.input = input;
		this.suggestion = suggestion;
		this.field = where?.field;
		this.index = where?.index;
	}
};
function normalize(input) {
	const up = input.trim().toUpperCase();
	return up.startsWith("CAP_") ? up : `CAP_${up}`;
}
function isCapName(s) {
	return Object.hasOwn(CAP, s);
}
/**
* A capability name as Docker accepts it: "NET_ADMIN", "CAP_NET_ADMIN",
* "net_admin", "cap_net_admin". "ALL" is not a name; see resolveCapabilities.
*/
function parseCapName(input, where) {
	const name = normalize(input);
	if (isCapName(name)) return name;
	throw new UnknownCapabilityError(input, where);
}
/** True for Docker's magic "ALL" (any case). */
function isAll(input) {
	return input.trim().toUpperCase() === "ALL";
}
/**
* Apply `cap-add` / `cap-drop` to a base set with Docker's rules
* (moby oci/caps TweakCapabilities): "ALL" in add gives every capability
* except those dropped; "ALL" in drop gives exactly what is added;
* otherwise drop from the base, then add (an add wins over a drop).
*
* @param all what "ALL" means: every capability the kernel and this
*   process can grant (see availableCapabilities() in apply.ts).
*/
function resolveCapabilities(base, changes, all = new Set(CAP_NAMES)) {
	const parse = (field, list) => list.map((s, index) => isAll(s) ? "ALL" : parseCapName(s, {
		field,
		index
	}));
	const drop = parse("cap-drop", changes.drop ?? []);
	const add = parse("cap-add", changes.add ?? []);
	const out = /* @__PURE__ */ new Set();
	if (add.includes("ALL")) {
		for (const c of all) if (!drop.includes(c)) out.add(c);
	} else if (drop.includes("ALL")) {
		for (const c of add) if (c !== "ALL") out.add(c);
	} else {
		for (const c of base) if (!drop.includes(c)) out.add(c);
		for (const c of add) if (c !== "ALL") out.add(c);
	}
	return out;
}
/** The set as a 64-bit mask, bit n for capability number n (as /proc/PID/status shows it). */
function capMask(set) {
	let m = 0n;
	for (const c of set) m |= 1n << BigInt(CAP[c]);
	return m;
}
/** The named capabilities in a mask; bits the header does not name are ignored. */
function capsFromMask(mask) {
	return new Set(CAP_NAMES.filter((c) => mask >> BigInt(CAP[c]) & 1n));
}
/** Sorted by kernel number. */
function sortCaps(set) {
	return [...set].sort((a, b) => CAP[a] - CAP[b]);
}
/** "cap_chown,cap_net_admin": lower-case names in number order, as `capsh --decode` prints them. */
function formatCapList(set) {
	return sortCaps(set).map((c) => c.toLowerCase()).join(",");
}
/** Levenshtein distance, for did-you-mean. */
function distance(a, b) {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur = [i];
		for (let j = 1; j <= b.length; j++) {
			const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
		}
		prev = cur;
	}
	return prev[b.length] ?? 0;
}
/** The known name nearest to input, if within a typo's reach. */
function closestCapName(input) {
	const want = normalize(input).slice(4);
	let best;
	let bestD = Infinity;
	for (const c of CAP_NAMES) {
		const d = distance(want, c.slice(4));
		if (d < bestD) {
			best = c;
			bestD = d;
		}
	}
	return bestD <= Math.max(1, Math.min(3, Math.floor(want.length / 3))) ? best : void 0;
}
// dist/sys/caps/apply.js
/**
* Giving the calling thread a capability set, right before it calls execve.
*
* Capabilities belong to threads. Everything here acts on the calling
* thread only (Node's main thread, the one that will execve), except the
* optional user change, which glibc applies to every thread. Never call it
* in a process that goes on serving after: it cannot be undone.
*/
function check(call, rc, detail) {
	if (rc < 0) throw new SyscallError(call, lastErrno(), detail);
	return rc;
}
/** A set nslab cannot give because it does not hold it itself. */
var CapabilityError = class extends Error {
	name = "CapabilityError";
	missing;
	constructor(missing, message) {
		super(message);
		this.missing = missing;
	}
};
/** Parse the Cap* lines of a /proc/PID/status text. */
function parseStatusCaps(status) {
	const get = (key) => {
		const m = new RegExp(`^${key}:\\s*([0-9a-f]+)$`, "m").exec(status);
		if (!m?.[1]) throw new TypeError(`no ${key} line in /proc status text`);
		return BigInt(`0x${m[1]}`);
	};
	return {
		inheritable: get("CapInh"),
		permitted: get("CapPrm"),
		effective: get("CapEff"),
		bounding: get("CapBnd"),
		ambient: get("CapAmb")
	};
}
/** The calling thread's capability sets (/proc/thread-self/status). */
function threadCapabilities() {
	return parseStatusCaps(readFileSync("/proc/thread-self/status", "utf8"));
}
/** The highest capability number the running kernel knows. */
function lastCap() {
	return Number(readFileSync("/proc/sys/kernel/cap_last_cap", "utf8").trim());
}
/**
* What "ALL" can mean here: every named capability that the calling
* thread holds in both its bounding and permitted sets, so could pass on.
*/
function availableCapabilities() {
	const t = threadCapabilities();
	return capsFromMask(t.bounding & t.permitted);
}
/**
* Make `set` the whole of the calling thread's privilege, so that the
* program it execs next runs with exactly that set, as root or not:
*
* 1. drop every other capability from the bounding set (PR_CAPBSET_DROP);
* 2. if a uid is given: PR_SET_KEEPCAPS, setgroups, setgid, setuid;
* 3. capset(): permitted = effective = inheritable = set;
* 4. clear the ambient set and raise each capability of the set in it
*    (PR_CAP_AMBIENT_RAISE), so a non-root program keeps them across execve.
*
* Equivalent: `capsh --caps=LIST=eip --addamb=LIST --drop=<the rest> --`
* (or `setpriv --bounding-set -all,+LIST --inh-caps ... --ambient-caps ...`).
* Throws CapabilityError before changing anything when the thread does not
* hold a capability of the set itself.
*/
function applyCapabilities(set, opts = {}) {
	const before = threadCapabilities();
	const want = capMask(set);
	const missing = want & ~(before.bounding & before.permitted);
	if (missing !== 0n) {
		const names = [...capsFromMask(missing)];
		throw new CapabilityError(names, `cannot grant ${formatCapList(new Set(names))}: nslab does not hold ${names.length === 1 ? "it" : "them"} itself (its bounding/permitted sets lack ${names.length === 1 ? "it" : "them"}); drop ${names.length === 1 ? "it" : "them"} from cap-add`);
	}
	const last = lastCap();
	for (let n = 0; n <= last; n++) {
		if (want >> BigInt(n) & 1n) continue;
		if (check("prctl(PR_CAPBSET_READ)", raw.prctl(PR.PR_CAPBSET_READ, n, 0, 0, 0), `capability ${n}`) === 0) continue;
		check("prctl(PR_CAPBSET_DROP)", raw.prctl(PR.PR_CAPBSET_DROP, n, 0, 0, 0), `capability ${n}`);
	}
	if (opts.uid !== void 0) {
		const gid = opts.gid ?? opts.uid;
		const groups = Uint32Array.from(opts.groups ?? [gid]);
		check("prctl(PR_SET_KEEPCAPS)", raw.prctl(PR.PR_SET_KEEPCAPS, 1, 0, 0, 0));
		check("setgroups", raw.setgroups(groups.length, groups), `[${[...groups].join(",")}]`);
		check("setgid", raw.setgid(gid), String(gid));
		check("setuid", raw.setuid(opts.uid), String(opts.uid));
	}
	const header = Uint32Array.from([_LINUX_CAPABILITY_VERSION_3, 0]);
	const lo = Number(want & 4294967295n);
	const hi = Number(want >> 32n);
	const data = Uint32Array.from([
		lo,
		lo,
		lo,
		hi,
		hi,
		hi
	]);
	check("capset", raw.capset(header, data), formatCapList(set) || "(empty set)");
	check("prctl(PR_CAP_AMBIENT_CLEAR_ALL)", raw.prctl(PR.PR_CAP_AMBIENT, PR.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0));
	for (const name of set) check("prctl(PR_CAP_AMBIENT_RAISE)", raw.prctl(PR.PR_CAP_AMBIENT, PR.PR_CAP_AMBIENT_RAISE, CAP[name], 0, 0), name);
	if (opts.uid !== void 0) check("prctl(PR_SET_KEEPCAPS)", raw.prctl(PR.PR_SET_KEEPCAPS, 0, 0, 0, 0));
}
export { resolveCapabilities as a, parseCapName as i, availableCapabilities as n, sortCaps as o, isAll as r, CAP_NAMES as s, applyCapabilities as t };

// dist/sys/cgroup/errors.js
/**
* The two ways cgroups go wrong: a limit the user wrote that cannot be
* (LimitError, before anything is created), and a cgroup file system
* operation the kernel refused (CgroupError, naming the path and value).
*/
/** A limit from the topology that is not a valid value; `field` uses containerlab's name. */
var LimitError = class extends Error {
	field;
	value;
	name = "LimitError";
	constructor(field, value, message) {
		super(`${field}: ${message}`);
		this.field = field;
		this.value = value;
	}
};
const HINTS = {
	EINVAL: "the kernel refused the value",
	EBUSY: "it is in use (processes or child cgroups remain)",
	ENOSPC: "a v1 cpuset with no cpus or mems cannot take tasks, or a limit is below current use",
	ENOENT: "no such cgroup or control file (is the controller mounted/enabled?)",
	EEXIST: "it already exists: a lab of that name is up, or a run was not taken down (run nslab down)",
	EACCES: "permission denied: run as root",
	EPERM: "not permitted: run as root",
	EOPNOTSUPP: "the kernel does not support this here",
	ESRCH: "no such process"
};
/** A cgroup file system operation failed; the message names the path and the value. */
var CgroupError = class extends Error {
	name = "CgroupError";
	/** errno name from the failing call ("EINVAL"), when there was one. */
	code;
	path;
	value;
	constructor(what, path, opts = {}) {
		const value = opts.value === void 0 ? "" : ` ${JSON.stringify(opts.value.trim())} to`;
		const why = opts.code ? `: ${opts.code}${HINTS[opts.code] ? ` (${HINTS[opts.code]})` : ""}` : "";
		const hint = opts.hint ? `; ${opts.hint}` : "";
		super(`cannot ${what}${value} ${path}${why}${hint}`, opts.cause === void 0 ? void 0 : { cause: opts.cause });
		this.code = opts.code;
		this.path = path;
		this.value = opts.value;
	}
};
/** The errno name of a Node fs error, if it is one. */
function errnoCode(e) {
	return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : void 0;
}
const CPU_PERIOD_US = 1e5;
const UNITS = {
	"": 1,
	k: 1024,
	m: 1024 ** 2,
	g: 1024 ** 3,
	t: 1024 ** 4,
	p: 1024 ** 5
};
/**
* Bytes from "64MiB", "64m", "1g", "1.5GB", "512k" or a plain number of
* bytes. Like Docker's RAMInBytes (containerlab uses it): units are
* binary whatever their spelling, case does not matter, "b" is optional.
*/
function parseMemory(value, field = "memory") {
	let bytes;
	if (typeof value === "number") bytes = value;
	else if (typeof value === "string") {
		const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(value.trim());
		if (!m) throw new LimitError(field, value, `"${value}" is not an amount of memory; write it like 64MiB, 512m, 1g or a number of bytes`);
		bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? "").toLowerCase()] ?? 1));
	} else throw new LimitError(field, value, `expected an amount of memory like 64MiB, got ${describe(value)}`);
	if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new LimitError(field, value, `${String(value)} is not a positive whole number of bytes`);
	if (bytes < 6291456) throw new LimitError(field, value, `${String(value)} is below the 6MiB a node needs to run anything`);
	return bytes;
}
/** "cpu: 0.5" → half a CPU: 50000 µs of every 100000 µs (Docker's --cpus). */
function parseCpu(value, field = "cpu") {
	const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
	if (!Number.isFinite(n) || n <= 0) throw new LimitError(field, value, `expected a number of CPUs like 0.5 or 2, got ${describe(value)}`);
	const quotaUs = Math.round(n * CPU_PERIOD_US);
	if (quotaUs < 1e3) throw new LimitError(field, value, `${n} CPUs is below the kernel's smallest quota, 0.01`);
	return {
		quotaUs,
		periodUs: CPU_PERIOD_US
	};
}
/** CPU numbers of a list like "0-2,4". */
function parseCpuList(list) {
	const out = /* @__PURE__ */ new Set();
	if (list.trim() === "") return [];
	for (const part of list.trim().split(",")) {
		const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
		if (!m) throw new RangeError(`"${part}" is not a CPU number or range`);
		const a = Number(m[1]);
		const b = m[2] === void 0 ? a : Number(m[2]);
		if (b < a) throw new RangeError(`range "${part}" runs backwards`);
		if (b >= 8192) throw new RangeError(`CPU ${b} is beyond any kernel's limit`);
		for (let i = a; i <= b; i++) out.add(i);
	}
	return [...out].sort((x, y) => x - y);
}
/** The kernel's canonical form of a CPU list: [0,1,2,4] → "0-2,4". */
function formatCpuList(cpus) {
	const sorted = [...new Set(cpus)].sort((x, y) => x - y);
	const parts = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
		parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
		i = j + 1;
	}
	return parts.join(",");
}
/** `cpu-set: "0-1"` (or a bare number in YAML) → canonical CPU list. */
function parseCpuSet(value, field = "cpu-set") {
	const s = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
	if (typeof s !== "string") throw new LimitError(field, value, `expected a CPU list like "0" or "0-1,3", got ${describe(value)}`);
	try {
		const cpus = parseCpuList(s);
		if (cpus.length === 0) throw new RangeError("it is empty");
		return formatCpuList(cpus);
	} catch (e) {
		throw new LimitError(field, value, `"${s}" is not a CPU list like "0" or "0-1,3": ${e.message}`);
	}
}
/** `pids: 100`: a whole number of processes, at least 1. */
function parsePids(value, field = "pids") {
	const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
	if (!Number.isSafeInteger(n) || n < 1) throw new LimitError(field, value, `expected a whole number of processes like 100, got ${describe(value)}`);
	return n;
}
/** The controllers a set of limits needs. */
function controllersFor(limits) {
	const out = [];
	if (limits.memory !== void 0) out.push("memory");
	if (limits.cpu !== void 0) out.push("cpu");
	if (limits.cpuSet !== void 0) out.push("cpuset");
	if (limits.pids !== void 0) out.push("pids");
	return out;
}
function describe(v) {
	if (typeof v === "string") return `"${v}"`;
	if (v === null) return "null";
	if (Array.isArray(v)) return "a list";
	if (typeof v === "object") return "a mapping";
	return String(v);
}
export { parseCpuSet as a, CgroupError as c, parseCpuList as i, LimitError as l, formatCpuList as n, parseMemory as o, parseCpu as r, parsePids as s, controllersFor as t, errnoCode as u };

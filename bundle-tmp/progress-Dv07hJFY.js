import { i as netnsPath, n as deleteNamedNetnsMany } from "./netns-EP-ZBEUQ.js";
import { o as readJournal, s as readRecord } from "./state-BrxKKSY6.js";
import { existsSync } from "node:fs";
// dist/lab/steps.js
/**
* The steps of `up` after the network exists, in the order they run.
* `down` undoes their journal entries newest first, loading only the steps
* whose entries it meets (a plain lab's down never loads nf_tables code).
* A test checks that names and ops here match the steps' own.
*/
const STEPS = [
	{
		name: "sandbox",
		ops: ["sandbox"],
		load: async () => (await import("./sandbox-VTllpcKS.js")).sandboxStep
	},
	{
		name: "confine",
		ops: ["uts", "cgroup"],
		load: async () => (await import("./confine-UAknf24v.js")).confineStep
	},
	{
		name: "etc-files",
		ops: ["etc-hosts", "etc-netns"],
		filesOnly: true,
		load: async () => (await import("./etc-files-ig6Ls4v_.js")).etcFilesStep
	},
	{
		name: "uplink",
		ops: [
			"uplink-link",
			"uplink-route",
			"host-nat-table",
			"host-ip-forward"
		],
		load: async () => (await import("./uplink-DycAGvHj.js")).uplinkStep
	},
	{
		name: "nat",
		ops: ["nat-table"],
		load: async () => (await import("./nat-DYCT6L6t.js")).natStep
	},
	{
		name: "commands",
		ops: [],
		load: async () => (await import("./commands-DDeaXv5s.js")).commandsStep
	}
];
// dist/lab/teardown.js
var JournalError = class extends Error {
	name = "JournalError";
};
/**
* Remove everything a lab's journal says nslab made, newest first, each
* entry by the step that owns it. Objects already gone are fine: this runs
* after crashes, after `ip netns del`, twice. Runs of namespaces go together
* (their unmounts overlap), and deleting a namespace takes every device
* inside it along, in one kernel batch, far cheaper than link by link.
*/
async function teardown(lab) {
	let removed = 0;
	let absent = 0;
	let namespaces = 0;
	const record = readRecord(lab);
	const facts = record?.facts ?? {};
	const owner = new Map(STEPS.flatMap((s) => s.ops.map((op) => [op, s])));
	const entries = readJournal(lab).reverse();
	const bridged = new Set(record?.plan.bridges.map((b) => b.netns) ?? []);
	const filesOnly = new Set(STEPS.filter((s) => s.filesOnly).flatMap((s) => s.ops));
	const later = entries.filter((e) => filesOnly.has(e.op));
	const undoOne = async (x) => {
		const ref = owner.get(x.op);
		const step = await ref?.load();
		if (!ref || !step) throw new JournalError(`the journal of lab '${lab}' has an entry this nslab does not know ('${x.op}'); was it made by a newer nslab?`);
		if (await step.undo(x, lab, facts[ref.name])) removed++;
		else absent++;
	};
	let laterStarted = false;
	const undoLater = async () => {
		if (laterStarted) return;
		laterStarted = true;
		for (let k = 0; k < later.length; k++) {
			if (k % 64 === 63) await new Promise((r) => setImmediate(r));
			await undoOne(later[k]);
		}
	};
	const now = entries.filter((e) => !filesOnly.has(e.op));
	let i = 0;
	while (i < now.length) {
		const e = now[i];
		let j = i;
		while (j < now.length && now[j]?.op === e.op) j++;
		const run = now.slice(i, j);
		i = j;
		if (e.op === "netns") {
			const names = run.map((x) => String(x.name)).sort((a, b) => Number(bridged.has(b)) - Number(bridged.has(a)));
			const [existed] = await Promise.all([deleteNamedNetnsMany(names), undoLater()]);
			namespaces += existed;
			removed += existed;
			absent += names.length - existed;
			continue;
		}
		const ref = owner.get(e.op);
		const step = await ref?.load();
		if (!ref || !step) throw new JournalError(`the journal of lab '${lab}' has an entry this nslab does not know ('${e.op}'); was it made by a newer nslab?`);
		if (step.undoMany && run.length > 1) {
			const existed = await step.undoMany(run, lab, facts[ref.name]);
			removed += existed;
			absent += run.length - existed;
			continue;
		}
		for (const x of run) await undoOne(x);
	}
	await undoLater();
	return {
		namespaces,
		removed,
		absent
	};
}
// dist/lab/progress.js
/** Progress is drawn only on a terminal, and never in CI. */
function progressWanted(stream, env) {
	const ci = env.CI;
	return stream.isTTY === true && (ci === void 0 || ci === "" || ci === "0" || ci.toLowerCase() === "false");
}
/** "1.2k/s", "850/s", "3.5/s". */
function formatRate(perSecond) {
	if (!Number.isFinite(perSecond) || perSecond <= 0) return "";
	if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)}k/s`;
	if (perSecond >= 10) return `${Math.round(perSecond)}/s`;
	return `${perSecond.toFixed(1)}/s`;
}
/** The text of one progress line, cut to the terminal's width. */
function renderProgress(label, phase, done, total, elapsedMs, columns = 80) {
	const pct = total > 0 ? Math.floor(done / total * 100) : 100;
	const rate = elapsedMs > 0 ? formatRate(done * 1e3 / elapsedMs) : "";
	const text = `${label}: ${phase} ${done}/${total} ${pct}%${rate ? ` ${rate}` : ""}`;
	const width = Math.max(10, columns - 1);
	return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
/** Erase the line the cursor is on and go to its start. */
const CLEAR = "\r\x1B[K";
/**
* A progress line. `update` has the shape apply.ts calls
* (phase, done, total); `finish` erases the line. Both do nothing when
* progress is not wanted.
*/
var Progress = class {
	label;
	enabled;
	stream;
	now;
	everyMs;
	phase = "";
	phaseStart = 0;
	lastDraw = -Infinity;
	drawn = false;
	constructor(label, opts = {}) {
		this.label = label;
		this.stream = opts.stream ?? process.stdout;
		this.now = opts.now ?? (() => performance.now());
		this.everyMs = opts.everyMs ?? 80;
		this.enabled = progressWanted(this.stream, opts.env ?? process.env);
	}
	/** (phase, done, total): bound, so it can be handed to apply as is. */
	update = (phase, done, total) => {
		if (!this.enabled) return;
		const t = this.now();
		if (phase !== this.phase) {
			this.phase = phase;
			this.phaseStart = t;
			this.lastDraw = -Infinity;
		}
		if (done < total && t - this.lastDraw < this.everyMs) return;
		this.lastDraw = t;
		this.drawn = true;
		this.stream.write(`${CLEAR}${renderProgress(this.label, phase, done, total, t - this.phaseStart, this.stream.columns || 80)}`);
	};
	/** Erase the line (call before printing the result, and on failure). */
	finish() {
		if (!this.enabled || !this.drawn) return;
		this.drawn = false;
		this.stream.write(CLEAR);
	}
};
/**
* Progress of a teardown, watched from outside it: how many of the lab's
* journaled namespaces are gone from /run/netns, counted on a timer while
* `down` runs (its unmounts run on worker threads, so timers fire). Returns
* the function that stops watching.
*/
function watchTeardown(lab, progress, everyMs = 100) {
	if (!progress.enabled) return () => void 0;
	const names = readJournal(lab).flatMap((e) => e.op === "netns" && "name" in e && typeof e.name === "string" ? [e.name] : []);
	if (names.length === 0) return () => void 0;
	const tick = () => {
		const gone = names.filter((n) => !existsSync(netnsPath(n))).length;
		progress.update("removing namespaces", gone, names.length);
	};
	tick();
	const timer = setInterval(tick, everyMs);
	return () => {
		clearInterval(timer);
		progress.finish();
	};
}
export { STEPS as i, watchTeardown as n, teardown as r, Progress as t };

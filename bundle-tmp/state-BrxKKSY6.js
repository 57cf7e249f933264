import { _ as libc } from "./libc-oAiCzK6X.js";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
// dist/lab/state.js
/** Where nslab keeps what it made, one directory per lab. */
const STATE_ROOT = process.env.NSLAB_STATE_DIR ?? "/run/nslab";
function labDir(lab) {
	return `${STATE_ROOT}/${lab}`;
}
var LabBusyError = class extends Error {
	name = "LabBusyError";
};
/**
* An exclusive hold on a lab's state directory (flock on its `lock` file),
* kept for a whole `up` or `down`. The kernel drops it when the process
* dies, however it dies.
*/
var LabLock = class LabLock {
	lab;
	fd;
	constructor(lab, fd) {
		this.lab = lab;
		this.fd = fd;
	}
	/**
	* Exclusive (up, down) or shared (exec adding to a lab that is up: many at
	* once, but never while the lab is being built or removed).
	*/
	static acquire(lab, doing, shared = false) {
		mkdirSync(labDir(lab), {
			recursive: true,
			mode: 493
		});
		const fd = openSync(`${labDir(lab)}/lock`, "a+");
		if (!libc.flock(fd, (shared ? 1 : 2) | 4)) {
			closeSync(fd);
			const rec = readRecord(lab);
			const who = rec ? ` (pid ${rec.pid})` : "";
			throw new LabBusyError(rec?.status === "deploying" ? `lab '${lab}' is being deployed by another nslab${who}; wait for it, or stop it and run 'nslab down ${lab}'` : `lab '${lab}' is busy: another nslab is working on it${who}; cannot ${doing} now`);
		}
		return new LabLock(lab, fd);
	}
	release() {
		closeSync(this.fd);
	}
};
/** The append-only journal of a lab being built. */
var Journal = class {
	lab;
	fd;
	constructor(lab) {
		this.lab = lab;
		this.fd = openSync(`${labDir(lab)}/journal.jsonl`, "a");
	}
	/** Record objects about to be made (one write for many). */
	intend(entries) {
		if (entries.length === 0) return;
		writeSync(this.fd, entries.map((e) => JSON.stringify(e)).join("\n") + "\n");
	}
	close() {
		closeSync(this.fd);
	}
};
/** Everything the journal says was (maybe) made; a torn last line is skipped. */
function readJournal(lab) {
	const path = `${labDir(lab)}/journal.jsonl`;
	if (!existsSync(path)) return [];
	const out = [];
	for (const line of readFileSync(path, "utf8").split("\n")) {
		if (!line) continue;
		try {
			out.push(JSON.parse(line));
		} catch {}
	}
	return out;
}
function writeRecord(rec) {
	const path = `${labDir(rec.lab)}/lab.json`;
	writeFileSync(`${path}.tmp`, JSON.stringify(rec, null, 2) + "\n");
	renameSync(`${path}.tmp`, path);
}
function readRecord(lab) {
	try {
		return JSON.parse(readFileSync(`${labDir(lab)}/lab.json`, "utf8"));
	} catch {
		return;
	}
}
/** Labs that have a state directory. */
function listLabDirs() {
	try {
		return readdirSync(STATE_ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
	} catch {
		return [];
	}
}
function removeLabDir(lab) {
	rmSync(labDir(lab), {
		recursive: true,
		force: true
	});
}
function labDirExists(lab) {
	return existsSync(labDir(lab));
}
export { listLabDirs as a, removeLabDir as c, labDirExists as i, writeRecord as l, LabLock as n, readJournal as o, labDir as r, readRecord as s, Journal as t };

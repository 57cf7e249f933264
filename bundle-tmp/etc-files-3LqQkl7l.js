import { n as hostsFile } from "./plan-DNPPhVqz.js";
import { r as labDir } from "./state-BrxKKSY6.js";
import { dirname } from "node:path";
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmdirSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
// dist/lab/etc-files.js
/**
* /etc/netns/<namespace>/: the files `ip netns exec` (and `nslab exec`)
* bind-mount over /etc inside a node. Every node gets `hosts`, naming every
* lab node; a node with `dns:` also gets `resolv.conf`.
*
* The hosts file is the same for every node, so it is written once, to the
* lab's state directory, and each node's `hosts` is a symlink to it (a bind
* mount follows the link): a thousand-node lab writes one file, not a
* thousand. resolv.conf is per node and written as a file.
*
* nslab never replaces a file it did not write: if one is already there,
* `up` stops and says so. `down` removes only its own files — the symlink
* if it still points at the lab's hosts file, resolv.conf if it still holds
* what nslab wrote — and a directory (a node's, or /etc/netns itself) only
* if nslab made it and it is empty.
*/
/** Where iproute2 looks for a namespace's own /etc files. */
const ETC_NETNS = "/etc/netns";
function etcNetnsDir(netns) {
	return `${ETC_NETNS}/${netns}`;
}
/** The lab's one hosts file, which every node's /etc/netns/<ns>/hosts links to. */
function labHostsPath(lab) {
	return `${labDir(lab)}/hosts`;
}
var EtcFileError = class extends Error {
	name = "EtcFileError";
};
function lexists(path) {
	try {
		lstatSync(path);
		return true;
	} catch {
		return false;
	}
}
function linkTarget(path) {
	try {
		return readlinkSync(path);
	} catch {
		return;
	}
}
function contentOf(path) {
	try {
		if (lstatSync(path).isSymbolicLink()) return void 0;
		return readFileSync(path, "utf8");
	} catch {
		return;
	}
}
/** rmdir refuses a directory that is not empty (ENOTEMPTY), which is what we want. */
function removeIfEmpty(dir) {
	try {
		rmdirSync(dir);
		return true;
	} catch {
		return false;
	}
}
/** The /etc/netns files as shell commands, for `up --explain`. */
function explainEtcFiles(plan) {
	if (plan.namespaces.length === 0) return [];
	const hosts = labHostsPath(plan.lab);
	const lines = [
		"# /etc/netns/<namespace>/: files `ip netns exec` mounts over /etc: one hosts file for the lab, linked from every node; resolv.conf for nodes with dns:.",
		`mkdir -p ${dirname(hosts)}`,
		`cat > ${hosts} <<'EOF'`,
		...hostsFile(plan).trimEnd().split("\n"),
		"EOF"
	];
	for (const n of plan.namespaces) {
		lines.push(`mkdir -p ${etcNetnsDir(n.name)} && ln -s ${hosts} ${etcNetnsDir(n.name)}/hosts`);
		if (n.resolvConf !== void 0) lines.push(`cat > ${etcNetnsDir(n.name)}/resolv.conf <<'EOF'`, ...n.resolvConf.trimEnd().split("\n"), "EOF");
	}
	return lines;
}
const etcFilesStep = {
	name: "etc-files",
	ops: ["etc-hosts", "etc-netns"],
	apply(ctx) {
		const plan = ctx.plan;
		if (plan.namespaces.length === 0) return;
		const hosts = labHostsPath(plan.lab);
		ctx.journal.intend([{
			op: "etc-hosts",
			path: hosts
		}]);
		writeFileSync(hosts, hostsFile(plan), { mode: 420 });
		for (const n of plan.namespaces) {
			const dir = etcNetnsDir(n.name);
			for (const f of ["hosts", ...n.resolvConf !== void 0 ? ["resolv.conf"] : []]) if (lexists(`${dir}/${f}`)) throw new EtcFileError(`${dir}/${f} exists and nslab did not write it; remove it (or the whole ${dir}) and run up again [${n.origin}]`);
		}
		if (!existsSync("/etc/netns")) {
			ctx.journal.intend([{
				op: "etc-netns",
				dir: ETC_NETNS,
				created: true
			}]);
			mkdirSync(ETC_NETNS, {
				recursive: true,
				mode: 493
			});
		}
		const entries = plan.namespaces.map((n) => {
			const dir = etcNetnsDir(n.name);
			return {
				op: "etc-netns",
				dir,
				created: !existsSync(dir),
				hosts,
				...n.resolvConf !== void 0 ? { resolvConf: n.resolvConf } : {}
			};
		});
		ctx.journal.intend(entries);
		let done = 0;
		for (const e of entries) {
			if (e.created) mkdirSync(e.dir, { mode: 493 });
			symlinkSync(hosts, `${e.dir}/hosts`);
			if (e.resolvConf !== void 0) writeFileSync(`${e.dir}/resolv.conf`, e.resolvConf, {
				mode: 420,
				flag: "wx"
			});
			ctx.progress?.("/etc/netns files", ++done, entries.length);
		}
	},
	undo(entry) {
		if (entry.op === "etc-hosts") {
			const e = entry;
			if (!lexists(e.path)) return false;
			unlinkSync(e.path);
			return true;
		}
		const e = entry;
		let removed = false;
		if (e.hosts !== void 0 && linkTarget(`${e.dir}/hosts`) === e.hosts) {
			unlinkSync(`${e.dir}/hosts`);
			removed = true;
		}
		if (e.resolvConf !== void 0 && contentOf(`${e.dir}/resolv.conf`) === e.resolvConf) {
			unlinkSync(`${e.dir}/resolv.conf`);
			removed = true;
		}
		if (e.created && removeIfEmpty(e.dir)) removed = true;
		return removed;
	}
};
export { explainEtcFiles as a, etcNetnsDir as i, EtcFileError as n, labHostsPath as o, etcFilesStep as r, ETC_NETNS as t };

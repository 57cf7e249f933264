import { t as requirePrivileges } from "./privileges-DX3k0WGy.js";
import { a as listLabDirs, c as removeLabDir, i as labDirExists, n as LabLock } from "./state-BrxKKSY6.js";
import { n as watchTeardown, r as teardown, t as Progress } from "./progress-Dv07hJFY.js";
import { t as UsageError } from "./errors-DVtOiXg0.js";
import { n as labNameFrom } from "./resolve-32GhEs-c.js";
// dist/lab/down.js
/** Remove a lab: everything its journal names, then its state. */
async function down(lab) {
	requirePrivileges("nslab down");
	if (!labDirExists(lab)) return {
		lab,
		found: false,
		namespaces: 0,
		removed: 0,
		absent: 0
	};
	const lock = LabLock.acquire(lab, "take it down");
	try {
		const result = await teardown(lab);
		removeLabDir(lab);
		return {
			lab,
			found: true,
			...result
		};
	} finally {
		lock.release();
	}
}
// dist/cli/down.js
/** down() with a progress line on a terminal (namespaces gone / journaled). */
async function downWithProgress(lab) {
	const stop = watchTeardown(lab, new Progress(`down ${lab}`));
	try {
		return await down(lab);
	} finally {
		stop();
	}
}
function report(r) {
	if (!r.found) return `lab '${r.lab}' is not up; nothing to remove`;
	const others = r.removed - r.namespaces;
	return `lab '${r.lab}' is down (${r.namespaces} node namespace${r.namespaces === 1 ? "" : "s"}${others ? ` and ${others} other object${others === 1 ? "" : "s"}` : ""} removed${r.absent ? `, ${r.absent} already gone` : ""})`;
}
function registerDown(program) {
	program.command("down").description("remove a lab and everything nslab made for it").argument("[lab]", "lab name, or the topology file that names it").option("--all", "remove every lab").action(async (lab, opts) => {
		if (opts.all) {
			const results = [];
			for (const l of listLabDirs()) results.push(await downWithProgress(l));
			process.stdout.write(results.length ? `${results.map(report).join("\n")}\n` : "no lab is up\n");
			return;
		}
		if (!lab) throw new UsageError("name the lab to remove (nslab down LAB), or use --all");
		process.stdout.write(`${report(await downWithProgress(labNameFrom(lab)))}\n`);
	});
}
export { registerDown };

import { n as looksLikeFile } from "./names-Wg_asd0Q.js";
import { a as listLabDirs } from "./state-BrxKKSY6.js";
import { t as UsageError } from "./errors-DVtOiXg0.js";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
// dist/cli/resolve.js
/** The lab nslab brings up when no file is given. */
const DEFAULT_TOPOLOGY = fileURLToPath(new URL("../../topologies/default.yaml", import.meta.url));
/** A lab given by name, or by the topology file that names it. */
function labNameFrom(arg) {
	if (!looksLikeFile(arg)) return arg;
	let doc;
	try {
		const { parse } = createRequire(import.meta.url)("yaml");
		doc = parse(readFileSync(arg, "utf8"));
	} catch (err) {
		throw new UsageError(`cannot read the lab name from ${arg}: ${err.message.split("\n")[0]}`);
	}
	const name = doc?.name;
	if (typeof name !== "string") throw new UsageError(`${arg} has no 'name:' field, so it names no lab`);
	return name;
}
/** The one lab that is up, for commands where naming it is optional. */
function onlyLab() {
	const labs = listLabDirs();
	if (labs.length === 1) return labs[0];
	if (labs.length === 0) throw new UsageError("no lab is up (start one with: nslab up [FILE])");
	throw new UsageError(`several labs are up (${labs.join(", ")}); name one`);
}
export { labNameFrom as n, onlyLab as r, DEFAULT_TOPOLOGY as t };

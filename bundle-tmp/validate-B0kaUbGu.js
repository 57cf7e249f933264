import { r as formatDiagnostic } from "./diagnostics-BOTw9g1k.js";
import { t as loadTopologyFile } from "./load-BF6dsdTg.js";
import { t as compilePlan } from "./plan-DNPPhVqz.js";
// dist/cli/validate.js
function registerValidate(program) {
	program.command("validate").description("check a topology file and report every problem, without root and without making anything").argument("<file>", "topology file (YAML)").action((file) => {
		const topo = loadTopologyFile(file);
		for (const w of topo.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
		const plan = compilePlan(topo);
		process.stdout.write(`${file}: valid — lab '${plan.lab}', ${plan.namespaces.length} nodes, ${plan.veths.length} links, ${plan.addresses.length} addresses, ${plan.routes.length} routes\n`);
	});
}
export { registerValidate };

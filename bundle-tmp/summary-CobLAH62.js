import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { a as listLabDirs, n as LabLock, s as readRecord } from "./state-BrxKKSY6.js";
import { existsSync } from "node:fs";
// dist/lab/summary.js
/** Labs with a state record, and whether they are up, being deployed or half-made. */
function labSummaries() {
	return listLabDirs().map((lab) => {
		const rec = readRecord(lab);
		let status = rec?.status ?? "unknown";
		if (status === "deploying") try {
			LabLock.acquire(lab, "inspect it").release();
			status = "failed (run nslab down)";
		} catch {
			status = "deploying";
		}
		return {
			lab,
			status,
			nodes: rec?.plan.namespaces.length ?? 0,
			running: rec?.plan.namespaces.filter((n) => existsSync(netnsPath(n.name))).length ?? 0,
			links: rec?.plan.veths.length ?? 0,
			source: rec?.source ?? ""
		};
	});
}
export { labSummaries as t };

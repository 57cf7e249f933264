import { a as showLinks, i as setLinkState, t as LinkControlError } from "./link-control-D6T2aI-e.js";
import { t as requirePrivileges } from "./privileges-DX3k0WGy.js";
import { n as runningPlan } from "./check-DTrUwynC.js";
import { t as UsageError } from "./errors-DVtOiXg0.js";
// dist/cli/link.js
function table(rows) {
	const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
	return rows.map((r) => r.map((c, i) => i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}
function formatInterfaces(list) {
	const rows = [[
		"INTERFACE",
		"STATE",
		"MTU",
		"IMPAIRMENT",
		"DROPS",
		"QDISCS"
	]];
	for (const i of list) rows.push([
		`${i.node}:${i.interface}`,
		i.state,
		String(i.mtu ?? ""),
		i.impairmentText || (i.foreignQdisc ? "(not nslab's)" : "-"),
		String(i.drops),
		i.qdiscs.join(", ")
	]);
	return table(rows);
}
/** Errors the user can act on become one line (no stack, no "set NSLAB_DEBUG"). */
function oneLine(fn) {
	try {
		return fn();
	} catch (err) {
		if (err instanceof LinkControlError) throw new UsageError(err.message);
		throw err;
	}
}
function registerLink(program) {
	const link = program.command("link").description("change or show the links of a running lab (state and impairments)");
	link.command("set").description("impair an interface (what leaves it), clear it, or set it down/up; impairment flags are added to what the interface has").argument("<lab>", "lab name or topology file").argument("<endpoint>", "NODE:INTERFACE, e.g. h1:eth0").option("--rate <rate>", "rate limit, e.g. 10mbit (tbf)").option("--delay <time>", "added delay, e.g. 50ms (netem)").option("--jitter <time>", "delay variation, e.g. 5ms (netem; needs a delay)").option("--loss <percent>", "packets dropped, e.g. 1% (netem)").option("--corrupt <percent>", "packets with a flipped bit, e.g. 0.1% (netem)").option("--duplicate <percent>", "packets sent twice, e.g. 1% (netem)").option("--reorder <percent>", "packets sent ahead of the delay, e.g. 25% (netem; needs a delay)").option("--clear", "remove every impairment first (other flags then start from nothing)").option("--down", "set the interface administratively down").option("--up", "set the interface administratively up (and put back the lab's addresses and routes through it, which the kernel drops on down)").option("--json", "print the interface afterwards as JSON").action((labArg, endpoint, opts) => {
		if (opts.down && opts.up) throw new UsageError("give --down or --up, not both");
		const flags = {
			...opts.rate !== void 0 ? { rate: opts.rate } : {},
			...opts.delay !== void 0 ? { delay: opts.delay } : {},
			...opts.jitter !== void 0 ? { jitter: opts.jitter } : {},
			...opts.loss !== void 0 ? { loss: opts.loss } : {},
			...opts.corrupt !== void 0 ? { corrupt: opts.corrupt } : {},
			...opts.duplicate !== void 0 ? { duplicate: opts.duplicate } : {},
			...opts.reorder !== void 0 ? { reorder: opts.reorder } : {}
		};
		const up = opts.down ? false : opts.up ? true : void 0;
		if (Object.keys(flags).length === 0 && !opts.clear && up === void 0) throw new UsageError("nothing to change: give an impairment (--rate, --delay, --loss, …), --clear, --down or --up");
		const plan = runningPlan(labArg);
		requirePrivileges("nslab link set", "it changes links inside the lab's namespaces");
		const after = oneLine(() => setLinkState(plan, endpoint, {
			flags,
			...opts.clear ? { clear: true } : {},
			...up !== void 0 ? { up } : {}
		}));
		if (opts.json) process.stdout.write(`${JSON.stringify(after, null, 2)}\n`);
		else {
			const r = after.restored;
			const back = r && r.addresses + r.routes > 0 ? ` (put back ${r.addresses} address${r.addresses === 1 ? "" : "es"} and ${r.routes} route${r.routes === 1 ? "" : "s"} the kernel dropped when it went down)` : "";
			process.stdout.write(`${after.node}:${after.interface} ${after.state}${after.impairmentText ? `, ${after.impairmentText}` : ", no impairment"}${back}\n`);
		}
	});
	link.command("show").description("every interface of a lab: state, impairment and qdiscs, as the kernel has them").argument("[lab]", "lab name or topology file (optional when one lab is up)").option("--json", "print JSON").action((labArg, opts) => {
		const plan = runningPlan(labArg);
		requirePrivileges("nslab link show", "it reads links inside the lab's namespaces");
		const shown = oneLine(() => showLinks(plan));
		if (opts.json) {
			process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
			return;
		}
		process.stdout.write(`${formatInterfaces(shown.interfaces)}\n`);
		if (shown.missing.length > 0) process.stdout.write(`missing namespaces (nodes): ${shown.missing.join(", ")}\n`);
	});
}
export { registerLink };

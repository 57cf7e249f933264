import { i as STEPS, r as teardown, t as Progress } from "./progress-Dv07hJFY.js";
import { a as explainEtcFiles } from "./etc-files-3LqQkl7l.js";
import { r as explainNat } from "./nat-DgBeIgIt.js";
import { d as namespaceSysctls, f as veth, l as describePlan, n as explainUplink, u as explainPlan } from "./uplink-BNLcprHh.js";
import { t as requirePrivileges } from "./privileges-DX3k0WGy.js";
import { c as RtnlSession } from "./route-B0Crn4mq.js";
import { r as NetlinkError } from "./socket-CytI9jvG.js";
import { l as IFLA_BR } from "./names-Wg_asd0Q.js";
import { a as newLink, o as parseMac, s as setLink } from "./link-C1xAs8C5.js";
import { a as impairmentRequests, d as unsupportedQdiscKind } from "./impairment-ywJfqdPI.js";
import { r as missingQdiscMessage, t as LinkControlError } from "./link-control-D6T2aI-e.js";
import { o as writeSysctl, p as inNetns, t as createNamedNetns } from "./netns-EP-ZBEUQ.js";
import { _ as libc } from "./libc-oAiCzK6X.js";
import { t as Sandbox } from "./sandbox-Cj29Yee9.js";
import { r as isUplinkRoute, t as compilePlan } from "./plan-DNPPhVqz.js";
import { n as routeRequest, t as addressRequest } from "./requests-QGfRO_Vz.js";
import { c as removeLabDir, l as writeRecord, n as LabLock, o as readJournal, s as readRecord, t as Journal } from "./state-BrxKKSY6.js";
import { r as formatDiagnostic } from "./diagnostics-BOTw9g1k.js";
import { t as loadTopologyFile } from "./load-BF6dsdTg.js";
import { t as DEFAULT_TOPOLOGY } from "./resolve-32GhEs-c.js";
// dist/rtnl/kinds/bridge.js
/**
* A Linux bridge: a software switch.
*
* `ip link add name BR type bridge [forward_delay N] [stp_state 0|1] [mcast_snooping 0|1]`
*/
function bridge(opts = {}) {
	if (!(opts.stp !== void 0 || opts.forwardDelay !== void 0 || opts.multicastSnooping !== void 0)) return { kind: "bridge" };
	return {
		kind: "bridge",
		data: (w) => {
			if (opts.forwardDelay !== void 0) w.attrU32(IFLA_BR.IFLA_BR_FORWARD_DELAY, opts.forwardDelay);
			if (opts.stp !== void 0) w.attrU32(IFLA_BR.IFLA_BR_STP_STATE, opts.stp ? 1 : 0);
			if (opts.multicastSnooping !== void 0) w.attrU8(IFLA_BR.IFLA_BR_MCAST_SNOOPING, opts.multicastSnooping ? 1 : 0);
		}
	};
}
// dist/lab/apply.js
const LOOPBACK_INDEX = 1;
/**
* Execute a plan. The journal gets every namespace before it is made; all
* other objects live inside those namespaces and go with them. Requests for
* one namespace travel in one batch per phase:
*  1. namespaces (sysctls set and a socket opened while inside);
*  2. lo up, bridges, veth pairs (each end born in its namespace, named and numbered);
*  3. far ends of veths up (a veth end born elsewhere cannot start up);
*  4. addresses, then routes;
*  5. link impairments (tc qdiscs).
*/
async function applyPlan(plan, journal, progress, saveFacts) {
	const nodes = /* @__PURE__ */ new Map();
	const node = (name) => {
		const n = nodes.get(name);
		if (!n) throw new Error(`plan refers to namespace ${name}, which the plan does not create`);
		return n;
	};
	const facts = {};
	let sandbox;
	try {
		if (plan.namespaces.some((n) => n.confine.isolation === "sandbox")) sandbox = await Sandbox.open(plan, journal);
		journal.intend(plan.namespaces.map((n) => ({
			op: "netns",
			name: n.name
		})));
		let done = 0;
		const inside = (n) => {
			for (const [key, value] of namespaceSysctls(n)) writeSysctl(key, value);
			return RtnlSession.open({ label: `netns ${n.name}` });
		};
		for (const n of plan.namespaces) {
			if (n.confine.isolation === "sandbox") continue;
			const { ns, result } = createNamedNetns(n.name, () => inside(n));
			nodes.set(n.name, {
				ns,
				rtnl: result
			});
			progress?.("namespaces", ++done, plan.namespaces.length);
		}
		if (sandbox) {
			await sandbox.createMany(plan.namespaces.filter((n) => n.confine.isolation === "sandbox"), (n, ns) => {
				nodes.set(n.name, {
					ns,
					rtnl: inNetns(ns.fd, () => inside(n))
				});
				progress?.("namespaces", ++done, plan.namespaces.length);
			});
			await sandbox.close();
			facts.sandbox = sandbox.facts();
			saveFacts?.(facts);
		}
		const batches = new Map(plan.namespaces.map((n) => [n.name, [setLink({
			index: LOOPBACK_INDEX,
			up: true
		})]]));
		const add = (ns, r) => {
			const list = batches.get(ns);
			if (!list) throw new Error(`plan refers to namespace ${ns}, which the plan does not create`);
			list.push(r);
		};
		for (const b of plan.bridges) add(b.netns, newLink({
			name: b.name,
			index: b.index,
			up: true,
			info: bridge()
		}, b.origin));
		for (const v of plan.veths) {
			const mtu = v.mtu !== void 0 ? { mtu: v.mtu } : {};
			const peer = {
				name: v.b.name,
				index: v.b.index,
				mac: parseMac(v.b.mac),
				...mtu,
				netnsFd: node(v.b.netns).ns.fd
			};
			add(v.a.netns, newLink({
				name: v.a.name,
				index: v.a.index,
				mac: parseMac(v.a.mac),
				...mtu,
				...v.a.master !== void 0 ? { master: v.a.master } : {},
				up: true,
				info: veth(peer)
			}, v.origin));
		}
		runPhase("links", batches, node, progress);
		const farEnds = /* @__PURE__ */ new Map();
		for (const v of plan.veths) {
			const list = farEnds.get(v.b.netns) ?? [];
			list.push(setLink({
				index: v.b.index,
				up: true,
				...v.b.master !== void 0 ? { master: v.b.master } : {}
			}, v.origin));
			farEnds.set(v.b.netns, list);
		}
		runPhase("interfaces up", farEnds, node, progress);
		const config = /* @__PURE__ */ new Map();
		const push = (ns, r) => {
			const list = config.get(ns) ?? [];
			list.push(r);
			config.set(ns, list);
		};
		for (const a of plan.addresses) push(a.netns, addressRequest(a));
		for (const r of plan.routes) {
			if (isUplinkRoute(plan, r)) continue;
			push(r.netns, routeRequest(r));
		}
		runPhase("addresses and routes", config, node, progress);
		const shaping = /* @__PURE__ */ new Map();
		for (const imp of plan.impairments) {
			const list = shaping.get(imp.netns) ?? [];
			list.push(...impairmentRequests(imp.index, imp.spec, {
				dev: `${imp.node}:${imp.dev}`,
				origin: imp.origin,
				...imp.mtu !== void 0 ? { mtu: imp.mtu } : {}
			}));
			shaping.set(imp.netns, list);
		}
		try {
			runPhase("link impairments", shaping, node, progress);
		} catch (err) {
			const kind = err instanceof NetlinkError ? unsupportedQdiscKind(err) : void 0;
			if (err instanceof NetlinkError && kind) {
				const imp = plan.impairments.find((i) => i.origin === err.request?.origin);
				const dev = imp ? `${imp.node}:${imp.dev}` : "a link";
				throw new LinkControlError(`cannot impair ${dev}: ${missingQdiscMessage(kind, err.extackMessage ?? err.errnoName)} [${err.request?.origin ?? plan.source}]`, { cause: err });
			}
			throw err;
		}
		for (const ref of STEPS) {
			const step = await ref.load();
			const ctx = {
				plan,
				journal,
				netnsFd: (name) => node(name).ns.fd,
				rtnl: (name) => node(name).rtnl,
				remember: (fact) => {
					facts[step.name] = fact;
				},
				...progress ? { progress } : {}
			};
			await step.apply(ctx);
			saveFacts?.(facts);
		}
		return facts;
	} finally {
		await sandbox?.close();
		for (const n of nodes.values()) {
			n.rtnl.close();
			libc.close(n.ns.fd);
		}
	}
}
function runPhase(phase, batches, node, progress) {
	let done = 0;
	for (const [ns, requests] of batches) {
		if (requests.length > 0) node(ns).rtnl.apply(requests);
		progress?.(phase, ++done, batches.size);
	}
}
// dist/lab/up.js
var LabStateError = class extends Error {
	name = "LabStateError";
};
/**
* Bring a lab up from its plan. Holds the lab's lock throughout; a failure
* half-way removes what was made and leaves no state behind.
*/
async function up(plan, progress) {
	requirePrivileges("nslab up");
	const lock = LabLock.acquire(plan.lab, "bring it up");
	try {
		const existing = readRecord(plan.lab);
		if (existing?.status === "up") throw new LabStateError(`lab '${plan.lab}' is already up (from ${existing.source}); run 'nslab down ${plan.lab}' first`);
		if (existing || readJournal(plan.lab).length > 0) throw new LabStateError(`lab '${plan.lab}' was left half-made by an earlier run (pid ${existing?.pid ?? "?"}); run 'nslab down ${plan.lab}' to clear it`);
		const record = {
			lab: plan.lab,
			source: plan.source,
			pid: process.pid,
			startedAt: (/* @__PURE__ */ new Date()).toISOString(),
			plan
		};
		writeRecord({
			...record,
			status: "deploying"
		});
		const journal = new Journal(plan.lab);
		let facts;
		try {
			facts = await applyPlan(plan, journal, progress, (f) => writeRecord({
				...record,
				status: "deploying",
				facts: f
			}));
		} catch (err) {
			journal.close();
			try {
				await teardown(plan.lab);
				removeLabDir(plan.lab);
			} catch (cleanupErr) {
				throw new AggregateError([err, cleanupErr], `${err.message}\n(and rolling back failed: ${cleanupErr.message}; run 'nslab down ${plan.lab}')`);
			}
			throw err;
		}
		journal.close();
		writeRecord({
			...record,
			status: "up",
			facts
		});
	} finally {
		lock.release();
	}
}
// dist/cli/up.js
function summary(plan, seconds) {
	const lines = [`lab '${plan.lab}' is up: ${plan.namespaces.length} nodes, ${plan.veths.length} links (${seconds.toFixed(2)} s)`];
	const width = Math.max(...plan.namespaces.map((n) => n.node.length), 4);
	for (const n of plan.namespaces) {
		const addrs = plan.addresses.filter((a) => a.netns === n.name).map((a) => `${a.dev} ${a.address}`);
		lines.push(`  ${n.node.padEnd(width)}  ${n.kind.padEnd(6)}  netns ${n.name}${addrs.length ? `  ${addrs.join(", ")}` : ""}`);
	}
	const host = plan.namespaces.find((n) => n.kind === "host");
	const target = plan.addresses.find((a) => a.netns !== host?.name && !a.address.includes(":"));
	if (host && target) lines.push(`try: ip netns exec ${host.name} ping -c 3 ${target.address.split("/")[0]}`);
	lines.push(`remove it with: nslab down ${plan.lab}`);
	return lines.join("\n");
}
function registerUp(program) {
	program.command("up").description("build the lab a topology file describes (the built-in default lab when no file is given)").argument("[file]", "topology file (YAML)").option("--dry-run", "print the plan and make nothing").option("--json", "with --dry-run: the plan as JSON").option("--explain", "print the equivalent ip and sysctl commands (a runnable script) and make nothing").action(async (file, opts) => {
		const topo = loadTopologyFile(file ?? DEFAULT_TOPOLOGY);
		for (const w of topo.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
		const plan = compilePlan(topo);
		if (opts.explain) {
			process.stdout.write(explainPlan(plan, [
				...explainEtcFiles(plan),
				...explainUplink(plan),
				...explainNat(plan)
			]));
			return;
		}
		if (opts.dryRun) {
			process.stdout.write(opts.json ? `${JSON.stringify(plan, null, 2)}\n` : describePlan(plan));
			return;
		}
		const started = performance.now();
		const progress = new Progress(`up ${plan.lab}`);
		try {
			await up(plan, progress.update);
		} finally {
			progress.finish();
		}
		process.stdout.write(`${summary(plan, (performance.now() - started) / 1e3)}\n`);
	});
}
export { registerUp };

import { a as decodeAddr, c as RtnlSession, o as dumpAddrs, r as dumpRoutes, t as decodeRoute } from "./route-B0Crn4mq.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { r as dumpLinks, t as decodeLink } from "./link-C1xAs8C5.js";
import { g as RTPROT } from "./names-Wg_asd0Q.js";
import { n as openCgroupManager } from "./create-CMJGZ6Ew.js";
import { readFileSync, statSync } from "node:fs";
// dist/lab/sandbox-view.js
function inode(path) {
	try {
		return statSync(path).ino;
	} catch {
		return;
	}
}
/** The node's init among its cgroup's processes: the one that is PID 1 in its own PID namespace. */
function findInit(pids) {
	for (const pid of pids) try {
		const nspid = /^NSpid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]?.trim().split(/\s+/);
		if (nspid && nspid.length > 1 && nspid[nspid.length - 1] === "1") return pid;
	} catch {}
	return null;
}
function sandboxView(facts, node, netns, cgroups) {
	const s = facts?.nodes[node];
	if (!facts || !s) return void 0;
	let pids = [];
	try {
		pids = cgroups ? cgroups.stats(node).procs : [];
	} catch {}
	const init = findInit(pids);
	const namespaces = {};
	const add = (type, path) => {
		const ino = inode(path);
		if (ino !== void 0) namespaces[type] = ino;
	};
	add("user", facts.userns);
	add("net", netnsPath(netns));
	add("mnt", s.mnt);
	if (init !== null) {
		for (const t of [
			"pid",
			"uts",
			"ipc"
		]) add(t, `/proc/${init}/ns/${t}`);
		add("cgroup", `/proc/${init}/ns/cgroup`);
	}
	return {
		namespaces,
		uidMap: `0 ${facts.ids.uid} ${facts.ids.count}`,
		gidMap: `0 ${facts.ids.gid} ${facts.ids.count}`,
		init
	};
}
// dist/lab/inspect.js
const IFF_LOWER_UP = 65536;
/** Dump one namespace through a socket opened inside it; undefined if it is gone. */
function readNamespace(netns) {
	const conn = RtnlSession.openIfExists(netnsPath(netns), {
		timeoutMs: 5e3,
		label: `netns ${netns}`
	});
	if (!conn) return void 0;
	try {
		return {
			links: conn.dump(dumpLinks()).map(decodeLink),
			addresses: conn.dump(dumpAddrs()).map(decodeAddr),
			routes: [...conn.dump(dumpRoutes(4)), ...conn.dump(dumpRoutes(6))].map(decodeRoute)
		};
	} finally {
		conn.close();
	}
}
function protoName(p) {
	if (p === RTPROT.RTPROT_KERNEL) return "kernel";
	if (p === RTPROT.RTPROT_STATIC) return "static";
	if (p === RTPROT.RTPROT_BOOT) return "boot";
	return String(p);
}
function interfaceViews(state) {
	const byIndex = new Map(state.links.map((l) => [l.index, l]));
	return state.links.filter((l) => l.name !== "lo").map((l) => {
		const master = l.master !== void 0 ? byIndex.get(l.master)?.name : void 0;
		return {
			name: l.name,
			index: l.index,
			up: l.up,
			carrier: (l.flags & IFF_LOWER_UP) !== 0,
			operstate: l.operstate,
			...l.mac !== void 0 ? { mac: l.mac } : {},
			...l.mtu !== void 0 ? { mtu: l.mtu } : {},
			addresses: state.addresses.filter((a) => a.index === l.index && a.scope === 0).map((a) => `${a.local}/${a.prefix}`),
			...master !== void 0 ? { master } : {},
			...l.stats ? { stats: {
				rxBytes: Number(l.stats.rxBytes),
				txBytes: Number(l.stats.txBytes),
				rxPackets: Number(l.stats.rxPackets),
				txPackets: Number(l.stats.txPackets)
			} } : {}
		};
	});
}
function routeViews(state) {
	const names = new Map(state.links.map((l) => [l.index, l.name]));
	return state.routes.filter((r) => r.table === 254 && r.type === 1 && !r.dst.startsWith("fe80:")).map((r) => {
		const dev = r.oif !== void 0 ? names.get(r.oif) : void 0;
		return {
			dst: r.dst,
			...r.gateway !== void 0 ? { via: r.gateway } : {},
			...dev !== void 0 ? { dev } : {},
			...r.metric !== void 0 ? { metric: r.metric } : {},
			proto: protoName(r.protocol)
		};
	});
}
function linkId(a, b) {
	return `${a.node}:${a.interface}--${b.node}:${b.interface}`;
}
/** The lab as the plan says it should be, with nothing read from the kernel. */
function planView(plan, status = "planned") {
	const nodes = plan.namespaces.map((n) => ({
		name: n.node,
		kind: n.kind,
		netns: n.name,
		hostname: n.hostname,
		limits: limitsView(n.confine.limits),
		capabilities: n.confine.caps.map((c) => c.replace(/^CAP_/, "")),
		seccomp: n.confine.seccomp,
		isolation: n.confine.isolation,
		present: false,
		interfaces: [...plan.bridges.filter((b) => b.netns === n.name).map((b) => ({
			name: b.name,
			index: b.index,
			mac: void 0
		})), ...plan.veths.flatMap((v) => [v.a, v.b]).filter((e) => e.netns === n.name)].sort((x, y) => x.index - y.index).map((e) => {
			const master = "master" in e && e.master !== void 0 ? plan.bridges.find((b) => b.netns === n.name && b.index === e.master)?.name : void 0;
			return {
				name: e.name,
				index: e.index,
				up: false,
				carrier: false,
				operstate: "UNKNOWN",
				...e.mac !== void 0 ? { mac: e.mac } : {},
				addresses: plan.addresses.filter((a) => a.netns === n.name && a.index === e.index).map((a) => a.address),
				...master !== void 0 ? { master } : {}
			};
		}),
		routes: plan.routes.filter((r) => r.netns === n.name).map((r) => ({
			dst: r.dst,
			...r.via !== void 0 ? { via: r.via } : {},
			...r.dev !== void 0 ? { dev: r.dev } : {},
			...r.metric !== void 0 ? { metric: r.metric } : {},
			proto: "static"
		}))
	}));
	const links = plan.veths.map((v) => {
		const a = {
			node: v.a.node,
			interface: v.a.name
		};
		const b = {
			node: v.b.node,
			interface: v.b.name
		};
		return {
			id: linkId(a, b),
			a,
			b,
			...v.mtu !== void 0 ? { mtu: v.mtu } : {},
			up: false
		};
	});
	return {
		lab: plan.lab,
		status,
		source: plan.source,
		live: false,
		nodes,
		links
	};
}
function limitsView(l) {
	return {
		...l.memory !== void 0 ? { memory: l.memory } : {},
		...l.cpu !== void 0 ? { cpu: l.cpu.quotaUs / l.cpu.periodUs } : {},
		...l.cpuSet !== void 0 ? { cpuSet: l.cpuSet } : {},
		...l.pids !== void 0 ? { pids: l.pids } : {}
	};
}
/** The cgroups of a lab, from the facts its record keeps; undefined for a lab without them. */
function labCgroups(facts) {
	const confine = facts?.confine;
	return confine ? openCgroupManager(confine.cgroups) : void 0;
}
/** Processes and memory of a node from its cgroups; nothing when it has none yet. */
function cgroupView(cgroups, node) {
	if (!cgroups) return {};
	try {
		const st = cgroups.stats(node);
		return {
			processes: st.procs.length,
			...st.memory ? { memory: {
				used: st.memory.usage,
				limit: st.memory.limit
			} } : {}
		};
	} catch {
		return { processes: 0 };
	}
}
/** The lab as the kernel has it now: every namespace dumped, every node's cgroup read. */
function liveView(plan, status, facts) {
	const base = planView(plan, status);
	const cgroups = labCgroups(facts);
	const nodes = base.nodes.map((n) => {
		const state = readNamespace(n.netns);
		if (!state) return {
			...n,
			present: false,
			interfaces: n.interfaces.map((i) => ({ ...i }))
		};
		const sandbox = sandboxView(facts?.sandbox, n.name, n.netns, cgroups);
		return {
			...n,
			present: true,
			interfaces: interfaceViews(state),
			routes: routeViews(state),
			...cgroupView(cgroups, n.name),
			...sandbox ? { sandbox } : {}
		};
	});
	const iface = (node, name) => nodes.find((n) => n.name === node)?.interfaces.find((i) => i.name === name);
	const links = base.links.map((l) => {
		const a = iface(l.a.node, l.a.interface);
		const b = iface(l.b.node, l.b.interface);
		return {
			...l,
			up: Boolean(a?.up && a.carrier && b?.up && b.carrier)
		};
	});
	return {
		...base,
		live: true,
		nodes,
		links
	};
}
export { planView as a, sandboxView as c, liveView as i, interfaceViews as n, readNamespace as o, labCgroups as r, routeViews as s, cgroupView as t };

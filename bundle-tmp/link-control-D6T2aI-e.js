import { c as RtnlSession } from "./route-B0Crn4mq.js";
import { r as NetlinkError } from "./socket-CytI9jvG.js";
import { p as RTM, s as IFF } from "./names-Wg_asd0Q.js";
import { a as parseCidr, o as parseIp, t as contains } from "./ip-BpWuX1YV.js";
import { r as dumpLinks, s as setLink, t as decodeLink } from "./link-C1xAs8C5.js";
import { _ as parseRate, a as impairmentRequests, c as decodeQdisc, d as unsupportedQdiscKind, g as parsePercent, h as formatTime, l as dumpQdiscs, m as formatRate, n as checkImpairment, p as formatPercent, r as clearImpairment, s as TC_H, t as IMPAIRMENT_NETEM_CLASS, u as formatHandle, v as parseTime } from "./impairment-ywJfqdPI.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { n as routeRequest, t as addressRequest } from "./requests-QGfRO_Vz.js";
// dist/lab/link-control.js
/**
* `nslab link set` and `nslab link show`: a lab's links changed and read
* back at runtime, through rtnetlink in the node's namespace (no `ip`, no
* `tc`). Impairments use the same qdisc layout as `up`
* (../topology/impairment.ts); what an interface has is decoded from the
* kernel's qdisc dump, so `show` tells what the kernel holds, whoever put it there.
*/
/** A refused change the user can act on (a missing kernel feature, an unknown interface). */
var LinkControlError = class extends Error {
	name = "LinkControlError";
};
/** Which kernel option each qdisc kind needs. */
const QDISC_CONFIG = {
	netem: "CONFIG_NET_SCH_NETEM",
	tbf: "CONFIG_NET_SCH_TBF"
};
/**
* One line for a qdisc kind the kernel does not have, naming the option
* and the kernel's own words, and saying what still works.
*/
function missingQdiscMessage(kind, kernelSays) {
	const base = `this kernel has no ${kind} (${QDISC_CONFIG[kind] ?? `CONFIG_NET_SCH_${kind.toUpperCase()}`}; the kernel says "${kernelSays}")`;
	if (kind === "netem") return `${base}: delay, jitter, loss, corrupt, duplicate and reorder cannot be emulated; rate works (tbf)`;
	if (kind === "tbf") return `${base}: rate cannot be limited`;
	return base;
}
/** "h1:eth0" → node and interface. */
function parseEndpoint(text) {
	const m = /^([^:\s]+):([^:\s]+)$/.exec(text);
	if (!m) throw new LinkControlError(`'${text}' is not NODE:INTERFACE (e.g. h1:eth0)`);
	return {
		node: m[1],
		iface: m[2]
	};
}
const PERCENT_FIELDS = [
	"loss",
	"corrupt",
	"duplicate",
	"reorder"
];
/**
* The flags given, parsed one by one (no cross-field check yet: `--jitter`
* alone is fine when the link already has a delay). A value of zero
* (`--loss 0%`, `--delay 0ms`) removes that field.
*/
function parseFlags(f) {
	const out = {};
	if (f.rate !== void 0) out.rate = parseRate(f.rate, "--rate");
	if (f.delay !== void 0) out.delay = parseTime(f.delay, "--delay");
	if (f.jitter !== void 0) out.jitter = parseTime(f.jitter, "--jitter");
	for (const k of PERCENT_FIELDS) {
		const v = f[k];
		if (v !== void 0) out[k] = parsePercent(/^\s*[\d.]+\s*$/.test(v) ? `${v}%` : v, `--${k}`);
	}
	return out;
}
/** The current spec with the changes on top; zeros drop a field. Throws when the result cannot be applied. */
function mergeImpairment(current, changes) {
	const merged = { ...current };
	for (const [k, v] of Object.entries(changes)) {
		if (v === void 0) continue;
		if (v === 0 && k !== "rate") delete merged[k];
		else merged[k] = v;
	}
	if (merged.delay === void 0 && changes.delay === 0) {
		delete merged.jitter;
		delete merged.reorder;
	}
	const spec = merged;
	checkImpairment(spec);
	return spec;
}
/** Decode an interface's qdiscs (from a dump) into the impairment they apply. */
function impairmentFromQdiscs(qdiscs) {
	const root = qdiscs.find((q) => q.parent === TC_H.TC_H_ROOT);
	const describe = (q) => `${q.kind} ${q.handle === 0 ? "0:" : formatHandle(q.handle)} ${q.parent === TC_H.TC_H_ROOT ? "root" : `parent ${formatHandle(q.parent)}`}`;
	const spec = {};
	let foreign = false;
	if (root?.kind === "tbf" && root.tbf) spec.rate = root.tbf.rate * 8;
	else if (root?.kind === "netem" && root.netem) {
		const n = root.netem;
		for (const k of [
			"delay",
			"jitter",
			"loss",
			"corrupt",
			"duplicate",
			"reorder"
		]) {
			const v = n[k];
			if (v !== void 0 && v !== 0) spec[k] = v;
		}
		if (n.limit !== void 0 && n.limit !== 1e3) spec.limit = n.limit;
		const child = qdiscs.find((q) => q.parent === IMPAIRMENT_NETEM_CLASS && q.kind === "tbf");
		if (child?.tbf) spec.rate = child.tbf.rate * 8;
	} else if (root && root.kind !== "noqueue" && root.kind !== "pfifo_fast" && root.kind !== "fq_codel" && root.kind !== "mq") foreign = true;
	return {
		spec,
		root: root?.kind ?? "none",
		qdiscs: qdiscs.map(describe),
		foreign,
		drops: root?.stats?.drops ?? 0
	};
}
/** "rate 10mbit delay 50ms jitter 5ms loss 1%", or "" for none. */
function formatImpairment(s) {
	const parts = [];
	if (s.rate !== void 0) parts.push(`rate ${formatRate(s.rate)}`);
	if (s.delay !== void 0) parts.push(`delay ${formatTime(s.delay)}`);
	if (s.jitter !== void 0) parts.push(`jitter ${formatTime(s.jitter)}`);
	for (const k of PERCENT_FIELDS) {
		const v = s[k];
		if (v !== void 0) parts.push(`${k} ${formatPercent(v)}`);
	}
	if (s.limit !== void 0) parts.push(`limit ${s.limit}`);
	return parts.join(" ");
}
const IFF_LOWER_UP = IFF.IFF_LOWER_UP;
/** "up" (admin up with carrier), "no-carrier" (up, peer down), "down" (admin down). */
function linkState(l) {
	if (!(l.flags & IFF.IFF_UP)) return "down";
	return l.flags & IFF_LOWER_UP ? "up" : "no-carrier";
}
/** A connection inside a node's namespace, closed by the caller. */
function connect(netns) {
	const rtnl = RtnlSession.openIfExists(netnsPath(netns), {
		timeoutMs: 5e3,
		label: `netns ${netns}`
	});
	if (!rtnl) throw new LinkControlError(`namespace ${netns} is missing (was the lab taken down?)`);
	return rtnl;
}
function nodeNetns(plan, node) {
	const ns = plan.namespaces.find((n) => n.node === node);
	if (!ns) throw new LinkControlError(`lab ${plan.lab} has no node '${node}' (nodes: ${plan.namespaces.map((n) => n.node).join(", ")})`);
	return ns.name;
}
function statusOf(node, netns, link, qdiscs) {
	const imp = impairmentFromQdiscs(qdiscs.filter((q) => q.index === link.index));
	return {
		node,
		netns,
		interface: link.name,
		index: link.index,
		state: linkState(link),
		operstate: link.operstate,
		...link.mtu !== void 0 ? { mtu: link.mtu } : {},
		impairment: imp.spec,
		impairmentText: formatImpairment(imp.spec),
		qdiscs: imp.qdiscs,
		foreignQdisc: imp.foreign,
		drops: imp.drops
	};
}
function readInterfaces(conn, node, netns) {
	const links = conn.dump(dumpLinks()).map(decodeLink).filter((l) => l.name !== "lo");
	const qdiscs = conn.dump(dumpQdiscs()).filter((m) => m.header.type === RTM.RTM_NEWQDISC).map(decodeQdisc);
	return links.map((l) => statusOf(node, netns, l, qdiscs));
}
/** Every interface of every node, with its state and impairment as the kernel has them. */
function showLinks(plan) {
	const interfaces = [];
	const missing = [];
	for (const n of plan.namespaces) {
		let conn;
		try {
			conn = connect(n.name);
		} catch (err) {
			if (err instanceof LinkControlError) {
				missing.push(n.node);
				continue;
			}
			throw err;
		}
		try {
			interfaces.push(...readInterfaces(conn, n.node, n.name));
		} finally {
			conn.close();
		}
	}
	return {
		lab: plan.lab,
		interfaces,
		missing
	};
}
function isAbsentQdisc(err) {
	return err.errnoName === "ENOENT" || err.errnoName === "EINVAL";
}
/** The plan's addresses on an interface, and its routes that leave through it. */
function plannedThrough(plan, netns, dev) {
	const addresses = plan.addresses.filter((a) => a.netns === netns && a.dev === dev);
	const nets = addresses.map((a) => parseCidr(a.address));
	return {
		addresses,
		routes: plan.routes.filter((r) => r.netns === netns && (r.dev === dev || r.dev === void 0 && r.via !== void 0 && nets.some((n) => contains(n, parseIp(r.via)))))
	};
}
/**
* Setting an interface down makes the kernel drop every route through it
* and its IPv6 addresses (keep_addr_on_down is 0), without a word; setting
* it up does not bring them back. A lab link plugged back in should work
* as before, so the plan's addresses and routes through the interface are
* added again (those still there answer EEXIST and are left alone).
*/
function restorePlanned(conn, plan, netns, link) {
	const { addresses, routes } = plannedThrough(plan, netns, link.name);
	const addrRequests = addresses.map((a) => addressRequest(a, link.index));
	const routeRequests = routes.map((r) => routeRequest(r, r.dev !== void 0 ? link.index : void 0));
	const added = (outcomes) => {
		let n = 0;
		for (const o of outcomes) if (!o.error) n++;
		else if (o.error.errnoName !== "EEXIST") throw o.error;
		return n;
	};
	return {
		addresses: added(conn.exchange(addrRequests)),
		routes: added(conn.exchange(routeRequests))
	};
}
/**
* Change one interface of a running lab. Impairments: the root qdisc goes,
* the new layout is added; if the kernel refuses the new one (no netem
* here), the old layout is put back and the refusal explained in one line.
*/
function setLinkState(plan, endpoint, change) {
	const { node, iface } = parseEndpoint(endpoint);
	const netns = nodeNetns(plan, node);
	const conn = connect(netns);
	try {
		const link = conn.dump(dumpLinks()).map(decodeLink).find((l) => l.name === iface);
		if (!link) throw new LinkControlError(`node ${node} has no interface '${iface}'`);
		const dev = `${node}:${iface}`;
		if (change.clear === true || change.flags !== void 0 && Object.values(change.flags).some((v) => v !== void 0)) {
			const qdiscs = conn.dump(dumpQdiscs(link.index)).filter((m) => m.header.type === RTM.RTM_NEWQDISC).map(decodeQdisc).filter((q) => q.index === link.index);
			const now = impairmentFromQdiscs(qdiscs);
			if (now.foreign && !change.clear) throw new LinkControlError(`${dev} has a ${now.root} qdisc nslab did not put there; use --clear to replace it`);
			let next;
			try {
				next = mergeImpairment(change.clear ? {} : now.spec, parseFlags(change.flags ?? {}));
			} catch (err) {
				throw new LinkControlError(`${dev}: ${err.message}`);
			}
			const opts = {
				dev,
				...link.mtu !== void 0 ? { mtu: link.mtu } : {}
			};
			const root = qdiscs.find((q) => q.parent === TC_H.TC_H_ROOT);
			if (root !== void 0 && root.handle !== 0) {
				const [cleared] = conn.exchange([clearImpairment(link.index, { dev })]);
				if (cleared?.error && !isAbsentQdisc(cleared.error)) throw cleared.error;
			}
			if (Object.keys(next).length > 0) try {
				conn.apply(impairmentRequests(link.index, next, opts));
			} catch (err) {
				conn.exchange([clearImpairment(link.index, { dev })]);
				if (!now.foreign && Object.keys(now.spec).length > 0) conn.exchange(impairmentRequests(link.index, now.spec, opts));
				if (err instanceof NetlinkError) {
					const kind = unsupportedQdiscKind(err);
					if (kind) throw new LinkControlError(`cannot impair ${dev}: ${missingQdiscMessage(kind, err.extackMessage ?? err.errnoName)}`);
				}
				throw err;
			}
		}
		let restored;
		if (change.up !== void 0) {
			conn.apply([setLink({
				index: link.index,
				up: change.up
			})]);
			if (change.up) restored = restorePlanned(conn, plan, netns, link);
		}
		const after = readInterfaces(conn, node, netns).find((i) => i.index === link.index);
		if (!after) throw new LinkControlError(`${dev} vanished while being changed`);
		return restored ? {
			...after,
			restored
		} : after;
	} finally {
		conn.close();
	}
}
export { showLinks as a, setLinkState as i, linkState as n, missingQdiscMessage as r, LinkControlError as t };

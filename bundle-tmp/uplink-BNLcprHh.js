import { c as RtnlSession, i as newRoute, n as delRoute, s as newAddr } from "./route-B0Crn4mq.js";
import { r as NetlinkError } from "./socket-CytI9jvG.js";
import { c as portForwardOf, f as natRuleset, l as tableComment, m as listTables, n as deleteOwnTable, p as rulesetRequests, s as nftHereDoc, u as NftSession } from "./nat-DgBeIgIt.js";
import { a as parseCidr, i as networkOf, n as formatCidr, o as parseIp } from "./ip-BpWuX1YV.js";
import { a as newLink, c as writeLinkBody, n as delLink, o as parseMac, r as dumpLinks, s as setLink, t as decodeLink } from "./link-C1xAs8C5.js";
import { f as homeNetns, o as writeSysctl } from "./netns-EP-ZBEUQ.js";
import { i as impairmentCommands } from "./impairment-ywJfqdPI.js";
import { r as isUplinkRoute } from "./plan-DNPPhVqz.js";
import { n as routeRequest } from "./requests-QGfRO_Vz.js";
import { a as listLabDirs, o as readJournal } from "./state-BrxKKSY6.js";
import { readFileSync } from "node:fs";
// dist/rtnl/kinds/veth.js
/**
* A veth pair. The peer is described like a link of its own (an ifinfomsg
* and attributes inside VETH_INFO_PEER), so it can be born in another
* namespace under its final name with its own ifindex.
*
* `ip link add name A type veth peer name B netns NS`
*/
function veth(peer) {
	return {
		kind: "veth",
		data: (w) => w.nest(1, () => writeLinkBody(w, peer))
	};
}
// dist/topology/explain.js
/** The sysctls `up` writes in a new namespace, as `sysctl` keys and values. */
function namespaceSysctls(n) {
	const out = [];
	if (!n.ipv6) out.push(["net.ipv6.conf.default.disable_ipv6", 1], ["net.ipv6.conf.all.disable_ipv6", 1]);
	else out.push(["net.ipv6.conf.default.accept_dad", 0], ["net.ipv6.conf.all.accept_dad", 0]);
	if (n.forwarding) {
		out.push(["net.ipv4.ip_forward", 1]);
		if (n.ipv6) out.push(["net.ipv6.conf.default.forwarding", 1], ["net.ipv6.conf.all.forwarding", 1]);
	}
	return out;
}
/** A route of the plan as the `ip route add` that makes it. */
function routeCommand(r) {
	const parts = [
		r.dst,
		r.via ? `via ${r.via}` : "",
		r.dev ? `dev ${r.dev}` : "",
		r.metric !== void 0 ? `metric ${r.metric}` : "",
		"proto static"
	];
	return `ip${r.family === 6 ? " -6" : ""} -n ${r.netns} route add ${parts.filter(Boolean).join(" ")}`;
}
/**
* The plan as the `ip` and `sysctl` commands that build the same lab by hand,
* in the order nslab does it: a runnable shell script (a teaching aid, and a
* test compares what it builds with what nslab builds).
*/
function explainPlan(plan, steps = []) {
	const lines = [
		"#!/bin/sh",
		`# Lab '${plan.lab}' from ${plan.source}, built by hand: what 'nslab up' does, step by step.`,
		`# nslab sends the same requests over rtnetlink, one batch per namespace and phase.`,
		"set -e",
		"",
		"# 1. One named network namespace per node; sysctls set before any interface exists."
	];
	for (const n of plan.namespaces) {
		lines.push(`ip netns add ${n.name}                # node ${n.node} (${n.kind})`);
		const sysctls = namespaceSysctls(n);
		if (sysctls.length) lines.push(`ip netns exec ${n.name} sysctl -qw ${sysctls.map(([k, v]) => `${k}=${v}`).join(" ")}`);
	}
	lines.push("", "# 2. Loopback up, bridges, and veth pairs born with each end in its namespace.");
	for (const n of plan.namespaces) lines.push(`ip -n ${n.name} link set lo up`);
	for (const b of plan.bridges) lines.push(`ip -n ${b.netns} link add name ${b.name} index ${b.index} up type bridge`);
	for (const v of plan.veths) {
		const mtu = v.mtu !== void 0 ? ` mtu ${v.mtu}` : "";
		const master = v.a.master !== void 0 ? ` master ${plan.bridges.find((b) => b.netns === v.a.netns && b.index === v.a.master)?.name}` : "";
		lines.push(`ip -n ${v.a.netns} link add name ${v.a.name} index ${v.a.index} address ${v.a.mac}${mtu}${master} up type veth peer name ${v.b.name} index ${v.b.index} address ${v.b.mac}${mtu} netns ${v.b.netns}`);
	}
	lines.push("", "# 3. The far end of each veth up (it cannot start up in another namespace).");
	for (const v of plan.veths) {
		const master = v.b.master !== void 0 ? ` master ${plan.bridges.find((b) => b.netns === v.b.netns && b.index === v.b.master)?.name}` : "";
		lines.push(`ip -n ${v.b.netns} link set ${v.b.name}${master} up`);
	}
	lines.push("", "# 4. Addresses, then routes.");
	for (const a of plan.addresses) lines.push(`ip -n ${a.netns} addr add ${a.address} dev ${a.dev}${a.address.includes(":") ? " nodad" : ""}`);
	for (const r of plan.routes) {
		if (isUplinkRoute(plan, r)) continue;
		lines.push(routeCommand(r));
	}
	if (plan.impairments.length) {
		lines.push("", "# 5. Link impairments.");
		for (const imp of plan.impairments) lines.push(...impairmentCommands(imp.dev, imp.spec, imp.mtu !== void 0 ? { mtu: imp.mtu } : {}).map((c) => `tc -n ${imp.netns} ${c.replace(/^tc /, "")}`));
	}
	if (steps.length) lines.push("", ...steps);
	lines.push("", `# To remove it all: ${plan.namespaces.map((n) => `ip netns del ${n.name}`).join("; ")}`);
	return `${lines.join("\n")}\n`;
}
/** A short human summary of a plan (`nslab up --dry-run`). */
function describePlan(plan) {
	const out = [`lab ${plan.lab} from ${plan.source}: ${plan.namespaces.length} nodes, ${plan.veths.length} links`, ""];
	for (const n of plan.namespaces) {
		const flags = [
			n.kind,
			n.forwarding ? "forwarding" : "",
			n.ipv6 ? "ipv6" : ""
		].filter(Boolean).join(", ");
		out.push(`${n.node}  (netns ${n.name}; ${flags})`);
		for (const e of plan.veths.flatMap((v) => [v.a, v.b]).filter((e) => e.netns === n.name).sort((x, y) => x.index - y.index)) {
			const peer = plan.veths.find((v) => v.a === e || v.b === e);
			const other = peer?.a === e ? peer.b : peer?.a;
			const addrs = plan.addresses.filter((a) => a.netns === n.name && a.index === e.index).map((a) => a.address);
			out.push(`  ${e.name.padEnd(10)} ${e.mac}  → ${other?.node}:${other?.name}${addrs.length ? `  ${addrs.join(" ")}` : ""}`);
		}
		for (const r of plan.routes.filter((r) => r.netns === n.name)) out.push(`  route ${r.dst}${r.via ? ` via ${r.via}` : ""}${r.dev ? ` dev ${r.dev}` : ""}${r.metric !== void 0 ? ` metric ${r.metric}` : ""}`);
	}
	return `${out.join("\n")}\n`;
}
// dist/lab/uplink.js
/**
* `uplink:` — a cable from a lab node to the machine itself.
*
* A veth pair made from the node's namespace: the near end is born in the
* node (its planned name, index and MAC, up), the far end is born in the
* machine's own namespace as `hostDev` (IFLA_NET_NS_FD of the namespace
* nslab started in), where the kernel numbers it. Then, on the machine:
* that end up, its address, and a route to each lab prefix via the node;
* in the node: its address, and the routes the plan sends over the cable
* (a default route via the machine, with `routing: static`).
*
* With `nat: host` (or port forwards on the machine) the machine gets a table
* of its own, `table inet nslab-<lab>`: the lab's prefixes masqueraded when
* they leave by any interface but the cable, and DNAT for the port forwards
* (only for traffic addressed to the machine itself). IPv4 forwarding is
* turned on; `down` turns it back off only if nslab turned it on and no
* other lab still relies on it.
*
* On the machine, nslab touches nothing but these: the link (deleting it
* deletes the pair and the routes through it), its own table, and
* net.ipv4.ip_forward.
*/
const IP_FORWARD = "net.ipv4.ip_forward";
/** The machine's table for a lab. */
function hostTableName(lab) {
	return `nslab-${lab}`;
}
/** The cable's network ("100.64.0.0/30"). */
function cableNetwork(u) {
	return formatCidr(networkOf(parseCidr(u.hostAddress)));
}
/** What the machine gets for a lab with an uplink: masquerade (nat: host) and port forwards. */
function hostNatPlan(u, lab) {
	return {
		table: hostTableName(lab),
		comment: tableComment(lab),
		origin: u.origin,
		masquerade: u.nat ? [{
			sources: [...u.labPrefixes, cableNetwork(u)],
			exceptOifname: u.hostDev,
			origin: u.origin
		}] : [],
		portForwards: u.ports.map(portForwardOf)
	};
}
/** The machine's ruleset for a lab, or undefined when it needs none. */
function hostNatRuleset(u, lab) {
	if (!u.nat && u.ports.length === 0) return void 0;
	return natRuleset(hostNatPlan(u, lab));
}
/** The uplink step as shell commands, for `up --explain` (`netns 1`: the machine's namespace, that of pid 1). */
function explainUplink(plan) {
	const u = plan.uplink;
	if (!u) return [];
	const lines = [
		`# The uplink: a veth from node ${u.node} to this machine, born with its far end on the machine.`,
		`ip -n ${u.netns} link add name ${u.dev} index ${u.index} address ${u.mac} up type veth peer name ${u.hostDev} address ${u.hostMac} netns 1`,
		`ip link set ${u.hostDev} up`,
		`ip addr add ${u.hostAddress} dev ${u.hostDev}`,
		...u.labPrefixes.map((p) => `ip route add ${p} via ${addressOnly(u.address)} dev ${u.hostDev} proto static`),
		`ip -n ${u.netns} addr add ${u.address} dev ${u.dev}`,
		...plan.routes.filter((r) => isUplinkRoute(plan, r)).map(routeCommand)
	];
	const spec = hostNatRuleset(u, plan.lab);
	if (spec) {
		lines.push(`# On the machine: a table of the lab's own (${u.nat ? "masquerade" : "no masquerade"}, ${u.ports.length} port forward${u.ports.length === 1 ? "" : "s"}), and forwarding on.`);
		lines.push(...nftHereDoc("", spec), `sysctl -qw ${IP_FORWARD}=1`);
	}
	return lines;
}
var UplinkError = class extends Error {
	name = "UplinkError";
};
/** An rtnetlink connection in the machine's own namespace (where nslab started). */
function rootRtnl() {
	return RtnlSession.open({
		netnsFd: homeNetns(),
		label: "the machine (root netns)"
	});
}
function rootNft() {
	return NftSession.open({
		netnsFd: homeNetns(),
		label: "the machine (root netns)"
	});
}
function findLink(rtnl, name) {
	return rtnl.dump(dumpLinks()).map(decodeLink).find((l) => l.name === name);
}
function readIpForward() {
	return readFileSync(`/proc/sys/${IP_FORWARD.replaceAll(".", "/")}`, "utf8").trim();
}
/** The ip_forward entries of every other lab that has state (up, or not yet taken down). */
function otherLabsForwarding(lab) {
	return listLabDirs().filter((l) => l !== lab).flatMap((l) => readJournal(l).filter((e) => e.op === "host-ip-forward"));
}
/**
* The value a lab's ip_forward entry should promise to put back: what is
* there now — unless forwarding is on because another lab turned it on, in
* which case that lab's previous value, so whichever lab goes last restores it.
*/
function previousForwarding(now, others) {
	if (now !== "1") return now;
	return others.find((e) => e.previous !== "1")?.previous ?? now;
}
/** What `down` writes back to ip_forward for this entry, or undefined to leave it alone. */
function forwardingToRestore(entry, others, now) {
	if (entry.previous === "1") return void 0;
	if (others.length > 0) return void 0;
	return now === entry.previous ? void 0 : entry.previous;
}
function isGone(err, ...names) {
	return err instanceof NetlinkError && names.includes(err.errnoName);
}
const uplinkStep = {
	name: "uplink",
	ops: [
		"uplink-link",
		"uplink-route",
		"host-nat-table",
		"host-ip-forward"
	],
	apply(ctx) {
		const plan = ctx.plan;
		const u = plan.uplink;
		if (!u) return;
		const hostSpec = hostNatRuleset(u, plan.lab);
		const root = rootRtnl();
		try {
			const existing = findLink(root, u.hostDev);
			if (existing) throw new UplinkError(`the machine already has an interface named ${u.hostDev} (ifindex ${existing.index}); pick another with uplink.host-interface, or remove it if it is left over [${u.origin}]`);
			if (hostSpec) {
				const nft = rootNft();
				try {
					if (listTables(nft, "inet").some((t) => t.name === hostSpec.table.name)) throw new UplinkError(`the machine already has an nf_tables table inet ${hostSpec.table.name}; is lab '${plan.lab}' up elsewhere? If it is left over: nft delete table inet ${hostSpec.table.name} [${u.origin}]`);
				} finally {
					nft.close();
				}
			}
			ctx.journal.intend([{
				op: "uplink-link",
				hostDev: u.hostDev,
				hostMac: u.hostMac
			}]);
			ctx.rtnl(u.netns).apply([newLink({
				name: u.dev,
				index: u.index,
				mac: parseMac(u.mac),
				up: true,
				info: veth({
					name: u.hostDev,
					mac: parseMac(u.hostMac),
					netnsFd: homeNetns()
				})
			}, u.origin)]);
			const hostEnd = findLink(root, u.hostDev);
			if (!hostEnd) throw new UplinkError(`the machine's end of the uplink, ${u.hostDev}, did not appear after it was made [${u.origin}]`);
			const nodeAddress = parseCidr(u.address);
			const routes = u.labPrefixes.map((dst) => ({
				op: "uplink-route",
				dst,
				via: addressOnly(u.address),
				oif: hostEnd.index
			}));
			ctx.journal.intend(routes);
			try {
				root.apply([
					setLink({
						index: hostEnd.index,
						up: true
					}, u.origin),
					newAddr({
						index: hostEnd.index,
						address: parseCidr(u.hostAddress)
					}, u.origin),
					...routes.map((r) => newRoute({
						dst: parseCidr(r.dst),
						gateway: nodeAddress,
						oif: hostEnd.index
					}, u.origin))
				]);
			} catch (err) {
				if (err instanceof NetlinkError && err.errnoName === "EEXIST" && err.request?.what.startsWith("add route")) throw new UplinkError(`${err.message}: the machine already has a route there; the prefixes of a lab with an uplink must be ones the machine does not use`, { cause: err });
				if (err instanceof NetlinkError && err.errnoName === "EEXIST" && err.request?.what.startsWith("add address")) throw new UplinkError(`${err.message}: the machine already has ${u.hostAddress}; pick another uplink.ipv4`, { cause: err });
				throw err;
			}
			ctx.rtnl(u.netns).apply([newAddr({
				index: u.index,
				address: nodeAddress
			}, u.origin), ...plan.routes.filter((r) => isUplinkRoute(plan, r)).map(routeRequest)]);
		} finally {
			root.close();
		}
		if (!hostSpec) return;
		ctx.journal.intend([{
			op: "host-nat-table",
			table: hostSpec.table.name,
			comment: tableComment(plan.lab)
		}]);
		const nft = rootNft();
		try {
			nft.commit(rulesetRequests(hostSpec, { exclusive: true }));
		} finally {
			nft.close();
		}
		const now = readIpForward();
		ctx.journal.intend([{
			op: "host-ip-forward",
			previous: previousForwarding(now, otherLabsForwarding(plan.lab))
		}]);
		if (now !== "1") writeSysctl(IP_FORWARD, "1");
	},
	undo(entry, lab) {
		switch (entry.op) {
			case "host-ip-forward": {
				const value = forwardingToRestore(entry, otherLabsForwarding(lab), readIpForward());
				if (value === void 0) return false;
				writeSysctl(IP_FORWARD, value);
				return true;
			}
			case "host-nat-table": {
				const e = entry;
				const nft = rootNft();
				try {
					return deleteOwnTable(nft, e.table, e.comment);
				} finally {
					nft.close();
				}
			}
			case "uplink-route": {
				const e = entry;
				const root = rootRtnl();
				try {
					root.apply([delRoute({
						dst: parseCidr(e.dst),
						gateway: parseIp(e.via),
						oif: e.oif
					})]);
					return true;
				} catch (err) {
					if (isGone(err, "ESRCH", "ENODEV", "ENETUNREACH")) return false;
					throw err;
				} finally {
					root.close();
				}
			}
			case "uplink-link": {
				const e = entry;
				const root = rootRtnl();
				try {
					const link = findLink(root, e.hostDev);
					if (!link || link.mac !== e.hostMac) return false;
					root.apply([delLink({ index: link.index })]);
					return true;
				} catch (err) {
					if (isGone(err, "ENODEV")) return false;
					throw err;
				} finally {
					root.close();
				}
			}
			default: throw new Error(`the uplink step does not own journal entries of kind '${entry.op}'`);
		}
	}
};
function addressOnly(cidr) {
	return cidr.split("/")[0];
}
export { hostNatRuleset as a, uplinkStep as c, namespaceSysctls as d, veth as f, hostNatPlan as i, describePlan as l, explainUplink as n, hostTableName as o, forwardingToRestore as r, previousForwarding as s, UplinkError as t, explainPlan as u };

import { a as parseCidr, i as networkOf, n as formatCidr, o as parseIp, r as formatIp, t as contains } from "./ip-BpWuX1YV.js";
import { i as formatMac } from "./link-C1xAs8C5.js";
import { i as formatPosition } from "./diagnostics-BOTw9g1k.js";
import { i as namespaceName } from "./names-Wg_asd0Q.js";
import { createHash } from "node:crypto";
// dist/topology/plan.js
function origin(o) {
	return `${formatPosition(o.pos)} ${o.field}`;
}
/** A stable, locally administered MAC for an interface of a lab. */
function deterministicMac(lab, node, iface) {
	const h = createHash("sha256").update(`${lab}/${node}/${iface}`).digest();
	const b = Uint8Array.from(h.subarray(0, 6));
	b[0] = (b[0] ?? 0) & 252 | 2;
	return formatMac(b);
}
/** Compile a validated topology into a plan. Pure: same topology, same plan. */
function compilePlan(topo) {
	const lab = topo.name;
	const ns = (node) => namespaceName(lab, node);
	const nextIndex = /* @__PURE__ */ new Map();
	const takeIndex = (node) => {
		const i = nextIndex.get(node) ?? 2;
		nextIndex.set(node, i + 1);
		return i;
	};
	const usesIpv6 = /* @__PURE__ */ new Set();
	for (const l of topo.links) for (const ep of [l.a, l.b]) if (ep.addresses.some((a) => a.family === 6)) usesIpv6.add(ep.node);
	for (const n of topo.nodes.values()) if (n.routes.some((r) => r.dst.family === 6)) usesIpv6.add(n.name);
	const namespaces = [];
	const bridges = [];
	const bridgeIndex = /* @__PURE__ */ new Map();
	for (const n of topo.nodes.values()) {
		const resolvConf = n.dns && (n.dns.servers.length || n.dns.search.length || n.dns.options.length) ? resolvConfOf(n.dns) : void 0;
		namespaces.push({
			name: ns(n.name),
			node: n.name,
			kind: n.kind,
			forwarding: n.kind === "router" || n.nat !== void 0 || n.ports.length > 0,
			ipv6: n.kind !== "bridge" && usesIpv6.has(n.name),
			hostname: n.name,
			confine: {
				limits: n.confine.limits,
				caps: [...n.confine.caps],
				capsAll: n.confine.capsAll,
				seccomp: n.confine.seccomp.mode === "profile" ? n.confine.seccomp.file : n.confine.seccomp.mode,
				isolation: n.confine.isolation,
				binds: n.confine.binds.map((b) => ({
					src: b.src,
					dst: b.dst,
					ro: b.ro,
					origin: origin(b)
				}))
			},
			exec: n.exec.map((e) => ({
				cmd: e.cmd,
				background: e.background,
				origin: origin(e)
			})),
			env: { ...n.env },
			sysctls: { ...n.sysctls },
			...resolvConf !== void 0 ? { resolvConf } : {},
			...n.frr ? { frr: {
				...n.frr.config !== void 0 ? { config: n.frr.config } : {},
				daemons: [...n.frr.daemons]
			} } : {},
			origin: origin(n)
		});
		if (n.kind === "bridge") {
			const index = takeIndex(n.name);
			bridgeIndex.set(n.name, index);
			bridges.push({
				netns: ns(n.name),
				name: n.name,
				index,
				origin: origin(n)
			});
		}
	}
	const ifindex = /* @__PURE__ */ new Map();
	const veths = [];
	const end = (ep) => {
		const index = takeIndex(ep.node);
		ifindex.set(`${ep.node}:${ep.iface}`, index);
		const master = bridgeIndex.get(ep.node);
		return {
			netns: ns(ep.node),
			node: ep.node,
			name: ep.iface,
			index,
			mac: ep.mac ? formatMac(ep.mac) : deterministicMac(lab, ep.node, ep.iface),
			...master !== void 0 ? { master } : {}
		};
	};
	for (const l of topo.links) {
		const [first, second] = bridgeIndex.has(l.b.node) && !bridgeIndex.has(l.a.node) ? [l.b, l.a] : [l.a, l.b];
		veths.push({
			a: end(first),
			b: end(second),
			...l.mtu !== void 0 ? { mtu: l.mtu } : {},
			origin: origin(l)
		});
	}
	const addresses = [];
	for (const l of topo.links) for (const ep of [l.a, l.b]) for (const c of ep.addresses) addresses.push({
		netns: ns(ep.node),
		dev: ep.iface,
		index: ifindex.get(`${ep.node}:${ep.iface}`),
		address: formatCidr(c),
		origin: origin(ep)
	});
	const routes = [];
	for (const n of topo.nodes.values()) for (const r of n.routes) {
		const index = r.dev !== void 0 ? ifindex.get(`${n.name}:${r.dev}`) : void 0;
		routes.push({
			netns: ns(n.name),
			dst: r.dst.prefix === 0 ? "default" : formatCidr(r.dst),
			family: r.dst.family,
			...r.via ? { via: formatIp(r.via) } : {},
			...r.dev !== void 0 ? { dev: r.dev } : {},
			...index !== void 0 ? { index } : {},
			...r.metric !== void 0 ? { metric: r.metric } : {},
			origin: origin(r)
		});
	}
	const impairments = [];
	for (const l of topo.links) for (const ep of [l.a, l.b]) {
		if (!ep.impair) continue;
		impairments.push({
			netns: ns(ep.node),
			node: ep.node,
			dev: ep.iface,
			index: ifindex.get(`${ep.node}:${ep.iface}`),
			...l.mtu !== void 0 ? { mtu: l.mtu } : {},
			spec: ep.impair,
			origin: origin(ep)
		});
	}
	const firstIpv4 = /* @__PURE__ */ new Map();
	for (const l of topo.links) for (const ep of [l.a, l.b]) {
		const a = ep.addresses.find((x) => x.family === 4);
		if (a && !firstIpv4.has(ep.node)) firstIpv4.set(ep.node, formatIp(a));
	}
	const labPrefixes = [...new Set(topo.links.flatMap((l) => [l.a, l.b]).flatMap((e) => e.addresses.filter((a) => a.family === 4).map((a) => formatCidr(networkOf(a)))))];
	const forward = (p) => ({
		port: p.port,
		proto: p.proto,
		to: firstIpv4.get(p.node) ?? "",
		toNode: p.node,
		toPort: p.toPort,
		origin: origin(p)
	});
	const nat = [];
	for (const n of topo.nodes.values()) {
		if (!n.nat && n.ports.length === 0) continue;
		nat.push({
			netns: ns(n.name),
			node: n.name,
			...n.nat ? { masquerade: {
				out: n.nat.out,
				sources: labPrefixes
			} } : {},
			ports: n.ports.map(forward),
			origin: origin(n.nat ?? n)
		});
	}
	let uplink;
	if (topo.uplink) {
		const u = topo.uplink;
		const index = takeIndex(u.node);
		uplink = {
			netns: ns(u.node),
			node: u.node,
			dev: u.iface,
			index,
			mac: deterministicMac(lab, u.node, u.iface),
			address: formatCidr(u.nodeAddress),
			hostDev: u.hostIface,
			hostMac: deterministicMac(lab, "", u.hostIface),
			hostAddress: formatCidr(u.hostAddress),
			labPrefixes,
			nat: u.nat,
			ports: u.ports.map(forward),
			origin: origin(u)
		};
	}
	const expect = topo.expect.map((e) => ({
		from: e.from,
		target: e.target,
		reach: e.reach,
		...e.port ? { port: e.port } : {},
		origin: origin(e)
	}));
	const userns = topo.userns ? {
		uid: topo.userns.uid,
		gid: topo.userns.gid,
		origin: origin(topo.userns)
	} : void 0;
	return {
		version: 1,
		lab,
		source: topo.file,
		namespaces,
		bridges,
		veths,
		addresses,
		routes,
		impairments,
		nat,
		...uplink ? { uplink } : {},
		...userns ? { userns } : {},
		expect
	};
}
function resolvConfOf(dns) {
	const lines = ["# written by nslab"];
	if (dns.search.length) lines.push(`search ${dns.search.join(" ")}`);
	for (const s of dns.servers) lines.push(`nameserver ${s}`);
	if (dns.options.length) lines.push(`options ${dns.options.join(" ")}`);
	return `${lines.join("\n")}\n`;
}
/** /etc/hosts for every node of a lab: each node by name, at its first address of each family. */
function hostsFile(plan) {
	const lines = [
		"# written by nslab for lab " + plan.lab,
		"127.0.0.1	localhost",
		"::1	localhost ip6-localhost ip6-loopback"
	];
	for (const n of plan.namespaces) {
		const mine = plan.addresses.filter((a) => a.netns === n.name);
		for (const family of [4, 6]) {
			const a = mine.find((x) => family === 4 === !x.address.includes(":"));
			if (a) lines.push(`${a.address.split("/")[0]}\t${n.node}`);
		}
	}
	return `${lines.join("\n")}\n`;
}
/**
* A route of the uplink node that goes over the uplink cable: it can only be
* added once the cable exists, which the uplink step makes after the routes.
*/
function isUplinkRoute(plan, r) {
	const u = plan.uplink;
	if (!u || r.netns !== u.netns) return false;
	if (r.index !== void 0 && r.index === u.index) return true;
	if (r.via === void 0) return false;
	const gw = parseIp(r.via);
	const net = parseCidr(u.address);
	return gw.family === net.family && contains(networkOf(net), gw);
}
export { hostsFile as n, isUplinkRoute as r, compilePlan as t };

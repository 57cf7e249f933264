import { n as __require, t as __commonJSMin } from "./rolldown-runtime-DegdyBIC.js";
import { a as parseCidr, i as networkOf, n as formatCidr, o as parseIp, r as formatIp, t as contains } from "./ip-BpWuX1YV.js";
import { r as nameProblem, t as interfaceNameProblem } from "./names-Wg_asd0Q.js";
import { o as parseMac } from "./link-C1xAs8C5.js";
import { a as parseCpuSet, o as parseMemory, r as parseCpu, s as parsePids } from "./limits-BOQUCwkr.js";
import { o as parseImpairment } from "./impairment-ywJfqdPI.js";
import { a as resolveCapabilities, i as parseCapName, o as sortCaps, r as isAll, s as CAP_NAMES } from "./caps-BrVHB2VV.js";
import { n as didYouMean, t as Diagnostics } from "./diagnostics-BOTw9g1k.js";
import { a as parseSeccompSetting } from "./setting-D7BpVGwZ.js";
import { t as topologySpec } from "./spec-Cj1gTZuq.js";
import { dirname, isAbsolute, resolve } from "node:path";
import { existsSync, readFileSync } from "node:fs";
import { EventEmitter } from "events";
// dist/sys/caps/default.js
/**
* The capabilities a node gets unless its topology says otherwise
* (`cap-add` / `cap-drop` change it, with Docker's rules).
*
* It is Docker's default set, plus NET_ADMIN, minus what would let a node
* reach beyond itself. Keep in mind what a node is: a process tree running
* as root in its own network and UTS namespaces, but in the host's PID
* namespace and on the host's file system. The set bounds what a node can
* ask of the kernel; it is not a file-system boundary.
*
* Granted:
* - NET_ADMIN: the point of a network lab. Interfaces, addresses, routes,
*   neighbours, nftables, tc qdiscs, net.* sysctls, all within the node's
*   own network namespace.
* - NET_RAW: raw and packet sockets, for ping, traceroute, arping, tcpdump
*   and DHCP clients.
* - NET_BIND_SERVICE: servers on ports below 1024 (DNS 53, HTTP 80, BGP
*   179) when they run as a user other than root.
* - SETUID, SETGID: daemons that drop to their own user (dnsmasq, FRR,
*   bird, sshd, chrony). no_new_privs still keeps set-user-ID programs from
*   gaining anything.
* - SETPCAP: lets such a daemon trim its own capabilities before and after
*   it changes user; it never grants one outside this set.
* - CHOWN, DAC_OVERRIDE, FOWNER, FSETID: root in a node treats files as
*   root does elsewhere, as in Docker (writing a capture file into a
*   student's directory, a daemon's pid file, its state directory).
* - SYS_CHROOT: the privilege-separation chroot of sshd, named, dnsmasq.
* - AUDIT_WRITE: login and sshd write an audit record, and refuse a login
*   when they cannot.
*
* Left out although Docker grants them:
* - KILL: nodes share the host's PID namespace, so KILL would let a node
*   signal every process on the machine, not only its own. `down` kills a
*   node's processes through its cgroup.
* - MKNOD: device nodes created on the host's file system (a raw disk, a
*   memory device) outlive the node and bypass everything else.
* - SETFCAP: file capabilities written on the host's file system outlive
*   the node and hand any capability to whoever runs the file later.
*
* Never by default (add them by name if a lab really needs one):
* SYS_ADMIN (mount, namespaces, and much more), SYS_MODULE, SYS_PTRACE
* (other processes on the host), SYS_RAWIO, SYS_BOOT, SYS_TIME, BPF,
* PERFMON, SYS_RESOURCE, IPC_LOCK, LINUX_IMMUTABLE, MAC_*, AUDIT_CONTROL,
* DAC_READ_SEARCH, SYSLOG, CHECKPOINT_RESTORE and the rest.
*/
const DEFAULT_NODE_CAPS = /* @__PURE__ */ new Set([
	"CAP_CHOWN",
	"CAP_DAC_OVERRIDE",
	"CAP_FOWNER",
	"CAP_FSETID",
	"CAP_SETGID",
	"CAP_SETUID",
	"CAP_SETPCAP",
	"CAP_NET_BIND_SERVICE",
	"CAP_NET_ADMIN",
	"CAP_NET_RAW",
	"CAP_SYS_CHROOT",
	"CAP_AUDIT_WRITE"
]);
// dist/topology/ipam.js
/** Address arithmetic on the bytes of an address, as a bigint. */
function toBig(bytes) {
	let v = 0n;
	for (const b of bytes) v = v << 8n | BigInt(b);
	return v;
}
function fromBig(v, length) {
	const out = new Uint8Array(length);
	for (let i = length - 1; i >= 0; i--) {
		out[i] = Number(v & 255n);
		v >>= 8n;
	}
	return out;
}
const bits = (family) => family === 4 ? 32 : 128;
/** Whether two prefixes share any address. */
function overlaps(a, b) {
	if (a.family !== b.family) return false;
	const p = Math.min(a.prefix, b.prefix);
	return formatIp(networkOf({
		...a,
		prefix: p
	})) === formatIp(networkOf({
		...b,
		prefix: p
	}));
}
/** The usable host addresses of a subnet, lowest and highest. */
function hostRange(net) {
	const size = 1n << BigInt(bits(net.family) - net.prefix);
	const base = toBig(networkOf(net).bytes);
	if (net.family === 6) return [base + 1n, base + (size - 1n < 65535n ? size - 1n : 65535n)];
	if (net.prefix >= 31) return [base, base + size - 1n];
	return [base + 1n, base + size - 2n];
}
/** Hands out subnets from a pool, skipping any that touch a subnet in use. */
var SubnetPool = class {
	pool;
	prefix;
	taken;
	next;
	end;
	step;
	constructor(pool, prefix, taken) {
		this.pool = pool;
		this.prefix = prefix;
		this.taken = taken;
		this.next = toBig(networkOf(pool).bytes);
		this.step = 1n << BigInt(bits(pool.family) - prefix);
		this.end = this.next + (1n << BigInt(bits(pool.family) - pool.prefix));
	}
	take() {
		const len = this.pool.family === 4 ? 4 : 16;
		while (this.next + this.step <= this.end) {
			const candidate = {
				family: this.pool.family,
				bytes: fromBig(this.next, len),
				prefix: this.prefix
			};
			this.next += this.step;
			if (!this.taken.some((t) => overlaps(t, candidate))) {
				this.taken.push(candidate);
				return candidate;
			}
		}
	}
};
/**
* Give addresses to routed endpoints that have none of a family. Each segment
* keeps the subnet of an address written on it, or gets the next free one from
* its pool (p2p or LAN). Hosts are numbered from the bottom of the subnet,
* routers from the top (so a LAN's gateway is .254, as people expect). Written
* addresses are never handed out. Same file, same addresses.
*/
function assignAddresses(segments, nodes, cfg, diag) {
	const given = /* @__PURE__ */ new Map();
	if (!cfg.auto) return given;
	const all = segments.flatMap((s) => s.endpoints);
	const used = new Set(all.flatMap((e) => e.addresses.map((a) => formatIp(a))));
	const families = cfg.ipv6 || all.some((e) => e.addresses.some((a) => a.family === 6)) ? [4, 6] : [4];
	for (const family of families) {
		const taken = all.flatMap((e) => e.addresses.filter((a) => a.family === family).map((a) => networkOf(a)));
		const pools = {
			p2p: new SubnetPool(family === 4 ? cfg.p2p.ipv4 : cfg.p2p.ipv6, family === 4 ? cfg.p2p.prefix : 64, taken),
			lan: new SubnetPool(family === 4 ? cfg.lan.ipv4 : cfg.lan.ipv6, family === 4 ? cfg.lan.prefix : 64, taken)
		};
		for (const seg of segments) {
			const needing = seg.endpoints.filter((e) => !e.addresses.some((a) => a.family === family));
			if (needing.length === 0 || seg.endpoints.length < 2) continue;
			const written = seg.endpoints.flatMap((e) => e.addresses.filter((a) => a.family === family));
			const pool = seg.p2p ? pools.p2p : pools.lan;
			const subnet = written[0] ? networkOf(written[0]) : pool.take();
			const first = needing[0];
			if (!subnet) {
				diag.error(first.pos, first.field, `no free IPv${family} /${pool.prefix} left in pool ${formatCidr(pool.pool)} for this ${seg.p2p ? "link" : "LAN"}; make the pool larger under addressing`);
				continue;
			}
			const [low, high] = hostRange(subnet);
			const len = family === 4 ? 4 : 16;
			let up = low;
			let down = high;
			const nextFree = (fromTop) => {
				while (up <= down) {
					const v = fromTop ? down-- : up++;
					const c = {
						family,
						bytes: fromBig(v, len),
						prefix: subnet.prefix
					};
					if (!used.has(formatIp(c))) {
						used.add(formatIp(c));
						return c;
					}
				}
			};
			for (const e of needing) {
				const addr = nextFree(nodes.get(e.node)?.kind === "router" && !seg.p2p);
				if (!addr) {
					diag.error(e.pos, e.field, `subnet ${formatCidr(subnet)} has no free address left for ${e.node}:${e.iface}`);
					break;
				}
				given.set(e, [...given.get(e) ?? [], addr]);
			}
		}
	}
	return given;
}
// dist/topology/checks.js
function endpointsOf(links) {
	return links.flatMap((l) => [l.a, l.b]);
}
/** Two different segments must not share a subnet: a student's classic mix-up. */
function checkSubnets(diag, segments) {
	const seen = [];
	segments.forEach((eps, seg) => {
		for (const ep of eps) for (const a of ep.addresses) {
			const net = networkOf(a);
			const clash = seen.find((s) => s.seg !== seg && overlaps(s.net, net));
			if (clash) {
				diag.error(ep.pos, ep.field, `subnet ${formatCidr(net)} of ${ep.node}:${ep.iface} overlaps ${formatCidr(clash.net)} of ${clash.ep.node}:${clash.ep.iface}, which is on a different link (${clash.ep.field})`);
				return;
			}
			seen.push({
				net,
				seg,
				ep
			});
		}
	});
}
function checkAddresses(diag, links) {
	const seen = /* @__PURE__ */ new Map();
	for (const ep of endpointsOf(links)) for (const c of ep.addresses) {
		const key = formatIp(c);
		const first = seen.get(key);
		if (first) diag.error(ep.pos, ep.field, `address ${key} is also given to ${first.node}:${first.iface} (${first.field})`);
		else seen.set(key, ep);
		if ((c.family === 4 && c.prefix < 31 || c.family === 6 && c.prefix < 127) && formatIp(networkOf(c)) === key) diag.error(ep.pos, ep.field, `${formatCidr(c)} is the network address of its subnet, not a host address`);
	}
}
function checkRoutes(diag, nodes, links) {
	const byNode = /* @__PURE__ */ new Map();
	for (const ep of endpointsOf(links)) byNode.set(ep.node, [...byNode.get(ep.node) ?? [], ep]);
	for (const node of nodes.values()) {
		const eps = byNode.get(node.name) ?? [];
		if (node.kind === "bridge") continue;
		for (const r of node.routes) {
			if (r.computed) continue;
			if (r.dev !== void 0 && !eps.some((e) => e.iface === r.dev)) {
				diag.error(r.pos, r.field, `node ${node.name} has no interface '${r.dev}'${didYouMean(r.dev, eps.map((e) => e.iface))}`);
				continue;
			}
			if (r.via) {
				const via = r.via;
				if (!(r.dev === void 0 ? eps : eps.filter((e) => e.iface === r.dev)).some((e) => e.addresses.some((a) => contains(a, via)))) diag.error(r.pos, r.field, `gateway ${formatIp(via)} is not on any subnet of ${node.name}'s interfaces${r.dev ? ` (${r.dev})` : ""}`);
			}
		}
	}
}
/** nat.out names an interface of the node; ports name nodes that have an IPv4 address. */
function checkNodeReferences(nodes, links, nodesField) {
	const diag = nodesField.diag;
	const ifaces = (n) => links.flatMap((l) => [l.a, l.b]).filter((e) => e.node === n).map((e) => e.iface);
	for (const n of nodes.values()) {
		if (n.nat && !ifaces(n.name).includes(n.nat.out)) diag.error(n.nat.pos, `${n.nat.field}.out`, `node ${n.name} has no interface '${n.nat.out}'${didYouMean(n.nat.out, ifaces(n.name))}`);
		if ((n.nat || n.ports.length > 0) && n.kind === "bridge") diag.error(n.pos, n.field, `a bridge does no NAT; put 'nat' and 'ports' on a router`);
		checkPortTargets(diag, n.ports, nodes, links);
	}
}
function checkPortTargets(diag, ports, nodes, links) {
	for (const p of ports) if (!nodes.has(p.node)) diag.error(p.pos, p.field, `unknown node '${p.node}'${didYouMean(p.node, nodes.keys())}`);
	else if (links && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === p.node && e.addresses.some((a) => a.family === 4))) diag.error(p.pos, p.field, `node ${p.node} has no IPv4 address to forward to`);
}
// dist/topology/node-fields.js
function message(err) {
	return err.message.replace(/^(memory|cpu|cpu-set|pids): /, "");
}
/** cgroup limits, capabilities and seccomp of a node. */
function parseConfinement(get, file) {
	const limits = {};
	const read = (key, parse) => {
		const f = get(key);
		if (f.isNull || f.isMap || f.isSeq) return void 0;
		try {
			return parse(f.value);
		} catch (err) {
			f.error(message(err));
			return;
		}
	};
	const memory = read("memory", (v) => parseMemory(v));
	const cpu = read("cpu", (v) => parseCpu(v));
	const cpuSet = read("cpu-set", (v) => parseCpuSet(v));
	const pids = read("pids", (v) => parsePids(v));
	if (memory !== void 0) limits.memory = memory;
	if (cpu !== void 0) limits.cpu = cpu;
	if (cpuSet !== void 0) limits.cpuSet = cpuSet;
	if (pids !== void 0) limits.pids = pids;
	const names = (key) => {
		const out = [];
		const f = get(key);
		for (const item of f.isSeq ? f.items() ?? [] : []) {
			const text = item.text;
			if (text === void 0) continue;
			try {
				if (!isAll(text)) parseCapName(text);
				out.push(text);
			} catch (err) {
				item.error(err.message);
			}
		}
		return out;
	};
	const add = names("cap-add");
	const drop = names("cap-drop");
	let caps = [];
	try {
		caps = sortCaps(resolveCapabilities(DEFAULT_NODE_CAPS, {
			add,
			drop
		}, new Set(CAP_NAMES)));
	} catch {}
	const sf = get("seccomp");
	let seccomp = { mode: "default" };
	if (!sf.isNull && sf.text !== void 0) try {
		const setting = parseSeccompSetting(sf.text, {
			baseDir: dirname(file),
			origin: `${sf.pos.file}:${sf.pos.line}`
		});
		seccomp = setting.mode === "profile" ? {
			mode: "profile",
			file: setting.file
		} : { mode: setting.mode };
		if (setting.mode === "profile") for (const w of setting.warnings) sf.warn(w);
	} catch (err) {
		sf.error(err.message);
	}
	const isolation = get("isolation").text === "network" ? "network" : "sandbox";
	const bf = get("binds");
	const binds = parseBinds(bf, file);
	if (isolation === "network" && binds.length > 0) bf.error("binds need a sandboxed node; remove `isolation: network` or the binds");
	return {
		limits,
		caps,
		capsAll: add.some(isAll),
		seccomp,
		isolation,
		binds
	};
}
/**
* containerlab's `binds:` entries, `SRC:DST[:ro|:rw]`: SRC relative to the
* topology file and existing now, DST absolute and not one of the paths the
* sandbox itself provides.
*/
function parseBinds(f, file) {
	const out = [];
	for (const item of f.isSeq ? f.items() ?? [] : []) {
		const text = item.text;
		if (text === void 0) continue;
		const parts = text.split(":");
		let mode;
		if (parts.length === 3) mode = parts.pop();
		if (parts.length !== 2 || mode !== void 0 && mode !== "ro" && mode !== "rw") {
			item.error(`bind '${text}' is not SRC:DST, SRC:DST:ro or SRC:DST:rw`);
			continue;
		}
		const [srcText, dst] = parts;
		const src = resolve(dirname(file), srcText);
		if (!isAbsolute(dst) || dst.split("/").includes("..")) {
			item.error(`bind '${text}': the destination '${dst}' must be an absolute path inside the node, without '..'`);
			continue;
		}
		if (dst === "/" || dst === "/proc" || dst.startsWith("/proc/") || dst === "/sys" || dst.startsWith("/sys/") || dst === "/dev" || dst.startsWith("/dev/")) {
			item.error(`bind '${text}': nslab makes ${dst} for the node itself; bind somewhere else`);
			continue;
		}
		if (!existsSync(src)) {
			item.error(`bind '${text}': the source ${src} does not exist`);
			continue;
		}
		out.push({
			src,
			dst,
			ro: mode === "ro",
			pos: item.pos,
			field: item.path
		});
	}
	return out;
}
function parseExec(f) {
	const out = [];
	for (const item of f.isSeq ? f.items() ?? [] : []) if (item.isMap) {
		const cmd = item.get("cmd").text;
		if (cmd !== void 0) out.push({
			cmd,
			background: item.get("background").value === true,
			pos: item.pos,
			field: item.path
		});
	} else if (item.text !== void 0) out.push({
		cmd: item.text,
		background: false,
		pos: item.pos,
		field: item.path
	});
	return out;
}
function parseStringMap(f) {
	const out = {};
	for (const e of f.isMap ? f.entries() ?? [] : []) {
		const v = e.value;
		if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[e.key] = String(v);
	}
	return out;
}
function parseResolver(f) {
	if (!f.isMap) return void 0;
	const list = (key, check) => {
		const lf = f.get(key);
		const out = [];
		for (const item of lf.isSeq ? lf.items() ?? [] : []) {
			const t = item.text;
			if (t === void 0) continue;
			check?.(t, item);
			out.push(t);
		}
		return out;
	};
	return {
		servers: list("servers", (t, item) => {
			try {
				parseIp(t);
			} catch (err) {
				item.error(err.message);
			}
		}),
		search: list("search"),
		options: list("options")
	};
}
const PORT_FORWARD = /^(\d{1,5}):([A-Za-z0-9][A-Za-z0-9_-]*):(\d{1,5})(?:\/(tcp|udp))?$/;
/** `8080:h1:80/tcp` → { port 8080, node h1, toPort 80, proto tcp }. */
function parsePorts(f) {
	const out = [];
	for (const item of f.isSeq ? f.items() ?? [] : []) {
		const t = item.text ?? "";
		const m = PORT_FORWARD.exec(t);
		const port = Number(m?.[1]);
		const toPort = Number(m?.[3]);
		if (!m || port < 1 || port > 65535 || toPort < 1 || toPort > 65535) {
			item.error(`port forward '${t}' should be PORT:NODE:PORT[/tcp|udp] with ports 1–65535, e.g. 8080:h1:80/tcp`);
			continue;
		}
		out.push({
			port,
			node: m[2],
			toPort,
			proto: m[4] ?? "tcp",
			pos: item.pos,
			field: item.path
		});
	}
	return out;
}
const IMPAIRMENT_KEYS = [
	"rate",
	"delay",
	"jitter",
	"loss",
	"corrupt",
	"duplicate",
	"reorder"
];
/** Impairment fields of a link or endpoint map, parsed; undefined when none is given. */
function parseImpairmentFields(f) {
	if (!f.isMap) return void 0;
	const text = {};
	let any = false;
	for (const k of IMPAIRMENT_KEYS) {
		const v = f.get(k).value;
		if (typeof v === "string" || typeof v === "number") {
			text[k] = v;
			any = true;
		}
	}
	if (!any) return void 0;
	try {
		return parseImpairment(text);
	} catch (err) {
		const named = IMPAIRMENT_KEYS.find((k) => err.message.includes(k) && !f.get(k).isNull) ?? IMPAIRMENT_KEYS.find((k) => !f.get(k).isNull);
		(named ? f.get(named) : f).error(err.message);
		return;
	}
}
// dist/topology/lab-fields.js
/** The host side of an uplink cable: `<lab>-up` when it fits in 15 bytes. */
function defaultHostInterface(lab) {
	const name = `${lab}-up`;
	return name.length <= 15 ? name : `nslab${lab.length}${lab.slice(0, 6)}`.slice(0, 15);
}
function parseUplink(f, lab, nodes, links) {
	if (!f.isMap) return void 0;
	const node = f.get("node").text ?? "";
	const def = nodes.get(node);
	if (!def) {
		f.get("node").error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
		return;
	}
	if (def.kind === "bridge") {
		f.get("node").error(`'${node}' is a bridge; an uplink goes to a host or a router`);
		return;
	}
	const iface = f.get("interface").text ?? "uplink";
	const hostIface = f.get("host-interface").text ?? defaultHostInterface(lab);
	for (const [field, name] of [["interface", iface], ["host-interface", hostIface]]) {
		const p = interfaceNameProblem(name);
		if (p) f.get(field).error(p);
	}
	if (links.some((l) => l.a.node === node && l.a.iface === iface || l.b.node === node && l.b.iface === iface)) f.get("interface").error(`interface ${node}:${iface} is already used by a link; name the uplink's another way`);
	let hostAddress;
	try {
		hostAddress = parseCidr(f.get("ipv4").text ?? "100.64.0.1/30");
		if (hostAddress.family !== 4 || hostAddress.prefix > 30) throw new TypeError(`the uplink needs an IPv4 subnet of /30 or larger, not ${f.get("ipv4").text}`);
	} catch (err) {
		f.get("ipv4").error(err.message);
		return;
	}
	const bytes = Uint8Array.from(hostAddress.bytes);
	for (let i = 3; i >= 0; i--) {
		bytes[i] = (bytes[i] ?? 0) + 1 & 255;
		if (bytes[i] !== 0) break;
	}
	const nodeAddress = {
		family: 4,
		bytes,
		prefix: hostAddress.prefix
	};
	if (!contains(hostAddress, nodeAddress) || formatIp(networkOf(hostAddress)) === formatIp(hostAddress)) f.get("ipv4").error(`${formatCidr(hostAddress)} leaves no address for ${node} in its subnet; give the machine's side, e.g. 100.64.0.1/30`);
	return {
		node,
		iface,
		hostIface,
		hostAddress,
		nodeAddress,
		nat: f.get("nat").text === "host",
		ports: parsePorts(f.get("ports")),
		pos: f.pos,
		field: f.path
	};
}
const PORT = /^(\d{1,5})\/(tcp|udp)$/;
function parseExpect(f, nodes, links) {
	const out = [];
	for (const item of f.isSeq ? f.items() ?? [] : []) {
		if (!item.isMap) continue;
		const from = item.get("from").text ?? "";
		const reach = item.get("reach").text;
		const notReach = item.get("not-reach").text;
		if (reach === void 0 === (notReach === void 0)) {
			item.error(`give one of 'reach' or 'not-reach'`);
			continue;
		}
		if (!nodes.has(from)) {
			item.get("from").error(`unknown node '${from}'${didYouMean(from, nodes.keys())}`);
			continue;
		}
		const target = reach ?? notReach;
		const tf = item.get(reach !== void 0 ? "reach" : "not-reach");
		const [tnode, tif] = target.split(":");
		let isAddress = false;
		try {
			parseIp(target);
			isAddress = true;
		} catch {}
		if (!isAddress) {
			if (!nodes.has(tnode ?? "")) {
				tf.error(`unknown node '${tnode}'${didYouMean(tnode ?? "", nodes.keys())} (a target is a node, node:interface, or an address)`);
				continue;
			}
			if (tif !== void 0 && !links.flatMap((l) => [l.a, l.b]).some((e) => e.node === tnode && e.iface === tif)) {
				tf.error(`node ${tnode} has no interface '${tif}'`);
				continue;
			}
		}
		const portText = item.get("port").text;
		let port;
		if (portText !== void 0) {
			const m = PORT.exec(portText);
			if (!m || Number(m[1]) < 1 || Number(m[1]) > 65535) {
				item.get("port").error(`port '${portText}' should be NUMBER/tcp or NUMBER/udp, e.g. 22/tcp`);
				continue;
			}
			port = {
				port: Number(m[1]),
				proto: m[2]
			};
		}
		out.push({
			from,
			target,
			reach: reach !== void 0,
			...port ? { port } : {},
			pos: item.pos,
			field: item.path
		});
	}
	return out;
}
// dist/topology/routes.js
/**
* Parse a route in `ip route` syntax: `<dst>|default [via <gw>] [dev <if>]
* [metric <n>]`. `default` takes its family from the gateway (IPv4 if none).
* Throws TypeError with a sentence saying what is wrong.
*/
function parseRouteText(text) {
	const words = text.trim().split(/\s+/);
	const dstWord = words.shift();
	if (!dstWord) throw new TypeError("a route needs a destination (a prefix or \"default\")");
	let via;
	let dev;
	let metric;
	while (words.length > 0) {
		const key = words.shift();
		const value = words.shift();
		if (value === void 0) throw new TypeError(`'${key}' needs a value`);
		switch (key) {
			case "via":
				via = parseIp(value);
				break;
			case "dev":
				dev = value;
				break;
			case "metric":
			case "preference":
			case "priority":
				if (!/^\d+$/.test(value) || Number(value) > 4294967295) throw new TypeError(`metric '${value}' is not a whole number`);
				metric = Number(value);
				break;
			default: throw new TypeError(`unknown route keyword '${key}' (expected via, dev or metric)`);
		}
	}
	return buildRoute(dstWord, via, dev, metric);
}
function buildRoute(dstWord, via, dev, metric) {
	let dst;
	if (dstWord === "default") {
		const family = via?.family ?? 4;
		dst = {
			family,
			bytes: new Uint8Array(family === 4 ? 4 : 16),
			prefix: 0
		};
	} else dst = parseCidr(dstWord);
	if (via && via.family !== dst.family) throw new TypeError(`gateway is IPv${via.family} but the destination is IPv${dst.family}`);
	if (!via && dev === void 0) throw new TypeError("a route needs a gateway (via) or an interface (dev)");
	return {
		dst,
		...via ? { via } : {},
		...dev !== void 0 ? { dev } : {},
		...metric !== void 0 ? { metric } : {}
	};
}
// dist/topology/types.js
/** Names the topology may use for each kind (containerlab's `linux` is a host). */
const KIND_ALIASES = {
	host: "host",
	linux: "host",
	router: "router",
	frr: "router",
	bridge: "bridge"
};
// dist/topology/nodes.js
/** What a switch nslab makes for a LAN is given: nothing to confine, nothing to run. */
const BARE = {
	confine: {
		limits: {},
		caps: sortCaps(DEFAULT_NODE_CAPS),
		capsAll: false,
		seccomp: { mode: "default" },
		isolation: "sandbox",
		binds: []
	},
	exec: [],
	env: {},
	sysctls: {},
	ports: []
};
/**
* The field `key` of a node as inherited: the node's own, else its group's,
* else its kind's, else the defaults'. The Field keeps the place it was
* written, so an error in an inherited value points at the group or default.
*/
function inherited(node, topo, kind, key) {
	const own = node.get(key);
	if (!own.isNull) return own;
	const group = node.get("group").text;
	const levels = [
		group !== void 0 ? topo.get("groups").get(group) : void 0,
		kind !== void 0 ? topo.get("kinds").get(kind) : void 0,
		topo.get("defaults")
	];
	for (const level of levels) {
		const f = level?.get(key);
		if (f && !f.isNull) return f;
	}
	return own;
}
function parseNodes(topo, labRouting, file) {
	const nodes = /* @__PURE__ */ new Map();
	const groups = topo.get("groups");
	const nodesField = topo.get("nodes");
	for (const nf of nodesField.isMap ? nodesField.entries() ?? [] : []) {
		const name = nf.key;
		const problem = nameProblem("node", name);
		if (problem) {
			nf.error(problem);
			continue;
		}
		const groupField = nf.get("group");
		if (!groupField.isNull && !groups.has(groupField.text ?? "")) groupField.error(`unknown group '${groupField.text}'${didYouMean(groupField.text ?? "", (groups.entries() ?? []).map((g) => g.key))}`);
		const kindField = inherited(nf, topo, void 0, "kind");
		const kind = KIND_ALIASES[kindField.text ?? "host"] ?? "host";
		if (kind === "bridge") {
			const p = interfaceNameProblem(name);
			if (p) nf.error(`a bridge node's name is its device's name: ${p}`);
		}
		const kindKey = kindField.text ?? "host";
		const routesField = inherited(nf, topo, kindKey, "routes");
		const routes = parseRoutes(routesField);
		if (kind === "bridge" && routes.length > 0) routesField.error("a bridge switches frames and has no routes");
		const routing = inherited(nf, topo, kindKey, "routing").text ?? labRouting;
		const get = (key) => inherited(nf, topo, kindKey, key);
		const natField = get("nat");
		const natOut = natField.get("out").text;
		const dns = parseResolver(get("dns"));
		const confine = parseConfinement(get, file);
		const frr = parseFrr(nf, kindField, get, file, confine);
		const exec = parseExec(get("exec"));
		nodes.set(name, {
			name,
			kind: frr ? "router" : kind,
			...frr ? { frr } : {},
			routes,
			routing,
			confine: frr ? {
				...confine,
				caps: sortCaps(/* @__PURE__ */ new Set([...confine.caps, ...FRR_CAPS]))
			} : confine,
			exec: frr ? [{
				cmd: FRR_START,
				background: false,
				pos: frr.pos,
				field: frr.field
			}, ...exec] : exec,
			env: parseStringMap(get("env")),
			sysctls: parseStringMap(get("sysctls")),
			...dns ? { dns } : {},
			...natOut !== void 0 ? { nat: {
				out: natOut,
				pos: natField.pos,
				field: natField.path
			} } : {},
			ports: parsePorts(get("ports")),
			pos: nf.pos,
			field: nf.path
		});
	}
	return nodes;
}
/** How an FRR node starts FRR (Debian's script: watchfrr, zebra, the daemons file's daemons). */
const FRR_START = "/usr/lib/frr/frrinit.sh start";
const FRR_CAPS = [
	"CAP_NET_ADMIN",
	"CAP_NET_RAW",
	"CAP_SYS_ADMIN"
];
/** `router ospf` → ospfd, and so on: the daemons a frr.conf configures. */
function frrDaemons(config) {
	const map = {
		ospf: "ospfd",
		ospf6: "ospf6d",
		bgp: "bgpd",
		isis: "isisd",
		rip: "ripd",
		ripng: "ripngd",
		eigrp: "eigrpd",
		babel: "babeld",
		openfabric: "fabricd"
	};
	const out = /* @__PURE__ */ new Set();
	for (const m of config.matchAll(/^\s*router\s+(\S+)/gm)) {
		const d = map[m[1]];
		if (d) out.add(d);
	}
	if (/^\s*mpls\s+ldp/m.test(config)) out.add("ldpd");
	if (/^\s*segment-routing|^\s*pbr-map/m.test(config)) out.add("pbrd");
	if (/^\s*bfd\b/m.test(config)) out.add("bfdd");
	return [...out].sort();
}
/** An FRR node's settings: `kind: frr`, or containerlab's `kind: linux` with an FRR image. */
function parseFrr(nf, kindField, get, file, confine) {
	const image = get("image").text ?? "";
	const isFrr = kindField.text === "frr" || (kindField.text === "linux" || kindField.text === void 0) && /(^|[/:])frr(outing)?([/:]|$)|frrouting\/frr/i.test(image);
	const sc = get("startup-config");
	if (!isFrr) {
		if (!sc.isNull) sc.warn(`startup-config means something only for an FRR node (kind: frr); ignored here`);
		return;
	}
	if (confine.isolation === "network") {
		nf.error("an FRR node needs its own /etc/frr: remove `isolation: network`");
		return;
	}
	let config;
	let text = "";
	if (!sc.isNull && sc.text !== void 0) {
		config = resolve(dirname(file), sc.text);
		try {
			text = readFileSync(config, "utf8");
		} catch (err) {
			sc.error(`cannot read the startup-config ${config}: ${err.code ?? err.message}`);
		}
	}
	for (const b of confine.binds) if (b.dst === "/etc/frr/frr.conf") try {
		text += `\n${readFileSync(b.src, "utf8")}`;
	} catch {}
	return {
		...config !== void 0 ? { config } : {},
		daemons: frrDaemons(text),
		pos: nf.pos,
		field: nf.path
	};
}
function parseRoutes(f) {
	const out = [];
	for (const rf of f.isNull ? [] : f.items() ?? []) try {
		if (rf.isMap) {
			const via = rf.get("via").text;
			const dev = rf.get("dev").text;
			const metric = rf.get("metric").value;
			const r = buildRoute(rf.get("dst").text ?? "default", via === void 0 ? void 0 : parseIp(via), dev, metric ?? void 0);
			out.push({
				...r,
				pos: rf.pos,
				field: rf.path
			});
		} else out.push({
			...parseRouteText(rf.text ?? ""),
			pos: rf.pos,
			field: rf.path
		});
	} catch (err) {
		rf.error(`bad route: ${err.message}`);
	}
	return out;
}
// dist/topology/links.js
function parseEndpoint(f, nodes) {
	let node;
	let iface;
	const addresses = [];
	let mac;
	if (f.isMap) {
		node = f.get("node").text ?? "";
		iface = f.get("interface").text;
		for (const family of [4, 6]) for (const af of f.get(`ipv${family}`).itemsOrOne()) {
			const text = af.text ?? "";
			try {
				if (!text.includes("/")) throw new TypeError(`'${text}' needs a prefix length, e.g. ${text}/${family === 4 ? 24 : 64}`);
				const c = parseCidr(text);
				if (c.family !== family) throw new TypeError(`'${text}' is not an IPv${family} address`);
				addresses.push(c);
			} catch (err) {
				af.error(err.message);
			}
		}
		const macText = f.get("mac").text;
		try {
			if (macText !== void 0) mac = parseMac(macText);
		} catch (err) {
			f.get("mac").error(err.message);
		}
	} else {
		const text = f.text ?? "";
		const colon = text.indexOf(":");
		if (colon === 0 || colon === text.length - 1) return f.error(`endpoint '${text}' should be "node:interface" (or just "node"), e.g. "h1:eth0"`);
		node = colon < 0 ? text : text.slice(0, colon);
		iface = colon < 0 ? void 0 : text.slice(colon + 1);
	}
	if (!nodes.has(node)) return f.error(`unknown node '${node}'${didYouMean(node, nodes.keys())}`);
	if (iface !== void 0) {
		const problem = interfaceNameProblem(iface);
		if (problem) return f.error(problem);
	}
	if (nodes.get(node)?.kind === "bridge" && addresses.length > 0) return f.error(`${node}${iface ? `:${iface}` : ""} is a port of bridge '${node}'; a bridge port carries no address (put it on the hosts)`);
	const impair = parseImpairmentFields(f);
	return {
		f,
		node,
		...iface !== void 0 ? { iface } : {},
		addresses,
		...mac ? { mac } : {},
		...impair ? { impair } : {}
	};
}
/**
* Links as written become two-ended links. A LAN (more than two endpoints, or
* `lan:`) becomes a switch node nslab makes (`lanN` or the link's `name`) with
* a cable from each member; the switch's ports are named after the members.
* Interfaces not named get the node's next free `ethN`.
*/
function parseLinks(f, nodes) {
	const raw = [];
	let lanCount = 0;
	for (const lf of f.isNull ? [] : f.items() ?? []) {
		const hasEndpoints = lf.has("endpoints");
		const hasLan = lf.has("lan");
		if (hasEndpoints === hasLan) {
			lf.error(hasLan ? `give either 'endpoints' or 'lan', not both` : `a link needs 'endpoints' (a cable) or 'lan' (a switch)`);
			continue;
		}
		const list = lf.get(hasLan ? "lan" : "endpoints");
		const ends = (list.items() ?? []).map((e) => parseEndpoint(e, nodes));
		if (ends.some((e) => e === void 0)) continue;
		const mtu = lf.get("mtu").value;
		const isLan = hasLan || ends.length > 2;
		let lan;
		if (isLan) {
			lanCount++;
			lan = lf.get("name").text;
			if (lan === void 0) {
				let k = lanCount;
				while (nodes.has(`lan${k}`)) k++;
				lan = `lan${k}`;
			} else if (nodes.has(lan)) {
				lf.get("name").error(`'${lan}' is already a node; a LAN's switch needs a name of its own`);
				continue;
			}
			const p = interfaceNameProblem(lan);
			if (p) {
				lf.get("name").error(`a LAN's name is its switch's device name: ${p}`);
				continue;
			}
			if (ends.some((e) => nodes.get(e.node)?.kind === "bridge")) {
				list.error(`a LAN joins hosts and routers; to join bridges, link them with 'endpoints'`);
				continue;
			}
			nodes.set(lan, {
				name: lan,
				kind: "bridge",
				routes: [],
				routing: "none",
				generated: true,
				...BARE,
				pos: lf.pos,
				field: lf.path
			});
		} else if (lf.has("name")) lf.get("name").error(`only a LAN has a name (a link with 'lan' or more than two endpoints)`);
		const impair = parseImpairmentFields(lf);
		raw.push({
			f: lf,
			ends,
			...mtu !== void 0 ? { mtu } : {},
			...lan ? { lan } : {},
			...impair ? { impair } : {}
		});
	}
	const used = /* @__PURE__ */ new Map();
	const taken = /* @__PURE__ */ new Map();
	const claim = (node, iface, field) => {
		const key = `${node}:${iface}`;
		const first = used.get(key);
		if (first) {
			field.error(`interface ${key} is already used by ${first}`);
			return false;
		}
		used.set(key, field.path);
		const set = taken.get(node) ?? /* @__PURE__ */ new Set();
		set.add(iface);
		taken.set(node, set);
		return true;
	};
	let ok = true;
	for (const l of raw) for (const e of l.ends) if (e.iface !== void 0) ok = claim(e.node, e.iface, e.f) && ok;
	const nextEth = (node) => {
		const set = taken.get(node) ?? /* @__PURE__ */ new Set();
		let i = 0;
		while (set.has(`eth${i}`)) i++;
		set.add(`eth${i}`);
		taken.set(node, set);
		return `eth${i}`;
	};
	const links = [];
	for (const l of raw) {
		const ends = l.ends.map((e) => {
			const impair = e.impair ?? l.impair;
			return {
				node: e.node,
				iface: e.iface ?? nextEth(e.node),
				addresses: e.addresses,
				...e.mac ? { mac: e.mac } : {},
				...impair ? { impair } : {},
				pos: e.f.pos,
				field: e.f.path
			};
		});
		const mtu = l.mtu !== void 0 ? { mtu: l.mtu } : {};
		if (l.lan) {
			const portNames = /* @__PURE__ */ new Set();
			ends.forEach((e, i) => {
				let port = interfaceNameProblem(e.node) || portNames.has(e.node) ? `p${i + 1}` : e.node;
				if (portNames.has(port)) port = `p${i + 1}`;
				portNames.add(port);
				const sw = {
					node: l.lan,
					iface: port,
					addresses: [],
					...l.impair ? { impair: l.impair } : {},
					pos: e.pos,
					field: `${e.field} (switch port)`
				};
				links.push({
					a: e,
					b: sw,
					...mtu,
					pos: l.f.pos,
					field: l.f.path
				});
			});
		} else {
			const [a, b] = ends;
			if (a && b) links.push({
				a,
				b,
				...mtu,
				pos: l.f.pos,
				field: l.f.path
			});
		}
	}
	return ok ? links : links;
}
// node_modules/graphology/dist/graphology.mjs
/**
* Graphology Utilities
* =====================
*
* Collection of helpful functions used by the implementation.
*/
/**
* Object.assign-like polyfill.
*
* @param  {object} target       - First object.
* @param  {object} [...objects] - Objects to merge.
* @return {object}
*/
function assignPolyfill() {
	const target = arguments[0];
	for (let i = 1, l = arguments.length; i < l; i++) {
		if (!arguments[i]) continue;
		for (const k in arguments[i]) target[k] = arguments[i][k];
	}
	return target;
}
let assign = assignPolyfill;
if (typeof Object.assign === "function") assign = Object.assign;
/**
* Function returning the first matching edge for given path.
* Note: this function does not check the existence of source & target. This
* must be performed by the caller.
*
* @param  {Graph}  graph  - Target graph.
* @param  {any}    source - Source node.
* @param  {any}    target - Target node.
* @param  {string} type   - Type of the edge (mixed, directed or undirected).
* @return {string|null}
*/
function getMatchingEdge(graph, source, target, type) {
	const sourceData = graph._nodes.get(source);
	let edge = null;
	if (!sourceData) return edge;
	if (type === "mixed") edge = sourceData.out && sourceData.out[target] || sourceData.undirected && sourceData.undirected[target];
	else if (type === "directed") edge = sourceData.out && sourceData.out[target];
	else edge = sourceData.undirected && sourceData.undirected[target];
	return edge;
}
/**
* Checks whether the given value is a plain object.
*
* @param  {mixed}   value - Target value.
* @return {boolean}
*/
function isPlainObject(value) {
	return typeof value === "object" && value !== null;
}
/**
* Checks whether the given object is empty.
*
* @param  {object}  o - Target Object.
* @return {boolean}
*/
function isEmpty(o) {
	let k;
	for (k in o) return false;
	return true;
}
/**
* Creates a "private" property for the given member name by concealing it
* using the `enumerable` option.
*
* @param {object} target - Target object.
* @param {string} name   - Member name.
*/
function privateProperty(target, name, value) {
	Object.defineProperty(target, name, {
		enumerable: false,
		configurable: false,
		writable: true,
		value
	});
}
/**
* Creates a read-only property for the given member name & the given getter.
*
* @param {object}   target - Target object.
* @param {string}   name   - Member name.
* @param {mixed}    value  - The attached getter or fixed value.
*/
function readOnlyProperty(target, name, value) {
	const descriptor = {
		enumerable: true,
		configurable: true
	};
	if (typeof value === "function") descriptor.get = value;
	else {
		descriptor.value = value;
		descriptor.writable = false;
	}
	Object.defineProperty(target, name, descriptor);
}
/**
* Returns whether the given object constitute valid hints.
*
* @param {object} hints - Target object.
*/
function validateHints(hints) {
	if (!isPlainObject(hints)) return false;
	if (hints.attributes && !Array.isArray(hints.attributes)) return false;
	return true;
}
/**
* Creates a function generating incremental ids for edges.
*
* @return {function}
*/
function incrementalIdStartingFromRandomByte() {
	let i = Math.floor(Math.random() * 256) & 255;
	return () => {
		return i++;
	};
}
/**
* Chains multiple iterators into a single iterator.
*
* @param {...Iterator} iterables
* @returns {Iterator}
*/
function chain() {
	const iterables = arguments;
	let current = null;
	let i = -1;
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			let step = null;
			do {
				if (current === null) {
					i++;
					if (i >= iterables.length) return { done: true };
					current = iterables[i][Symbol.iterator]();
				}
				step = current.next();
				if (step.done) {
					current = null;
					continue;
				}
				break;
			} while (true);
			return step;
		}
	};
}
function emptyIterator() {
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			return { done: true };
		}
	};
}
/**
* Graphology Custom Errors
* =========================
*
* Defining custom errors for ease of use & easy unit tests across
* implementations (normalized typology rather than relying on error
* messages to check whether the correct error was found).
*/
var GraphError = class extends Error {
	constructor(message) {
		super();
		this.name = "GraphError";
		this.message = message;
	}
};
var InvalidArgumentsGraphError = class InvalidArgumentsGraphError extends GraphError {
	constructor(message) {
		super(message);
		this.name = "InvalidArgumentsGraphError";
		if (typeof Error.captureStackTrace === "function") Error.captureStackTrace(this, InvalidArgumentsGraphError.prototype.constructor);
	}
};
var NotFoundGraphError = class NotFoundGraphError extends GraphError {
	constructor(message) {
		super(message);
		this.name = "NotFoundGraphError";
		if (typeof Error.captureStackTrace === "function") Error.captureStackTrace(this, NotFoundGraphError.prototype.constructor);
	}
};
var UsageGraphError = class UsageGraphError extends GraphError {
	constructor(message) {
		super(message);
		this.name = "UsageGraphError";
		if (typeof Error.captureStackTrace === "function") Error.captureStackTrace(this, UsageGraphError.prototype.constructor);
	}
};
/**
* Graphology Internal Data Classes
* =================================
*
* Internal classes hopefully reduced to structs by engines & storing
* necessary information for nodes & edges.
*
* Note that those classes don't rely on the `class` keyword to avoid some
* cruft introduced by most of ES2015 transpilers.
*/
/**
* MixedNodeData class.
*
* @constructor
* @param {string} string     - The node's key.
* @param {object} attributes - Node's attributes.
*/
function MixedNodeData(key, attributes) {
	this.key = key;
	this.attributes = attributes;
	this.clear();
}
MixedNodeData.prototype.clear = function() {
	this.inDegree = 0;
	this.outDegree = 0;
	this.undirectedDegree = 0;
	this.undirectedLoops = 0;
	this.directedLoops = 0;
	this.in = {};
	this.out = {};
	this.undirected = {};
};
/**
* DirectedNodeData class.
*
* @constructor
* @param {string} string     - The node's key.
* @param {object} attributes - Node's attributes.
*/
function DirectedNodeData(key, attributes) {
	this.key = key;
	this.attributes = attributes;
	this.clear();
}
DirectedNodeData.prototype.clear = function() {
	this.inDegree = 0;
	this.outDegree = 0;
	this.directedLoops = 0;
	this.in = {};
	this.out = {};
};
/**
* UndirectedNodeData class.
*
* @constructor
* @param {string} string     - The node's key.
* @param {object} attributes - Node's attributes.
*/
function UndirectedNodeData(key, attributes) {
	this.key = key;
	this.attributes = attributes;
	this.clear();
}
UndirectedNodeData.prototype.clear = function() {
	this.undirectedDegree = 0;
	this.undirectedLoops = 0;
	this.undirected = {};
};
/**
* EdgeData class.
*
* @constructor
* @param {boolean} undirected   - Whether the edge is undirected.
* @param {string}  string       - The edge's key.
* @param {string}  source       - Source of the edge.
* @param {string}  target       - Target of the edge.
* @param {object}  attributes   - Edge's attributes.
*/
function EdgeData(undirected, key, source, target, attributes) {
	this.key = key;
	this.attributes = attributes;
	this.undirected = undirected;
	this.source = source;
	this.target = target;
}
EdgeData.prototype.attach = function() {
	let outKey = "out";
	let inKey = "in";
	if (this.undirected) outKey = inKey = "undirected";
	const source = this.source.key;
	const target = this.target.key;
	this.source[outKey][target] = this;
	if (this.undirected && source === target) return;
	this.target[inKey][source] = this;
};
EdgeData.prototype.attachMulti = function() {
	let outKey = "out";
	let inKey = "in";
	const source = this.source.key;
	const target = this.target.key;
	if (this.undirected) outKey = inKey = "undirected";
	const adj = this.source[outKey];
	const head = adj[target];
	if (typeof head === "undefined") {
		adj[target] = this;
		if (!(this.undirected && source === target)) this.target[inKey][source] = this;
		return;
	}
	head.previous = this;
	this.next = head;
	adj[target] = this;
	this.target[inKey][source] = this;
};
EdgeData.prototype.detach = function() {
	const source = this.source.key;
	const target = this.target.key;
	let outKey = "out";
	let inKey = "in";
	if (this.undirected) outKey = inKey = "undirected";
	delete this.source[outKey][target];
	delete this.target[inKey][source];
};
EdgeData.prototype.detachMulti = function() {
	const source = this.source.key;
	const target = this.target.key;
	let outKey = "out";
	let inKey = "in";
	if (this.undirected) outKey = inKey = "undirected";
	if (this.previous === void 0) {
		if (this.next === void 0) {
			delete this.source[outKey][target];
			delete this.target[inKey][source];
		} else {
			this.next.previous = void 0;
			this.source[outKey][target] = this.next;
			this.target[inKey][source] = this.next;
		}
	} else {
		this.previous.next = this.next;
		if (this.next !== void 0) this.next.previous = this.previous;
	}
};
/**
* Graphology Node Attributes methods
* ===================================
*/
const NODE = 0;
const SOURCE = 1;
const TARGET = 2;
const OPPOSITE = 3;
function findRelevantNodeData(graph, method, mode, nodeOrEdge, nameOrEdge, add1, add2) {
	let nodeData, edgeData, arg1, arg2;
	nodeOrEdge = "" + nodeOrEdge;
	if (mode === NODE) {
		nodeData = graph._nodes.get(nodeOrEdge);
		if (!nodeData) throw new NotFoundGraphError(`Graph.${method}: could not find the "${nodeOrEdge}" node in the graph.`);
		arg1 = nameOrEdge;
		arg2 = add1;
	} else if (mode === OPPOSITE) {
		nameOrEdge = "" + nameOrEdge;
		edgeData = graph._edges.get(nameOrEdge);
		if (!edgeData) throw new NotFoundGraphError(`Graph.${method}: could not find the "${nameOrEdge}" edge in the graph.`);
		const source = edgeData.source.key;
		const target = edgeData.target.key;
		if (nodeOrEdge === source) nodeData = edgeData.target;
		else if (nodeOrEdge === target) nodeData = edgeData.source;
		else throw new NotFoundGraphError(`Graph.${method}: the "${nodeOrEdge}" node is not attached to the "${nameOrEdge}" edge (${source}, ${target}).`);
		arg1 = add1;
		arg2 = add2;
	} else {
		edgeData = graph._edges.get(nodeOrEdge);
		if (!edgeData) throw new NotFoundGraphError(`Graph.${method}: could not find the "${nodeOrEdge}" edge in the graph.`);
		if (mode === SOURCE) nodeData = edgeData.source;
		else nodeData = edgeData.target;
		arg1 = nameOrEdge;
		arg2 = add1;
	}
	return [
		nodeData,
		arg1,
		arg2
	];
}
function attachNodeAttributeGetter(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, name] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		return data.attributes[name];
	};
}
function attachNodeAttributesGetter(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge) {
		const [data] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge);
		return data.attributes;
	};
}
function attachNodeAttributeChecker(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, name] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		return data.attributes.hasOwnProperty(name);
	};
}
function attachNodeAttributeSetter(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1, add2) {
		const [data, name, value] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1, add2);
		data.attributes[name] = value;
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "set",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
function attachNodeAttributeUpdater(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1, add2) {
		const [data, name, updater] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1, add2);
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError(`Graph.${method}: updater should be a function.`);
		const attributes = data.attributes;
		attributes[name] = updater(attributes[name]);
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "set",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
function attachNodeAttributeRemover(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, name] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		delete data.attributes[name];
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "remove",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
function attachNodeAttributesReplacer(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, attributes] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${method}: provided attributes are not a plain object.`);
		data.attributes = attributes;
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "replace",
			attributes: data.attributes
		});
		return this;
	};
}
function attachNodeAttributesMerger(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, attributes] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${method}: provided attributes are not a plain object.`);
		assign(data.attributes, attributes);
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "merge",
			attributes: data.attributes,
			data: attributes
		});
		return this;
	};
}
function attachNodeAttributesUpdater(Class, method, mode) {
	Class.prototype[method] = function(nodeOrEdge, nameOrEdge, add1) {
		const [data, updater] = findRelevantNodeData(this, method, mode, nodeOrEdge, nameOrEdge, add1);
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError(`Graph.${method}: provided updater is not a function.`);
		data.attributes = updater(data.attributes);
		this.emit("nodeAttributesUpdated", {
			key: data.key,
			type: "update",
			attributes: data.attributes
		});
		return this;
	};
}
/**
* List of methods to attach.
*/
const NODE_ATTRIBUTES_METHODS = [
	{
		name: (element) => `get${element}Attribute`,
		attacher: attachNodeAttributeGetter
	},
	{
		name: (element) => `get${element}Attributes`,
		attacher: attachNodeAttributesGetter
	},
	{
		name: (element) => `has${element}Attribute`,
		attacher: attachNodeAttributeChecker
	},
	{
		name: (element) => `set${element}Attribute`,
		attacher: attachNodeAttributeSetter
	},
	{
		name: (element) => `update${element}Attribute`,
		attacher: attachNodeAttributeUpdater
	},
	{
		name: (element) => `remove${element}Attribute`,
		attacher: attachNodeAttributeRemover
	},
	{
		name: (element) => `replace${element}Attributes`,
		attacher: attachNodeAttributesReplacer
	},
	{
		name: (element) => `merge${element}Attributes`,
		attacher: attachNodeAttributesMerger
	},
	{
		name: (element) => `update${element}Attributes`,
		attacher: attachNodeAttributesUpdater
	}
];
/**
* Attach every attributes-related methods to a Graph class.
*
* @param {function} Graph - Target class.
*/
function attachNodeAttributesMethods(Graph) {
	NODE_ATTRIBUTES_METHODS.forEach(function({ name, attacher }) {
		attacher(Graph, name("Node"), NODE);
		attacher(Graph, name("Source"), SOURCE);
		attacher(Graph, name("Target"), TARGET);
		attacher(Graph, name("Opposite"), OPPOSITE);
	});
}
/**
* Graphology Edge Attributes methods
* ===================================
*/
/**
* Attach an attribute getter method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributeGetter(Class, method, type) {
	/**
	* Get the desired attribute for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element - Target element.
	* @param  {string} name    - Attribute's name.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source - Source element.
	* @param  {any}     target - Target element.
	* @param  {string}  name   - Attribute's name.
	*
	* @return {mixed}          - The attribute's value.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, name) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element;
			const target = "" + name;
			name = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		return data.attributes[name];
	};
}
/**
* Attach an attributes getter method onto the provided class.
*
* @param {function} Class       - Target class.
* @param {string}   method      - Method name.
* @param {string}   type        - Type of the edge to find.
*/
function attachEdgeAttributesGetter(Class, method, type) {
	/**
	* Retrieves all the target element's attributes.
	*
	* Arity 2:
	* @param  {any}    element - Target element.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source - Source element.
	* @param  {any}     target - Target element.
	*
	* @return {object}          - The element's attributes.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 1) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element, target = "" + arguments[1];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		return data.attributes;
	};
}
/**
* Attach an attribute checker method onto the provided class.
*
* @param {function} Class       - Target class.
* @param {string}   method      - Method name.
* @param {string}   type        - Type of the edge to find.
*/
function attachEdgeAttributeChecker(Class, method, type) {
	/**
	* Checks whether the desired attribute is set for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element - Target element.
	* @param  {string} name    - Attribute's name.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source - Source element.
	* @param  {any}     target - Target element.
	* @param  {string}  name   - Attribute's name.
	*
	* @return {boolean}
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, name) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element;
			const target = "" + name;
			name = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		return data.attributes.hasOwnProperty(name);
	};
}
/**
* Attach an attribute setter method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributeSetter(Class, method, type) {
	/**
	* Set the desired attribute for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element - Target element.
	* @param  {string} name    - Attribute's name.
	* @param  {mixed}  value   - New attribute value.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source - Source element.
	* @param  {any}     target - Target element.
	* @param  {string}  name   - Attribute's name.
	* @param  {mixed}  value   - New attribute value.
	*
	* @return {Graph}          - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, name, value) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 3) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element;
			const target = "" + name;
			name = arguments[2];
			value = arguments[3];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		data.attributes[name] = value;
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "set",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
/**
* Attach an attribute updater method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributeUpdater(Class, method, type) {
	/**
	* Update the desired attribute for the given element (node or edge) using
	* the provided function.
	*
	* Arity 2:
	* @param  {any}      element - Target element.
	* @param  {string}   name    - Attribute's name.
	* @param  {function} updater - Updater function.
	*
	* Arity 3 (only for edges):
	* @param  {any}      source  - Source element.
	* @param  {any}      target  - Target element.
	* @param  {string}   name    - Attribute's name.
	* @param  {function} updater - Updater function.
	*
	* @return {Graph}            - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, name, updater) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 3) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element;
			const target = "" + name;
			name = arguments[2];
			updater = arguments[3];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError(`Graph.${method}: updater should be a function.`);
		data.attributes[name] = updater(data.attributes[name]);
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "set",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
/**
* Attach an attribute remover method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributeRemover(Class, method, type) {
	/**
	* Remove the desired attribute for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element - Target element.
	* @param  {string} name    - Attribute's name.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source - Source element.
	* @param  {any}     target - Target element.
	* @param  {string}  name   - Attribute's name.
	*
	* @return {Graph}          - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, name) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element;
			const target = "" + name;
			name = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		delete data.attributes[name];
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "remove",
			attributes: data.attributes,
			name
		});
		return this;
	};
}
/**
* Attach an attribute replacer method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributesReplacer(Class, method, type) {
	/**
	* Replace the attributes for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element    - Target element.
	* @param  {object} attributes - New attributes.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source     - Source element.
	* @param  {any}     target     - Target element.
	* @param  {object}  attributes - New attributes.
	*
	* @return {Graph}              - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, attributes) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element, target = "" + attributes;
			attributes = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${method}: provided attributes are not a plain object.`);
		data.attributes = attributes;
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "replace",
			attributes: data.attributes
		});
		return this;
	};
}
/**
* Attach an attribute merger method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributesMerger(Class, method, type) {
	/**
	* Merge the attributes for the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}    element    - Target element.
	* @param  {object} attributes - Attributes to merge.
	*
	* Arity 3 (only for edges):
	* @param  {any}     source     - Source element.
	* @param  {any}     target     - Target element.
	* @param  {object}  attributes - Attributes to merge.
	*
	* @return {Graph}              - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, attributes) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element, target = "" + attributes;
			attributes = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${method}: provided attributes are not a plain object.`);
		assign(data.attributes, attributes);
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "merge",
			attributes: data.attributes,
			data: attributes
		});
		return this;
	};
}
/**
* Attach an attribute updater method onto the provided class.
*
* @param {function} Class         - Target class.
* @param {string}   method        - Method name.
* @param {string}   type          - Type of the edge to find.
*/
function attachEdgeAttributesUpdater(Class, method, type) {
	/**
	* Update the attributes of the given element (node or edge).
	*
	* Arity 2:
	* @param  {any}      element - Target element.
	* @param  {function} updater - Updater function.
	*
	* Arity 3 (only for edges):
	* @param  {any}      source  - Source element.
	* @param  {any}      target  - Target element.
	* @param  {function} updater - Updater function.
	*
	* @return {Graph}            - Returns itself for chaining.
	*
	* @throws {Error} - Will throw if too many arguments are provided.
	* @throws {Error} - Will throw if any of the elements is not found.
	*/
	Class.prototype[method] = function(element, updater) {
		let data;
		if (this.type !== "mixed" && type !== "mixed" && type !== this.type) throw new UsageGraphError(`Graph.${method}: cannot find this type of edges in your ${this.type} graph.`);
		if (arguments.length > 2) {
			if (this.multi) throw new UsageGraphError(`Graph.${method}: cannot use a {source,target} combo when asking about an edge's attributes in a MultiGraph since we cannot infer the one you want information about.`);
			const source = "" + element, target = "" + updater;
			updater = arguments[2];
			data = getMatchingEdge(this, source, target, type);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find an edge for the given path ("${source}" - "${target}").`);
		} else {
			if (type !== "mixed") throw new UsageGraphError(`Graph.${method}: calling this method with only a key (vs. a source and target) does not make sense since an edge with this key could have the other type.`);
			element = "" + element;
			data = this._edges.get(element);
			if (!data) throw new NotFoundGraphError(`Graph.${method}: could not find the "${element}" edge in the graph.`);
		}
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError(`Graph.${method}: provided updater is not a function.`);
		data.attributes = updater(data.attributes);
		this.emit("edgeAttributesUpdated", {
			key: data.key,
			type: "update",
			attributes: data.attributes
		});
		return this;
	};
}
/**
* List of methods to attach.
*/
const EDGE_ATTRIBUTES_METHODS = [
	{
		name: (element) => `get${element}Attribute`,
		attacher: attachEdgeAttributeGetter
	},
	{
		name: (element) => `get${element}Attributes`,
		attacher: attachEdgeAttributesGetter
	},
	{
		name: (element) => `has${element}Attribute`,
		attacher: attachEdgeAttributeChecker
	},
	{
		name: (element) => `set${element}Attribute`,
		attacher: attachEdgeAttributeSetter
	},
	{
		name: (element) => `update${element}Attribute`,
		attacher: attachEdgeAttributeUpdater
	},
	{
		name: (element) => `remove${element}Attribute`,
		attacher: attachEdgeAttributeRemover
	},
	{
		name: (element) => `replace${element}Attributes`,
		attacher: attachEdgeAttributesReplacer
	},
	{
		name: (element) => `merge${element}Attributes`,
		attacher: attachEdgeAttributesMerger
	},
	{
		name: (element) => `update${element}Attributes`,
		attacher: attachEdgeAttributesUpdater
	}
];
/**
* Attach every attributes-related methods to a Graph class.
*
* @param {function} Graph - Target class.
*/
function attachEdgeAttributesMethods(Graph) {
	EDGE_ATTRIBUTES_METHODS.forEach(function({ name, attacher }) {
		attacher(Graph, name("Edge"), "mixed");
		attacher(Graph, name("DirectedEdge"), "directed");
		attacher(Graph, name("UndirectedEdge"), "undirected");
	});
}
/**
* Graphology Edge Iteration
* ==========================
*
* Attaching some methods to the Graph class to be able to iterate over a
* graph's edges.
*/
/**
* Definitions.
*/
const EDGES_ITERATION = [
	{
		name: "edges",
		type: "mixed"
	},
	{
		name: "inEdges",
		type: "directed",
		direction: "in"
	},
	{
		name: "outEdges",
		type: "directed",
		direction: "out"
	},
	{
		name: "inboundEdges",
		type: "mixed",
		direction: "in"
	},
	{
		name: "outboundEdges",
		type: "mixed",
		direction: "out"
	},
	{
		name: "directedEdges",
		type: "directed"
	},
	{
		name: "undirectedEdges",
		type: "undirected"
	}
];
/**
* Function iterating over edges from the given object to match one of them.
*
* @param {object}   object   - Target object.
* @param {function} callback - Function to call.
*/
function forEachSimple(breakable, object, callback, avoid) {
	let shouldBreak = false;
	for (const k in object) {
		if (k === avoid) continue;
		const edgeData = object[k];
		shouldBreak = callback(edgeData.key, edgeData.attributes, edgeData.source.key, edgeData.target.key, edgeData.source.attributes, edgeData.target.attributes, edgeData.undirected);
		if (breakable && shouldBreak) return edgeData.key;
	}
}
function forEachMulti(breakable, object, callback, avoid) {
	let edgeData, source, target;
	let shouldBreak = false;
	for (const k in object) {
		if (k === avoid) continue;
		edgeData = object[k];
		do {
			source = edgeData.source;
			target = edgeData.target;
			shouldBreak = callback(edgeData.key, edgeData.attributes, source.key, target.key, source.attributes, target.attributes, edgeData.undirected);
			if (breakable && shouldBreak) return edgeData.key;
			edgeData = edgeData.next;
		} while (edgeData !== void 0);
	}
}
/**
* Function returning an iterator over edges from the given object.
*
* @param  {object}   object - Target object.
* @return {Iterator}
*/
function createIterator(object, avoid) {
	const keys = Object.keys(object);
	const l = keys.length;
	let edgeData;
	let i = 0;
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			do
				if (!edgeData) {
					if (i >= l) return { done: true };
					const k = keys[i++];
					if (k === avoid) {
						edgeData = void 0;
						continue;
					}
					edgeData = object[k];
				} else edgeData = edgeData.next;
			while (!edgeData);
			return {
				done: false,
				value: {
					edge: edgeData.key,
					attributes: edgeData.attributes,
					source: edgeData.source.key,
					target: edgeData.target.key,
					sourceAttributes: edgeData.source.attributes,
					targetAttributes: edgeData.target.attributes,
					undirected: edgeData.undirected
				}
			};
		}
	};
}
/**
* Function iterating over the egdes from the object at given key to match
* one of them.
*
* @param {object}   object   - Target object.
* @param {mixed}    k        - Neighbor key.
* @param {function} callback - Callback to use.
*/
function forEachForKeySimple(breakable, object, k, callback) {
	const edgeData = object[k];
	if (!edgeData) return;
	const sourceData = edgeData.source;
	const targetData = edgeData.target;
	if (callback(edgeData.key, edgeData.attributes, sourceData.key, targetData.key, sourceData.attributes, targetData.attributes, edgeData.undirected) && breakable) return edgeData.key;
}
function forEachForKeyMulti(breakable, object, k, callback) {
	let edgeData = object[k];
	if (!edgeData) return;
	let shouldBreak = false;
	do {
		shouldBreak = callback(edgeData.key, edgeData.attributes, edgeData.source.key, edgeData.target.key, edgeData.source.attributes, edgeData.target.attributes, edgeData.undirected);
		if (breakable && shouldBreak) return edgeData.key;
		edgeData = edgeData.next;
	} while (edgeData !== void 0);
}
/**
* Function returning an iterator over the egdes from the object at given key.
*
* @param  {object}   object   - Target object.
* @param  {mixed}    k        - Neighbor key.
* @return {Iterator}
*/
function createIteratorForKey(object, k) {
	let edgeData = object[k];
	if (edgeData.next !== void 0) return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			if (!edgeData) return { done: true };
			const value = {
				edge: edgeData.key,
				attributes: edgeData.attributes,
				source: edgeData.source.key,
				target: edgeData.target.key,
				sourceAttributes: edgeData.source.attributes,
				targetAttributes: edgeData.target.attributes,
				undirected: edgeData.undirected
			};
			edgeData = edgeData.next;
			return {
				done: false,
				value
			};
		}
	};
	let done = false;
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			if (done === true) return { done: true };
			done = true;
			return {
				done: false,
				value: {
					edge: edgeData.key,
					attributes: edgeData.attributes,
					source: edgeData.source.key,
					target: edgeData.target.key,
					sourceAttributes: edgeData.source.attributes,
					targetAttributes: edgeData.target.attributes,
					undirected: edgeData.undirected
				}
			};
		}
	};
}
/**
* Function creating an array of edges for the given type.
*
* @param  {Graph}   graph - Target Graph instance.
* @param  {string}  type  - Type of edges to retrieve.
* @return {array}         - Array of edges.
*/
function createEdgeArray(graph, type) {
	if (graph.size === 0) return [];
	if (type === "mixed" || type === graph.type) return Array.from(graph._edges.keys());
	const size = type === "undirected" ? graph.undirectedSize : graph.directedSize;
	const list = new Array(size), mask = type === "undirected";
	const iterator = graph._edges.values();
	let i = 0;
	let step, data;
	while (step = iterator.next(), step.done !== true) {
		data = step.value;
		if (data.undirected === mask) list[i++] = data.key;
	}
	return list;
}
/**
* Function iterating over a graph's edges using a callback to match one of
* them.
*
* @param  {Graph}    graph    - Target Graph instance.
* @param  {string}   type     - Type of edges to retrieve.
* @param  {function} callback - Function to call.
*/
function forEachEdge(breakable, graph, type, callback) {
	if (graph.size === 0) return;
	const shouldFilter = type !== "mixed" && type !== graph.type;
	const mask = type === "undirected";
	let step, data;
	let shouldBreak = false;
	const iterator = graph._edges.values();
	while (step = iterator.next(), step.done !== true) {
		data = step.value;
		if (shouldFilter && data.undirected !== mask) continue;
		const { key, attributes, source, target } = data;
		shouldBreak = callback(key, attributes, source.key, target.key, source.attributes, target.attributes, data.undirected);
		if (breakable && shouldBreak) return key;
	}
}
/**
* Function creating an iterator of edges for the given type.
*
* @param  {Graph}    graph - Target Graph instance.
* @param  {string}   type  - Type of edges to retrieve.
* @return {Iterator}
*/
function createEdgeIterator(graph, type) {
	if (graph.size === 0) return emptyIterator();
	const shouldFilter = type !== "mixed" && type !== graph.type;
	const mask = type === "undirected";
	const iterator = graph._edges.values();
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			let step, data;
			while (true) {
				step = iterator.next();
				if (step.done) return step;
				data = step.value;
				if (shouldFilter && data.undirected !== mask) continue;
				break;
			}
			return {
				value: {
					edge: data.key,
					attributes: data.attributes,
					source: data.source.key,
					target: data.target.key,
					sourceAttributes: data.source.attributes,
					targetAttributes: data.target.attributes,
					undirected: data.undirected
				},
				done: false
			};
		}
	};
}
/**
* Function iterating over a node's edges using a callback to match one of them.
*
* @param  {boolean}  multi     - Whether the graph is multi or not.
* @param  {string}   type      - Type of edges to retrieve.
* @param  {string}   direction - In or out?
* @param  {any}      nodeData  - Target node's data.
* @param  {function} callback  - Function to call.
*/
function forEachEdgeForNode(breakable, multi, type, direction, nodeData, callback) {
	const fn = multi ? forEachMulti : forEachSimple;
	let found;
	if (type !== "undirected") {
		if (direction !== "out") {
			found = fn(breakable, nodeData.in, callback);
			if (breakable && found) return found;
		}
		if (direction !== "in") {
			found = fn(breakable, nodeData.out, callback, !direction ? nodeData.key : void 0);
			if (breakable && found) return found;
		}
	}
	if (type !== "directed") {
		found = fn(breakable, nodeData.undirected, callback);
		if (breakable && found) return found;
	}
}
/**
* Function creating an array of edges for the given type & the given node.
*
* @param  {boolean} multi     - Whether the graph is multi or not.
* @param  {string}  type      - Type of edges to retrieve.
* @param  {string}  direction - In or out?
* @param  {any}     nodeData  - Target node's data.
* @return {array}             - Array of edges.
*/
function createEdgeArrayForNode(multi, type, direction, nodeData) {
	const edges = [];
	forEachEdgeForNode(false, multi, type, direction, nodeData, function(key) {
		edges.push(key);
	});
	return edges;
}
/**
* Function iterating over a node's edges using a callback.
*
* @param  {string}   type      - Type of edges to retrieve.
* @param  {string}   direction - In or out?
* @param  {any}      nodeData  - Target node's data.
* @return {Iterator}
*/
function createEdgeIteratorForNode(type, direction, nodeData) {
	let iterator = emptyIterator();
	if (type !== "undirected") {
		if (direction !== "out" && typeof nodeData.in !== "undefined") iterator = chain(iterator, createIterator(nodeData.in));
		if (direction !== "in" && typeof nodeData.out !== "undefined") iterator = chain(iterator, createIterator(nodeData.out, !direction ? nodeData.key : void 0));
	}
	if (type !== "directed" && typeof nodeData.undirected !== "undefined") iterator = chain(iterator, createIterator(nodeData.undirected));
	return iterator;
}
/**
* Function iterating over edges for the given path using a callback to match
* one of them.
*
* @param  {string}   type       - Type of edges to retrieve.
* @param  {boolean}  multi      - Whether the graph is multi.
* @param  {string}   direction  - In or out?
* @param  {NodeData} sourceData - Source node's data.
* @param  {string}   target     - Target node.
* @param  {function} callback   - Function to call.
*/
function forEachEdgeForPath(breakable, type, multi, direction, sourceData, target, callback) {
	const fn = multi ? forEachForKeyMulti : forEachForKeySimple;
	let found;
	if (type !== "undirected") {
		if (typeof sourceData.in !== "undefined" && direction !== "out") {
			found = fn(breakable, sourceData.in, target, callback);
			if (breakable && found) return found;
		}
		if (typeof sourceData.out !== "undefined" && direction !== "in" && (direction || sourceData.key !== target)) {
			found = fn(breakable, sourceData.out, target, callback);
			if (breakable && found) return found;
		}
	}
	if (type !== "directed") {
		if (typeof sourceData.undirected !== "undefined") {
			found = fn(breakable, sourceData.undirected, target, callback);
			if (breakable && found) return found;
		}
	}
}
/**
* Function creating an array of edges for the given path.
*
* @param  {string}   type       - Type of edges to retrieve.
* @param  {boolean}  multi      - Whether the graph is multi.
* @param  {string}   direction  - In or out?
* @param  {NodeData} sourceData - Source node's data.
* @param  {any}      target     - Target node.
* @return {array}               - Array of edges.
*/
function createEdgeArrayForPath(type, multi, direction, sourceData, target) {
	const edges = [];
	forEachEdgeForPath(false, type, multi, direction, sourceData, target, function(key) {
		edges.push(key);
	});
	return edges;
}
/**
* Function returning an iterator over edges for the given path.
*
* @param  {string}   type       - Type of edges to retrieve.
* @param  {string}   direction  - In or out?
* @param  {NodeData} sourceData - Source node's data.
* @param  {string}   target     - Target node.
* @param  {function} callback   - Function to call.
*/
function createEdgeIteratorForPath(type, direction, sourceData, target) {
	let iterator = emptyIterator();
	if (type !== "undirected") {
		if (typeof sourceData.in !== "undefined" && direction !== "out" && target in sourceData.in) iterator = chain(iterator, createIteratorForKey(sourceData.in, target));
		if (typeof sourceData.out !== "undefined" && direction !== "in" && target in sourceData.out && (direction || sourceData.key !== target)) iterator = chain(iterator, createIteratorForKey(sourceData.out, target));
	}
	if (type !== "directed") {
		if (typeof sourceData.undirected !== "undefined" && target in sourceData.undirected) iterator = chain(iterator, createIteratorForKey(sourceData.undirected, target));
	}
	return iterator;
}
/**
* Function attaching an edge array creator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachEdgeArrayCreator(Class, description) {
	const { name, type, direction } = description;
	/**
	* Function returning an array of certain edges.
	*
	* Arity 0: Return all the relevant edges.
	*
	* Arity 1: Return all of a node's relevant edges.
	* @param  {any}   node   - Target node.
	*
	* Arity 2: Return the relevant edges across the given path.
	* @param  {any}   source - Source node.
	* @param  {any}   target - Target node.
	*
	* @return {array|number} - The edges or the number of edges.
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[name] = function(source, target) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return [];
		if (!arguments.length) return createEdgeArray(this, type);
		if (arguments.length === 1) {
			source = "" + source;
			const nodeData = this._nodes.get(source);
			if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${name}: could not find the "${source}" node in the graph.`);
			return createEdgeArrayForNode(this.multi, type === "mixed" ? this.type : type, direction, nodeData);
		}
		if (arguments.length === 2) {
			source = "" + source;
			target = "" + target;
			const sourceData = this._nodes.get(source);
			if (!sourceData) throw new NotFoundGraphError(`Graph.${name}:  could not find the "${source}" source node in the graph.`);
			if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.${name}:  could not find the "${target}" target node in the graph.`);
			return createEdgeArrayForPath(type, this.multi, direction, sourceData, target);
		}
		throw new InvalidArgumentsGraphError(`Graph.${name}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`);
	};
}
/**
* Function attaching a edge callback iterator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachForEachEdge(Class, description) {
	const { name, type, direction } = description;
	const forEachName = "forEach" + name[0].toUpperCase() + name.slice(1, -1);
	/**
	* Function iterating over the graph's relevant edges by applying the given
	* callback.
	*
	* Arity 1: Iterate over all the relevant edges.
	* @param  {function} callback - Callback to use.
	*
	* Arity 2: Iterate over all of a node's relevant edges.
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* Arity 3: Iterate over the relevant edges across the given path.
	* @param  {any}      source   - Source node.
	* @param  {any}      target   - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[forEachName] = function(source, target, callback) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
		if (arguments.length === 1) {
			callback = source;
			return forEachEdge(false, this, type, callback);
		}
		if (arguments.length === 2) {
			source = "" + source;
			callback = target;
			const nodeData = this._nodes.get(source);
			if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${forEachName}: could not find the "${source}" node in the graph.`);
			return forEachEdgeForNode(false, this.multi, type === "mixed" ? this.type : type, direction, nodeData, callback);
		}
		if (arguments.length === 3) {
			source = "" + source;
			target = "" + target;
			const sourceData = this._nodes.get(source);
			if (!sourceData) throw new NotFoundGraphError(`Graph.${forEachName}:  could not find the "${source}" source node in the graph.`);
			if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.${forEachName}:  could not find the "${target}" target node in the graph.`);
			return forEachEdgeForPath(false, type, this.multi, direction, sourceData, target, callback);
		}
		throw new InvalidArgumentsGraphError(`Graph.${forEachName}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`);
	};
	/**
	* Function mapping the graph's relevant edges by applying the given
	* callback.
	*
	* Arity 1: Map all the relevant edges.
	* @param  {function} callback - Callback to use.
	*
	* Arity 2: Map all of a node's relevant edges.
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* Arity 3: Map the relevant edges across the given path.
	* @param  {any}      source   - Source node.
	* @param  {any}      target   - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const mapName = "map" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[mapName] = function() {
		const args = Array.prototype.slice.call(arguments);
		const callback = args.pop();
		let result;
		if (args.length === 0) {
			let length = 0;
			if (type !== "directed") length += this.undirectedSize;
			if (type !== "undirected") length += this.directedSize;
			result = new Array(length);
			let i = 0;
			args.push((e, ea, s, t, sa, ta, u) => {
				result[i++] = callback(e, ea, s, t, sa, ta, u);
			});
		} else {
			result = [];
			args.push((e, ea, s, t, sa, ta, u) => {
				result.push(callback(e, ea, s, t, sa, ta, u));
			});
		}
		this[forEachName].apply(this, args);
		return result;
	};
	/**
	* Function filtering the graph's relevant edges using the provided predicate
	* function.
	*
	* Arity 1: Filter all the relevant edges.
	* @param  {function} predicate - Predicate to use.
	*
	* Arity 2: Filter all of a node's relevant edges.
	* @param  {any}      node      - Target node.
	* @param  {function} predicate - Predicate to use.
	*
	* Arity 3: Filter the relevant edges across the given path.
	* @param  {any}      source    - Source node.
	* @param  {any}      target    - Target node.
	* @param  {function} predicate - Predicate to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const filterName = "filter" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[filterName] = function() {
		const args = Array.prototype.slice.call(arguments);
		const callback = args.pop();
		const result = [];
		args.push((e, ea, s, t, sa, ta, u) => {
			if (callback(e, ea, s, t, sa, ta, u)) result.push(e);
		});
		this[forEachName].apply(this, args);
		return result;
	};
	/**
	* Function reducing the graph's relevant edges using the provided accumulator
	* function.
	*
	* Arity 1: Reduce all the relevant edges.
	* @param  {function} accumulator  - Accumulator to use.
	* @param  {any}      initialValue - Initial value.
	*
	* Arity 2: Reduce all of a node's relevant edges.
	* @param  {any}      node         - Target node.
	* @param  {function} accumulator  - Accumulator to use.
	* @param  {any}      initialValue - Initial value.
	*
	* Arity 3: Reduce the relevant edges across the given path.
	* @param  {any}      source       - Source node.
	* @param  {any}      target       - Target node.
	* @param  {function} accumulator  - Accumulator to use.
	* @param  {any}      initialValue - Initial value.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const reduceName = "reduce" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[reduceName] = function() {
		let args = Array.prototype.slice.call(arguments);
		if (args.length < 2 || args.length > 4) throw new InvalidArgumentsGraphError(`Graph.${reduceName}: invalid number of arguments (expecting 2, 3 or 4 and got ${args.length}).`);
		if (typeof args[args.length - 1] === "function" && typeof args[args.length - 2] !== "function") throw new InvalidArgumentsGraphError(`Graph.${reduceName}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`);
		let callback;
		let initialValue;
		if (args.length === 2) {
			callback = args[0];
			initialValue = args[1];
			args = [];
		} else if (args.length === 3) {
			callback = args[1];
			initialValue = args[2];
			args = [args[0]];
		} else if (args.length === 4) {
			callback = args[2];
			initialValue = args[3];
			args = [args[0], args[1]];
		}
		let accumulator = initialValue;
		args.push((e, ea, s, t, sa, ta, u) => {
			accumulator = callback(accumulator, e, ea, s, t, sa, ta, u);
		});
		this[forEachName].apply(this, args);
		return accumulator;
	};
}
/**
* Function attaching a breakable edge callback iterator method to the Graph
* prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachFindEdge(Class, description) {
	const { name, type, direction } = description;
	const findEdgeName = "find" + name[0].toUpperCase() + name.slice(1, -1);
	/**
	* Function iterating over the graph's relevant edges in order to match
	* one of them using the provided predicate function.
	*
	* Arity 1: Iterate over all the relevant edges.
	* @param  {function} callback - Callback to use.
	*
	* Arity 2: Iterate over all of a node's relevant edges.
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* Arity 3: Iterate over the relevant edges across the given path.
	* @param  {any}      source   - Source node.
	* @param  {any}      target   - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[findEdgeName] = function(source, target, callback) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return false;
		if (arguments.length === 1) {
			callback = source;
			return forEachEdge(true, this, type, callback);
		}
		if (arguments.length === 2) {
			source = "" + source;
			callback = target;
			const nodeData = this._nodes.get(source);
			if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${findEdgeName}: could not find the "${source}" node in the graph.`);
			return forEachEdgeForNode(true, this.multi, type === "mixed" ? this.type : type, direction, nodeData, callback);
		}
		if (arguments.length === 3) {
			source = "" + source;
			target = "" + target;
			const sourceData = this._nodes.get(source);
			if (!sourceData) throw new NotFoundGraphError(`Graph.${findEdgeName}:  could not find the "${source}" source node in the graph.`);
			if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.${findEdgeName}:  could not find the "${target}" target node in the graph.`);
			return forEachEdgeForPath(true, type, this.multi, direction, sourceData, target, callback);
		}
		throw new InvalidArgumentsGraphError(`Graph.${findEdgeName}: too many arguments (expecting 1, 2 or 3 and got ${arguments.length}).`);
	};
	/**
	* Function iterating over the graph's relevant edges in order to assert
	* whether any one of them matches the provided predicate function.
	*
	* Arity 1: Iterate over all the relevant edges.
	* @param  {function} callback - Callback to use.
	*
	* Arity 2: Iterate over all of a node's relevant edges.
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* Arity 3: Iterate over the relevant edges across the given path.
	* @param  {any}      source   - Source node.
	* @param  {any}      target   - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const someName = "some" + name[0].toUpperCase() + name.slice(1, -1);
	Class.prototype[someName] = function() {
		const args = Array.prototype.slice.call(arguments);
		const callback = args.pop();
		args.push((e, ea, s, t, sa, ta, u) => {
			return callback(e, ea, s, t, sa, ta, u);
		});
		if (this[findEdgeName].apply(this, args)) return true;
		return false;
	};
	/**
	* Function iterating over the graph's relevant edges in order to assert
	* whether all of them matche the provided predicate function.
	*
	* Arity 1: Iterate over all the relevant edges.
	* @param  {function} callback - Callback to use.
	*
	* Arity 2: Iterate over all of a node's relevant edges.
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* Arity 3: Iterate over the relevant edges across the given path.
	* @param  {any}      source   - Source node.
	* @param  {any}      target   - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const everyName = "every" + name[0].toUpperCase() + name.slice(1, -1);
	Class.prototype[everyName] = function() {
		const args = Array.prototype.slice.call(arguments);
		const callback = args.pop();
		args.push((e, ea, s, t, sa, ta, u) => {
			return !callback(e, ea, s, t, sa, ta, u);
		});
		if (this[findEdgeName].apply(this, args)) return false;
		return true;
	};
}
/**
* Function attaching an edge iterator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachEdgeIteratorCreator(Class, description) {
	const { name: originalName, type, direction } = description;
	const name = originalName.slice(0, -1) + "Entries";
	/**
	* Function returning an iterator over the graph's edges.
	*
	* Arity 0: Iterate over all the relevant edges.
	*
	* Arity 1: Iterate over all of a node's relevant edges.
	* @param  {any}   node   - Target node.
	*
	* Arity 2: Iterate over the relevant edges across the given path.
	* @param  {any}   source - Source node.
	* @param  {any}   target - Target node.
	*
	* @return {array|number} - The edges or the number of edges.
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[name] = function(source, target) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return emptyIterator();
		if (!arguments.length) return createEdgeIterator(this, type);
		if (arguments.length === 1) {
			source = "" + source;
			const sourceData = this._nodes.get(source);
			if (!sourceData) throw new NotFoundGraphError(`Graph.${name}: could not find the "${source}" node in the graph.`);
			return createEdgeIteratorForNode(type, direction, sourceData);
		}
		if (arguments.length === 2) {
			source = "" + source;
			target = "" + target;
			const sourceData = this._nodes.get(source);
			if (!sourceData) throw new NotFoundGraphError(`Graph.${name}:  could not find the "${source}" source node in the graph.`);
			if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.${name}:  could not find the "${target}" target node in the graph.`);
			return createEdgeIteratorForPath(type, direction, sourceData, target);
		}
		throw new InvalidArgumentsGraphError(`Graph.${name}: too many arguments (expecting 0, 1 or 2 and got ${arguments.length}).`);
	};
}
/**
* Function attaching every edge iteration method to the Graph class.
*
* @param {function} Graph - Graph class.
*/
function attachEdgeIterationMethods(Graph) {
	EDGES_ITERATION.forEach((description) => {
		attachEdgeArrayCreator(Graph, description);
		attachForEachEdge(Graph, description);
		attachFindEdge(Graph, description);
		attachEdgeIteratorCreator(Graph, description);
	});
}
/**
* Graphology Neighbor Iteration
* ==============================
*
* Attaching some methods to the Graph class to be able to iterate over
* neighbors.
*/
/**
* Definitions.
*/
const NEIGHBORS_ITERATION = [
	{
		name: "neighbors",
		type: "mixed"
	},
	{
		name: "inNeighbors",
		type: "directed",
		direction: "in"
	},
	{
		name: "outNeighbors",
		type: "directed",
		direction: "out"
	},
	{
		name: "inboundNeighbors",
		type: "mixed",
		direction: "in"
	},
	{
		name: "outboundNeighbors",
		type: "mixed",
		direction: "out"
	},
	{
		name: "directedNeighbors",
		type: "directed"
	},
	{
		name: "undirectedNeighbors",
		type: "undirected"
	}
];
/**
* Helpers.
*/
function CompositeSetWrapper() {
	this.A = null;
	this.B = null;
}
CompositeSetWrapper.prototype.wrap = function(set) {
	if (this.A === null) this.A = set;
	else if (this.B === null) this.B = set;
};
CompositeSetWrapper.prototype.has = function(key) {
	if (this.A !== null && key in this.A) return true;
	if (this.B !== null && key in this.B) return true;
	return false;
};
/**
* Function iterating over the given node's relevant neighbors to match
* one of them using a predicated function.
*
* @param  {string}   type      - Type of neighbors.
* @param  {string}   direction - Direction.
* @param  {any}      nodeData  - Target node's data.
* @param  {function} callback  - Callback to use.
*/
function forEachInObjectOnce(breakable, visited, nodeData, object, callback) {
	for (const k in object) {
		const edgeData = object[k];
		const sourceData = edgeData.source;
		const targetData = edgeData.target;
		const neighborData = sourceData === nodeData ? targetData : sourceData;
		if (visited && visited.has(neighborData.key)) continue;
		const shouldBreak = callback(neighborData.key, neighborData.attributes);
		if (breakable && shouldBreak) return neighborData.key;
	}
}
function forEachNeighbor(breakable, type, direction, nodeData, callback) {
	if (type !== "mixed") {
		if (type === "undirected") return forEachInObjectOnce(breakable, null, nodeData, nodeData.undirected, callback);
		if (typeof direction === "string") return forEachInObjectOnce(breakable, null, nodeData, nodeData[direction], callback);
	}
	const visited = new CompositeSetWrapper();
	let found;
	if (type !== "undirected") {
		if (direction !== "out") {
			found = forEachInObjectOnce(breakable, null, nodeData, nodeData.in, callback);
			if (breakable && found) return found;
			visited.wrap(nodeData.in);
		}
		if (direction !== "in") {
			found = forEachInObjectOnce(breakable, visited, nodeData, nodeData.out, callback);
			if (breakable && found) return found;
			visited.wrap(nodeData.out);
		}
	}
	if (type !== "directed") {
		found = forEachInObjectOnce(breakable, visited, nodeData, nodeData.undirected, callback);
		if (breakable && found) return found;
	}
}
/**
* Function creating an array of relevant neighbors for the given node.
*
* @param  {string}       type      - Type of neighbors.
* @param  {string}       direction - Direction.
* @param  {any}          nodeData  - Target node's data.
* @return {Array}                  - The list of neighbors.
*/
function createNeighborArrayForNode(type, direction, nodeData) {
	if (type !== "mixed") {
		if (type === "undirected") return Object.keys(nodeData.undirected);
		if (typeof direction === "string") return Object.keys(nodeData[direction]);
	}
	const neighbors = [];
	forEachNeighbor(false, type, direction, nodeData, function(key) {
		neighbors.push(key);
	});
	return neighbors;
}
/**
* Function returning an iterator over the given node's relevant neighbors.
*
* @param  {string}   type      - Type of neighbors.
* @param  {string}   direction - Direction.
* @param  {any}      nodeData  - Target node's data.
* @return {Iterator}
*/
function createDedupedObjectIterator(visited, nodeData, object) {
	const keys = Object.keys(object);
	const l = keys.length;
	let i = 0;
	return {
		[Symbol.iterator]() {
			return this;
		},
		next() {
			let neighborData = null;
			do {
				if (i >= l) {
					if (visited) visited.wrap(object);
					return { done: true };
				}
				const edgeData = object[keys[i++]];
				const sourceData = edgeData.source;
				const targetData = edgeData.target;
				neighborData = sourceData === nodeData ? targetData : sourceData;
				if (visited && visited.has(neighborData.key)) {
					neighborData = null;
					continue;
				}
			} while (neighborData === null);
			return {
				done: false,
				value: {
					neighbor: neighborData.key,
					attributes: neighborData.attributes
				}
			};
		}
	};
}
function createNeighborIterator(type, direction, nodeData) {
	if (type !== "mixed") {
		if (type === "undirected") return createDedupedObjectIterator(null, nodeData, nodeData.undirected);
		if (typeof direction === "string") return createDedupedObjectIterator(null, nodeData, nodeData[direction]);
	}
	let iterator = emptyIterator();
	const visited = new CompositeSetWrapper();
	if (type !== "undirected") {
		if (direction !== "out") iterator = chain(iterator, createDedupedObjectIterator(visited, nodeData, nodeData.in));
		if (direction !== "in") iterator = chain(iterator, createDedupedObjectIterator(visited, nodeData, nodeData.out));
	}
	if (type !== "directed") iterator = chain(iterator, createDedupedObjectIterator(visited, nodeData, nodeData.undirected));
	return iterator;
}
/**
* Function attaching a neighbors array creator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachNeighborArrayCreator(Class, description) {
	const { name, type, direction } = description;
	/**
	* Function returning an array of certain neighbors.
	*
	* @param  {any}   node   - Target node.
	* @return {array} - The neighbors of neighbors.
	*
	* @throws {Error} - Will throw if node is not found in the graph.
	*/
	Class.prototype[name] = function(node) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return [];
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${name}: could not find the "${node}" node in the graph.`);
		return createNeighborArrayForNode(type === "mixed" ? this.type : type, direction, nodeData);
	};
}
/**
* Function attaching a neighbors callback iterator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachForEachNeighbor(Class, description) {
	const { name, type, direction } = description;
	const forEachName = "forEach" + name[0].toUpperCase() + name.slice(1, -1);
	/**
	* Function iterating over all the relevant neighbors using a callback.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[forEachName] = function(node, callback) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${forEachName}: could not find the "${node}" node in the graph.`);
		forEachNeighbor(false, type === "mixed" ? this.type : type, direction, nodeData, callback);
	};
	/**
	* Function mapping the relevant neighbors using a callback.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const mapName = "map" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[mapName] = function(node, callback) {
		const result = [];
		this[forEachName](node, (n, a) => {
			result.push(callback(n, a));
		});
		return result;
	};
	/**
	* Function filtering the relevant neighbors using a callback.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const filterName = "filter" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[filterName] = function(node, callback) {
		const result = [];
		this[forEachName](node, (n, a) => {
			if (callback(n, a)) result.push(n);
		});
		return result;
	};
	/**
	* Function reducing the relevant neighbors using a callback.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const reduceName = "reduce" + name[0].toUpperCase() + name.slice(1);
	Class.prototype[reduceName] = function(node, callback, initialValue) {
		if (arguments.length < 3) throw new InvalidArgumentsGraphError(`Graph.${reduceName}: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.`);
		let accumulator = initialValue;
		this[forEachName](node, (n, a) => {
			accumulator = callback(accumulator, n, a);
		});
		return accumulator;
	};
}
/**
* Function attaching a breakable neighbors callback iterator method to the
* Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachFindNeighbor(Class, description) {
	const { name, type, direction } = description;
	const capitalizedSingular = name[0].toUpperCase() + name.slice(1, -1);
	const findName = "find" + capitalizedSingular;
	/**
	* Function iterating over all the relevant neighbors using a callback.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	* @return {undefined}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[findName] = function(node, callback) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return;
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${findName}: could not find the "${node}" node in the graph.`);
		return forEachNeighbor(true, type === "mixed" ? this.type : type, direction, nodeData, callback);
	};
	/**
	* Function iterating over all the relevant neighbors to find if any of them
	* matches the given predicate.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const someName = "some" + capitalizedSingular;
	Class.prototype[someName] = function(node, callback) {
		if (this[findName](node, callback)) return true;
		return false;
	};
	/**
	* Function iterating over all the relevant neighbors to find if all of them
	* matche the given predicate.
	*
	* @param  {any}      node     - Target node.
	* @param  {function} callback - Callback to use.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	const everyName = "every" + capitalizedSingular;
	Class.prototype[everyName] = function(node, callback) {
		if (this[findName](node, (n, a) => {
			return !callback(n, a);
		})) return false;
		return true;
	};
}
/**
* Function attaching a neighbors callback iterator method to the Graph prototype.
*
* @param {function} Class       - Target class.
* @param {object}   description - Method description.
*/
function attachNeighborIteratorCreator(Class, description) {
	const { name, type, direction } = description;
	const iteratorName = name.slice(0, -1) + "Entries";
	/**
	* Function returning an iterator over all the relevant neighbors.
	*
	* @param  {any}      node     - Target node.
	* @return {Iterator}
	*
	* @throws {Error} - Will throw if there are too many arguments.
	*/
	Class.prototype[iteratorName] = function(node) {
		if (type !== "mixed" && this.type !== "mixed" && type !== this.type) return emptyIterator();
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (typeof nodeData === "undefined") throw new NotFoundGraphError(`Graph.${iteratorName}: could not find the "${node}" node in the graph.`);
		return createNeighborIterator(type === "mixed" ? this.type : type, direction, nodeData);
	};
}
/**
* Function attaching every neighbor iteration method to the Graph class.
*
* @param {function} Graph - Graph class.
*/
function attachNeighborIterationMethods(Graph) {
	NEIGHBORS_ITERATION.forEach((description) => {
		attachNeighborArrayCreator(Graph, description);
		attachForEachNeighbor(Graph, description);
		attachFindNeighbor(Graph, description);
		attachNeighborIteratorCreator(Graph, description);
	});
}
/**
* Graphology Adjacency Iteration
* ===============================
*
* Attaching some methods to the Graph class to be able to iterate over a
* graph's adjacency.
*/
/**
* Function iterating over a simple graph's adjacency using a callback.
*
* @param {boolean}  breakable         - Can we break?
* @param {boolean}  assymetric        - Whether to emit undirected edges only once.
* @param {boolean}  disconnectedNodes - Whether to emit disconnected nodes.
* @param {Graph}    graph             - Target Graph instance.
* @param {callback} function          - Iteration callback.
*/
function forEachAdjacency(breakable, assymetric, disconnectedNodes, graph, callback) {
	const iterator = graph._nodes.values();
	const type = graph.type;
	let step, sourceData, neighbor, adj, edgeData, targetData, shouldBreak;
	while (step = iterator.next(), step.done !== true) {
		let hasEdges = false;
		sourceData = step.value;
		if (type !== "undirected") {
			adj = sourceData.out;
			for (neighbor in adj) {
				edgeData = adj[neighbor];
				do {
					targetData = edgeData.target;
					hasEdges = true;
					shouldBreak = callback(sourceData.key, targetData.key, sourceData.attributes, targetData.attributes, edgeData.key, edgeData.attributes, edgeData.undirected);
					if (breakable && shouldBreak) return edgeData;
					edgeData = edgeData.next;
				} while (edgeData);
			}
		}
		if (type !== "directed") {
			adj = sourceData.undirected;
			for (neighbor in adj) {
				if (assymetric && sourceData.key > neighbor) continue;
				edgeData = adj[neighbor];
				do {
					targetData = edgeData.target;
					if (targetData.key !== neighbor) targetData = edgeData.source;
					hasEdges = true;
					shouldBreak = callback(sourceData.key, targetData.key, sourceData.attributes, targetData.attributes, edgeData.key, edgeData.attributes, edgeData.undirected);
					if (breakable && shouldBreak) return edgeData;
					edgeData = edgeData.next;
				} while (edgeData);
			}
		}
		if (disconnectedNodes && !hasEdges) {
			shouldBreak = callback(sourceData.key, null, sourceData.attributes, null, null, null, null);
			if (breakable && shouldBreak) return null;
		}
	}
}
/**
* Graphology Serialization Utilities
* ===================================
*
* Collection of functions used by the graph serialization schemes.
*/
/**
* Formats internal node data into a serialized node.
*
* @param  {any}    key  - The node's key.
* @param  {object} data - Internal node's data.
* @return {array}       - The serialized node.
*/
function serializeNode(key, data) {
	const serialized = { key };
	if (!isEmpty(data.attributes)) serialized.attributes = assign({}, data.attributes);
	return serialized;
}
/**
* Formats internal edge data into a serialized edge.
*
* @param  {string} type - The graph's type.
* @param  {any}    key  - The edge's key.
* @param  {object} data - Internal edge's data.
* @return {array}       - The serialized edge.
*/
function serializeEdge(type, key, data) {
	const serialized = {
		key,
		source: data.source.key,
		target: data.target.key
	};
	if (!isEmpty(data.attributes)) serialized.attributes = assign({}, data.attributes);
	if (type === "mixed" && data.undirected) serialized.undirected = true;
	return serialized;
}
/**
* Checks whether the given value is a serialized node.
*
* @param  {mixed} value - Target value.
* @return {string|null}
*/
function validateSerializedNode(value) {
	if (!isPlainObject(value)) throw new InvalidArgumentsGraphError("Graph.import: invalid serialized node. A serialized node should be a plain object with at least a \"key\" property.");
	if (!("key" in value)) throw new InvalidArgumentsGraphError("Graph.import: serialized node is missing its key.");
	if ("attributes" in value && (!isPlainObject(value.attributes) || value.attributes === null)) throw new InvalidArgumentsGraphError("Graph.import: invalid attributes. Attributes should be a plain object, null or omitted.");
}
/**
* Checks whether the given value is a serialized edge.
*
* @param  {mixed} value - Target value.
* @return {string|null}
*/
function validateSerializedEdge(value) {
	if (!isPlainObject(value)) throw new InvalidArgumentsGraphError("Graph.import: invalid serialized edge. A serialized edge should be a plain object with at least a \"source\" & \"target\" property.");
	if (!("source" in value)) throw new InvalidArgumentsGraphError("Graph.import: serialized edge is missing its source.");
	if (!("target" in value)) throw new InvalidArgumentsGraphError("Graph.import: serialized edge is missing its target.");
	if ("attributes" in value && (!isPlainObject(value.attributes) || value.attributes === null)) throw new InvalidArgumentsGraphError("Graph.import: invalid attributes. Attributes should be a plain object, null or omitted.");
	if ("undirected" in value && typeof value.undirected !== "boolean") throw new InvalidArgumentsGraphError("Graph.import: invalid undirectedness information. Undirected should be boolean or omitted.");
}
/**
* Constants.
*/
const INSTANCE_ID = incrementalIdStartingFromRandomByte();
/**
* Enums.
*/
const TYPES = /* @__PURE__ */ new Set([
	"directed",
	"undirected",
	"mixed"
]);
const EMITTER_PROPS = /* @__PURE__ */ new Set([
	"domain",
	"_events",
	"_eventsCount",
	"_maxListeners"
]);
const EDGE_ADD_METHODS = [
	{
		name: (verb) => `${verb}Edge`,
		generateKey: true
	},
	{
		name: (verb) => `${verb}DirectedEdge`,
		generateKey: true,
		type: "directed"
	},
	{
		name: (verb) => `${verb}UndirectedEdge`,
		generateKey: true,
		type: "undirected"
	},
	{ name: (verb) => `${verb}EdgeWithKey` },
	{
		name: (verb) => `${verb}DirectedEdgeWithKey`,
		type: "directed"
	},
	{
		name: (verb) => `${verb}UndirectedEdgeWithKey`,
		type: "undirected"
	}
];
/**
* Default options.
*/
const DEFAULTS = {
	allowSelfLoops: true,
	multi: false,
	type: "mixed"
};
/**
* Abstract functions used by the Graph class for various methods.
*/
/**
* Internal method used to add a node to the given graph
*
* @param  {Graph}   graph           - Target graph.
* @param  {any}     node            - The node's key.
* @param  {object}  [attributes]    - Optional attributes.
* @return {NodeData}                - Created node data.
*/
function addNode(graph, node, attributes) {
	if (attributes && !isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.addNode: invalid attributes. Expecting an object but got "${attributes}"`);
	node = "" + node;
	attributes = attributes || {};
	if (graph._nodes.has(node)) throw new UsageGraphError(`Graph.addNode: the "${node}" node already exist in the graph.`);
	const data = new graph.NodeDataClass(node, attributes);
	graph._nodes.set(node, data);
	graph.emit("nodeAdded", {
		key: node,
		attributes
	});
	return data;
}
/**
* Same as the above but without sanity checks because we call this in contexts
* where necessary checks were already done.
*/
function unsafeAddNode(graph, node, attributes) {
	const data = new graph.NodeDataClass(node, attributes);
	graph._nodes.set(node, data);
	graph.emit("nodeAdded", {
		key: node,
		attributes
	});
	return data;
}
/**
* Internal method used to add an arbitrary edge to the given graph.
*
* @param  {Graph}   graph           - Target graph.
* @param  {string}  name            - Name of the child method for errors.
* @param  {boolean} mustGenerateKey - Should the graph generate an id?
* @param  {boolean} undirected      - Whether the edge is undirected.
* @param  {any}     edge            - The edge's key.
* @param  {any}     source          - The source node.
* @param  {any}     target          - The target node.
* @param  {object}  [attributes]    - Optional attributes.
* @return {any}                     - The edge.
*
* @throws {Error} - Will throw if the graph is of the wrong type.
* @throws {Error} - Will throw if the given attributes are not an object.
* @throws {Error} - Will throw if source or target doesn't exist.
* @throws {Error} - Will throw if the edge already exist.
*/
function addEdge(graph, name, mustGenerateKey, undirected, edge, source, target, attributes) {
	if (!undirected && graph.type === "undirected") throw new UsageGraphError(`Graph.${name}: you cannot add a directed edge to an undirected graph. Use the #.addEdge or #.addUndirectedEdge instead.`);
	if (undirected && graph.type === "directed") throw new UsageGraphError(`Graph.${name}: you cannot add an undirected edge to a directed graph. Use the #.addEdge or #.addDirectedEdge instead.`);
	if (attributes && !isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${name}: invalid attributes. Expecting an object but got "${attributes}"`);
	source = "" + source;
	target = "" + target;
	attributes = attributes || {};
	if (!graph.allowSelfLoops && source === target) throw new UsageGraphError(`Graph.${name}: source & target are the same ("${source}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`);
	const sourceData = graph._nodes.get(source), targetData = graph._nodes.get(target);
	if (!sourceData) throw new NotFoundGraphError(`Graph.${name}: source node "${source}" not found.`);
	if (!targetData) throw new NotFoundGraphError(`Graph.${name}: target node "${target}" not found.`);
	const eventData = {
		key: null,
		undirected,
		source,
		target,
		attributes
	};
	if (mustGenerateKey) edge = graph._edgeKeyGenerator();
	else {
		edge = "" + edge;
		if (graph._edges.has(edge)) throw new UsageGraphError(`Graph.${name}: the "${edge}" edge already exists in the graph.`);
	}
	if (!graph.multi && (undirected ? typeof sourceData.undirected[target] !== "undefined" : typeof sourceData.out[target] !== "undefined")) throw new UsageGraphError(`Graph.${name}: an edge linking "${source}" to "${target}" already exists. If you really want to add multiple edges linking those nodes, you should create a multi graph by using the 'multi' option.`);
	const edgeData = new EdgeData(undirected, edge, sourceData, targetData, attributes);
	graph._edges.set(edge, edgeData);
	const isSelfLoop = source === target;
	if (undirected) {
		sourceData.undirectedDegree++;
		targetData.undirectedDegree++;
		if (isSelfLoop) {
			sourceData.undirectedLoops++;
			graph._undirectedSelfLoopCount++;
		}
	} else {
		sourceData.outDegree++;
		targetData.inDegree++;
		if (isSelfLoop) {
			sourceData.directedLoops++;
			graph._directedSelfLoopCount++;
		}
	}
	if (graph.multi) edgeData.attachMulti();
	else edgeData.attach();
	if (undirected) graph._undirectedSize++;
	else graph._directedSize++;
	eventData.key = edge;
	graph.emit("edgeAdded", eventData);
	return edge;
}
/**
* Internal method used to add an arbitrary edge to the given graph.
*
* @param  {Graph}   graph           - Target graph.
* @param  {string}  name            - Name of the child method for errors.
* @param  {boolean} mustGenerateKey - Should the graph generate an id?
* @param  {boolean} undirected      - Whether the edge is undirected.
* @param  {any}     edge            - The edge's key.
* @param  {any}     source          - The source node.
* @param  {any}     target          - The target node.
* @param  {object}  [attributes]    - Optional attributes.
* @param  {boolean} [asUpdater]       - Are we updating or merging?
* @return {any}                     - The edge.
*
* @throws {Error} - Will throw if the graph is of the wrong type.
* @throws {Error} - Will throw if the given attributes are not an object.
* @throws {Error} - Will throw if source or target doesn't exist.
* @throws {Error} - Will throw if the edge already exist.
*/
function mergeEdge(graph, name, mustGenerateKey, undirected, edge, source, target, attributes, asUpdater) {
	if (!undirected && graph.type === "undirected") throw new UsageGraphError(`Graph.${name}: you cannot merge/update a directed edge to an undirected graph. Use the #.mergeEdge/#.updateEdge or #.addUndirectedEdge instead.`);
	if (undirected && graph.type === "directed") throw new UsageGraphError(`Graph.${name}: you cannot merge/update an undirected edge to a directed graph. Use the #.mergeEdge/#.updateEdge or #.addDirectedEdge instead.`);
	if (attributes) {
		if (asUpdater) {
			if (typeof attributes !== "function") throw new InvalidArgumentsGraphError(`Graph.${name}: invalid updater function. Expecting a function but got "${attributes}"`);
		} else if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.${name}: invalid attributes. Expecting an object but got "${attributes}"`);
	}
	source = "" + source;
	target = "" + target;
	let updater;
	if (asUpdater) {
		updater = attributes;
		attributes = void 0;
	}
	if (!graph.allowSelfLoops && source === target) throw new UsageGraphError(`Graph.${name}: source & target are the same ("${source}"), thus creating a loop explicitly forbidden by this graph 'allowSelfLoops' option set to false.`);
	let sourceData = graph._nodes.get(source);
	let targetData = graph._nodes.get(target);
	let edgeData;
	let alreadyExistingEdgeData;
	if (!mustGenerateKey) {
		edgeData = graph._edges.get(edge);
		if (edgeData) {
			if (edgeData.source.key !== source || edgeData.target.key !== target) {
				if (!undirected || edgeData.source.key !== target || edgeData.target.key !== source) throw new UsageGraphError(`Graph.${name}: inconsistency detected when attempting to merge the "${edge}" edge with "${source}" source & "${target}" target vs. ("${edgeData.source.key}", "${edgeData.target.key}").`);
			}
			alreadyExistingEdgeData = edgeData;
		}
	}
	if (!alreadyExistingEdgeData && !graph.multi && sourceData) alreadyExistingEdgeData = undirected ? sourceData.undirected[target] : sourceData.out[target];
	if (alreadyExistingEdgeData) {
		const info = [
			alreadyExistingEdgeData.key,
			false,
			false,
			false
		];
		if (asUpdater ? !updater : !attributes) return info;
		if (asUpdater) {
			const oldAttributes = alreadyExistingEdgeData.attributes;
			alreadyExistingEdgeData.attributes = updater(oldAttributes);
			graph.emit("edgeAttributesUpdated", {
				type: "replace",
				key: alreadyExistingEdgeData.key,
				attributes: alreadyExistingEdgeData.attributes
			});
		} else {
			assign(alreadyExistingEdgeData.attributes, attributes);
			graph.emit("edgeAttributesUpdated", {
				type: "merge",
				key: alreadyExistingEdgeData.key,
				attributes: alreadyExistingEdgeData.attributes,
				data: attributes
			});
		}
		return info;
	}
	attributes = attributes || {};
	if (asUpdater && updater) attributes = updater(attributes);
	const eventData = {
		key: null,
		undirected,
		source,
		target,
		attributes
	};
	if (mustGenerateKey) edge = graph._edgeKeyGenerator();
	else {
		edge = "" + edge;
		if (graph._edges.has(edge)) throw new UsageGraphError(`Graph.${name}: the "${edge}" edge already exists in the graph.`);
	}
	let sourceWasAdded = false;
	let targetWasAdded = false;
	if (!sourceData) {
		sourceData = unsafeAddNode(graph, source, {});
		sourceWasAdded = true;
		if (source === target) {
			targetData = sourceData;
			targetWasAdded = true;
		}
	}
	if (!targetData) {
		targetData = unsafeAddNode(graph, target, {});
		targetWasAdded = true;
	}
	edgeData = new EdgeData(undirected, edge, sourceData, targetData, attributes);
	graph._edges.set(edge, edgeData);
	const isSelfLoop = source === target;
	if (undirected) {
		sourceData.undirectedDegree++;
		targetData.undirectedDegree++;
		if (isSelfLoop) {
			sourceData.undirectedLoops++;
			graph._undirectedSelfLoopCount++;
		}
	} else {
		sourceData.outDegree++;
		targetData.inDegree++;
		if (isSelfLoop) {
			sourceData.directedLoops++;
			graph._directedSelfLoopCount++;
		}
	}
	if (graph.multi) edgeData.attachMulti();
	else edgeData.attach();
	if (undirected) graph._undirectedSize++;
	else graph._directedSize++;
	eventData.key = edge;
	graph.emit("edgeAdded", eventData);
	return [
		edge,
		true,
		sourceWasAdded,
		targetWasAdded
	];
}
/**
* Internal method used to drop an edge.
*
* @param  {Graph}    graph    - Target graph.
* @param  {EdgeData} edgeData - Data of the edge to drop.
*/
function dropEdgeFromData(graph, edgeData) {
	graph._edges.delete(edgeData.key);
	const { source: sourceData, target: targetData, attributes } = edgeData;
	const undirected = edgeData.undirected;
	const isSelfLoop = sourceData === targetData;
	if (undirected) {
		sourceData.undirectedDegree--;
		targetData.undirectedDegree--;
		if (isSelfLoop) {
			sourceData.undirectedLoops--;
			graph._undirectedSelfLoopCount--;
		}
	} else {
		sourceData.outDegree--;
		targetData.inDegree--;
		if (isSelfLoop) {
			sourceData.directedLoops--;
			graph._directedSelfLoopCount--;
		}
	}
	if (graph.multi) edgeData.detachMulti();
	else edgeData.detach();
	if (undirected) graph._undirectedSize--;
	else graph._directedSize--;
	graph.emit("edgeDropped", {
		key: edgeData.key,
		attributes,
		source: sourceData.key,
		target: targetData.key,
		undirected
	});
}
/**
* Graph class
*
* @constructor
* @param  {object}  [options] - Options:
* @param  {boolean}   [allowSelfLoops] - Allow self loops?
* @param  {string}    [type]           - Type of the graph.
* @param  {boolean}   [map]            - Allow references as keys?
* @param  {boolean}   [multi]          - Allow parallel edges?
*
* @throws {Error} - Will throw if the arguments are not valid.
*/
var Graph = class Graph extends EventEmitter {
	constructor(options) {
		super();
		options = assign({}, DEFAULTS, options);
		if (typeof options.multi !== "boolean") throw new InvalidArgumentsGraphError(`Graph.constructor: invalid 'multi' option. Expecting a boolean but got "${options.multi}".`);
		if (!TYPES.has(options.type)) throw new InvalidArgumentsGraphError(`Graph.constructor: invalid 'type' option. Should be one of "mixed", "directed" or "undirected" but got "${options.type}".`);
		if (typeof options.allowSelfLoops !== "boolean") throw new InvalidArgumentsGraphError(`Graph.constructor: invalid 'allowSelfLoops' option. Expecting a boolean but got "${options.allowSelfLoops}".`);
		const NodeDataClass = options.type === "mixed" ? MixedNodeData : options.type === "directed" ? DirectedNodeData : UndirectedNodeData;
		privateProperty(this, "NodeDataClass", NodeDataClass);
		const instancePrefix = "geid_" + INSTANCE_ID() + "_";
		let edgeId = 0;
		const edgeKeyGenerator = () => {
			let availableEdgeKey;
			do
				availableEdgeKey = instancePrefix + edgeId++;
			while (this._edges.has(availableEdgeKey));
			return availableEdgeKey;
		};
		privateProperty(this, "_attributes", {});
		privateProperty(this, "_nodes", /* @__PURE__ */ new Map());
		privateProperty(this, "_edges", /* @__PURE__ */ new Map());
		privateProperty(this, "_directedSize", 0);
		privateProperty(this, "_undirectedSize", 0);
		privateProperty(this, "_directedSelfLoopCount", 0);
		privateProperty(this, "_undirectedSelfLoopCount", 0);
		privateProperty(this, "_edgeKeyGenerator", edgeKeyGenerator);
		privateProperty(this, "_options", options);
		EMITTER_PROPS.forEach((prop) => privateProperty(this, prop, this[prop]));
		readOnlyProperty(this, "order", () => this._nodes.size);
		readOnlyProperty(this, "size", () => this._edges.size);
		readOnlyProperty(this, "directedSize", () => this._directedSize);
		readOnlyProperty(this, "undirectedSize", () => this._undirectedSize);
		readOnlyProperty(this, "selfLoopCount", () => this._directedSelfLoopCount + this._undirectedSelfLoopCount);
		readOnlyProperty(this, "directedSelfLoopCount", () => this._directedSelfLoopCount);
		readOnlyProperty(this, "undirectedSelfLoopCount", () => this._undirectedSelfLoopCount);
		readOnlyProperty(this, "multi", this._options.multi);
		readOnlyProperty(this, "type", this._options.type);
		readOnlyProperty(this, "allowSelfLoops", this._options.allowSelfLoops);
		readOnlyProperty(this, "implementation", () => "graphology");
	}
	_resetInstanceCounters() {
		this._directedSize = 0;
		this._undirectedSize = 0;
		this._directedSelfLoopCount = 0;
		this._undirectedSelfLoopCount = 0;
	}
	/**---------------------------------------------------------------------------
	* Read
	**---------------------------------------------------------------------------
	*/
	/**
	* Method returning whether the given node is found in the graph.
	*
	* @param  {any}     node - The node.
	* @return {boolean}
	*/
	hasNode(node) {
		return this._nodes.has("" + node);
	}
	/**
	* Method returning whether the given directed edge is found in the graph.
	*
	* Arity 1:
	* @param  {any}     edge - The edge's key.
	*
	* Arity 2:
	* @param  {any}     source - The edge's source.
	* @param  {any}     target - The edge's target.
	*
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the arguments are invalid.
	*/
	hasDirectedEdge(source, target) {
		if (this.type === "undirected") return false;
		if (arguments.length === 1) {
			const edge = "" + source;
			const edgeData = this._edges.get(edge);
			return !!edgeData && !edgeData.undirected;
		} else if (arguments.length === 2) {
			source = "" + source;
			target = "" + target;
			const nodeData = this._nodes.get(source);
			if (!nodeData) return false;
			return nodeData.out.hasOwnProperty(target);
		}
		throw new InvalidArgumentsGraphError(`Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`);
	}
	/**
	* Method returning whether the given undirected edge is found in the graph.
	*
	* Arity 1:
	* @param  {any}     edge - The edge's key.
	*
	* Arity 2:
	* @param  {any}     source - The edge's source.
	* @param  {any}     target - The edge's target.
	*
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the arguments are invalid.
	*/
	hasUndirectedEdge(source, target) {
		if (this.type === "directed") return false;
		if (arguments.length === 1) {
			const edge = "" + source;
			const edgeData = this._edges.get(edge);
			return !!edgeData && edgeData.undirected;
		} else if (arguments.length === 2) {
			source = "" + source;
			target = "" + target;
			const nodeData = this._nodes.get(source);
			if (!nodeData) return false;
			return nodeData.undirected.hasOwnProperty(target);
		}
		throw new InvalidArgumentsGraphError(`Graph.hasDirectedEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`);
	}
	/**
	* Method returning whether the given edge is found in the graph.
	*
	* Arity 1:
	* @param  {any}     edge - The edge's key.
	*
	* Arity 2:
	* @param  {any}     source - The edge's source.
	* @param  {any}     target - The edge's target.
	*
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the arguments are invalid.
	*/
	hasEdge(source, target) {
		if (arguments.length === 1) {
			const edge = "" + source;
			return this._edges.has(edge);
		} else if (arguments.length === 2) {
			source = "" + source;
			target = "" + target;
			const nodeData = this._nodes.get(source);
			if (!nodeData) return false;
			return typeof nodeData.out !== "undefined" && nodeData.out.hasOwnProperty(target) || typeof nodeData.undirected !== "undefined" && nodeData.undirected.hasOwnProperty(target);
		}
		throw new InvalidArgumentsGraphError(`Graph.hasEdge: invalid arity (${arguments.length}, instead of 1 or 2). You can either ask for an edge id or for the existence of an edge between a source & a target.`);
	}
	/**
	* Method returning the edge matching source & target in a directed fashion.
	*
	* @param  {any} source - The edge's source.
	* @param  {any} target - The edge's target.
	*
	* @return {any|undefined}
	*
	* @throws {Error} - Will throw if the graph is multi.
	* @throws {Error} - Will throw if source or target doesn't exist.
	*/
	directedEdge(source, target) {
		if (this.type === "undirected") return;
		source = "" + source;
		target = "" + target;
		if (this.multi) throw new UsageGraphError("Graph.directedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.directedEdges instead.");
		const sourceData = this._nodes.get(source);
		if (!sourceData) throw new NotFoundGraphError(`Graph.directedEdge: could not find the "${source}" source node in the graph.`);
		if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.directedEdge: could not find the "${target}" target node in the graph.`);
		const edgeData = sourceData.out && sourceData.out[target] || void 0;
		if (edgeData) return edgeData.key;
	}
	/**
	* Method returning the edge matching source & target in a undirected fashion.
	*
	* @param  {any} source - The edge's source.
	* @param  {any} target - The edge's target.
	*
	* @return {any|undefined}
	*
	* @throws {Error} - Will throw if the graph is multi.
	* @throws {Error} - Will throw if source or target doesn't exist.
	*/
	undirectedEdge(source, target) {
		if (this.type === "directed") return;
		source = "" + source;
		target = "" + target;
		if (this.multi) throw new UsageGraphError("Graph.undirectedEdge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.undirectedEdges instead.");
		const sourceData = this._nodes.get(source);
		if (!sourceData) throw new NotFoundGraphError(`Graph.undirectedEdge: could not find the "${source}" source node in the graph.`);
		if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.undirectedEdge: could not find the "${target}" target node in the graph.`);
		const edgeData = sourceData.undirected && sourceData.undirected[target] || void 0;
		if (edgeData) return edgeData.key;
	}
	/**
	* Method returning the edge matching source & target in a mixed fashion.
	*
	* @param  {any} source - The edge's source.
	* @param  {any} target - The edge's target.
	*
	* @return {any|undefined}
	*
	* @throws {Error} - Will throw if the graph is multi.
	* @throws {Error} - Will throw if source or target doesn't exist.
	*/
	edge(source, target) {
		if (this.multi) throw new UsageGraphError("Graph.edge: this method is irrelevant with multigraphs since there might be multiple edges between source & target. See #.edges instead.");
		source = "" + source;
		target = "" + target;
		const sourceData = this._nodes.get(source);
		if (!sourceData) throw new NotFoundGraphError(`Graph.edge: could not find the "${source}" source node in the graph.`);
		if (!this._nodes.has(target)) throw new NotFoundGraphError(`Graph.edge: could not find the "${target}" target node in the graph.`);
		const edgeData = sourceData.out && sourceData.out[target] || sourceData.undirected && sourceData.undirected[target] || void 0;
		if (edgeData) return edgeData.key;
	}
	/**
	* Method returning whether two nodes are directed neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areDirectedNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areDirectedNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return false;
		return neighbor in nodeData.in || neighbor in nodeData.out;
	}
	/**
	* Method returning whether two nodes are out neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areOutNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areOutNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return false;
		return neighbor in nodeData.out;
	}
	/**
	* Method returning whether two nodes are in neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areInNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areInNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return false;
		return neighbor in nodeData.in;
	}
	/**
	* Method returning whether two nodes are undirected neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areUndirectedNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areUndirectedNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type === "directed") return false;
		return neighbor in nodeData.undirected;
	}
	/**
	* Method returning whether two nodes are neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type !== "undirected") {
			if (neighbor in nodeData.in || neighbor in nodeData.out) return true;
		}
		if (this.type !== "directed") {
			if (neighbor in nodeData.undirected) return true;
		}
		return false;
	}
	/**
	* Method returning whether two nodes are inbound neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areInboundNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areInboundNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type !== "undirected") {
			if (neighbor in nodeData.in) return true;
		}
		if (this.type !== "directed") {
			if (neighbor in nodeData.undirected) return true;
		}
		return false;
	}
	/**
	* Method returning whether two nodes are outbound neighbors.
	*
	* @param  {any}     node     - The node's key.
	* @param  {any}     neighbor - The neighbor's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	areOutboundNeighbors(node, neighbor) {
		node = "" + node;
		neighbor = "" + neighbor;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.areOutboundNeighbors: could not find the "${node}" node in the graph.`);
		if (this.type !== "undirected") {
			if (neighbor in nodeData.out) return true;
		}
		if (this.type !== "directed") {
			if (neighbor in nodeData.undirected) return true;
		}
		return false;
	}
	/**
	* Method returning the given node's in degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	inDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.inDegree: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.inDegree;
	}
	/**
	* Method returning the given node's out degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	outDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.outDegree: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.outDegree;
	}
	/**
	* Method returning the given node's directed degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	directedDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.directedDegree: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.inDegree + nodeData.outDegree;
	}
	/**
	* Method returning the given node's undirected degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	undirectedDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.undirectedDegree: could not find the "${node}" node in the graph.`);
		if (this.type === "directed") return 0;
		return nodeData.undirectedDegree;
	}
	/**
	* Method returning the given node's inbound degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's inbound degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	inboundDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.inboundDegree: could not find the "${node}" node in the graph.`);
		let degree = 0;
		if (this.type !== "directed") degree += nodeData.undirectedDegree;
		if (this.type !== "undirected") degree += nodeData.inDegree;
		return degree;
	}
	/**
	* Method returning the given node's outbound degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's outbound degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	outboundDegree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.outboundDegree: could not find the "${node}" node in the graph.`);
		let degree = 0;
		if (this.type !== "directed") degree += nodeData.undirectedDegree;
		if (this.type !== "undirected") degree += nodeData.outDegree;
		return degree;
	}
	/**
	* Method returning the given node's directed degree.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	degree(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.degree: could not find the "${node}" node in the graph.`);
		let degree = 0;
		if (this.type !== "directed") degree += nodeData.undirectedDegree;
		if (this.type !== "undirected") degree += nodeData.inDegree + nodeData.outDegree;
		return degree;
	}
	/**
	* Method returning the given node's in degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	inDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.inDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.inDegree - nodeData.directedLoops;
	}
	/**
	* Method returning the given node's out degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	outDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.outDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.outDegree - nodeData.directedLoops;
	}
	/**
	* Method returning the given node's directed degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	directedDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.directedDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		if (this.type === "undirected") return 0;
		return nodeData.inDegree + nodeData.outDegree - nodeData.directedLoops * 2;
	}
	/**
	* Method returning the given node's undirected degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's in degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	undirectedDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.undirectedDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		if (this.type === "directed") return 0;
		return nodeData.undirectedDegree - nodeData.undirectedLoops * 2;
	}
	/**
	* Method returning the given node's inbound degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's inbound degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	inboundDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.inboundDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		let degree = 0;
		let loops = 0;
		if (this.type !== "directed") {
			degree += nodeData.undirectedDegree;
			loops += nodeData.undirectedLoops * 2;
		}
		if (this.type !== "undirected") {
			degree += nodeData.inDegree;
			loops += nodeData.directedLoops;
		}
		return degree - loops;
	}
	/**
	* Method returning the given node's outbound degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's outbound degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	outboundDegreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.outboundDegreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		let degree = 0;
		let loops = 0;
		if (this.type !== "directed") {
			degree += nodeData.undirectedDegree;
			loops += nodeData.undirectedLoops * 2;
		}
		if (this.type !== "undirected") {
			degree += nodeData.outDegree;
			loops += nodeData.directedLoops;
		}
		return degree - loops;
	}
	/**
	* Method returning the given node's directed degree without considering self loops.
	*
	* @param  {any}     node - The node's key.
	* @return {number}       - The node's degree.
	*
	* @throws {Error} - Will throw if the node isn't in the graph.
	*/
	degreeWithoutSelfLoops(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.degreeWithoutSelfLoops: could not find the "${node}" node in the graph.`);
		let degree = 0;
		let loops = 0;
		if (this.type !== "directed") {
			degree += nodeData.undirectedDegree;
			loops += nodeData.undirectedLoops * 2;
		}
		if (this.type !== "undirected") {
			degree += nodeData.inDegree + nodeData.outDegree;
			loops += nodeData.directedLoops * 2;
		}
		return degree - loops;
	}
	/**
	* Method returning the given edge's source.
	*
	* @param  {any} edge - The edge's key.
	* @return {any}      - The edge's source.
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	source(edge) {
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.source: could not find the "${edge}" edge in the graph.`);
		return data.source.key;
	}
	/**
	* Method returning the given edge's target.
	*
	* @param  {any} edge - The edge's key.
	* @return {any}      - The edge's target.
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	target(edge) {
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.target: could not find the "${edge}" edge in the graph.`);
		return data.target.key;
	}
	/**
	* Method returning the given edge's extremities.
	*
	* @param  {any}   edge - The edge's key.
	* @return {array}      - The edge's extremities.
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	extremities(edge) {
		edge = "" + edge;
		const edgeData = this._edges.get(edge);
		if (!edgeData) throw new NotFoundGraphError(`Graph.extremities: could not find the "${edge}" edge in the graph.`);
		return [edgeData.source.key, edgeData.target.key];
	}
	/**
	* Given a node & an edge, returns the other extremity of the edge.
	*
	* @param  {any}   node - The node's key.
	* @param  {any}   edge - The edge's key.
	* @return {any}        - The related node.
	*
	* @throws {Error} - Will throw if the edge isn't in the graph or if the
	*                   edge & node are not related.
	*/
	opposite(node, edge) {
		node = "" + node;
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.opposite: could not find the "${edge}" edge in the graph.`);
		const source = data.source.key;
		const target = data.target.key;
		if (node === source) return target;
		if (node === target) return source;
		throw new NotFoundGraphError(`Graph.opposite: the "${node}" node is not attached to the "${edge}" edge (${source}, ${target}).`);
	}
	/**
	* Returns whether the given edge has the given node as extremity.
	*
	* @param  {any}     edge - The edge's key.
	* @param  {any}     node - The node's key.
	* @return {boolean}      - The related node.
	*
	* @throws {Error} - Will throw if either the node or the edge isn't in the graph.
	*/
	hasExtremity(edge, node) {
		edge = "" + edge;
		node = "" + node;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.hasExtremity: could not find the "${edge}" edge in the graph.`);
		return data.source.key === node || data.target.key === node;
	}
	/**
	* Method returning whether the given edge is undirected.
	*
	* @param  {any}     edge - The edge's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	isUndirected(edge) {
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.isUndirected: could not find the "${edge}" edge in the graph.`);
		return data.undirected;
	}
	/**
	* Method returning whether the given edge is directed.
	*
	* @param  {any}     edge - The edge's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	isDirected(edge) {
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.isDirected: could not find the "${edge}" edge in the graph.`);
		return !data.undirected;
	}
	/**
	* Method returning whether the given edge is a self loop.
	*
	* @param  {any}     edge - The edge's key.
	* @return {boolean}
	*
	* @throws {Error} - Will throw if the edge isn't in the graph.
	*/
	isSelfLoop(edge) {
		edge = "" + edge;
		const data = this._edges.get(edge);
		if (!data) throw new NotFoundGraphError(`Graph.isSelfLoop: could not find the "${edge}" edge in the graph.`);
		return data.source === data.target;
	}
	/**---------------------------------------------------------------------------
	* Mutation
	**---------------------------------------------------------------------------
	*/
	/**
	* Method used to add a node to the graph.
	*
	* @param  {any}    node         - The node.
	* @param  {object} [attributes] - Optional attributes.
	* @return {any}                 - The node.
	*
	* @throws {Error} - Will throw if the given node already exist.
	* @throws {Error} - Will throw if the given attributes are not an object.
	*/
	addNode(node, attributes) {
		return addNode(this, node, attributes).key;
	}
	/**
	* Method used to merge a node into the graph.
	*
	* @param  {any}    node         - The node.
	* @param  {object} [attributes] - Optional attributes.
	* @return {any}                 - The node.
	*/
	mergeNode(node, attributes) {
		if (attributes && !isPlainObject(attributes)) throw new InvalidArgumentsGraphError(`Graph.mergeNode: invalid attributes. Expecting an object but got "${attributes}"`);
		node = "" + node;
		attributes = attributes || {};
		let data = this._nodes.get(node);
		if (data) {
			if (attributes) {
				assign(data.attributes, attributes);
				this.emit("nodeAttributesUpdated", {
					type: "merge",
					key: node,
					attributes: data.attributes,
					data: attributes
				});
			}
			return [node, false];
		}
		data = new this.NodeDataClass(node, attributes);
		this._nodes.set(node, data);
		this.emit("nodeAdded", {
			key: node,
			attributes
		});
		return [node, true];
	}
	/**
	* Method used to add a node if it does not exist in the graph or else to
	* update its attributes using a function.
	*
	* @param  {any}      node      - The node.
	* @param  {function} [updater] - Optional updater function.
	* @return {any}                - The node.
	*/
	updateNode(node, updater) {
		if (updater && typeof updater !== "function") throw new InvalidArgumentsGraphError(`Graph.updateNode: invalid updater function. Expecting a function but got "${updater}"`);
		node = "" + node;
		let data = this._nodes.get(node);
		if (data) {
			if (updater) {
				const oldAttributes = data.attributes;
				data.attributes = updater(oldAttributes);
				this.emit("nodeAttributesUpdated", {
					type: "replace",
					key: node,
					attributes: data.attributes
				});
			}
			return [node, false];
		}
		const attributes = updater ? updater({}) : {};
		data = new this.NodeDataClass(node, attributes);
		this._nodes.set(node, data);
		this.emit("nodeAdded", {
			key: node,
			attributes
		});
		return [node, true];
	}
	/**
	* Method used to drop a single node & all its attached edges from the graph.
	*
	* @param  {any}    node - The node.
	* @return {Graph}
	*
	* @throws {Error} - Will throw if the node doesn't exist.
	*/
	dropNode(node) {
		node = "" + node;
		const nodeData = this._nodes.get(node);
		if (!nodeData) throw new NotFoundGraphError(`Graph.dropNode: could not find the "${node}" node in the graph.`);
		let edgeData;
		if (this.type !== "undirected") {
			for (const neighbor in nodeData.out) {
				edgeData = nodeData.out[neighbor];
				do {
					dropEdgeFromData(this, edgeData);
					edgeData = edgeData.next;
				} while (edgeData);
			}
			for (const neighbor in nodeData.in) {
				edgeData = nodeData.in[neighbor];
				do {
					dropEdgeFromData(this, edgeData);
					edgeData = edgeData.next;
				} while (edgeData);
			}
		}
		if (this.type !== "directed") for (const neighbor in nodeData.undirected) {
			edgeData = nodeData.undirected[neighbor];
			do {
				dropEdgeFromData(this, edgeData);
				edgeData = edgeData.next;
			} while (edgeData);
		}
		this._nodes.delete(node);
		this.emit("nodeDropped", {
			key: node,
			attributes: nodeData.attributes
		});
	}
	/**
	* Method used to drop a single edge from the graph.
	*
	* Arity 1:
	* @param  {any}    edge - The edge.
	*
	* Arity 2:
	* @param  {any}    source - Source node.
	* @param  {any}    target - Target node.
	*
	* @return {Graph}
	*
	* @throws {Error} - Will throw if the edge doesn't exist.
	*/
	dropEdge(edge) {
		let edgeData;
		if (arguments.length > 1) {
			const source = "" + arguments[0];
			const target = "" + arguments[1];
			edgeData = getMatchingEdge(this, source, target, this.type);
			if (!edgeData) throw new NotFoundGraphError(`Graph.dropEdge: could not find the "${source}" -> "${target}" edge in the graph.`);
		} else {
			edge = "" + edge;
			edgeData = this._edges.get(edge);
			if (!edgeData) throw new NotFoundGraphError(`Graph.dropEdge: could not find the "${edge}" edge in the graph.`);
		}
		dropEdgeFromData(this, edgeData);
		return this;
	}
	/**
	* Method used to drop a single directed edge from the graph.
	*
	* @param  {any}    source - Source node.
	* @param  {any}    target - Target node.
	*
	* @return {Graph}
	*
	* @throws {Error} - Will throw if the edge doesn't exist.
	*/
	dropDirectedEdge(source, target) {
		if (arguments.length < 2) throw new UsageGraphError("Graph.dropDirectedEdge: it does not make sense to try and drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead.");
		if (this.multi) throw new UsageGraphError("Graph.dropDirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones.");
		source = "" + source;
		target = "" + target;
		const edgeData = getMatchingEdge(this, source, target, "directed");
		if (!edgeData) throw new NotFoundGraphError(`Graph.dropDirectedEdge: could not find a "${source}" -> "${target}" edge in the graph.`);
		dropEdgeFromData(this, edgeData);
		return this;
	}
	/**
	* Method used to drop a single undirected edge from the graph.
	*
	* @param  {any}    source - Source node.
	* @param  {any}    target - Target node.
	*
	* @return {Graph}
	*
	* @throws {Error} - Will throw if the edge doesn't exist.
	*/
	dropUndirectedEdge(source, target) {
		if (arguments.length < 2) throw new UsageGraphError("Graph.dropUndirectedEdge: it does not make sense to drop a directed edge by key. What if the edge with this key is undirected? Use #.dropEdge for this purpose instead.");
		if (this.multi) throw new UsageGraphError("Graph.dropUndirectedEdge: cannot use a {source,target} combo when dropping an edge in a MultiGraph since we cannot infer the one you want to delete as there could be multiple ones.");
		const edgeData = getMatchingEdge(this, source, target, "undirected");
		if (!edgeData) throw new NotFoundGraphError(`Graph.dropUndirectedEdge: could not find a "${source}" -> "${target}" edge in the graph.`);
		dropEdgeFromData(this, edgeData);
		return this;
	}
	/**
	* Method used to remove every edge & every node from the graph.
	*
	* @return {Graph}
	*/
	clear() {
		this._edges.clear();
		this._nodes.clear();
		this._resetInstanceCounters();
		this.emit("cleared");
	}
	/**
	* Method used to remove every edge from the graph.
	*
	* @return {Graph}
	*/
	clearEdges() {
		const iterator = this._nodes.values();
		let step;
		while (step = iterator.next(), step.done !== true) step.value.clear();
		this._edges.clear();
		this._resetInstanceCounters();
		this.emit("edgesCleared");
	}
	/**---------------------------------------------------------------------------
	* Attributes-related methods
	**---------------------------------------------------------------------------
	*/
	/**
	* Method returning the desired graph's attribute.
	*
	* @param  {string} name - Name of the attribute.
	* @return {any}
	*/
	getAttribute(name) {
		return this._attributes[name];
	}
	/**
	* Method returning the graph's attributes.
	*
	* @return {object}
	*/
	getAttributes() {
		return this._attributes;
	}
	/**
	* Method returning whether the graph has the desired attribute.
	*
	* @param  {string}  name - Name of the attribute.
	* @return {boolean}
	*/
	hasAttribute(name) {
		return this._attributes.hasOwnProperty(name);
	}
	/**
	* Method setting a value for the desired graph's attribute.
	*
	* @param  {string}  name  - Name of the attribute.
	* @param  {any}     value - Value for the attribute.
	* @return {Graph}
	*/
	setAttribute(name, value) {
		this._attributes[name] = value;
		this.emit("attributesUpdated", {
			type: "set",
			attributes: this._attributes,
			name
		});
		return this;
	}
	/**
	* Method using a function to update the desired graph's attribute's value.
	*
	* @param  {string}   name    - Name of the attribute.
	* @param  {function} updater - Function use to update the attribute's value.
	* @return {Graph}
	*/
	updateAttribute(name, updater) {
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError("Graph.updateAttribute: updater should be a function.");
		const value = this._attributes[name];
		this._attributes[name] = updater(value);
		this.emit("attributesUpdated", {
			type: "set",
			attributes: this._attributes,
			name
		});
		return this;
	}
	/**
	* Method removing the desired graph's attribute.
	*
	* @param  {string} name  - Name of the attribute.
	* @return {Graph}
	*/
	removeAttribute(name) {
		delete this._attributes[name];
		this.emit("attributesUpdated", {
			type: "remove",
			attributes: this._attributes,
			name
		});
		return this;
	}
	/**
	* Method replacing the graph's attributes.
	*
	* @param  {object} attributes - New attributes.
	* @return {Graph}
	*
	* @throws {Error} - Will throw if given attributes are not a plain object.
	*/
	replaceAttributes(attributes) {
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError("Graph.replaceAttributes: provided attributes are not a plain object.");
		this._attributes = attributes;
		this.emit("attributesUpdated", {
			type: "replace",
			attributes: this._attributes
		});
		return this;
	}
	/**
	* Method merging the graph's attributes.
	*
	* @param  {object} attributes - Attributes to merge.
	* @return {Graph}
	*
	* @throws {Error} - Will throw if given attributes are not a plain object.
	*/
	mergeAttributes(attributes) {
		if (!isPlainObject(attributes)) throw new InvalidArgumentsGraphError("Graph.mergeAttributes: provided attributes are not a plain object.");
		assign(this._attributes, attributes);
		this.emit("attributesUpdated", {
			type: "merge",
			attributes: this._attributes,
			data: attributes
		});
		return this;
	}
	/**
	* Method updating the graph's attributes.
	*
	* @param  {function} updater - Function used to update the attributes.
	* @return {Graph}
	*
	* @throws {Error} - Will throw if given updater is not a function.
	*/
	updateAttributes(updater) {
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError("Graph.updateAttributes: provided updater is not a function.");
		this._attributes = updater(this._attributes);
		this.emit("attributesUpdated", {
			type: "update",
			attributes: this._attributes
		});
		return this;
	}
	/**
	* Method used to update each node's attributes using the given function.
	*
	* @param {function}  updater - Updater function to use.
	* @param {object}    [hints] - Optional hints.
	*/
	updateEachNodeAttributes(updater, hints) {
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError("Graph.updateEachNodeAttributes: expecting an updater function.");
		if (hints && !validateHints(hints)) throw new InvalidArgumentsGraphError("Graph.updateEachNodeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}");
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			nodeData.attributes = updater(nodeData.key, nodeData.attributes);
		}
		this.emit("eachNodeAttributesUpdated", { hints: hints ? hints : null });
	}
	/**
	* Method used to update each edge's attributes using the given function.
	*
	* @param {function}  updater - Updater function to use.
	* @param {object}    [hints] - Optional hints.
	*/
	updateEachEdgeAttributes(updater, hints) {
		if (typeof updater !== "function") throw new InvalidArgumentsGraphError("Graph.updateEachEdgeAttributes: expecting an updater function.");
		if (hints && !validateHints(hints)) throw new InvalidArgumentsGraphError("Graph.updateEachEdgeAttributes: invalid hints. Expecting an object having the following shape: {attributes?: [string]}");
		const iterator = this._edges.values();
		let step, edgeData, sourceData, targetData;
		while (step = iterator.next(), step.done !== true) {
			edgeData = step.value;
			sourceData = edgeData.source;
			targetData = edgeData.target;
			edgeData.attributes = updater(edgeData.key, edgeData.attributes, sourceData.key, targetData.key, sourceData.attributes, targetData.attributes, edgeData.undirected);
		}
		this.emit("eachEdgeAttributesUpdated", { hints: hints ? hints : null });
	}
	/**---------------------------------------------------------------------------
	* Iteration-related methods
	**---------------------------------------------------------------------------
	*/
	/**
	* Method iterating over the graph's adjacency using the given callback.
	*
	* @param  {function}  callback - Callback to use.
	*/
	forEachAdjacencyEntry(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.forEachAdjacencyEntry: expecting a callback.");
		forEachAdjacency(false, false, false, this, callback);
	}
	forEachAdjacencyEntryWithOrphans(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.forEachAdjacencyEntryWithOrphans: expecting a callback.");
		forEachAdjacency(false, false, true, this, callback);
	}
	/**
	* Method iterating over the graph's assymetric adjacency using the given callback.
	*
	* @param  {function}  callback - Callback to use.
	*/
	forEachAssymetricAdjacencyEntry(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.forEachAssymetricAdjacencyEntry: expecting a callback.");
		forEachAdjacency(false, true, false, this, callback);
	}
	forEachAssymetricAdjacencyEntryWithOrphans(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.forEachAssymetricAdjacencyEntryWithOrphans: expecting a callback.");
		forEachAdjacency(false, true, true, this, callback);
	}
	/**
	* Method returning the list of the graph's nodes.
	*
	* @return {array} - The nodes.
	*/
	nodes() {
		return Array.from(this._nodes.keys());
	}
	/**
	* Method iterating over the graph's nodes using the given callback.
	*
	* @param  {function}  callback - Callback (key, attributes, index).
	*/
	forEachNode(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.forEachNode: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			callback(nodeData.key, nodeData.attributes);
		}
	}
	/**
	* Method iterating attempting to find a node matching the given predicate
	* function.
	*
	* @param  {function}  callback - Callback (key, attributes).
	*/
	findNode(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.findNode: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			if (callback(nodeData.key, nodeData.attributes)) return nodeData.key;
		}
	}
	/**
	* Method mapping nodes.
	*
	* @param  {function}  callback - Callback (key, attributes).
	*/
	mapNodes(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.mapNode: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		const result = new Array(this.order);
		let i = 0;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			result[i++] = callback(nodeData.key, nodeData.attributes);
		}
		return result;
	}
	/**
	* Method returning whether some node verify the given predicate.
	*
	* @param  {function}  callback - Callback (key, attributes).
	*/
	someNode(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.someNode: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			if (callback(nodeData.key, nodeData.attributes)) return true;
		}
		return false;
	}
	/**
	* Method returning whether all node verify the given predicate.
	*
	* @param  {function}  callback - Callback (key, attributes).
	*/
	everyNode(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.everyNode: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			if (!callback(nodeData.key, nodeData.attributes)) return false;
		}
		return true;
	}
	/**
	* Method filtering nodes.
	*
	* @param  {function}  callback - Callback (key, attributes).
	*/
	filterNodes(callback) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.filterNodes: expecting a callback.");
		const iterator = this._nodes.values();
		let step, nodeData;
		const result = [];
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			if (callback(nodeData.key, nodeData.attributes)) result.push(nodeData.key);
		}
		return result;
	}
	/**
	* Method reducing nodes.
	*
	* @param  {function}  callback - Callback (accumulator, key, attributes).
	*/
	reduceNodes(callback, initialValue) {
		if (typeof callback !== "function") throw new InvalidArgumentsGraphError("Graph.reduceNodes: expecting a callback.");
		if (arguments.length < 2) throw new InvalidArgumentsGraphError("Graph.reduceNodes: missing initial value. You must provide it because the callback takes more than one argument and we cannot infer the initial value from the first iteration, as you could with a simple array.");
		let accumulator = initialValue;
		const iterator = this._nodes.values();
		let step, nodeData;
		while (step = iterator.next(), step.done !== true) {
			nodeData = step.value;
			accumulator = callback(accumulator, nodeData.key, nodeData.attributes);
		}
		return accumulator;
	}
	/**
	* Method returning an iterator over the graph's node entries.
	*
	* @return {Iterator}
	*/
	nodeEntries() {
		const iterator = this._nodes.values();
		return {
			[Symbol.iterator]() {
				return this;
			},
			next() {
				const step = iterator.next();
				if (step.done) return step;
				const data = step.value;
				return {
					value: {
						node: data.key,
						attributes: data.attributes
					},
					done: false
				};
			}
		};
	}
	/**---------------------------------------------------------------------------
	* Serialization
	**---------------------------------------------------------------------------
	*/
	/**
	* Method used to export the whole graph.
	*
	* @return {object} - The serialized graph.
	*/
	export() {
		const nodes = new Array(this._nodes.size);
		let i = 0;
		this._nodes.forEach((data, key) => {
			nodes[i++] = serializeNode(key, data);
		});
		const edges = new Array(this._edges.size);
		i = 0;
		this._edges.forEach((data, key) => {
			edges[i++] = serializeEdge(this.type, key, data);
		});
		return {
			options: {
				type: this.type,
				multi: this.multi,
				allowSelfLoops: this.allowSelfLoops
			},
			attributes: this.getAttributes(),
			nodes,
			edges
		};
	}
	/**
	* Method used to import a serialized graph.
	*
	* @param  {object|Graph} data  - The serialized graph.
	* @param  {boolean}      merge - Whether to merge data.
	* @return {Graph}              - Returns itself for chaining.
	*/
	import(data, merge = false) {
		if (data instanceof Graph) {
			data.forEachNode((n, a) => {
				if (merge) this.mergeNode(n, a);
				else this.addNode(n, a);
			});
			data.forEachEdge((e, a, s, t, _sa, _ta, u) => {
				if (merge) {
					if (u) this.mergeUndirectedEdgeWithKey(e, s, t, a);
					else this.mergeDirectedEdgeWithKey(e, s, t, a);
				} else if (u) this.addUndirectedEdgeWithKey(e, s, t, a);
				else this.addDirectedEdgeWithKey(e, s, t, a);
			});
			return this;
		}
		if (!isPlainObject(data)) throw new InvalidArgumentsGraphError("Graph.import: invalid argument. Expecting a serialized graph or, alternatively, a Graph instance.");
		if (data.attributes) {
			if (!isPlainObject(data.attributes)) throw new InvalidArgumentsGraphError("Graph.import: invalid attributes. Expecting a plain object.");
			if (merge) this.mergeAttributes(data.attributes);
			else this.replaceAttributes(data.attributes);
		}
		let i, l, list, node, edge;
		if (data.nodes) {
			list = data.nodes;
			if (!Array.isArray(list)) throw new InvalidArgumentsGraphError("Graph.import: invalid nodes. Expecting an array.");
			for (i = 0, l = list.length; i < l; i++) {
				node = list[i];
				validateSerializedNode(node);
				const { key, attributes } = node;
				if (merge) this.mergeNode(key, attributes);
				else this.addNode(key, attributes);
			}
		}
		if (data.edges) {
			let undirectedByDefault = false;
			if (this.type === "undirected") undirectedByDefault = true;
			list = data.edges;
			if (!Array.isArray(list)) throw new InvalidArgumentsGraphError("Graph.import: invalid edges. Expecting an array.");
			for (i = 0, l = list.length; i < l; i++) {
				edge = list[i];
				validateSerializedEdge(edge);
				const { source, target, attributes, undirected = undirectedByDefault } = edge;
				let method;
				if ("key" in edge) {
					method = merge ? undirected ? this.mergeUndirectedEdgeWithKey : this.mergeDirectedEdgeWithKey : undirected ? this.addUndirectedEdgeWithKey : this.addDirectedEdgeWithKey;
					method.call(this, edge.key, source, target, attributes);
				} else {
					method = merge ? undirected ? this.mergeUndirectedEdge : this.mergeDirectedEdge : undirected ? this.addUndirectedEdge : this.addDirectedEdge;
					method.call(this, source, target, attributes);
				}
			}
		}
		return this;
	}
	/**---------------------------------------------------------------------------
	* Utils
	**---------------------------------------------------------------------------
	*/
	/**
	* Method returning a null copy of the graph, i.e. a graph without nodes
	* & edges but with the exact same options.
	*
	* @param  {object} options - Options to merge with the current ones.
	* @return {Graph}          - The null copy.
	*/
	nullCopy(options) {
		const graph = new Graph(assign({}, this._options, options));
		graph.replaceAttributes(assign({}, this.getAttributes()));
		return graph;
	}
	/**
	* Method returning an empty copy of the graph, i.e. a graph without edges but
	* with the exact same options.
	*
	* @param  {object} options - Options to merge with the current ones.
	* @return {Graph}          - The empty copy.
	*/
	emptyCopy(options) {
		const graph = this.nullCopy(options);
		this._nodes.forEach((nodeData, key) => {
			const attributes = assign({}, nodeData.attributes);
			nodeData = new graph.NodeDataClass(key, attributes);
			graph._nodes.set(key, nodeData);
		});
		return graph;
	}
	/**
	* Method returning an exact copy of the graph.
	*
	* @param  {object} options - Upgrade options.
	* @return {Graph}          - The copy.
	*/
	copy(options) {
		options = options || {};
		if (typeof options.type === "string" && options.type !== this.type && options.type !== "mixed") throw new UsageGraphError(`Graph.copy: cannot create an incompatible copy from "${this.type}" type to "${options.type}" because this would mean losing information about the current graph.`);
		if (typeof options.multi === "boolean" && options.multi !== this.multi && options.multi !== true) throw new UsageGraphError("Graph.copy: cannot create an incompatible copy by downgrading a multi graph to a simple one because this would mean losing information about the current graph.");
		if (typeof options.allowSelfLoops === "boolean" && options.allowSelfLoops !== this.allowSelfLoops && options.allowSelfLoops !== true) throw new UsageGraphError("Graph.copy: cannot create an incompatible copy from a graph allowing self loops to one that does not because this would mean losing information about the current graph.");
		const graph = this.emptyCopy(options);
		const iterator = this._edges.values();
		let step, edgeData;
		while (step = iterator.next(), step.done !== true) {
			edgeData = step.value;
			addEdge(graph, "copy", false, edgeData.undirected, edgeData.key, edgeData.source.key, edgeData.target.key, assign({}, edgeData.attributes));
		}
		return graph;
	}
	/**---------------------------------------------------------------------------
	* Known methods
	**---------------------------------------------------------------------------
	*/
	/**
	* Method used by JavaScript to perform JSON serialization.
	*
	* @return {object} - The serialized graph.
	*/
	toJSON() {
		return this.export();
	}
	/**
	* Method returning [object Graph].
	*/
	toString() {
		return "[object Graph]";
	}
	/**
	* Method used internally by node's console to display a custom object.
	*
	* @return {object} - Formatted object representation of the graph.
	*/
	inspect() {
		const nodes = {};
		this._nodes.forEach((data, key) => {
			nodes[key] = data.attributes;
		});
		const edges = {}, multiIndex = {};
		this._edges.forEach((data, key) => {
			const direction = data.undirected ? "--" : "->";
			let label = "";
			let source = data.source.key;
			let target = data.target.key;
			let tmp;
			if (data.undirected && source > target) {
				tmp = source;
				source = target;
				target = tmp;
			}
			const desc = `(${source})${direction}(${target})`;
			if (!key.startsWith("geid_")) label += `[${key}]: `;
			else if (this.multi) {
				if (typeof multiIndex[desc] === "undefined") multiIndex[desc] = 0;
				else multiIndex[desc]++;
				label += `${multiIndex[desc]}. `;
			}
			label += desc;
			edges[label] = data.attributes;
		});
		const dummy = {};
		for (const k in this) if (this.hasOwnProperty(k) && !EMITTER_PROPS.has(k) && typeof this[k] !== "function" && typeof k !== "symbol") dummy[k] = this[k];
		dummy.attributes = this._attributes;
		dummy.nodes = nodes;
		dummy.edges = edges;
		privateProperty(dummy, "constructor", this.constructor);
		return dummy;
	}
};
/**
* Attaching methods to the prototype.
*
* Here, we are attaching a wide variety of methods to the Graph class'
* prototype when those are very numerous and when their creation is
* abstracted.
*/
/**
* Attaching custom inspect method for node >= 10.
*/
if (typeof Symbol !== "undefined") Graph.prototype[Symbol.for("nodejs.util.inspect.custom")] = Graph.prototype.inspect;
/**
* Related to edge addition.
*/
EDGE_ADD_METHODS.forEach((method) => {
	[
		"add",
		"merge",
		"update"
	].forEach((verb) => {
		const name = method.name(verb);
		const fn = verb === "add" ? addEdge : mergeEdge;
		if (method.generateKey) Graph.prototype[name] = function(source, target, attributes) {
			return fn(this, name, true, (method.type || this.type) === "undirected", null, source, target, attributes, verb === "update");
		};
		else Graph.prototype[name] = function(edge, source, target, attributes) {
			return fn(this, name, false, (method.type || this.type) === "undirected", edge, source, target, attributes, verb === "update");
		};
	});
});
/**
* Attributes-related.
*/
attachNodeAttributesMethods(Graph);
attachEdgeAttributesMethods(Graph);
/**
* Edge iteration-related.
*/
attachEdgeIterationMethods(Graph);
/**
* Neighbor iteration-related.
*/
attachNeighborIterationMethods(Graph);
/**
* Graphology Helper Classes
* ==========================
*
* Building some higher-order classes instantiating the graph with
* predefinite options.
*/
/**
* Alternative constructors.
*/
var DirectedGraph = class extends Graph {
	constructor(options) {
		const finalOptions = assign({ type: "directed" }, options);
		if ("multi" in finalOptions && finalOptions.multi !== false) throw new InvalidArgumentsGraphError("DirectedGraph.from: inconsistent indication that the graph should be multi in given options!");
		if (finalOptions.type !== "directed") throw new InvalidArgumentsGraphError("DirectedGraph.from: inconsistent \"" + finalOptions.type + "\" type in given options!");
		super(finalOptions);
	}
};
var UndirectedGraph = class extends Graph {
	constructor(options) {
		const finalOptions = assign({ type: "undirected" }, options);
		if ("multi" in finalOptions && finalOptions.multi !== false) throw new InvalidArgumentsGraphError("UndirectedGraph.from: inconsistent indication that the graph should be multi in given options!");
		if (finalOptions.type !== "undirected") throw new InvalidArgumentsGraphError("UndirectedGraph.from: inconsistent \"" + finalOptions.type + "\" type in given options!");
		super(finalOptions);
	}
};
var MultiGraph = class extends Graph {
	constructor(options) {
		const finalOptions = assign({ multi: true }, options);
		if ("multi" in finalOptions && finalOptions.multi !== true) throw new InvalidArgumentsGraphError("MultiGraph.from: inconsistent indication that the graph should be simple in given options!");
		super(finalOptions);
	}
};
var MultiDirectedGraph = class extends Graph {
	constructor(options) {
		const finalOptions = assign({
			type: "directed",
			multi: true
		}, options);
		if ("multi" in finalOptions && finalOptions.multi !== true) throw new InvalidArgumentsGraphError("MultiDirectedGraph.from: inconsistent indication that the graph should be simple in given options!");
		if (finalOptions.type !== "directed") throw new InvalidArgumentsGraphError("MultiDirectedGraph.from: inconsistent \"" + finalOptions.type + "\" type in given options!");
		super(finalOptions);
	}
};
var MultiUndirectedGraph = class extends Graph {
	constructor(options) {
		const finalOptions = assign({
			type: "undirected",
			multi: true
		}, options);
		if ("multi" in finalOptions && finalOptions.multi !== true) throw new InvalidArgumentsGraphError("MultiUndirectedGraph.from: inconsistent indication that the graph should be simple in given options!");
		if (finalOptions.type !== "undirected") throw new InvalidArgumentsGraphError("MultiUndirectedGraph.from: inconsistent \"" + finalOptions.type + "\" type in given options!");
		super(finalOptions);
	}
};
/**
* Attaching static #.from method to each of the constructors.
*/
function attachStaticFromMethod(Class) {
	/**
	* Builds a graph from serialized data or another graph's data.
	*
	* @param  {Graph|SerializedGraph} data      - Hydratation data.
	* @param  {object}                [options] - Options.
	* @return {Class}
	*/
	Class.from = function(data, options) {
		const instance = new Class(assign({}, data.options, options));
		instance.import(data);
		return instance;
	};
}
attachStaticFromMethod(Graph);
attachStaticFromMethod(DirectedGraph);
attachStaticFromMethod(UndirectedGraph);
attachStaticFromMethod(MultiGraph);
attachStaticFromMethod(MultiDirectedGraph);
attachStaticFromMethod(MultiUndirectedGraph);
Graph.Graph = Graph;
Graph.DirectedGraph = DirectedGraph;
Graph.UndirectedGraph = UndirectedGraph;
Graph.MultiGraph = MultiGraph;
Graph.MultiDirectedGraph = MultiDirectedGraph;
Graph.MultiUndirectedGraph = MultiUndirectedGraph;
Graph.InvalidArgumentsGraphError = InvalidArgumentsGraphError;
Graph.NotFoundGraphError = NotFoundGraphError;
Graph.UsageGraphError = UsageGraphError;
// node_modules/graphology-utils/is-graph.js
var require_is_graph = /* @__PURE__ */ __commonJSMin(((exports, module) => {
	/**
	* Graphology isGraph
	* ===================
	*
	* Very simple function aiming at ensuring the given variable is a
	* graphology instance.
	*/
	/**
	* Checking the value is a graphology instance.
	*
	* @param  {any}     value - Target value.
	* @return {boolean}
	*/
	module.exports = function isGraph(value) {
		return value !== null && typeof value === "object" && typeof value.addUndirectedEdgeWithKey === "function" && typeof value.dropNode === "function" && typeof value.multi === "boolean";
	};
}));
// node_modules/obliterator/iterator.js
var require_iterator = /* @__PURE__ */ __commonJSMin(((exports, module) => {
	/**
	* Obliterator Iterator Class
	* ===========================
	*
	* Simple class representing the library's iterators.
	*/
	/**
	* Iterator class.
	*
	* @constructor
	* @param {function} next - Next function.
	*/
	function Iterator(next) {
		if (typeof next !== "function") throw new Error("obliterator/iterator: expecting a function!");
		this.next = next;
	}
	/**
	* If symbols are supported, we add `next` to `Symbol.iterator`.
	*/
	if (typeof Symbol !== "undefined") Iterator.prototype[Symbol.iterator] = function() {
		return this;
	};
	/**
	* Returning an iterator of the given values.
	*
	* @param  {any...} values - Values.
	* @return {Iterator}
	*/
	Iterator.of = function() {
		var args = arguments, l = args.length, i = 0;
		return new Iterator(function() {
			if (i >= l) return { done: true };
			return {
				done: false,
				value: args[i++]
			};
		});
	};
	/**
	* Returning an empty iterator.
	*
	* @return {Iterator}
	*/
	Iterator.empty = function() {
		return new Iterator(function() {
			return { done: true };
		});
	};
	/**
	* Returning an iterator over the given indexed sequence.
	*
	* @param  {string|Array} sequence - Target sequence.
	* @return {Iterator}
	*/
	Iterator.fromSequence = function(sequence) {
		var i = 0, l = sequence.length;
		return new Iterator(function() {
			if (i >= l) return { done: true };
			return {
				done: false,
				value: sequence[i++]
			};
		});
	};
	/**
	* Returning whether the given value is an iterator.
	*
	* @param  {any} value - Value.
	* @return {boolean}
	*/
	Iterator.is = function(value) {
		if (value instanceof Iterator) return true;
		return typeof value === "object" && value !== null && typeof value.next === "function";
	};
	/**
	* Exporting.
	*/
	module.exports = Iterator;
}));
// node_modules/obliterator/support.js
var require_support = /* @__PURE__ */ __commonJSMin(((exports) => {
	exports.ARRAY_BUFFER_SUPPORT = typeof ArrayBuffer !== "undefined";
	exports.SYMBOL_SUPPORT = typeof Symbol !== "undefined";
}));
// node_modules/obliterator/foreach.js
var require_foreach = /* @__PURE__ */ __commonJSMin(((exports, module) => {
	/**
	* Obliterator ForEach Function
	* =============================
	*
	* Helper function used to easily iterate over mixed values.
	*/
	var support = require_support();
	var ARRAY_BUFFER_SUPPORT = support.ARRAY_BUFFER_SUPPORT;
	var SYMBOL_SUPPORT = support.SYMBOL_SUPPORT;
	/**
	* Function able to iterate over almost any iterable JS value.
	*
	* @param  {any}      iterable - Iterable value.
	* @param  {function} callback - Callback function.
	*/
	module.exports = function forEach(iterable, callback) {
		var iterator, k, i, l, s;
		if (!iterable) throw new Error("obliterator/forEach: invalid iterable.");
		if (typeof callback !== "function") throw new Error("obliterator/forEach: expecting a callback.");
		if (Array.isArray(iterable) || ARRAY_BUFFER_SUPPORT && ArrayBuffer.isView(iterable) || typeof iterable === "string" || iterable.toString() === "[object Arguments]") {
			for (i = 0, l = iterable.length; i < l; i++) callback(iterable[i], i);
			return;
		}
		if (typeof iterable.forEach === "function") {
			iterable.forEach(callback);
			return;
		}
		if (SYMBOL_SUPPORT && Symbol.iterator in iterable && typeof iterable.next !== "function") iterable = iterable[Symbol.iterator]();
		if (typeof iterable.next === "function") {
			iterator = iterable;
			i = 0;
			while (s = iterator.next(), s.done !== true) {
				callback(s.value, i);
				i++;
			}
			return;
		}
		for (k in iterable) if (iterable.hasOwnProperty(k)) callback(iterable[k], k);
	};
}));
// node_modules/mnemonist/queue.js
var require_queue = /* @__PURE__ */ __commonJSMin(((exports, module) => {
	/**
	* Mnemonist Queue
	* ================
	*
	* Queue implementation based on the ideas of Queue.js that seems to beat
	* a LinkedList one in performance.
	*/
	var Iterator = require_iterator();
	var forEach = require_foreach();
	/**
	* Queue
	*
	* @constructor
	*/
	function Queue() {
		this.clear();
	}
	/**
	* Method used to clear the queue.
	*
	* @return {undefined}
	*/
	Queue.prototype.clear = function() {
		this.items = [];
		this.offset = 0;
		this.size = 0;
	};
	/**
	* Method used to add an item to the queue.
	*
	* @param  {any}    item - Item to enqueue.
	* @return {number}
	*/
	Queue.prototype.enqueue = function(item) {
		this.items.push(item);
		return ++this.size;
	};
	/**
	* Method used to retrieve & remove the first item of the queue.
	*
	* @return {any}
	*/
	Queue.prototype.dequeue = function() {
		if (!this.size) return;
		var item = this.items[this.offset];
		if (++this.offset * 2 >= this.items.length) {
			this.items = this.items.slice(this.offset);
			this.offset = 0;
		}
		this.size--;
		return item;
	};
	/**
	* Method used to retrieve the first item of the queue.
	*
	* @return {any}
	*/
	Queue.prototype.peek = function() {
		if (!this.size) return;
		return this.items[this.offset];
	};
	/**
	* Method used to iterate over the queue.
	*
	* @param  {function}  callback - Function to call for each item.
	* @param  {object}    scope    - Optional scope.
	* @return {undefined}
	*/
	Queue.prototype.forEach = function(callback, scope) {
		scope = arguments.length > 1 ? scope : this;
		for (var i = this.offset, j = 0, l = this.items.length; i < l; i++, j++) callback.call(scope, this.items[i], j, this);
	};
	Queue.prototype.toArray = function() {
		return this.items.slice(this.offset);
	};
	/**
	* Method used to create an iterator over a queue's values.
	*
	* @return {Iterator}
	*/
	Queue.prototype.values = function() {
		var items = this.items, i = this.offset;
		return new Iterator(function() {
			if (i >= items.length) return { done: true };
			var value = items[i];
			i++;
			return {
				value,
				done: false
			};
		});
	};
	/**
	* Method used to create an iterator over a queue's entries.
	*
	* @return {Iterator}
	*/
	Queue.prototype.entries = function() {
		var items = this.items, i = this.offset, j = 0;
		return new Iterator(function() {
			if (i >= items.length) return { done: true };
			var value = items[i];
			i++;
			return {
				value: [j++, value],
				done: false
			};
		});
	};
	/**
	* Attaching the #.values method to Symbol.iterator if possible.
	*/
	if (typeof Symbol !== "undefined") Queue.prototype[Symbol.iterator] = Queue.prototype.values;
	/**
	* Convenience known methods.
	*/
	Queue.prototype.toString = function() {
		return this.toArray().join(",");
	};
	Queue.prototype.toJSON = function() {
		return this.toArray();
	};
	Queue.prototype.inspect = function() {
		var array = this.toArray();
		Object.defineProperty(array, "constructor", {
			value: Queue,
			enumerable: false
		});
		return array;
	};
	if (typeof Symbol !== "undefined") Queue.prototype[Symbol.for("nodejs.util.inspect.custom")] = Queue.prototype.inspect;
	/**
	* Static @.from function taking an arbitrary iterable & converting it into
	* a queue.
	*
	* @param  {Iterable} iterable   - Target iterable.
	* @return {Queue}
	*/
	Queue.from = function(iterable) {
		var queue = new Queue();
		forEach(iterable, function(value) {
			queue.enqueue(value);
		});
		return queue;
	};
	/**
	* Static @.of function taking an arbitrary number of arguments & converting it
	* into a queue.
	*
	* @param  {...any} args
	* @return {Queue}
	*/
	Queue.of = function() {
		return Queue.from(arguments);
	};
	/**
	* Exporting.
	*/
	module.exports = Queue;
}));
// node_modules/@yomguithereal/helpers/extend.js
var require_extend = /* @__PURE__ */ __commonJSMin(((exports, module) => {
	/**
	* Extend function
	* ================
	*
	* Function used to push a bunch of values into an array at once.
	*
	* Its strategy is to mutate target array's length then setting the new indices
	* to be the values to add.
	*
	* A benchmark proved that it is faster than the following strategies:
	*   1) `array.push.apply(array, values)`.
	*   2) A loop of pushes.
	*   3) `array = array.concat(values)`, obviously.
	*
	* Intuitively, this is correct because when adding a lot of elements, the
	* chosen strategies does not need to handle the `arguments` object to
	* execute #.apply's variadicity and because the array know its final length
	* at the beginning, avoiding potential multiple reallocations of the underlying
	* contiguous array. Some engines may be able to optimize the loop of push
	* operations but empirically they don't seem to do so.
	*/
	/**
	* Extends the target array with the given values.
	*
	* @param  {array} array  - Target array.
	* @param  {array} values - Values to add.
	*/
	module.exports = function extend(array, values) {
		var l2 = values.length;
		if (l2 === 0) return;
		var l1 = array.length;
		array.length += l2;
		for (var i = 0; i < l2; i++) array[l1 + i] = values[i];
	};
}));
// dist/topology/routing.js
var import_unweighted = (/* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* Graphology Unweighted Shortest Path
	* ====================================
	*
	* Basic algorithms to find the shortest paths between nodes in a graph
	* whose edges are not weighted.
	*/
	var isGraph = require_is_graph();
	require_queue();
	var extend = require_extend();
	/**
	* Function attempting to find the shortest path lengths in the graph between
	* the given source node & all the other nodes.
	*
	* @param  {string} method - Neighbor collection method name.
	* @param  {Graph}  graph  - Target graph.
	* @param  {any}    source - Source node.
	* @return {object}        - The map of found path lengths.
	*/
	function asbtractSingleSourceLength(method, graph, source) {
		if (!isGraph(graph)) throw new Error("graphology-shortest-path: invalid graphology instance.");
		if (!graph.hasNode(source)) throw new Error("graphology-shortest-path: the \"" + source + "\" source node does not exist in the given graph.");
		source = "" + source;
		var seen = /* @__PURE__ */ new Set();
		var lengths = {}, level = 0;
		lengths[source] = 0;
		var currentLevel = [source];
		var i, l, node;
		while (currentLevel.length !== 0) {
			var nextLevel = [];
			for (i = 0, l = currentLevel.length; i < l; i++) {
				node = currentLevel[i];
				if (seen.has(node)) continue;
				seen.add(node);
				extend(nextLevel, graph[method](node));
				lengths[node] = level;
			}
			level++;
			currentLevel = nextLevel;
		}
		return lengths;
	}
	var singleSourceLength = asbtractSingleSourceLength.bind(null, "outboundNeighbors");
	asbtractSingleSourceLength.bind(null, "neighbors");
	exports.singleSourceLength = singleSourceLength;
})))();
/** The subnets of a segment for one family, in order of appearance. */
function subnetsOf(seg, family, addrs) {
	const seen = /* @__PURE__ */ new Map();
	for (const e of seg.endpoints) for (const a of addrs(e)) {
		if (a.family !== family) continue;
		const n = networkOf(a);
		seen.set(formatCidr(n), n);
	}
	return [...seen.values()];
}
/** An address of endpoint e inside subnet net. */
function addressIn(e, net, addrs) {
	return addrs(e).find((a) => contains(net, a));
}
/**
* Static routes from the lab's graph (`routing: static`). Routers and
* segments form a bipartite graph (hosts do not forward, so paths never cross
* them). For every subnet a router is not on, the next hop is the neighbour
* router one step closer to it (graphology BFS from the subnet's segment);
* ties go to the earliest segment, then the lowest next-hop address, so the
* result is deterministic. Every host gets a default route through a router
* on its own segments. Routes the user wrote for the same destination win.
* Since every router learns every prefix, return paths exist by construction.
* With an uplink, its node's default route leads to the machine and every
* other router's default route leads toward that node.
*/
function computeRoutes(nodes, segments, addrs, uplink) {
	const out = /* @__PURE__ */ new Map();
	const isRouter = (n) => nodes.get(n)?.kind === "router";
	const g = new UndirectedGraph();
	for (const seg of segments) g.addNode(`s${seg.index}`);
	for (const n of nodes.values()) if (n.kind === "router") g.addNode(`n:${n.name}`);
	for (const seg of segments) for (const e of seg.endpoints) if (isRouter(e.node) && !g.hasEdge(`n:${e.node}`, `s${seg.index}`)) g.addEdge(`n:${e.node}`, `s${seg.index}`);
	for (const node of nodes.values()) {
		if (node.routing !== "static" || node.kind === "bridge") continue;
		const written = new Set(node.routes.map((r) => `${r.dst.family}:${formatCidr(networkOf(r.dst))}`));
		const routes = [];
		const add = (dst, via) => {
			const key = `${dst.family}:${formatCidr(networkOf(dst))}`;
			if (written.has(key)) return;
			written.add(key);
			routes.push({
				dst,
				via,
				pos: node.pos,
				field: `${node.field}.routing`,
				computed: true
			});
		};
		const mine = segments.filter((s) => s.endpoints.some((e) => e.node === node.name));
		for (const family of [4, 6]) {
			if (node.kind === "host") {
				for (const seg of mine) {
					const own = seg.endpoints.find((e) => e.node === node.name);
					const net = own && subnetsOf(seg, family, addrs).find((n) => addrs(own).some((a) => contains(n, a)));
					if (!net) continue;
					const gw = seg.endpoints.filter((e) => isRouter(e.node)).map((e) => addressIn(e, net, addrs)).find(Boolean);
					if (gw) {
						add({
							family,
							bytes: new Uint8Array(family === 4 ? 4 : 16),
							prefix: 0
						}, gw);
						break;
					}
				}
				continue;
			}
			const connected = new Set(mine.map((s) => s.index));
			for (const target of segments) {
				if (connected.has(target.index)) continue;
				const nets = subnetsOf(target, family, addrs);
				if (nets.length === 0) continue;
				const dist = (0, import_unweighted.singleSourceLength)(g, `s${target.index}`);
				const myDist = dist[`n:${node.name}`];
				if (myDist === void 0) continue;
				let best;
				for (const seg of mine) {
					const own = seg.endpoints.find((e) => e.node === node.name);
					for (const peer of seg.endpoints) {
						if (peer.node === node.name || !isRouter(peer.node)) continue;
						if (dist[`n:${peer.node}`] !== myDist - 2) continue;
						const shared = own && subnetsOf(seg, family, addrs).find((n) => addrs(own).some((a) => contains(n, a)));
						const via = shared && addressIn(peer, shared, addrs);
						if (!via) continue;
						if (!best || seg.index < best.seg || seg.index === best.seg && compareBytes(via.bytes, best.via.bytes) < 0) best = {
							seg: seg.index,
							via
						};
					}
				}
				if (best) for (const net of nets) add(net, best.via);
			}
		}
		if (uplink && node.kind === "router") {
			const zero = {
				family: 4,
				bytes: /* @__PURE__ */ new Uint8Array(4),
				prefix: 0
			};
			if (node.name === uplink.node) add(zero, uplink.hostAddress);
			else {
				const via = nextHopToward(uplink.node, node.name, mine, g, addrs);
				if (via) add(zero, via);
			}
		}
		if (uplink && node.kind === "host" && node.name === uplink.node) add({
			family: 4,
			bytes: /* @__PURE__ */ new Uint8Array(4),
			prefix: 0
		}, uplink.hostAddress);
		if (routes.length > 0) out.set(node.name, routes);
	}
	return out;
}
/** The IPv4 next hop from router `from` toward router `to` (a neighbour one step nearer). */
function nextHopToward(to, from, mine, g, addrs) {
	if (!g.hasNode(`n:${to}`)) return void 0;
	const dist = (0, import_unweighted.singleSourceLength)(g, `n:${to}`);
	const myDist = dist[`n:${from}`];
	if (myDist === void 0) return void 0;
	let best;
	for (const seg of mine) {
		const own = seg.endpoints.find((e) => e.node === from);
		for (const peer of seg.endpoints) {
			if (peer.node === from || dist[`n:${peer.node}`] !== myDist - 2) continue;
			const shared = own && subnetsOf(seg, 4, addrs).find((n) => addrs(own).some((a) => contains(n, a)));
			const via = shared && addressIn(peer, shared, addrs);
			if (via && (!best || seg.index < best.seg || seg.index === best.seg && compareBytes(via.bytes, best.via.bytes) < 0)) best = {
				seg: seg.index,
				via
			};
		}
	}
	return best?.via;
}
function compareBytes(a, b) {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
	return a.length - b.length;
}
// dist/topology/segments.js
/** Group the links' routed endpoints into segments (bridges join what touches them). */
function segmentsOf(nodes, links) {
	const isBridge = (n) => nodes.get(n)?.kind === "bridge";
	const parent = /* @__PURE__ */ new Map();
	const find = (x) => {
		let r = x;
		while (parent.get(r) !== void 0 && parent.get(r) !== r) r = parent.get(r);
		parent.set(x, r);
		return r;
	};
	const union = (a, b) => {
		const ra = find(a);
		const rb = find(b);
		if (ra !== rb) parent.set(rb, ra);
	};
	const keyOf = (l, i) => {
		const bridges = [l.a, l.b].filter((e) => isBridge(e.node)).map((e) => `b:${e.node}`);
		for (const b of bridges) if (!parent.has(b)) parent.set(b, b);
		if (bridges.length === 2) union(bridges[0], bridges[1]);
		if (bridges.length > 0) return bridges[0];
		const k = `l:${i}`;
		parent.set(k, k);
		return k;
	};
	const keys = links.map(keyOf);
	const byRoot = /* @__PURE__ */ new Map();
	links.forEach((l, i) => {
		const root = find(keys[i]);
		const seg = byRoot.get(root) ?? {
			endpoints: [],
			bridged: root.startsWith("b:"),
			first: i
		};
		for (const e of [l.a, l.b]) if (!isBridge(e.node)) seg.endpoints.push(e);
		byRoot.set(root, seg);
	});
	return [...byRoot.values()].sort((x, y) => x.first - y.first).map((s, index) => ({
		index,
		endpoints: s.endpoints,
		p2p: !s.bridged && s.endpoints.length === 2
	}));
}
// dist/topology/shape.js
/** What a YAML node is, in the words messages use. */
function nodeType(f) {
	if (f.isNull) return "null";
	if (f.isMap) return "map";
	if (f.isSeq) return "list";
	const v = f.value;
	if (typeof v === "boolean") return "boolean";
	if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
	return "string";
}
function expected(spec) {
	switch (spec.kind) {
		case "string": return spec.enum ? `one of ${spec.enum.join(", ")}` : spec.example ? `a string such as '${spec.example}'` : "a string";
		case "integer": return `a whole number (${spec.min}–${spec.max})`;
		case "number": return `a number (${spec.min}–${spec.max})`;
		case "boolean": return "true or false";
		case "map":
		case "dict": return "a map";
		case "list": return "a list";
		case "oneOf": return spec.options.map(expected).join(", or ");
	}
}
/** Does this node have the YAML type this spec wants? (Numbers may stand for strings, as YAML reads 22 or 1.5.) */
function matches(f, spec) {
	const t = nodeType(f);
	switch (spec.kind) {
		case "string": return t === "string" || t === "integer" || t === "number";
		case "integer": return t === "integer";
		case "number": return t === "integer" || t === "number";
		case "boolean": return t === "boolean";
		case "map": return t === "map" || t === "null" && !spec.required?.length;
		case "dict": return t === "map" || t === "null";
		case "list": return t === "list";
		case "oneOf": return spec.options.some((o) => matches(f, o));
	}
}
/**
* Check a value's shape against the spec: types, known keys (with a
* suggestion for a misspelt one), required keys, enums, ranges and patterns.
* Reports every problem to the Field's diagnostics; meaning is the loader's.
*/
function checkShape(f, spec) {
	if (!matches(f, spec)) {
		f.error(`expected ${expected(spec)}, found ${f.describe()}`);
		return;
	}
	switch (spec.kind) {
		case "string": {
			const text = f.text ?? "";
			if (spec.enum && !spec.enum.includes(text)) f.error(`unknown ${f.key} '${text}' (expected ${orList(spec.enum)})${didYouMean(text, spec.enum)}`);
			else if (spec.pattern && !new RegExp(spec.pattern).test(text)) f.error(`${label(spec.format, f.key)} '${text}' ${patternWords(spec.pattern)}`);
			return;
		}
		case "integer":
		case "number": {
			const v = f.value;
			if (v < spec.min || v > spec.max) f.error(`${v} is out of range (${spec.min}–${spec.max})`);
			return;
		}
		case "boolean": return;
		case "map":
			checkMap(f, spec);
			return;
		case "dict":
			for (const e of f.isNull ? [] : f.entries() ?? []) {
				if (spec.keyPattern && !new RegExp(spec.keyPattern).test(e.key)) {
					e.error(`${spec.keyLabel ?? "name"} '${e.key}' ${patternWords(spec.keyPattern)}`);
					continue;
				}
				checkShape(e, spec.values);
			}
			return;
		case "list": {
			const items = f.items() ?? [];
			if (spec.minItems !== void 0 && items.length < spec.minItems) f.error(`needs at least ${spec.minItems} item${spec.minItems === 1 ? "" : "s"}, found ${items.length}`);
			for (const item of items) checkShape(item, spec.items);
			return;
		}
		case "oneOf": {
			const option = spec.options.find((o) => matches(f, o));
			if (option) checkShape(f, option);
			return;
		}
	}
}
function checkMap(f, spec) {
	if (f.isNull) return;
	const known = Object.keys(spec.fields);
	f.checkKeys(known, spec.ignored ?? []);
	for (const key of spec.required ?? []) if (!f.has(key)) f.error(`missing '${key}'${spec.fields[key] ? ` (${firstSentence(spec.fields[key].doc)})` : ""}`);
	for (const [key, sub] of Object.entries(spec.fields)) {
		const child = f.get(key);
		if (!child.isNull || child.isNull && f.has(key)) {
			if (!child.isNull) checkShape(child, sub);
		}
	}
}
function firstSentence(doc) {
	const i = doc.indexOf(". ");
	return (i < 0 ? doc : doc.slice(0, i)).replace(/\.$/, "").replaceAll("`", "");
}
function orList(words) {
	return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
const LABELS = {
	"lab-name": "lab name",
	node: "node name",
	group: "group name",
	"lan-name": "LAN name"
};
function label(format, key) {
	return (format && LABELS[format]) ?? key;
}
function patternWords(pattern) {
	if (pattern === "^[A-Za-z0-9][A-Za-z0-9_-]*$") return "must start with a letter or digit and contain only letters, digits, - and _ (it becomes part of namespace names)";
	if (pattern.startsWith("^[0-9a-fA-F]{2}")) return "is not a MAC address (write six hex pairs, aa:bb:cc:dd:ee:ff)";
	if (pattern === "^(host|linux|router|bridge)$") return "is not a kind (host, linux, router or bridge)";
	if (pattern.startsWith("^net")) return "is not a network sysctl: only net.* belong to a node’s network namespace";
	return `does not match ${pattern}`;
}
// node_modules/yaml/dist/nodes/identity.js
var require_identity = /* @__PURE__ */ __commonJSMin(((exports) => {
	const ALIAS = Symbol.for("yaml.alias");
	const DOC = Symbol.for("yaml.document");
	const MAP = Symbol.for("yaml.map");
	const PAIR = Symbol.for("yaml.pair");
	const SCALAR = Symbol.for("yaml.scalar");
	const SEQ = Symbol.for("yaml.seq");
	const NODE_TYPE = Symbol.for("yaml.node.type");
	const isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
		if (node && typeof node === "object") switch (node[NODE_TYPE]) {
			case MAP:
			case SEQ: return true;
		}
		return false;
	}
	function isNode(node) {
		if (node && typeof node === "object") switch (node[NODE_TYPE]) {
			case ALIAS:
			case MAP:
			case SCALAR:
			case SEQ: return true;
		}
		return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
	exports.ALIAS = ALIAS;
	exports.DOC = DOC;
	exports.MAP = MAP;
	exports.NODE_TYPE = NODE_TYPE;
	exports.PAIR = PAIR;
	exports.SCALAR = SCALAR;
	exports.SEQ = SEQ;
	exports.hasAnchor = hasAnchor;
	exports.isAlias = isAlias;
	exports.isCollection = isCollection;
	exports.isDocument = isDocument;
	exports.isMap = isMap;
	exports.isNode = isNode;
	exports.isPair = isPair;
	exports.isScalar = isScalar;
	exports.isSeq = isSeq;
}));
// node_modules/yaml/dist/visit.js
var require_visit = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	const BREAK = Symbol("break visit");
	const SKIP = Symbol("skip children");
	const REMOVE = Symbol("remove node");
	/**
	* Apply a visitor to an AST node or document.
	*
	* Walks through the tree (depth-first) starting from `node`, calling a
	* `visitor` function with three arguments:
	*   - `key`: For sequence values and map `Pair`, the node's index in the
	*     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	*     `null` for the root node.
	*   - `node`: The current node.
	*   - `path`: The ancestry of the current node.
	*
	* The return value of the visitor may be used to control the traversal:
	*   - `undefined` (default): Do nothing and continue
	*   - `visit.SKIP`: Do not visit the children of this node, continue with next
	*     sibling
	*   - `visit.BREAK`: Terminate traversal completely
	*   - `visit.REMOVE`: Remove the current node, then continue with the next one
	*   - `Node`: Replace the current node, then continue by visiting it
	*   - `number`: While iterating the items of a sequence or map, set the index
	*     of the next step. This is useful especially if the index of the current
	*     node has changed.
	*
	* If `visitor` is a single function, it will be called with all values
	* encountered in the tree, including e.g. `null` values. Alternatively,
	* separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	* `Alias` and `Scalar` node. To define the same visitor function for more than
	* one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	* and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	* specific defined one will be used for each node.
	*/
	function visit(node, visitor) {
		const visitor_ = initVisitor(visitor);
		if (identity.isDocument(node)) {
			if (visit_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE) node.contents = null;
		} else visit_(null, node, visitor_, Object.freeze([]));
	}
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit.SKIP = SKIP;
	/** Remove the current node */
	visit.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
		const ctrl = callVisitor(key, node, visitor, path);
		if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
			replaceNode(key, path, ctrl);
			return visit_(key, ctrl, visitor, path);
		}
		if (typeof ctrl !== "symbol") {
			if (identity.isCollection(node)) {
				path = Object.freeze(path.concat(node));
				for (let i = 0; i < node.items.length; ++i) {
					const ci = visit_(i, node.items[i], visitor, path);
					if (typeof ci === "number") i = ci - 1;
					else if (ci === BREAK) return BREAK;
					else if (ci === REMOVE) {
						node.items.splice(i, 1);
						i -= 1;
					}
				}
			} else if (identity.isPair(node)) {
				path = Object.freeze(path.concat(node));
				const ck = visit_("key", node.key, visitor, path);
				if (ck === BREAK) return BREAK;
				else if (ck === REMOVE) node.key = null;
				const cv = visit_("value", node.value, visitor, path);
				if (cv === BREAK) return BREAK;
				else if (cv === REMOVE) node.value = null;
			}
		}
		return ctrl;
	}
	/**
	* Apply an async visitor to an AST node or document.
	*
	* Walks through the tree (depth-first) starting from `node`, calling a
	* `visitor` function with three arguments:
	*   - `key`: For sequence values and map `Pair`, the node's index in the
	*     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	*     `null` for the root node.
	*   - `node`: The current node.
	*   - `path`: The ancestry of the current node.
	*
	* The return value of the visitor may be used to control the traversal:
	*   - `Promise`: Must resolve to one of the following values
	*   - `undefined` (default): Do nothing and continue
	*   - `visit.SKIP`: Do not visit the children of this node, continue with next
	*     sibling
	*   - `visit.BREAK`: Terminate traversal completely
	*   - `visit.REMOVE`: Remove the current node, then continue with the next one
	*   - `Node`: Replace the current node, then continue by visiting it
	*   - `number`: While iterating the items of a sequence or map, set the index
	*     of the next step. This is useful especially if the index of the current
	*     node has changed.
	*
	* If `visitor` is a single function, it will be called with all values
	* encountered in the tree, including e.g. `null` values. Alternatively,
	* separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	* `Alias` and `Scalar` node. To define the same visitor function for more than
	* one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	* and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	* specific defined one will be used for each node.
	*/
	async function visitAsync(node, visitor) {
		const visitor_ = initVisitor(visitor);
		if (identity.isDocument(node)) {
			if (await visitAsync_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE) node.contents = null;
		} else await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
		const ctrl = await callVisitor(key, node, visitor, path);
		if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
			replaceNode(key, path, ctrl);
			return visitAsync_(key, ctrl, visitor, path);
		}
		if (typeof ctrl !== "symbol") {
			if (identity.isCollection(node)) {
				path = Object.freeze(path.concat(node));
				for (let i = 0; i < node.items.length; ++i) {
					const ci = await visitAsync_(i, node.items[i], visitor, path);
					if (typeof ci === "number") i = ci - 1;
					else if (ci === BREAK) return BREAK;
					else if (ci === REMOVE) {
						node.items.splice(i, 1);
						i -= 1;
					}
				}
			} else if (identity.isPair(node)) {
				path = Object.freeze(path.concat(node));
				const ck = await visitAsync_("key", node.key, visitor, path);
				if (ck === BREAK) return BREAK;
				else if (ck === REMOVE) node.key = null;
				const cv = await visitAsync_("value", node.value, visitor, path);
				if (cv === BREAK) return BREAK;
				else if (cv === REMOVE) node.value = null;
			}
		}
		return ctrl;
	}
	function initVisitor(visitor) {
		if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) return Object.assign({
			Alias: visitor.Node,
			Map: visitor.Node,
			Scalar: visitor.Node,
			Seq: visitor.Node
		}, visitor.Value && {
			Map: visitor.Value,
			Scalar: visitor.Value,
			Seq: visitor.Value
		}, visitor.Collection && {
			Map: visitor.Collection,
			Seq: visitor.Collection
		}, visitor);
		return visitor;
	}
	function callVisitor(key, node, visitor, path) {
		if (typeof visitor === "function") return visitor(key, node, path);
		if (identity.isMap(node)) return visitor.Map?.(key, node, path);
		if (identity.isSeq(node)) return visitor.Seq?.(key, node, path);
		if (identity.isPair(node)) return visitor.Pair?.(key, node, path);
		if (identity.isScalar(node)) return visitor.Scalar?.(key, node, path);
		if (identity.isAlias(node)) return visitor.Alias?.(key, node, path);
	}
	function replaceNode(key, path, node) {
		const parent = path[path.length - 1];
		if (identity.isCollection(parent)) parent.items[key] = node;
		else if (identity.isPair(parent)) {
			if (key === "key") parent.key = node;
			else parent.value = node;
		} else if (identity.isDocument(parent)) parent.contents = node;
		else {
			const pt = identity.isAlias(parent) ? "alias" : "scalar";
			throw new Error(`Cannot replace node with ${pt} parent`);
		}
	}
	exports.visit = visit;
	exports.visitAsync = visitAsync;
}));
// node_modules/yaml/dist/doc/directives.js
var require_directives = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var visit = require_visit();
	const escapeChars = {
		"!": "%21",
		",": "%2C",
		"[": "%5B",
		"]": "%5D",
		"{": "%7B",
		"}": "%7D"
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
	var Directives = class Directives {
		constructor(yaml, tags) {
			/**
			* The directives-end/doc-start marker `---`. If `null`, a marker may still be
			* included in the document's stringified representation.
			*/
			this.docStart = null;
			/** The doc-end marker `...`.  */
			this.docEnd = false;
			this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
			this.tags = Object.assign({}, Directives.defaultTags, tags);
		}
		clone() {
			const copy = new Directives(this.yaml, this.tags);
			copy.docStart = this.docStart;
			return copy;
		}
		/**
		* During parsing, get a Directives instance for the current document and
		* update the stream state according to the current version's spec.
		*/
		atDocument() {
			const res = new Directives(this.yaml, this.tags);
			switch (this.yaml.version) {
				case "1.1":
					this.atNextDocument = true;
					break;
				case "1.2":
					this.atNextDocument = false;
					this.yaml = {
						explicit: Directives.defaultYaml.explicit,
						version: "1.2"
					};
					this.tags = Object.assign({}, Directives.defaultTags);
			}
			return res;
		}
		/**
		* @param onError - May be called even if the action was successful
		* @returns `true` on success
		*/
		add(line, onError) {
			if (this.atNextDocument) {
				this.yaml = {
					explicit: Directives.defaultYaml.explicit,
					version: "1.1"
				};
				this.tags = Object.assign({}, Directives.defaultTags);
				this.atNextDocument = false;
			}
			const parts = line.trim().split(/[ \t]+/);
			const name = parts.shift();
			switch (name) {
				case "%TAG": {
					if (parts.length !== 2) {
						onError(0, "%TAG directive should contain exactly two parts");
						if (parts.length < 2) return false;
					}
					const [handle, prefix] = parts;
					this.tags[handle] = prefix;
					return true;
				}
				case "%YAML": {
					this.yaml.explicit = true;
					if (parts.length !== 1) {
						onError(0, "%YAML directive should contain exactly one part");
						return false;
					}
					const [version] = parts;
					if (version === "1.1" || version === "1.2") {
						this.yaml.version = version;
						return true;
					} else {
						const isValid = /^\d+\.\d+$/.test(version);
						onError(6, `Unsupported YAML version ${version}`, isValid);
						return false;
					}
				}
				default:
					onError(0, `Unknown directive ${name}`, true);
					return false;
			}
		}
		/**
		* Resolves a tag, matching handles to those defined in %TAG directives.
		*
		* @returns Resolved tag, which may also be the non-specific tag `'!'` or a
		*   `'!local'` tag, or `null` if unresolvable.
		*/
		tagName(source, onError) {
			if (source === "!") return "!";
			if (source[0] !== "!") {
				onError(`Not a valid tag: ${source}`);
				return null;
			}
			if (source[1] === "<") {
				const verbatim = source.slice(2, -1);
				if (verbatim === "!" || verbatim === "!!") {
					onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
					return null;
				}
				if (source[source.length - 1] !== ">") onError("Verbatim tags must end with a >");
				return verbatim;
			}
			const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
			if (!suffix) onError(`The ${source} tag has no suffix`);
			const prefix = this.tags[handle];
			if (prefix) try {
				return prefix + decodeURIComponent(suffix);
			} catch (error) {
				onError(String(error));
				return null;
			}
			if (handle === "!") return source;
			onError(`Could not resolve tag: ${source}`);
			return null;
		}
		/**
		* Given a fully resolved tag, returns its printable string form,
		* taking into account current tag prefixes and defaults.
		*/
		tagString(tag) {
			for (const [handle, prefix] of Object.entries(this.tags)) if (tag.startsWith(prefix)) return handle + escapeTagName(tag.substring(prefix.length));
			return tag[0] === "!" ? tag : `!<${tag}>`;
		}
		toString(doc) {
			const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
			const tagEntries = Object.entries(this.tags);
			let tagNames;
			if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
				const tags = {};
				visit.visit(doc.contents, (_key, node) => {
					if (identity.isNode(node) && node.tag) tags[node.tag] = true;
				});
				tagNames = Object.keys(tags);
			} else tagNames = [];
			for (const [handle, prefix] of tagEntries) {
				if (handle === "!!" && prefix === "tag:yaml.org,2002:") continue;
				if (!doc || tagNames.some((tn) => tn.startsWith(prefix))) lines.push(`%TAG ${handle} ${prefix}`);
			}
			return lines.join("\n");
		}
	};
	Directives.defaultYaml = {
		explicit: false,
		version: "1.2"
	};
	Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
	exports.Directives = Directives;
}));
// node_modules/yaml/dist/doc/anchors.js
var require_anchors = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var visit = require_visit();
	/**
	* Verify that the input string is a valid anchor.
	*
	* Will throw on errors.
	*/
	function anchorIsValid(anchor) {
		if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
			const msg = `Anchor must not contain whitespace or control characters: ${JSON.stringify(anchor)}`;
			throw new Error(msg);
		}
		return true;
	}
	function anchorNames(root) {
		const anchors = /* @__PURE__ */ new Set();
		visit.visit(root, { Value(_key, node) {
			if (node.anchor) anchors.add(node.anchor);
		} });
		return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
		for (let i = 1;; ++i) {
			const name = `${prefix}${i}`;
			if (!exclude.has(name)) return name;
		}
	}
	function createNodeAnchors(doc, prefix) {
		const aliasObjects = [];
		const sourceObjects = /* @__PURE__ */ new Map();
		let prevAnchors = null;
		return {
			onAnchor: (source) => {
				aliasObjects.push(source);
				prevAnchors ?? (prevAnchors = anchorNames(doc));
				const anchor = findNewAnchor(prefix, prevAnchors);
				prevAnchors.add(anchor);
				return anchor;
			},
			/**
			* With circular references, the source node is only resolved after all
			* of its child nodes are. This is why anchors are set only after all of
			* the nodes have been created.
			*/
			setAnchors: () => {
				for (const source of aliasObjects) {
					const ref = sourceObjects.get(source);
					if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) ref.node.anchor = ref.anchor;
					else {
						const error = /* @__PURE__ */ new Error("Failed to resolve repeated object (this should not happen)");
						error.source = source;
						throw error;
					}
				}
			},
			sourceObjects
		};
	}
	exports.anchorIsValid = anchorIsValid;
	exports.anchorNames = anchorNames;
	exports.createNodeAnchors = createNodeAnchors;
	exports.findNewAnchor = findNewAnchor;
}));
// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = /* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	* in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	* 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	*
	* Includes extensions for handling Map and Set objects.
	*/
	function applyReviver(reviver, obj, key, val) {
		if (val && typeof val === "object") {
			if (Array.isArray(val)) for (let i = 0, len = val.length; i < len; ++i) {
				const v0 = val[i];
				const v1 = applyReviver(reviver, val, String(i), v0);
				if (v1 === void 0) delete val[i];
				else if (v1 !== v0) val[i] = v1;
			}
			else if (val instanceof Map) for (const k of Array.from(val.keys())) {
				const v0 = val.get(k);
				const v1 = applyReviver(reviver, val, k, v0);
				if (v1 === void 0) val.delete(k);
				else if (v1 !== v0) val.set(k, v1);
			}
			else if (val instanceof Set) for (const v0 of Array.from(val)) {
				const v1 = applyReviver(reviver, val, v0, v0);
				if (v1 === void 0) val.delete(v0);
				else if (v1 !== v0) {
					val.delete(v0);
					val.add(v1);
				}
			}
			else for (const [k, v0] of Object.entries(val)) {
				const v1 = applyReviver(reviver, val, k, v0);
				if (v1 === void 0) delete val[k];
				else if (v1 !== v0) val[k] = v1;
			}
		}
		return reviver.call(obj, key, val);
	}
	exports.applyReviver = applyReviver;
}));
// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	/**
	* Recursively convert any node or its contents to native JavaScript
	*
	* @param value - The input value
	* @param arg - If `value` defines a `toJSON()` method, use this
	*   as its first argument
	* @param ctx - Conversion context, originally set in Document#toJS(). If
	*   `{ keep: true }` is not set, output should be suitable for JSON
	*   stringification.
	*/
	function toJS(value, arg, ctx) {
		if (Array.isArray(value)) return value.map((v, i) => toJS(v, String(i), ctx));
		if (value && typeof value.toJSON === "function") {
			if (!ctx || !identity.hasAnchor(value)) return value.toJSON(arg, ctx);
			const data = {
				aliasCount: 0,
				count: 1,
				res: void 0
			};
			ctx.anchors.set(value, data);
			ctx.onCreate = (res) => {
				data.res = res;
				delete ctx.onCreate;
			};
			const res = value.toJSON(arg, ctx);
			if (ctx.onCreate) ctx.onCreate(res);
			return res;
		}
		if (typeof value === "bigint" && !ctx?.keep) return Number(value);
		return value;
	}
	exports.toJS = toJS;
}));
// node_modules/yaml/dist/nodes/Node.js
var require_Node = /* @__PURE__ */ __commonJSMin(((exports) => {
	var applyReviver = require_applyReviver();
	var identity = require_identity();
	var toJS = require_toJS();
	var NodeBase = class {
		constructor(type) {
			Object.defineProperty(this, identity.NODE_TYPE, { value: type });
		}
		/** Create a copy of this node.  */
		clone() {
			const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
			if (this.range) copy.range = this.range.slice();
			return copy;
		}
		/** A plain JavaScript representation of this node. */
		toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
			if (!identity.isDocument(doc)) throw new TypeError("A document argument is required");
			const ctx = {
				anchors: /* @__PURE__ */ new Map(),
				doc,
				keep: true,
				mapAsMap: mapAsMap === true,
				mapKeyWarned: false,
				maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
			};
			const res = toJS.toJS(this, "", ctx);
			if (typeof onAnchor === "function") for (const { count, res } of ctx.anchors.values()) onAnchor(res, count);
			return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
		}
	};
	exports.NodeBase = NodeBase;
}));
// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = /* @__PURE__ */ __commonJSMin(((exports) => {
	var anchors = require_anchors();
	var visit = require_visit();
	var identity = require_identity();
	var Node = require_Node();
	var toJS = require_toJS();
	var Alias = class extends Node.NodeBase {
		constructor(source) {
			super(identity.ALIAS);
			this.source = source;
			Object.defineProperty(this, "tag", { set() {
				throw new Error("Alias nodes cannot have tags");
			} });
		}
		/**
		* Resolve the value of this alias within `doc`, finding the last
		* instance of the `source` anchor before this node.
		*/
		resolve(doc, ctx) {
			if (ctx?.maxAliasCount === 0) throw new ReferenceError("Alias resolution is disabled");
			let nodes;
			if (ctx?.aliasResolveCache) nodes = ctx.aliasResolveCache;
			else {
				nodes = [];
				visit.visit(doc, { Node: (_key, node) => {
					if (identity.isAlias(node) || identity.hasAnchor(node)) nodes.push(node);
				} });
				if (ctx) ctx.aliasResolveCache = nodes;
			}
			let found = void 0;
			for (const node of nodes) {
				if (node === this) break;
				if (node.anchor === this.source) found = node;
			}
			if (found && ctx) {
				const { anchors, doc, maxAliasCount } = ctx;
				let data = anchors.get(found);
				if (!data) {
					toJS.toJS(found, null, ctx);
					data = anchors.get(found);
				}
				/* istanbul ignore if */
				if (data?.res === void 0) throw new ReferenceError("This should not happen: Alias anchor was not resolved?");
				if (maxAliasCount >= 0) {
					data.count += 1;
					if (data.aliasCount === 0) data.aliasCount = getAliasCount(doc, found, anchors);
					if (data.count * data.aliasCount > maxAliasCount) throw new ReferenceError("Excessive alias count indicates a resource exhaustion attack");
				}
			}
			return found;
		}
		toJSON(_arg, ctx) {
			if (!ctx) return { source: this.source };
			const source = this.resolve(ctx.doc, ctx);
			if (!source) {
				const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
				throw new ReferenceError(msg);
			}
			return ctx.anchors.get(source).res;
		}
		toString(ctx, _onComment, _onChompKeep) {
			const src = `*${this.source}`;
			if (ctx) {
				anchors.anchorIsValid(this.source);
				if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
					const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
					throw new Error(msg);
				}
				if (ctx.implicitKey) return `${src} `;
			}
			return src;
		}
	};
	function getAliasCount(doc, node, anchors) {
		if (identity.isAlias(node)) {
			const source = node.resolve(doc);
			const anchor = anchors && source && anchors.get(source);
			return anchor ? anchor.count * anchor.aliasCount : 0;
		} else if (identity.isCollection(node)) {
			let count = 0;
			for (const item of node.items) {
				const c = getAliasCount(doc, item, anchors);
				if (c > count) count = c;
			}
			return count;
		} else if (identity.isPair(node)) {
			const kc = getAliasCount(doc, node.key, anchors);
			const vc = getAliasCount(doc, node.value, anchors);
			return Math.max(kc, vc);
		}
		return 1;
	}
	exports.Alias = Alias;
}));
// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Node = require_Node();
	var toJS = require_toJS();
	const isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
	var Scalar = class extends Node.NodeBase {
		constructor(value) {
			super(identity.SCALAR);
			this.value = value;
		}
		toJSON(arg, ctx) {
			return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
		}
		toString() {
			return String(this.value);
		}
	};
	Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
	Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
	Scalar.PLAIN = "PLAIN";
	Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
	Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
	exports.Scalar = Scalar;
	exports.isScalarValue = isScalarValue;
}));
// node_modules/yaml/dist/doc/createNode.js
var require_createNode = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Alias = require_Alias();
	var identity = require_identity();
	var Scalar = require_Scalar();
	const defaultTagPrefix = "tag:yaml.org,2002:";
	function findTagObject(value, tagName, tags) {
		if (tagName) {
			const match = tags.filter((t) => t.tag === tagName);
			const tagObj = match.find((t) => !t.format) ?? match[0];
			if (!tagObj) throw new Error(`Tag ${tagName} not found`);
			return tagObj;
		}
		return tags.find((t) => t.identify?.(value) && !t.format);
	}
	function createNode(value, tagName, ctx) {
		if (identity.isDocument(value)) value = value.contents;
		if (identity.isNode(value)) return value;
		if (identity.isPair(value)) {
			const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
			map.items.push(value);
			return map;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) value = value.valueOf();
		const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
		let ref = void 0;
		if (aliasDuplicateObjects && value && typeof value === "object") {
			ref = sourceObjects.get(value);
			if (ref) {
				ref.anchor ?? (ref.anchor = onAnchor(value));
				return new Alias.Alias(ref.anchor);
			} else {
				ref = {
					anchor: null,
					node: null
				};
				sourceObjects.set(value, ref);
			}
		}
		if (tagName?.startsWith("!!")) tagName = defaultTagPrefix + tagName.slice(2);
		let tagObj = findTagObject(value, tagName, schema.tags);
		if (!tagObj) {
			if (value && typeof value.toJSON === "function") value = value.toJSON();
			if (!value || typeof value !== "object") {
				const node = new Scalar.Scalar(value);
				if (ref) ref.node = node;
				return node;
			}
			tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
		}
		if (onTagObj) {
			onTagObj(tagObj);
			delete ctx.onTagObj;
		}
		const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
		if (tagName) node.tag = tagName;
		else if (!tagObj.default) node.tag = tagObj.tag;
		if (ref) ref.node = node;
		return node;
	}
	exports.createNode = createNode;
}));
// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = /* @__PURE__ */ __commonJSMin(((exports) => {
	var createNode = require_createNode();
	var identity = require_identity();
	var Node = require_Node();
	function collectionFromPath(schema, path, value) {
		let v = value;
		for (let i = path.length - 1; i >= 0; --i) {
			const k = path[i];
			if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
				const a = [];
				a[k] = v;
				v = a;
			} else v = /* @__PURE__ */ new Map([[k, v]]);
		}
		return createNode.createNode(v, void 0, {
			aliasDuplicateObjects: false,
			keepUndefined: false,
			onAnchor: () => {
				throw new Error("This should not happen, please report a bug.");
			},
			schema,
			sourceObjects: /* @__PURE__ */ new Map()
		});
	}
	const isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
	var Collection = class extends Node.NodeBase {
		constructor(type, schema) {
			super(type);
			Object.defineProperty(this, "schema", {
				value: schema,
				configurable: true,
				enumerable: false,
				writable: true
			});
		}
		/**
		* Create a copy of this collection.
		*
		* @param schema - If defined, overwrites the original's schema
		*/
		clone(schema) {
			const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
			if (schema) copy.schema = schema;
			copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
			if (this.range) copy.range = this.range.slice();
			return copy;
		}
		/**
		* Adds a value to the collection. For `!!map` and `!!omap` the value must
		* be a Pair instance or a `{ key, value }` object, which may not have a key
		* that already exists in the map.
		*/
		addIn(path, value) {
			if (isEmptyPath(path)) this.add(value);
			else {
				const [key, ...rest] = path;
				const node = this.get(key, true);
				if (identity.isCollection(node)) node.addIn(rest, value);
				else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
				else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
			}
		}
		/**
		* Removes a value from the collection.
		* @returns `true` if the item was found and removed.
		*/
		deleteIn(path) {
			const [key, ...rest] = path;
			if (rest.length === 0) return this.delete(key);
			const node = this.get(key, true);
			if (identity.isCollection(node)) return node.deleteIn(rest);
			else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
		}
		/**
		* Returns item at `key`, or `undefined` if not found. By default unwraps
		* scalar values from their surrounding node; to disable set `keepScalar` to
		* `true` (collections are always returned intact).
		*/
		getIn(path, keepScalar) {
			const [key, ...rest] = path;
			const node = this.get(key, true);
			if (rest.length === 0) return !keepScalar && identity.isScalar(node) ? node.value : node;
			else return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
		}
		hasAllNullValues(allowScalar) {
			return this.items.every((node) => {
				if (!identity.isPair(node)) return false;
				const n = node.value;
				return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
			});
		}
		/**
		* Checks if the collection includes a value with the key `key`.
		*/
		hasIn(path) {
			const [key, ...rest] = path;
			if (rest.length === 0) return this.has(key);
			const node = this.get(key, true);
			return identity.isCollection(node) ? node.hasIn(rest) : false;
		}
		/**
		* Sets a value in this collection. For `!!set`, `value` needs to be a
		* boolean to add/remove the item from the set.
		*/
		setIn(path, value) {
			const [key, ...rest] = path;
			if (rest.length === 0) this.set(key, value);
			else {
				const node = this.get(key, true);
				if (identity.isCollection(node)) node.setIn(rest, value);
				else if (node === void 0 && this.schema) this.set(key, collectionFromPath(this.schema, rest, value));
				else throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
			}
		}
	};
	exports.Collection = Collection;
	exports.collectionFromPath = collectionFromPath;
	exports.isEmptyPath = isEmptyPath;
}));
// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = /* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* Stringifies a comment.
	*
	* Empty comment lines are left empty,
	* lines consisting of a single space are replaced by `#`,
	* and all other lines are prefixed with a `#`.
	*/
	const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
	function indentComment(comment, indent) {
		if (/^\n+$/.test(comment)) return comment.substring(1);
		return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
	exports.indentComment = indentComment;
	exports.lineComment = lineComment;
	exports.stringifyComment = stringifyComment;
}));
// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = /* @__PURE__ */ __commonJSMin(((exports) => {
	const FOLD_FLOW = "flow";
	const FOLD_BLOCK = "block";
	const FOLD_QUOTED = "quoted";
	/**
	* Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	* not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	* terminated with `\n` and started with `indent`.
	*/
	function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
		if (!lineWidth || lineWidth < 0) return text;
		if (lineWidth < minContentWidth) minContentWidth = 0;
		const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
		if (text.length <= endStep) return text;
		const folds = [];
		const escapedFolds = {};
		let end = lineWidth - indent.length;
		if (typeof indentAtStart === "number") {
			if (indentAtStart > lineWidth - Math.max(2, minContentWidth)) folds.push(0);
			else end = lineWidth - indentAtStart;
		}
		let split = void 0;
		let prev = void 0;
		let overflow = false;
		let i = -1;
		let escStart = -1;
		let escEnd = -1;
		if (mode === FOLD_BLOCK) {
			i = consumeMoreIndentedLines(text, i, indent.length);
			if (i !== -1) end = i + endStep;
		}
		for (let ch; ch = text[i += 1];) {
			if (mode === FOLD_QUOTED && ch === "\\") {
				escStart = i;
				switch (text[i + 1]) {
					case "x":
						i += 3;
						break;
					case "u":
						i += 5;
						break;
					case "U":
						i += 9;
						break;
					default: i += 1;
				}
				escEnd = i;
			}
			if (ch === "\n") {
				if (mode === FOLD_BLOCK) i = consumeMoreIndentedLines(text, i, indent.length);
				end = i + indent.length + endStep;
				split = void 0;
			} else {
				if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
					const next = text[i + 1];
					if (next && next !== " " && next !== "\n" && next !== "	") split = i;
				}
				if (i >= end) {
					if (split) {
						folds.push(split);
						end = split + endStep;
						split = void 0;
					} else if (mode === FOLD_QUOTED) {
						while (prev === " " || prev === "	") {
							prev = ch;
							ch = text[i += 1];
							overflow = true;
						}
						const j = i > escEnd + 1 ? i - 2 : escStart - 1;
						if (escapedFolds[j]) return text;
						folds.push(j);
						escapedFolds[j] = true;
						end = j + endStep;
						split = void 0;
					} else overflow = true;
				}
			}
			prev = ch;
		}
		if (overflow && onOverflow) onOverflow();
		if (folds.length === 0) return text;
		if (onFold) onFold();
		let res = text.slice(0, folds[0]);
		for (let i = 0; i < folds.length; ++i) {
			const fold = folds[i];
			const end = folds[i + 1] || text.length;
			if (fold === 0) res = `\n${indent}${text.slice(0, end)}`;
			else {
				if (mode === FOLD_QUOTED && escapedFolds[fold]) res += `${text[fold]}\\`;
				res += `\n${indent}${text.slice(fold + 1, end)}`;
			}
		}
		return res;
	}
	/**
	* Presumes `i + 1` is at the start of a line
	* @returns index of last newline in more-indented block
	*/
	function consumeMoreIndentedLines(text, i, indent) {
		let end = i;
		let start = i + 1;
		let ch = text[start];
		while (ch === " " || ch === "	") if (i < start + indent) ch = text[++i];
		else {
			do
				ch = text[++i];
			while (ch && ch !== "\n");
			end = i;
			start = i + 1;
			ch = text[start];
		}
		return end;
	}
	exports.FOLD_BLOCK = FOLD_BLOCK;
	exports.FOLD_FLOW = FOLD_FLOW;
	exports.FOLD_QUOTED = FOLD_QUOTED;
	exports.foldFlowLines = foldFlowLines;
}));
// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	var foldFlowLines = require_foldFlowLines();
	const getFoldOptions = (ctx, isBlock) => ({
		indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
		lineWidth: ctx.options.lineWidth,
		minContentWidth: ctx.options.minContentWidth
	});
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
		if (!lineWidth || lineWidth < 0) return false;
		const limit = lineWidth - indentLength;
		const strLen = str.length;
		if (strLen <= limit) return false;
		for (let i = 0, start = 0; i < strLen; ++i) if (str[i] === "\n") {
			if (i - start > limit) return true;
			start = i + 1;
			if (strLen - start <= limit) return false;
		}
		return true;
	}
	function doubleQuotedString(value, ctx) {
		const json = JSON.stringify(value);
		if (ctx.options.doubleQuotedAsJSON) return json;
		const { implicitKey } = ctx;
		const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
		const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
		let str = "";
		let start = 0;
		for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
			if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
				str += json.slice(start, i) + "\\ ";
				i += 1;
				start = i;
				ch = "\\";
			}
			if (ch === "\\") switch (json[i + 1]) {
				case "u":
					{
						str += json.slice(start, i);
						const code = json.substr(i + 2, 4);
						switch (code) {
							case "0000":
								str += "\\0";
								break;
							case "0007":
								str += "\\a";
								break;
							case "000b":
								str += "\\v";
								break;
							case "001b":
								str += "\\e";
								break;
							case "0085":
								str += "\\N";
								break;
							case "00a0":
								str += "\\_";
								break;
							case "2028":
								str += "\\L";
								break;
							case "2029":
								str += "\\P";
								break;
							default: if (code.substr(0, 2) === "00") str += "\\x" + code.substr(2);
							else str += json.substr(i, 6);
						}
						i += 5;
						start = i + 1;
					}
					break;
				case "n":
					if (implicitKey || json[i + 2] === "\"" || json.length < minMultiLineLength) i += 1;
					else {
						str += json.slice(start, i) + "\n\n";
						while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== "\"") {
							str += "\n";
							i += 2;
						}
						str += indent;
						if (json[i + 2] === " ") str += "\\";
						i += 1;
						start = i + 1;
					}
					break;
				default: i += 1;
			}
		}
		str = start ? str + json.slice(start) : json;
		return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
		if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuotedString(value, ctx);
		const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
		const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
		return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
		const { singleQuote } = ctx.options;
		let qs;
		if (singleQuote === false) qs = doubleQuotedString;
		else {
			const hasDouble = value.includes("\"");
			const hasSingle = value.includes("'");
			if (hasDouble && !hasSingle) qs = singleQuotedString;
			else if (hasSingle && !hasDouble) qs = doubleQuotedString;
			else qs = singleQuote ? singleQuotedString : doubleQuotedString;
		}
		return qs(value, ctx);
	}
	let blockEndNewlines;
	try {
		blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
	} catch {
		blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
		const { blockQuote, commentString, lineWidth } = ctx.options;
		if (!blockQuote || /\n[\t ]+$/.test(value)) return quotedString(value, ctx);
		const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
		const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
		if (!value) return literal ? "|\n" : ">\n";
		let chomp;
		let endStart;
		for (endStart = value.length; endStart > 0; --endStart) {
			const ch = value[endStart - 1];
			if (ch !== "\n" && ch !== "	" && ch !== " ") break;
		}
		let end = value.substring(endStart);
		const endNlPos = end.indexOf("\n");
		if (endNlPos === -1) chomp = "-";
		else if (value === end || endNlPos !== end.length - 1) {
			chomp = "+";
			if (onChompKeep) onChompKeep();
		} else chomp = "";
		if (end) {
			value = value.slice(0, -end.length);
			if (end[end.length - 1] === "\n") end = end.slice(0, -1);
			end = end.replace(blockEndNewlines, `$&${indent}`);
		}
		let startWithSpace = false;
		let startEnd;
		let startNlPos = -1;
		for (startEnd = 0; startEnd < value.length; ++startEnd) {
			const ch = value[startEnd];
			if (ch === " ") startWithSpace = true;
			else if (ch === "\n") startNlPos = startEnd;
			else break;
		}
		let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
		if (start) {
			value = value.substring(start.length);
			start = start.replace(/\n+/g, `$&${indent}`);
		}
		let header = (startWithSpace ? indent ? "2" : "1" : "") + chomp;
		if (comment) {
			header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
			if (onComment) onComment();
		}
		if (!literal) {
			const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
			let literalFallback = false;
			const foldOptions = getFoldOptions(ctx, true);
			if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) foldOptions.onOverflow = () => {
				literalFallback = true;
			};
			const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
			if (!literalFallback) return `>${header}\n${indent}${body}`;
		}
		value = value.replace(/\n+/g, `$&${indent}`);
		return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
		const { type, value } = item;
		const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
		if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) return quotedString(value, ctx);
		if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
		if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) return blockString(item, ctx, onComment, onChompKeep);
		if (containsDocumentMarker(value)) {
			if (indent === "") {
				ctx.forceBlockIndent = true;
				return blockString(item, ctx, onComment, onChompKeep);
			} else if (implicitKey && indent === indentStep) return quotedString(value, ctx);
		}
		const str = value.replace(/\n+/g, `$&\n${indent}`);
		if (actualString) {
			const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
			const { compat, tags } = ctx.doc.schema;
			if (tags.some(test) || compat?.some(test)) return quotedString(value, ctx);
		}
		return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString(item, ctx, onComment, onChompKeep) {
		const { implicitKey, inFlow } = ctx;
		const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
		let { type } = item;
		if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
			if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value)) type = Scalar.Scalar.QUOTE_DOUBLE;
		}
		const _stringify = (_type) => {
			switch (_type) {
				case Scalar.Scalar.BLOCK_FOLDED:
				case Scalar.Scalar.BLOCK_LITERAL: return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
				case Scalar.Scalar.QUOTE_DOUBLE: return doubleQuotedString(ss.value, ctx);
				case Scalar.Scalar.QUOTE_SINGLE: return singleQuotedString(ss.value, ctx);
				case Scalar.Scalar.PLAIN: return plainString(ss, ctx, onComment, onChompKeep);
				default: return null;
			}
		};
		let res = _stringify(type);
		if (res === null) {
			const { defaultKeyType, defaultStringType } = ctx.options;
			const t = implicitKey && defaultKeyType || defaultStringType;
			res = _stringify(t);
			if (res === null) throw new Error(`Unsupported default string type ${t}`);
		}
		return res;
	}
	exports.stringifyString = stringifyString;
}));
// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = /* @__PURE__ */ __commonJSMin(((exports) => {
	var anchors = require_anchors();
	var identity = require_identity();
	var stringifyComment = require_stringifyComment();
	var stringifyString = require_stringifyString();
	function createStringifyContext(doc, options) {
		const opt = Object.assign({
			blockQuote: true,
			commentString: stringifyComment.stringifyComment,
			defaultKeyType: null,
			defaultStringType: "PLAIN",
			directives: null,
			doubleQuotedAsJSON: false,
			doubleQuotedMinMultiLineLength: 40,
			falseStr: "false",
			flowCollectionPadding: true,
			indentSeq: true,
			lineWidth: 80,
			minContentWidth: 20,
			nullStr: "null",
			simpleKeys: false,
			singleQuote: null,
			trailingComma: false,
			trueStr: "true",
			verifyAliasOrder: true
		}, doc.schema.toStringOptions, options);
		let inFlow;
		switch (opt.collectionStyle) {
			case "block":
				inFlow = false;
				break;
			case "flow":
				inFlow = true;
				break;
			default: inFlow = null;
		}
		return {
			anchors: /* @__PURE__ */ new Set(),
			doc,
			flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
			indent: "",
			indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
			inFlow,
			options: opt
		};
	}
	function getTagObject(tags, item) {
		if (item.tag) {
			const match = tags.filter((t) => t.tag === item.tag);
			if (match.length > 0) return match.find((t) => t.format === item.format) ?? match[0];
		}
		let tagObj = void 0;
		let obj;
		if (identity.isScalar(item)) {
			obj = item.value;
			let match = tags.filter((t) => t.identify?.(obj));
			if (match.length > 1) {
				const testMatch = match.filter((t) => t.test);
				if (testMatch.length > 0) match = testMatch;
			}
			tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
		} else {
			obj = item;
			tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
		}
		if (!tagObj) {
			const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
			throw new Error(`Tag not resolved for ${name} value`);
		}
		return tagObj;
	}
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
		if (!doc.directives) return "";
		const props = [];
		const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
		if (anchor && anchors.anchorIsValid(anchor)) {
			anchors$1.add(anchor);
			props.push(`&${anchor}`);
		}
		const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
		if (tag) props.push(doc.directives.tagString(tag));
		return props.join(" ");
	}
	function stringify(item, ctx, onComment, onChompKeep) {
		if (identity.isPair(item)) return item.toString(ctx, onComment, onChompKeep);
		if (identity.isAlias(item)) {
			if (ctx.doc.directives) return item.toString(ctx);
			if (ctx.resolvedAliases?.has(item)) throw new TypeError(`Cannot stringify circular structure without alias nodes`);
			else {
				if (ctx.resolvedAliases) ctx.resolvedAliases.add(item);
				else ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
				item = item.resolve(ctx.doc);
			}
		}
		let tagObj = void 0;
		const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
		tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
		const props = stringifyProps(node, tagObj, ctx);
		if (props.length > 0) ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
		const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
		if (!props) return str;
		return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}\n${ctx.indent}${str}`;
	}
	exports.createStringifyContext = createStringifyContext;
	exports.stringify = stringify;
}));
// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Scalar = require_Scalar();
	var stringify = require_stringify();
	var stringifyComment = require_stringifyComment();
	function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
		const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
		let keyComment = identity.isNode(key) && key.comment || null;
		if (simpleKeys) {
			if (keyComment) throw new Error("With simple keys, key nodes cannot have comments");
			if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") throw new Error("With simple keys, collection cannot be used as a key value");
		}
		let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
		ctx = Object.assign({}, ctx, {
			allNullValues: false,
			implicitKey: !explicitKey && (simpleKeys || !allNullValues),
			indent: indent + indentStep
		});
		let keyCommentDone = false;
		let chompKeep = false;
		let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
		if (!explicitKey && !ctx.inFlow && str.length > 1024) {
			if (simpleKeys) throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
			explicitKey = true;
		}
		if (ctx.inFlow) {
			if (allNullValues || value == null) {
				if (keyCommentDone && onComment) onComment();
				return str === "" ? "?" : explicitKey ? `? ${str}` : str;
			}
		} else if (allNullValues && !simpleKeys || value == null && explicitKey) {
			str = `? ${str}`;
			if (keyComment && !keyCommentDone) str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
			else if (chompKeep && onChompKeep) onChompKeep();
			return str;
		}
		if (keyCommentDone) keyComment = null;
		if (explicitKey) {
			if (keyComment) str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
			str = `? ${str}\n${indent}:`;
		} else {
			str = `${str}:`;
			if (keyComment) str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
		}
		let vsb, vcb, valueComment;
		if (identity.isNode(value)) {
			vsb = !!value.spaceBefore;
			vcb = value.commentBefore;
			valueComment = value.comment;
		} else {
			vsb = false;
			vcb = null;
			valueComment = null;
			if (value && typeof value === "object") value = doc.createNode(value);
		}
		ctx.implicitKey = false;
		if (!explicitKey && !keyComment && identity.isScalar(value)) ctx.indentAtStart = str.length + 1;
		chompKeep = false;
		if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) ctx.indent = ctx.indent.substring(2);
		let valueCommentDone = false;
		const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
		let ws = " ";
		if (keyComment || vsb || vcb) {
			ws = vsb ? "\n" : "";
			if (vcb) {
				const cs = commentString(vcb);
				ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
			}
			if (valueStr === "" && !ctx.inFlow) {
				if (ws === "\n" && valueComment) ws = "\n\n";
			} else ws += `\n${ctx.indent}`;
		} else if (!explicitKey && identity.isCollection(value)) {
			const vs0 = valueStr[0];
			const nl0 = valueStr.indexOf("\n");
			const hasNewline = nl0 !== -1;
			const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
			if (hasNewline || !flow) {
				let hasPropsLine = false;
				if (hasNewline && (vs0 === "&" || vs0 === "!")) {
					let sp0 = valueStr.indexOf(" ");
					if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") sp0 = valueStr.indexOf(" ", sp0 + 1);
					if (sp0 === -1 || nl0 < sp0) hasPropsLine = true;
				}
				if (!hasPropsLine) ws = `\n${ctx.indent}`;
			}
		} else if (valueStr === "" || valueStr[0] === "\n") ws = "";
		str += ws + valueStr;
		if (ctx.inFlow) {
			if (valueCommentDone && onComment) onComment();
		} else if (valueComment && !valueCommentDone) str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
		else if (chompKeep && onChompKeep) onChompKeep();
		return str;
	}
	exports.stringifyPair = stringifyPair;
}));
// node_modules/yaml/dist/log.js
var require_log = /* @__PURE__ */ __commonJSMin(((exports) => {
	var node_process = __require("process");
	function debug(logLevel, ...messages) {
		if (logLevel === "debug") console.log(...messages);
	}
	function warn(logLevel, warning) {
		if (logLevel === "debug" || logLevel === "warn") {
			if (typeof node_process.emitWarning === "function") node_process.emitWarning(warning);
			else console.warn(warning);
		}
	}
	exports.debug = debug;
	exports.warn = warn;
}));
// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Scalar = require_Scalar();
	const MERGE_KEY = "<<";
	const merge = {
		identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
		default: "key",
		tag: "tag:yaml.org,2002:merge",
		test: /^<<$/,
		resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), { addToJSMap: addMergeToJSMap }),
		stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
		const source = resolveAliasValue(ctx, value);
		if (identity.isSeq(source)) for (const it of source.items) mergeValue(ctx, map, it);
		else if (Array.isArray(source)) for (const it of source) mergeValue(ctx, map, it);
		else mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
		const source = resolveAliasValue(ctx, value);
		if (!identity.isMap(source)) throw new Error("Merge sources must be maps or map aliases");
		const srcMap = source.toJSON(null, ctx, Map);
		for (const [key, value] of srcMap) if (map instanceof Map) {
			if (!map.has(key)) map.set(key, value);
		} else if (map instanceof Set) map.add(key);
		else if (!Object.prototype.hasOwnProperty.call(map, key)) Object.defineProperty(map, key, {
			value,
			writable: true,
			enumerable: true,
			configurable: true
		});
		return map;
	}
	function resolveAliasValue(ctx, value) {
		return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}
	exports.addMergeToJSMap = addMergeToJSMap;
	exports.isMergeKey = isMergeKey;
	exports.merge = merge;
}));
// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = /* @__PURE__ */ __commonJSMin(((exports) => {
	var log = require_log();
	var merge = require_merge();
	var stringify = require_stringify();
	var identity = require_identity();
	var toJS = require_toJS();
	function addPairToJSMap(ctx, map, { key, value }) {
		if (identity.isNode(key) && key.addToJSMap) key.addToJSMap(ctx, map, value);
		else if (merge.isMergeKey(ctx, key)) merge.addMergeToJSMap(ctx, map, value);
		else {
			const jsKey = toJS.toJS(key, "", ctx);
			if (map instanceof Map) map.set(jsKey, toJS.toJS(value, jsKey, ctx));
			else if (map instanceof Set) map.add(jsKey);
			else {
				const stringKey = stringifyKey(key, jsKey, ctx);
				const jsValue = toJS.toJS(value, stringKey, ctx);
				if (stringKey in map) Object.defineProperty(map, stringKey, {
					value: jsValue,
					writable: true,
					enumerable: true,
					configurable: true
				});
				else map[stringKey] = jsValue;
			}
		}
		return map;
	}
	function stringifyKey(key, jsKey, ctx) {
		if (jsKey === null) return "";
		if (typeof jsKey !== "object") return String(jsKey);
		if (identity.isNode(key) && ctx?.doc) {
			const strCtx = stringify.createStringifyContext(ctx.doc, {});
			strCtx.anchors = /* @__PURE__ */ new Set();
			for (const node of ctx.anchors.keys()) strCtx.anchors.add(node.anchor);
			strCtx.inFlow = true;
			strCtx.inStringifyKey = true;
			const strKey = key.toString(strCtx);
			if (!ctx.mapKeyWarned) {
				let jsonStr = JSON.stringify(strKey);
				if (jsonStr.length > 40) jsonStr = jsonStr.substring(0, 36) + "...\"";
				log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
				ctx.mapKeyWarned = true;
			}
			return strKey;
		}
		return JSON.stringify(jsKey);
	}
	exports.addPairToJSMap = addPairToJSMap;
}));
// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = /* @__PURE__ */ __commonJSMin(((exports) => {
	var createNode = require_createNode();
	var stringifyPair = require_stringifyPair();
	var addPairToJSMap = require_addPairToJSMap();
	var identity = require_identity();
	function createPair(key, value, ctx) {
		return new Pair(createNode.createNode(key, void 0, ctx), createNode.createNode(value, void 0, ctx));
	}
	var Pair = class Pair {
		constructor(key, value = null) {
			Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
			this.key = key;
			this.value = value;
		}
		clone(schema) {
			let { key, value } = this;
			if (identity.isNode(key)) key = key.clone(schema);
			if (identity.isNode(value)) value = value.clone(schema);
			return new Pair(key, value);
		}
		toJSON(_, ctx) {
			const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
			return addPairToJSMap.addPairToJSMap(ctx, pair, this);
		}
		toString(ctx, onComment, onChompKeep) {
			return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
		}
	};
	exports.Pair = Pair;
	exports.createPair = createPair;
}));
// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var stringify = require_stringify();
	var stringifyComment = require_stringifyComment();
	function stringifyCollection(collection, ctx, options) {
		return (ctx.inFlow ?? collection.flow ? stringifyFlowCollection : stringifyBlockCollection)(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
		const { indent, options: { commentString } } = ctx;
		const itemCtx = Object.assign({}, ctx, {
			indent: itemIndent,
			type: null
		});
		let chompKeep = false;
		const lines = [];
		for (let i = 0; i < items.length; ++i) {
			const item = items[i];
			let comment = null;
			if (identity.isNode(item)) {
				if (!chompKeep && item.spaceBefore) lines.push("");
				addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
				if (item.comment) comment = item.comment;
			} else if (identity.isPair(item)) {
				const ik = identity.isNode(item.key) ? item.key : null;
				if (ik) {
					if (!chompKeep && ik.spaceBefore) lines.push("");
					addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
				}
			}
			chompKeep = false;
			let str = stringify.stringify(item, itemCtx, () => comment = null, () => chompKeep = true);
			if (comment) str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
			if (chompKeep && comment) chompKeep = false;
			lines.push(blockItemPrefix + str);
		}
		let str;
		if (lines.length === 0) str = flowChars.start + flowChars.end;
		else {
			str = lines[0];
			for (let i = 1; i < lines.length; ++i) {
				const line = lines[i];
				str += line ? `\n${indent}${line}` : "\n";
			}
		}
		if (comment) {
			str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
			if (onComment) onComment();
		} else if (chompKeep && onChompKeep) onChompKeep();
		return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
		const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
		itemIndent += indentStep;
		const itemCtx = Object.assign({}, ctx, {
			indent: itemIndent,
			inFlow: true,
			type: null
		});
		let reqNewline = false;
		let linesAtValue = 0;
		const lines = [];
		for (let i = 0; i < items.length; ++i) {
			const item = items[i];
			let comment = null;
			if (identity.isNode(item)) {
				if (item.spaceBefore) lines.push("");
				addCommentBefore(ctx, lines, item.commentBefore, false);
				if (item.comment) comment = item.comment;
			} else if (identity.isPair(item)) {
				const ik = identity.isNode(item.key) ? item.key : null;
				if (ik) {
					if (ik.spaceBefore) lines.push("");
					addCommentBefore(ctx, lines, ik.commentBefore, false);
					if (ik.comment) reqNewline = true;
				}
				const iv = identity.isNode(item.value) ? item.value : null;
				if (iv) {
					if (iv.comment) comment = iv.comment;
					if (iv.commentBefore) reqNewline = true;
				} else if (item.value == null && ik?.comment) comment = ik.comment;
			}
			if (comment) reqNewline = true;
			let str = stringify.stringify(item, itemCtx, () => comment = null);
			reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
			if (i < items.length - 1) str += ",";
			else if (ctx.options.trailingComma) {
				if (ctx.options.lineWidth > 0) reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
				if (reqNewline) str += ",";
			}
			if (comment) str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
			lines.push(str);
			linesAtValue = lines.length;
		}
		const { start, end } = flowChars;
		if (lines.length === 0) return start + end;
		else {
			if (!reqNewline) {
				const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
				reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
			}
			if (reqNewline) {
				let str = start;
				for (const line of lines) str += line ? `\n${indentStep}${indent}${line}` : "\n";
				return `${str}\n${indent}${end}`;
			} else return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
		}
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
		if (comment && chompKeep) comment = comment.replace(/^\n+/, "");
		if (comment) {
			const ic = stringifyComment.indentComment(commentString(comment), indent);
			lines.push(ic.trimStart());
		}
	}
	exports.stringifyCollection = stringifyCollection;
}));
// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = /* @__PURE__ */ __commonJSMin(((exports) => {
	var stringifyCollection = require_stringifyCollection();
	var addPairToJSMap = require_addPairToJSMap();
	var Collection = require_Collection();
	var identity = require_identity();
	var Pair = require_Pair();
	var Scalar = require_Scalar();
	function findPair(items, key) {
		const k = identity.isScalar(key) ? key.value : key;
		for (const it of items) if (identity.isPair(it)) {
			if (it.key === key || it.key === k) return it;
			if (identity.isScalar(it.key) && it.key.value === k) return it;
		}
	}
	var YAMLMap = class extends Collection.Collection {
		static get tagName() {
			return "tag:yaml.org,2002:map";
		}
		constructor(schema) {
			super(identity.MAP, schema);
			this.items = [];
		}
		/**
		* A generic collection parsing method that can be extended
		* to other node classes that inherit from YAMLMap
		*/
		static from(schema, obj, ctx) {
			const { keepUndefined, replacer } = ctx;
			const map = new this(schema);
			const add = (key, value) => {
				if (typeof replacer === "function") value = replacer.call(obj, key, value);
				else if (Array.isArray(replacer) && !replacer.includes(key)) return;
				if (value !== void 0 || keepUndefined) map.items.push(Pair.createPair(key, value, ctx));
			};
			if (obj instanceof Map) for (const [key, value] of obj) add(key, value);
			else if (obj && typeof obj === "object") for (const key of Object.keys(obj)) add(key, obj[key]);
			if (typeof schema.sortMapEntries === "function") map.items.sort(schema.sortMapEntries);
			return map;
		}
		/**
		* Adds a value to the collection.
		*
		* @param overwrite - If not set `true`, using a key that is already in the
		*   collection will throw. Otherwise, overwrites the previous value.
		*/
		add(pair, overwrite) {
			let _pair;
			if (identity.isPair(pair)) _pair = pair;
			else if (!pair || typeof pair !== "object" || !("key" in pair)) _pair = new Pair.Pair(pair, pair?.value);
			else _pair = new Pair.Pair(pair.key, pair.value);
			const prev = findPair(this.items, _pair.key);
			const sortEntries = this.schema?.sortMapEntries;
			if (prev) {
				if (!overwrite) throw new Error(`Key ${_pair.key} already set`);
				if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value)) prev.value.value = _pair.value;
				else prev.value = _pair.value;
			} else if (sortEntries) {
				const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
				if (i === -1) this.items.push(_pair);
				else this.items.splice(i, 0, _pair);
			} else this.items.push(_pair);
		}
		delete(key) {
			const it = findPair(this.items, key);
			if (!it) return false;
			return this.items.splice(this.items.indexOf(it), 1).length > 0;
		}
		get(key, keepScalar) {
			const node = findPair(this.items, key)?.value;
			return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
		}
		has(key) {
			return !!findPair(this.items, key);
		}
		set(key, value) {
			this.add(new Pair.Pair(key, value), true);
		}
		/**
		* @param ctx - Conversion context, originally set in Document#toJS()
		* @param {Class} Type - If set, forces the returned collection type
		* @returns Instance of Type, Map, or Object
		*/
		toJSON(_, ctx, Type) {
			const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
			if (ctx?.onCreate) ctx.onCreate(map);
			for (const item of this.items) addPairToJSMap.addPairToJSMap(ctx, map, item);
			return map;
		}
		toString(ctx, onComment, onChompKeep) {
			if (!ctx) return JSON.stringify(this);
			for (const item of this.items) if (!identity.isPair(item)) throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
			if (!ctx.allNullValues && this.hasAllNullValues(false)) ctx = Object.assign({}, ctx, { allNullValues: true });
			return stringifyCollection.stringifyCollection(this, ctx, {
				blockItemPrefix: "",
				flowChars: {
					start: "{",
					end: "}"
				},
				itemIndent: ctx.indent || "",
				onChompKeep,
				onComment
			});
		}
	};
	exports.YAMLMap = YAMLMap;
	exports.findPair = findPair;
}));
// node_modules/yaml/dist/schema/common/map.js
var require_map = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var YAMLMap = require_YAMLMap();
	exports.map = {
		collection: "map",
		default: true,
		nodeClass: YAMLMap.YAMLMap,
		tag: "tag:yaml.org,2002:map",
		resolve(map, onError) {
			if (!identity.isMap(map)) onError("Expected a mapping for this tag");
			return map;
		},
		createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};
}));
// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = /* @__PURE__ */ __commonJSMin(((exports) => {
	var createNode = require_createNode();
	var stringifyCollection = require_stringifyCollection();
	var Collection = require_Collection();
	var identity = require_identity();
	var Scalar = require_Scalar();
	var toJS = require_toJS();
	var YAMLSeq = class extends Collection.Collection {
		static get tagName() {
			return "tag:yaml.org,2002:seq";
		}
		constructor(schema) {
			super(identity.SEQ, schema);
			this.items = [];
		}
		add(value) {
			this.items.push(value);
		}
		/**
		* Removes a value from the collection.
		*
		* `key` must contain a representation of an integer for this to succeed.
		* It may be wrapped in a `Scalar`.
		*
		* @returns `true` if the item was found and removed.
		*/
		delete(key) {
			const idx = asItemIndex(key);
			if (typeof idx !== "number") return false;
			return this.items.splice(idx, 1).length > 0;
		}
		get(key, keepScalar) {
			const idx = asItemIndex(key);
			if (typeof idx !== "number") return void 0;
			const it = this.items[idx];
			return !keepScalar && identity.isScalar(it) ? it.value : it;
		}
		/**
		* Checks if the collection includes a value with the key `key`.
		*
		* `key` must contain a representation of an integer for this to succeed.
		* It may be wrapped in a `Scalar`.
		*/
		has(key) {
			const idx = asItemIndex(key);
			return typeof idx === "number" && idx < this.items.length;
		}
		/**
		* Sets a value in this collection. For `!!set`, `value` needs to be a
		* boolean to add/remove the item from the set.
		*
		* If `key` does not contain a representation of an integer, this will throw.
		* It may be wrapped in a `Scalar`.
		*/
		set(key, value) {
			const idx = asItemIndex(key);
			if (typeof idx !== "number") throw new Error(`Expected a valid index, not ${key}.`);
			const prev = this.items[idx];
			if (identity.isScalar(prev) && Scalar.isScalarValue(value)) prev.value = value;
			else this.items[idx] = value;
		}
		toJSON(_, ctx) {
			const seq = [];
			if (ctx?.onCreate) ctx.onCreate(seq);
			let i = 0;
			for (const item of this.items) seq.push(toJS.toJS(item, String(i++), ctx));
			return seq;
		}
		toString(ctx, onComment, onChompKeep) {
			if (!ctx) return JSON.stringify(this);
			return stringifyCollection.stringifyCollection(this, ctx, {
				blockItemPrefix: "- ",
				flowChars: {
					start: "[",
					end: "]"
				},
				itemIndent: (ctx.indent || "") + "  ",
				onChompKeep,
				onComment
			});
		}
		static from(schema, obj, ctx) {
			const { replacer } = ctx;
			const seq = new this(schema);
			if (obj && Symbol.iterator in Object(obj)) {
				let i = 0;
				for (let it of obj) {
					if (typeof replacer === "function") {
						const key = obj instanceof Set ? it : String(i++);
						it = replacer.call(obj, key, it);
					}
					seq.items.push(createNode.createNode(it, void 0, ctx));
				}
			}
			return seq;
		}
	};
	function asItemIndex(key) {
		let idx = identity.isScalar(key) ? key.value : key;
		if (idx && typeof idx === "string") idx = Number(idx);
		return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
	}
	exports.YAMLSeq = YAMLSeq;
}));
// node_modules/yaml/dist/schema/common/seq.js
var require_seq = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var YAMLSeq = require_YAMLSeq();
	exports.seq = {
		collection: "seq",
		default: true,
		nodeClass: YAMLSeq.YAMLSeq,
		tag: "tag:yaml.org,2002:seq",
		resolve(seq, onError) {
			if (!identity.isSeq(seq)) onError("Expected a sequence for this tag");
			return seq;
		},
		createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};
}));
// node_modules/yaml/dist/schema/common/string.js
var require_string = /* @__PURE__ */ __commonJSMin(((exports) => {
	var stringifyString = require_stringifyString();
	exports.string = {
		identify: (value) => typeof value === "string",
		default: true,
		tag: "tag:yaml.org,2002:str",
		resolve: (str) => str,
		stringify(item, ctx, onComment, onChompKeep) {
			ctx = Object.assign({ actualString: true }, ctx);
			return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
		}
	};
}));
// node_modules/yaml/dist/schema/common/null.js
var require_null = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	const nullTag = {
		identify: (value) => value == null,
		createNode: () => new Scalar.Scalar(null),
		default: true,
		tag: "tag:yaml.org,2002:null",
		test: /^(?:~|[Nn]ull|NULL)?$/,
		resolve: () => new Scalar.Scalar(null),
		stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
	};
	exports.nullTag = nullTag;
}));
// node_modules/yaml/dist/schema/core/bool.js
var require_bool$1 = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	const boolTag = {
		identify: (value) => typeof value === "boolean",
		default: true,
		tag: "tag:yaml.org,2002:bool",
		test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
		resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
		stringify({ source, value }, ctx) {
			if (source && boolTag.test.test(source)) {
				if (value === (source[0] === "t" || source[0] === "T")) return source;
			}
			return value ? ctx.options.trueStr : ctx.options.falseStr;
		}
	};
	exports.boolTag = boolTag;
}));
// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = /* @__PURE__ */ __commonJSMin(((exports) => {
	function stringifyNumber({ format, minFractionDigits, tag, value }) {
		if (typeof value === "bigint") return String(value);
		const num = typeof value === "number" ? value : Number(value);
		if (!isFinite(num)) return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
		let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
		if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
			let i = n.indexOf(".");
			if (i < 0) {
				i = n.length;
				n += ".";
			}
			let d = minFractionDigits - (n.length - i - 1);
			while (d-- > 0) n += "0";
		}
		return n;
	}
	exports.stringifyNumber = stringifyNumber;
}));
// node_modules/yaml/dist/schema/core/float.js
var require_float$1 = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	var stringifyNumber = require_stringifyNumber();
	const floatNaN = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
		resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
		stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		format: "EXP",
		test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
		resolve: (str) => parseFloat(str),
		stringify(node) {
			const num = Number(node.value);
			return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
		}
	};
	exports.float = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
		resolve(str) {
			const node = new Scalar.Scalar(parseFloat(str));
			const dot = str.indexOf(".");
			if (dot !== -1 && str[str.length - 1] === "0") node.minFractionDigits = str.length - dot - 1;
			return node;
		},
		stringify: stringifyNumber.stringifyNumber
	};
	exports.floatExp = floatExp;
	exports.floatNaN = floatNaN;
}));
// node_modules/yaml/dist/schema/core/int.js
var require_int$1 = /* @__PURE__ */ __commonJSMin(((exports) => {
	var stringifyNumber = require_stringifyNumber();
	const intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
	function intStringify(node, radix, prefix) {
		const { value } = node;
		if (intIdentify(value) && value >= 0) return prefix + value.toString(radix);
		return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
		identify: (value) => intIdentify(value) && value >= 0,
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "OCT",
		test: /^0o[0-7]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
		stringify: (node) => intStringify(node, 8, "0o")
	};
	const int = {
		identify: intIdentify,
		default: true,
		tag: "tag:yaml.org,2002:int",
		test: /^[-+]?[0-9]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
		stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
		identify: (value) => intIdentify(value) && value >= 0,
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "HEX",
		test: /^0x[0-9a-fA-F]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
		stringify: (node) => intStringify(node, 16, "0x")
	};
	exports.int = int;
	exports.intHex = intHex;
	exports.intOct = intOct;
}));
// node_modules/yaml/dist/schema/core/schema.js
var require_schema$2 = /* @__PURE__ */ __commonJSMin(((exports) => {
	var map = require_map();
	var _null = require_null();
	var seq = require_seq();
	var string = require_string();
	var bool = require_bool$1();
	var float = require_float$1();
	var int = require_int$1();
	exports.schema = [
		map.map,
		seq.seq,
		string.string,
		_null.nullTag,
		bool.boolTag,
		int.intOct,
		int.int,
		int.intHex,
		float.floatNaN,
		float.floatExp,
		float.float
	];
}));
// node_modules/yaml/dist/schema/json/schema.js
var require_schema$1 = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	var map = require_map();
	var seq = require_seq();
	function intIdentify(value) {
		return typeof value === "bigint" || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
		{
			identify: (value) => typeof value === "string",
			default: true,
			tag: "tag:yaml.org,2002:str",
			resolve: (str) => str,
			stringify: stringifyJSON
		},
		{
			identify: (value) => value == null,
			createNode: () => new Scalar.Scalar(null),
			default: true,
			tag: "tag:yaml.org,2002:null",
			test: /^null$/,
			resolve: () => null,
			stringify: stringifyJSON
		},
		{
			identify: (value) => typeof value === "boolean",
			default: true,
			tag: "tag:yaml.org,2002:bool",
			test: /^true$|^false$/,
			resolve: (str) => str === "true",
			stringify: stringifyJSON
		},
		{
			identify: intIdentify,
			default: true,
			tag: "tag:yaml.org,2002:int",
			test: /^-?(?:0|[1-9][0-9]*)$/,
			resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
			stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
		},
		{
			identify: (value) => typeof value === "number",
			default: true,
			tag: "tag:yaml.org,2002:float",
			test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
			resolve: (str) => parseFloat(str),
			stringify: stringifyJSON
		}
	];
	exports.schema = [map.map, seq.seq].concat(jsonScalars, {
		default: true,
		tag: "",
		test: /^/,
		resolve(str, onError) {
			onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
			return str;
		}
	});
}));
// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = /* @__PURE__ */ __commonJSMin(((exports) => {
	var node_buffer = __require("buffer");
	var Scalar = require_Scalar();
	var stringifyString = require_stringifyString();
	exports.binary = {
		identify: (value) => value instanceof Uint8Array,
		default: false,
		tag: "tag:yaml.org,2002:binary",
		/**
		* Returns a Buffer in node and an Uint8Array in browsers
		*
		* To use the resulting buffer as an image, you'll want to do something like:
		*
		*   const blob = new Blob([buffer], { type: 'image/jpeg' })
		*   document.querySelector('#photo').src = URL.createObjectURL(blob)
		*/
		resolve(src, onError) {
			if (typeof node_buffer.Buffer === "function") return node_buffer.Buffer.from(src, "base64");
			else if (typeof atob === "function") {
				const str = atob(src.replace(/[\n\r]/g, ""));
				const buffer = new Uint8Array(str.length);
				for (let i = 0; i < str.length; ++i) buffer[i] = str.charCodeAt(i);
				return buffer;
			} else {
				onError("This environment does not support reading binary tags; either Buffer or atob is required");
				return src;
			}
		},
		stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
			if (!value) return "";
			const buf = value;
			let str;
			if (typeof node_buffer.Buffer === "function") str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
			else if (typeof btoa === "function") {
				let s = "";
				for (let i = 0; i < buf.length; ++i) s += String.fromCharCode(buf[i]);
				str = btoa(s);
			} else throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
			type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
			if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
				const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
				const n = Math.ceil(str.length / lineWidth);
				const lines = new Array(n);
				for (let i = 0, o = 0; i < n; ++i, o += lineWidth) lines[i] = str.substr(o, lineWidth);
				str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
			}
			return stringifyString.stringifyString({
				comment,
				type,
				value: str
			}, ctx, onComment, onChompKeep);
		}
	};
}));
// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Pair = require_Pair();
	var Scalar = require_Scalar();
	var YAMLSeq = require_YAMLSeq();
	function resolvePairs(seq, onError) {
		if (identity.isSeq(seq)) for (let i = 0; i < seq.items.length; ++i) {
			let item = seq.items[i];
			if (identity.isPair(item)) continue;
			else if (identity.isMap(item)) {
				if (item.items.length > 1) onError("Each pair must have its own sequence indicator");
				const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
				if (item.commentBefore) pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}\n${pair.key.commentBefore}` : item.commentBefore;
				if (item.comment) {
					const cn = pair.value ?? pair.key;
					cn.comment = cn.comment ? `${item.comment}\n${cn.comment}` : item.comment;
				}
				item = pair;
			}
			seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
		}
		else onError("Expected a sequence for this tag");
		return seq;
	}
	function createPairs(schema, iterable, ctx) {
		const { replacer } = ctx;
		const pairs = new YAMLSeq.YAMLSeq(schema);
		pairs.tag = "tag:yaml.org,2002:pairs";
		let i = 0;
		if (iterable && Symbol.iterator in Object(iterable)) for (let it of iterable) {
			if (typeof replacer === "function") it = replacer.call(iterable, String(i++), it);
			let key, value;
			if (Array.isArray(it)) {
				if (it.length === 2) {
					key = it[0];
					value = it[1];
				} else throw new TypeError(`Expected [key, value] tuple: ${it}`);
			} else if (it && it instanceof Object) {
				const keys = Object.keys(it);
				if (keys.length === 1) {
					key = keys[0];
					value = it[key];
				} else throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
			} else key = it;
			pairs.items.push(Pair.createPair(key, value, ctx));
		}
		return pairs;
	}
	const pairs = {
		collection: "seq",
		default: false,
		tag: "tag:yaml.org,2002:pairs",
		resolve: resolvePairs,
		createNode: createPairs
	};
	exports.createPairs = createPairs;
	exports.pairs = pairs;
	exports.resolvePairs = resolvePairs;
}));
// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var toJS = require_toJS();
	var YAMLMap = require_YAMLMap();
	var YAMLSeq = require_YAMLSeq();
	var pairs = require_pairs();
	var YAMLOMap = class YAMLOMap extends YAMLSeq.YAMLSeq {
		constructor() {
			super();
			this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
			this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
			this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
			this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
			this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
			this.tag = YAMLOMap.tag;
		}
		/**
		* If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
		* but TypeScript won't allow widening the signature of a child method.
		*/
		toJSON(_, ctx) {
			if (!ctx) return super.toJSON(_);
			const map = /* @__PURE__ */ new Map();
			if (ctx?.onCreate) ctx.onCreate(map);
			for (const pair of this.items) {
				let key, value;
				if (identity.isPair(pair)) {
					key = toJS.toJS(pair.key, "", ctx);
					value = toJS.toJS(pair.value, key, ctx);
				} else key = toJS.toJS(pair, "", ctx);
				if (map.has(key)) throw new Error("Ordered maps must not include duplicate keys");
				map.set(key, value);
			}
			return map;
		}
		static from(schema, iterable, ctx) {
			const pairs$1 = pairs.createPairs(schema, iterable, ctx);
			const omap = new this();
			omap.items = pairs$1.items;
			return omap;
		}
	};
	YAMLOMap.tag = "tag:yaml.org,2002:omap";
	const omap = {
		collection: "seq",
		identify: (value) => value instanceof Map,
		nodeClass: YAMLOMap,
		default: false,
		tag: "tag:yaml.org,2002:omap",
		resolve(seq, onError) {
			const pairs$1 = pairs.resolvePairs(seq, onError);
			const seenKeys = [];
			for (const { key } of pairs$1.items) if (identity.isScalar(key)) {
				if (seenKeys.includes(key.value)) onError(`Ordered maps must not include duplicate keys: ${key.value}`);
				else seenKeys.push(key.value);
			}
			return Object.assign(new YAMLOMap(), pairs$1);
		},
		createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};
	exports.YAMLOMap = YAMLOMap;
	exports.omap = omap;
}));
// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	function boolStringify({ value, source }, ctx) {
		if (source && (value ? trueTag : falseTag).test.test(source)) return source;
		return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
		identify: (value) => value === true,
		default: true,
		tag: "tag:yaml.org,2002:bool",
		test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
		resolve: () => new Scalar.Scalar(true),
		stringify: boolStringify
	};
	const falseTag = {
		identify: (value) => value === false,
		default: true,
		tag: "tag:yaml.org,2002:bool",
		test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
		resolve: () => new Scalar.Scalar(false),
		stringify: boolStringify
	};
	exports.falseTag = falseTag;
	exports.trueTag = trueTag;
}));
// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	var stringifyNumber = require_stringifyNumber();
	const floatNaN = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
		resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
		stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		format: "EXP",
		test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
		resolve: (str) => parseFloat(str.replace(/_/g, "")),
		stringify(node) {
			const num = Number(node.value);
			return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
		}
	};
	exports.float = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
		resolve(str) {
			const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
			const dot = str.indexOf(".");
			if (dot !== -1) {
				const f = str.substring(dot + 1).replace(/_/g, "");
				if (f[f.length - 1] === "0") node.minFractionDigits = f.length;
			}
			return node;
		},
		stringify: stringifyNumber.stringifyNumber
	};
	exports.floatExp = floatExp;
	exports.floatNaN = floatNaN;
}));
// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int = /* @__PURE__ */ __commonJSMin(((exports) => {
	var stringifyNumber = require_stringifyNumber();
	const intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
		const sign = str[0];
		if (sign === "-" || sign === "+") offset += 1;
		str = str.substring(offset).replace(/_/g, "");
		if (intAsBigInt) {
			switch (radix) {
				case 2:
					str = `0b${str}`;
					break;
				case 8:
					str = `0o${str}`;
					break;
				case 16: str = `0x${str}`;
			}
			const n = BigInt(str);
			return sign === "-" ? BigInt(-1) * n : n;
		}
		const n = parseInt(str, radix);
		return sign === "-" ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
		const { value } = node;
		if (intIdentify(value)) {
			const str = value.toString(radix);
			return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
		}
		return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
		identify: intIdentify,
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "BIN",
		test: /^[-+]?0b[0-1_]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
		stringify: (node) => intStringify(node, 2, "0b")
	};
	const intOct = {
		identify: intIdentify,
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "OCT",
		test: /^[-+]?0[0-7_]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
		stringify: (node) => intStringify(node, 8, "0")
	};
	const int = {
		identify: intIdentify,
		default: true,
		tag: "tag:yaml.org,2002:int",
		test: /^[-+]?[0-9][0-9_]*$/,
		resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
		stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
		identify: intIdentify,
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "HEX",
		test: /^[-+]?0x[0-9a-fA-F_]+$/,
		resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
		stringify: (node) => intStringify(node, 16, "0x")
	};
	exports.int = int;
	exports.intBin = intBin;
	exports.intHex = intHex;
	exports.intOct = intOct;
}));
// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Pair = require_Pair();
	var YAMLMap = require_YAMLMap();
	var YAMLSet = class YAMLSet extends YAMLMap.YAMLMap {
		constructor(schema) {
			super(schema);
			this.tag = YAMLSet.tag;
		}
		add(key) {
			let pair;
			if (identity.isPair(key)) pair = key;
			else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null) pair = new Pair.Pair(key.key, null);
			else pair = new Pair.Pair(key, null);
			if (!YAMLMap.findPair(this.items, pair.key)) this.items.push(pair);
		}
		/**
		* If `keepPair` is `true`, returns the Pair matching `key`.
		* Otherwise, returns the value of that Pair's key.
		*/
		get(key, keepPair) {
			const pair = YAMLMap.findPair(this.items, key);
			return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
		}
		set(key, value) {
			if (typeof value !== "boolean") throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
			const prev = YAMLMap.findPair(this.items, key);
			if (prev && !value) this.items.splice(this.items.indexOf(prev), 1);
			else if (!prev && value) this.items.push(new Pair.Pair(key));
		}
		toJSON(_, ctx) {
			return super.toJSON(_, ctx, Set);
		}
		toString(ctx, onComment, onChompKeep) {
			if (!ctx) return JSON.stringify(this);
			if (this.hasAllNullValues(true)) return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
			else throw new Error("Set items must all have null values");
		}
		static from(schema, iterable, ctx) {
			const { replacer } = ctx;
			const set = new this(schema);
			if (iterable && Symbol.iterator in Object(iterable)) for (let value of iterable) {
				if (typeof replacer === "function") value = replacer.call(iterable, value, value);
				set.items.push(Pair.createPair(value, null, ctx));
			}
			return set;
		}
	};
	YAMLSet.tag = "tag:yaml.org,2002:set";
	const set = {
		collection: "map",
		identify: (value) => value instanceof Set,
		nodeClass: YAMLSet,
		default: false,
		tag: "tag:yaml.org,2002:set",
		createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
		resolve(map, onError) {
			if (identity.isMap(map)) {
				if (map.hasAllNullValues(true)) return Object.assign(new YAMLSet(), map);
				else onError("Set items must all have null values");
			} else onError("Expected a mapping for this tag");
			return map;
		}
	};
	exports.YAMLSet = YAMLSet;
	exports.set = set;
}));
// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = /* @__PURE__ */ __commonJSMin(((exports) => {
	var stringifyNumber = require_stringifyNumber();
	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
		const sign = str[0];
		const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
		const num = (n) => asBigInt ? BigInt(n) : Number(n);
		const res = parts.replace(/_/g, "").split(":").reduce((res, p) => res * num(60) + num(p), num(0));
		return sign === "-" ? num(-1) * res : res;
	}
	/**
	* hhhh:mm:ss.sss
	*
	* Internal types handle bigint as number, because TS can't figure it out.
	*/
	function stringifySexagesimal(node) {
		let { value } = node;
		let num = (n) => n;
		if (typeof value === "bigint") num = (n) => BigInt(n);
		else if (isNaN(value) || !isFinite(value)) return stringifyNumber.stringifyNumber(node);
		let sign = "";
		if (value < 0) {
			sign = "-";
			value *= num(-1);
		}
		const _60 = num(60);
		const parts = [value % _60];
		if (value < 60) parts.unshift(0);
		else {
			value = (value - parts[0]) / _60;
			parts.unshift(value % _60);
			if (value >= 60) {
				value = (value - parts[0]) / _60;
				parts.unshift(value);
			}
		}
		return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
	}
	const intTime = {
		identify: (value) => typeof value === "bigint" || Number.isInteger(value),
		default: true,
		tag: "tag:yaml.org,2002:int",
		format: "TIME",
		test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
		resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
		stringify: stringifySexagesimal
	};
	const floatTime = {
		identify: (value) => typeof value === "number",
		default: true,
		tag: "tag:yaml.org,2002:float",
		format: "TIME",
		test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
		resolve: (str) => parseSexagesimal(str, false),
		stringify: stringifySexagesimal
	};
	const timestamp = {
		identify: (value) => value instanceof Date,
		default: true,
		tag: "tag:yaml.org,2002:timestamp",
		test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
		resolve(str) {
			const match = str.match(timestamp.test);
			if (!match) throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
			const [, year, month, day, hour, minute, second] = match.map(Number);
			const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
			let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
			const tz = match[8];
			if (tz && tz !== "Z") {
				let d = parseSexagesimal(tz, false);
				if (Math.abs(d) < 30) d *= 60;
				date -= 6e4 * d;
			}
			return new Date(date);
		},
		stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
	};
	exports.floatTime = floatTime;
	exports.intTime = intTime;
	exports.timestamp = timestamp;
}));
// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema = /* @__PURE__ */ __commonJSMin(((exports) => {
	var map = require_map();
	var _null = require_null();
	var seq = require_seq();
	var string = require_string();
	var binary = require_binary();
	var bool = require_bool();
	var float = require_float();
	var int = require_int();
	var merge = require_merge();
	var omap = require_omap();
	var pairs = require_pairs();
	var set = require_set();
	var timestamp = require_timestamp();
	exports.schema = [
		map.map,
		seq.seq,
		string.string,
		_null.nullTag,
		bool.trueTag,
		bool.falseTag,
		int.intBin,
		int.intOct,
		int.int,
		int.intHex,
		float.floatNaN,
		float.floatExp,
		float.float,
		binary.binary,
		merge.merge,
		omap.omap,
		pairs.pairs,
		set.set,
		timestamp.intTime,
		timestamp.floatTime,
		timestamp.timestamp
	];
}));
// node_modules/yaml/dist/schema/tags.js
var require_tags = /* @__PURE__ */ __commonJSMin(((exports) => {
	var map = require_map();
	var _null = require_null();
	var seq = require_seq();
	var string = require_string();
	var bool = require_bool$1();
	var float = require_float$1();
	var int = require_int$1();
	var schema = require_schema$2();
	var schema$1 = require_schema$1();
	var binary = require_binary();
	var merge = require_merge();
	var omap = require_omap();
	var pairs = require_pairs();
	var schema$2 = require_schema();
	var set = require_set();
	var timestamp = require_timestamp();
	const schemas = /* @__PURE__ */ new Map([
		["core", schema.schema],
		["failsafe", [
			map.map,
			seq.seq,
			string.string
		]],
		["json", schema$1.schema],
		["yaml11", schema$2.schema],
		["yaml-1.1", schema$2.schema]
	]);
	const tagsByName = {
		binary: binary.binary,
		bool: bool.boolTag,
		float: float.float,
		floatExp: float.floatExp,
		floatNaN: float.floatNaN,
		floatTime: timestamp.floatTime,
		int: int.int,
		intHex: int.intHex,
		intOct: int.intOct,
		intTime: timestamp.intTime,
		map: map.map,
		merge: merge.merge,
		null: _null.nullTag,
		omap: omap.omap,
		pairs: pairs.pairs,
		seq: seq.seq,
		set: set.set,
		timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
		"tag:yaml.org,2002:binary": binary.binary,
		"tag:yaml.org,2002:merge": merge.merge,
		"tag:yaml.org,2002:omap": omap.omap,
		"tag:yaml.org,2002:pairs": pairs.pairs,
		"tag:yaml.org,2002:set": set.set,
		"tag:yaml.org,2002:timestamp": timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
		const schemaTags = schemas.get(schemaName);
		if (schemaTags && !customTags) return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
		let tags = schemaTags;
		if (!tags) {
			if (Array.isArray(customTags)) tags = [];
			else {
				const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
				throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
			}
		}
		if (Array.isArray(customTags)) for (const tag of customTags) tags = tags.concat(tag);
		else if (typeof customTags === "function") tags = customTags(tags.slice());
		if (addMergeTag) tags = tags.concat(merge.merge);
		return tags.reduce((tags, tag) => {
			const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
			if (!tagObj) {
				const tagName = JSON.stringify(tag);
				const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
				throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
			}
			if (!tags.includes(tagObj)) tags.push(tagObj);
			return tags;
		}, []);
	}
	exports.coreKnownTags = coreKnownTags;
	exports.getTags = getTags;
}));
// node_modules/yaml/dist/schema/Schema.js
var require_Schema = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var map = require_map();
	var seq = require_seq();
	var string = require_string();
	var tags = require_tags();
	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	exports.Schema = class Schema {
		constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
			this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
			this.name = typeof schema === "string" && schema || "core";
			this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
			this.tags = tags.getTags(customTags, this.name, merge);
			this.toStringOptions = toStringDefaults ?? null;
			Object.defineProperty(this, identity.MAP, { value: map.map });
			Object.defineProperty(this, identity.SCALAR, { value: string.string });
			Object.defineProperty(this, identity.SEQ, { value: seq.seq });
			this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
		}
		clone() {
			const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
			copy.tags = this.tags.slice();
			return copy;
		}
	};
}));
// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var stringify = require_stringify();
	var stringifyComment = require_stringifyComment();
	function stringifyDocument(doc, options) {
		const lines = [];
		let hasDirectives = options.directives === true;
		if (options.directives !== false && doc.directives) {
			const dir = doc.directives.toString(doc);
			if (dir) {
				lines.push(dir);
				hasDirectives = true;
			} else if (doc.directives.docStart) hasDirectives = true;
		}
		if (hasDirectives) lines.push("---");
		const ctx = stringify.createStringifyContext(doc, options);
		const { commentString } = ctx.options;
		if (doc.commentBefore) {
			if (lines.length !== 1) lines.unshift("");
			const cs = commentString(doc.commentBefore);
			lines.unshift(stringifyComment.indentComment(cs, ""));
		}
		let chompKeep = false;
		let contentComment = null;
		if (doc.contents) {
			if (identity.isNode(doc.contents)) {
				if (doc.contents.spaceBefore && hasDirectives) lines.push("");
				if (doc.contents.commentBefore) {
					const cs = commentString(doc.contents.commentBefore);
					lines.push(stringifyComment.indentComment(cs, ""));
				}
				ctx.forceBlockIndent = !!doc.comment;
				contentComment = doc.contents.comment;
			}
			const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
			let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
			if (contentComment) body += stringifyComment.lineComment(body, "", commentString(contentComment));
			if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") lines[lines.length - 1] = `--- ${body}`;
			else lines.push(body);
		} else lines.push(stringify.stringify(doc.contents, ctx));
		if (doc.directives?.docEnd) {
			if (doc.comment) {
				const cs = commentString(doc.comment);
				if (cs.includes("\n")) {
					lines.push("...");
					lines.push(stringifyComment.indentComment(cs, ""));
				} else lines.push(`... ${cs}`);
			} else lines.push("...");
		} else {
			let dc = doc.comment;
			if (dc && chompKeep) dc = dc.replace(/^\n+/, "");
			if (dc) {
				if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "") lines.push("");
				lines.push(stringifyComment.indentComment(commentString(dc), ""));
			}
		}
		return lines.join("\n") + "\n";
	}
	exports.stringifyDocument = stringifyDocument;
}));
// node_modules/yaml/dist/doc/Document.js
var require_Document = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Alias = require_Alias();
	var Collection = require_Collection();
	var identity = require_identity();
	var Pair = require_Pair();
	var toJS = require_toJS();
	var Schema = require_Schema();
	var stringifyDocument = require_stringifyDocument();
	var anchors = require_anchors();
	var applyReviver = require_applyReviver();
	var createNode = require_createNode();
	var directives = require_directives();
	var Document = class Document {
		constructor(value, replacer, options) {
			/** A comment before this Document */
			this.commentBefore = null;
			/** A comment immediately after this Document */
			this.comment = null;
			/** Errors encountered during parsing. */
			this.errors = [];
			/** Warnings encountered during parsing. */
			this.warnings = [];
			Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
			let _replacer = null;
			if (typeof replacer === "function" || Array.isArray(replacer)) _replacer = replacer;
			else if (options === void 0 && replacer) {
				options = replacer;
				replacer = void 0;
			}
			const opt = Object.assign({
				intAsBigInt: false,
				keepSourceTokens: false,
				logLevel: "warn",
				prettyErrors: true,
				strict: true,
				stringKeys: false,
				uniqueKeys: true,
				version: "1.2"
			}, options);
			this.options = opt;
			let { version } = opt;
			if (options?._directives) {
				this.directives = options._directives.atDocument();
				if (this.directives.yaml.explicit) version = this.directives.yaml.version;
			} else this.directives = new directives.Directives({ version });
			this.setSchema(version, options);
			this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
		}
		/**
		* Create a deep copy of this Document and its contents.
		*
		* Custom Node values that inherit from `Object` still refer to their original instances.
		*/
		clone() {
			const copy = Object.create(Document.prototype, { [identity.NODE_TYPE]: { value: identity.DOC } });
			copy.commentBefore = this.commentBefore;
			copy.comment = this.comment;
			copy.errors = this.errors.slice();
			copy.warnings = this.warnings.slice();
			copy.options = Object.assign({}, this.options);
			if (this.directives) copy.directives = this.directives.clone();
			copy.schema = this.schema.clone();
			copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
			if (this.range) copy.range = this.range.slice();
			return copy;
		}
		/** Adds a value to the document. */
		add(value) {
			if (assertCollection(this.contents)) this.contents.add(value);
		}
		/** Adds a value to the document. */
		addIn(path, value) {
			if (assertCollection(this.contents)) this.contents.addIn(path, value);
		}
		/**
		* Create a new `Alias` node, ensuring that the target `node` has the required anchor.
		*
		* If `node` already has an anchor, `name` is ignored.
		* Otherwise, the `node.anchor` value will be set to `name`,
		* or if an anchor with that name is already present in the document,
		* `name` will be used as a prefix for a new unique anchor.
		* If `name` is undefined, the generated anchor will use 'a' as a prefix.
		*/
		createAlias(node, name) {
			if (!node.anchor) {
				const prev = anchors.anchorNames(this);
				node.anchor = !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
			}
			return new Alias.Alias(node.anchor);
		}
		createNode(value, replacer, options) {
			let _replacer = void 0;
			if (typeof replacer === "function") {
				value = replacer.call({ "": value }, "", value);
				_replacer = replacer;
			} else if (Array.isArray(replacer)) {
				const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
				const asStr = replacer.filter(keyToStr).map(String);
				if (asStr.length > 0) replacer = replacer.concat(asStr);
				_replacer = replacer;
			} else if (options === void 0 && replacer) {
				options = replacer;
				replacer = void 0;
			}
			const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
			const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, anchorPrefix || "a");
			const ctx = {
				aliasDuplicateObjects: aliasDuplicateObjects ?? true,
				keepUndefined: keepUndefined ?? false,
				onAnchor,
				onTagObj,
				replacer: _replacer,
				schema: this.schema,
				sourceObjects
			};
			const node = createNode.createNode(value, tag, ctx);
			if (flow && identity.isCollection(node)) node.flow = true;
			setAnchors();
			return node;
		}
		/**
		* Convert a key and a value into a `Pair` using the current schema,
		* recursively wrapping all values as `Scalar` or `Collection` nodes.
		*/
		createPair(key, value, options = {}) {
			const k = this.createNode(key, null, options);
			const v = this.createNode(value, null, options);
			return new Pair.Pair(k, v);
		}
		/**
		* Removes a value from the document.
		* @returns `true` if the item was found and removed.
		*/
		delete(key) {
			return assertCollection(this.contents) ? this.contents.delete(key) : false;
		}
		/**
		* Removes a value from the document.
		* @returns `true` if the item was found and removed.
		*/
		deleteIn(path) {
			if (Collection.isEmptyPath(path)) {
				if (this.contents == null) return false;
				this.contents = null;
				return true;
			}
			return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
		}
		/**
		* Returns item at `key`, or `undefined` if not found. By default unwraps
		* scalar values from their surrounding node; to disable set `keepScalar` to
		* `true` (collections are always returned intact).
		*/
		get(key, keepScalar) {
			return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
		}
		/**
		* Returns item at `path`, or `undefined` if not found. By default unwraps
		* scalar values from their surrounding node; to disable set `keepScalar` to
		* `true` (collections are always returned intact).
		*/
		getIn(path, keepScalar) {
			if (Collection.isEmptyPath(path)) return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
			return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
		}
		/**
		* Checks if the document includes a value with the key `key`.
		*/
		has(key) {
			return identity.isCollection(this.contents) ? this.contents.has(key) : false;
		}
		/**
		* Checks if the document includes a value at `path`.
		*/
		hasIn(path) {
			if (Collection.isEmptyPath(path)) return this.contents !== void 0;
			return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
		}
		/**
		* Sets a value in this document. For `!!set`, `value` needs to be a
		* boolean to add/remove the item from the set.
		*/
		set(key, value) {
			if (this.contents == null) this.contents = Collection.collectionFromPath(this.schema, [key], value);
			else if (assertCollection(this.contents)) this.contents.set(key, value);
		}
		/**
		* Sets a value in this document. For `!!set`, `value` needs to be a
		* boolean to add/remove the item from the set.
		*/
		setIn(path, value) {
			if (Collection.isEmptyPath(path)) this.contents = value;
			else if (this.contents == null) this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
			else if (assertCollection(this.contents)) this.contents.setIn(path, value);
		}
		/**
		* Change the YAML version and schema used by the document.
		* A `null` version disables support for directives, explicit tags, anchors, and aliases.
		* It also requires the `schema` option to be given as a `Schema` instance value.
		*
		* Overrides all previously set schema options.
		*/
		setSchema(version, options = {}) {
			if (typeof version === "number") version = String(version);
			let opt;
			switch (version) {
				case "1.1":
					if (this.directives) this.directives.yaml.version = "1.1";
					else this.directives = new directives.Directives({ version: "1.1" });
					opt = {
						resolveKnownTags: false,
						schema: "yaml-1.1"
					};
					break;
				case "1.2":
				case "next":
					if (this.directives) this.directives.yaml.version = version;
					else this.directives = new directives.Directives({ version });
					opt = {
						resolveKnownTags: true,
						schema: "core"
					};
					break;
				case null:
					if (this.directives) delete this.directives;
					opt = null;
					break;
				default: {
					const sv = JSON.stringify(version);
					throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
				}
			}
			if (options.schema instanceof Object) this.schema = options.schema;
			else if (opt) this.schema = new Schema.Schema(Object.assign(opt, options));
			else throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
		}
		toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
			const ctx = {
				anchors: /* @__PURE__ */ new Map(),
				doc: this,
				keep: !json,
				mapAsMap: mapAsMap === true,
				mapKeyWarned: false,
				maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
			};
			const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
			if (typeof onAnchor === "function") for (const { count, res } of ctx.anchors.values()) onAnchor(res, count);
			return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
		}
		/**
		* A JSON representation of the document `contents`.
		*
		* @param jsonArg Used by `JSON.stringify` to indicate the array index or
		*   property name.
		*/
		toJSON(jsonArg, onAnchor) {
			return this.toJS({
				json: true,
				jsonArg,
				mapAsMap: false,
				onAnchor
			});
		}
		/** A YAML representation of the document. */
		toString(options = {}) {
			if (this.errors.length > 0) throw new Error("Document with errors cannot be stringified");
			if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
				const s = JSON.stringify(options.indent);
				throw new Error(`"indent" option must be a positive integer, not ${s}`);
			}
			return stringifyDocument.stringifyDocument(this, options);
		}
	};
	function assertCollection(contents) {
		if (identity.isCollection(contents)) return true;
		throw new Error("Expected a YAML collection as document contents");
	}
	exports.Document = Document;
}));
// node_modules/yaml/dist/errors.js
var require_errors = /* @__PURE__ */ __commonJSMin(((exports) => {
	var YAMLError = class extends Error {
		constructor(name, pos, code, message) {
			super();
			this.name = name;
			this.code = code;
			this.message = message;
			this.pos = pos;
		}
	};
	var YAMLParseError = class extends YAMLError {
		constructor(pos, code, message) {
			super("YAMLParseError", pos, code, message);
		}
	};
	var YAMLWarning = class extends YAMLError {
		constructor(pos, code, message) {
			super("YAMLWarning", pos, code, message);
		}
	};
	const prettifyError = (src, lc) => (error) => {
		if (error.pos[0] === -1) return;
		error.linePos = error.pos.map((pos) => lc.linePos(pos));
		const { line, col } = error.linePos[0];
		error.message += ` at line ${line}, column ${col}`;
		let ci = col - 1;
		let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
		if (ci >= 60 && lineStr.length > 80) {
			const trimStart = Math.min(ci - 39, lineStr.length - 79);
			lineStr = "…" + lineStr.substring(trimStart);
			ci -= trimStart - 1;
		}
		if (lineStr.length > 80) lineStr = lineStr.substring(0, 79) + "…";
		if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
			let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
			if (prev.length > 80) prev = prev.substring(0, 79) + "…\n";
			lineStr = prev + lineStr;
		}
		if (/[^ ]/.test(lineStr)) {
			let count = 1;
			const end = error.linePos[1];
			if (end?.line === line && end.col > col) count = Math.max(1, Math.min(end.col - col, 80 - ci));
			const pointer = " ".repeat(ci) + "^".repeat(count);
			error.message += `:\n\n${lineStr}\n${pointer}\n`;
		}
	};
	exports.YAMLError = YAMLError;
	exports.YAMLParseError = YAMLParseError;
	exports.YAMLWarning = YAMLWarning;
	exports.prettifyError = prettifyError;
}));
// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = /* @__PURE__ */ __commonJSMin(((exports) => {
	function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
		let spaceBefore = false;
		let atNewline = startOnNewline;
		let hasSpace = startOnNewline;
		let comment = "";
		let commentSep = "";
		let hasNewline = false;
		let reqSpace = false;
		let tab = null;
		let anchor = null;
		let tag = null;
		let newlineAfterProp = null;
		let comma = null;
		let found = null;
		let start = null;
		for (const token of tokens) {
			if (reqSpace) {
				if (token.type !== "space" && token.type !== "newline" && token.type !== "comma") onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
				reqSpace = false;
			}
			if (tab) {
				if (atNewline && token.type !== "comment" && token.type !== "newline") onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
				tab = null;
			}
			switch (token.type) {
				case "space":
					if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) tab = token;
					hasSpace = true;
					break;
				case "comment": {
					if (!hasSpace) onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
					const cb = token.source.substring(1) || " ";
					if (!comment) comment = cb;
					else comment += commentSep + cb;
					commentSep = "";
					atNewline = false;
					break;
				}
				case "newline":
					if (atNewline) {
						if (comment) comment += token.source;
						else if (!found || indicator !== "seq-item-ind") spaceBefore = true;
					} else commentSep += token.source;
					atNewline = true;
					hasNewline = true;
					if (anchor || tag) newlineAfterProp = token;
					hasSpace = true;
					break;
				case "anchor":
					if (anchor) onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
					if (token.source.endsWith(":")) onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
					anchor = token;
					start ?? (start = token.offset);
					atNewline = false;
					hasSpace = false;
					reqSpace = true;
					break;
				case "tag":
					if (tag) onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
					tag = token;
					start ?? (start = token.offset);
					atNewline = false;
					hasSpace = false;
					reqSpace = true;
					break;
				case indicator:
					if (anchor || tag) onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
					if (found) onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
					found = token;
					atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
					hasSpace = false;
					break;
				case "comma": if (flow) {
					if (comma) onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
					comma = token;
					atNewline = false;
					hasSpace = false;
					break;
				}
				default:
					onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
					atNewline = false;
					hasSpace = false;
			}
		}
		const last = tokens[tokens.length - 1];
		const end = last ? last.offset + last.source.length : offset;
		if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
		if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq")) onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
		return {
			comma,
			found,
			spaceBefore,
			comment,
			hasNewline,
			anchor,
			tag,
			newlineAfterProp,
			end,
			start: start ?? end
		};
	}
	exports.resolveProps = resolveProps;
}));
// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = /* @__PURE__ */ __commonJSMin(((exports) => {
	function containsNewline(key) {
		if (!key) return null;
		switch (key.type) {
			case "alias":
			case "scalar":
			case "double-quoted-scalar":
			case "single-quoted-scalar":
				if (key.source.includes("\n")) return true;
				if (key.end) {
					for (const st of key.end) if (st.type === "newline") return true;
				}
				return false;
			case "flow-collection":
				for (const it of key.items) {
					for (const st of it.start) if (st.type === "newline") return true;
					if (it.sep) {
						for (const st of it.sep) if (st.type === "newline") return true;
					}
					if (containsNewline(it.key) || containsNewline(it.value)) return true;
				}
				return false;
			default: return true;
		}
	}
	exports.containsNewline = containsNewline;
}));
// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = /* @__PURE__ */ __commonJSMin(((exports) => {
	var utilContainsNewline = require_util_contains_newline();
	function flowIndentCheck(indent, fc, onError) {
		if (fc?.type === "flow-collection") {
			const end = fc.end[0];
			if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) onError(end, "BAD_INDENT", "Flow end indicator should be more indented than parent", true);
		}
	}
	exports.flowIndentCheck = flowIndentCheck;
}));
// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	function mapIncludes(ctx, items, search) {
		const { uniqueKeys } = ctx.options;
		if (uniqueKeys === false) return false;
		const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
		return items.some((pair) => isEqual(pair.key, search));
	}
	exports.mapIncludes = mapIncludes;
}));
// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Pair = require_Pair();
	var YAMLMap = require_YAMLMap();
	var resolveProps = require_resolve_props();
	var utilContainsNewline = require_util_contains_newline();
	var utilFlowIndentCheck = require_util_flow_indent_check();
	var utilMapIncludes = require_util_map_includes();
	const startColMsg = "All mapping items must start at the same column";
	function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
		const map = new ((tag?.nodeClass) ?? YAMLMap.YAMLMap)(ctx.schema);
		if (ctx.atRoot) ctx.atRoot = false;
		let offset = bm.offset;
		let commentEnd = null;
		for (const collItem of bm.items) {
			const { start, key, sep, value } = collItem;
			const keyProps = resolveProps.resolveProps(start, {
				indicator: "explicit-key-ind",
				next: key ?? sep?.[0],
				offset,
				onError,
				parentIndent: bm.indent,
				startOnNewline: true
			});
			const implicitKey = !keyProps.found;
			if (implicitKey) {
				if (key) {
					if (key.type === "block-seq") onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
					else if ("indent" in key && key.indent !== bm.indent) onError(offset, "BAD_INDENT", startColMsg);
				}
				if (!keyProps.anchor && !keyProps.tag && !sep) {
					commentEnd = keyProps.end;
					if (keyProps.comment) {
						if (map.comment) map.comment += "\n" + keyProps.comment;
						else map.comment = keyProps.comment;
					}
					continue;
				}
				if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
			} else if (keyProps.found?.indent !== bm.indent) onError(offset, "BAD_INDENT", startColMsg);
			ctx.atKey = true;
			const keyStart = keyProps.end;
			const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
			if (ctx.schema.compat) utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
			ctx.atKey = false;
			if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode)) onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
			const valueProps = resolveProps.resolveProps(sep ?? [], {
				indicator: "map-value-ind",
				next: value,
				offset: keyNode.range[2],
				onError,
				parentIndent: bm.indent,
				startOnNewline: !key || key.type === "block-scalar"
			});
			offset = valueProps.end;
			if (valueProps.found) {
				if (implicitKey) {
					if (value?.type === "block-map" && !valueProps.hasNewline) onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
					if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024) onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
				}
				const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
				if (ctx.schema.compat) utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
				offset = valueNode.range[2];
				const pair = new Pair.Pair(keyNode, valueNode);
				if (ctx.options.keepSourceTokens) pair.srcToken = collItem;
				map.items.push(pair);
			} else {
				if (implicitKey) onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
				if (valueProps.comment) {
					if (keyNode.comment) keyNode.comment += "\n" + valueProps.comment;
					else keyNode.comment = valueProps.comment;
				}
				const pair = new Pair.Pair(keyNode);
				if (ctx.options.keepSourceTokens) pair.srcToken = collItem;
				map.items.push(pair);
			}
		}
		if (commentEnd && commentEnd < offset) onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
		map.range = [
			bm.offset,
			offset,
			commentEnd ?? offset
		];
		return map;
	}
	exports.resolveBlockMap = resolveBlockMap;
}));
// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = /* @__PURE__ */ __commonJSMin(((exports) => {
	var YAMLSeq = require_YAMLSeq();
	var resolveProps = require_resolve_props();
	var utilFlowIndentCheck = require_util_flow_indent_check();
	function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
		const seq = new ((tag?.nodeClass) ?? YAMLSeq.YAMLSeq)(ctx.schema);
		if (ctx.atRoot) ctx.atRoot = false;
		if (ctx.atKey) ctx.atKey = false;
		let offset = bs.offset;
		let commentEnd = null;
		for (const { start, value } of bs.items) {
			const props = resolveProps.resolveProps(start, {
				indicator: "seq-item-ind",
				next: value,
				offset,
				onError,
				parentIndent: bs.indent,
				startOnNewline: true
			});
			if (!props.found) {
				if (props.anchor || props.tag || value) {
					if (value?.type === "block-seq") onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
					else onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
				} else {
					commentEnd = props.end;
					if (props.comment) seq.comment = props.comment;
					continue;
				}
			}
			const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
			if (ctx.schema.compat) utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
			offset = node.range[2];
			seq.items.push(node);
		}
		seq.range = [
			bs.offset,
			offset,
			commentEnd ?? offset
		];
		return seq;
	}
	exports.resolveBlockSeq = resolveBlockSeq;
}));
// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = /* @__PURE__ */ __commonJSMin(((exports) => {
	function resolveEnd(end, offset, reqSpace, onError) {
		let comment = "";
		if (end) {
			let hasSpace = false;
			let sep = "";
			for (const token of end) {
				const { source, type } = token;
				switch (type) {
					case "space":
						hasSpace = true;
						break;
					case "comment": {
						if (reqSpace && !hasSpace) onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
						const cb = source.substring(1) || " ";
						if (!comment) comment = cb;
						else comment += sep + cb;
						sep = "";
						break;
					}
					case "newline":
						if (comment) sep += source;
						hasSpace = true;
						break;
					default: onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
				}
				offset += source.length;
			}
		}
		return {
			comment,
			offset
		};
	}
	exports.resolveEnd = resolveEnd;
}));
// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Pair = require_Pair();
	var YAMLMap = require_YAMLMap();
	var YAMLSeq = require_YAMLSeq();
	var resolveEnd = require_resolve_end();
	var resolveProps = require_resolve_props();
	var utilContainsNewline = require_util_contains_newline();
	var utilMapIncludes = require_util_map_includes();
	const blockMsg = "Block collections are not allowed within flow collections";
	const isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
	function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
		const isMap = fc.start.source === "{";
		const fcName = isMap ? "flow map" : "flow sequence";
		const coll = new ((tag?.nodeClass) ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq))(ctx.schema);
		coll.flow = true;
		const atRoot = ctx.atRoot;
		if (atRoot) ctx.atRoot = false;
		if (ctx.atKey) ctx.atKey = false;
		let offset = fc.offset + fc.start.source.length;
		for (let i = 0; i < fc.items.length; ++i) {
			const collItem = fc.items[i];
			const { start, key, sep, value } = collItem;
			const props = resolveProps.resolveProps(start, {
				flow: fcName,
				indicator: "explicit-key-ind",
				next: key ?? sep?.[0],
				offset,
				onError,
				parentIndent: fc.indent,
				startOnNewline: false
			});
			if (!props.found) {
				if (!props.anchor && !props.tag && !sep && !value) {
					if (i === 0 && props.comma) onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
					else if (i < fc.items.length - 1) onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
					if (props.comment) {
						if (coll.comment) coll.comment += "\n" + props.comment;
						else coll.comment = props.comment;
					}
					offset = props.end;
					continue;
				}
				if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key)) onError(key, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
			}
			if (i === 0) {
				if (props.comma) onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
			} else {
				if (!props.comma) onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
				if (props.comment) {
					let prevItemComment = "";
					loop: for (const st of start) switch (st.type) {
						case "comma":
						case "space": break;
						case "comment":
							prevItemComment = st.source.substring(1);
							break loop;
						default: break loop;
					}
					if (prevItemComment) {
						let prev = coll.items[coll.items.length - 1];
						if (identity.isPair(prev)) prev = prev.value ?? prev.key;
						if (prev.comment) prev.comment += "\n" + prevItemComment;
						else prev.comment = prevItemComment;
						props.comment = props.comment.substring(prevItemComment.length + 1);
					}
				}
			}
			if (!isMap && !sep && !props.found) {
				const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
				coll.items.push(valueNode);
				offset = valueNode.range[2];
				if (isBlock(value)) onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
			} else {
				ctx.atKey = true;
				const keyStart = props.end;
				const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
				if (isBlock(key)) onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
				ctx.atKey = false;
				const valueProps = resolveProps.resolveProps(sep ?? [], {
					flow: fcName,
					indicator: "map-value-ind",
					next: value,
					offset: keyNode.range[2],
					onError,
					parentIndent: fc.indent,
					startOnNewline: false
				});
				if (valueProps.found) {
					if (!isMap && !props.found && ctx.options.strict) {
						if (sep) for (const st of sep) {
							if (st === valueProps.found) break;
							if (st.type === "newline") {
								onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
								break;
							}
						}
						if (props.start < valueProps.found.offset - 1024) onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
					}
				} else if (value) {
					if ("source" in value && value.source?.[0] === ":") onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
					else onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
				}
				const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
				if (valueNode) {
					if (isBlock(value)) onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
				} else if (valueProps.comment) {
					if (keyNode.comment) keyNode.comment += "\n" + valueProps.comment;
					else keyNode.comment = valueProps.comment;
				}
				const pair = new Pair.Pair(keyNode, valueNode);
				if (ctx.options.keepSourceTokens) pair.srcToken = collItem;
				if (isMap) {
					const map = coll;
					if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode)) onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
					map.items.push(pair);
				} else {
					const map = new YAMLMap.YAMLMap(ctx.schema);
					map.flow = true;
					map.items.push(pair);
					const endRange = (valueNode ?? keyNode).range;
					map.range = [
						keyNode.range[0],
						endRange[1],
						endRange[2]
					];
					coll.items.push(map);
				}
				offset = valueNode ? valueNode.range[2] : valueProps.end;
			}
		}
		const expectedEnd = isMap ? "}" : "]";
		const [ce, ...ee] = fc.end;
		let cePos = offset;
		if (ce?.source === expectedEnd) cePos = ce.offset + ce.source.length;
		else {
			const name = fcName[0].toUpperCase() + fcName.substring(1);
			const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
			onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
			if (ce && ce.source.length !== 1) ee.unshift(ce);
		}
		if (ee.length > 0) {
			const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
			if (end.comment) {
				if (coll.comment) coll.comment += "\n" + end.comment;
				else coll.comment = end.comment;
			}
			coll.range = [
				fc.offset,
				cePos,
				end.offset
			];
		} else coll.range = [
			fc.offset,
			cePos,
			cePos
		];
		return coll;
	}
	exports.resolveFlowCollection = resolveFlowCollection;
}));
// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Scalar = require_Scalar();
	var YAMLMap = require_YAMLMap();
	var YAMLSeq = require_YAMLSeq();
	var resolveBlockMap = require_resolve_block_map();
	var resolveBlockSeq = require_resolve_block_seq();
	var resolveFlowCollection = require_resolve_flow_collection();
	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
		const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
		const Coll = coll.constructor;
		if (tagName === "!" || tagName === Coll.tagName) {
			coll.tag = Coll.tagName;
			return coll;
		}
		if (tagName) coll.tag = tagName;
		return coll;
	}
	function composeCollection(CN, ctx, token, props, onError) {
		const tagToken = props.tag;
		const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
		if (token.type === "block-seq") {
			const { anchor, newlineAfterProp: nl } = props;
			const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
			if (lastProp && (!nl || nl.offset < lastProp.offset)) onError(lastProp, "MISSING_CHAR", "Missing newline after block sequence props");
		}
		const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
		if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") return resolveCollection(CN, ctx, token, onError, tagName);
		let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
		if (!tag) {
			const kt = ctx.schema.knownTags[tagName];
			if (kt?.collection === expType) {
				ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
				tag = kt;
			} else {
				if (kt) onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
				else onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
				return resolveCollection(CN, ctx, token, onError, tagName);
			}
		}
		const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
		const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
		const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
		node.range = coll.range;
		node.tag = tagName;
		if (tag?.format) node.format = tag.format;
		return node;
	}
	exports.composeCollection = composeCollection;
}));
// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	function resolveBlockScalar(ctx, scalar, onError) {
		const start = scalar.offset;
		const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
		if (!header) return {
			value: "",
			type: null,
			comment: "",
			range: [
				start,
				start,
				start
			]
		};
		const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
		const lines = scalar.source ? splitLines(scalar.source) : [];
		let chompStart = lines.length;
		for (let i = lines.length - 1; i >= 0; --i) {
			const content = lines[i][1];
			if (content === "" || content === "\r") chompStart = i;
			else break;
		}
		if (chompStart === 0) {
			const value = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
			let end = start + header.length;
			if (scalar.source) end += scalar.source.length;
			return {
				value,
				type,
				comment: header.comment,
				range: [
					start,
					end,
					end
				]
			};
		}
		let trimIndent = scalar.indent + header.indent;
		let offset = scalar.offset + header.length;
		let contentStart = 0;
		for (let i = 0; i < chompStart; ++i) {
			const [indent, content] = lines[i];
			if (content === "" || content === "\r") {
				if (header.indent === 0 && indent.length > trimIndent) trimIndent = indent.length;
			} else {
				if (indent.length < trimIndent) onError(offset + indent.length, "MISSING_CHAR", "Block scalars with more-indented leading empty lines must use an explicit indentation indicator");
				if (header.indent === 0) trimIndent = indent.length;
				contentStart = i;
				if (trimIndent === 0 && !ctx.atRoot) onError(offset, "BAD_INDENT", "Block scalar values in collections must be indented");
				break;
			}
			offset += indent.length + content.length + 1;
		}
		for (let i = lines.length - 1; i >= chompStart; --i) if (lines[i][0].length > trimIndent) chompStart = i + 1;
		let value = "";
		let sep = "";
		let prevMoreIndented = false;
		for (let i = 0; i < contentStart; ++i) value += lines[i][0].slice(trimIndent) + "\n";
		for (let i = contentStart; i < chompStart; ++i) {
			let [indent, content] = lines[i];
			offset += indent.length + content.length + 1;
			const crlf = content[content.length - 1] === "\r";
			if (crlf) content = content.slice(0, -1);
			/* istanbul ignore if already caught in lexer */
			if (content && indent.length < trimIndent) {
				const message = `Block scalar lines must not be less indented than their ${header.indent ? "explicit indentation indicator" : "first line"}`;
				onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
				indent = "";
			}
			if (type === Scalar.Scalar.BLOCK_LITERAL) {
				value += sep + indent.slice(trimIndent) + content;
				sep = "\n";
			} else if (indent.length > trimIndent || content[0] === "	") {
				if (sep === " ") sep = "\n";
				else if (!prevMoreIndented && sep === "\n") sep = "\n\n";
				value += sep + indent.slice(trimIndent) + content;
				sep = "\n";
				prevMoreIndented = true;
			} else if (content === "") {
				if (sep === "\n") value += "\n";
				else sep = "\n";
			} else {
				value += sep + content;
				sep = " ";
				prevMoreIndented = false;
			}
		}
		switch (header.chomp) {
			case "-": break;
			case "+":
				for (let i = chompStart; i < lines.length; ++i) value += "\n" + lines[i][0].slice(trimIndent);
				if (value[value.length - 1] !== "\n") value += "\n";
				break;
			default: value += "\n";
		}
		const end = start + header.length + scalar.source.length;
		return {
			value,
			type,
			comment: header.comment,
			range: [
				start,
				end,
				end
			]
		};
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
		/* istanbul ignore if should not happen */
		if (props[0].type !== "block-scalar-header") {
			onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
			return null;
		}
		const { source } = props[0];
		const mode = source[0];
		let indent = 0;
		let chomp = "";
		let error = -1;
		for (let i = 1; i < source.length; ++i) {
			const ch = source[i];
			if (!chomp && (ch === "-" || ch === "+")) chomp = ch;
			else {
				const n = Number(ch);
				if (!indent && n) indent = n;
				else if (error === -1) error = offset + i;
			}
		}
		if (error !== -1) onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
		let hasSpace = false;
		let comment = "";
		let length = source.length;
		for (let i = 1; i < props.length; ++i) {
			const token = props[i];
			switch (token.type) {
				case "space": hasSpace = true;
				case "newline":
					length += token.source.length;
					break;
				case "comment":
					if (strict && !hasSpace) onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
					length += token.source.length;
					comment = token.source.substring(1);
					break;
				case "error":
					onError(token, "UNEXPECTED_TOKEN", token.message);
					length += token.source.length;
					break;
				/* istanbul ignore next should not happen */
				default: {
					onError(token, "UNEXPECTED_TOKEN", `Unexpected token in block scalar header: ${token.type}`);
					const ts = token.source;
					if (ts && typeof ts === "string") length += ts.length;
				}
			}
		}
		return {
			mode,
			indent,
			chomp,
			comment,
			length
		};
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
		const split = source.split(/\n( *)/);
		const first = split[0];
		const m = first.match(/^( *)/);
		const lines = [m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first]];
		for (let i = 1; i < split.length; i += 2) lines.push([split[i], split[i + 1]]);
		return lines;
	}
	exports.resolveBlockScalar = resolveBlockScalar;
}));
// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Scalar = require_Scalar();
	var resolveEnd = require_resolve_end();
	function resolveFlowScalar(scalar, strict, onError) {
		const { offset, type, source, end } = scalar;
		let _type;
		let value;
		const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
		switch (type) {
			case "scalar":
				_type = Scalar.Scalar.PLAIN;
				value = plainValue(source, _onError);
				break;
			case "single-quoted-scalar":
				_type = Scalar.Scalar.QUOTE_SINGLE;
				value = singleQuotedValue(source, _onError);
				break;
			case "double-quoted-scalar":
				_type = Scalar.Scalar.QUOTE_DOUBLE;
				value = doubleQuotedValue(source, _onError);
				break;
			/* istanbul ignore next should not happen */
			default:
				onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
				return {
					value: "",
					type: null,
					comment: "",
					range: [
						offset,
						offset + source.length,
						offset + source.length
					]
				};
		}
		const valueEnd = offset + source.length;
		const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
		return {
			value,
			type: _type,
			comment: re.comment,
			range: [
				offset,
				valueEnd,
				re.offset
			]
		};
	}
	function plainValue(source, onError) {
		let badChar = "";
		switch (source[0]) {
			/* istanbul ignore next should not happen */
			case "	":
				badChar = "a tab character";
				break;
			case ",":
				badChar = "flow indicator character ,";
				break;
			case "%":
				badChar = "directive indicator character %";
				break;
			case "|":
			case ">":
				badChar = `block scalar indicator ${source[0]}`;
				break;
			case "@":
			case "`": badChar = `reserved character ${source[0]}`;
		}
		if (badChar) onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
		return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
		if (source[source.length - 1] !== "'" || source.length === 1) onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
		return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
		const line = /(.*?)\r?\n/sy;
		let match = line.exec(source);
		if (!match) return source;
		/**
		* The negative lookbehinds in these RegExps are to
		* prevent causing a polynomial search time in certain cases.
		*
		* The try-catch is for Safari < 16.4 and other old browsers:
		* https://caniuse.com/js-regexp-lookbehind
		*/
		let trimEnd, trimBoth;
		try {
			trimEnd = new RegExp("(?<![ 	])[ 	]+$");
			trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
		} catch {
			trimEnd = /[ \t]+$/;
			trimBoth = /^[ \t]+|[ \t]+$/g;
		}
		let res = match[1].replace(trimEnd, "");
		let sep = " ";
		let pos = line.lastIndex;
		while (match = line.exec(source)) {
			const lm = match[1].replace(trimBoth, "");
			if (lm === "") {
				if (sep === "\n") res += sep;
				else sep = "\n";
			} else {
				res += sep + lm;
				sep = " ";
			}
			pos = line.lastIndex;
		}
		const last = /[ \t]*(.*)/sy;
		last.lastIndex = pos;
		match = last.exec(source);
		return res + sep + (match?.[1] ?? "");
	}
	function doubleQuotedValue(source, onError) {
		let res = "";
		for (let i = 1; i < source.length - 1; ++i) {
			const ch = source[i];
			if (ch === "\r" && source[i + 1] === "\n") continue;
			if (ch === "\n") {
				const { fold, offset } = foldNewline(source, i);
				res += fold;
				i = offset;
			} else if (ch === "\\") {
				let next = source[++i];
				const cc = escapeCodes[next];
				if (cc) res += cc;
				else if (next === "\n") {
					next = source[i + 1];
					while (next === " " || next === "	") next = source[++i + 1];
				} else if (next === "\r" && source[i + 1] === "\n") {
					next = source[++i + 1];
					while (next === " " || next === "	") next = source[++i + 1];
				} else if (next === "x" || next === "u" || next === "U") {
					const length = next === "x" ? 2 : next === "u" ? 4 : 8;
					res += parseCharCode(source, i + 1, length, onError);
					i += length;
				} else {
					const raw = source.substr(i - 1, 2);
					onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
					res += raw;
				}
			} else if (ch === " " || ch === "	") {
				const wsStart = i;
				let next = source[i + 1];
				while (next === " " || next === "	") next = source[++i + 1];
				if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n")) res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
			} else res += ch;
		}
		if (source[source.length - 1] !== "\"" || source.length === 1) onError(source.length, "MISSING_CHAR", "Missing closing \"quote");
		return res;
	}
	/**
	* Fold a single newline into a space, multiple newlines to N - 1 newlines.
	* Presumes `source[offset] === '\n'`
	*/
	function foldNewline(source, offset) {
		let fold = "";
		let ch = source[offset + 1];
		while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
			if (ch === "\r" && source[offset + 2] !== "\n") break;
			if (ch === "\n") fold += "\n";
			offset += 1;
			ch = source[offset + 1];
		}
		if (!fold) fold = " ";
		return {
			fold,
			offset
		};
	}
	const escapeCodes = {
		"0": "\0",
		a: "\x07",
		b: "\b",
		e: "\x1B",
		f: "\f",
		n: "\n",
		r: "\r",
		t: "	",
		v: "\v",
		N: "",
		_: "\xA0",
		L: "\u2028",
		P: "\u2029",
		" ": " ",
		"\"": "\"",
		"/": "/",
		"\\": "\\",
		"	": "	"
	};
	function parseCharCode(source, offset, length, onError) {
		const cc = source.substr(offset, length);
		const code = cc.length === length && /^[0-9a-fA-F]+$/.test(cc) ? parseInt(cc, 16) : NaN;
		try {
			return String.fromCodePoint(code);
		} catch {
			const raw = source.substr(offset - 2, length + 2);
			onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
			return raw;
		}
	}
	exports.resolveFlowScalar = resolveFlowScalar;
}));
// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = /* @__PURE__ */ __commonJSMin(((exports) => {
	var identity = require_identity();
	var Scalar = require_Scalar();
	var resolveBlockScalar = require_resolve_block_scalar();
	var resolveFlowScalar = require_resolve_flow_scalar();
	function composeScalar(ctx, token, tagToken, onError) {
		const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
		const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
		let tag;
		if (ctx.options.stringKeys && ctx.atKey) tag = ctx.schema[identity.SCALAR];
		else if (tagName) tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
		else if (token.type === "scalar") tag = findScalarTagByTest(ctx, value, token, onError);
		else tag = ctx.schema[identity.SCALAR];
		let scalar;
		try {
			const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
			scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
		} catch (error) {
			const msg = error instanceof Error ? error.message : String(error);
			onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
			scalar = new Scalar.Scalar(value);
		}
		scalar.range = range;
		scalar.source = value;
		if (type) scalar.type = type;
		if (tagName) scalar.tag = tagName;
		if (tag.format) scalar.format = tag.format;
		if (comment) scalar.comment = comment;
		return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
		if (tagName === "!") return schema[identity.SCALAR];
		const matchWithTest = [];
		for (const tag of schema.tags) if (!tag.collection && tag.tag === tagName) {
			if (tag.default && tag.test) matchWithTest.push(tag);
			else return tag;
		}
		for (const tag of matchWithTest) if (tag.test?.test(value)) return tag;
		const kt = schema.knownTags[tagName];
		if (kt && !kt.collection) {
			schema.tags.push(Object.assign({}, kt, {
				default: false,
				test: void 0
			}));
			return kt;
		}
		onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
		return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
		const tag = schema.tags.find((tag) => (tag.default === true || atKey && tag.default === "key") && tag.test?.test(value)) || schema[identity.SCALAR];
		if (schema.compat) {
			const compat = schema.compat.find((tag) => tag.default && tag.test?.test(value)) ?? schema[identity.SCALAR];
			if (tag.tag !== compat.tag) onError(token, "TAG_RESOLVE_FAILED", `Value may be parsed as either ${directives.tagString(tag.tag)} or ${directives.tagString(compat.tag)}`, true);
		}
		return tag;
	}
	exports.composeScalar = composeScalar;
}));
// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = /* @__PURE__ */ __commonJSMin(((exports) => {
	function emptyScalarPosition(offset, before, pos) {
		if (before) {
			pos ?? (pos = before.length);
			for (let i = pos - 1; i >= 0; --i) {
				let st = before[i];
				switch (st.type) {
					case "space":
					case "comment":
					case "newline":
						offset -= st.source.length;
						continue;
				}
				st = before[++i];
				while (st?.type === "space") {
					offset += st.source.length;
					st = before[++i];
				}
				break;
			}
		}
		return offset;
	}
	exports.emptyScalarPosition = emptyScalarPosition;
}));
// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Alias = require_Alias();
	var identity = require_identity();
	var composeCollection = require_compose_collection();
	var composeScalar = require_compose_scalar();
	var resolveEnd = require_resolve_end();
	var utilEmptyScalarPosition = require_util_empty_scalar_position();
	const CN = {
		composeNode,
		composeEmptyNode
	};
	function composeNode(ctx, token, props, onError) {
		const atKey = ctx.atKey;
		const { spaceBefore, comment, anchor, tag } = props;
		let node;
		let isSrcToken = true;
		switch (token.type) {
			case "alias":
				node = composeAlias(ctx, token, onError);
				if (anchor || tag) onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
				break;
			case "scalar":
			case "single-quoted-scalar":
			case "double-quoted-scalar":
			case "block-scalar":
				node = composeScalar.composeScalar(ctx, token, tag, onError);
				if (anchor) node.anchor = anchor.source.substring(1);
				break;
			case "block-map":
			case "block-seq":
			case "flow-collection":
				try {
					node = composeCollection.composeCollection(CN, ctx, token, props, onError);
					if (anchor) node.anchor = anchor.source.substring(1);
				} catch (error) {
					onError(token, "RESOURCE_EXHAUSTION", error instanceof Error ? error.message : String(error));
				}
				break;
			default:
				onError(token, "UNEXPECTED_TOKEN", token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`);
				isSrcToken = false;
		}
		node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
		if (anchor && node.anchor === "") onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
		if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) onError(tag ?? token, "NON_STRING_KEY", "With stringKeys, all keys must be strings");
		if (spaceBefore) node.spaceBefore = true;
		if (comment) {
			if (token.type === "scalar" && token.source === "") node.comment = comment;
			else node.commentBefore = comment;
		}
		if (ctx.options.keepSourceTokens && isSrcToken) node.srcToken = token;
		return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
		const token = {
			type: "scalar",
			offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
			indent: -1,
			source: ""
		};
		const node = composeScalar.composeScalar(ctx, token, tag, onError);
		if (anchor) {
			node.anchor = anchor.source.substring(1);
			if (node.anchor === "") onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
		}
		if (spaceBefore) node.spaceBefore = true;
		if (comment) {
			node.comment = comment;
			node.range[2] = end;
		}
		return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
		const alias = new Alias.Alias(source.substring(1));
		if (alias.source === "") onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
		if (alias.source.endsWith(":")) onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
		const valueEnd = offset + source.length;
		const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
		alias.range = [
			offset,
			valueEnd,
			re.offset
		];
		if (re.comment) alias.comment = re.comment;
		return alias;
	}
	exports.composeEmptyNode = composeEmptyNode;
	exports.composeNode = composeNode;
}));
// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = /* @__PURE__ */ __commonJSMin(((exports) => {
	var Document = require_Document();
	var composeNode = require_compose_node();
	var resolveEnd = require_resolve_end();
	var resolveProps = require_resolve_props();
	function composeDoc(options, directives, { offset, start, value, end }, onError) {
		const opts = Object.assign({ _directives: directives }, options);
		const doc = new Document.Document(void 0, opts);
		const ctx = {
			atKey: false,
			atRoot: true,
			directives: doc.directives,
			options: doc.options,
			schema: doc.schema
		};
		const props = resolveProps.resolveProps(start, {
			indicator: "doc-start",
			next: value ?? end?.[0],
			offset,
			onError,
			parentIndent: 0,
			startOnNewline: true
		});
		if (props.found) {
			doc.directives.docStart = true;
			if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline) onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
		}
		doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
		const contentEnd = doc.contents.range[2];
		const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
		if (re.comment) doc.comment = re.comment;
		doc.range = [
			offset,
			contentEnd,
			re.offset
		];
		return doc;
	}
	exports.composeDoc = composeDoc;
}));
// node_modules/yaml/dist/compose/composer.js
var require_composer = /* @__PURE__ */ __commonJSMin(((exports) => {
	var node_process = __require("process");
	var directives = require_directives();
	var Document = require_Document();
	var errors = require_errors();
	var identity = require_identity();
	var composeDoc = require_compose_doc();
	var resolveEnd = require_resolve_end();
	function getErrorPos(src) {
		if (typeof src === "number") return [src, src + 1];
		if (Array.isArray(src)) return src.length === 2 ? src : [src[0], src[1]];
		const { offset, source } = src;
		return [offset, offset + (typeof source === "string" ? source.length : 1)];
	}
	function parsePrelude(prelude) {
		let comment = "";
		let atComment = false;
		let afterEmptyLine = false;
		for (let i = 0; i < prelude.length; ++i) {
			const source = prelude[i];
			switch (source[0]) {
				case "#":
					comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
					atComment = true;
					afterEmptyLine = false;
					break;
				case "%":
					if (prelude[i + 1]?.[0] !== "#") i += 1;
					atComment = false;
					break;
				default:
					if (!atComment) afterEmptyLine = true;
					atComment = false;
			}
		}
		return {
			comment,
			afterEmptyLine
		};
	}
	/**
	* Compose a stream of CST nodes into a stream of YAML Documents.
	*
	* ```ts
	* import { Composer, Parser } from 'yaml'
	*
	* const src: string = ...
	* const tokens = new Parser().parse(src)
	* const docs = new Composer().compose(tokens)
	* ```
	*/
	var Composer = class {
		constructor(options = {}) {
			this.doc = null;
			this.atDirectives = false;
			this.prelude = [];
			this.errors = [];
			this.warnings = [];
			this.onError = (source, code, message, warning) => {
				const pos = getErrorPos(source);
				if (warning) this.warnings.push(new errors.YAMLWarning(pos, code, message));
				else this.errors.push(new errors.YAMLParseError(pos, code, message));
			};
			this.directives = new directives.Directives({ version: options.version || "1.2" });
			this.options = options;
		}
		decorate(doc, afterDoc) {
			const { comment, afterEmptyLine } = parsePrelude(this.prelude);
			if (comment) {
				const dc = doc.contents;
				if (afterDoc) doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
				else if (afterEmptyLine || doc.directives.docStart || !dc) doc.commentBefore = comment;
				else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
					let it = dc.items[0];
					if (identity.isPair(it)) it = it.key;
					const cb = it.commentBefore;
					it.commentBefore = cb ? `${comment}\n${cb}` : comment;
				} else {
					const cb = dc.commentBefore;
					dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
				}
			}
			if (afterDoc) {
				for (let i = 0; i < this.errors.length; ++i) doc.errors.push(this.errors[i]);
				for (let i = 0; i < this.warnings.length; ++i) doc.warnings.push(this.warnings[i]);
			} else {
				doc.errors = this.errors;
				doc.warnings = this.warnings;
			}
			this.prelude = [];
			this.errors = [];
			this.warnings = [];
		}
		/**
		* Current stream status information.
		*
		* Mostly useful at the end of input for an empty stream.
		*/
		streamInfo() {
			return {
				comment: parsePrelude(this.prelude).comment,
				directives: this.directives,
				errors: this.errors,
				warnings: this.warnings
			};
		}
		/**
		* Compose tokens into documents.
		*
		* @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
		* @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
		*/
		*compose(tokens, forceDoc = false, endOffset = -1) {
			for (const token of tokens) yield* this.next(token);
			yield* this.end(forceDoc, endOffset);
		}
		/** Advance the composer by one CST token. */
		*next(token) {
			if (node_process.env.LOG_STREAM) console.dir(token, { depth: null });
			switch (token.type) {
				case "directive":
					this.directives.add(token.source, (offset, message, warning) => {
						const pos = getErrorPos(token);
						pos[0] += offset;
						this.onError(pos, "BAD_DIRECTIVE", message, warning);
					});
					this.prelude.push(token.source);
					this.atDirectives = true;
					break;
				case "document": {
					const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
					if (this.atDirectives && !doc.directives.docStart) this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
					this.decorate(doc, false);
					if (this.doc) yield this.doc;
					this.doc = doc;
					this.atDirectives = false;
					break;
				}
				case "byte-order-mark":
				case "space": break;
				case "comment":
				case "newline":
					this.prelude.push(token.source);
					break;
				case "error": {
					const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
					const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
					if (this.atDirectives || !this.doc) this.errors.push(error);
					else this.doc.errors.push(error);
					break;
				}
				case "doc-end": {
					if (!this.doc) {
						this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", "Unexpected doc-end without preceding document"));
						break;
					}
					this.doc.directives.docEnd = true;
					const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
					this.decorate(this.doc, true);
					if (end.comment) {
						const dc = this.doc.comment;
						this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
					}
					this.doc.range[2] = end.offset;
					break;
				}
				default: this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
			}
		}
		/**
		* Call at end of input to yield any remaining document.
		*
		* @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
		* @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
		*/
		*end(forceDoc = false, endOffset = -1) {
			if (this.doc) {
				this.decorate(this.doc, true);
				yield this.doc;
				this.doc = null;
			} else if (forceDoc) {
				const opts = Object.assign({ _directives: this.directives }, this.options);
				const doc = new Document.Document(void 0, opts);
				if (this.atDirectives) this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
				doc.range = [
					0,
					endOffset,
					endOffset
				];
				this.decorate(doc, false);
				yield doc;
			}
		}
	};
	exports.Composer = Composer;
}));
// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = /* @__PURE__ */ __commonJSMin(((exports) => {
	var resolveBlockScalar = require_resolve_block_scalar();
	var resolveFlowScalar = require_resolve_flow_scalar();
	var errors = require_errors();
	var stringifyString = require_stringifyString();
	function resolveAsScalar(token, strict = true, onError) {
		if (token) {
			const _onError = (pos, code, message) => {
				const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
				if (onError) onError(offset, code, message);
				else throw new errors.YAMLParseError([offset, offset + 1], code, message);
			};
			switch (token.type) {
				case "scalar":
				case "single-quoted-scalar":
				case "double-quoted-scalar": return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
				case "block-scalar": return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
			}
		}
		return null;
	}
	/**
	* Create a new scalar token with `value`
	*
	* Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	* as this function does not support any schema operations and won't check for such conflicts.
	*
	* @param value The string representation of the value, which will have its content properly indented.
	* @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	* @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	* @param context.indent The indent level of the token.
	* @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	* @param context.offset The offset position of the token.
	* @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	*/
	function createScalarToken(value, context) {
		const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
		const source = stringifyString.stringifyString({
			type,
			value
		}, {
			implicitKey,
			indent: indent > 0 ? " ".repeat(indent) : "",
			inFlow,
			options: {
				blockQuote: true,
				lineWidth: -1
			}
		});
		const end = context.end ?? [{
			type: "newline",
			offset: -1,
			indent,
			source: "\n"
		}];
		switch (source[0]) {
			case "|":
			case ">": {
				const he = source.indexOf("\n");
				const head = source.substring(0, he);
				const body = source.substring(he + 1) + "\n";
				const props = [{
					type: "block-scalar-header",
					offset,
					indent,
					source: head
				}];
				if (!addEndtoBlockProps(props, end)) props.push({
					type: "newline",
					offset: -1,
					indent,
					source: "\n"
				});
				return {
					type: "block-scalar",
					offset,
					indent,
					props,
					source: body
				};
			}
			case "\"": return {
				type: "double-quoted-scalar",
				offset,
				indent,
				source,
				end
			};
			case "'": return {
				type: "single-quoted-scalar",
				offset,
				indent,
				source,
				end
			};
			default: return {
				type: "scalar",
				offset,
				indent,
				source,
				end
			};
		}
	}
	/**
	* Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	*
	* Best efforts are made to retain any comments previously associated with the `token`,
	* though all contents within a collection's `items` will be overwritten.
	*
	* Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	* as this function does not support any schema operations and won't check for such conflicts.
	*
	* @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	* @param value The string representation of the value, which will have its content properly indented.
	* @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	* @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	* @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	* @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	*/
	function setScalarValue(token, value, context = {}) {
		let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
		let indent = "indent" in token ? token.indent : null;
		if (afterKey && typeof indent === "number") indent += 2;
		if (!type) switch (token.type) {
			case "single-quoted-scalar":
				type = "QUOTE_SINGLE";
				break;
			case "double-quoted-scalar":
				type = "QUOTE_DOUBLE";
				break;
			case "block-scalar": {
				const header = token.props[0];
				if (header.type !== "block-scalar-header") throw new Error("Invalid block scalar header");
				type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
				break;
			}
			default: type = "PLAIN";
		}
		const source = stringifyString.stringifyString({
			type,
			value
		}, {
			implicitKey: implicitKey || indent === null,
			indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
			inFlow,
			options: {
				blockQuote: true,
				lineWidth: -1
			}
		});
		switch (source[0]) {
			case "|":
			case ">":
				setBlockScalarValue(token, source);
				break;
			case "\"":
				setFlowScalarValue(token, source, "double-quoted-scalar");
				break;
			case "'":
				setFlowScalarValue(token, source, "single-quoted-scalar");
				break;
			default: setFlowScalarValue(token, source, "scalar");
		}
	}
	function setBlockScalarValue(token, source) {
		const he = source.indexOf("\n");
		const head = source.substring(0, he);
		const body = source.substring(he + 1) + "\n";
		if (token.type === "block-scalar") {
			const header = token.props[0];
			if (header.type !== "block-scalar-header") throw new Error("Invalid block scalar header");
			header.source = head;
			token.source = body;
		} else {
			const { offset } = token;
			const indent = "indent" in token ? token.indent : -1;
			const props = [{
				type: "block-scalar-header",
				offset,
				indent,
				source: head
			}];
			if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0)) props.push({
				type: "newline",
				offset: -1,
				indent,
				source: "\n"
			});
			for (const key of Object.keys(token)) if (key !== "type" && key !== "offset") delete token[key];
			Object.assign(token, {
				type: "block-scalar",
				indent,
				props,
				source: body
			});
		}
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
		if (end) for (const st of end) switch (st.type) {
			case "space":
			case "comment":
				props.push(st);
				break;
			case "newline":
				props.push(st);
				return true;
		}
		return false;
	}
	function setFlowScalarValue(token, source, type) {
		switch (token.type) {
			case "scalar":
			case "double-quoted-scalar":
			case "single-quoted-scalar":
				token.type = type;
				token.source = source;
				break;
			case "block-scalar": {
				const end = token.props.slice(1);
				let oa = source.length;
				if (token.props[0].type === "block-scalar-header") oa -= token.props[0].source.length;
				for (const tok of end) tok.offset += oa;
				delete token.props;
				Object.assign(token, {
					type,
					source,
					end
				});
				break;
			}
			case "block-map":
			case "block-seq": {
				const nl = {
					type: "newline",
					offset: token.offset + source.length,
					indent: token.indent,
					source: "\n"
				};
				delete token.items;
				Object.assign(token, {
					type,
					source,
					end: [nl]
				});
				break;
			}
			default: {
				const indent = "indent" in token ? token.indent : -1;
				const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
				for (const key of Object.keys(token)) if (key !== "type" && key !== "offset") delete token[key];
				Object.assign(token, {
					type,
					indent,
					source,
					end
				});
			}
		}
	}
	exports.createScalarToken = createScalarToken;
	exports.resolveAsScalar = resolveAsScalar;
	exports.setScalarValue = setScalarValue;
}));
// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = /* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* Stringify a CST document, token, or collection item
	*
	* Fair warning: This applies no validation whatsoever, and
	* simply concatenates the sources in their logical order.
	*/
	const stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
		switch (token.type) {
			case "block-scalar": {
				let res = "";
				for (const tok of token.props) res += stringifyToken(tok);
				return res + token.source;
			}
			case "block-map":
			case "block-seq": {
				let res = "";
				for (const item of token.items) res += stringifyItem(item);
				return res;
			}
			case "flow-collection": {
				let res = token.start.source;
				for (const item of token.items) res += stringifyItem(item);
				for (const st of token.end) res += st.source;
				return res;
			}
			case "document": {
				let res = stringifyItem(token);
				if (token.end) for (const st of token.end) res += st.source;
				return res;
			}
			default: {
				let res = token.source;
				if ("end" in token && token.end) for (const st of token.end) res += st.source;
				return res;
			}
		}
	}
	function stringifyItem({ start, key, sep, value }) {
		let res = "";
		for (const st of start) res += st.source;
		if (key) res += stringifyToken(key);
		if (sep) for (const st of sep) res += st.source;
		if (value) res += stringifyToken(value);
		return res;
	}
	exports.stringify = stringify;
}));
// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = /* @__PURE__ */ __commonJSMin(((exports) => {
	const BREAK = Symbol("break visit");
	const SKIP = Symbol("skip children");
	const REMOVE = Symbol("remove item");
	/**
	* Apply a visitor to a CST document or item.
	*
	* Walks through the tree (depth-first) starting from the root, calling a
	* `visitor` function with two arguments when entering each item:
	*   - `item`: The current item, which included the following members:
	*     - `start: SourceToken[]` – Source tokens before the key or value,
	*       possibly including its anchor or tag.
	*     - `key?: Token | null` – Set for pair values. May then be `null`, if
	*       the key before the `:` separator is empty.
	*     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	*       which should include the `:` map value indicator if `value` is set.
	*     - `value?: Token` – The value of a sequence item, or of a map pair.
	*   - `path`: The steps from the root to the current node, as an array of
	*     `['key' | 'value', number]` tuples.
	*
	* The return value of the visitor may be used to control the traversal:
	*   - `undefined` (default): Do nothing and continue
	*   - `visit.SKIP`: Do not visit the children of this token, continue with
	*      next sibling
	*   - `visit.BREAK`: Terminate traversal completely
	*   - `visit.REMOVE`: Remove the current item, then continue with the next one
	*   - `number`: Set the index of the next step. This is useful especially if
	*     the index of the current token has changed.
	*   - `function`: Define the next visitor for this item. After the original
	*     visitor is called on item entry, next visitors are called after handling
	*     a non-empty `key` and when exiting the item.
	*/
	function visit(cst, visitor) {
		if ("type" in cst && cst.type === "document") cst = {
			start: cst.start,
			value: cst.value
		};
		_visit(Object.freeze([]), cst, visitor);
	}
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
		let item = cst;
		for (const [field, index] of path) {
			const tok = item?.[field];
			if (tok && "items" in tok) item = tok.items[index];
			else return void 0;
		}
		return item;
	};
	/**
	* Get the immediate parent collection of the item at `path` from `cst` as the root.
	*
	* Throws an error if the collection is not found, which should never happen if the item itself exists.
	*/
	visit.parentCollection = (cst, path) => {
		const parent = visit.itemAtPath(cst, path.slice(0, -1));
		const field = path[path.length - 1][0];
		const coll = parent?.[field];
		if (coll && "items" in coll) return coll;
		throw new Error("Parent collection not found");
	};
	function _visit(path, item, visitor) {
		let ctrl = visitor(item, path);
		if (typeof ctrl === "symbol") return ctrl;
		for (const field of ["key", "value"]) {
			const token = item[field];
			if (token && "items" in token) {
				for (let i = 0; i < token.items.length; ++i) {
					const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
					if (typeof ci === "number") i = ci - 1;
					else if (ci === BREAK) return BREAK;
					else if (ci === REMOVE) {
						token.items.splice(i, 1);
						i -= 1;
					}
				}
				if (typeof ctrl === "function" && field === "key") ctrl = ctrl(item, path);
			}
		}
		return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
	}
	exports.visit = visit;
}));
// node_modules/yaml/dist/parse/cst.js
var require_cst = /* @__PURE__ */ __commonJSMin(((exports) => {
	var cstScalar = require_cst_scalar();
	var cstStringify = require_cst_stringify();
	var cstVisit = require_cst_visit();
	/** The byte order mark */
	const BOM = "﻿";
	/** Start of doc-mode */
	const DOCUMENT = "";
	/** Unexpected end of flow-mode */
	const FLOW_END = "";
	/** Next token is a scalar value */
	const SCALAR = "";
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && "items" in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
		switch (token) {
			case BOM: return "<BOM>";
			case DOCUMENT: return "<DOC>";
			case FLOW_END: return "<FLOW_END>";
			case SCALAR: return "<SCALAR>";
			default: return JSON.stringify(token);
		}
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
		switch (source) {
			case BOM: return "byte-order-mark";
			case DOCUMENT: return "doc-mode";
			case FLOW_END: return "flow-error-end";
			case SCALAR: return "scalar";
			case "---": return "doc-start";
			case "...": return "doc-end";
			case "":
			case "\n":
			case "\r\n": return "newline";
			case "-": return "seq-item-ind";
			case "?": return "explicit-key-ind";
			case ":": return "map-value-ind";
			case "{": return "flow-map-start";
			case "}": return "flow-map-end";
			case "[": return "flow-seq-start";
			case "]": return "flow-seq-end";
			case ",": return "comma";
		}
		switch (source[0]) {
			case " ":
			case "	": return "space";
			case "#": return "comment";
			case "%": return "directive-line";
			case "*": return "alias";
			case "&": return "anchor";
			case "!": return "tag";
			case "'": return "single-quoted-scalar";
			case "\"": return "double-quoted-scalar";
			case "|":
			case ">": return "block-scalar-header";
		}
		return null;
	}
	exports.createScalarToken = cstScalar.createScalarToken;
	exports.resolveAsScalar = cstScalar.resolveAsScalar;
	exports.setScalarValue = cstScalar.setScalarValue;
	exports.stringify = cstStringify.stringify;
	exports.visit = cstVisit.visit;
	exports.BOM = BOM;
	exports.DOCUMENT = DOCUMENT;
	exports.FLOW_END = FLOW_END;
	exports.SCALAR = SCALAR;
	exports.isCollection = isCollection;
	exports.isScalar = isScalar;
	exports.prettyToken = prettyToken;
	exports.tokenType = tokenType;
}));
// node_modules/yaml/dist/parse/lexer.js
var require_lexer = /* @__PURE__ */ __commonJSMin(((exports) => {
	var cst = require_cst();
	function isEmpty(ch) {
		switch (ch) {
			case void 0:
			case " ":
			case "\n":
			case "\r":
			case "	": return true;
			default: return false;
		}
	}
	const hexDigits = /* @__PURE__ */ new Set("0123456789ABCDEFabcdef");
	const tagChars = /* @__PURE__ */ new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = /* @__PURE__ */ new Set(",[]{}");
	const invalidAnchorChars = /* @__PURE__ */ new Set(" ,[]{}\n\r	");
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	* Splits an input string into lexical tokens, i.e. smaller strings that are
	* easily identifiable by `tokens.tokenType()`.
	*
	* Lexing starts always in a "stream" context. Incomplete input may be buffered
	* until a complete token can be emitted.
	*
	* In addition to slices of the original input, the following control characters
	* may also be emitted:
	*
	* - `\x02` (Start of Text): A document starts with the next token
	* - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	* - `\x1f` (Unit Separator): Next token is a scalar value
	* - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	*/
	var Lexer = class {
		constructor() {
			/**
			* Flag indicating whether the end of the current buffer marks the end of
			* all input
			*/
			this.atEnd = false;
			/**
			* Explicit indent set in block scalar header, as an offset from the current
			* minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
			* explicitly set.
			*/
			this.blockScalarIndent = -1;
			/**
			* Block scalars that include a + (keep) chomping indicator in their header
			* include trailing empty lines, which are otherwise excluded from the
			* scalar's contents.
			*/
			this.blockScalarKeep = false;
			/** Current input */
			this.buffer = "";
			/**
			* Flag noting whether the map value indicator : can immediately follow this
			* node within a flow context.
			*/
			this.flowKey = false;
			/** Count of surrounding flow collection levels. */
			this.flowLevel = 0;
			/**
			* Minimum level of indentation required for next lines to be parsed as a
			* part of the current scalar value.
			*/
			this.indentNext = 0;
			/** Indentation level of the current line. */
			this.indentValue = 0;
			/** Position of the next \n character. */
			this.lineEndPos = null;
			/** Stores the state of the lexer if reaching the end of incpomplete input */
			this.next = null;
			/** A pointer to `buffer`; the current position of the lexer. */
			this.pos = 0;
		}
		/**
		* Generate YAML tokens from the `source` string. If `incomplete`,
		* a part of the last line may be left as a buffer for the next call.
		*
		* @returns A generator of lexical tokens
		*/
		*lex(source, incomplete = false) {
			if (source) {
				if (typeof source !== "string") throw TypeError("source is not a string");
				this.buffer = this.buffer ? this.buffer + source : source;
				this.lineEndPos = null;
			}
			this.atEnd = !incomplete;
			let next = this.next ?? "stream";
			while (next && (incomplete || this.hasChars(1))) next = yield* this.parseNext(next);
		}
		atLineEnd() {
			let i = this.pos;
			let ch = this.buffer[i];
			while (ch === " " || ch === "	") ch = this.buffer[++i];
			if (!ch || ch === "#" || ch === "\n") return true;
			if (ch === "\r") return this.buffer[i + 1] === "\n";
			return false;
		}
		charAt(n) {
			return this.buffer[this.pos + n];
		}
		continueScalar(offset) {
			let ch = this.buffer[offset];
			if (this.indentNext > 0) {
				let indent = 0;
				while (ch === " ") ch = this.buffer[++indent + offset];
				if (ch === "\r") {
					const next = this.buffer[indent + offset + 1];
					if (next === "\n" || !next && !this.atEnd) return offset + indent + 1;
				}
				return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
			}
			if (ch === "-" || ch === ".") {
				const dt = this.buffer.substr(offset, 3);
				if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3])) return -1;
			}
			return offset;
		}
		getLine() {
			let end = this.lineEndPos;
			if (typeof end !== "number" || end !== -1 && end < this.pos) {
				end = this.buffer.indexOf("\n", this.pos);
				this.lineEndPos = end;
			}
			if (end === -1) return this.atEnd ? this.buffer.substring(this.pos) : null;
			if (this.buffer[end - 1] === "\r") end -= 1;
			return this.buffer.substring(this.pos, end);
		}
		hasChars(n) {
			return this.pos + n <= this.buffer.length;
		}
		setNext(state) {
			this.buffer = this.buffer.substring(this.pos);
			this.pos = 0;
			this.lineEndPos = null;
			this.next = state;
			return null;
		}
		peek(n) {
			return this.buffer.substr(this.pos, n);
		}
		*parseNext(next) {
			switch (next) {
				case "stream": return yield* this.parseStream();
				case "line-start": return yield* this.parseLineStart();
				case "block-start": return yield* this.parseBlockStart();
				case "doc": return yield* this.parseDocument();
				case "flow": return yield* this.parseFlowCollection();
				case "quoted-scalar": return yield* this.parseQuotedScalar();
				case "block-scalar": return yield* this.parseBlockScalar();
				case "plain-scalar": return yield* this.parsePlainScalar();
			}
		}
		*parseStream() {
			let line = this.getLine();
			if (line === null) return this.setNext("stream");
			if (line[0] === cst.BOM) {
				yield* this.pushCount(1);
				line = line.substring(1);
			}
			if (line[0] === "%") {
				let dirEnd = line.length;
				let cs = line.indexOf("#");
				while (cs !== -1) {
					const ch = line[cs - 1];
					if (ch === " " || ch === "	") {
						dirEnd = cs - 1;
						break;
					} else cs = line.indexOf("#", cs + 1);
				}
				while (true) {
					const ch = line[dirEnd - 1];
					if (ch === " " || ch === "	") dirEnd -= 1;
					else break;
				}
				const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
				yield* this.pushCount(line.length - n);
				this.pushNewline();
				return "stream";
			}
			if (this.atLineEnd()) {
				const sp = yield* this.pushSpaces(true);
				yield* this.pushCount(line.length - sp);
				yield* this.pushNewline();
				return "stream";
			}
			yield cst.DOCUMENT;
			return yield* this.parseLineStart();
		}
		*parseLineStart() {
			const ch = this.charAt(0);
			if (!ch && !this.atEnd) return this.setNext("line-start");
			if (ch === "-" || ch === ".") {
				if (!this.atEnd && !this.hasChars(4)) return this.setNext("line-start");
				const s = this.peek(3);
				if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
					yield* this.pushCount(3);
					this.indentValue = 0;
					this.indentNext = 0;
					return s === "---" ? "doc" : "stream";
				}
			}
			this.indentValue = yield* this.pushSpaces(false);
			if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1))) this.indentNext = this.indentValue;
			return yield* this.parseBlockStart();
		}
		*parseBlockStart() {
			const [ch0, ch1] = this.peek(2);
			if (!ch1 && !this.atEnd) return this.setNext("block-start");
			if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
				const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
				this.indentNext = this.indentValue + 1;
				this.indentValue += n;
				return "block-start";
			}
			return "doc";
		}
		*parseDocument() {
			yield* this.pushSpaces(true);
			const line = this.getLine();
			if (line === null) return this.setNext("doc");
			let n = yield* this.pushIndicators();
			switch (line[n]) {
				case "#": yield* this.pushCount(line.length - n);
				case void 0:
					yield* this.pushNewline();
					return yield* this.parseLineStart();
				case "{":
				case "[":
					yield* this.pushCount(1);
					this.flowKey = false;
					this.flowLevel = 1;
					return "flow";
				case "}":
				case "]":
					yield* this.pushCount(1);
					return "doc";
				case "*":
					yield* this.pushUntil(isNotAnchorChar);
					return "doc";
				case "\"":
				case "'": return yield* this.parseQuotedScalar();
				case "|":
				case ">":
					n += yield* this.parseBlockScalarHeader();
					n += yield* this.pushSpaces(true);
					yield* this.pushCount(line.length - n);
					yield* this.pushNewline();
					return yield* this.parseBlockScalar();
				default: return yield* this.parsePlainScalar();
			}
		}
		*parseFlowCollection() {
			let nl, sp;
			let indent = -1;
			do {
				nl = yield* this.pushNewline();
				if (nl > 0) {
					sp = yield* this.pushSpaces(false);
					this.indentValue = indent = sp;
				} else sp = 0;
				sp += yield* this.pushSpaces(true);
			} while (nl + sp > 0);
			const line = this.getLine();
			if (line === null) return this.setNext("flow");
			if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
				if (!(indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}"))) {
					this.flowLevel = 0;
					yield cst.FLOW_END;
					return yield* this.parseLineStart();
				}
			}
			let n = 0;
			while (line[n] === ",") {
				n += yield* this.pushCount(1);
				n += yield* this.pushSpaces(true);
				this.flowKey = false;
			}
			n += yield* this.pushIndicators();
			switch (line[n]) {
				case void 0: return "flow";
				case "#":
					yield* this.pushCount(line.length - n);
					return "flow";
				case "{":
				case "[":
					yield* this.pushCount(1);
					this.flowKey = false;
					this.flowLevel += 1;
					return "flow";
				case "}":
				case "]":
					yield* this.pushCount(1);
					this.flowKey = true;
					this.flowLevel -= 1;
					return this.flowLevel ? "flow" : "doc";
				case "*":
					yield* this.pushUntil(isNotAnchorChar);
					return "flow";
				case "\"":
				case "'":
					this.flowKey = true;
					return yield* this.parseQuotedScalar();
				case ":": {
					const next = this.charAt(1);
					if (this.flowKey || isEmpty(next) || next === ",") {
						this.flowKey = false;
						yield* this.pushCount(1);
						yield* this.pushSpaces(true);
						return "flow";
					}
				}
				default:
					this.flowKey = false;
					return yield* this.parsePlainScalar();
			}
		}
		*parseQuotedScalar() {
			const quote = this.charAt(0);
			let end = this.buffer.indexOf(quote, this.pos + 1);
			if (quote === "'") while (end !== -1 && this.buffer[end + 1] === "'") end = this.buffer.indexOf("'", end + 2);
			else while (end !== -1) {
				let n = 0;
				while (this.buffer[end - 1 - n] === "\\") n += 1;
				if (n % 2 === 0) break;
				end = this.buffer.indexOf("\"", end + 1);
			}
			const qb = this.buffer.substring(0, end);
			let nl = qb.indexOf("\n", this.pos);
			if (nl !== -1) {
				while (nl !== -1) {
					const cs = this.continueScalar(nl + 1);
					if (cs === -1) break;
					nl = qb.indexOf("\n", cs);
				}
				if (nl !== -1) end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
			}
			if (end === -1) {
				if (!this.atEnd) return this.setNext("quoted-scalar");
				end = this.buffer.length;
			}
			yield* this.pushToIndex(end + 1, false);
			return this.flowLevel ? "flow" : "doc";
		}
		*parseBlockScalarHeader() {
			this.blockScalarIndent = -1;
			this.blockScalarKeep = false;
			let i = this.pos;
			while (true) {
				const ch = this.buffer[++i];
				if (ch === "+") this.blockScalarKeep = true;
				else if (ch > "0" && ch <= "9") this.blockScalarIndent = Number(ch) - 1;
				else if (ch !== "-") break;
			}
			return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
		}
		*parseBlockScalar() {
			let nl = this.pos - 1;
			let indent = 0;
			let ch;
			loop: for (let i = this.pos; ch = this.buffer[i]; ++i) switch (ch) {
				case " ":
					indent += 1;
					break;
				case "\n":
					nl = i;
					indent = 0;
					break;
				case "\r": {
					const next = this.buffer[i + 1];
					if (!next && !this.atEnd) return this.setNext("block-scalar");
					if (next === "\n") break;
				}
				default: break loop;
			}
			if (!ch && !this.atEnd) return this.setNext("block-scalar");
			if (indent >= this.indentNext) {
				if (this.blockScalarIndent === -1) this.indentNext = indent;
				else this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
				do {
					const cs = this.continueScalar(nl + 1);
					if (cs === -1) break;
					nl = this.buffer.indexOf("\n", cs);
				} while (nl !== -1);
				if (nl === -1) {
					if (!this.atEnd) return this.setNext("block-scalar");
					nl = this.buffer.length;
				}
			}
			let i = nl + 1;
			ch = this.buffer[i];
			while (ch === " ") ch = this.buffer[++i];
			if (ch === "	") {
				while (ch === "	" || ch === " " || ch === "\r" || ch === "\n") ch = this.buffer[++i];
				nl = i - 1;
			} else if (!this.blockScalarKeep) do {
				let i = nl - 1;
				let ch = this.buffer[i];
				if (ch === "\r") ch = this.buffer[--i];
				const lastChar = i;
				while (ch === " ") ch = this.buffer[--i];
				if (ch === "\n" && i >= this.pos && i + 1 + indent > lastChar) nl = i;
				else break;
			} while (true);
			yield cst.SCALAR;
			yield* this.pushToIndex(nl + 1, true);
			return yield* this.parseLineStart();
		}
		*parsePlainScalar() {
			const inFlow = this.flowLevel > 0;
			let end = this.pos - 1;
			let i = this.pos - 1;
			let ch;
			while (ch = this.buffer[++i]) if (ch === ":") {
				const next = this.buffer[i + 1];
				if (isEmpty(next) || inFlow && flowIndicatorChars.has(next)) break;
				end = i;
			} else if (isEmpty(ch)) {
				let next = this.buffer[i + 1];
				if (ch === "\r") {
					if (next === "\n") {
						i += 1;
						ch = "\n";
						next = this.buffer[i + 1];
					} else end = i;
				}
				if (next === "#" || inFlow && flowIndicatorChars.has(next)) break;
				if (ch === "\n") {
					const cs = this.continueScalar(i + 1);
					if (cs === -1) break;
					i = Math.max(i, cs - 2);
				}
			} else {
				if (inFlow && flowIndicatorChars.has(ch)) break;
				end = i;
			}
			if (!ch && !this.atEnd) return this.setNext("plain-scalar");
			yield cst.SCALAR;
			yield* this.pushToIndex(end + 1, true);
			return inFlow ? "flow" : "doc";
		}
		*pushCount(n) {
			if (n > 0) {
				yield this.buffer.substr(this.pos, n);
				this.pos += n;
				return n;
			}
			return 0;
		}
		*pushToIndex(i, allowEmpty) {
			const s = this.buffer.slice(this.pos, i);
			if (s) {
				yield s;
				this.pos += s.length;
				return s.length;
			} else if (allowEmpty) yield "";
			return 0;
		}
		*pushIndicators() {
			let n = 0;
			loop: while (true) {
				switch (this.charAt(0)) {
					case "!":
						n += yield* this.pushTag();
						n += yield* this.pushSpaces(true);
						continue loop;
					case "&":
						n += yield* this.pushUntil(isNotAnchorChar);
						n += yield* this.pushSpaces(true);
						continue loop;
					case "-":
					case "?":
					case ":": {
						const inFlow = this.flowLevel > 0;
						const ch1 = this.charAt(1);
						if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
							if (!inFlow) this.indentNext = this.indentValue + 1;
							else if (this.flowKey) this.flowKey = false;
							n += yield* this.pushCount(1);
							n += yield* this.pushSpaces(true);
							continue loop;
						}
					}
				}
				break loop;
			}
			return n;
		}
		*pushTag() {
			if (this.charAt(1) === "<") {
				let i = this.pos + 2;
				let ch = this.buffer[i];
				while (!isEmpty(ch) && ch !== ">") ch = this.buffer[++i];
				return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
			} else {
				let i = this.pos + 1;
				let ch = this.buffer[i];
				while (ch) if (tagChars.has(ch)) ch = this.buffer[++i];
				else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) ch = this.buffer[i += 3];
				else break;
				return yield* this.pushToIndex(i, false);
			}
		}
		*pushNewline() {
			const ch = this.buffer[this.pos];
			if (ch === "\n") return yield* this.pushCount(1);
			else if (ch === "\r" && this.charAt(1) === "\n") return yield* this.pushCount(2);
			else return 0;
		}
		*pushSpaces(allowTabs) {
			let i = this.pos - 1;
			let ch;
			do
				ch = this.buffer[++i];
			while (ch === " " || allowTabs && ch === "	");
			const n = i - this.pos;
			if (n > 0) {
				yield this.buffer.substr(this.pos, n);
				this.pos = i;
			}
			return n;
		}
		*pushUntil(test) {
			let i = this.pos;
			let ch = this.buffer[i];
			while (!test(ch)) ch = this.buffer[++i];
			return yield* this.pushToIndex(i, false);
		}
	};
	exports.Lexer = Lexer;
}));
// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = /* @__PURE__ */ __commonJSMin(((exports) => {
	/**
	* Tracks newlines during parsing in order to provide an efficient API for
	* determining the one-indexed `{ line, col }` position for any offset
	* within the input.
	*/
	var LineCounter = class {
		constructor() {
			this.lineStarts = [];
			/**
			* Should be called in ascending order. Otherwise, call
			* `lineCounter.lineStarts.sort()` before calling `linePos()`.
			*/
			this.addNewLine = (offset) => this.lineStarts.push(offset);
			/**
			* Performs a binary search and returns the 1-indexed { line, col }
			* position of `offset`. If `line === 0`, `addNewLine` has never been
			* called or `offset` is before the first known newline.
			*/
			this.linePos = (offset) => {
				let low = 0;
				let high = this.lineStarts.length;
				while (low < high) {
					const mid = low + high >> 1;
					if (this.lineStarts[mid] < offset) low = mid + 1;
					else high = mid;
				}
				if (this.lineStarts[low] === offset) return {
					line: low + 1,
					col: 1
				};
				if (low === 0) return {
					line: 0,
					col: offset
				};
				const start = this.lineStarts[low - 1];
				return {
					line: low,
					col: offset - start + 1
				};
			};
		}
	};
	exports.LineCounter = LineCounter;
}));
// node_modules/yaml/dist/parse/parser.js
var require_parser = /* @__PURE__ */ __commonJSMin(((exports) => {
	var node_process = __require("process");
	var cst = require_cst();
	var lexer = require_lexer();
	function includesToken(list, type) {
		for (let i = 0; i < list.length; ++i) if (list[i].type === type) return true;
		return false;
	}
	function findNonEmptyIndex(list) {
		for (let i = 0; i < list.length; ++i) switch (list[i].type) {
			case "space":
			case "comment":
			case "newline": break;
			default: return i;
		}
		return -1;
	}
	function isFlowToken(token) {
		switch (token?.type) {
			case "alias":
			case "scalar":
			case "single-quoted-scalar":
			case "double-quoted-scalar":
			case "flow-collection": return true;
			default: return false;
		}
	}
	function getPrevProps(parent) {
		switch (parent.type) {
			case "document": return parent.start;
			case "block-map": {
				const it = parent.items[parent.items.length - 1];
				return it.sep ?? it.start;
			}
			case "block-seq": return parent.items[parent.items.length - 1].start;
			/* istanbul ignore next should not happen */
			default: return [];
		}
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
		if (prev.length === 0) return [];
		let i = prev.length;
		loop: while (--i >= 0) switch (prev[i].type) {
			case "doc-start":
			case "explicit-key-ind":
			case "map-value-ind":
			case "seq-item-ind":
			case "newline": break loop;
		}
		while (prev[++i]?.type === "space");
		return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
		if (source.length < 1e5) Array.prototype.push.apply(target, source);
		else for (let i = 0; i < source.length; ++i) target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
		if (fc.start.type === "flow-seq-start") {
			for (const it of fc.items) if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
				if (it.key) it.value = it.key;
				delete it.key;
				if (isFlowToken(it.value)) {
					if (it.value.end) arrayPushArray(it.value.end, it.sep);
					else it.value.end = it.sep;
				} else arrayPushArray(it.start, it.sep);
				delete it.sep;
			}
		}
	}
	/**
	* A YAML concrete syntax tree (CST) parser
	*
	* ```ts
	* const src: string = ...
	* for (const token of new Parser().parse(src)) {
	*   // token: Token
	* }
	* ```
	*
	* To use the parser with a user-provided lexer:
	*
	* ```ts
	* function* parse(source: string, lexer: Lexer) {
	*   const parser = new Parser()
	*   for (const lexeme of lexer.lex(source))
	*     yield* parser.next(lexeme)
	*   yield* parser.end()
	* }
	*
	* const src: string = ...
	* const lexer = new Lexer()
	* for (const token of parse(src, lexer)) {
	*   // token: Token
	* }
	* ```
	*/
	var Parser = class {
		/**
		* @param onNewLine - If defined, called separately with the start position of
		*   each new line (in `parse()`, including the start of input).
		*/
		constructor(onNewLine) {
			/** If true, space and sequence indicators count as indentation */
			this.atNewLine = true;
			/** If true, next token is a scalar value */
			this.atScalar = false;
			/** Current indentation level */
			this.indent = 0;
			/** Current offset since the start of parsing */
			this.offset = 0;
			/** On the same line with a block map key */
			this.onKeyLine = false;
			/** Top indicates the node that's currently being built */
			this.stack = [];
			/** The source of the current token, set in parse() */
			this.source = "";
			/** The type of the current token, set in parse() */
			this.type = "";
			this.lexer = new lexer.Lexer();
			this.onNewLine = onNewLine;
		}
		/**
		* Parse `source` as a YAML stream.
		* If `incomplete`, a part of the last line may be left as a buffer for the next call.
		*
		* Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
		*
		* @returns A generator of tokens representing each directive, document, and other structure.
		*/
		*parse(source, incomplete = false) {
			if (this.onNewLine && this.offset === 0) this.onNewLine(0);
			for (const lexeme of this.lexer.lex(source, incomplete)) yield* this.next(lexeme);
			if (!incomplete) yield* this.end();
		}
		/**
		* Advance the parser by the `source` of one lexical token.
		*/
		*next(source) {
			this.source = source;
			if (node_process.env.LOG_TOKENS) console.log("|", cst.prettyToken(source));
			if (this.atScalar) {
				this.atScalar = false;
				yield* this.step();
				this.offset += source.length;
				return;
			}
			const type = cst.tokenType(source);
			if (!type) {
				const message = `Not a YAML token: ${source}`;
				yield* this.pop({
					type: "error",
					offset: this.offset,
					message,
					source
				});
				this.offset += source.length;
			} else if (type === "scalar") {
				this.atNewLine = false;
				this.atScalar = true;
				this.type = "scalar";
			} else {
				this.type = type;
				yield* this.step();
				switch (type) {
					case "newline":
						this.atNewLine = true;
						this.indent = 0;
						if (this.onNewLine) this.onNewLine(this.offset + source.length);
						break;
					case "space":
						if (this.atNewLine && source[0] === " ") this.indent += source.length;
						break;
					case "explicit-key-ind":
					case "map-value-ind":
					case "seq-item-ind":
						if (this.atNewLine) this.indent += source.length;
						break;
					case "doc-mode":
					case "flow-error-end": return;
					default: this.atNewLine = false;
				}
				this.offset += source.length;
			}
		}
		/** Call at end of input to push out any remaining constructions */
		*end() {
			while (this.stack.length > 0) yield* this.pop();
		}
		get sourceToken() {
			return {
				type: this.type,
				offset: this.offset,
				indent: this.indent,
				source: this.source
			};
		}
		*step() {
			const top = this.peek(1);
			if (this.type === "doc-end" && top?.type !== "doc-end") {
				while (this.stack.length > 0) yield* this.pop();
				this.stack.push({
					type: "doc-end",
					offset: this.offset,
					source: this.source
				});
				return;
			}
			if (!top) return yield* this.stream();
			switch (top.type) {
				case "document": return yield* this.document(top);
				case "alias":
				case "scalar":
				case "single-quoted-scalar":
				case "double-quoted-scalar": return yield* this.scalar(top);
				case "block-scalar": return yield* this.blockScalar(top);
				case "block-map": return yield* this.blockMap(top);
				case "block-seq": return yield* this.blockSequence(top);
				case "flow-collection": return yield* this.flowCollection(top);
				case "doc-end": return yield* this.documentEnd(top);
			}
			/* istanbul ignore next should not happen */
			yield* this.pop();
		}
		peek(n) {
			return this.stack[this.stack.length - n];
		}
		*pop(error) {
			const token = error ?? this.stack.pop();
			/* istanbul ignore if should not happen */
			if (!token) yield {
				type: "error",
				offset: this.offset,
				source: "",
				message: "Tried to pop an empty stack"
			};
			else if (this.stack.length === 0) yield token;
			else {
				const top = this.peek(1);
				if (token.type === "block-scalar") token.indent = "indent" in top ? top.indent : 0;
				else if (token.type === "flow-collection" && top.type === "document") token.indent = 0;
				if (token.type === "flow-collection") fixFlowSeqItems(token);
				switch (top.type) {
					case "document":
						top.value = token;
						break;
					case "block-scalar":
						top.props.push(token);
						break;
					case "block-map": {
						const it = top.items[top.items.length - 1];
						if (it.value) {
							top.items.push({
								start: [],
								key: token,
								sep: []
							});
							this.onKeyLine = true;
							return;
						} else if (it.sep) it.value = token;
						else {
							Object.assign(it, {
								key: token,
								sep: []
							});
							this.onKeyLine = !it.explicitKey;
							return;
						}
						break;
					}
					case "block-seq": {
						const it = top.items[top.items.length - 1];
						if (it.value) top.items.push({
							start: [],
							value: token
						});
						else it.value = token;
						break;
					}
					case "flow-collection": {
						const it = top.items[top.items.length - 1];
						if (!it || it.value) top.items.push({
							start: [],
							key: token,
							sep: []
						});
						else if (it.sep) it.value = token;
						else Object.assign(it, {
							key: token,
							sep: []
						});
						return;
					}
					/* istanbul ignore next should not happen */
					default:
						yield* this.pop();
						yield* this.pop(token);
				}
				if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
					const last = token.items[token.items.length - 1];
					if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
						if (top.type === "document") top.end = last.start;
						else top.items.push({ start: last.start });
						token.items.splice(-1, 1);
					}
				}
			}
		}
		*stream() {
			switch (this.type) {
				case "directive-line":
					yield {
						type: "directive",
						offset: this.offset,
						source: this.source
					};
					return;
				case "byte-order-mark":
				case "space":
				case "comment":
				case "newline":
					yield this.sourceToken;
					return;
				case "doc-mode":
				case "doc-start": {
					const doc = {
						type: "document",
						offset: this.offset,
						start: []
					};
					if (this.type === "doc-start") doc.start.push(this.sourceToken);
					this.stack.push(doc);
					return;
				}
			}
			yield {
				type: "error",
				offset: this.offset,
				message: `Unexpected ${this.type} token in YAML stream`,
				source: this.source
			};
		}
		*document(doc) {
			if (doc.value) return yield* this.lineEnd(doc);
			switch (this.type) {
				case "doc-start":
					if (findNonEmptyIndex(doc.start) !== -1) {
						yield* this.pop();
						yield* this.step();
					} else doc.start.push(this.sourceToken);
					return;
				case "anchor":
				case "tag":
				case "space":
				case "comment":
				case "newline":
					doc.start.push(this.sourceToken);
					return;
			}
			const bv = this.startBlockValue(doc);
			if (bv) this.stack.push(bv);
			else yield {
				type: "error",
				offset: this.offset,
				message: `Unexpected ${this.type} token in YAML document`,
				source: this.source
			};
		}
		*scalar(scalar) {
			if (this.type === "map-value-ind") {
				const start = getFirstKeyStartProps(getPrevProps(this.peek(2)));
				let sep;
				if (scalar.end) {
					sep = scalar.end;
					sep.push(this.sourceToken);
					delete scalar.end;
				} else sep = [this.sourceToken];
				const map = {
					type: "block-map",
					offset: scalar.offset,
					indent: scalar.indent,
					items: [{
						start,
						key: scalar,
						sep
					}]
				};
				this.onKeyLine = true;
				this.stack[this.stack.length - 1] = map;
			} else yield* this.lineEnd(scalar);
		}
		*blockScalar(scalar) {
			switch (this.type) {
				case "space":
				case "comment":
				case "newline":
					scalar.props.push(this.sourceToken);
					return;
				case "scalar":
					scalar.source = this.source;
					this.atNewLine = true;
					this.indent = 0;
					if (this.onNewLine) {
						let nl = this.source.indexOf("\n") + 1;
						while (nl !== 0) {
							this.onNewLine(this.offset + nl);
							nl = this.source.indexOf("\n", nl) + 1;
						}
					}
					yield* this.pop();
					break;
				/* istanbul ignore next should not happen */
				default:
					yield* this.pop();
					yield* this.step();
			}
		}
		*blockMap(map) {
			const it = map.items[map.items.length - 1];
			switch (this.type) {
				case "newline":
					this.onKeyLine = false;
					if (it.value) {
						const end = "end" in it.value ? it.value.end : void 0;
						if ((Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment") end?.push(this.sourceToken);
						else map.items.push({ start: [this.sourceToken] });
					} else if (it.sep) it.sep.push(this.sourceToken);
					else it.start.push(this.sourceToken);
					return;
				case "space":
				case "comment":
					if (it.value) map.items.push({ start: [this.sourceToken] });
					else if (it.sep) it.sep.push(this.sourceToken);
					else {
						if (this.atIndentedComment(it.start, map.indent)) {
							const end = map.items[map.items.length - 2]?.value?.end;
							if (Array.isArray(end)) {
								arrayPushArray(end, it.start);
								end.push(this.sourceToken);
								map.items.pop();
								return;
							}
						}
						it.start.push(this.sourceToken);
					}
					return;
			}
			if (this.indent >= map.indent) {
				const atMapIndent = !this.onKeyLine && this.indent === map.indent;
				const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
				let start = [];
				if (atNextItem && it.sep && !it.value) {
					const nl = [];
					for (let i = 0; i < it.sep.length; ++i) {
						const st = it.sep[i];
						switch (st.type) {
							case "newline":
								nl.push(i);
								break;
							case "space": break;
							case "comment":
								if (st.indent > map.indent) nl.length = 0;
								break;
							default: nl.length = 0;
						}
					}
					if (nl.length >= 2) start = it.sep.splice(nl[1]);
				}
				switch (this.type) {
					case "anchor":
					case "tag":
						if (atNextItem || it.value) {
							start.push(this.sourceToken);
							map.items.push({ start });
							this.onKeyLine = true;
						} else if (it.sep) it.sep.push(this.sourceToken);
						else it.start.push(this.sourceToken);
						return;
					case "explicit-key-ind":
						if (!it.sep && !it.explicitKey) {
							it.start.push(this.sourceToken);
							it.explicitKey = true;
						} else if (atNextItem || it.value) {
							start.push(this.sourceToken);
							map.items.push({
								start,
								explicitKey: true
							});
						} else this.stack.push({
							type: "block-map",
							offset: this.offset,
							indent: this.indent,
							items: [{
								start: [this.sourceToken],
								explicitKey: true
							}]
						});
						this.onKeyLine = true;
						return;
					case "map-value-ind":
						if (it.explicitKey) {
							if (!it.sep) {
								if (includesToken(it.start, "newline")) Object.assign(it, {
									key: null,
									sep: [this.sourceToken]
								});
								else {
									const start = getFirstKeyStartProps(it.start);
									this.stack.push({
										type: "block-map",
										offset: this.offset,
										indent: this.indent,
										items: [{
											start,
											key: null,
											sep: [this.sourceToken]
										}]
									});
								}
							} else if (it.value) map.items.push({
								start: [],
								key: null,
								sep: [this.sourceToken]
							});
							else if (includesToken(it.sep, "map-value-ind")) this.stack.push({
								type: "block-map",
								offset: this.offset,
								indent: this.indent,
								items: [{
									start,
									key: null,
									sep: [this.sourceToken]
								}]
							});
							else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
								const start = getFirstKeyStartProps(it.start);
								const key = it.key;
								const sep = it.sep;
								sep.push(this.sourceToken);
								delete it.key;
								delete it.sep;
								this.stack.push({
									type: "block-map",
									offset: this.offset,
									indent: this.indent,
									items: [{
										start,
										key,
										sep
									}]
								});
							} else if (start.length > 0) it.sep = it.sep.concat(start, this.sourceToken);
							else it.sep.push(this.sourceToken);
						} else if (!it.sep) Object.assign(it, {
							key: null,
							sep: [this.sourceToken]
						});
						else if (it.value || atNextItem) map.items.push({
							start,
							key: null,
							sep: [this.sourceToken]
						});
						else if (includesToken(it.sep, "map-value-ind")) this.stack.push({
							type: "block-map",
							offset: this.offset,
							indent: this.indent,
							items: [{
								start: [],
								key: null,
								sep: [this.sourceToken]
							}]
						});
						else it.sep.push(this.sourceToken);
						this.onKeyLine = true;
						return;
					case "alias":
					case "scalar":
					case "single-quoted-scalar":
					case "double-quoted-scalar": {
						const fs = this.flowScalar(this.type);
						if (atNextItem || it.value) {
							map.items.push({
								start,
								key: fs,
								sep: []
							});
							this.onKeyLine = true;
						} else if (it.sep) this.stack.push(fs);
						else {
							Object.assign(it, {
								key: fs,
								sep: []
							});
							this.onKeyLine = true;
						}
						return;
					}
					default: {
						const bv = this.startBlockValue(map);
						if (bv) {
							if (bv.type === "block-seq") {
								if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
									yield* this.pop({
										type: "error",
										offset: this.offset,
										message: "Unexpected block-seq-ind on same line with key",
										source: this.source
									});
									return;
								}
							} else if (atMapIndent) map.items.push({ start });
							this.stack.push(bv);
							return;
						}
					}
				}
			}
			yield* this.pop();
			yield* this.step();
		}
		*blockSequence(seq) {
			const it = seq.items[seq.items.length - 1];
			switch (this.type) {
				case "newline":
					if (it.value) {
						const end = "end" in it.value ? it.value.end : void 0;
						if ((Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment") end?.push(this.sourceToken);
						else seq.items.push({ start: [this.sourceToken] });
					} else it.start.push(this.sourceToken);
					return;
				case "space":
				case "comment":
					if (it.value) seq.items.push({ start: [this.sourceToken] });
					else {
						if (this.atIndentedComment(it.start, seq.indent)) {
							const end = seq.items[seq.items.length - 2]?.value?.end;
							if (Array.isArray(end)) {
								arrayPushArray(end, it.start);
								end.push(this.sourceToken);
								seq.items.pop();
								return;
							}
						}
						it.start.push(this.sourceToken);
					}
					return;
				case "anchor":
				case "tag":
					if (it.value || this.indent <= seq.indent) break;
					it.start.push(this.sourceToken);
					return;
				case "seq-item-ind":
					if (this.indent !== seq.indent) break;
					if (it.value || includesToken(it.start, "seq-item-ind")) seq.items.push({ start: [this.sourceToken] });
					else it.start.push(this.sourceToken);
					return;
			}
			if (this.indent > seq.indent) {
				const bv = this.startBlockValue(seq);
				if (bv) {
					this.stack.push(bv);
					return;
				}
			}
			yield* this.pop();
			yield* this.step();
		}
		*flowCollection(fc) {
			const it = fc.items[fc.items.length - 1];
			if (this.type === "flow-error-end") {
				let top;
				do {
					yield* this.pop();
					top = this.peek(1);
				} while (top?.type === "flow-collection");
			} else if (fc.end.length === 0) {
				switch (this.type) {
					case "comma":
					case "explicit-key-ind":
						if (!it || it.sep) fc.items.push({ start: [this.sourceToken] });
						else it.start.push(this.sourceToken);
						return;
					case "map-value-ind":
						if (!it || it.value) fc.items.push({
							start: [],
							key: null,
							sep: [this.sourceToken]
						});
						else if (it.sep) it.sep.push(this.sourceToken);
						else Object.assign(it, {
							key: null,
							sep: [this.sourceToken]
						});
						return;
					case "space":
					case "comment":
					case "newline":
					case "anchor":
					case "tag":
						if (!it || it.value) fc.items.push({ start: [this.sourceToken] });
						else if (it.sep) it.sep.push(this.sourceToken);
						else it.start.push(this.sourceToken);
						return;
					case "alias":
					case "scalar":
					case "single-quoted-scalar":
					case "double-quoted-scalar": {
						const fs = this.flowScalar(this.type);
						if (!it || it.value) fc.items.push({
							start: [],
							key: fs,
							sep: []
						});
						else if (it.sep) this.stack.push(fs);
						else Object.assign(it, {
							key: fs,
							sep: []
						});
						return;
					}
					case "flow-map-end":
					case "flow-seq-end":
						fc.end.push(this.sourceToken);
						return;
				}
				const bv = this.startBlockValue(fc);
				/* istanbul ignore else should not happen */
				if (bv) this.stack.push(bv);
				else {
					yield* this.pop();
					yield* this.step();
				}
			} else {
				const parent = this.peek(2);
				if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
					yield* this.pop();
					yield* this.step();
				} else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
					const start = getFirstKeyStartProps(getPrevProps(parent));
					fixFlowSeqItems(fc);
					const sep = fc.end.splice(1, fc.end.length);
					sep.push(this.sourceToken);
					const map = {
						type: "block-map",
						offset: fc.offset,
						indent: fc.indent,
						items: [{
							start,
							key: fc,
							sep
						}]
					};
					this.onKeyLine = true;
					this.stack[this.stack.length - 1] = map;
				} else yield* this.lineEnd(fc);
			}
		}
		flowScalar(type) {
			if (this.onNewLine) {
				let nl = this.source.indexOf("\n") + 1;
				while (nl !== 0) {
					this.onNewLine(this.offset + nl);
					nl = this.source.indexOf("\n", nl) + 1;
				}
			}
			return {
				type,
				offset: this.offset,
				indent: this.indent,
				source: this.source
			};
		}
		startBlockValue(parent) {
			switch (this.type) {
				case "alias":
				case "scalar":
				case "single-quoted-scalar":
				case "double-quoted-scalar": return this.flowScalar(this.type);
				case "block-scalar-header": return {
					type: "block-scalar",
					offset: this.offset,
					indent: this.indent,
					props: [this.sourceToken],
					source: ""
				};
				case "flow-map-start":
				case "flow-seq-start": return {
					type: "flow-collection",
					offset: this.offset,
					indent: this.indent,
					start: this.sourceToken,
					items: [],
					end: []
				};
				case "seq-item-ind": return {
					type: "block-seq",
					offset: this.offset,
					indent: this.indent,
					items: [{ start: [this.sourceToken] }]
				};
				case "explicit-key-ind": {
					this.onKeyLine = true;
					const start = getFirstKeyStartProps(getPrevProps(parent));
					start.push(this.sourceToken);
					return {
						type: "block-map",
						offset: this.offset,
						indent: this.indent,
						items: [{
							start,
							explicitKey: true
						}]
					};
				}
				case "map-value-ind": {
					this.onKeyLine = true;
					const start = getFirstKeyStartProps(getPrevProps(parent));
					return {
						type: "block-map",
						offset: this.offset,
						indent: this.indent,
						items: [{
							start,
							key: null,
							sep: [this.sourceToken]
						}]
					};
				}
			}
			return null;
		}
		atIndentedComment(start, indent) {
			if (this.type !== "comment") return false;
			if (this.indent <= indent) return false;
			return start.every((st) => st.type === "newline" || st.type === "space");
		}
		*documentEnd(docEnd) {
			if (this.type !== "doc-mode") {
				if (docEnd.end) docEnd.end.push(this.sourceToken);
				else docEnd.end = [this.sourceToken];
				if (this.type === "newline") yield* this.pop();
			}
		}
		*lineEnd(token) {
			switch (this.type) {
				case "comma":
				case "doc-start":
				case "doc-end":
				case "flow-seq-end":
				case "flow-map-end":
				case "map-value-ind":
					yield* this.pop();
					yield* this.step();
					break;
				case "newline": this.onKeyLine = false;
				default:
					if (token.end) token.end.push(this.sourceToken);
					else token.end = [this.sourceToken];
					if (this.type === "newline") yield* this.pop();
			}
		}
	};
	exports.Parser = Parser;
}));
// node_modules/yaml/dist/public-api.js
var require_public_api = /* @__PURE__ */ __commonJSMin(((exports) => {
	var composer = require_composer();
	var Document = require_Document();
	var errors = require_errors();
	var log = require_log();
	var identity = require_identity();
	var lineCounter = require_line_counter();
	var parser = require_parser();
	function parseOptions(options) {
		const prettyErrors = options.prettyErrors !== false;
		return {
			lineCounter: options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null,
			prettyErrors
		};
	}
	/**
	* Parse the input as a stream of YAML documents.
	*
	* Documents should be separated from each other by `...` or `---` marker lines.
	*
	* @returns If an empty `docs` array is returned, it will be of type
	*   EmptyStream and contain additional stream information. In
	*   TypeScript, you should use `'empty' in docs` as a type guard for it.
	*/
	function parseAllDocuments(source, options = {}) {
		const { lineCounter, prettyErrors } = parseOptions(options);
		const parser$1 = new parser.Parser(lineCounter?.addNewLine);
		const composer$1 = new composer.Composer(options);
		const docs = Array.from(composer$1.compose(parser$1.parse(source)));
		if (prettyErrors && lineCounter) for (const doc of docs) {
			doc.errors.forEach(errors.prettifyError(source, lineCounter));
			doc.warnings.forEach(errors.prettifyError(source, lineCounter));
		}
		if (docs.length > 0) return docs;
		return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
		const { lineCounter, prettyErrors } = parseOptions(options);
		const parser$1 = new parser.Parser(lineCounter?.addNewLine);
		const composer$1 = new composer.Composer(options);
		let doc = null;
		for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) if (!doc) doc = _doc;
		else if (doc.options.logLevel !== "silent") {
			doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
			break;
		}
		if (prettyErrors && lineCounter) {
			doc.errors.forEach(errors.prettifyError(source, lineCounter));
			doc.warnings.forEach(errors.prettifyError(source, lineCounter));
		}
		return doc;
	}
	function parse(src, reviver, options) {
		let _reviver = void 0;
		if (typeof reviver === "function") _reviver = reviver;
		else if (options === void 0 && reviver && typeof reviver === "object") options = reviver;
		const doc = parseDocument(src, options);
		if (!doc) return null;
		doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
		if (doc.errors.length > 0) {
			if (doc.options.logLevel !== "silent") throw doc.errors[0];
			else doc.errors = [];
		}
		return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
		let _replacer = null;
		if (typeof replacer === "function" || Array.isArray(replacer)) _replacer = replacer;
		else if (options === void 0 && replacer) options = replacer;
		if (typeof options === "string") options = options.length;
		if (typeof options === "number") {
			const indent = Math.round(options);
			options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
		}
		if (value === void 0) {
			const { keepUndefined } = options ?? replacer ?? {};
			if (!keepUndefined) return void 0;
		}
		if (identity.isDocument(value) && !_replacer) return value.toString(options);
		return new Document.Document(value, _replacer, options).toString(options);
	}
	exports.parse = parse;
	exports.parseAllDocuments = parseAllDocuments;
	exports.parseDocument = parseDocument;
	exports.stringify = stringify;
}));
// dist/topology/source.js
var import_dist = (/* @__PURE__ */ __commonJSMin(((exports) => {
	var composer = require_composer();
	var Document = require_Document();
	var Schema = require_Schema();
	var errors = require_errors();
	var Alias = require_Alias();
	var identity = require_identity();
	var Pair = require_Pair();
	var Scalar = require_Scalar();
	var YAMLMap = require_YAMLMap();
	var YAMLSeq = require_YAMLSeq();
	require_cst();
	var lexer = require_lexer();
	var lineCounter = require_line_counter();
	var parser = require_parser();
	var publicApi = require_public_api();
	var visit = require_visit();
	exports.Composer = composer.Composer;
	exports.Document = Document.Document;
	exports.Schema = Schema.Schema;
	exports.YAMLError = errors.YAMLError;
	exports.YAMLParseError = errors.YAMLParseError;
	exports.YAMLWarning = errors.YAMLWarning;
	exports.Alias = Alias.Alias;
	exports.isAlias = identity.isAlias;
	exports.isCollection = identity.isCollection;
	exports.isDocument = identity.isDocument;
	exports.isMap = identity.isMap;
	exports.isNode = identity.isNode;
	exports.isPair = identity.isPair;
	exports.isScalar = identity.isScalar;
	exports.isSeq = identity.isSeq;
	exports.Pair = Pair.Pair;
	exports.Scalar = Scalar.Scalar;
	exports.YAMLMap = YAMLMap.YAMLMap;
	exports.YAMLSeq = YAMLSeq.YAMLSeq;
	exports.Lexer = lexer.Lexer;
	exports.LineCounter = lineCounter.LineCounter;
	exports.Parser = parser.Parser;
	exports.parse = publicApi.parse;
	exports.parseAllDocuments = publicApi.parseAllDocuments;
	exports.parseDocument = publicApi.parseDocument;
	exports.stringify = publicApi.stringify;
	exports.visit = visit.visit;
	exports.visitAsync = visit.visitAsync;
})))();
/**
* A value in the YAML file together with its place, so that every check
* can say file:line:column and the field's path. Readers report problems to
* the shared Diagnostics and return undefined instead of throwing, so one
* pass finds every mistake.
*/
var Field = class Field {
	node;
	path;
	pos;
	src;
	keyName;
	constructor(node, path, pos, src, keyName) {
		this.node = node;
		this.path = path;
		this.pos = pos;
		this.src = src;
		this.keyName = keyName;
	}
	get diag() {
		return this.src.diagnostics;
	}
	error(message) {
		this.src.diagnostics.error(this.pos, this.path, message);
	}
	warn(message) {
		this.src.diagnostics.warn(this.pos, this.path, message);
	}
	get isMap() {
		return (0, import_dist.isMap)(this.node);
	}
	get isSeq() {
		return (0, import_dist.isSeq)(this.node);
	}
	get isScalar() {
		return (0, import_dist.isScalar)(this.node);
	}
	/** The scalar's value (string, number, boolean or null); undefined for maps and lists. */
	get value() {
		return (0, import_dist.isScalar)(this.node) ? this.node.value : void 0;
	}
	/** The value as a string if it is a scalar string or number; never reports. */
	get text() {
		const v = this.value;
		return typeof v === "string" || typeof v === "number" ? String(v) : void 0;
	}
	get isNull() {
		return this.node === null || (0, import_dist.isScalar)(this.node) && this.node.value === null;
	}
	/** Child fields of a map, in file order. */
	entries() {
		if (!(0, import_dist.isMap)(this.node)) return this.error(`expected a map of fields, found ${this.describe()}`);
		const out = [];
		for (const pair of this.node.items) {
			const key = (0, import_dist.isScalar)(pair.key) ? String(pair.key.value) : String(pair.key);
			const keyNode = pair.key;
			const valueNode = pair.value ?? null;
			const at = valueNode ?? keyNode;
			out.push(new Field(valueNode, this.path ? `${this.path}.${key}` : key, this.src.position(at), this.src, key));
		}
		return out;
	}
	/** The key of this field within its parent map (last path segment). */
	get key() {
		if (this.keyName !== void 0) return this.keyName;
		const dot = this.path.lastIndexOf(".");
		return dot < 0 ? this.path : this.path.slice(dot + 1);
	}
	/** A map child by key; a Field of null when absent. */
	get(key) {
		if ((0, import_dist.isMap)(this.node)) {
			for (const pair of this.node.items) if ((0, import_dist.isScalar)(pair.key) && String(pair.key.value) === key) {
				const valueNode = pair.value ?? null;
				return new Field(valueNode, this.path ? `${this.path}.${key}` : key, this.src.position(valueNode ?? pair.key), this.src, key);
			}
		}
		return new Field(null, this.path ? `${this.path}.${key}` : key, this.pos, this.src, key);
	}
	has(key) {
		return !this.get(key).isNull;
	}
	/** Report keys that are not among the known ones. */
	checkKeys(known, ignored = []) {
		if (!(0, import_dist.isMap)(this.node)) return;
		for (const f of this.entries() ?? []) {
			if (known.includes(f.key)) continue;
			if (ignored.includes(f.key)) {
				this.src.noteIgnored(f);
				continue;
			}
			f.error(`unknown field '${f.key}'${didYouMean(f.key, known)}`);
		}
	}
	items() {
		if (!(0, import_dist.isSeq)(this.node)) return this.error(`expected a list, found ${this.describe()}`);
		return this.node.items.map((n, i) => new Field(n ?? null, `${this.path}[${i}]`, this.src.position(n ?? null, this.pos), this.src));
	}
	/** A list, or a single value taken as a list of one. */
	itemsOrOne() {
		if (this.isNull) return [];
		if ((0, import_dist.isSeq)(this.node)) return this.items() ?? [];
		return [this];
	}
	str() {
		if ((0, import_dist.isScalar)(this.node) && (typeof this.node.value === "string" || typeof this.node.value === "number")) return String(this.node.value);
		return this.error(`expected a string, found ${this.describe()}`);
	}
	int(min, max) {
		if ((0, import_dist.isScalar)(this.node) && typeof this.node.value === "number" && Number.isInteger(this.node.value)) {
			const v = this.node.value;
			if (v < min || v > max) return this.error(`${v} is out of range (${min}–${max})`);
			return v;
		}
		return this.error(`expected a whole number, found ${this.describe()}`);
	}
	bool() {
		if ((0, import_dist.isScalar)(this.node) && typeof this.node.value === "boolean") return this.node.value;
		return this.error(`expected true or false, found ${this.describe()}`);
	}
	describe() {
		if (this.node === null) return "nothing";
		if ((0, import_dist.isMap)(this.node)) return "a map";
		if ((0, import_dist.isSeq)(this.node)) return "a list";
		if ((0, import_dist.isScalar)(this.node)) return this.node.value === null ? "nothing" : `'${String(this.node.value)}'`;
		return "an alias";
	}
};
/** A parsed YAML file with a line counter for positions. */
var Source = class {
	file;
	diagnostics = new Diagnostics();
	root;
	lines = new import_dist.LineCounter();
	ignoredSeen = /* @__PURE__ */ new Set();
	constructor(file, text) {
		this.file = file;
		const doc = (0, import_dist.parseDocument)(text, {
			lineCounter: this.lines,
			prettyErrors: false,
			uniqueKeys: true
		});
		for (const e of doc.errors) {
			const lp = e.linePos?.[0] ?? this.lines.linePos(e.pos[0]);
			this.diagnostics.error({
				file,
				line: lp?.line ?? 1,
				col: lp?.col ?? 1
			}, "", `invalid YAML: ${e.message.split("\n")[0]}`);
		}
		const contents = doc.errors.length ? null : doc.contents ?? null;
		this.root = new Field(contents, "", this.position(contents), this);
	}
	position(node, fallback) {
		if (!node?.range) return fallback ?? {
			file: this.file,
			line: 1,
			col: 1
		};
		const lp = this.lines.linePos(node.range[0]);
		return {
			file: this.file,
			line: lp.line,
			col: lp.col
		};
	}
	/** Fields with no meaning here are mentioned once per name, as a warning. */
	noteIgnored(f) {
		if (this.ignoredSeen.has(f.key)) return;
		this.ignoredSeen.add(f.key);
		f.warn(`'${f.key}' has no meaning for nslab and is ignored`);
	}
};
// dist/topology/load.js
/** The topology file cannot be read at all. */
var TopologyFileError = class extends Error {
	name = "TopologyFileError";
};
/** Read and validate a topology file. Throws TopologyError listing every problem. */
function loadTopologyFile(file) {
	let text;
	try {
		text = readFileSync(file, "utf8");
	} catch (err) {
		throw new TopologyFileError(`cannot read topology file ${file}: ${err.code ?? err.message}`, { cause: err });
	}
	return loadTopology(file, text);
}
/**
* Validate a topology given as text (`file` names it in messages): shape
* first (./spec.ts), then meaning — inheritance, LANs, interface names,
* addresses (automatic where missing), routes (computed for
* `routing: static`) and every cross-check, all problems at once.
*/
function loadTopology(file, text) {
	const src = new Source(file, text);
	const root = src.root;
	let topo;
	if (!root.diag.hasErrors) {
		if (!root.isMap) root.error(`a topology is a map with 'name' and 'topology', found ${root.describe()}`);
		else {
			checkShape(root, topologySpec);
			topo = build(root, file);
		}
	}
	src.diagnostics.check();
	return {
		...topo,
		warnings: src.diagnostics.warnings
	};
}
/** Everything below assumes the shape is right (checkShape passed). */
function build(root, file) {
	const diag = root.diag;
	const name = root.get("name").text ?? "";
	const problem = root.has("name") ? nameProblem("lab", name) : void 0;
	if (problem) root.get("name").error(problem);
	const topo = root.get("topology");
	const nodes = parseNodes(topo, root.get("routing").text ?? "none", file);
	const links = parseLinks(topo.get("links"), nodes);
	const addressing = parseAddressing(root.get("addressing"), file);
	const uplink = parseUplink(root.get("uplink"), name, nodes, links);
	const segments = segmentsOf(nodes, links);
	checkSubnets(diag, segments.map((s) => s.endpoints));
	const given = diag.hasErrors ? /* @__PURE__ */ new Map() : assignAddresses(segments, nodes, addressing, diag);
	const addressed = (e) => [...e.addresses, ...given.get(e) ?? []];
	const computed = computeRoutes(nodes, segments, addressed, uplink);
	const withAddresses = (e) => {
		const auto = given.get(e);
		return auto ? {
			...e,
			addresses: [...e.addresses, ...auto],
			autoAddresses: auto
		} : e;
	};
	const finalLinks = links.map((l) => ({
		...l,
		a: withAddresses(l.a),
		b: withAddresses(l.b)
	}));
	const finalNodes = new Map([...nodes].map(([n, def]) => [n, {
		...def,
		routes: [...def.routes, ...computed.get(n) ?? []]
	}]));
	checkAddresses(diag, finalLinks);
	checkRoutes(diag, finalNodes, finalLinks);
	checkNodeReferences(finalNodes, finalLinks, topo.get("nodes"));
	if (uplink) checkPortTargets(diag, uplink.ports, finalNodes, finalLinks);
	const expect = parseExpect(root.get("expect"), finalNodes, finalLinks);
	const uf = root.get("userns");
	const uid = uf.get("uid").value;
	const gid = uf.get("gid").value;
	const userns = typeof uid === "number" && typeof gid === "number" ? {
		uid,
		gid,
		pos: uf.pos,
		field: uf.path
	} : void 0;
	return {
		name,
		file,
		nodes: finalNodes,
		links: finalLinks,
		...uplink ? { uplink } : {},
		...userns ? { userns } : {},
		expect
	};
}
function parsePool(f, v4, v6, prefix) {
	const get = (key, dflt, family) => {
		const field = f.get(key);
		const text = field.text ?? dflt;
		try {
			const c = parseCidr(text);
			if (c.family !== family) throw new TypeError(`'${text}' is not an IPv${family} prefix`);
			return networkOf(c);
		} catch (err) {
			field.error(err.message);
			return networkOf(parseCidr(dflt));
		}
	};
	return {
		ipv4: get("ipv4", v4, 4),
		ipv6: get("ipv6", v6, 6),
		prefix: f.get("prefix").value ?? prefix
	};
}
/**
* containerlab files (*.clab.yml) set addresses themselves (ipv4 on endpoints,
* or `ip addr add` in exec), so automatic addressing is off for them unless
* they ask for it; everywhere else it is on unless turned off.
*/
function isContainerlabFile(file) {
	return /\.clab\.ya?ml$/i.test(file);
}
function parseAddressing(f, file) {
	return {
		auto: f.get("auto").value ?? !isContainerlabFile(file),
		ipv6: f.get("ipv6").value ?? false,
		p2p: parsePool(f.get("p2p"), "10.255.0.0/16", "fd00:ffff::/48", 30),
		lan: parsePool(f.get("lan"), "10.0.0.0/16", "fd00::/48", 24)
	};
}
export { loadTopologyFile as t };

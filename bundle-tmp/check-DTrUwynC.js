import { t as UsageError } from "./errors-DVtOiXg0.js";
import { a as parseCidr, o as parseIp, r as formatIp, t as contains } from "./ip-BpWuX1YV.js";
import { _ as libc, b as errnoName, g as lastErrno, m as SOCK_CLOEXEC, v as raw, y as SyscallError } from "./libc-oAiCzK6X.js";
import { a as openNamedNetns, p as inNetns } from "./netns-EP-ZBEUQ.js";
import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { s as readRecord } from "./state-BrxKKSY6.js";
import { t as requirePrivileges } from "./privileges-DX3k0WGy.js";
import { n as labNameFrom, r as onlyLab } from "./resolve-32GhEs-c.js";
import { readFileSync } from "node:fs";
import { randomBytes, randomInt } from "node:crypto";
import { setTimeout } from "node:timers/promises";
// dist/lab/check-targets.js
/** The nodes of the matrix: every node the plan gives an address, in plan order. */
function checkNodes(plan) {
	return plan.namespaces.map((n) => ({
		name: n.node,
		kind: n.kind,
		netns: n.name,
		addresses: plan.addresses.filter((a) => a.netns === n.name).map((a) => {
			const address = a.address.split("/")[0];
			return {
				address,
				family: parseIp(address).family,
				dev: a.dev
			};
		})
	})).filter((n) => n.addresses.length > 0);
}
function probeKey(p) {
	return `${p.from}>${p.address}${p.port ? `:${p.port.port}/${p.port.proto}` : ""}`;
}
/** The probes of the matrix. */
function matrixProbes(nodes) {
	const out = [];
	for (const from of nodes) {
		const families = new Set(from.addresses.map((a) => a.family));
		for (const to of nodes) {
			if (to === from) continue;
			for (const a of to.addresses) if (families.has(a.family)) out.push({
				from: from.name,
				netns: from.netns,
				address: a.address,
				family: a.family
			});
		}
	}
	return out;
}
/**
* The addresses an expectation's target stands for: an address itself, the
* addresses of node:iface, or every address of a node — of the families the
* sender has an address of (all of them when it has none).
*/
function expectAddresses(plan, e) {
	let family;
	try {
		family = parseIp(e.target).family;
	} catch {
		family = void 0;
	}
	if (family !== void 0) return [e.target];
	const [node, iface] = e.target.split(":");
	const ns = plan.namespaces.find((n) => n.node === node);
	const fromNs = plan.namespaces.find((n) => n.node === e.from);
	if (!ns) return [];
	const own = new Set(plan.addresses.filter((a) => a.netns === fromNs?.name).map((a) => parseIp(a.address.split("/")[0]).family));
	return plan.addresses.filter((a) => a.netns === ns.name && (iface === void 0 || a.dev === iface)).map((a) => a.address.split("/")[0]).filter((a) => own.size === 0 || own.has(parseIp(a).family));
}
function expectProbes(plan, e) {
	const netns = plan.namespaces.find((n) => n.node === e.from)?.name ?? "";
	return expectAddresses(plan, e).map((address) => ({
		from: e.from,
		netns,
		address,
		family: parseIp(address).family,
		...e.port ? { port: e.port } : {}
	}));
}
// dist/lab/check-neighbours.js
/**
* Neighbour (ARP, NDP) entries the matrix makes: one in each namespace for
* each address it talks to on a link of its own, and one for its gateway.
* The kernel keeps one neighbour table per family for all namespaces
* together, and refuses new entries beyond net.ipv4.neigh.default.gc_thresh3
* ("neighbor table overflow"): on a big flat LAN the matrix alone can
* exceed it, and pairs then fail for the kernel's sake, not the lab's.
*/
function neighbourEntries(plan) {
	const nodes = checkNodes(plan);
	const out = {
		4: 0,
		6: 0
	};
	for (const from of nodes) {
		const nets = plan.addresses.filter((a) => a.netns === from.netns).map((a) => parseCidr(a.address));
		const families = new Set(nets.map((n) => n.family));
		const offLink = /* @__PURE__ */ new Set();
		for (const to of nodes) {
			if (to === from) continue;
			for (const a of to.addresses) {
				if (!families.has(a.family)) continue;
				const ip = parseIp(a.address);
				if (nets.some((n) => contains(n, ip))) out[a.family]++;
				else offLink.add(a.family);
			}
		}
		for (const f of offLink) out[f]++;
	}
	return out;
}
/** A warning when the matrix needs more neighbour entries than the kernel has room for. */
function neighbourWarnings(needed, tables) {
	const out = [];
	for (const t of tables) {
		const n = needed[t.family];
		if (n === 0 || n + t.inUse <= t.limit) continue;
		const proto = t.family === 4 ? "ipv4" : "ipv6";
		out.push(`this matrix needs about ${n} IPv${t.family} neighbour (${t.family === 4 ? "ARP" : "NDP"}) entries, but the kernel keeps at most ${t.limit} for all namespaces together (net.${proto}.neigh.default.gc_thresh3, ${t.inUse} in use): pairs past that fail because the table is full, not because of the lab. To check a lab this size, raise it: sysctl -w net.${proto}.neigh.default.gc_thresh3=${Math.ceil((n + t.inUse) * 1.5)}`);
	}
	return out;
}
/** The kernel's neighbour table sizes and use, from /proc (root namespace: the tables are global). */
function readNeighbourTables() {
	const out = [];
	for (const [family, proto, stat] of [[
		4,
		"ipv4",
		"arp_cache"
	], [
		6,
		"ipv6",
		"ndisc_cache"
	]]) try {
		const limit = Number(readFileSync(`/proc/sys/net/${proto}/neigh/default/gc_thresh3`, "utf8").trim());
		const line = readFileSync(`/proc/net/stat/${stat}`, "utf8").split("\n")[1] ?? "";
		const inUse = parseInt(line.trim().split(/\s+/)[0] ?? "0", 16);
		if (Number.isFinite(limit) && Number.isFinite(inUse)) out.push({
			family,
			limit,
			inUse
		});
	} catch {}
	return out;
}
// dist/sys/icmp.js
/**
* ICMP and ICMPv6 echo messages (RFC 792, RFC 4443): encode an echo
* request, decode what a raw socket hands back (an echo reply, or an error
* that quotes one of our requests). Pure codec: no sockets here (see
* ./ping.ts). Everything on the wire is big-endian (network order).
*
* What a raw socket returns differs by family: an AF_INET raw socket gives
* the whole IPv4 datagram (header included), an AF_INET6 one only the
* ICMPv6 message (the kernel strips the IPv6 header).
*/
/** ICMP types (<netinet/ip_icmp.h>). */
const ICMP = {
	ICMP_ECHOREPLY: 0,
	ICMP_DEST_UNREACH: 3,
	ICMP_ECHO: 8,
	ICMP_TIME_EXCEEDED: 11,
	ICMP_PARAMETERPROB: 12
};
/** ICMPv6 types (<netinet/icmp6.h>). */
const ICMP6 = {
	ICMP6_DST_UNREACH: 1,
	ICMP6_PACKET_TOO_BIG: 2,
	ICMP6_TIME_EXCEEDED: 3,
	ICMP6_PARAM_PROB: 4,
	ICMP6_ECHO_REQUEST: 128,
	ICMP6_ECHO_REPLY: 129
};
/** Codes of ICMP_DEST_UNREACH, as ping(8) words them. */
const UNREACH4 = {
	0: "network unreachable",
	1: "host unreachable",
	2: "protocol unreachable",
	3: "port unreachable",
	4: "fragmentation needed",
	5: "source route failed",
	6: "destination network unknown",
	7: "destination host unknown",
	9: "network administratively prohibited",
	10: "host administratively prohibited",
	13: "communication administratively prohibited"
};
/** Codes of ICMP6_DST_UNREACH. */
const UNREACH6 = {
	0: "no route to destination",
	1: "communication administratively prohibited",
	2: "beyond scope of source address",
	3: "address unreachable",
	4: "port unreachable",
	5: "source address failed policy",
	6: "reject route to destination"
};
const IPV4_MIN_HEADER = 20;
const IPV6_HEADER = 40;
const IPPROTO_ICMP$1 = 1;
const IPPROTO_ICMPV6$1 = 58;
/**
* The Internet checksum (RFC 1071): the ones' complement of the ones'
* complement sum of 16-bit big-endian words, an odd last byte padded with 0.
* A message that carries its own checksum sums to 0.
*/
function internetChecksum(bytes) {
	let sum = 0;
	const n = bytes.length;
	for (let i = 0; i + 1 < n; i += 2) sum += bytes[i] << 8 | bytes[i + 1];
	if (n % 2 === 1) sum += bytes[n - 1] << 8;
	while (sum > 65535) sum = (sum & 65535) + (sum >>> 16);
	return ~sum & 65535;
}
/**
* An echo request: `ping -c 1 -p … ADDR` sends the same thing. For IPv4 the
* checksum is filled in here; for IPv6 it is left 0, because it covers a
* pseudo-header of addresses the sender may not know (the kernel always
* computes it for ICMPv6 raw sockets, RFC 3542 §3.1).
*/
function encodeEcho(family, echo) {
	if (!Number.isInteger(echo.id) || echo.id < 0 || echo.id > 65535) throw new RangeError(`ICMP echo id ${echo.id} is not 0..65535`);
	if (!Number.isInteger(echo.seq) || echo.seq < 0 || echo.seq > 65535) throw new RangeError(`ICMP echo sequence ${echo.seq} is not 0..65535`);
	const out = new Uint8Array(8 + echo.payload.length);
	const v = new DataView(out.buffer);
	out[0] = family === 4 ? ICMP.ICMP_ECHO : ICMP6.ICMP6_ECHO_REQUEST;
	out[1] = 0;
	v.setUint16(4, echo.id, false);
	v.setUint16(6, echo.seq, false);
	out.set(echo.payload, 8);
	if (family === 4) v.setUint16(2, internetChecksum(out), false);
	return out;
}
/** The IPv4 header length of a datagram, or undefined when it is not one. */
function ipv4HeaderLength(b, off = 0) {
	if (b.length < off + IPV4_MIN_HEADER || b[off] >> 4 !== 4) return void 0;
	const ihl = (b[off] & 15) * 4;
	return ihl >= IPV4_MIN_HEADER && b.length >= off + ihl ? ihl : void 0;
}
function reason4(type, code) {
	if (type === ICMP.ICMP_DEST_UNREACH) return UNREACH4[code] ?? `destination unreachable (code ${code})`;
	if (type === ICMP.ICMP_TIME_EXCEEDED) return code === 0 ? "time to live exceeded" : "fragment reassembly time exceeded";
	if (type === ICMP.ICMP_PARAMETERPROB) return "parameter problem";
	return `ICMP type ${type} code ${code}`;
}
function reason6(type, code) {
	if (type === ICMP6.ICMP6_DST_UNREACH) return UNREACH6[code] ?? `destination unreachable (code ${code})`;
	if (type === ICMP6.ICMP6_TIME_EXCEEDED) return code === 0 ? "hop limit exceeded" : "fragment reassembly time exceeded";
	if (type === ICMP6.ICMP6_PACKET_TOO_BIG) return "packet too big";
	if (type === ICMP6.ICMP6_PARAM_PROB) return "parameter problem";
	return `ICMPv6 type ${type} code ${code}`;
}
/**
* Decode what an AF_INET raw ICMP socket received (IPv4 header first).
* Returns undefined for anything that is not an echo reply or an error
* quoting an echo request (other ICMP traffic of the namespace).
*/
function decodeIcmp4(datagram) {
	const ihl = ipv4HeaderLength(datagram);
	if (ihl === void 0 || datagram[9] !== IPPROTO_ICMP$1) return void 0;
	const m = datagram.subarray(ihl);
	if (m.length < 8) return void 0;
	const v = new DataView(m.buffer, m.byteOffset, m.byteLength);
	const type = m[0];
	const code = m[1];
	if (type === ICMP.ICMP_ECHOREPLY) return {
		kind: "reply",
		id: v.getUint16(4, false),
		seq: v.getUint16(6, false),
		payload: m.slice(8),
		checksumOk: internetChecksum(m) === 0
	};
	if (type !== ICMP.ICMP_DEST_UNREACH && type !== ICMP.ICMP_TIME_EXCEEDED && type !== ICMP.ICMP_PARAMETERPROB) return void 0;
	const inner = m.subarray(8);
	const innerIhl = ipv4HeaderLength(inner);
	if (innerIhl === void 0 || inner[9] !== IPPROTO_ICMP$1 || inner.length < innerIhl + 8) return void 0;
	const q = inner.subarray(innerIhl);
	if (q[0] !== ICMP.ICMP_ECHO) return void 0;
	const qv = new DataView(q.buffer, q.byteOffset, q.byteLength);
	return {
		kind: "error",
		id: qv.getUint16(4, false),
		seq: qv.getUint16(6, false),
		dst: formatIp(inner.subarray(16, 20)),
		type,
		code,
		reason: reason4(type, code)
	};
}
/**
* Decode what an AF_INET6 raw ICMPv6 socket received (no IPv6 header).
* The kernel has already checked the checksum of what it delivers.
*/
function decodeIcmp6(message) {
	if (message.length < 8) return void 0;
	const v = new DataView(message.buffer, message.byteOffset, message.byteLength);
	const type = message[0];
	const code = message[1];
	if (type === ICMP6.ICMP6_ECHO_REPLY) return {
		kind: "reply",
		id: v.getUint16(4, false),
		seq: v.getUint16(6, false),
		payload: message.slice(8),
		checksumOk: true
	};
	if (type !== ICMP6.ICMP6_DST_UNREACH && type !== ICMP6.ICMP6_TIME_EXCEEDED && type !== ICMP6.ICMP6_PACKET_TOO_BIG && type !== ICMP6.ICMP6_PARAM_PROB) return;
	const inner = message.subarray(8);
	if (inner.length < 48 || inner[0] >> 4 !== 6 || inner[6] !== IPPROTO_ICMPV6$1) return void 0;
	const q = inner.subarray(IPV6_HEADER);
	if (q[0] !== ICMP6.ICMP6_ECHO_REQUEST) return void 0;
	const qv = new DataView(q.buffer, q.byteOffset, q.byteLength);
	return {
		kind: "error",
		id: qv.getUint16(4, false),
		seq: qv.getUint16(6, false),
		dst: formatIp(inner.subarray(24, 40)),
		type,
		code,
		reason: reason6(type, code)
	};
}
const SOCK_NONBLOCK = 2048;
const EAGAIN = 11;
const EINPROGRESS = 115;
const MSG_DONTWAIT = 64;
const RECEIVE_BUFFER = 4194304;
function fail(call, detail) {
	throw new SyscallError(call, lastErrno(), detail);
}
/** struct sockaddr_in / sockaddr_in6 for an address and port. */
function sockaddr(addr, port = 0) {
	const b = new Uint8Array(addr.family === 4 ? 16 : 28);
	const v = new DataView(b.buffer);
	v.setUint16(0, addr.family === 4 ? 2 : 10, HOST_LITTLE_ENDIAN);
	v.setUint16(2, port, false);
	b.set(addr.bytes, addr.family === 4 ? 4 : 8);
	return b;
}
function openSocket(family, type, protocol, netnsFd) {
	const make = () => {
		const fd = raw.socket(family === 4 ? 2 : 10, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
		if (fd < 0) fail("socket", `(${family === 4 ? "AF_INET" : "AF_INET6"}, type ${type}, protocol ${protocol})`);
		return fd;
	};
	return netnsFd === void 0 ? make() : inNetns(netnsFd, make);
}
function closeFd(fd) {
	raw.close(fd);
}
/** poll(2) with a zero timeout over struct pollfd {int fd; short events, revents;}: each fd's revents (0 when nothing is ready). */
function readiness(fds) {
	if (fds.length === 0) return [];
	const buf = new Uint8Array(8 * fds.length);
	const v = new DataView(buf.buffer);
	fds.forEach((f, i) => {
		v.setInt32(i * 8, f.fd, HOST_LITTLE_ENDIAN);
		v.setInt16(i * 8 + 4, f.events, HOST_LITTLE_ENDIAN);
	});
	if (raw.poll(buf, fds.length, 0) < 0) fail("poll");
	return fds.map((_, i) => v.getUint16(i * 8 + 6, HOST_LITTLE_ENDIAN));
}
/** The pending error of a socket (SO_ERROR), 0 for none; reading it clears it. */
function socketError(fd) {
	const val = /* @__PURE__ */ new Int32Array(1);
	if (raw.getsockopt(fd, 1, 4, val, [4]) < 0) fail("getsockopt", "(SO_ERROR)");
	return val[0] ?? 0;
}
/**
* A raw ICMP (or ICMPv6) socket in one namespace that sends echo requests
* with its own id and reads back replies and errors about them.
*/
var EchoSocket = class EchoSocket {
	family;
	fd;
	id;
	token;
	buf = /* @__PURE__ */ new Uint8Array(65536);
	closed = false;
	constructor(family, fd, id, token) {
		this.family = family;
		this.fd = fd;
		this.id = id;
		this.token = token;
	}
	/** Open it inside the namespace of netnsFd (or where the thread is). */
	static open(family, opts) {
		const fd = openSocket(family, 3, family === 4 ? 1 : 58, opts.netnsFd);
		try {
			if (raw.setsockopt(fd, 1, 33, new Int32Array([RECEIVE_BUFFER]), 4) < 0) fail("setsockopt", "(SO_RCVBUFFORCE)");
			if (family === 4) {
				const drop = ~[
					ICMP.ICMP_ECHOREPLY,
					ICMP.ICMP_DEST_UNREACH,
					ICMP.ICMP_TIME_EXCEEDED,
					ICMP.ICMP_PARAMETERPROB
				].reduce((m, t) => m | 1 << t, 0) >>> 0;
				if (raw.setsockopt(fd, 255, 1, new Uint32Array([drop]), 4) < 0) fail("setsockopt", "(ICMP_FILTER)");
			} else {
				const filter = (/* @__PURE__ */ new Uint32Array(8)).fill(4294967295);
				for (const t of [
					ICMP6.ICMP6_ECHO_REPLY,
					ICMP6.ICMP6_DST_UNREACH,
					ICMP6.ICMP6_TIME_EXCEEDED,
					ICMP6.ICMP6_PACKET_TOO_BIG,
					ICMP6.ICMP6_PARAM_PROB
				]) filter[t >> 5] = ((filter[t >> 5] ?? 0) & ~(1 << (t & 31))) >>> 0;
				if (raw.setsockopt(fd, 58, 1, filter, 32) < 0) fail("setsockopt", "(ICMP6_FILTER)");
			}
		} catch (err) {
			closeFd(fd);
			throw err;
		}
		return new EchoSocket(family, fd, opts.id, opts.token);
	}
	/** Send one echo request; a send the kernel refuses at once (ENETUNREACH…) is reported, not thrown. */
	send(dst, seq) {
		const addr = parseIp(dst);
		if (addr.family !== this.family) throw new TypeError(`${dst} is not an IPv${this.family} address`);
		const echo = {
			id: this.id,
			seq,
			payload: this.token
		};
		const packet = encodeEcho(this.family, echo);
		const to = sockaddr(addr);
		if (Number(raw.sendto(this.fd, packet, packet.length, 0, to, to.length)) >= 0) return { ok: true };
		const errno = lastErrno();
		if (errno === EAGAIN) return {
			ok: false,
			errno: "EAGAIN"
		};
		return {
			ok: false,
			errno: errnoName(errno)
		};
	}
	/**
	* The next queued message that concerns this socket's requests, or
	* undefined when nothing more is queued. Never blocks.
	*/
	receive() {
		for (;;) {
			const n = Number(raw.recv(this.fd, this.buf, this.buf.length, MSG_DONTWAIT));
			if (n < 0) {
				const errno = lastErrno();
				if (errno === EAGAIN) return void 0;
				if (errno === 113 || errno === 101 || errno === 111) continue;
				fail("recv", "(ICMP socket)");
			}
			const data = this.buf.subarray(0, n);
			const msg = this.family === 4 ? decodeIcmp4(data) : decodeIcmp6(data);
			if (!msg || msg.id !== this.id) continue;
			if (msg.kind === "reply" && !sameBytes(msg.payload, this.token)) continue;
			return msg;
		}
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		closeFd(this.fd);
	}
};
function sameBytes(a, b) {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}
/**
* A TCP connection attempt or a UDP exchange from inside a namespace, as
* `nc -z` (TCP) or `nc -u` (UDP) would make it, driven by poll without
* blocking. TCP: connect(); writable means connected, else SO_ERROR says why.
* UDP: connect() then send a datagram; any answer means open, and the ICMP
* port unreachable comes back as ECONNREFUSED on the connected socket.
*/
var PortProbe = class PortProbe {
	proto;
	fd;
	buf = /* @__PURE__ */ new Uint8Array(2048);
	outcome = { state: "pending" };
	closed = false;
	constructor(proto, fd) {
		this.proto = proto;
		this.fd = fd;
	}
	static start(proto, dst, port, netnsFd) {
		const addr = parseIp(dst);
		const fd = openSocket(addr.family, proto === "tcp" ? 1 : 2, proto === "tcp" ? 6 : 17, netnsFd);
		const probe = new PortProbe(proto, fd);
		const to = sockaddr(addr, port);
		if (raw.connect(fd, to, to.length) < 0) {
			const errno = lastErrno();
			if (errno !== EINPROGRESS) probe.settle({
				state: "refused",
				errno: errnoName(errno)
			});
		} else if (proto === "tcp") probe.settle({ state: "open" });
		if (proto === "udp" && probe.outcome.state === "pending") probe.resend();
		return probe;
	}
	/** What poll() should wait for. */
	get events() {
		return this.proto === "tcp" ? 4 : 1;
	}
	get result() {
		return this.outcome;
	}
	/** UDP: send the datagram (again). */
	resend() {
		if (this.proto !== "udp" || this.outcome.state !== "pending") return;
		const hello = new TextEncoder().encode("nslab check\n");
		if (Number(raw.send(this.fd, hello, hello.length, MSG_DONTWAIT)) < 0) {
			const errno = lastErrno();
			if (errno !== EAGAIN) this.settle({
				state: "refused",
				errno: errnoName(errno)
			});
		}
	}
	/** Act on poll's revents for this socket. */
	update(revents) {
		if (this.outcome.state !== "pending" || revents === 0) return this.outcome;
		if (this.proto === "tcp") {
			const err = socketError(this.fd);
			this.settle(err === 0 ? { state: "open" } : {
				state: "refused",
				errno: errnoName(err)
			});
			return this.outcome;
		}
		if (Number(raw.recv(this.fd, this.buf, this.buf.length, MSG_DONTWAIT)) >= 0) this.settle({ state: "open" });
		else {
			const errno = lastErrno();
			if (errno !== EAGAIN) this.settle({
				state: "refused",
				errno: errnoName(errno)
			});
		}
		return this.outcome;
	}
	settle(o) {
		this.outcome = o;
		this.close();
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		closeFd(this.fd);
	}
};
// dist/lab/check-probe.js
const DEFAULT_CHECK = {
	count: 3,
	timeoutMs: 1e3
};
/** Most packets sent per tick of the prober (a big lab's probes go out paced). */
const SEND_BUDGET = 1e3;
const TICK_MS = 5;
const ERRNO_WORDS = {
	ENETUNREACH: "no route (network unreachable)",
	EHOSTUNREACH: "host unreachable",
	ECONNREFUSED: "connection refused",
	EACCES: "refused by a firewall (administratively prohibited)",
	EPERM: "refused by a firewall here",
	EADDRNOTAVAIL: "no source address for it",
	ETIMEDOUT: "timed out"
};
function errnoWords(errno, udp = false) {
	if (udp && errno === "ECONNREFUSED") return "port unreachable";
	return ERRNO_WORDS[errno] ?? errno;
}
/**
* Run probes in parallel and return each one's result by probeKey. Sockets
* are opened inside each sender's namespace (one echo socket per sender and
* family) and closed before this returns, whatever happens.
*/
async function runProbes(probes, opts) {
	const count = Math.max(1, Math.floor(opts.count));
	const timeout = Math.max(1, opts.timeoutMs);
	const interval = timeout / count;
	const results = /* @__PURE__ */ new Map();
	const unique = [...new Map(probes.map((p) => [probeKey(p), p])).values()];
	const echoSockets = /* @__PURE__ */ new Map();
	const seqs = /* @__PURE__ */ new Map();
	const nextSeq = /* @__PURE__ */ new Map();
	const nsFds = /* @__PURE__ */ new Map();
	const echoes = [];
	const ports = [];
	const token = randomBytes(8);
	const nsFd = (netns) => {
		if (!nsFds.has(netns)) try {
			nsFds.set(netns, openNamedNetns(netns).fd);
		} catch {
			nsFds.set(netns, null);
		}
		return nsFds.get(netns) ?? null;
	};
	try {
		for (const p of unique) {
			const fd = nsFd(p.netns);
			if (fd === null) {
				results.set(probeKey(p), {
					...p,
					reached: false,
					detail: `namespace ${p.netns} is missing`
				});
				continue;
			}
			if (p.port) {
				ports.push({
					probe: {
						...p,
						port: p.port
					},
					sent: 0,
					nextAt: 0
				});
				continue;
			}
			const key = `${p.netns}/${p.family}`;
			let socket = echoSockets.get(key);
			if (!socket) {
				socket = EchoSocket.open(p.family, {
					netnsFd: fd,
					id: randomInt(1, 65535),
					token
				});
				echoSockets.set(key, socket);
				seqs.set(socket, /* @__PURE__ */ new Map());
				nextSeq.set(socket, randomInt(0, 65535));
			}
			echoes.push({
				probe: p,
				socket,
				sent: 0,
				accepted: 0,
				nextAt: 0
			});
		}
		const pending = () => echoes.some((e) => !e.result) || ports.some((p) => !p.result);
		while (pending()) {
			const now = performance.now();
			let budget = SEND_BUDGET;
			for (const e of echoes) {
				if (e.result || budget <= 0) continue;
				if (e.firstAt !== void 0 && now - e.firstAt >= timeout) {
					e.result = {
						...e.probe,
						reached: false,
						detail: e.lastError ?? "no reply (timeout)"
					};
					continue;
				}
				if (e.sent >= count && e.accepted === 0) {
					e.result = {
						...e.probe,
						reached: false,
						detail: e.lastError ?? "could not send"
					};
					continue;
				}
				if (e.sent >= count || now < e.nextAt) continue;
				const seq = nextSeq.get(e.socket) ?? 0;
				nextSeq.set(e.socket, seq + 1 & 65535);
				const sent = e.socket.send(e.probe.address, seq);
				budget--;
				e.firstAt ??= now;
				e.sent++;
				e.nextAt = (e.firstAt ?? now) + e.sent * interval;
				if (sent.ok) {
					e.accepted++;
					seqs.get(e.socket)?.set(seq, {
						state: e,
						at: now
					});
				} else if (sent.errno !== "EAGAIN") e.lastError = errnoWords(sent.errno);
			}
			for (const p of ports) {
				if (p.result || budget <= 0) continue;
				if (p.startedAt !== void 0 && now - p.startedAt >= timeout) {
					const silent = p.probe.port.proto === "udp" ? "no answer (a silent UDP service looks like a drop)" : "no answer (timeout)";
					p.result = {
						...p.probe,
						reached: false,
						detail: silent
					};
					p.socket?.close();
					continue;
				}
				if (!p.socket) {
					p.socket = PortProbe.start(p.probe.port.proto, p.probe.address, p.probe.port.port, nsFd(p.probe.netns) ?? void 0);
					p.startedAt = now;
					p.sent = 1;
					p.nextAt = now + interval;
					budget--;
				} else if (p.probe.port.proto === "udp" && p.sent < count && now >= p.nextAt) {
					p.socket.resend();
					p.sent++;
					p.nextAt = (p.startedAt ?? now) + p.sent * interval;
					budget--;
				}
				settlePort(p, now);
			}
			const open = [...echoSockets.values()];
			const waiting = ports.filter((p) => !p.result && p.socket);
			const ready = readiness([...open.map((s) => ({
				fd: s.fd,
				events: 1
			})), ...waiting.map((p) => ({
				fd: p.socket.fd,
				events: p.socket.events
			}))]);
			const at = performance.now();
			open.forEach((s, i) => {
				if (!ready[i]) return;
				for (let m = s.receive(); m !== void 0; m = s.receive()) {
					const sent = seqs.get(s)?.get(m.seq);
					if (!sent || sent.state.result) continue;
					if (m.kind === "reply") sent.state.result = {
						...sent.state.probe,
						reached: true,
						rttMs: at - sent.at,
						detail: "reply"
					};
					else sent.state.lastError = `${m.reason}`;
				}
			});
			waiting.forEach((p, i) => {
				const rev = ready[open.length + i] ?? 0;
				if (rev) p.socket?.update(rev);
				settlePort(p, at);
			});
			if (pending()) await setTimeout(TICK_MS);
		}
		for (const e of echoes) if (e.result) results.set(probeKey(e.probe), e.result);
		for (const p of ports) if (p.result) results.set(probeKey(p.probe), p.result);
		return results;
	} finally {
		for (const s of echoSockets.values()) s.close();
		for (const p of ports) p.socket?.close();
		for (const fd of nsFds.values()) if (fd !== null) libc.close(fd);
	}
}
function settlePort(p, now) {
	const r = p.socket?.result;
	if (p.result || !r || r.state === "pending") return;
	const udp = p.probe.port.proto === "udp";
	p.result = r.state === "open" ? {
		...p.probe,
		reached: true,
		rttMs: now - (p.startedAt ?? now),
		detail: udp ? "answered" : "connected"
	} : {
		...p.probe,
		reached: false,
		detail: errnoWords(r.errno, udp)
	};
}
// dist/lab/check-results.js
function pairStatus(probes) {
	if (probes.length === 0) return "none";
	const n = probes.filter((p) => p.reached).length;
	return n === probes.length ? "ok" : n === 0 ? "fail" : "partial";
}
function matrixPairs(nodes, results) {
	const out = [];
	for (const from of nodes) for (const to of nodes) {
		if (to === from) continue;
		const probes = to.addresses.flatMap((a) => {
			const r = results.get(probeKey({
				from: from.name,
				address: a.address
			}));
			return r ? [r] : [];
		});
		out.push({
			from: from.name,
			to: to.name,
			status: pairStatus(probes),
			probes
		});
	}
	return out;
}
function portText(port) {
	return port ? ` port ${port.port}/${port.proto}` : "";
}
/** "h1 reaches h2", "h3 does not reach srv port 22/tcp". */
function describeExpectation(e) {
	return `${e.from} ${e.reach ? "reaches" : "does not reach"} ${e.target}${portText(e.port)}`;
}
/** "h1 to reach h2", "h3 not to reach srv port 22/tcp" (after "expected"). */
function expectationGoal(e) {
	return `${e.from} ${e.reach ? "to reach" : "not to reach"} ${e.target}${portText(e.port)}`;
}
function where(p) {
	return p.port ? `${p.family === 6 ? `[${p.address}]` : p.address}:${p.port.port}/${p.port.proto}` : p.address;
}
/** Does what was seen satisfy the expectation? Pure: the probes are given. */
function evaluateExpectation(e, probes) {
	const base = {
		from: e.from,
		target: e.target,
		reach: e.reach,
		...e.port ? { port: e.port } : {},
		origin: e.origin,
		probes
	};
	if (probes.length === 0) return {
		...base,
		ok: false,
		detail: `${e.target} has no address ${e.from} could try`
	};
	const hit = probes.find((p) => p.reached);
	const ok = hit !== void 0 === e.reach;
	let detail;
	if (hit) detail = `${hit.port ? hit.port.proto === "tcp" ? "connected to" : "got an answer from" : "reply from"} ${where(hit)}`;
	else detail = probes.map((p) => `${where(p)}: ${p.detail}`).join("; ");
	return {
		...base,
		ok,
		detail
	};
}
function buildReport(plan, opts, results, warnings = []) {
	const nodes = checkNodes(plan);
	const pairs = matrixPairs(nodes, results);
	const expectations = plan.expect.map((e) => evaluateExpectation(e, expectProbes(plan, e).flatMap((p) => {
		const r = results.get(probeKey(p));
		return r ? [r] : [];
	})));
	const count = (s) => pairs.filter((p) => p.status === s).length;
	return {
		lab: plan.lab,
		count: opts.count,
		timeoutMs: opts.timeoutMs,
		nodes: nodes.map((n) => ({
			name: n.name,
			kind: n.kind,
			addresses: n.addresses.map((a) => a.address)
		})),
		pairs,
		expectations,
		warnings,
		summary: {
			pairs: pairs.filter((p) => p.status !== "none").length,
			reachable: count("ok"),
			partial: count("partial"),
			unreachable: count("fail"),
			expectations: expectations.length,
			failed: expectations.filter((x) => !x.ok).length
		}
	};
}
// dist/lab/check-format.js
/** The report of `nslab check` as a person reads it (`--json` prints the CheckReport itself). */
const MARK = {
	ok: "✓",
	fail: "✗",
	partial: "◐",
	none: "-",
	self: "·"
};
/**
* The matrix as text: one row per sender, one column per target, the
* target names written downwards above their columns so a wide lab stays
* narrow (two characters a column).
*/
function formatMatrix(names, status) {
	const corner = "from\\to";
	const left = Math.max(7, ...names.map((n) => n.length)) + 2;
	const depth = Math.max(0, ...names.map((n) => n.length));
	const lines = [];
	for (let row = 0; row < depth; row++) {
		const cells = names.map((n) => [...n][row] ?? " ");
		lines.push(`${(row === depth - 1 ? corner : "").padEnd(left)}${cells.join(" ")}`.trimEnd());
	}
	for (const from of names) {
		const cells = names.map((to) => to === from ? MARK.self : MARK[status(from, to)]);
		lines.push(`${from.padEnd(left)}${cells.join(" ")}`);
	}
	return lines.join("\n");
}
/** Pairs that fail listed under the matrix; the rest are counted. */
const MAX_LISTED = 20;
/** The whole report as a person reads it. */
function formatReport(r) {
	const out = [];
	const names = r.nodes.map((n) => n.name);
	const byPair = new Map(r.pairs.map((p) => [`${p.from}>${p.to}`, p]));
	if (names.length < 2) out.push(`lab ${r.lab}: fewer than two nodes have addresses; no matrix to draw`);
	else {
		out.push(`reachability in lab ${r.lab} (ICMP echo, ${r.count} per address, ${r.timeoutMs} ms to answer)`, "");
		out.push(formatMatrix(names, (from, to) => byPair.get(`${from}>${to}`)?.status ?? "none"));
		out.push("");
		const s = r.summary;
		out.push(`${s.reachable} of ${s.pairs} pairs reach each other${s.partial ? `, ${s.partial} partly` : ""}${s.unreachable ? `, ${s.unreachable} not at all` : ""}  (${MARK.ok} every address answers, ${MARK.partial} some do, ${MARK.fail} none, ${MARK.none} nothing to try)`);
		for (const w of r.warnings) out.push(`warning: ${w}`);
		const bad = r.pairs.filter((p) => p.status === "fail" || p.status === "partial");
		for (const p of bad.slice(0, MAX_LISTED)) {
			const misses = p.probes.filter((x) => !x.reached).map((x) => `${x.address} ${x.detail}`);
			out.push(`  ${p.from} → ${p.to}: ${misses.join(", ")}`);
		}
		if (bad.length > MAX_LISTED) out.push(`  … and ${bad.length - MAX_LISTED} more pairs (--json lists every probe)`);
	}
	if (r.expectations.length > 0) {
		out.push("", `expectations (${r.expectations.length}):`);
		for (const e of r.expectations) out.push(formatExpectation(e));
		out.push(r.summary.failed === 0 ? `all ${r.expectations.length} expectations hold` : `${r.summary.failed} of ${r.expectations.length} expectation${r.expectations.length === 1 ? "" : "s"} failed`);
	}
	return out.join("\n");
}
function formatExpectation(e) {
	return e.ok ? `  ${MARK.ok} ${describeExpectation(e)}: ${e.detail}` : `  ${MARK.fail} FAILED ${e.origin}: expected ${expectationGoal(e)}; ${e.detail}`;
}
// dist/lab/check.js
/** Probe the matrix and the expectations of a lab that is up. */
async function checkLab(plan, opts = DEFAULT_CHECK) {
	const warnings = neighbourWarnings(neighbourEntries(plan), readNeighbourTables());
	return buildReport(plan, opts, await runProbes([...matrixProbes(checkNodes(plan)), ...plan.expect.flatMap((e) => expectProbes(plan, e))], opts), warnings);
}
// dist/cli/check.js
function wholeNumber(text, flag, fallback, max) {
	if (text === void 0) return fallback;
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`${flag} ${text}: expected a whole number from 1 to ${max}`);
	return Number(text);
}
/** The plan of a lab that is up (check, link and events need a running lab). */
function runningPlan(arg) {
	const lab = arg ? labNameFrom(arg) : onlyLab();
	const rec = readRecord(lab);
	if (!rec) throw new UsageError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
	if (rec.status !== "up") throw new UsageError(`lab '${lab}' is ${rec.status}, not up; wait for it, or run 'nslab down ${lab}'`);
	return rec.plan;
}
function registerCheck(program) {
	program.command("check").description("prove a lab works: every node pings every other node's addresses (a reachability matrix), then the topology's expect: lines are tested; exits 1 when an expectation fails").argument("[lab]", "lab name or topology file (optional when one lab is up)").option("--json", "print the matrix and the expectations as JSON").option("--timeout <ms>", `how long each address has to answer (default ${DEFAULT_CHECK.timeoutMs})`).option("--count <n>", `echo requests per address (default ${DEFAULT_CHECK.count})`).action(async (arg, opts) => {
		const timeoutMs = wholeNumber(opts.timeout, "--timeout", DEFAULT_CHECK.timeoutMs, 6e4);
		const count = wholeNumber(opts.count, "--count", DEFAULT_CHECK.count, 100);
		const plan = runningPlan(arg);
		requirePrivileges("nslab check", "it sends its probes from inside the lab's namespaces");
		const report = await checkLab(plan, {
			timeoutMs,
			count
		});
		if (opts.json) {
			process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
			for (const w of report.warnings) process.stderr.write(`nslab check: warning: ${w}\n`);
			for (const e of report.expectations.filter((x) => !x.ok)) process.stderr.write(`nslab check: expectation failed at ${e.origin}: expected ${expectationGoal(e)}; ${e.detail}\n`);
		} else process.stdout.write(`${formatReport(report)}\n`);
		if (report.summary.failed > 0) process.exitCode = 1;
	});
}
export { runningPlan as n, registerCheck as t };

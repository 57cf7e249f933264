import { isIPv4, isIPv6 } from "node:net";
// dist/inet/ip.js
/** Parse "10.0.0.1" or "fd00::1"; TypeError for anything else. */
function parseIp(text) {
	if (isIPv4(text)) return {
		family: 4,
		bytes: Uint8Array.from(text.split(".").map(Number))
	};
	if (isIPv6(text)) return {
		family: 6,
		bytes: parseIPv6(text)
	};
	throw new TypeError(`'${text}' is not an IPv4 or IPv6 address`);
}
function parseIPv6(text) {
	let s = text;
	const zone = s.indexOf("%");
	if (zone >= 0) s = s.slice(0, zone);
	const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
	if (v4?.[1]) {
		const b = v4[1].split(".").map(Number);
		s = s.slice(0, v4.index) + `${((b[0] ?? 0) << 8 | (b[1] ?? 0)).toString(16)}:${((b[2] ?? 0) << 8 | (b[3] ?? 0)).toString(16)}`;
	}
	const [head = "", tail] = s.split("::");
	const h = head ? head.split(":") : [];
	const t = tail !== void 0 && tail !== "" ? tail.split(":") : [];
	const groups = tail === void 0 ? h : [
		...h,
		...Array(8 - h.length - t.length).fill("0"),
		...t
	];
	const out = /* @__PURE__ */ new Uint8Array(16);
	groups.forEach((g, i) => {
		const n = parseInt(g, 16);
		out[i * 2] = n >> 8;
		out[i * 2 + 1] = n & 255;
	});
	return out;
}
/** Parse "10.0.1.1/24"; a bare address gets the full-length prefix. */
function parseCidr(text) {
	const slash = text.indexOf("/");
	const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
	const max = ip.family === 4 ? 32 : 128;
	if (slash < 0) return {
		...ip,
		prefix: max
	};
	const p = text.slice(slash + 1);
	if (!/^\d{1,3}$/.test(p) || Number(p) > max) throw new TypeError(`'${text}' has prefix length '${p}', expected 0–${max}`);
	return {
		...ip,
		prefix: Number(p)
	};
}
/** Canonical text of an address (IPv6 compressed as RFC 5952 says). */
function formatIp(addr) {
	const bytes = addr instanceof Uint8Array ? addr : addr.bytes;
	if (bytes.length === 4) return Array.from(bytes).join(".");
	if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255) return `::ffff:${Array.from(bytes.subarray(12)).join(".")}`;
	const groups = [];
	for (let i = 0; i < 16; i += 2) groups.push((bytes[i] ?? 0) << 8 | (bytes[i + 1] ?? 0));
	let best = -1;
	let bestLen = 0;
	for (let i = 0; i < 8;) {
		if (groups[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && groups[j] === 0) j++;
		if (j - i > bestLen && j - i >= 2) {
			best = i;
			bestLen = j - i;
		}
		i = j;
	}
	const hex = groups.map((g) => g.toString(16));
	if (best < 0) return hex.join(":");
	return `${hex.slice(0, best).join(":")}::${hex.slice(best + bestLen).join(":")}`;
}
function formatCidr(c) {
	return `${formatIp(c)}/${c.prefix}`;
}
/** The network part of an address (host bits cleared). */
function networkOf(c) {
	const bytes = Uint8Array.from(c.bytes);
	for (let i = 0; i < bytes.length; i++) {
		const keep = Math.max(0, Math.min(8, c.prefix - i * 8));
		bytes[i] = (bytes[i] ?? 0) & (255 << 8 - keep & 255);
	}
	return {
		family: c.family,
		bytes,
		prefix: c.prefix
	};
}
/** Whether addr lies inside net. */
function contains(net, addr) {
	if (net.family !== addr.family) return false;
	const a = networkOf({
		...addr,
		prefix: net.prefix
	});
	const n = networkOf(net);
	return a.bytes.every((b, i) => b === n.bytes[i]);
}
export { parseCidr as a, networkOf as i, formatCidr as n, parseIp as o, formatIp as r, contains as t };

import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { i as REQUEST_ACK, l as read, n as CREATE_EXCL, r as DUMP, s as attrMap, t as Writer } from "./writer-B6GmijVD.js";
import { c as IFLA, d as OPERSTATES, p as RTM, s as IFF, u as IFLA_INFO } from "./names-Wg_asd0Q.js";
// dist/rtnl/link.js
/** struct ifinfomsg */
function writeIfinfomsg(w, index, up, family = 0) {
	w.u8(family).u8(0).u16(0).i32(index);
	w.u32(up ? IFF.IFF_UP : 0).u32(up === void 0 ? 0 : IFF.IFF_UP);
}
/**
* ifinfomsg plus attributes, in the order `ip link` writes them for
* `ip link add mtu M address A group G master B netns NS name N type KIND`.
*/
function writeLinkBody(w, a) {
	writeIfinfomsg(w, a.index ?? 0, a.up);
	if (a.mtu !== void 0) w.attrU32(IFLA.IFLA_MTU, a.mtu);
	if (a.mac !== void 0) w.attrBytes(IFLA.IFLA_ADDRESS, a.mac);
	if (a.group !== void 0) w.attrU32(IFLA.IFLA_GROUP, a.group);
	if (a.master !== void 0) w.attrU32(IFLA.IFLA_MASTER, a.master);
	if (a.netnsFd !== void 0) w.attrU32(IFLA.IFLA_NET_NS_FD, a.netnsFd);
	if (a.noIpv6LinkLocal) w.nest(IFLA.IFLA_AF_SPEC, () => w.nest(10, () => w.attrU8(8, 1)));
	if (a.name !== void 0) w.attrString(IFLA.IFLA_IFNAME, a.name);
	if (a.info !== void 0) {
		const info = a.info;
		w.nest(IFLA.IFLA_LINKINFO, () => {
			w.attrBytes(IFLA_INFO.IFLA_INFO_KIND, new TextEncoder().encode(info.kind));
			if (info.data) w.nest(IFLA_INFO.IFLA_INFO_DATA, info.data);
		});
	}
}
function body(a) {
	const w = new Writer();
	writeLinkBody(w, a);
	return w.finish();
}
function describe(a) {
	return a.name ?? (a.index ? `ifindex ${a.index}` : "link");
}
/** `ip link add name NAME … type KIND …` */
function newLink(a, origin) {
	return {
		type: RTM.RTM_NEWLINK,
		flags: CREATE_EXCL,
		body: body(a),
		what: `create ${a.info.kind} link ${a.name}`,
		...origin ? { origin } : {}
	};
}
/** `ip link set dev NAME [up|down] [mtu M] [address A] [master B] …` (by ifindex). */
function setLink(a, origin) {
	const changes = [
		a.up === void 0 ? "" : a.up ? "up" : "down",
		a.mtu === void 0 ? "" : `mtu ${a.mtu}`,
		a.master === void 0 ? "" : `master ${a.master}`
	].filter(Boolean);
	return {
		type: RTM.RTM_NEWLINK,
		flags: REQUEST_ACK,
		body: body(a),
		what: `set link ${describe(a)} ${changes.join(" ")}`.trim(),
		...origin ? { origin } : {}
	};
}
/** `ip link del dev NAME` by ifindex, or by name when index is 0. */
function delLink(target, origin) {
	const a = "index" in target ? { index: target.index } : { name: target.name };
	return {
		type: RTM.RTM_DELLINK,
		flags: REQUEST_ACK,
		body: body(a),
		what: `delete link ${describe(a)}`,
		...origin ? { origin } : {}
	};
}
/** `ip link show` (a dump of every link in the namespace). */
function dumpLinks() {
	const w = new Writer();
	writeIfinfomsg(w, 0, void 0);
	w.attrU32(IFLA.IFLA_EXT_MASK, 1);
	return {
		type: RTM.RTM_GETLINK,
		flags: DUMP,
		body: w.finish(),
		what: "list links"
	};
}
function formatMac(b) {
	return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join(":");
}
function parseMac(text) {
	if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(text)) throw new TypeError(`'${text}' is not a MAC address (aa:bb:cc:dd:ee:ff)`);
	return Uint8Array.from(text.split(":").map((h) => parseInt(h, 16)));
}
function decodeLink(msg) {
	const p = msg.payload;
	if (p.length < 16) throw new RangeError(`RTM_NEWLINK payload is ${p.length} bytes, shorter than struct ifinfomsg`);
	const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
	const index = v.getInt32(4, HOST_LITTLE_ENDIAN);
	const flags = v.getUint32(8, HOST_LITTLE_ENDIAN);
	const attrs = attrMap(p.subarray(16));
	const get = (t, f) => {
		const b = attrs.get(t);
		return b ? f(b) : void 0;
	};
	let kind;
	const linkinfo = attrs.get(IFLA.IFLA_LINKINFO);
	if (linkinfo) {
		const k = attrMap(linkinfo).get(IFLA_INFO.IFLA_INFO_KIND);
		if (k) kind = read.string(k);
	}
	let stats;
	const s64 = attrs.get(IFLA.IFLA_STATS64);
	if (s64 && s64.length >= 32) {
		const sv = new DataView(s64.buffer, s64.byteOffset, s64.byteLength);
		stats = {
			rxPackets: sv.getBigUint64(0, HOST_LITTLE_ENDIAN),
			txPackets: sv.getBigUint64(8, HOST_LITTLE_ENDIAN),
			rxBytes: sv.getBigUint64(16, HOST_LITTLE_ENDIAN),
			txBytes: sv.getBigUint64(24, HOST_LITTLE_ENDIAN)
		};
	}
	const opstate = get(IFLA.IFLA_OPERSTATE, read.u8);
	const link = {
		index,
		name: get(IFLA.IFLA_IFNAME, read.string) ?? "",
		flags,
		up: (flags & IFF.IFF_UP) !== 0,
		operstate: opstate === void 0 ? "UNKNOWN" : OPERSTATES[opstate] ?? String(opstate)
	};
	const optional = {
		mtu: get(IFLA.IFLA_MTU, read.u32),
		mac: get(IFLA.IFLA_ADDRESS, formatMac),
		master: get(IFLA.IFLA_MASTER, read.u32),
		group: get(IFLA.IFLA_GROUP, read.u32),
		kind,
		link: get(IFLA.IFLA_LINK, read.u32),
		linkNetnsId: get(IFLA.IFLA_LINK_NETNSID, read.i32),
		stats
	};
	for (const [k, val] of Object.entries(optional)) if (val !== void 0) link[k] = val;
	return link;
}
export { newLink as a, writeLinkBody as c, formatMac as i, delLink as n, parseMac as o, dumpLinks as r, setLink as s, decodeLink as t };

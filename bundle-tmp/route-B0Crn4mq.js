import { n as formatCidr, r as formatIp } from "./ip-BpWuX1YV.js";
import { y as SyscallError } from "./libc-oAiCzK6X.js";
import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { _ as RT_SCOPE, a as IFA, f as RTA, g as RTPROT, m as RTN, o as IFA_F, p as RTM } from "./names-Wg_asd0Q.js";
import { i as REQUEST_ACK, l as read, n as CREATE_EXCL, r as DUMP, s as attrMap, t as Writer } from "./writer-B6GmijVD.js";
import { n as Connection, t as KernelSocket } from "./socket-CytI9jvG.js";
// dist/rtnl/session.js
/**
* rtnetlink in one network namespace: a NETLINK_ROUTE socket and the
* Connection over it (requests, batches, dumps), like nft/session.ts for
* nf_tables. Lab code opens one of these and never builds sockets itself.
*
*   const rtnl = RtnlSession.open({ netnsPath: '/run/netns/lab-h1' });   // ip -n lab-h1 …
*   try { rtnl.apply([newAddr(…)]); } finally { rtnl.close(); }
*
* With `groups`, the socket also hears the kernel's notifications
* (`ip monitor`), read with poll().
*/
var RtnlSession = class RtnlSession extends Connection {
	kernel;
	constructor(socket, label) {
		super(socket, label);
		this.kernel = socket;
	}
	static open(opts = {}) {
		const { label, ...socketOpts } = opts;
		return new RtnlSession(new KernelSocket(0, socketOpts), label ?? "rtnetlink");
	}
	/** Like open() inside the namespace pinned at netnsPath, or undefined when nothing is pinned there. */
	static openIfExists(netnsPath, opts = {}) {
		try {
			return RtnlSession.open({
				...opts,
				netnsPath
			});
		} catch (err) {
			if (err instanceof SyscallError && err.call === "open" && err.errnoName === "ENOENT") return void 0;
			throw err;
		}
	}
	/** A queued datagram (notifications, with `groups`), else undefined; never blocks. */
	poll() {
		return this.kernel.poll();
	}
};
// dist/rtnl/addr.js
function addrBody(a) {
	const w = new Writer(64);
	const family = a.address.family === 4 ? 2 : 10;
	w.u8(family).u8(a.address.prefix).u8(a.nodad ? IFA_F.IFA_F_NODAD : 0).u8(0).u32(a.index);
	w.attrBytes(IFA.IFA_LOCAL, a.address.bytes);
	w.attrBytes(IFA.IFA_ADDRESS, a.address.bytes);
	return w.finish();
}
/** `ip addr add ADDR/PREFIX dev IF [nodad]` */
function newAddr(a, origin) {
	return {
		type: RTM.RTM_NEWADDR,
		flags: CREATE_EXCL,
		body: addrBody(a),
		what: `add address ${formatCidr(a.address)} to ifindex ${a.index}`,
		...origin ? { origin } : {}
	};
}
/** `ip addr show` (both families, or one). */
function dumpAddrs(family = 0) {
	const w = new Writer(16);
	w.u8(family === 4 ? 2 : family === 6 ? 10 : 0).u8(0).u8(0).u8(0).u32(0);
	return {
		type: RTM.RTM_GETADDR,
		flags: DUMP,
		body: w.finish(),
		what: "list addresses"
	};
}
function decodeAddr(msg) {
	const p = msg.payload;
	if (p.length < 8) throw new RangeError(`RTM_NEWADDR payload is ${p.length} bytes, shorter than struct ifaddrmsg`);
	const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
	const family = p[0] === 10 ? 6 : 4;
	const attrs = attrMap(p.subarray(8));
	const bytes = attrs.get(IFA.IFA_LOCAL) ?? attrs.get(IFA.IFA_ADDRESS) ?? new Uint8Array(family === 4 ? 4 : 16);
	const label = attrs.get(IFA.IFA_LABEL);
	const flagsAttr = attrs.get(IFA.IFA_FLAGS);
	return {
		index: v.getUint32(4, HOST_LITTLE_ENDIAN),
		family,
		prefix: p[1] ?? 0,
		scope: p[3] ?? 0,
		local: formatIp(bytes),
		...label ? { label: read.string(label) } : {},
		flags: flagsAttr ? read.u32(flagsAttr) : p[2] ?? 0
	};
}
// dist/rtnl/route.js
function routeBody(r, forDelete) {
	const w = new Writer(64);
	const family = r.dst.family === 4 ? 2 : 10;
	const scope = r.dst.family === 6 ? RT_SCOPE.RT_SCOPE_UNIVERSE : forDelete ? RT_SCOPE.RT_SCOPE_NOWHERE : r.gateway ? RT_SCOPE.RT_SCOPE_UNIVERSE : RT_SCOPE.RT_SCOPE_LINK;
	w.u8(family).u8(r.dst.prefix).u8(0).u8(0);
	w.u8(254).u8(r.protocol ?? RTPROT.RTPROT_STATIC).u8(scope).u8(RTN.RTN_UNICAST).u32(0);
	if (r.dst.prefix > 0) w.attrBytes(RTA.RTA_DST, r.dst.bytes);
	if (r.gateway) w.attrBytes(RTA.RTA_GATEWAY, r.gateway.bytes);
	if (r.metric !== void 0) w.attrU32(RTA.RTA_PRIORITY, r.metric);
	if (r.oif !== void 0) w.attrU32(RTA.RTA_OIF, r.oif);
	return w.finish();
}
function describeRoute(r) {
	return [
		r.dst.prefix === 0 ? "default" : formatCidr(r.dst),
		r.gateway ? `via ${formatIp(r.gateway)}` : "",
		r.oif !== void 0 ? `dev ifindex ${r.oif}` : "",
		r.metric !== void 0 ? `metric ${r.metric}` : ""
	].filter(Boolean).join(" ");
}
/** `ip route add DST [via GW] [metric M] [dev IF] proto static` */
function newRoute(r, origin) {
	return {
		type: RTM.RTM_NEWROUTE,
		flags: CREATE_EXCL,
		body: routeBody(r, false),
		what: `add route ${describeRoute(r)}`,
		...origin ? { origin } : {}
	};
}
/** `ip route del DST [via GW] [metric M] [dev IF]` */
function delRoute(r, origin) {
	return {
		type: RTM.RTM_DELROUTE,
		flags: REQUEST_ACK,
		body: routeBody(r, true),
		what: `delete route ${describeRoute(r)}`,
		...origin ? { origin } : {}
	};
}
/** `ip route show` for one family (main table and all others). */
function dumpRoutes(family) {
	const w = new Writer(16);
	w.u8(family === 4 ? 2 : 10).zeros(7).u32(0);
	return {
		type: RTM.RTM_GETROUTE,
		flags: DUMP,
		body: w.finish(),
		what: `list IPv${family} routes`
	};
}
function decodeRoute(msg) {
	const p = msg.payload;
	if (p.length < 12) throw new RangeError(`RTM_NEWROUTE payload is ${p.length} bytes, shorter than struct rtmsg`);
	const family = p[0] === 10 ? 6 : 4;
	const attrs = attrMap(p.subarray(12));
	const dstBytes = attrs.get(RTA.RTA_DST);
	const dstLen = p[1] ?? 0;
	const tableAttr = attrs.get(RTA.RTA_TABLE);
	const gw = attrs.get(RTA.RTA_GATEWAY);
	const oif = attrs.get(RTA.RTA_OIF);
	const prio = attrs.get(RTA.RTA_PRIORITY);
	return {
		family,
		dst: dstLen === 0 && !dstBytes ? "default" : `${formatIp(dstBytes ?? new Uint8Array(family === 4 ? 4 : 16))}/${dstLen}`,
		table: tableAttr ? read.u32(tableAttr) : p[4] ?? 0,
		protocol: p[5] ?? 0,
		scope: p[6] ?? 0,
		type: p[7] ?? 0,
		...gw ? { gateway: formatIp(gw) } : {},
		...oif ? { oif: read.u32(oif) } : {},
		...prio ? { metric: read.u32(prio) } : {}
	};
}
export { decodeAddr as a, RtnlSession as c, newRoute as i, delRoute as n, dumpAddrs as o, dumpRoutes as r, newAddr as s, decodeRoute as t };

import { _ as libc, b as errnoName, f as O_CLOEXEC, m as SOCK_CLOEXEC } from "./libc-oAiCzK6X.js";
import { p as inNetns } from "./netns-EP-ZBEUQ.js";
import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { a as encodeMessage, d as NLMSG, f as NLMSGERR_ATTR, l as read, o as parseMessages, p as NLM_F, s as attrMap, u as NETLINK_SOCKOPT } from "./writer-B6GmijVD.js";
// dist/netlink/error.js
/** Decode struct nlmsgerr plus its extended-ACK attributes. */
function decodeAck(payload, flags) {
	if (payload.length < 20) throw new RangeError(`netlink error message is ${payload.length} bytes, shorter than struct nlmsgerr`);
	const v = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
	const errno = 0 - v.getInt32(0, HOST_LITTLE_ENDIAN);
	const origLen = v.getUint32(4, HOST_LITTLE_ENDIAN);
	let ack = {
		errno,
		seq: v.getUint32(12, HOST_LITTLE_ENDIAN)
	};
	if (flags & NLM_F.NLM_F_ACK_TLVS) {
		const echoed = flags & NLM_F.NLM_F_CAPPED ? 16 : origLen + 3 & -4;
		const tlvs = attrMap(payload.subarray(Math.min(payload.length, 4 + echoed)));
		const msg = tlvs.get(NLMSGERR_ATTR.NLMSGERR_ATTR_MSG);
		const offs = tlvs.get(NLMSGERR_ATTR.NLMSGERR_ATTR_OFFS);
		if (msg) ack = {
			...ack,
			extackMessage: read.string(msg)
		};
		if (offs) ack = {
			...ack,
			extackOffset: read.u32(offs)
		};
	}
	return ack;
}
/**
* The kernel refused a request. Carries the errno (number and name), the
* kernel's own words (extended ACK), the request and the topology object
* it came from.
*/
var NetlinkError = class extends Error {
	name = "NetlinkError";
	errno;
	errnoName;
	extackMessage;
	extackOffset;
	request;
	constructor(ack, request) {
		const parts = [request ? `cannot ${request.what}` : "netlink request failed"];
		parts.push(`: ${errnoName(ack.errno)}`);
		if (ack.extackMessage) parts.push(` (kernel says: ${ack.extackMessage})`);
		if (request?.origin) parts.push(` [${request.origin}]`);
		super(parts.join(""));
		this.errno = ack.errno;
		this.errnoName = errnoName(ack.errno);
		this.extackMessage = ack.extackMessage;
		this.extackOffset = ack.extackOffset;
		this.request = request;
	}
};
// dist/netlink/connection.js
/** Most messages and bytes put in one sendmsg; keeps the acks within the receive buffer. */
const MAX_BATCH_MESSAGES = 512;
const MAX_BATCH_BYTES = 1 << 20;
const debug = process.env.NSLAB_NLDEBUG === "1";
function hexdump(prefix, buf) {
	const words = [];
	for (let i = 0; i < buf.length; i += 4) words.push(Buffer.from(buf.subarray(i, i + 4)).toString("hex"));
	process.stderr.write(`${prefix} ${buf.length}B: ${words.join(" ")}\n`);
}
function waitsForAnswer(req) {
	return (req.flags & (NLM_F.NLM_F_ACK | NLM_F.NLM_F_DUMP)) !== 0 || req.noReply !== true;
}
/**
* Requests and their answers over one netlink socket: sequence numbers,
* acks, multipart dumps and batches live here, not in callers.
*/
var Connection = class {
	socket;
	label;
	nextSeq = 1;
	constructor(socket, label = "netlink") {
		this.socket = socket;
		this.label = label;
	}
	/**
	* Send many requests, several to a sendmsg, and wait until every one is
	* answered. Every outcome is returned; nothing is thrown for a refusal.
	*/
	exchange(requests) {
		const all = [];
		let i = 0;
		while (i < requests.length) {
			const chunk = [];
			const parts = [];
			let bytes = 0;
			while (i < requests.length && chunk.length < MAX_BATCH_MESSAGES && bytes < MAX_BATCH_BYTES) {
				const request = requests[i++];
				const seq = this.nextSeq++;
				const encoded = encodeMessage(request, seq);
				parts.push(encoded);
				bytes += encoded.length;
				chunk.push({
					request,
					seq,
					replies: [],
					done: !waitsForAnswer(request)
				});
			}
			this.sendAll(parts, bytes);
			this.collect(chunk);
			all.push(...chunk);
		}
		return this.outcomes(all);
	}
	/** Send requests and throw the first refusal (after all are answered). */
	apply(requests) {
		const outcomes = this.exchange(requests);
		const failed = outcomes.find((o) => o.error);
		if (failed?.error) throw failed.error;
		return outcomes;
	}
	/** One request; its replies, or the kernel's refusal thrown. */
	request(request) {
		return this.apply([request])[0].replies;
	}
	/** A dump request; every message of the multipart answer. */
	dump(request) {
		return this.request(request);
	}
	close() {
		this.socket.close();
	}
	sendAll(parts, bytes) {
		const datagram = new Uint8Array(bytes);
		let off = 0;
		for (const p of parts) {
			datagram.set(p, off);
			off += p.length;
		}
		if (debug) hexdump(`[${this.label}] >`, datagram);
		this.socket.send(datagram);
	}
	/**
	* Send requests as one indivisible datagram (an nf_tables transaction:
	* BATCH_BEGIN … BATCH_END must arrive in one sendmsg) and wait for every
	* answer. An answer under a `noReply` marker's sequence number means the
	* whole batch failed (a failed commit, for one): it is recorded on that
	* marker, and what is already queued is read without waiting for acks that
	* will not come. Mind that the kernel acks messages of an aborted batch with
	* 0: check every outcome, not one.
	*/
	transaction(requests) {
		const pending = requests.map((request) => ({
			request,
			seq: this.nextSeq++,
			replies: [],
			done: !waitsForAnswer(request)
		}));
		const parts = pending.map((p) => encodeMessage(p.request, p.seq));
		this.sendAll(parts, parts.reduce((n, part) => n + part.length, 0));
		this.collect(pending, true);
		return this.outcomes(pending);
	}
	outcomes(pending) {
		return pending.map((p) => ({
			request: p.request,
			seq: p.seq,
			replies: p.replies,
			...p.ack ? { ack: p.ack } : {},
			...p.ack && p.ack.errno !== 0 ? { error: new NetlinkError(p.ack, p.request) } : {}
		}));
	}
	collect(chunk, markersFailBatch = false) {
		const bySeq = new Map(chunk.map((p) => [p.seq, p]));
		let open = chunk.filter((p) => !p.done).length;
		let batchFailed = false;
		const handle = (datagram) => {
			if (debug) hexdump(`[${this.label}] <`, datagram);
			for (const msg of parseMessages(datagram)) {
				const p = bySeq.get(msg.header.seq);
				if (!p) continue;
				if (markersFailBatch && p.request.noReply === true) {
					if (msg.header.type === NLMSG.NLMSG_ERROR) {
						const ack = decodeAck(msg.payload, msg.header.flags);
						if (ack.errno !== 0) {
							p.ack = ack;
							batchFailed = true;
						}
					}
					continue;
				}
				if (p.done) continue;
				if (msg.header.type === NLMSG.NLMSG_ERROR) {
					p.ack = decodeAck(msg.payload, msg.header.flags);
					p.done = true;
				} else if (msg.header.type === NLMSG.NLMSG_DONE) {
					const v = new DataView(msg.payload.buffer, msg.payload.byteOffset, msg.payload.byteLength);
					const errno = msg.payload.length >= 4 ? 0 - v.getInt32(0, HOST_LITTLE_ENDIAN) : 0;
					if (errno !== 0) p.ack = {
						errno,
						seq: p.seq
					};
					p.done = true;
				} else {
					p.replies.push(msg);
					if (!(msg.header.flags & NLM_F.NLM_F_MULTI) && !(p.request.flags & NLM_F.NLM_F_ACK)) p.done = true;
				}
				if (p.done) open--;
			}
		};
		while (open > 0 && !batchFailed) handle(this.socket.receive());
		if (batchFailed && this.socket.poll) for (let d = this.socket.poll(); d !== void 0; d = this.socket.poll()) handle(d);
	}
};
// dist/netlink/socket.js
const BUFFER_BYTES = 33554432;
const RECEIVE_BYTES = 1048576;
/**
* One receive buffer for every socket: a receive copies its datagram out
* before returning, and JavaScript runs one receive at a time, so a lab of a
* thousand namespaces needs one megabyte here, not a thousand.
*/
let shared;
function receiveBuffer() {
	shared ??= new Uint8Array(RECEIVE_BYTES);
	return shared;
}
function madeIn(netnsPath, make) {
	const ns = libc.open(netnsPath, 0 | O_CLOEXEC);
	try {
		return inNetns(ns, make);
	} finally {
		libc.close(ns);
	}
}
/** An AF_NETLINK socket reached through koffi. */
var KernelSocket = class {
	fd;
	closed = false;
	constructor(protocol, opts = {}) {
		const make = () => libc.socket(16, 3 | SOCK_CLOEXEC, protocol);
		this.fd = opts.netnsFd !== void 0 ? inNetns(opts.netnsFd, make) : opts.netnsPath !== void 0 ? madeIn(opts.netnsPath, make) : make();
		try {
			const fd = this.fd;
			libc.setsockoptInt(fd, 1, 32, BUFFER_BYTES);
			libc.setsockoptInt(fd, 1, 33, BUFFER_BYTES);
			libc.setsockoptInt(fd, 270, NETLINK_SOCKOPT.NETLINK_EXT_ACK, 1);
			libc.setsockoptInt(fd, 270, NETLINK_SOCKOPT.NETLINK_GET_STRICT_CHK, 1);
			libc.setsockoptInt(fd, 270, NETLINK_SOCKOPT.NETLINK_CAP_ACK, 1);
			const tv = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(16));
			const ms = opts.timeoutMs ?? 3e4;
			tv.setBigInt64(0, BigInt(Math.floor(ms / 1e3)), HOST_LITTLE_ENDIAN);
			tv.setBigInt64(8, BigInt(ms % 1e3 * 1e3), HOST_LITTLE_ENDIAN);
			libc.setsockoptBytes(fd, 1, 20, new Uint8Array(tv.buffer));
			const addr = /* @__PURE__ */ new DataView(/* @__PURE__ */ new ArrayBuffer(12));
			addr.setUint16(0, 16, HOST_LITTLE_ENDIAN);
			libc.bind(fd, new Uint8Array(addr.buffer));
			for (const g of opts.groups ?? []) libc.setsockoptInt(fd, 270, NETLINK_SOCKOPT.NETLINK_ADD_MEMBERSHIP, g);
		} catch (err) {
			libc.close(this.fd);
			throw err;
		}
	}
	send(datagram) {
		const n = libc.send(this.fd, datagram);
		if (n !== datagram.length) throw new Error(`netlink send wrote ${n} of ${datagram.length} bytes`);
	}
	receive() {
		const buf = receiveBuffer();
		const n = libc.recv(this.fd, buf);
		if (n > buf.length) throw new RangeError(`netlink datagram of ${n} bytes exceeds the ${buf.length}-byte receive buffer`);
		return buf.slice(0, n);
	}
	/** A datagram if one is queued, else undefined (never blocks). */
	poll() {
		const buf = receiveBuffer();
		const n = libc.tryRecv(this.fd, buf);
		return n < 0 ? void 0 : buf.slice(0, Math.min(n, buf.length));
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		libc.close(this.fd);
	}
};
export { Connection as n, NetlinkError as r, KernelSocket as t };

import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
// dist/netlink/constants.js
/** Message types every family shares. */
const NLMSG = {
	NLMSG_NOOP: 1,
	NLMSG_ERROR: 2,
	NLMSG_DONE: 3,
	NLMSG_OVERRUN: 4
};
/** Flags in nlmsghdr.nlmsg_flags. */
const NLM_F = {
	NLM_F_REQUEST: 1,
	NLM_F_MULTI: 2,
	NLM_F_ACK: 4,
	NLM_F_ECHO: 8,
	NLM_F_DUMP_INTR: 16,
	NLM_F_DUMP_FILTERED: 32,
	NLM_F_ROOT: 256,
	NLM_F_MATCH: 512,
	NLM_F_ATOMIC: 1024,
	NLM_F_DUMP: 768,
	NLM_F_REPLACE: 256,
	NLM_F_EXCL: 512,
	NLM_F_CREATE: 1024,
	NLM_F_APPEND: 2048,
	NLM_F_NONREC: 256,
	NLM_F_BULK: 512,
	NLM_F_CAPPED: 256,
	NLM_F_ACK_TLVS: 512
};
const NETLINK_SOCKOPT = {
	NETLINK_ADD_MEMBERSHIP: 1,
	NETLINK_DROP_MEMBERSHIP: 2,
	NETLINK_CAP_ACK: 10,
	NETLINK_EXT_ACK: 11,
	NETLINK_GET_STRICT_CHK: 12
};
/** Extended-ACK attributes (enum nlmsgerr_attrs). */
const NLMSGERR_ATTR = {
	NLMSGERR_ATTR_MSG: 1,
	NLMSGERR_ATTR_OFFS: 2,
	NLMSGERR_ATTR_COOKIE: 3,
	NLMSGERR_ATTR_POLICY: 4,
	NLMSGERR_ATTR_MISS_TYPE: 5,
	NLMSGERR_ATTR_MISS_NEST: 6
};
/** nlattr.nla_type flag bits. */
const NLA_F_NESTED = 32768;
const NLA_TYPE_MASK = 16383;
/** Round up to the 4-byte boundary netlink aligns messages and attributes on. */
function align4(n) {
	return n + 3 & -4;
}
// dist/netlink/attributes.js
/**
* Split a run of attributes. Throws RangeError on a length that runs past the
* end, so a truncated message never reads out of bounds.
*/
function parseAttrs(buf) {
	const out = [];
	const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	let off = 0;
	while (off + 4 <= buf.length) {
		const len = view.getUint16(off, HOST_LITTLE_ENDIAN);
		const rawType = view.getUint16(off + 2, HOST_LITTLE_ENDIAN);
		if (len < 4 || off + len > buf.length) throw new RangeError(`netlink attribute at offset ${off} has length ${len}, beyond the ${buf.length}-byte payload`);
		out.push({
			type: rawType & NLA_TYPE_MASK,
			nested: (rawType & NLA_F_NESTED) !== 0,
			data: buf.subarray(off + 4, off + len)
		});
		off += align4(len);
	}
	return out;
}
/** Attributes keyed by type; the last one wins, as in the kernel's nla_parse. */
function attrMap(buf) {
	const m = /* @__PURE__ */ new Map();
	for (const a of parseAttrs(buf)) m.set(a.type, a.data);
	return m;
}
function viewOf(b) {
	return new DataView(b.buffer, b.byteOffset, b.byteLength);
}
function need(b, n, what) {
	if (b.length < n) throw new RangeError(`${what} needs ${n} bytes, attribute has ${b.length}`);
}
const read = {
	u8(b) {
		need(b, 1, "u8");
		return b[0];
	},
	u16(b) {
		need(b, 2, "u16");
		return viewOf(b).getUint16(0, HOST_LITTLE_ENDIAN);
	},
	u32(b) {
		need(b, 4, "u32");
		return viewOf(b).getUint32(0, HOST_LITTLE_ENDIAN);
	},
	i32(b) {
		need(b, 4, "i32");
		return viewOf(b).getInt32(0, HOST_LITTLE_ENDIAN);
	},
	u64(b) {
		need(b, 8, "u64");
		return viewOf(b).getBigUint64(0, HOST_LITTLE_ENDIAN);
	},
	be16(b) {
		need(b, 2, "be16");
		return viewOf(b).getUint16(0, false);
	},
	be32(b) {
		need(b, 4, "be32");
		return viewOf(b).getUint32(0, false);
	},
	be64(b) {
		need(b, 8, "be64");
		return viewOf(b).getBigUint64(0, false);
	},
	/** A string attribute, stopping at the first NUL. */
	string(b) {
		const nul = b.indexOf(0);
		return new TextDecoder().decode(nul < 0 ? b : b.subarray(0, nul));
	}
};
// dist/netlink/message.js
/** Encode a request as one nlmsghdr-framed message. */
function encodeMessage(req, seq, pid = 0) {
	const len = 16 + req.body.length;
	const out = new Uint8Array(align4(len));
	const v = new DataView(out.buffer);
	v.setUint32(0, len, HOST_LITTLE_ENDIAN);
	v.setUint16(4, req.type, HOST_LITTLE_ENDIAN);
	v.setUint16(6, req.flags, HOST_LITTLE_ENDIAN);
	v.setUint32(8, seq >>> 0, HOST_LITTLE_ENDIAN);
	v.setUint32(12, pid >>> 0, HOST_LITTLE_ENDIAN);
	out.set(req.body, 16);
	return out;
}
/** Split one datagram into messages; RangeError on a truncated one. */
function parseMessages(buf) {
	const out = [];
	const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
	let off = 0;
	while (off + 16 <= buf.length) {
		const length = v.getUint32(off, HOST_LITTLE_ENDIAN);
		if (length < 16 || off + length > buf.length) throw new RangeError(`netlink message at offset ${off} claims ${length} bytes, datagram has ${buf.length - off}`);
		out.push({
			header: {
				length,
				type: v.getUint16(off + 4, HOST_LITTLE_ENDIAN),
				flags: v.getUint16(off + 6, HOST_LITTLE_ENDIAN),
				seq: v.getUint32(off + 8, HOST_LITTLE_ENDIAN),
				pid: v.getUint32(off + 12, HOST_LITTLE_ENDIAN)
			},
			payload: buf.subarray(off + 16, off + length)
		});
		off += align4(length);
	}
	return out;
}
/** Flags for a request that creates something and must not replace it. */
const CREATE_EXCL = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_EXCL;
/** Flags for a request that changes or deletes something, with an ack. */
const REQUEST_ACK = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK;
/** Flags for a dump. */
const DUMP = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_DUMP;
// dist/netlink/writer.js
/**
* A growable byte buffer for one netlink message. Integers are written in
* host order unless the method name says big-endian (`be16`, `be32`), which is
* what nf_tables and network addresses need. Nested attributes reserve their
* header and patch its length when closed (`beginAttr`/`endAttr`).
*/
var Writer = class {
	buf;
	view;
	len = 0;
	constructor(initialSize = 256) {
		this.buf = new Uint8Array(initialSize);
		this.view = new DataView(this.buf.buffer);
	}
	get length() {
		return this.len;
	}
	/** Grow if needed and claim n bytes; callers must read `this.view`/`this.buf` only after this returns. */
	reserve(n) {
		const at = this.len;
		const need = at + n;
		if (need > this.buf.length) {
			let size = this.buf.length * 2;
			while (size < need) size *= 2;
			const next = new Uint8Array(size);
			next.set(this.buf.subarray(0, this.len));
			this.buf = next;
			this.view = new DataView(next.buffer);
		}
		this.len = need;
		return at;
	}
	u8(v) {
		const at = this.reserve(1);
		this.view.setUint8(at, v);
		return this;
	}
	u16(v) {
		const at = this.reserve(2);
		this.view.setUint16(at, v, HOST_LITTLE_ENDIAN);
		return this;
	}
	u32(v) {
		const at = this.reserve(4);
		this.view.setUint32(at, v >>> 0, HOST_LITTLE_ENDIAN);
		return this;
	}
	i32(v) {
		const at = this.reserve(4);
		this.view.setInt32(at, v, HOST_LITTLE_ENDIAN);
		return this;
	}
	u64(v) {
		const at = this.reserve(8);
		this.view.setBigUint64(at, v, HOST_LITTLE_ENDIAN);
		return this;
	}
	be16(v) {
		const at = this.reserve(2);
		this.view.setUint16(at, v, false);
		return this;
	}
	be32(v) {
		const at = this.reserve(4);
		this.view.setUint32(at, v >>> 0, false);
		return this;
	}
	be64(v) {
		const at = this.reserve(8);
		this.view.setBigUint64(at, v, false);
		return this;
	}
	bytes(b) {
		const at = this.reserve(b.length);
		this.buf.set(b, at);
		return this;
	}
	zeros(n) {
		const at = this.reserve(n);
		this.buf.fill(0, at, this.len);
		return this;
	}
	/** Pad with zeros to the next 4-byte boundary. */
	pad() {
		return this.zeros(align4(this.len) - this.len);
	}
	/** Overwrite a u32 (host order) already written, e.g. a length. */
	patchU32(at, v) {
		this.view.setUint32(at, v >>> 0, HOST_LITTLE_ENDIAN);
	}
	patchU16(at, v) {
		this.view.setUint16(at, v, HOST_LITTLE_ENDIAN);
	}
	/** An attribute whose payload the callback writes; padded after. */
	attr(type, payload) {
		const at = this.reserve(4);
		this.patchU16(at + 2, type);
		payload(this);
		this.patchU16(at, this.len - at);
		return this.pad();
	}
	/** Open a nested attribute (NLA_F_NESTED set when `flagged`). */
	beginAttr(type, flagged = false) {
		const at = this.reserve(4);
		this.patchU16(at + 2, flagged ? type | NLA_F_NESTED : type);
		return at;
	}
	endAttr(at) {
		this.patchU16(at, this.len - at);
		return this.pad();
	}
	nest(type, body, flagged = false) {
		const at = this.beginAttr(type, flagged);
		body(this);
		return this.endAttr(at);
	}
	attrU8(type, v) {
		return this.attr(type, (w) => w.u8(v));
	}
	attrU16(type, v) {
		return this.attr(type, (w) => w.u16(v));
	}
	attrU32(type, v) {
		return this.attr(type, (w) => w.u32(v));
	}
	attrI32(type, v) {
		return this.attr(type, (w) => w.i32(v));
	}
	attrBe16(type, v) {
		return this.attr(type, (w) => w.be16(v));
	}
	attrBe32(type, v) {
		return this.attr(type, (w) => w.be32(v));
	}
	attrBe64(type, v) {
		return this.attr(type, (w) => w.be64(v));
	}
	attrBytes(type, b) {
		return this.attr(type, (w) => w.bytes(b));
	}
	/** A NUL-terminated string attribute (NLA_STRING / NLA_NUL_STRING). */
	attrString(type, s) {
		return this.attr(type, (w) => w.bytes(new TextEncoder().encode(s)).u8(0));
	}
	/** A zero-length attribute (NLA_FLAG). */
	attrFlag(type) {
		return this.attr(type, () => void 0);
	}
	/** The bytes written so far (a copy, safe to keep). */
	finish() {
		return this.buf.slice(0, this.len);
	}
};
export { encodeMessage as a, parseAttrs as c, NLMSG as d, NLMSGERR_ATTR as f, REQUEST_ACK as i, read as l, CREATE_EXCL as n, parseMessages as o, NLM_F as p, DUMP as r, attrMap as s, Writer as t, NETLINK_SOCKOPT as u };

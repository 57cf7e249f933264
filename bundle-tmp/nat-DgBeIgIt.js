import { n as Connection, r as NetlinkError, t as KernelSocket } from "./socket-CytI9jvG.js";
import { y as SyscallError } from "./libc-oAiCzK6X.js";
import { c as parseAttrs, l as read, p as NLM_F, s as attrMap, t as Writer } from "./writer-B6GmijVD.js";
import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
import { a as parseCidr, i as networkOf, o as parseIp, r as formatIp } from "./ip-BpWuX1YV.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
// dist/nft/constants.js
/** enum nf_tables_msg_types */
const NFT_MSG = {
	NFT_MSG_NEWTABLE: 0,
	NFT_MSG_GETTABLE: 1,
	NFT_MSG_DELTABLE: 2,
	NFT_MSG_NEWCHAIN: 3,
	NFT_MSG_GETCHAIN: 4,
	NFT_MSG_DELCHAIN: 5,
	NFT_MSG_NEWRULE: 6,
	NFT_MSG_GETRULE: 7,
	NFT_MSG_DELRULE: 8,
	NFT_MSG_NEWSET: 9,
	NFT_MSG_GETSET: 10,
	NFT_MSG_DELSET: 11,
	NFT_MSG_NEWSETELEM: 12,
	NFT_MSG_GETSETELEM: 13,
	NFT_MSG_DELSETELEM: 14,
	NFT_MSG_NEWGEN: 15,
	NFT_MSG_GETGEN: 16,
	NFT_MSG_TRACE: 17,
	NFT_MSG_NEWOBJ: 18,
	NFT_MSG_GETOBJ: 19,
	NFT_MSG_DELOBJ: 20,
	NFT_MSG_GETOBJ_RESET: 21,
	NFT_MSG_NEWFLOWTABLE: 22,
	NFT_MSG_GETFLOWTABLE: 23,
	NFT_MSG_DELFLOWTABLE: 24,
	NFT_MSG_GETRULE_RESET: 25,
	NFT_MSG_DESTROYTABLE: 26,
	NFT_MSG_DESTROYCHAIN: 27,
	NFT_MSG_DESTROYRULE: 28
};
const NFPROTO = {
	NFPROTO_UNSPEC: 0,
	NFPROTO_INET: 1,
	NFPROTO_IPV4: 2,
	NFPROTO_ARP: 3,
	NFPROTO_NETDEV: 5,
	NFPROTO_BRIDGE: 7,
	NFPROTO_IPV6: 10
};
const NF_INET = {
	NF_INET_PRE_ROUTING: 0,
	NF_INET_LOCAL_IN: 1,
	NF_INET_FORWARD: 2,
	NF_INET_LOCAL_OUT: 3,
	NF_INET_POST_ROUTING: 4,
	NF_INET_INGRESS: 5
};
/** Netfilter verdicts (a base chain's policy is one of these). */
const NF_VERDICT = {
	NF_DROP: 0,
	NF_ACCEPT: 1,
	NF_STOLEN: 2,
	NF_QUEUE: 3,
	NF_REPEAT: 4
};
/** enum nft_verdicts (negative; carried as a be32 two's complement). */
const NFT_VERDICT = {
	NFT_CONTINUE: -1,
	NFT_BREAK: -2,
	NFT_JUMP: -3,
	NFT_GOTO: -4,
	NFT_RETURN: -5
};
/** enum nft_registers: the verdict register and the 32-bit data registers. */
const NFT_REG = {
	NFT_REG_VERDICT: 0,
	NFT_REG_1: 1,
	NFT_REG_2: 2,
	NFT_REG_3: 3,
	NFT_REG_4: 4,
	NFT_REG32_00: 8
};
const NFT_TABLE_F = {
	NFT_TABLE_F_DORMANT: 1,
	NFT_TABLE_F_OWNER: 2,
	/** newer kernels (6.9+): the table outlives its owner. */
	NFT_TABLE_F_PERSIST: 4
};
const NFTA_TABLE = {
	NFTA_TABLE_NAME: 1,
	NFTA_TABLE_FLAGS: 2,
	NFTA_TABLE_USE: 3,
	NFTA_TABLE_HANDLE: 4,
	NFTA_TABLE_PAD: 5,
	NFTA_TABLE_USERDATA: 6,
	NFTA_TABLE_OWNER: 7
};
const NFTA_HOOK = {
	NFTA_HOOK_HOOKNUM: 1,
	NFTA_HOOK_PRIORITY: 2,
	NFTA_HOOK_DEV: 3,
	NFTA_HOOK_DEVS: 4
};
const NFTA_CHAIN = {
	NFTA_CHAIN_TABLE: 1,
	NFTA_CHAIN_HANDLE: 2,
	NFTA_CHAIN_NAME: 3,
	NFTA_CHAIN_HOOK: 4,
	NFTA_CHAIN_POLICY: 5,
	NFTA_CHAIN_USE: 6,
	NFTA_CHAIN_TYPE: 7,
	NFTA_CHAIN_COUNTERS: 8,
	NFTA_CHAIN_PAD: 9,
	NFTA_CHAIN_FLAGS: 10,
	NFTA_CHAIN_ID: 11,
	NFTA_CHAIN_USERDATA: 12
};
const NFTA_RULE = {
	NFTA_RULE_TABLE: 1,
	NFTA_RULE_CHAIN: 2,
	NFTA_RULE_HANDLE: 3,
	NFTA_RULE_EXPRESSIONS: 4,
	NFTA_RULE_COMPAT: 5,
	NFTA_RULE_POSITION: 6,
	NFTA_RULE_USERDATA: 7,
	NFTA_RULE_PAD: 8,
	NFTA_RULE_ID: 9,
	NFTA_RULE_POSITION_ID: 10,
	NFTA_RULE_CHAIN_ID: 11
};
const NFTA_LIST = { NFTA_LIST_ELEM: 1 };
const NFTA_EXPR = {
	NFTA_EXPR_NAME: 1,
	NFTA_EXPR_DATA: 2
};
const NFTA_DATA = {
	NFTA_DATA_VALUE: 1,
	NFTA_DATA_VERDICT: 2
};
const NFTA_VERDICT = {
	NFTA_VERDICT_CODE: 1,
	NFTA_VERDICT_CHAIN: 2,
	NFTA_VERDICT_CHAIN_ID: 3
};
const NFTA_IMMEDIATE = {
	NFTA_IMMEDIATE_DREG: 1,
	NFTA_IMMEDIATE_DATA: 2
};
const NFT_BITWISE_OP = {
	NFT_BITWISE_MASK_XOR: 0,
	NFT_BITWISE_LSHIFT: 1,
	NFT_BITWISE_RSHIFT: 2
};
const NFTA_BITWISE = {
	NFTA_BITWISE_SREG: 1,
	NFTA_BITWISE_DREG: 2,
	NFTA_BITWISE_LEN: 3,
	NFTA_BITWISE_MASK: 4,
	NFTA_BITWISE_XOR: 5,
	NFTA_BITWISE_OP: 6,
	NFTA_BITWISE_DATA: 7
};
const NFT_CMP = {
	NFT_CMP_EQ: 0,
	NFT_CMP_NEQ: 1,
	NFT_CMP_LT: 2,
	NFT_CMP_LTE: 3,
	NFT_CMP_GT: 4,
	NFT_CMP_GTE: 5
};
const NFTA_CMP = {
	NFTA_CMP_SREG: 1,
	NFTA_CMP_OP: 2,
	NFTA_CMP_DATA: 3
};
const NFT_PAYLOAD_BASE = {
	NFT_PAYLOAD_LL_HEADER: 0,
	NFT_PAYLOAD_NETWORK_HEADER: 1,
	NFT_PAYLOAD_TRANSPORT_HEADER: 2,
	NFT_PAYLOAD_INNER_HEADER: 3
};
const NFTA_PAYLOAD = {
	NFTA_PAYLOAD_DREG: 1,
	NFTA_PAYLOAD_BASE: 2,
	NFTA_PAYLOAD_OFFSET: 3,
	NFTA_PAYLOAD_LEN: 4,
	NFTA_PAYLOAD_SREG: 5,
	NFTA_PAYLOAD_CSUM_TYPE: 6,
	NFTA_PAYLOAD_CSUM_OFFSET: 7,
	NFTA_PAYLOAD_CSUM_FLAGS: 8
};
/** enum nft_meta_keys */
const NFT_META = {
	NFT_META_LEN: 0,
	NFT_META_PROTOCOL: 1,
	NFT_META_PRIORITY: 2,
	NFT_META_MARK: 3,
	NFT_META_IIF: 4,
	NFT_META_OIF: 5,
	NFT_META_IIFNAME: 6,
	NFT_META_OIFNAME: 7,
	NFT_META_IIFTYPE: 8,
	NFT_META_OIFTYPE: 9,
	NFT_META_SKUID: 10,
	NFT_META_SKGID: 11,
	NFT_META_NFTRACE: 12,
	NFT_META_RTCLASSID: 13,
	NFT_META_SECMARK: 14,
	NFT_META_NFPROTO: 15,
	NFT_META_L4PROTO: 16,
	NFT_META_BRI_IIFNAME: 17,
	NFT_META_BRI_OIFNAME: 18,
	NFT_META_PKTTYPE: 19,
	NFT_META_CPU: 20,
	NFT_META_IIFGROUP: 21,
	NFT_META_OIFGROUP: 22,
	NFT_META_CGROUP: 23,
	NFT_META_PRANDOM: 24
};
const NFTA_META = {
	NFTA_META_DREG: 1,
	NFTA_META_KEY: 2,
	NFTA_META_SREG: 3
};
/** enum nft_ct_keys */
const NFT_CT = {
	NFT_CT_STATE: 0,
	NFT_CT_DIRECTION: 1,
	NFT_CT_STATUS: 2,
	NFT_CT_MARK: 3,
	NFT_CT_SECMARK: 4,
	NFT_CT_EXPIRATION: 5,
	NFT_CT_HELPER: 6,
	NFT_CT_L3PROTOCOL: 7,
	NFT_CT_SRC: 8,
	NFT_CT_DST: 9,
	NFT_CT_PROTOCOL: 10,
	NFT_CT_PROTO_SRC: 11,
	NFT_CT_PROTO_DST: 12,
	NFT_CT_LABELS: 13,
	NFT_CT_PKTS: 14,
	NFT_CT_BYTES: 15,
	NFT_CT_AVGPKT: 16,
	NFT_CT_ZONE: 17,
	NFT_CT_EVENTMASK: 18,
	NFT_CT_SRC_IP: 19,
	NFT_CT_DST_IP: 20,
	NFT_CT_SRC_IP6: 21,
	NFT_CT_DST_IP6: 22,
	NFT_CT_ID: 23
};
const NFTA_CT = {
	NFTA_CT_DREG: 1,
	NFTA_CT_KEY: 2,
	NFTA_CT_DIRECTION: 3,
	NFTA_CT_SREG: 4
};
/**
* ct state bits as `ct load state` puts them in a register:
* NF_CT_STATE_INVALID_BIT, NF_CT_STATE_BIT(IP_CT_ESTABLISHED / RELATED / NEW)
* and NF_CT_STATE_UNTRACKED_BIT (nf_conntrack_common.h).
*/
const NF_CT_STATE = {
	NF_CT_STATE_INVALID_BIT: 1,
	/** NF_CT_STATE_BIT(IP_CT_ESTABLISHED) */
	ESTABLISHED: 2,
	/** NF_CT_STATE_BIT(IP_CT_RELATED) */
	RELATED: 4,
	/** NF_CT_STATE_BIT(IP_CT_NEW) */
	NEW: 8,
	NF_CT_STATE_UNTRACKED_BIT: 64
};
/** enum ip_conntrack_status bits that `ct status` matches. */
const IPS = {
	IPS_EXPECTED: 1,
	IPS_SEEN_REPLY: 2,
	IPS_ASSURED: 4,
	IPS_CONFIRMED: 8,
	IPS_SRC_NAT: 16,
	IPS_DST_NAT: 32
};
const NFTA_COUNTER = {
	NFTA_COUNTER_BYTES: 1,
	NFTA_COUNTER_PACKETS: 2,
	NFTA_COUNTER_PAD: 3
};
const NFT_NAT = {
	NFT_NAT_SNAT: 0,
	NFT_NAT_DNAT: 1
};
const NFTA_NAT = {
	NFTA_NAT_TYPE: 1,
	NFTA_NAT_FAMILY: 2,
	NFTA_NAT_REG_ADDR_MIN: 3,
	NFTA_NAT_REG_ADDR_MAX: 4,
	NFTA_NAT_REG_PROTO_MIN: 5,
	NFTA_NAT_REG_PROTO_MAX: 6,
	NFTA_NAT_FLAGS: 7
};
const NFTA_MASQ = {
	NFTA_MASQ_FLAGS: 1,
	NFTA_MASQ_REG_PROTO_MIN: 2,
	NFTA_MASQ_REG_PROTO_MAX: 3
};
/** NAT range flags (nf_nat.h), used by nat and masq. */
const NF_NAT_RANGE = {
	NF_NAT_RANGE_MAP_IPS: 1,
	NF_NAT_RANGE_PROTO_SPECIFIED: 2,
	NF_NAT_RANGE_PROTO_RANDOM: 4,
	NF_NAT_RANGE_PERSISTENT: 8,
	NF_NAT_RANGE_PROTO_RANDOM_FULLY: 16,
	NF_NAT_RANGE_PROTO_OFFSET: 32,
	NF_NAT_RANGE_NETMAP: 64
};
const NFTA_FIB = {
	NFTA_FIB_DREG: 1,
	NFTA_FIB_RESULT: 2,
	NFTA_FIB_FLAGS: 3
};
const NFT_FIB_RESULT = {
	NFT_FIB_RESULT_UNSPEC: 0,
	NFT_FIB_RESULT_OIF: 1,
	NFT_FIB_RESULT_OIFNAME: 2,
	NFT_FIB_RESULT_ADDRTYPE: 3
};
/** Which fields of the packet the FIB lookup uses (enum nft_fib_flags). */
const NFTA_FIB_F = {
	NFTA_FIB_F_SADDR: 1,
	NFTA_FIB_F_DADDR: 2,
	NFTA_FIB_F_MARK: 4,
	NFTA_FIB_F_IIF: 8,
	NFTA_FIB_F_OIF: 16,
	NFTA_FIB_F_PRESENT: 32
};
/** IP protocol numbers (netinet/in.h) that rules match with `meta l4proto`. */
const IPPROTO = {
	IPPROTO_ICMP: 1,
	IPPROTO_TCP: 6,
	IPPROTO_UDP: 17,
	IPPROTO_ICMPV6: 58
};
/**
* Route types of <linux/rtnetlink.h> (enum rtn_type), as the fib
* expression's NFT_FIB_RESULT_ADDRTYPE returns them (`fib daddr type local`).
*/
const RTN = {
	RTN_UNICAST: 1,
	RTN_LOCAL: 2
};
// dist/nft/expr/codec.js
/** A required attribute, or a RangeError naming it. */
function must(m, type, what) {
	const v = m.get(type);
	if (!v) throw new RangeError(`${what} is missing`);
	return v;
}
function be32Of(m, type, what) {
	return read.be32(must(m, type, what));
}
function optBe32(m, type) {
	const v = m.get(type);
	return v ? read.be32(v) : void 0;
}
/** Look a name up in a name→number table; unknown numbers stay numbers. */
function nameOf(table, n) {
	for (const [k, v] of Object.entries(table)) if (v === n) return k;
	return n;
}
function numberOf(table, k) {
	return typeof k === "number" ? k : table[k];
}
/** Check a register number is one the kernel accepts for data (1–4, 8–23). */
function checkDataReg(reg, what) {
	if (!Number.isInteger(reg) || !(reg >= 1 && reg <= 4 || reg >= 8 && reg <= 23)) throw new RangeError(`${what} register ${reg} is not a data register (1–4 or 8–23)`);
	return reg;
}
// dist/nft/framing.js
const FAMILY_NUMBER = {
	ip: NFPROTO.NFPROTO_IPV4,
	ip6: NFPROTO.NFPROTO_IPV6,
	inet: NFPROTO.NFPROTO_INET,
	arp: NFPROTO.NFPROTO_ARP,
	bridge: NFPROTO.NFPROTO_BRIDGE,
	netdev: NFPROTO.NFPROTO_NETDEV
};
/** The NFPROTO_* number of a family; 'unspec' (NFPROTO_UNSPEC) asks a dump for every family. */
function familyNumber(f) {
	return f === "unspec" ? NFPROTO.NFPROTO_UNSPEC : FAMILY_NUMBER[f];
}
/** The nft name of an NFPROTO_* number; unknown numbers stay numbers. */
function familyName(n) {
	for (const [name, num] of Object.entries(FAMILY_NUMBER)) if (num === n) return name;
	return n;
}
/** The nlmsg_type of an nf_tables message. */
function nftType(msg) {
	return 2560 | msg;
}
/** The NFT_MSG_* part of an nlmsg_type, or undefined for another subsystem. */
function nftMsgOf(type) {
	return type >> 8 === 10 ? type & 255 : void 0;
}
/** Start a message body: struct nfgenmsg. */
function writeNfgenmsg(w, family, resId = 0) {
	return w.u8(family).u8(0).be16(resId);
}
/** Split a message payload into its nfgenmsg and its attributes. */
function splitNfgenmsg(payload) {
	if (payload.length < 4) throw new RangeError(`nf_tables message payload is ${payload.length} bytes, shorter than struct nfgenmsg`);
	const v = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
	return {
		header: {
			family: v.getUint8(0),
			version: v.getUint8(1),
			resId: v.getUint16(2, false)
		},
		attrs: payload.subarray(4)
	};
}
/** Whether a received message is an nf_tables message of this kind. */
function isNftMessage(msg, kind) {
	return msg.header.type === nftType(kind);
}
/** Build the Request for one nf_tables message. */
function nftRequest(spec) {
	const w = new Writer(256);
	writeNfgenmsg(w, familyNumber(spec.family));
	spec.attrs(w);
	return {
		type: nftType(spec.msg),
		flags: spec.flags | NLM_F.NLM_F_REQUEST,
		body: w.finish(),
		what: spec.what,
		...spec.origin !== void 0 ? { origin: spec.origin } : {}
	};
}
/**
* NFNL_MSG_BATCH_BEGIN: opens a transaction. Family AF_UNSPEC, res_id the
* subsystem (NFNL_SUBSYS_NFTABLES, big-endian as libnftnl sends it). The
* kernel answers it only when the whole batch fails before or after the
* messages in it (see batch.ts), so it is sent without NLM_F_ACK.
*/
function batchBegin() {
	return batchMarker(16, "begin an nf_tables transaction");
}
/** NFNL_MSG_BATCH_END: commits the transaction opened by batchBegin(). */
function batchEnd() {
	return batchMarker(17, "commit an nf_tables transaction");
}
function batchMarker(type, what) {
	const w = new Writer(4);
	writeNfgenmsg(w, NFPROTO.NFPROTO_UNSPEC, 10);
	return {
		type,
		flags: NLM_F.NLM_F_REQUEST,
		body: w.finish(),
		what,
		noReply: true
	};
}
// dist/nft/chain.js
/** Netfilter hooks by their nft names. */
const HOOKS = {
	prerouting: NF_INET.NF_INET_PRE_ROUTING,
	input: NF_INET.NF_INET_LOCAL_IN,
	forward: NF_INET.NF_INET_FORWARD,
	output: NF_INET.NF_INET_LOCAL_OUT,
	postrouting: NF_INET.NF_INET_POST_ROUTING,
	ingress: NF_INET.NF_INET_INGRESS
};
/** The priority names nft accepts for the ip, ip6 and inet families. */
const PRIORITY = {
	raw: -300,
	mangle: -150,
	dstnat: -100,
	filter: 0,
	security: 50,
	srcnat: 100
};
function isBaseChain(c) {
	return "hook" in c;
}
function priorityNumber(p) {
	return typeof p === "number" ? p : PRIORITY[p];
}
function describe(c) {
	const head = `${c.family} ${c.table} ${c.name}`;
	if (!isBaseChain(c)) return head;
	const policy = c.policy ? ` policy ${c.policy};` : "";
	return `${head} { type ${c.type} hook ${c.hook} priority ${c.priority};${policy} }`;
}
/**
* `nft add chain …` — creates the chain, or leaves an existing one (the
* kernel refuses to change an existing base chain's type or hook).
* Attribute order follows libnftnl, so the bytes equal nft's.
*/
function newChain(c, origin) {
	return nftRequest({
		msg: NFT_MSG.NFT_MSG_NEWCHAIN,
		family: c.family,
		flags: NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE,
		attrs: (w) => {
			w.attrString(NFTA_CHAIN.NFTA_CHAIN_TABLE, c.table);
			w.attrString(NFTA_CHAIN.NFTA_CHAIN_NAME, c.name);
			if (!isBaseChain(c)) return;
			w.attrString(NFTA_CHAIN.NFTA_CHAIN_TYPE, c.type);
			if (c.policy !== void 0) w.attrBe32(NFTA_CHAIN.NFTA_CHAIN_POLICY, c.policy === "accept" ? NF_VERDICT.NF_ACCEPT : NF_VERDICT.NF_DROP);
			w.nest(NFTA_CHAIN.NFTA_CHAIN_HOOK, () => {
				w.attrBe32(NFTA_HOOK.NFTA_HOOK_HOOKNUM, HOOKS[c.hook]);
				w.attrBe32(NFTA_HOOK.NFTA_HOOK_PRIORITY, priorityNumber(c.priority));
			}, true);
		},
		what: `add chain ${describe(c)}`,
		origin
	});
}
// dist/nft/data.js
const CODE_NUMBER = {
	accept: NF_VERDICT.NF_ACCEPT,
	drop: NF_VERDICT.NF_DROP,
	stolen: NF_VERDICT.NF_STOLEN,
	queue: NF_VERDICT.NF_QUEUE,
	repeat: NF_VERDICT.NF_REPEAT,
	continue: NFT_VERDICT.NFT_CONTINUE,
	break: NFT_VERDICT.NFT_BREAK,
	jump: NFT_VERDICT.NFT_JUMP,
	goto: NFT_VERDICT.NFT_GOTO,
	return: NFT_VERDICT.NFT_RETURN
};
function verdictNumber(v) {
	return typeof v.code === "number" ? v.code : CODE_NUMBER[v.code];
}
function verdictFromNumber(n, chain) {
	for (const [name, num] of Object.entries(CODE_NUMBER)) {
		if (num !== n) continue;
		if (name === "jump" || name === "goto") return {
			code: name,
			chain: chain ?? ""
		};
		return { code: name };
	}
	return { code: n };
}
/** Write the contents of a data nest holding a value. */
function writeValue(w, bytes) {
	if (bytes.length === 0 || bytes.length > 64) throw new RangeError(`an nf_tables value must be 1–64 bytes, got ${bytes.length}`);
	w.attrBytes(NFTA_DATA.NFTA_DATA_VALUE, bytes);
}
/** Write the contents of a data nest holding a verdict. */
function writeVerdict(w, v) {
	w.nest(NFTA_DATA.NFTA_DATA_VERDICT, () => {
		w.attrBe32(NFTA_VERDICT.NFTA_VERDICT_CODE, verdictNumber(v));
		if ("chain" in v) w.attrString(NFTA_VERDICT.NFTA_VERDICT_CHAIN, v.chain);
	}, true);
}
/** Decode the contents of a data nest. */
function readData(nest) {
	for (const a of parseAttrs(nest)) {
		if (a.type === NFTA_DATA.NFTA_DATA_VALUE) return { value: Uint8Array.from(a.data) };
		if (a.type === NFTA_DATA.NFTA_DATA_VERDICT) {
			const m = attrMap(a.data);
			const code = m.get(NFTA_VERDICT.NFTA_VERDICT_CODE);
			if (!code) throw new RangeError("nf_tables verdict has no NFTA_VERDICT_CODE");
			const chain = m.get(NFTA_VERDICT.NFTA_VERDICT_CHAIN);
			return { verdict: verdictFromNumber(read.be32(code) | 0, chain ? read.string(chain) : void 0) };
		}
	}
	throw new RangeError("nf_tables data nest holds neither NFTA_DATA_VALUE nor NFTA_DATA_VERDICT");
}
function readValue(nest, what) {
	const d = readData(nest);
	if (!("value" in d)) throw new RangeError(`${what} holds a verdict where a value belongs`);
	return d.value;
}
/**
* A value the way libnftnl's debug output (`nft --debug=netlink`) prints it:
* 32-bit words in host order, "0x0a000001 0x00000000".
*/
function debugValue(bytes) {
	const words = [];
	for (let i = 0; i < bytes.length; i += 4) {
		const word = /* @__PURE__ */ new Uint8Array(4);
		word.set(bytes.subarray(i, i + 4));
		const n = new DataView(word.buffer).getUint32(0, HOST_LITTLE_ENDIAN);
		words.push(`0x${n.toString(16).padStart(8, "0")}`);
	}
	return words.join(" ");
}
// dist/nft/expr/bitwise.js
/** `reg = (reg & mask) ^ xor` with xor all zeros: keep only the mask's bits. */
function mask(maskBytes, reg = 1) {
	return {
		kind: "bitwise",
		op: "mask-xor",
		sreg: reg,
		dreg: reg,
		len: maskBytes.length,
		mask: maskBytes,
		xor: new Uint8Array(maskBytes.length)
	};
}
const bitwiseCodec = {
	name: "bitwise",
	encode(w, e) {
		w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_SREG, checkDataReg(e.sreg, "bitwise source"));
		w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_DREG, checkDataReg(e.dreg, "bitwise destination"));
		w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_LEN, e.len);
		if (e.op === "mask-xor") {
			if (e.mask.length !== e.len || e.xor.length !== e.len) throw new RangeError(`bitwise mask and xor must be ${e.len} bytes, got ${e.mask.length} and ${e.xor.length}`);
			w.nest(NFTA_BITWISE.NFTA_BITWISE_MASK, () => writeValue(w, e.mask), true);
			w.nest(NFTA_BITWISE.NFTA_BITWISE_XOR, () => writeValue(w, e.xor), true);
		} else {
			const op = e.op === "lshift" ? NFT_BITWISE_OP.NFT_BITWISE_LSHIFT : NFT_BITWISE_OP.NFT_BITWISE_RSHIFT;
			w.attrBe32(NFTA_BITWISE.NFTA_BITWISE_OP, op);
			const shift = /* @__PURE__ */ new Uint8Array(4);
			new DataView(shift.buffer).setUint32(0, e.shift, false);
			w.nest(NFTA_BITWISE.NFTA_BITWISE_DATA, () => writeValue(w, shift), true);
		}
	},
	decode(data) {
		const m = attrMap(data);
		const sreg = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_SREG, "NFTA_BITWISE_SREG");
		const dreg = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_DREG, "NFTA_BITWISE_DREG");
		const len = be32Of(m, NFTA_BITWISE.NFTA_BITWISE_LEN, "NFTA_BITWISE_LEN");
		const op = optBe32(m, NFTA_BITWISE.NFTA_BITWISE_OP) ?? NFT_BITWISE_OP.NFT_BITWISE_MASK_XOR;
		if (op === NFT_BITWISE_OP.NFT_BITWISE_MASK_XOR) return {
			kind: "bitwise",
			op: "mask-xor",
			sreg,
			dreg,
			len,
			mask: readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_MASK, "NFTA_BITWISE_MASK"), "NFTA_BITWISE_MASK"),
			xor: readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_XOR, "NFTA_BITWISE_XOR"), "NFTA_BITWISE_XOR")
		};
		const shiftBytes = readValue(must(m, NFTA_BITWISE.NFTA_BITWISE_DATA, "NFTA_BITWISE_DATA"), "NFTA_BITWISE_DATA");
		const shift = new DataView(shiftBytes.buffer, shiftBytes.byteOffset, shiftBytes.byteLength).getUint32(0, false);
		if (op === NFT_BITWISE_OP.NFT_BITWISE_LSHIFT) return {
			kind: "bitwise",
			op: "lshift",
			sreg,
			dreg,
			len,
			shift
		};
		if (op === NFT_BITWISE_OP.NFT_BITWISE_RSHIFT) return {
			kind: "bitwise",
			op: "rshift",
			sreg,
			dreg,
			len,
			shift
		};
		throw new RangeError(`bitwise operation ${op} is not one nslab knows`);
	},
	debug(e) {
		if (e.op === "mask-xor") return `reg ${e.dreg} = ( reg ${e.sreg} & ${debugValue(e.mask)} ) ^ ${debugValue(e.xor)}`;
		const shift = /* @__PURE__ */ new Uint8Array(4);
		new DataView(shift.buffer).setUint32(0, e.shift, false);
		return `reg ${e.dreg} = ( reg ${e.sreg} ${e.op === "lshift" ? "<<" : ">>"} ${debugValue(shift)} )`;
	}
};
// dist/nft/expr/cmp.js
const OPS = {
	eq: NFT_CMP.NFT_CMP_EQ,
	neq: NFT_CMP.NFT_CMP_NEQ,
	lt: NFT_CMP.NFT_CMP_LT,
	lte: NFT_CMP.NFT_CMP_LTE,
	gt: NFT_CMP.NFT_CMP_GT,
	gte: NFT_CMP.NFT_CMP_GTE
};
function cmp(op, data, sreg = 1) {
	return {
		kind: "cmp",
		sreg,
		op,
		data
	};
}
const cmpCodec = {
	name: "cmp",
	encode(w, e) {
		w.attrBe32(NFTA_CMP.NFTA_CMP_SREG, checkDataReg(e.sreg, "cmp source"));
		w.attrBe32(NFTA_CMP.NFTA_CMP_OP, numberOf(OPS, e.op));
		w.nest(NFTA_CMP.NFTA_CMP_DATA, () => writeValue(w, e.data), true);
	},
	decode(data) {
		const m = attrMap(data);
		return {
			kind: "cmp",
			sreg: be32Of(m, NFTA_CMP.NFTA_CMP_SREG, "NFTA_CMP_SREG"),
			op: nameOf(OPS, be32Of(m, NFTA_CMP.NFTA_CMP_OP, "NFTA_CMP_OP")),
			data: readValue(must(m, NFTA_CMP.NFTA_CMP_DATA, "NFTA_CMP_DATA"), "NFTA_CMP_DATA")
		};
	},
	debug(e) {
		return `${typeof e.op === "number" ? `op ${e.op}` : e.op} reg ${e.sreg} ${debugValue(e.data)}`;
	}
};
// dist/nft/expr/counter.js
const counterCodec = {
	name: "counter",
	encode(w, e) {
		if (e.bytes === 0n && e.packets === 0n) return;
		w.attrBe64(NFTA_COUNTER.NFTA_COUNTER_BYTES, e.bytes);
		w.attrBe64(NFTA_COUNTER.NFTA_COUNTER_PACKETS, e.packets);
	},
	decode(data) {
		const m = attrMap(data);
		const bytes = m.get(NFTA_COUNTER.NFTA_COUNTER_BYTES);
		const packets = m.get(NFTA_COUNTER.NFTA_COUNTER_PACKETS);
		return {
			kind: "counter",
			packets: packets ? read.be64(packets) : 0n,
			bytes: bytes ? read.be64(bytes) : 0n
		};
	},
	debug(e) {
		return `pkts ${e.packets} bytes ${e.bytes}`;
	}
};
// dist/nft/expr/ct.js
/** Conntrack keys by the names libnftnl prints for them (enum nft_ct_keys). */
const CT_KEYS = {
	state: NFT_CT.NFT_CT_STATE,
	direction: NFT_CT.NFT_CT_DIRECTION,
	status: NFT_CT.NFT_CT_STATUS,
	mark: NFT_CT.NFT_CT_MARK,
	secmark: NFT_CT.NFT_CT_SECMARK,
	expiration: NFT_CT.NFT_CT_EXPIRATION,
	helper: NFT_CT.NFT_CT_HELPER,
	l3protocol: NFT_CT.NFT_CT_L3PROTOCOL,
	src: NFT_CT.NFT_CT_SRC,
	dst: NFT_CT.NFT_CT_DST,
	protocol: NFT_CT.NFT_CT_PROTOCOL,
	proto_src: NFT_CT.NFT_CT_PROTO_SRC,
	proto_dst: NFT_CT.NFT_CT_PROTO_DST,
	label: NFT_CT.NFT_CT_LABELS,
	packets: NFT_CT.NFT_CT_PKTS,
	bytes: NFT_CT.NFT_CT_BYTES,
	avgpkt: NFT_CT.NFT_CT_AVGPKT,
	zone: NFT_CT.NFT_CT_ZONE,
	event: NFT_CT.NFT_CT_EVENTMASK,
	src_ip: NFT_CT.NFT_CT_SRC_IP,
	dst_ip: NFT_CT.NFT_CT_DST_IP,
	src_ip6: NFT_CT.NFT_CT_SRC_IP6,
	dst_ip6: NFT_CT.NFT_CT_DST_IP6,
	id: NFT_CT.NFT_CT_ID
};
/** The names `ct state` takes, as bits of the register `ct load state` fills. */
const CT_STATES = {
	invalid: NF_CT_STATE.NF_CT_STATE_INVALID_BIT,
	established: NF_CT_STATE.ESTABLISHED,
	related: NF_CT_STATE.RELATED,
	new: NF_CT_STATE.NEW,
	untracked: NF_CT_STATE.NF_CT_STATE_UNTRACKED_BIT
};
const DIRECTIONS = {
	original: 0,
	reply: 1
};
function ct(key, dreg = 1) {
	return {
		kind: "ct",
		key,
		dreg
	};
}
/** The state bits of a `ct state a,b` match, 4 bytes in host order as the kernel stores them. */
function ctStateBits(states) {
	let bits = 0;
	for (const s of states) bits |= CT_STATES[s];
	const out = /* @__PURE__ */ new Uint8Array(4);
	new DataView(out.buffer).setUint32(0, bits, HOST_LITTLE_ENDIAN);
	return out;
}
const ctCodec = {
	name: "ct",
	encode(w, e) {
		w.attrBe32(NFTA_CT.NFTA_CT_KEY, numberOf(CT_KEYS, e.key));
		w.attrBe32(NFTA_CT.NFTA_CT_DREG, checkDataReg(e.dreg, "ct destination"));
		if (e.direction !== void 0) w.attrU8(NFTA_CT.NFTA_CT_DIRECTION, DIRECTIONS[e.direction]);
	},
	decode(data) {
		const m = attrMap(data);
		const dir = m.get(NFTA_CT.NFTA_CT_DIRECTION);
		return {
			kind: "ct",
			key: nameOf(CT_KEYS, be32Of(m, NFTA_CT.NFTA_CT_KEY, "NFTA_CT_KEY")),
			dreg: be32Of(m, NFTA_CT.NFTA_CT_DREG, "NFTA_CT_DREG"),
			...dir ? { direction: read.u8(dir) === 1 ? "reply" : "original" } : {}
		};
	},
	debug(e) {
		return `load ${typeof e.key === "number" ? `unknown(${e.key})` : e.key} => reg ${e.dreg}${e.direction !== void 0 ? ` , dir ${e.direction}` : ""}`;
	}
};
// dist/nft/expr/fib.js
/** What a FIB lookup returns, by the names libnftnl prints (enum nft_fib_result). */
const FIB_RESULTS = {
	oif: NFT_FIB_RESULT.NFT_FIB_RESULT_OIF,
	oifname: NFT_FIB_RESULT.NFT_FIB_RESULT_OIFNAME,
	type: NFT_FIB_RESULT.NFT_FIB_RESULT_ADDRTYPE
};
/** The lookup's inputs, in the order libnftnl prints them. */
const FIB_FLAGS = [
	["saddr", NFTA_FIB_F.NFTA_FIB_F_SADDR],
	["daddr", NFTA_FIB_F.NFTA_FIB_F_DADDR],
	["mark", NFTA_FIB_F.NFTA_FIB_F_MARK],
	["iif", NFTA_FIB_F.NFTA_FIB_F_IIF],
	["oif", NFTA_FIB_F.NFTA_FIB_F_OIF],
	["present", NFTA_FIB_F.NFTA_FIB_F_PRESENT]
];
function fib(result, flags, dreg = 1) {
	return {
		kind: "fib",
		result,
		flags,
		dreg
	};
}
const fibCodec = {
	name: "fib",
	encode(w, e) {
		w.attrBe32(NFTA_FIB.NFTA_FIB_FLAGS, e.flags);
		w.attrBe32(NFTA_FIB.NFTA_FIB_RESULT, numberOf(FIB_RESULTS, e.result));
		w.attrBe32(NFTA_FIB.NFTA_FIB_DREG, checkDataReg(e.dreg, "fib destination"));
	},
	decode(data) {
		const m = attrMap(data);
		return {
			kind: "fib",
			result: nameOf(FIB_RESULTS, be32Of(m, NFTA_FIB.NFTA_FIB_RESULT, "NFTA_FIB_RESULT")),
			flags: be32Of(m, NFTA_FIB.NFTA_FIB_FLAGS, "NFTA_FIB_FLAGS"),
			dreg: be32Of(m, NFTA_FIB.NFTA_FIB_DREG, "NFTA_FIB_DREG")
		};
	},
	debug(e) {
		const inputs = FIB_FLAGS.filter(([, bit]) => e.flags & bit).map(([name]) => name);
		const result = typeof e.result === "number" ? `unknown(${e.result})` : e.result;
		return `${inputs.join(" ")} ${result} => reg ${e.dreg}`;
	}
};
// dist/nft/expr/immediate.js
function verdict(v) {
	return {
		kind: "immediate",
		verdict: v
	};
}
const accept = () => verdict({ code: "accept" });
const drop = () => verdict({ code: "drop" });
function immediate(value, dreg = 1) {
	return {
		kind: "immediate",
		dreg,
		value
	};
}
const immediateCodec = {
	name: "immediate",
	encode(w, e) {
		if ("verdict" in e) {
			w.attrBe32(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, NFT_REG.NFT_REG_VERDICT);
			w.nest(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, () => writeVerdict(w, e.verdict), true);
		} else {
			w.attrBe32(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, checkDataReg(e.dreg, "immediate destination"));
			w.nest(NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, () => writeValue(w, e.value), true);
		}
	},
	decode(data) {
		const m = attrMap(data);
		const dreg = be32Of(m, NFTA_IMMEDIATE.NFTA_IMMEDIATE_DREG, "NFTA_IMMEDIATE_DREG");
		const d = readData(must(m, NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA, "NFTA_IMMEDIATE_DATA"));
		if ("verdict" in d) return {
			kind: "immediate",
			verdict: d.verdict
		};
		return {
			kind: "immediate",
			dreg,
			value: d.value
		};
	},
	debug(e) {
		if ("value" in e) return `reg ${e.dreg} ${debugValue(e.value)}`;
		const v = e.verdict;
		if (typeof v.code === "number") return `reg 0 verdict ${v.code}`;
		return "chain" in v ? `reg 0 ${v.code} -> ${v.chain}` : `reg 0 ${v.code}`;
	}
};
// dist/nft/expr/masq.js
function masquerade(flags) {
	return flags === void 0 ? { kind: "masq" } : {
		kind: "masq",
		flags
	};
}
const masqCodec = {
	name: "masq",
	encode(w, e) {
		if (e.flags !== void 0) w.attrBe32(NFTA_MASQ.NFTA_MASQ_FLAGS, e.flags);
		if (e.regProtoMin !== void 0) w.attrBe32(NFTA_MASQ.NFTA_MASQ_REG_PROTO_MIN, checkDataReg(e.regProtoMin, "masq port"));
		if (e.regProtoMax !== void 0) w.attrBe32(NFTA_MASQ.NFTA_MASQ_REG_PROTO_MAX, checkDataReg(e.regProtoMax, "masq port"));
	},
	decode(data) {
		const m = attrMap(data);
		const flags = optBe32(m, NFTA_MASQ.NFTA_MASQ_FLAGS);
		const min = optBe32(m, NFTA_MASQ.NFTA_MASQ_REG_PROTO_MIN);
		const max = optBe32(m, NFTA_MASQ.NFTA_MASQ_REG_PROTO_MAX);
		return {
			kind: "masq",
			...flags !== void 0 ? { flags } : {},
			...min !== void 0 ? { regProtoMin: min } : {},
			...max !== void 0 ? { regProtoMax: max } : {}
		};
	},
	debug(e) {
		const parts = [];
		if (e.regProtoMin !== void 0) parts.push(`proto_min reg ${e.regProtoMin}`);
		if (e.regProtoMax !== void 0) parts.push(`proto_max reg ${e.regProtoMax}`);
		if (e.flags !== void 0) parts.push(`flags 0x${e.flags.toString(16)}`);
		return parts.join(" ");
	}
};
// dist/nft/expr/meta.js
/** Meta keys by the names nft gives them (enum nft_meta_keys). */
const META_KEYS = {
	len: NFT_META.NFT_META_LEN,
	protocol: NFT_META.NFT_META_PROTOCOL,
	priority: NFT_META.NFT_META_PRIORITY,
	mark: NFT_META.NFT_META_MARK,
	iif: NFT_META.NFT_META_IIF,
	oif: NFT_META.NFT_META_OIF,
	iifname: NFT_META.NFT_META_IIFNAME,
	oifname: NFT_META.NFT_META_OIFNAME,
	iiftype: NFT_META.NFT_META_IIFTYPE,
	oiftype: NFT_META.NFT_META_OIFTYPE,
	skuid: NFT_META.NFT_META_SKUID,
	skgid: NFT_META.NFT_META_SKGID,
	nftrace: NFT_META.NFT_META_NFTRACE,
	rtclassid: NFT_META.NFT_META_RTCLASSID,
	secmark: NFT_META.NFT_META_SECMARK,
	nfproto: NFT_META.NFT_META_NFPROTO,
	l4proto: NFT_META.NFT_META_L4PROTO,
	bri_iifname: NFT_META.NFT_META_BRI_IIFNAME,
	bri_oifname: NFT_META.NFT_META_BRI_OIFNAME,
	pkttype: NFT_META.NFT_META_PKTTYPE,
	cpu: NFT_META.NFT_META_CPU,
	iifgroup: NFT_META.NFT_META_IIFGROUP,
	oifgroup: NFT_META.NFT_META_OIFGROUP,
	cgroup: NFT_META.NFT_META_CGROUP,
	prandom: NFT_META.NFT_META_PRANDOM
};
function meta(key, dreg = 1) {
	return {
		kind: "meta",
		key,
		dreg
	};
}
const metaCodec = {
	name: "meta",
	encode(w, e) {
		w.attrBe32(NFTA_META.NFTA_META_KEY, numberOf(META_KEYS, e.key));
		if ("dreg" in e) w.attrBe32(NFTA_META.NFTA_META_DREG, checkDataReg(e.dreg, "meta destination"));
		else w.attrBe32(NFTA_META.NFTA_META_SREG, checkDataReg(e.sreg, "meta source"));
	},
	decode(data) {
		const m = attrMap(data);
		const key = nameOf(META_KEYS, be32Of(m, NFTA_META.NFTA_META_KEY, "NFTA_META_KEY"));
		const sreg = optBe32(m, NFTA_META.NFTA_META_SREG);
		if (sreg !== void 0) return {
			kind: "meta",
			key,
			sreg
		};
		return {
			kind: "meta",
			key,
			dreg: be32Of(m, NFTA_META.NFTA_META_DREG, "NFTA_META_DREG")
		};
	},
	debug(e) {
		const key = typeof e.key === "number" ? `unknown(${e.key})` : e.key;
		return "dreg" in e ? `load ${key} => reg ${e.dreg}` : `set ${key} with reg ${e.sreg}`;
	}
};
// dist/nft/expr/nat.js
const OPTIONAL = [
	[
		"regAddrMin",
		NFTA_NAT.NFTA_NAT_REG_ADDR_MIN,
		"addr_min"
	],
	[
		"regAddrMax",
		NFTA_NAT.NFTA_NAT_REG_ADDR_MAX,
		"addr_max"
	],
	[
		"regProtoMin",
		NFTA_NAT.NFTA_NAT_REG_PROTO_MIN,
		"proto_min"
	],
	[
		"regProtoMax",
		NFTA_NAT.NFTA_NAT_REG_PROTO_MAX,
		"proto_max"
	]
];
const natCodec = {
	name: "nat",
	encode(w, e) {
		w.attrBe32(NFTA_NAT.NFTA_NAT_TYPE, e.type === "snat" ? NFT_NAT.NFT_NAT_SNAT : NFT_NAT.NFT_NAT_DNAT);
		w.attrBe32(NFTA_NAT.NFTA_NAT_FAMILY, e.family === "ip" ? NFPROTO.NFPROTO_IPV4 : NFPROTO.NFPROTO_IPV6);
		for (const [field, type, name] of OPTIONAL) {
			const reg = e[field];
			if (reg !== void 0) w.attrBe32(type, checkDataReg(reg, `nat ${name}`));
		}
		if (e.flags !== void 0) w.attrBe32(NFTA_NAT.NFTA_NAT_FLAGS, e.flags);
	},
	decode(data) {
		const m = attrMap(data);
		const type = be32Of(m, NFTA_NAT.NFTA_NAT_TYPE, "NFTA_NAT_TYPE");
		const family = be32Of(m, NFTA_NAT.NFTA_NAT_FAMILY, "NFTA_NAT_FAMILY");
		let e = {
			kind: "nat",
			type: type === NFT_NAT.NFT_NAT_SNAT ? "snat" : "dnat",
			family: family === NFPROTO.NFPROTO_IPV6 ? "ip6" : "ip"
		};
		for (const [field, t] of OPTIONAL) {
			const reg = optBe32(m, t);
			if (reg !== void 0) e = {
				...e,
				[field]: reg
			};
		}
		const flags = optBe32(m, NFTA_NAT.NFTA_NAT_FLAGS);
		return flags !== void 0 ? {
			...e,
			flags
		} : e;
	},
	debug(e) {
		const parts = [e.type, e.family];
		for (const [field, , name] of OPTIONAL) {
			const reg = e[field];
			if (reg !== void 0) parts.push(`${name} reg ${reg}`);
		}
		if (e.flags !== void 0) parts.push(`flags 0x${e.flags.toString(16)}`);
		return parts.join(" ");
	}
};
// dist/nft/expr/payload.js
const BASES = {
	link: NFT_PAYLOAD_BASE.NFT_PAYLOAD_LL_HEADER,
	network: NFT_PAYLOAD_BASE.NFT_PAYLOAD_NETWORK_HEADER,
	transport: NFT_PAYLOAD_BASE.NFT_PAYLOAD_TRANSPORT_HEADER,
	inner: NFT_PAYLOAD_BASE.NFT_PAYLOAD_INNER_HEADER
};
function payload(base, offset, len, dreg = 1) {
	return {
		kind: "payload",
		base,
		offset,
		len,
		dreg
	};
}
// dist/nft/expr/index.js
const CODECS = {
	payload: {
		name: "payload",
		encode(w, e) {
			w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_DREG, checkDataReg(e.dreg, "payload destination"));
			w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_BASE, numberOf(BASES, e.base));
			w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_OFFSET, e.offset);
			w.attrBe32(NFTA_PAYLOAD.NFTA_PAYLOAD_LEN, e.len);
		},
		decode(data) {
			const m = attrMap(data);
			return {
				kind: "payload",
				base: nameOf(BASES, be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_BASE, "NFTA_PAYLOAD_BASE")),
				offset: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_OFFSET, "NFTA_PAYLOAD_OFFSET"),
				len: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_LEN, "NFTA_PAYLOAD_LEN"),
				dreg: be32Of(m, NFTA_PAYLOAD.NFTA_PAYLOAD_DREG, "NFTA_PAYLOAD_DREG")
			};
		},
		debug(e) {
			return `load ${e.len}b @ ${typeof e.base === "number" ? `base ${e.base}` : e.base} header + ${e.offset} => reg ${e.dreg}`;
		}
	},
	cmp: cmpCodec,
	meta: metaCodec,
	bitwise: bitwiseCodec,
	immediate: immediateCodec,
	ct: ctCodec,
	masq: masqCodec,
	nat: natCodec,
	counter: counterCodec,
	fib: fibCodec
};
/** The wire name of an expression ("masq" for masquerade). */
function exprName(e) {
	return e.kind === "unknown" ? e.name : CODECS[e.kind].name;
}
function codecFor(e) {
	return CODECS[e.kind];
}
/** Write one NFTA_LIST_ELEM { NFTA_EXPR_NAME, NFTA_EXPR_DATA } for an expression. */
function writeExpr(w, e) {
	w.nest(NFTA_LIST.NFTA_LIST_ELEM, () => {
		w.attrString(NFTA_EXPR.NFTA_EXPR_NAME, exprName(e));
		if (e.kind === "unknown") w.nest(NFTA_EXPR.NFTA_EXPR_DATA, () => w.bytes(e.data), true);
		else w.nest(NFTA_EXPR.NFTA_EXPR_DATA, () => codecFor(e).encode(w, e), true);
	}, true);
}
// dist/nft/userdata.js
/**
* User data (NFTA_TABLE_USERDATA, NFTA_CHAIN_USERDATA, NFTA_RULE_USERDATA):
* opaque to the kernel, a list of libnftnl TLVs (u8 type, u8 length, value)
* to nft. Type 0 is the comment in all three (NFTNL_UDATA_*_COMMENT), a
* NUL-terminated string that `nft list ruleset` prints as `comment "…"`.
*/
const UDATA_COMMENT = 0;
function encodeComment(comment) {
	const text = new TextEncoder().encode(comment);
	if (text.includes(0)) throw new TypeError("an nf_tables comment cannot contain a NUL character");
	if (text.length + 1 > 128) throw new RangeError(`an nf_tables comment is at most 127 bytes, got ${text.length}`);
	const out = new Uint8Array(2 + text.length + 1);
	out[0] = UDATA_COMMENT;
	out[1] = text.length + 1;
	out.set(text, 2);
	return out;
}
/** The comment in a user-data blob, if it has one. */
function decodeComment(udata) {
	let off = 0;
	while (off + 2 <= udata.length) {
		const type = udata[off];
		const len = udata[off + 1];
		const value = udata.subarray(off + 2, Math.min(udata.length, off + 2 + len));
		if (type === UDATA_COMMENT) {
			const nul = value.indexOf(0);
			return new TextDecoder().decode(nul < 0 ? value : value.subarray(0, nul));
		}
		off += 2 + len;
	}
}
// dist/nft/rule.js
/** The rule in words: its nft text when known, else its expression names. */
function describeRule(r) {
	const body = r.text ?? `[${r.exprs.map(exprName).join(", ")}]`;
	return `${r.family} ${r.table} ${r.chain} ${body}`;
}
/** Write NFTA_RULE_EXPRESSIONS. */
function writeExpressions(w, exprs) {
	w.nest(NFTA_RULE.NFTA_RULE_EXPRESSIONS, () => exprs.forEach((e) => writeExpr(w, e)), true);
}
/** `nft add rule …`: appended at the end of the chain. */
function newRule(r, origin) {
	if (r.exprs.length === 0) throw new RangeError(`rule ${describeRule(r)} has no expressions`);
	return nftRequest({
		msg: NFT_MSG.NFT_MSG_NEWRULE,
		family: r.family,
		flags: NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_APPEND,
		attrs: (w) => {
			w.attrString(NFTA_RULE.NFTA_RULE_TABLE, r.table);
			w.attrString(NFTA_RULE.NFTA_RULE_CHAIN, r.chain);
			writeExpressions(w, r.exprs);
			if (r.comment !== void 0) w.attrBytes(NFTA_RULE.NFTA_RULE_USERDATA, encodeComment(r.comment));
		},
		what: `add rule ${describeRule(r)}`,
		origin
	});
}
// dist/nft/table.js
function tableFlags(t) {
	return (t.owner ? NFT_TABLE_F.NFT_TABLE_F_OWNER : 0) | (t.dormant ? NFT_TABLE_F.NFT_TABLE_F_DORMANT : 0);
}
/**
* `nft add table inet nslab` — creates the table, or leaves an existing one
* as it is (with `exclusive`: `nft create table inet nslab`).
*/
function newTable(t, opts = {}) {
	return nftRequest({
		msg: NFT_MSG.NFT_MSG_NEWTABLE,
		family: t.family,
		flags: NLM_F.NLM_F_ACK | (opts.exclusive ? NLM_F.NLM_F_EXCL : 0),
		attrs: (w) => {
			w.attrString(NFTA_TABLE.NFTA_TABLE_NAME, t.name);
			w.attrBe32(NFTA_TABLE.NFTA_TABLE_FLAGS, tableFlags(t));
			if (t.comment !== void 0) w.attrBytes(NFTA_TABLE.NFTA_TABLE_USERDATA, encodeComment(t.comment));
		},
		what: `${opts.exclusive ? "create" : "add"} table ${t.family} ${t.name}`,
		origin: opts.origin
	});
}
function describeRef(ref) {
	return "name" in ref ? `${ref.family} ${ref.name}` : `${ref.family} handle ${ref.handle}`;
}
/** `nft delete table inet nslab` (or `… inet handle 7`): the table and everything in it. */
function delTable(ref, origin) {
	return nftRequest({
		msg: NFT_MSG.NFT_MSG_DELTABLE,
		family: ref.family,
		flags: NLM_F.NLM_F_ACK,
		attrs: (w) => {
			if ("name" in ref) w.attrString(NFTA_TABLE.NFTA_TABLE_NAME, ref.name);
			else w.attrBe64(NFTA_TABLE.NFTA_TABLE_HANDLE, ref.handle);
		},
		what: `delete table ${describeRef(ref)}`,
		origin
	});
}
/** `nft list tables [family]` (a dump; every family when none is given). */
function dumpTables(family) {
	return nftRequest({
		msg: NFT_MSG.NFT_MSG_GETTABLE,
		family: family ?? "unspec",
		flags: NLM_F.NLM_F_DUMP,
		attrs: () => void 0,
		what: `list tables${family ? ` ${family}` : ""}`
	});
}
function decodeTable(msg) {
	const { header, attrs } = splitNfgenmsg(msg.payload);
	const m = attrMap(attrs);
	const name = m.get(NFTA_TABLE.NFTA_TABLE_NAME);
	if (!name) throw new RangeError("nf_tables table message has no NFTA_TABLE_NAME");
	const handle = m.get(NFTA_TABLE.NFTA_TABLE_HANDLE);
	const flags = m.get(NFTA_TABLE.NFTA_TABLE_FLAGS);
	const use = m.get(NFTA_TABLE.NFTA_TABLE_USE);
	const owner = m.get(NFTA_TABLE.NFTA_TABLE_OWNER);
	const udata = m.get(NFTA_TABLE.NFTA_TABLE_USERDATA);
	const comment = udata ? decodeComment(udata) : void 0;
	return {
		family: familyName(header.family),
		name: read.string(name),
		handle: handle ? read.be64(handle) : 0n,
		flags: flags ? read.be32(flags) : 0,
		use: use ? read.be32(use) : 0,
		...owner ? { owner: read.be32(owner) } : {},
		...comment !== void 0 ? { comment } : {}
	};
}
// dist/nft/list.js
/** `nft list tables`: every table in the namespace (or of one family). */
function listTables(nft, family) {
	return nft.dump(dumpTables(family)).filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWTABLE)).map(decodeTable);
}
// dist/nft/match.js
/**
* The expression sequences nft generates for the matches and statements
* nslab uses, so a rule built here is byte-for-byte the rule `nft` would
* have sent for the same text (test/unit/nft-match.test.ts compares with
* captures of Debian's nft 1.0.6). All use register 1 (and 2 for a port).
*/
/** `iifname "eth0"` / `oifname != "eth1"`: the name, NUL-padded to IFNAMSIZ. */
function ifname(key, name, op = "eq") {
	const bytes = new TextEncoder().encode(name);
	if (bytes.length === 0 || bytes.length >= 16) throw new RangeError(`interface name '${name}' must be 1–15 bytes`);
	const padded = /* @__PURE__ */ new Uint8Array(16);
	padded.set(bytes);
	return [meta(key), cmp(op, padded)];
}
/** `meta nfproto ipv4` — what nft puts before an `ip …` match in an inet table. */
function nfproto(family) {
	return [meta("nfproto"), cmp("eq", Uint8Array.of(family === 4 ? NFPROTO.NFPROTO_IPV4 : NFPROTO.NFPROTO_IPV6))];
}
/** `meta l4proto tcp` */
function l4proto(proto) {
	return [meta("l4proto"), cmp("eq", Uint8Array.of(proto === "tcp" ? IPPROTO.IPPROTO_TCP : IPPROTO.IPPROTO_UDP))];
}
/**
* `ip saddr 10.0.1.0/24`, `ip6 daddr fd00::1`. In an inet table a
* `meta nfproto` check comes first. A prefix on a byte boundary loads only
* its bytes; any other prefix loads the whole address and masks it.
*/
function addr(tableFamily, field, net) {
	const v4 = net.family === 4;
	const full = v4 ? 4 : 16;
	const offset = v4 ? field === "saddr" ? 12 : 16 : field === "saddr" ? 8 : 24;
	const out = tableFamily === "inet" ? nfproto(net.family) : [];
	if (net.prefix === 0) return out;
	const bytes = networkOf(net).bytes;
	if (net.prefix % 8 === 0) {
		const len = net.prefix / 8;
		return [
			...out,
			payload("network", offset, len),
			cmp("eq", bytes.slice(0, len))
		];
	}
	const m = networkOf({
		family: net.family,
		bytes: new Uint8Array(full).fill(255),
		prefix: net.prefix
	}).bytes;
	return [
		...out,
		payload("network", offset, full),
		mask(m),
		cmp("eq", bytes)
	];
}
function be16(n) {
	if (!Number.isInteger(n) || n < 0 || n > 65535) throw new RangeError(`port ${n} is not 0–65535`);
	return Uint8Array.of(n >> 8, n & 255);
}
/** `tcp dport 8080` (with `meta l4proto tcp` before it, as nft does in inet tables). */
function port(proto, field, n) {
	return [
		...l4proto(proto),
		payload("transport", field === "sport" ? 0 : 2, 2),
		cmp("eq", be16(n))
	];
}
/**
* `fib daddr type local`: the packet is addressed to this machine (any of
* its addresses), not passing through it.
*/
function daddrLocal() {
	const local = /* @__PURE__ */ new Uint8Array(4);
	new DataView(local.buffer).setUint32(0, RTN.RTN_LOCAL, HOST_LITTLE_ENDIAN);
	return [fib("type", NFTA_FIB_F.NFTA_FIB_F_DADDR), cmp("eq", local)];
}
/** `ct state established,related` */
function ctState(states) {
	const bits = ctStateBits(states);
	return [
		ct("state"),
		mask(bits),
		cmp("neq", /* @__PURE__ */ new Uint8Array(4))
	];
}
/** `ct status dnat`: connections whose destination was rewritten. */
function ctStatusDnat() {
	const bits = /* @__PURE__ */ new Uint8Array(4);
	new DataView(bits.buffer).setUint32(0, IPS.IPS_DST_NAT, HOST_LITTLE_ENDIAN);
	return [
		ct("status"),
		mask(bits),
		cmp("neq", /* @__PURE__ */ new Uint8Array(4))
	];
}
/**
* `dnat ip to 10.0.1.10:80` / `snat ip to 192.0.2.1`: the address into
* register 1, the port (if any) into register 2, then the nat statement.
*/
function natTo(type, to, toPort) {
	const family = to.family === 4 ? "ip" : "ip6";
	const out = [immediate(to.bytes, 1)];
	let nat = {
		kind: "nat",
		type,
		family,
		regAddrMin: 1
	};
	if (toPort !== void 0) {
		out.push(immediate(be16(toPort), 2));
		nat = {
			...nat,
			regProtoMin: 2,
			flags: NF_NAT_RANGE.NF_NAT_RANGE_PROTO_SPECIFIED
		};
	}
	return [...out, nat];
}
// dist/nft/ruleset.js
/**
* The ruleset nslab installs in a namespace, built from a small plan.
*
* One table per namespace, `table inet nslab`:
* - inet, not ip: one table serves IPv4 and IPv6 (NAT in inet tables exists
*   since Linux 5.2), so a dual-stack lab needs no second table and `down`
*   removes everything with one message. A match on an address family
*   (`ip saddr`) gets a `meta nfproto` check in front, as nft does.
* - Its own table, not rules in someone else's: nslab never flushes or edits
*   other tables, and a table is deleted with all its chains and rules at
*   once. In a lab namespace nslab is the only user, so the fixed name
*   `nslab` is enough; for the machine's root namespace (`nat: host`) give a
*   per-lab name (`nslab-<lab>`) so two labs never share one.
* - No NFT_TABLE_F_OWNER: the table must outlive `nslab up` (see table.ts).
*
* Chains (each created only when the plan needs it):
*   postrouting  type nat hook postrouting priority srcnat   masquerade
*   prerouting   type nat hook prerouting priority dstnat    port forwards
*   forward      type filter hook forward priority filter    forward policy
*/
const NSLAB_TABLE = "nslab";
const NSLAB_FAMILY = "inet";
function prefixText(c) {
	const n = networkOf(c);
	return n.prefix === (n.family === 4 ? 32 : 128) ? formatIp(n) : `${formatIp(n)}/${n.prefix}`;
}
function ipWord(family) {
	return family === 4 ? "ip" : "ip6";
}
function withOrigin(o, origin) {
	return origin === void 0 ? o : {
		...o,
		origin
	};
}
/** Turn a plan into the table, chains and rules to install. Throws TypeError/RangeError for a bad plan. */
function natRuleset(plan) {
	const family = NSLAB_FAMILY;
	const table = plan.table ?? "nslab";
	const chains = [];
	const rules = [];
	const masq = plan.masquerade ?? [];
	const fwds = plan.portForwards ?? [];
	const rule = (chain, exprs, text, origin) => {
		rules.push(withOrigin({
			family,
			table,
			chain,
			exprs,
			text
		}, origin));
	};
	if (masq.length > 0) {
		chains.push({
			family,
			table,
			name: "postrouting",
			type: "nat",
			hook: "postrouting",
			priority: "srcnat",
			policy: "accept"
		});
		for (const m of masq) {
			if (m.oifname === void 0 === (m.exceptOifname === void 0)) throw new TypeError("a masquerade needs exactly one of oifname and exceptOifname");
			const out = m.oifname !== void 0 ? ifname("oifname", m.oifname) : ifname("oifname", m.exceptOifname, "neq");
			const text = m.oifname !== void 0 ? `oifname "${m.oifname}" masquerade` : `oifname != "${m.exceptOifname}" masquerade`;
			if (m.sources.length === 0) rule("postrouting", [...out, masquerade()], text, m.origin);
			for (const s of m.sources) {
				const net = parseCidr(s);
				rule("postrouting", [
					...addr(family, "saddr", net),
					...out,
					masquerade()
				], `${ipWord(net.family)} saddr ${prefixText(net)} ${text}`, m.origin);
			}
		}
	}
	if (fwds.length > 0) {
		chains.push({
			family,
			table,
			name: "prerouting",
			type: "nat",
			hook: "prerouting",
			priority: "dstnat",
			policy: "accept"
		});
		for (const f of fwds) {
			const to = parseIp(f.to);
			const toText = to.family === 4 ? `${formatIp(to)}:${f.toPort ?? f.port}` : `[${formatIp(to)}]:${f.toPort ?? f.port}`;
			rule("prerouting", [
				...f.iifname ? ifname("iifname", f.iifname) : [],
				...f.local ? daddrLocal() : [],
				...port(f.proto, "dport", f.port),
				...natTo("dnat", to, f.toPort ?? f.port)
			], `${f.iifname ? `iifname "${f.iifname}" ` : ""}${f.local ? "fib daddr type local " : ""}${f.proto} dport ${f.port} dnat ${ipWord(to.family)} to ${toText}`, f.origin);
		}
	}
	if (plan.forward) {
		const fw = plan.forward;
		chains.push({
			family,
			table,
			name: "forward",
			type: "filter",
			hook: "forward",
			priority: "filter",
			policy: fw.policy
		});
		if (fw.established !== false) rule("forward", [...ctState(["established", "related"]), accept()], "ct state established,related accept", plan.origin);
		for (const a of fw.allow ?? []) {
			if (!a.iifname && !a.oifname) throw new TypeError("a forward allow entry needs iifname, oifname or both");
			rule("forward", [
				...a.iifname ? ifname("iifname", a.iifname) : [],
				...a.oifname ? ifname("oifname", a.oifname) : [],
				accept()
			], [
				a.iifname ? `iifname "${a.iifname}"` : "",
				a.oifname ? `oifname "${a.oifname}"` : "",
				"accept"
			].filter(Boolean).join(" "), a.origin);
		}
		for (const f of fwds) {
			const to = parseIp(f.to);
			const inside = f.toPort ?? f.port;
			rule("forward", [
				...addr(family, "daddr", {
					...to,
					prefix: to.family === 4 ? 32 : 128
				}),
				...port(f.proto, "dport", inside),
				...ctStatusDnat(),
				accept()
			], `${ipWord(to.family)} daddr ${formatIp(to)} ${f.proto} dport ${inside} ct status dnat accept`, f.origin);
		}
		for (const r of fw.refuse ?? []) rule("forward", [
			...r.family ? nfproto(r.family) : [],
			...ifname("iifname", r.iifname),
			drop()
		], `${r.family ? `meta nfproto ipv${r.family} ` : ""}iifname "${r.iifname}" drop`, r.origin ?? plan.origin);
	}
	return withOrigin({
		table: plan.comment === void 0 ? {
			family,
			name: table
		} : {
			family,
			name: table,
			comment: plan.comment
		},
		chains,
		rules
	}, plan.origin);
}
/** The requests that install a ruleset, in nft's order: table, chains, rules. */
function rulesetRequests(spec, opts = {}) {
	const out = [];
	if (opts.replace) {
		out.push(newTable(spec.table, withOrigin({}, spec.origin)));
		out.push(delTable({
			family: spec.table.family,
			name: spec.table.name
		}, spec.origin));
	}
	out.push(newTable(spec.table, withOrigin(opts.exclusive ? { exclusive: true } : {}, spec.origin)));
	for (const c of spec.chains) out.push(newChain(c, spec.origin));
	for (const r of spec.rules) out.push(newRule(r, r.origin ?? spec.origin));
	return out;
}
/** The request that removes what rulesetRequests() installed (`nft delete table inet nslab`). */
function removeRuleset(ref, origin) {
	return [delTable(ref, origin)];
}
/** The ruleset as an `nft -f` file (for --explain and for comparing with nft). */
function formatRuleset(spec) {
	const lines = [`table ${spec.table.family} ${spec.table.name} {`];
	if (spec.table.comment !== void 0) lines.push(`\tcomment "${spec.table.comment}"`);
	for (const c of spec.chains) {
		lines.push(`\tchain ${c.name} {`);
		if (isBaseChain(c)) lines.push(`\t\ttype ${c.type} hook ${c.hook} priority ${c.priority};${c.policy ? ` policy ${c.policy};` : ""}`);
		for (const r of spec.rules.filter((x) => x.chain === c.name)) lines.push(`\t\t${r.text ?? describeRule(r)}`);
		lines.push("	}");
	}
	lines.push("}");
	return `${lines.join("\n")}\n`;
}
// dist/nft/errors.js
const VERDICT = { names: NFTA_VERDICT };
const DATA = {
	names: NFTA_DATA,
	nested: { [NFTA_DATA.NFTA_DATA_VERDICT]: VERDICT }
};
const EXPRS = {
	payload: { names: NFTA_PAYLOAD },
	cmp: {
		names: NFTA_CMP,
		nested: { [NFTA_CMP.NFTA_CMP_DATA]: DATA }
	},
	meta: { names: NFTA_META },
	bitwise: {
		names: NFTA_BITWISE,
		nested: {
			[NFTA_BITWISE.NFTA_BITWISE_MASK]: DATA,
			[NFTA_BITWISE.NFTA_BITWISE_XOR]: DATA,
			[NFTA_BITWISE.NFTA_BITWISE_DATA]: DATA
		}
	},
	immediate: {
		names: NFTA_IMMEDIATE,
		nested: { [NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA]: DATA }
	},
	ct: { names: NFTA_CT },
	counter: { names: NFTA_COUNTER },
	masq: { names: NFTA_MASQ },
	nat: { names: NFTA_NAT },
	fib: { names: NFTA_FIB }
};
const MESSAGES = {
	[NFT_MSG.NFT_MSG_NEWTABLE]: { names: NFTA_TABLE },
	[NFT_MSG.NFT_MSG_DELTABLE]: { names: NFTA_TABLE },
	[NFT_MSG.NFT_MSG_NEWCHAIN]: {
		names: NFTA_CHAIN,
		nested: { [NFTA_CHAIN.NFTA_CHAIN_HOOK]: { names: NFTA_HOOK } }
	},
	[NFT_MSG.NFT_MSG_DELCHAIN]: { names: NFTA_CHAIN },
	[NFT_MSG.NFT_MSG_NEWRULE]: {
		names: NFTA_RULE,
		nested: { [NFTA_RULE.NFTA_RULE_EXPRESSIONS]: "exprs" }
	},
	[NFT_MSG.NFT_MSG_DELRULE]: { names: NFTA_RULE }
};
function nameIn(names, type) {
	for (const [k, v] of Object.entries(names)) if (v === type) return k;
	return `attribute ${type}`;
}
/** Attributes of buf with their offsets relative to buf. */
function withOffsets(buf) {
	return parseAttrs(buf).map((a) => {
		const start = a.data.byteOffset - buf.byteOffset - 4;
		return {
			type: a.type,
			start,
			end: start + 4 + a.data.length,
			data: a.data
		};
	});
}
function walk(buf, target, schema, path) {
	withOffsets(buf).forEach((a, i) => {
		if (target < a.start || target >= a.end) return;
		let child;
		if (schema === "exprs") {
			if (a.type !== NFTA_LIST.NFTA_LIST_ELEM) return;
			const inner = withOffsets(a.data);
			const nameAttr = inner.find((x) => x.type === NFTA_EXPR.NFTA_EXPR_NAME);
			const name = nameAttr ? read.string(nameAttr.data) : "?";
			path.push(`expression ${i + 1} (${name})`);
			const dataAttr = inner.find((x) => x.type === NFTA_EXPR.NFTA_EXPR_DATA);
			const exprSchema = EXPRS[name];
			const rel = target - a.start - 4;
			if (dataAttr && exprSchema && rel > dataAttr.start && rel < dataAttr.end) walk(dataAttr.data, rel - dataAttr.start - 4, exprSchema, path);
			else if (nameAttr && rel >= nameAttr.start && rel < nameAttr.end) path.push("NFTA_EXPR_NAME");
			return;
		}
		path.push(nameIn(schema.names, a.type));
		child = schema.nested?.[a.type];
		if (child && target > a.start) walk(a.data, target - a.start - 4, child, path);
	});
}
/**
* Where in a request an extended-ACK offset (counted from the start of the
* netlink header) points, as a path of attribute names; undefined when it
* points at the headers or outside the message.
*/
function locateAttribute(request, extackOffset) {
	const msg = nftMsgOf(request.type);
	const schema = msg === void 0 ? void 0 : MESSAGES[msg];
	const at = extackOffset - 16 - 4;
	if (!schema || at < 0 || at >= request.body.length - 4) return void 0;
	const path = [];
	walk(request.body.subarray(4), at, schema, path);
	return path.length > 0 ? path.join(" › ") : void 0;
}
/**
* The kernel refused (part of) an nf_tables transaction. Nothing in the
* transaction was applied: nf_tables commits all of a batch or none of it.
* `message` names the request, the errno, the kernel's text if it gave
* one, the attribute it pointed at, and the topology origin.
*/
var NftError = class extends NetlinkError {
	/** The attribute the kernel blamed, "expression 7 (nat) › NFTA_NAT_REG_ADDR_MIN". */
	attribute;
	/** Every refusal in the transaction, in batch order (this one first). */
	failures;
	constructor(ack, request, failures = [], batchSize = 1) {
		super(ack, request);
		this.attribute = ack.extackOffset !== void 0 ? locateAttribute(request, ack.extackOffset) : void 0;
		this.failures = failures;
		const parts = [`cannot ${request.what}: ${this.errnoName}`];
		if (ack.extackMessage) parts.push(` (kernel says: ${ack.extackMessage})`);
		if (this.attribute) parts.push(` at ${this.attribute}`);
		if (request.origin) parts.push(` [${request.origin}]`);
		if (batchSize > 1) parts.push(`; none of the ${batchSize} changes in this nf_tables transaction were applied`);
		const others = failures.length - 1;
		if (others > 0) parts.push(` (${others} more refused, likely as a consequence)`);
		this.message = parts.join("");
	}
};
// dist/nft/batch.js
/**
* Send requests as one transaction and collect every answer. Never throws
* for a refusal (see `committed` and `error`); throws for a failed system
* call or a receive timeout.
*/
function runBatch(connection, requests) {
	if (requests.length === 0) return {
		committed: true,
		outcomes: []
	};
	for (const request of requests) if (!(request.flags & NLM_F.NLM_F_ACK)) throw new TypeError(`nf_tables request "${request.what}" lacks NLM_F_ACK; every message in a batch must ask for one`);
	const begin = batchBegin();
	const all = connection.transaction([
		begin,
		...requests,
		batchEnd()
	]);
	const batchAck = [all[0], all[all.length - 1]].find((m) => m?.ack && m.ack.errno !== 0)?.ack;
	const outcomes = all.slice(1, -1).map((o) => ({
		request: o.request,
		seq: o.seq,
		replies: o.replies,
		...o.ack ? { ack: o.ack } : {}
	}));
	const refused = outcomes.filter((o) => o.ack && o.ack.errno !== 0);
	if (refused.length === 0 && batchAck === void 0) return {
		committed: true,
		outcomes
	};
	const n = outcomes.length;
	const failures = refused.map((o) => new NetlinkError(o.ack, o.request));
	const first = refused[0];
	return {
		committed: false,
		outcomes,
		error: first ? new NftError(first.ack, first.request, failures, n) : new NftError(batchAck, {
			...begin,
			what: `commit an nf_tables transaction of ${n} changes (${requests[0]?.what}${n > 1 ? ", …" : ""})`
		}, [], n)
	};
}
// dist/nft/session.js
/**
* nf_tables in one network namespace: a NETLINK_NETFILTER socket and its
* Connection, for transactions (all-or-nothing batches, batch.ts) and dumps;
* both take their sequence numbers from the same counter.
*
*   const nft = NftSession.open({ netnsFd });
*   try { nft.commit(natRuleset(plan)); } finally { nft.close(); }
*/
var NftSession = class NftSession {
	socket;
	label;
	connection;
	constructor(socket, label = "nf_tables") {
		this.socket = socket;
		this.label = label;
		this.connection = new Connection(socket, label);
	}
	/** Open a NETLINK_NETFILTER socket (in the namespace of `netnsFd`, if given). */
	static open(opts = {}) {
		const { label, ...socketOpts } = opts;
		return new NftSession(new KernelSocket(12, socketOpts), label);
	}
	/**
	* Run the requests as one transaction; every outcome is returned and
	* nothing is thrown for a refusal (`committed` is false, `error` says why).
	*/
	transaction(requests) {
		return runBatch(this.connection, requests);
	}
	/** Run the requests as one transaction; throw NftError if the kernel refused any. */
	commit(requests) {
		const result = this.transaction(requests);
		if (result.error) throw result.error;
		return result;
	}
	/** Every message of a dump (NLM_F_DUMP request). */
	dump(request) {
		return this.connection.dump(request);
	}
	close() {
		this.socket.close();
	}
};
// dist/lab/nat.js
/**
* NAT inside lab nodes: nslab's own nf_tables table, `table inet nslab`, in
* each namespace whose node has `nat:` or `ports:`. See src/nft/ruleset.ts
* for the chains; what a node's fields become:
*
*   nat: { out: wan }     ip saddr <each lab prefix> oifname "wan" masquerade
*                         and a forward chain: replies and port forwards pass,
*                         IPv4 connections opened from `wan` are dropped —
*                         the outside cannot reach the inside, as behind a
*                         real NAT router, even where routes would allow it
*   ports: [8080:h1:80]   fib daddr type local tcp dport 8080 dnat ip to h1:80
*                         (only what is addressed to this node, so traffic
*                         passing through to some other host's 8080 is left alone)
*
* The table carries the comment `nslab lab <lab>`: `down` deletes a table
* only when it still has it, so a table someone else made is never touched.
*/
/** The comment on every table nslab makes for a lab. */
function tableComment(lab) {
	return `nslab lab ${lab}`;
}
/** A plan's port forward as the ruleset builder takes it (addressed to this machine only). */
function portForwardOf(p) {
	if (!p.to) throw new NatPlanError(`port forward ${p.port}/${p.proto} goes to node ${p.toNode}, which has no IPv4 address [${p.origin}]`);
	return {
		proto: p.proto,
		port: p.port,
		to: p.to,
		toPort: p.toPort,
		local: true,
		origin: p.origin
	};
}
var NatPlanError = class extends Error {
	name = "NatPlanError";
};
/** What nslab installs in a lab node for its `nat:` and `ports:`. */
function labNatPlan(n, lab) {
	const out = n.masquerade?.out;
	return {
		table: NSLAB_TABLE,
		comment: tableComment(lab),
		origin: n.origin,
		masquerade: n.masquerade ? [{
			sources: n.masquerade.sources,
			oifname: n.masquerade.out,
			origin: n.origin
		}] : [],
		portForwards: n.ports.map(portForwardOf),
		...out !== void 0 ? { forward: {
			policy: "accept",
			established: true,
			refuse: [{
				iifname: out,
				family: 4,
				origin: n.origin
			}]
		} } : {}
	};
}
/** The ruleset for one lab node. */
function labNatRuleset(n, lab) {
	return natRuleset(labNatPlan(n, lab));
}
/** `nft -f` of a ruleset as a shell here-document (for --explain). */
function nftHereDoc(prefix, spec) {
	return [
		`${prefix}nft -f - <<'EOF'`,
		...formatRuleset(spec).trimEnd().split("\n"),
		"EOF"
	];
}
/** The NAT step as shell commands, for `up --explain`. */
function explainNat(plan) {
	if (plan.nat.length === 0) return [];
	const lines = ["# NAT and port forwards: nslab's own nf_tables table in each node that has nat: or ports:."];
	for (const n of plan.nat) lines.push(...nftHereDoc(`ip netns exec ${n.netns} `, labNatRuleset(n, plan.lab)));
	return lines;
}
/**
* Delete a table of ours (by handle, after checking its comment) through a
* session; false when it is not there or is not ours.
*/
function deleteOwnTable(nft, table, comment) {
	const t = listTables(nft, NSLAB_FAMILY).find((x) => x.name === table);
	if (!t || t.comment !== comment) return false;
	try {
		nft.commit(removeRuleset({
			family: NSLAB_FAMILY,
			handle: t.handle
		}));
	} catch (err) {
		if (err instanceof NetlinkError && err.errnoName === "ENOENT") return false;
		throw err;
	}
	return true;
}
const natStep = {
	name: "nat",
	ops: ["nat-table"],
	apply(ctx) {
		const plan = ctx.plan;
		let done = 0;
		for (const n of plan.nat) {
			const spec = labNatRuleset(n, plan.lab);
			const entry = {
				op: "nat-table",
				netns: n.netns,
				table: spec.table.name,
				comment: tableComment(plan.lab)
			};
			ctx.journal.intend([entry]);
			const nft = NftSession.open({
				netnsFd: ctx.netnsFd(n.netns),
				label: `netns ${n.netns}`
			});
			try {
				nft.commit(rulesetRequests(spec, { exclusive: true }));
			} finally {
				nft.close();
			}
			ctx.progress?.("nat", ++done, plan.nat.length);
		}
	},
	undo(entry) {
		const e = entry;
		let nft;
		try {
			nft = NftSession.open({
				netnsPath: netnsPath(e.netns),
				label: `netns ${e.netns}`
			});
		} catch (err) {
			if (err instanceof SyscallError && err.call === "open" && err.errnoName === "ENOENT") return false;
			throw err;
		}
		try {
			return deleteOwnTable(nft, e.table, e.comment);
		} finally {
			nft.close();
		}
	}
};
export { labNatRuleset as a, portForwardOf as c, NSLAB_FAMILY as d, natRuleset as f, labNatPlan as i, tableComment as l, listTables as m, deleteOwnTable as n, natStep as o, rulesetRequests as p, explainNat as r, nftHereDoc as s, NatPlanError as t, NftSession as u };

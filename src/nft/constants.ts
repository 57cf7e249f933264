/**
 * nf_tables constants from <linux/netfilter/nf_tables.h>,
 * <linux/netfilter/nfnetlink.h>, <linux/netfilter.h>,
 * <linux/netfilter/nf_conntrack_common.h> and <linux/netfilter/nf_nat.h>,
 * under the kernel's own names so a reader can grep the headers.
 *
 * Values marked "newer kernels" are not in this machine's UAPI headers
 * (Debian 12's linux-libc-dev 6.1) but exist in the running 6.18 kernel.
 * test/unit/nft-constants.test.ts checks every other value against the
 * installed headers with a small C program.
 */

// --- nfnetlink framing (nfnetlink.h) ---

export const NFNETLINK_V0 = 0;
export const NFNL_SUBSYS_NFTABLES = 10;
/** Batch markers are plain netlink types (NLMSG_MIN_TYPE and the next). */
export const NFNL_MSG_BATCH_BEGIN = 0x10;
export const NFNL_MSG_BATCH_END = 0x11;
export const NFNL_BATCH = {
  NFNL_BATCH_GENID: 1,
} as const;
/** struct nfgenmsg { u8 nfgen_family; u8 version; __be16 res_id; } */
export const NFGENMSG_LEN = 4;

/** enum nf_tables_msg_types */
export const NFT_MSG = {
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
  // newer kernels (6.3+)
  NFT_MSG_GETRULE_RESET: 25,
  NFT_MSG_DESTROYTABLE: 26,
  NFT_MSG_DESTROYCHAIN: 27,
  NFT_MSG_DESTROYRULE: 28,
} as const;
export type NftMsg = (typeof NFT_MSG)[keyof typeof NFT_MSG];

// --- families and hooks (netfilter.h) ---

export const NFPROTO = {
  NFPROTO_UNSPEC: 0,
  NFPROTO_INET: 1,
  NFPROTO_IPV4: 2,
  NFPROTO_ARP: 3,
  NFPROTO_NETDEV: 5,
  NFPROTO_BRIDGE: 7,
  NFPROTO_IPV6: 10,
} as const;

export const NF_INET = {
  NF_INET_PRE_ROUTING: 0,
  NF_INET_LOCAL_IN: 1,
  NF_INET_FORWARD: 2,
  NF_INET_LOCAL_OUT: 3,
  NF_INET_POST_ROUTING: 4,
  NF_INET_INGRESS: 5,
} as const;

/** Netfilter verdicts (a base chain's policy is one of these). */
export const NF_VERDICT = {
  NF_DROP: 0,
  NF_ACCEPT: 1,
  NF_STOLEN: 2,
  NF_QUEUE: 3,
  NF_REPEAT: 4,
} as const;

/** enum nft_verdicts (negative; carried as a be32 two's complement). */
export const NFT_VERDICT = {
  NFT_CONTINUE: -1,
  NFT_BREAK: -2,
  NFT_JUMP: -3,
  NFT_GOTO: -4,
  NFT_RETURN: -5,
} as const;

/** enum nft_registers: the verdict register and the 32-bit data registers. */
export const NFT_REG = {
  NFT_REG_VERDICT: 0,
  NFT_REG_1: 1,
  NFT_REG_2: 2,
  NFT_REG_3: 3,
  NFT_REG_4: 4,
  NFT_REG32_00: 8,
} as const;

// --- tables ---

export const NFT_TABLE_F = {
  NFT_TABLE_F_DORMANT: 0x1,
  NFT_TABLE_F_OWNER: 0x2,
  /** newer kernels (6.9+): the table outlives its owner. */
  NFT_TABLE_F_PERSIST: 0x4,
} as const;

export const NFTA_TABLE = {
  NFTA_TABLE_NAME: 1,
  NFTA_TABLE_FLAGS: 2,
  NFTA_TABLE_USE: 3,
  NFTA_TABLE_HANDLE: 4,
  NFTA_TABLE_PAD: 5,
  NFTA_TABLE_USERDATA: 6,
  NFTA_TABLE_OWNER: 7,
} as const;

// --- chains ---

export const NFTA_HOOK = {
  NFTA_HOOK_HOOKNUM: 1,
  NFTA_HOOK_PRIORITY: 2,
  NFTA_HOOK_DEV: 3,
  NFTA_HOOK_DEVS: 4,
} as const;

export const NFT_CHAIN_F = {
  NFT_CHAIN_BASE: 1 << 0,
  NFT_CHAIN_HW_OFFLOAD: 1 << 1,
  NFT_CHAIN_BINDING: 1 << 2,
} as const;

export const NFTA_CHAIN = {
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
  NFTA_CHAIN_USERDATA: 12,
} as const;

// --- rules ---

export const NFTA_RULE = {
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
  NFTA_RULE_CHAIN_ID: 11,
} as const;

export const NFTA_LIST = {
  NFTA_LIST_ELEM: 1,
} as const;

export const NFTA_EXPR = {
  NFTA_EXPR_NAME: 1,
  NFTA_EXPR_DATA: 2,
} as const;

// --- data (values and verdicts) ---

export const NFTA_DATA = {
  NFTA_DATA_VALUE: 1,
  NFTA_DATA_VERDICT: 2,
} as const;

export const NFTA_VERDICT = {
  NFTA_VERDICT_CODE: 1,
  NFTA_VERDICT_CHAIN: 2,
  NFTA_VERDICT_CHAIN_ID: 3,
} as const;

/** NFT_DATA_VALUE_MAXLEN: the longest value a register span holds. */
export const NFT_DATA_VALUE_MAXLEN = 64;
/** IFNAMSIZ: interface names are compared as 16 zero-padded bytes. */
export const IFNAMSIZ = 16;

// --- expressions ---

export const NFTA_IMMEDIATE = {
  NFTA_IMMEDIATE_DREG: 1,
  NFTA_IMMEDIATE_DATA: 2,
} as const;

export const NFT_BITWISE_OP = {
  NFT_BITWISE_MASK_XOR: 0,
  NFT_BITWISE_LSHIFT: 1,
  NFT_BITWISE_RSHIFT: 2,
} as const;

export const NFTA_BITWISE = {
  NFTA_BITWISE_SREG: 1,
  NFTA_BITWISE_DREG: 2,
  NFTA_BITWISE_LEN: 3,
  NFTA_BITWISE_MASK: 4,
  NFTA_BITWISE_XOR: 5,
  NFTA_BITWISE_OP: 6,
  NFTA_BITWISE_DATA: 7,
} as const;

export const NFT_CMP = {
  NFT_CMP_EQ: 0,
  NFT_CMP_NEQ: 1,
  NFT_CMP_LT: 2,
  NFT_CMP_LTE: 3,
  NFT_CMP_GT: 4,
  NFT_CMP_GTE: 5,
} as const;

export const NFTA_CMP = {
  NFTA_CMP_SREG: 1,
  NFTA_CMP_OP: 2,
  NFTA_CMP_DATA: 3,
} as const;

export const NFT_PAYLOAD_BASE = {
  NFT_PAYLOAD_LL_HEADER: 0,
  NFT_PAYLOAD_NETWORK_HEADER: 1,
  NFT_PAYLOAD_TRANSPORT_HEADER: 2,
  NFT_PAYLOAD_INNER_HEADER: 3,
} as const;

export const NFTA_PAYLOAD = {
  NFTA_PAYLOAD_DREG: 1,
  NFTA_PAYLOAD_BASE: 2,
  NFTA_PAYLOAD_OFFSET: 3,
  NFTA_PAYLOAD_LEN: 4,
  NFTA_PAYLOAD_SREG: 5,
  NFTA_PAYLOAD_CSUM_TYPE: 6,
  NFTA_PAYLOAD_CSUM_OFFSET: 7,
  NFTA_PAYLOAD_CSUM_FLAGS: 8,
} as const;

/** enum nft_meta_keys */
export const NFT_META = {
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
  NFT_META_PRANDOM: 24,
} as const;

export const NFTA_META = {
  NFTA_META_DREG: 1,
  NFTA_META_KEY: 2,
  NFTA_META_SREG: 3,
} as const;

/** enum nft_ct_keys */
export const NFT_CT = {
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
  NFT_CT_ID: 23,
} as const;

export const NFTA_CT = {
  NFTA_CT_DREG: 1,
  NFTA_CT_KEY: 2,
  NFTA_CT_DIRECTION: 3,
  NFTA_CT_SREG: 4,
} as const;

/**
 * ct state bits as `ct load state` puts them in a register:
 * NF_CT_STATE_INVALID_BIT, NF_CT_STATE_BIT(IP_CT_ESTABLISHED / RELATED / NEW)
 * and NF_CT_STATE_UNTRACKED_BIT (nf_conntrack_common.h).
 */
export const NF_CT_STATE = {
  NF_CT_STATE_INVALID_BIT: 1 << 0,
  /** NF_CT_STATE_BIT(IP_CT_ESTABLISHED) */
  ESTABLISHED: 1 << 1,
  /** NF_CT_STATE_BIT(IP_CT_RELATED) */
  RELATED: 1 << 2,
  /** NF_CT_STATE_BIT(IP_CT_NEW) */
  NEW: 1 << 3,
  NF_CT_STATE_UNTRACKED_BIT: 1 << 6,
} as const;

/** enum ip_conntrack_status bits that `ct status` matches. */
export const IPS = {
  IPS_EXPECTED: 1 << 0,
  IPS_SEEN_REPLY: 1 << 1,
  IPS_ASSURED: 1 << 2,
  IPS_CONFIRMED: 1 << 3,
  IPS_SRC_NAT: 1 << 4,
  IPS_DST_NAT: 1 << 5,
} as const;

export const NFTA_COUNTER = {
  NFTA_COUNTER_BYTES: 1,
  NFTA_COUNTER_PACKETS: 2,
  NFTA_COUNTER_PAD: 3,
} as const;

export const NFT_NAT = {
  NFT_NAT_SNAT: 0,
  NFT_NAT_DNAT: 1,
} as const;

export const NFTA_NAT = {
  NFTA_NAT_TYPE: 1,
  NFTA_NAT_FAMILY: 2,
  NFTA_NAT_REG_ADDR_MIN: 3,
  NFTA_NAT_REG_ADDR_MAX: 4,
  NFTA_NAT_REG_PROTO_MIN: 5,
  NFTA_NAT_REG_PROTO_MAX: 6,
  NFTA_NAT_FLAGS: 7,
} as const;

export const NFTA_MASQ = {
  NFTA_MASQ_FLAGS: 1,
  NFTA_MASQ_REG_PROTO_MIN: 2,
  NFTA_MASQ_REG_PROTO_MAX: 3,
} as const;

/** NAT range flags (nf_nat.h), used by nat and masq. */
export const NF_NAT_RANGE = {
  NF_NAT_RANGE_MAP_IPS: 1 << 0,
  NF_NAT_RANGE_PROTO_SPECIFIED: 1 << 1,
  NF_NAT_RANGE_PROTO_RANDOM: 1 << 2,
  NF_NAT_RANGE_PERSISTENT: 1 << 3,
  NF_NAT_RANGE_PROTO_RANDOM_FULLY: 1 << 4,
  NF_NAT_RANGE_PROTO_OFFSET: 1 << 5,
  NF_NAT_RANGE_NETMAP: 1 << 6,
} as const;

export const NFTA_FIB = {
  NFTA_FIB_DREG: 1,
  NFTA_FIB_RESULT: 2,
  NFTA_FIB_FLAGS: 3,
} as const;

export const NFT_FIB_RESULT = {
  NFT_FIB_RESULT_UNSPEC: 0,
  NFT_FIB_RESULT_OIF: 1,
  NFT_FIB_RESULT_OIFNAME: 2,
  NFT_FIB_RESULT_ADDRTYPE: 3,
} as const;

/** Which fields of the packet the FIB lookup uses (enum nft_fib_flags). */
export const NFTA_FIB_F = {
  NFTA_FIB_F_SADDR: 1 << 0,
  NFTA_FIB_F_DADDR: 1 << 1,
  NFTA_FIB_F_MARK: 1 << 2,
  NFTA_FIB_F_IIF: 1 << 3,
  NFTA_FIB_F_OIF: 1 << 4,
  NFTA_FIB_F_PRESENT: 1 << 5,
} as const;

export const NFTA_GEN = {
  NFTA_GEN_ID: 1,
  NFTA_GEN_PROC_PID: 2,
  NFTA_GEN_PROC_NAME: 3,
} as const;

/** IP protocol numbers (netinet/in.h) that rules match with `meta l4proto`. */
export const IPPROTO = {
  IPPROTO_ICMP: 1,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_ICMPV6: 58,
} as const;

/**
 * Route types of <linux/rtnetlink.h> (enum rtn_type), as the fib
 * expression's NFT_FIB_RESULT_ADDRTYPE returns them (`fib daddr type local`).
 */
export const RTN = { RTN_UNICAST: 1, RTN_LOCAL: 2 } as const;

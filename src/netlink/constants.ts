/**
 * Netlink constants from <linux/netlink.h>, keyed by the kernel's own names so
 * a reader can grep the header.
 */

/** Netlink protocol families (socket(AF_NETLINK, SOCK_RAW, protocol)). */
export const NETLINK_ROUTE = 0;
export const NETLINK_NETFILTER = 12;

/** Message types every family shares. */
export const NLMSG = {
  NLMSG_NOOP: 0x1,
  NLMSG_ERROR: 0x2,
  NLMSG_DONE: 0x3,
  NLMSG_OVERRUN: 0x4,
} as const;

/** Flags in nlmsghdr.nlmsg_flags. */
export const NLM_F = {
  NLM_F_REQUEST: 0x01,
  NLM_F_MULTI: 0x02,
  NLM_F_ACK: 0x04,
  NLM_F_ECHO: 0x08,
  NLM_F_DUMP_INTR: 0x10,
  NLM_F_DUMP_FILTERED: 0x20,
  // GET requests
  NLM_F_ROOT: 0x100,
  NLM_F_MATCH: 0x200,
  NLM_F_ATOMIC: 0x400,
  NLM_F_DUMP: 0x300,
  // NEW requests
  NLM_F_REPLACE: 0x100,
  NLM_F_EXCL: 0x200,
  NLM_F_CREATE: 0x400,
  NLM_F_APPEND: 0x800,
  // DELETE requests
  NLM_F_NONREC: 0x100,
  NLM_F_BULK: 0x200,
  // flags in an ack
  NLM_F_CAPPED: 0x100,
  NLM_F_ACK_TLVS: 0x200,
} as const;

/** setsockopt(SOL_NETLINK, …) options. */
export const SOL_NETLINK = 270;
export const NETLINK_SOCKOPT = {
  NETLINK_ADD_MEMBERSHIP: 1,
  NETLINK_DROP_MEMBERSHIP: 2,
  NETLINK_CAP_ACK: 10,
  NETLINK_EXT_ACK: 11,
  NETLINK_GET_STRICT_CHK: 12,
} as const;

/** Extended-ACK attributes (enum nlmsgerr_attrs). */
export const NLMSGERR_ATTR = {
  NLMSGERR_ATTR_MSG: 1,
  NLMSGERR_ATTR_OFFS: 2,
  NLMSGERR_ATTR_COOKIE: 3,
  NLMSGERR_ATTR_POLICY: 4,
  NLMSGERR_ATTR_MISS_TYPE: 5,
  NLMSGERR_ATTR_MISS_NEST: 6,
} as const;

/** nlattr.nla_type flag bits. */
export const NLA_F_NESTED = 1 << 15;
export const NLA_F_NET_BYTEORDER = 1 << 14;
export const NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

export const NLMSG_HDRLEN = 16;
export const NLA_HDRLEN = 4;
export const NLMSG_ALIGNTO = 4;

/** Round up to the 4-byte boundary netlink aligns messages and attributes on. */
export function align4(n: number): number {
  return (n + 3) & ~3;
}

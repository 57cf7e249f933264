/**
 * rtnetlink constants from <linux/rtnetlink.h>, <linux/if_link.h>,
 * <linux/if_addr.h>, <linux/veth.h> and <linux/if.h>, under the kernel's names.
 */

export const RTM = {
  RTM_NEWLINK: 16,
  RTM_DELLINK: 17,
  RTM_GETLINK: 18,
  RTM_SETLINK: 19,
  RTM_NEWADDR: 20,
  RTM_DELADDR: 21,
  RTM_GETADDR: 22,
  RTM_NEWROUTE: 24,
  RTM_DELROUTE: 25,
  RTM_GETROUTE: 26,
  RTM_NEWNEIGH: 28,
  RTM_NEWQDISC: 36,
  RTM_DELQDISC: 37,
  RTM_GETQDISC: 38,
} as const;

export const AF_UNSPEC = 0;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_BRIDGE = 7;

/** struct ifinfomsg is 16 bytes: family, pad, type, index, flags, change. */
export const IFINFOMSG_LEN = 16;
/** struct ifaddrmsg is 8 bytes: family, prefixlen, flags, scope, index. */
export const IFADDRMSG_LEN = 8;
/** struct rtmsg is 12 bytes. */
export const RTMSG_LEN = 12;

export const IFLA = {
  IFLA_ADDRESS: 1,
  IFLA_BROADCAST: 2,
  IFLA_IFNAME: 3,
  IFLA_MTU: 4,
  IFLA_LINK: 5,
  IFLA_QDISC: 6,
  IFLA_STATS: 7,
  IFLA_MASTER: 10,
  IFLA_PROTINFO: 12,
  IFLA_TXQLEN: 13,
  IFLA_OPERSTATE: 16,
  IFLA_LINKMODE: 17,
  IFLA_LINKINFO: 18,
  IFLA_NET_NS_PID: 19,
  IFLA_IFALIAS: 20,
  IFLA_STATS64: 23,
  IFLA_AF_SPEC: 26,
  IFLA_GROUP: 27,
  IFLA_NET_NS_FD: 28,
  IFLA_EXT_MASK: 29,
  IFLA_CARRIER: 33,
  IFLA_LINK_NETNSID: 37,
  IFLA_TARGET_NETNSID: 46,
  IFLA_PROP_LIST: 52,
  IFLA_ALT_IFNAME: 53,
  IFLA_PERM_ADDRESS: 54,
} as const;

export const IFLA_INFO = {
  IFLA_INFO_KIND: 1,
  IFLA_INFO_DATA: 2,
  IFLA_INFO_SLAVE_KIND: 4,
  IFLA_INFO_SLAVE_DATA: 5,
} as const;

/** <linux/veth.h> */
export const VETH_INFO_PEER = 1;

/** IFLA_AF_SPEC → AF_INET6 nest. */
export const IFLA_INET6_ADDR_GEN_MODE = 8;
export const IN6_ADDR_GEN_MODE_NONE = 1;

export const IFLA_BR = {
  IFLA_BR_FORWARD_DELAY: 1,
  IFLA_BR_AGEING_TIME: 4,
  IFLA_BR_STP_STATE: 5,
  IFLA_BR_VLAN_FILTERING: 7,
  IFLA_BR_MCAST_SNOOPING: 23,
} as const;

/** IFLA_VXLAN_* (<linux/if_link.h>): a vxlan link's IFLA_INFO_DATA. */
export const IFLA_VXLAN = {
  IFLA_VXLAN_ID: 1,
  IFLA_VXLAN_GROUP: 2,
  IFLA_VXLAN_LINK: 3,
  IFLA_VXLAN_LOCAL: 4,
  IFLA_VXLAN_TTL: 5,
  IFLA_VXLAN_LEARNING: 7,
  IFLA_VXLAN_PORT: 15,
  IFLA_VXLAN_GROUP6: 16,
  IFLA_VXLAN_LOCAL6: 17,
} as const;

/** The IANA VXLAN port is 4789; nslab's cables use their own so they never meet a machine's own VXLAN. */
export const NSLAB_VXLAN_PORT = 14789;
/** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14) headers: a cable's MTU is the underlay's minus this. */
export const VXLAN_OVERHEAD_IPV4 = 50;

/** Interface flags (<linux/if.h>). */
export const IFF = {
  IFF_UP: 0x1,
  IFF_BROADCAST: 0x2,
  IFF_LOOPBACK: 0x8,
  IFF_RUNNING: 0x40,
  IFF_MULTICAST: 0x1000,
  IFF_LOWER_UP: 0x10000,
} as const;

/** IFLA_OPERSTATE values (RFC 2863). */
export const OPERSTATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'] as const;

export const IFA = {
  IFA_ADDRESS: 1,
  IFA_LOCAL: 2,
  IFA_LABEL: 3,
  IFA_BROADCAST: 4,
  IFA_CACHEINFO: 6,
  IFA_FLAGS: 8,
} as const;

export const IFA_F = {
  IFA_F_NODAD: 0x02,
  IFA_F_PERMANENT: 0x80,
  IFA_F_NOPREFIXROUTE: 0x200,
} as const;

export const RTA = {
  RTA_DST: 1,
  RTA_SRC: 2,
  RTA_IIF: 3,
  RTA_OIF: 4,
  RTA_GATEWAY: 5,
  RTA_PRIORITY: 6,
  RTA_PREFSRC: 7,
  RTA_METRICS: 8,
  RTA_MULTIPATH: 9,
  RTA_TABLE: 15,
  RTA_VIA: 18,
  RTA_PREF: 20,
} as const;

export const RT_TABLE_MAIN = 254;
export const RTPROT = { RTPROT_KERNEL: 2, RTPROT_BOOT: 3, RTPROT_STATIC: 4 } as const;
export const RT_SCOPE = { RT_SCOPE_UNIVERSE: 0, RT_SCOPE_LINK: 253, RT_SCOPE_HOST: 254, RT_SCOPE_NOWHERE: 255 } as const;
export const RTN = { RTN_UNICAST: 1, RTN_LOCAL: 2 } as const;

/** Multicast groups (enum rtnetlink_groups) for live views. */
export const RTNLGRP = {
  RTNLGRP_LINK: 1,
  RTNLGRP_IPV4_IFADDR: 5,
  RTNLGRP_IPV4_ROUTE: 7,
  RTNLGRP_IPV6_IFADDR: 9,
  RTNLGRP_IPV6_ROUTE: 11,
} as const;

/** IFNAMSIZ less the NUL: the longest interface name the kernel takes. */
export const IFNAMSIZ_MAX = 15;

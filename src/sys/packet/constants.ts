/**
 * AF_PACKET constants under their kernel names (<linux/if_packet.h>,
 * <linux/if_ether.h>, <linux/if_arp.h>), for ./socket.ts, the filter
 * compiler and the graph page's packet summaries.
 */

export const AF_PACKET = 17;
export const SOL_PACKET = 263;
/** Every protocol: what `tcpdump` binds to (in network order in sockaddr_ll). */
export const ETH_P_ALL = 0x0003;

/** ethertypes (<linux/if_ether.h>). */
export const ETH_P = {
  ETH_P_IP: 0x0800,
  ETH_P_ARP: 0x0806,
  ETH_P_RARP: 0x8035,
  ETH_P_IPV6: 0x86dd,
  ETH_P_8021Q: 0x8100,
  ETH_P_8021AD: 0x88a8,
} as const;

/** IP protocol numbers (<netinet/in.h>). */
export const IPPROTO = {
  IPPROTO_ICMP: 1,
  IPPROTO_TCP: 6,
  IPPROTO_UDP: 17,
  IPPROTO_FRAGMENT: 44,
  IPPROTO_ICMPV6: 58,
  IPPROTO_SCTP: 132,
} as const;

/** setsockopt(SOL_PACKET, …) / getsockopt names. */
export const PACKET_SOCKOPT = {
  PACKET_ADD_MEMBERSHIP: 1,
  PACKET_DROP_MEMBERSHIP: 2,
  PACKET_STATISTICS: 6,
} as const;

/** struct packet_mreq mr_type. */
export const PACKET_MR = {
  PACKET_MR_MULTICAST: 0,
  PACKET_MR_PROMISC: 1,
  PACKET_MR_ALLMULTI: 2,
} as const;

/** sockaddr_ll.sll_pkttype: which way a packet went. */
export const PACKET_TYPE = {
  PACKET_HOST: 0,
  PACKET_BROADCAST: 1,
  PACKET_MULTICAST: 2,
  PACKET_OTHERHOST: 3,
  PACKET_OUTGOING: 4,
} as const;

/** sockaddr_ll.sll_hatype: the device's link type. */
export const ARPHRD = {
  ARPHRD_ETHER: 1,
  ARPHRD_LOOPBACK: 772,
  ARPHRD_NONE: 65534,
} as const;

/** sizeof(struct sockaddr_ll). */
export const SOCKADDR_LL_LEN = 20;

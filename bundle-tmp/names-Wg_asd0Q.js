import { existsSync, statSync } from "node:fs";
// dist/rtnl/constants.js
/**
* rtnetlink constants from <linux/rtnetlink.h>, <linux/if_link.h>,
* <linux/if_addr.h>, <linux/veth.h> and <linux/if.h>, under the kernel's names.
*/
const RTM = {
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
	RTM_GETQDISC: 38
};
const IFLA = {
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
	IFLA_PERM_ADDRESS: 54
};
const IFLA_INFO = {
	IFLA_INFO_KIND: 1,
	IFLA_INFO_DATA: 2,
	IFLA_INFO_SLAVE_KIND: 4,
	IFLA_INFO_SLAVE_DATA: 5
};
const IFLA_BR = {
	IFLA_BR_FORWARD_DELAY: 1,
	IFLA_BR_AGEING_TIME: 4,
	IFLA_BR_STP_STATE: 5,
	IFLA_BR_VLAN_FILTERING: 7,
	IFLA_BR_MCAST_SNOOPING: 23
};
/** Interface flags (<linux/if.h>). */
const IFF = {
	IFF_UP: 1,
	IFF_BROADCAST: 2,
	IFF_LOOPBACK: 8,
	IFF_RUNNING: 64,
	IFF_MULTICAST: 4096,
	IFF_LOWER_UP: 65536
};
/** IFLA_OPERSTATE values (RFC 2863). */
const OPERSTATES = [
	"UNKNOWN",
	"NOTPRESENT",
	"DOWN",
	"LOWERLAYERDOWN",
	"TESTING",
	"DORMANT",
	"UP"
];
const IFA = {
	IFA_ADDRESS: 1,
	IFA_LOCAL: 2,
	IFA_LABEL: 3,
	IFA_BROADCAST: 4,
	IFA_CACHEINFO: 6,
	IFA_FLAGS: 8
};
const IFA_F = {
	IFA_F_NODAD: 2,
	IFA_F_PERMANENT: 128,
	IFA_F_NOPREFIXROUTE: 512
};
const RTA = {
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
	RTA_PREF: 20
};
const RTPROT = {
	RTPROT_KERNEL: 2,
	RTPROT_BOOT: 3,
	RTPROT_STATIC: 4
};
const RT_SCOPE = {
	RT_SCOPE_UNIVERSE: 0,
	RT_SCOPE_LINK: 253,
	RT_SCOPE_HOST: 254,
	RT_SCOPE_NOWHERE: 255
};
const RTN = {
	RTN_UNICAST: 1,
	RTN_LOCAL: 2
};
/** Multicast groups (enum rtnetlink_groups) for live views. */
const RTNLGRP = {
	RTNLGRP_LINK: 1,
	RTNLGRP_IPV4_IFADDR: 5,
	RTNLGRP_IPV4_ROUTE: 7,
	RTNLGRP_IPV6_IFADDR: 9,
	RTNLGRP_IPV6_ROUTE: 11
};
// dist/topology/names.js
/** Lab and node names become namespace names, hostnames and cgroup names. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** The named network namespace of a node: `ip netns exec <lab>-<node> …`. */
function namespaceName(lab, node) {
	return `${lab}-${node}`;
}
/** Why an interface name would be refused by the kernel, or undefined if fine. */
function interfaceNameProblem(name) {
	const bytes = new TextEncoder().encode(name).length;
	if (bytes === 0) return "an interface name cannot be empty";
	if (bytes > 15) return `interface name '${name}' is ${bytes} bytes; Linux allows at most 15`;
	if (name === "." || name === "..") return `'${name}' is not a valid interface name`;
	if (/[\s/:]/.test(name)) return `interface name '${name}' may not contain spaces, '/' or ':'`;
	if (name === "lo") return `'lo' is the loopback interface every node already has`;
}
/** Why a lab or node name is unusable, or undefined if fine. */
function nameProblem(what, name) {
	const max = what === "lab" ? 40 : 63;
	if (!NAME_PATTERN.test(name)) return `${what} name '${name}' must start with a letter or digit and contain only letters, digits, '-' and '_' (it becomes part of namespace names)`;
	if (name.length > max) return `${what} name '${name}' is ${name.length} characters; at most ${max}`;
}
/** Whether a command-line argument names a topology file rather than a lab. */
function looksLikeFile(arg) {
	return /\.ya?ml$/i.test(arg) || arg.includes("/") || existsSync(arg) && statSync(arg).isFile();
}
export { RT_SCOPE as _, IFA as a, IFLA as c, OPERSTATES as d, RTA as f, RTPROT as g, RTNLGRP as h, namespaceName as i, IFLA_BR as l, RTN as m, looksLikeFile as n, IFA_F as o, RTM as p, nameProblem as r, IFF as s, interfaceNameProblem as t, IFLA_INFO as u };

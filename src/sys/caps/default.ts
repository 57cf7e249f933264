import type { CapName } from './constants.js';
import type { CapSet } from './set.js';

/**
 * The capabilities a node gets unless its topology says otherwise
 * (`cap-add` / `cap-drop` change it, with Docker's rules).
 *
 * It is Docker's default set, plus NET_ADMIN, minus what would let a node
 * reach beyond itself. Keep in mind what a node is: a process tree running
 * as root in its own network and UTS namespaces, but in the host's PID
 * namespace and on the host's file system. The set bounds what a node can
 * ask of the kernel; it is not a file-system boundary.
 *
 * Granted:
 * - NET_ADMIN: the point of a network lab. Interfaces, addresses, routes,
 *   neighbours, nftables, tc qdiscs, net.* sysctls, all within the node's
 *   own network namespace.
 * - NET_RAW: raw and packet sockets, for ping, traceroute, arping, tcpdump
 *   and DHCP clients.
 * - NET_BIND_SERVICE: servers on ports below 1024 (DNS 53, HTTP 80, BGP
 *   179) when they run as a user other than root.
 * - SETUID, SETGID: daemons that drop to their own user (dnsmasq, FRR,
 *   bird, sshd, chrony). no_new_privs still keeps set-user-ID programs from
 *   gaining anything.
 * - SETPCAP: lets such a daemon trim its own capabilities before and after
 *   it changes user; it never grants one outside this set.
 * - CHOWN, DAC_OVERRIDE, FOWNER, FSETID: root in a node treats files as
 *   root does elsewhere, as in Docker (writing a capture file into a
 *   student's directory, a daemon's pid file, its state directory).
 * - SYS_CHROOT: the privilege-separation chroot of sshd, named, dnsmasq.
 * - AUDIT_WRITE: login and sshd write an audit record, and refuse a login
 *   when they cannot.
 *
 * Left out although Docker grants them:
 * - KILL: nodes share the host's PID namespace, so KILL would let a node
 *   signal every process on the machine, not only its own. `down` kills a
 *   node's processes through its cgroup.
 * - MKNOD: device nodes created on the host's file system (a raw disk, a
 *   memory device) outlive the node and bypass everything else.
 * - SETFCAP: file capabilities written on the host's file system outlive
 *   the node and hand any capability to whoever runs the file later.
 *
 * Never by default (add them by name if a lab really needs one):
 * SYS_ADMIN (mount, namespaces, and much more), SYS_MODULE, SYS_PTRACE
 * (other processes on the host), SYS_RAWIO, SYS_BOOT, SYS_TIME, BPF,
 * PERFMON, SYS_RESOURCE, IPC_LOCK, LINUX_IMMUTABLE, MAC_*, AUDIT_CONTROL,
 * DAC_READ_SEARCH, SYSLOG, CHECKPOINT_RESTORE and the rest.
 */
export const DEFAULT_NODE_CAPS: CapSet = new Set<CapName>([
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_FSETID',
  'CAP_SETGID',
  'CAP_SETUID',
  'CAP_SETPCAP',
  'CAP_NET_BIND_SERVICE',
  'CAP_NET_ADMIN',
  'CAP_NET_RAW',
  'CAP_SYS_CHROOT',
  'CAP_AUDIT_WRITE',
]);

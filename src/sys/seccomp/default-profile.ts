import { CLONE_NS } from './constants.js';
import { ALLOW, SCMP_CMP, errno, type Policy, type Rule } from './policy.js';

/**
 * The seccomp profile every lab node gets unless the topology says
 * `seccomp: unconfined` or names a file. A lab node is a set of ordinary
 * host processes in their own network and UTS namespaces: they share the
 * host's filesystem, PID namespace and kernel. This profile allows
 * everything network work needs and refuses, with EPERM, the system calls
 * that would let a node leave its namespaces, change the machine, or reach
 * the kernel's riskiest interfaces. It is a deny list: calls not named here
 * are allowed.
 */

const EPERM = 1;
/** asm-generic/ioctls.h (x86_64 and aarch64 alike). */
const TIOCSTI = 0x5412;
const TIOCLINUX = 0x541c;
const ENOSYS = 38;

/** Every namespace flag clone(2) takes (CLONE_NEWTIME is clone3/unshare only: 0x80 is the exit signal in clone). */
const CLONE_NS_FLAGS =
  CLONE_NS.CLONE_NEWNS | CLONE_NS.CLONE_NEWCGROUP | CLONE_NS.CLONE_NEWUTS | CLONE_NS.CLONE_NEWIPC |
  CLONE_NS.CLONE_NEWUSER | CLONE_NS.CLONE_NEWPID | CLONE_NS.CLONE_NEWNET;
const UNSHARE_NS_FLAGS = CLONE_NS_FLAGS | CLONE_NS.CLONE_NEWTIME;

const deny = (origin: string, names: string[]): Rule => ({ names, action: errno(EPERM), origin });

export const DEFAULT_PROFILE_RULES: readonly Rule[] = [
  // Mounts. The node sees the host's filesystem: a mount (or a detached
  // tree attached with move_mount) could cover files the host relies on or
  // expose ones it hides; chroot and pivot_root, with a directory fd kept
  // open, are the classic way out of a restricted root.
  deny('default profile: mounts', [
    'mount', 'umount', 'umount2', 'fsopen', 'fsconfig', 'fsmount', 'fspick', 'move_mount',
    'open_tree', 'open_tree_attr', 'mount_setattr', 'pivot_root', 'chroot',
  ]),

  // Namespaces. setns() could move into the host's namespaces (through
  // /proc/1/ns/*), leaving the node's network. A new user namespace hands a
  // process every capability over the namespaces it then makes, the usual
  // first step of kernel exploits, and new mount/net namespaces would let a
  // node hide from nslab's teardown. unshare() and clone() stay allowed
  // without namespace flags (threads, fork, unshare(CLONE_FILES)).
  deny('default profile: namespaces', ['setns']),
  {
    names: ['unshare'],
    action: ALLOW,
    args: [{ index: 0, op: SCMP_CMP.SCMP_CMP_MASKED_EQ, value: BigInt(UNSHARE_NS_FLAGS), valueTwo: 0n }],
    origin: 'default profile: unshare without namespace flags',
  },
  deny('default profile: unshare with namespace flags', ['unshare']),
  // clone's flags are its first argument on x86_64 and aarch64 (s390 differs).
  {
    names: ['clone'],
    action: ALLOW,
    args: [{ index: 0, op: SCMP_CMP.SCMP_CMP_MASKED_EQ, value: BigInt(CLONE_NS_FLAGS), valueTwo: 0n }],
    origin: 'default profile: clone without namespace flags',
  },
  deny('default profile: clone with namespace flags', ['clone']),
  // clone3 passes its flags in a struct a filter cannot read. ENOSYS makes
  // glibc fall back to clone(), which is checked above (Docker does the same).
  { names: ['clone3'], action: errno(ENOSYS), origin: 'default profile: clone3 falls back to clone' },

  // Kernel code: loading modules or booting another kernel is the machine's
  // whole kernel, not the node's.
  deny('default profile: kernel modules and kexec', [
    'init_module', 'finit_module', 'delete_module', 'kexec_load', 'kexec_file_load',
  ]),

  // The machine's own state, shared by every node and the host: power,
  // swap, the clock, process accounting, the kernel log, disk quotas.
  deny('default profile: machine state', [
    'reboot', 'swapon', 'swapoff',
    'settimeofday', 'clock_settime', 'clock_adjtime', 'adjtimex',
    'acct', 'syslog', 'quotactl', 'quotactl_fd',
  ]),

  // Large kernel attack surface a network node does not need: eBPF and perf
  // (kernel programs and counters; tc/XDP programs are loaded by nslab, not
  // inside nodes), userfaultfd (widens race windows in exploits), io_uring
  // (does I/O without system calls, so without this filter), the kernel
  // keyring (not namespaced), lookup_dcookie (kernel profiling).
  deny('default profile: kernel attack surface', [
    'bpf', 'perf_event_open', 'userfaultfd',
    'io_uring_setup', 'io_uring_enter', 'io_uring_register',
    'keyctl', 'add_key', 'request_key', 'lookup_dcookie',
  ]),

  // Other processes. Nodes share the host's PID namespace, so these would
  // reach host processes of the same user: read or write their memory, take
  // their file descriptors.
  deny('default profile: other processes', ['ptrace', 'process_vm_readv', 'process_vm_writev', 'pidfd_getfd']),

  // Files by handle bypass path lookup, and with it every directory
  // permission and mount boundary ("shocker"); fanotify watches whole
  // filesystems.
  deny('default profile: files by handle', ['open_by_handle_at', 'name_to_handle_at', 'fanotify_init']),

  // Terminal input injection: TIOCSTI pushes characters into a terminal's
  // input queue, and `nslab exec` hands the user's own terminal to the node,
  // so a node could type commands into the user's shell once exec returns;
  // TIOCLINUX subcode 2 (selection paste) does the same on a console. The
  // kernel reads the request as 32 bits, so only those are compared.
  {
    names: ['ioctl'],
    action: errno(EPERM),
    args: [{ index: 1, op: SCMP_CMP.SCMP_CMP_MASKED_EQ, value: 0xffffffffn, valueTwo: BigInt(TIOCSTI) }],
    origin: 'default profile: terminal input injection (TIOCSTI)',
  },
  {
    names: ['ioctl'],
    action: errno(EPERM),
    args: [{ index: 1, op: SCMP_CMP.SCMP_CMP_MASKED_EQ, value: 0xffffffffn, valueTwo: BigInt(TIOCLINUX) }],
    origin: 'default profile: terminal input injection (TIOCLINUX)',
  },

  // x86 I/O ports: direct hardware access.
  deny('default profile: I/O ports', ['iopl', 'ioperm']),
];

export const DEFAULT_PROFILE: Policy = {
  defaultAction: ALLOW,
  rules: DEFAULT_PROFILE_RULES,
  source: 'default profile',
};

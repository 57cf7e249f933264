/**
 * Capability numbers from /usr/include/linux/capability.h, under the
 * kernel's own names. The running kernel may know fewer (or more): read
 * /proc/sys/kernel/cap_last_cap before acting on a set.
 */
export const CAP = {
  CAP_CHOWN: 0,
  CAP_DAC_OVERRIDE: 1,
  CAP_DAC_READ_SEARCH: 2,
  CAP_FOWNER: 3,
  CAP_FSETID: 4,
  CAP_KILL: 5,
  CAP_SETGID: 6,
  CAP_SETUID: 7,
  CAP_SETPCAP: 8,
  CAP_LINUX_IMMUTABLE: 9,
  CAP_NET_BIND_SERVICE: 10,
  CAP_NET_BROADCAST: 11,
  CAP_NET_ADMIN: 12,
  CAP_NET_RAW: 13,
  CAP_IPC_LOCK: 14,
  CAP_IPC_OWNER: 15,
  CAP_SYS_MODULE: 16,
  CAP_SYS_RAWIO: 17,
  CAP_SYS_CHROOT: 18,
  CAP_SYS_PTRACE: 19,
  CAP_SYS_PACCT: 20,
  CAP_SYS_ADMIN: 21,
  CAP_SYS_BOOT: 22,
  CAP_SYS_NICE: 23,
  CAP_SYS_RESOURCE: 24,
  CAP_SYS_TIME: 25,
  CAP_SYS_TTY_CONFIG: 26,
  CAP_MKNOD: 27,
  CAP_LEASE: 28,
  CAP_AUDIT_WRITE: 29,
  CAP_AUDIT_CONTROL: 30,
  CAP_SETFCAP: 31,
  CAP_MAC_OVERRIDE: 32,
  CAP_MAC_ADMIN: 33,
  CAP_SYSLOG: 34,
  CAP_WAKE_ALARM: 35,
  CAP_BLOCK_SUSPEND: 36,
  CAP_AUDIT_READ: 37,
  CAP_PERFMON: 38,
  CAP_BPF: 39,
  CAP_CHECKPOINT_RESTORE: 40,
} as const;

export type CapName = keyof typeof CAP;

/** CAP_LAST_CAP as the header knows it. */
export const CAP_LAST_CAP = CAP.CAP_CHECKPOINT_RESTORE;

/** Every name, in kernel number order. */
export const CAP_NAMES: readonly CapName[] = (Object.keys(CAP) as CapName[]).sort((a, b) => CAP[a] - CAP[b]);

/** _LINUX_CAPABILITY_VERSION_3: two 32-bit words per set. */
export const _LINUX_CAPABILITY_VERSION_3 = 0x20080522;

/** prctl(2) options from /usr/include/linux/prctl.h. */
export const PR = {
  PR_SET_KEEPCAPS: 8,
  PR_CAPBSET_READ: 23,
  PR_CAPBSET_DROP: 24,
  PR_CAP_AMBIENT: 47,
  PR_CAP_AMBIENT_IS_SET: 1,
  PR_CAP_AMBIENT_RAISE: 2,
  PR_CAP_AMBIENT_LOWER: 3,
  PR_CAP_AMBIENT_CLEAR_ALL: 4,
} as const;

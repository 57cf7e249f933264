import { arch as nodeArch } from 'node:process';
import { AUDIT_ARCH } from './constants.js';
import { SYSCALLS_AARCH64 } from './tables/aarch64.js';
import { SYSCALLS_I386 } from './tables/i386.js';
import { SYSCALLS_X86_64 } from './tables/x86_64.js';

/** The architectures nslab compiles filters for. */
export type ArchName = 'x86_64' | 'aarch64';

export interface Arch {
  readonly name: ArchName;
  /** seccomp_data.arch for this calling convention. */
  readonly auditArch: number;
  /** System call numbers by name. */
  readonly syscalls: Readonly<Record<string, number>>;
  /** x86_64 only: x32 calls arrive with this bit set in nr, and are refused. */
  readonly x32Bit?: number;
  /** How libseccomp (SCMP_ARCH_*) and Docker (Go's GOARCH) spell it. */
  readonly scmpName: string;
  readonly goArch: string;
}

export const ARCHES: Readonly<Record<ArchName, Arch>> = {
  x86_64: {
    name: 'x86_64',
    auditArch: AUDIT_ARCH.AUDIT_ARCH_X86_64,
    syscalls: SYSCALLS_X86_64,
    x32Bit: 0x40000000,
    scmpName: 'SCMP_ARCH_X86_64',
    goArch: 'amd64',
  },
  aarch64: {
    name: 'aarch64',
    auditArch: AUDIT_ARCH.AUDIT_ARCH_AARCH64,
    syscalls: SYSCALLS_AARCH64,
    scmpName: 'SCMP_ARCH_AARCH64',
    goArch: 'arm64',
  },
};

/** The architecture this process runs as, if nslab supports it. */
export function hostArch(): ArchName | undefined {
  if (nodeArch === 'x64') return 'x86_64';
  if (nodeArch === 'arm64') return 'aarch64';
  return undefined;
}

/** System call number of name on arch, or undefined if arch has no such call. */
export function syscallNumber(arch: ArchName, name: string): number | undefined {
  const table = ARCHES[arch].syscalls;
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

const byNumber = new Map<ArchName, Map<number, string>>();

/** Name of system call nr on arch, or undefined. */
export function syscallName(arch: ArchName, nr: number): string | undefined {
  let m = byNumber.get(arch);
  if (!m) {
    m = new Map(Object.entries(ARCHES[arch].syscalls).map(([n, v]) => [v, n]));
    byNumber.set(arch, m);
  }
  return m.get(nr);
}

/**
 * Calls that exist only on architectures nslab does not compile for, but
 * that real profiles (Docker's, containerd's, Podman's) name. Knowing them
 * lets such a profile load: they are skipped, as libseccomp skips a name its
 * target architecture lacks. Names from the kernel's syscall tables for arm,
 * powerpc, s390, riscv, mips, m68k and sparc.
 */
const OTHER_ARCH_SYSCALLS = [
  // arm (32-bit)
  'arm_fadvise64_64', 'arm_sync_file_range', 'breakpoint', 'cacheflush', 'set_tls', 'usr26', 'usr32',
  'recv', 'send', 'pciconfig_iobase', 'pciconfig_read', 'pciconfig_write', 'get_tls',
  // powerpc
  'sync_file_range2', 'swapcontext', 'subpage_prot', 'rtas', 'sys_debug_setcontext', 'switch_endian',
  'multiplexer', 'spu_create', 'spu_run',
  // s390
  's390_pci_mmio_read', 's390_pci_mmio_write', 's390_runtime_instr', 's390_guarded_storage', 's390_sthyi',
  // riscv
  'riscv_flush_icache', 'riscv_hwprobe',
  // mips
  'cachectl', 'sysmips',
  // m68k
  'atomic_barrier', 'atomic_cmpxchg_32',
  // sparc
  'kern_features', 'utrap_install', 'getpagesize',
];

const KNOWN = new Set<string>([
  ...Object.keys(SYSCALLS_X86_64),
  ...Object.keys(SYSCALLS_AARCH64),
  ...Object.keys(SYSCALLS_I386),
  ...OTHER_ARCH_SYSCALLS,
]);

/** Whether name is a Linux system call on some architecture (a typo is not). */
export function isKnownSyscall(name: string): boolean {
  return KNOWN.has(name);
}

/** Parse an architecture as libseccomp, Docker/Go or uname spell it; undefined for others. */
export function parseArchName(text: string): ArchName | undefined {
  for (const a of Object.values(ARCHES)) {
    if (text === a.name || text === a.scmpName || text === a.goArch) return a.name;
  }
  return undefined;
}

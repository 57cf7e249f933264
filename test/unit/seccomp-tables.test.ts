import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ARCHES, isKnownSyscall, parseArchName, syscallName, syscallNumber } from '../../src/sys/seccomp/arch.js';

const TABLES = fileURLToPath(new URL('../../src/sys/seccomp/tables/', import.meta.url));

describe('system call tables', () => {
  // Numbers from the kernel's syscall_64.tbl and scripts/syscall.tbl.
  const known: [keyof typeof ARCHES, string, number][] = [
    ['x86_64', 'read', 0],
    ['x86_64', 'getpid', 39],
    ['x86_64', 'clone', 56],
    ['x86_64', 'mount', 165],
    ['x86_64', 'umount2', 166],
    ['x86_64', 'iopl', 172],
    ['x86_64', 'unshare', 272],
    ['x86_64', 'setns', 308],
    ['x86_64', 'seccomp', 317],
    ['x86_64', 'uretprobe', 335],
    ['x86_64', 'clone3', 435],
    ['x86_64', 'open_tree_attr', 467],
    ['aarch64', 'io_setup', 0],
    ['aarch64', 'umount2', 39],
    ['aarch64', 'mount', 40],
    ['aarch64', 'newfstatat', 79],
    ['aarch64', 'unshare', 97],
    ['aarch64', 'getpid', 172],
    ['aarch64', 'clone', 220],
    ['aarch64', 'setns', 268],
    ['aarch64', 'seccomp', 277],
    ['aarch64', 'clone3', 435],
    ['aarch64', 'memfd_secret', 447],
    ['aarch64', 'file_setattr', 469],
  ];
  for (const [arch, name, nr] of known) {
    it(`${arch}: ${name} is ${nr} both ways`, () => {
      expect(syscallNumber(arch, name)).toBe(nr);
      expect(syscallName(arch, nr)).toBe(name);
    });
  }

  it('aarch64 has none of the legacy calls the generic table leaves out', () => {
    for (const name of ['open', 'fork', 'umount', 'iopl', 'arch_prctl', 'uretprobe', 'time']) {
      expect(syscallNumber('aarch64', name), name).toBeUndefined();
    }
  });

  it('maps each number to one name (no duplicates)', () => {
    for (const arch of Object.values(ARCHES)) {
      const nrs = Object.values(arch.syscalls);
      expect(new Set(nrs).size, arch.name).toBe(nrs.length);
    }
  });

  it('does not take inherited object properties for system calls', () => {
    expect(syscallNumber('x86_64', 'constructor')).toBeUndefined();
    expect(syscallNumber('x86_64', '__proto__')).toBeUndefined();
    expect(isKnownSyscall('toString')).toBe(false);
  });

  it('knows calls of other architectures that real profiles name, but not typos', () => {
    for (const name of ['chown32', 'socketcall', '_llseek', 'set_tls', 'cacheflush', 's390_runtime_instr', 'riscv_flush_icache', 'swapcontext']) {
      expect(isKnownSyscall(name), name).toBe(true);
    }
    for (const name of ['mountt', 'getpid ', 'GETPID', '']) expect(isKnownSyscall(name), name).toBe(false);
  });

  it('parses architecture names as libseccomp, Docker and uname spell them', () => {
    expect(['SCMP_ARCH_X86_64', 'amd64', 'x86_64'].map(parseArchName)).toEqual(['x86_64', 'x86_64', 'x86_64']);
    expect(['SCMP_ARCH_AARCH64', 'arm64', 'aarch64'].map(parseArchName)).toEqual(['aarch64', 'aarch64', 'aarch64']);
    expect(['SCMP_ARCH_X86', 'x32', 'arm', 's390x'].map(parseArchName)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('the generated tables', () => {
  const header = readFileSync(`${TABLES}x86_64.ts`, 'utf8');
  const version = /from linux-libc-dev (\S+),/.exec(header)?.[1];
  const installed = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'linux-libc-dev'], { encoding: 'utf8' });
  const gcc = spawnSync('gcc', ['--version'], { encoding: 'utf8' });
  const reason =
    gcc.status !== 0 ? 'gcc is not installed' : installed.stdout !== version ? `linux-libc-dev here is ${installed.stdout || 'absent'}, the tables come from ${version}` : '';

  it.skipIf(reason !== '')(`match what generate.mjs makes from the kernel headers${reason ? ` (skipped: ${reason})` : ''}`, () => {
    const r = spawnSync(process.execPath, [`${TABLES}generate.mjs`, '--check'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });
});

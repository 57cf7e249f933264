import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readableNodeModules } from '../helpers/readable.js';
import { ROOT, transpileTree } from '../helpers/transpile.js';
import { hostArch } from '../../src/sys/seccomp/arch.js';
import { encodeProgram } from '../../src/bpf/insn.js';
import { compilePolicy } from '../../src/sys/seccomp/compile.js';
import { DEFAULT_PROFILE } from '../../src/sys/seccomp/default-profile.js';

/**
 * Filters in the kernel. A filter confines its process for good, so each
 * case runs test/integration/fixtures/seccomp-child.mjs, which sets
 * no_new_privs, installs a filter with installFilter() and reports what its
 * system calls (and the programs it spawns: util-linux unshare and mount)
 * got. The seccomp code is transpiled from src/ into a temp directory.
 */
const CHILD_SOURCE = fileURLToPath(new URL('./fixtures/seccomp-child.mjs', import.meta.url));
/** The child script, copied into the work directory beside its node_modules (readable by uid 65534 even from a 0700 checkout). */
let CHILD = '';
const INT80 = fileURLToPath(new URL('./fixtures/seccomp-int80.c', import.meta.url));
const isRoot = process.getuid?.() === 0;
const EPERM = 1;
const ENOSYS = 38;
let work = '';
let target = '';

interface Report {
  installError?: { name: string; errnoName: string; message: string };
  instructions?: number;
  longJumps?: number;
  status: Record<string, string>;
  mode: number;
  results: Record<string, { rc: number; errno: number }>;
  spawned: { argv: string[]; status: number | null; signal: string | null; stderr: string }[];
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}


/** Run the child with no core dump (a killed child would leave one); prefix runs it under another program (setpriv). */
function child(spec: object, prefix: string[] = []): Run {
  const r = spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$@"', 'sh', ...prefix, process.execPath, CHILD, work, JSON.stringify(spec)], {
    encoding: 'utf8',
    timeout: 30_000,
    cwd: work,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function report(spec: object, prefix: string[] = []): Report {
  const r = child(spec, prefix);
  expect(r.status, `child failed (signal ${r.signal}): ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

function sh(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const mounted = (): boolean => readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${target} `);

describe.skipIf(!isRoot || !hostArch())('seccomp filters in the kernel', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), `nslab-seccomp-${process.pid}-`));
    transpileTree(join(ROOT, 'src/sys/seccomp/index.ts'), work);
    readableNodeModules(work); // the child may run as uid 65534, even from a 0700 checkout
    CHILD = join(work, 'seccomp-child.mjs');
    copyFileSync(CHILD_SOURCE, CHILD);
    target = join(work, 'mnt');
    mkdirSync(target);
  });

  afterAll(() => {
    // Nothing should have been mounted; if a filter failed open, undo it.
    if (target && mounted()) sh('umount', ['-l', target]);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('the default profile: Seccomp 2 and no_new_privs in /proc, namespaces and mounts refused with EPERM, other calls work', () => {
    const r = report({
      filter: 'default',
      target,
      actions: ['unshare-net', 'setns', 'mount-tmpfs', 'clone3', 'unshare-files', 'getpid'],
      spawn: [['unshare', '-n', 'true'], ['mount', '-t', 'tmpfs', 'nslab-seccomp-test', target], ['/bin/true']],
    });
    expect(r.status).toEqual({ NoNewPrivs: '1', Seccomp: '2', Seccomp_filters: '1' });
    expect(r.mode).toBe(2);
    expect(r.results['unshare-net']).toEqual({ rc: -1, errno: EPERM });
    expect(r.results.setns).toEqual({ rc: -1, errno: EPERM });
    expect(r.results['mount-tmpfs']).toEqual({ rc: -1, errno: EPERM });
    expect(r.results.clone3).toEqual({ rc: -1, errno: ENOSYS });
    expect(r.results['unshare-files']).toEqual({ rc: 0, errno: 0 });
    expect(r.results.getpid?.rc).toBeGreaterThan(0);
    const [unshare, mount, ok] = r.spawned;
    // The filter is inherited by what the process runs (fork worked: clone without namespace flags).
    expect(unshare?.status).not.toBe(0);
    expect(unshare?.stderr).toMatch(/Operation not permitted/);
    expect(mount?.status).not.toBe(0);
    expect(mount?.stderr).toMatch(/not permitted|permission denied/i);
    expect(ok?.status).toBe(0);
    expect(mounted()).toBe(false);
  });

  it('the same calls work without the filter (so the refusals above are the filter’s)', () => {
    const r = report({ filter: 'none', actions: ['clone3', 'unshare-files', 'getpid'], spawn: [['unshare', '-n', 'true'], ['unshare', '-m', 'mount', '-t', 'tmpfs', 'x', target]] });
    expect(r.status).toMatchObject({ NoNewPrivs: '1', Seccomp: '0' });
    expect(r.results.clone3?.errno).not.toBe(ENOSYS); // the kernel has clone3 (EINVAL for a NULL/0 struct)
    expect(r.spawned.map((s) => [s.status, s.stderr])).toEqual([[0, ''], [0, '']]);
    expect(mounted()).toBe(false); // that mount was in its own mount namespace
  });

  it('kills the process for an x32 system call (SIGSYS)', () => {
    const r = child({ filter: 'default', actions: ['getpid', 'x32-getpid'] });
    expect(r.signal).toBe('SIGSYS');
    expect(r.stdout).toBe('');
  });

  it('a program with long jumps (hundreds of calls, two architectures) is accepted and decides right', () => {
    const r = report({ filter: 'big', actions: ['getpid', 'getppid'] });
    expect(r.instructions).toBeGreaterThan(600);
    expect(r.longJumps).toBeGreaterThan(0);
    expect(r.status.Seccomp).toBe('2');
    expect(r.results.getpid?.rc).toBeGreaterThan(0);
    expect(r.results.getppid).toEqual({ rc: -1, errno: 77 });
  });

  it('a Docker/OCI JSON profile named by path', () => {
    const file = join(work, 'profile.json');
    writeFileSync(
      file,
      JSON.stringify({
        defaultAction: 'SCMP_ACT_ALLOW',
        architectures: ['SCMP_ARCH_X86_64', 'SCMP_ARCH_AARCH64'],
        syscalls: [
          { names: ['unshare'], action: 'SCMP_ACT_ERRNO', errnoRet: 13, args: [{ index: 0, value: 0x40000000, valueTwo: 0x40000000, op: 'SCMP_CMP_MASKED_EQ' }] },
          { names: ['getppid'], action: 'SCMP_ACT_ERRNO', errnoRet: 42 },
        ],
      }),
    );
    const r = report({ filter: { profile: file }, actions: ['unshare-net', 'unshare-files', 'getppid', 'getpid'] });
    expect(r.status.Seccomp).toBe('2');
    expect(r.results['unshare-net']).toEqual({ rc: -1, errno: 13 });
    expect(r.results['unshare-files']).toEqual({ rc: 0, errno: 0 });
    expect(r.results.getppid).toEqual({ rc: -1, errno: 42 });
  });

  it('a filter the kernel refuses is an error naming the errno and why', () => {
    const r = report({ filter: 'invalid' });
    expect(r.installError).toEqual({
      name: 'SyscallError',
      errnoName: 'EINVAL',
      message: 'seccomp(SECCOMP_SET_MODE_FILTER) of 2 instructions failed: EINVAL (the kernel refused the filter program or the flags)',
    });
    expect(r.status.Seccomp).toBe('0');
  });

  it('without no_new_privs or CAP_SYS_ADMIN the kernel says EACCES, and the message says what is missing', (ctx) => {
    if (sh('setpriv', ['--version']).status !== 0) ctx.skip('setpriv (util-linux) is not installed');
    chmodSync(work, 0o755);
    const r = report({ filter: 'default', noNewPrivs: false }, ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', '--bounding-set=-all']);
    expect(r.installError?.errnoName).toBe('EACCES');
    expect(r.installError?.message).toMatch(/needs no_new_privs set, or CAP_SYS_ADMIN/);
    expect(r.status).toMatchObject({ NoNewPrivs: '0', Seccomp: '0' });
  });

  describe.skipIf(hostArch() !== 'x86_64')('a foreign architecture (i386 int $0x80 on x86_64)', () => {
    let bin = '';
    let skip = '';
    beforeAll(() => {
      bin = join(work, 'int80');
      const cc = sh('gcc', ['-O1', '-o', bin, INT80]);
      if (cc.status !== 0) skip = `gcc could not build the helper: ${cc.stderr || 'gcc missing'}`;
      else if (sh(bin, ['-']).status !== 0) skip = 'this kernel runs no i386 system calls (no IA32 emulation)';
    });

    it('is killed by the filter (SIGSYS), not let through', (ctx) => {
      if (skip) ctx.skip(skip);
      const file = join(work, 'default.bpf');
      writeFileSync(file, encodeProgram(compilePolicy(DEFAULT_PROFILE).program));
      const r = spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$@"', 'sh', bin, file], { encoding: 'utf8', timeout: 20_000, cwd: work });
      expect(r.signal, r.stdout + r.stderr).toBe('SIGSYS');
    });
  });
});

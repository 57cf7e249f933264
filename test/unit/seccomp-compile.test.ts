import { describe, expect, it } from 'vitest';
import { ARCHES, syscallNumber, type ArchName } from '../../src/sys/seccomp/arch.js';
import { compilePolicy } from '../../src/sys/seccomp/compile.js';
import { AUDIT_ARCH, CLONE_NS } from '../../src/sys/seccomp/constants.js';
import { DEFAULT_PROFILE } from '../../src/sys/seccomp/default-profile.js';
import { checkSeccompFilter, describeResult, runFilter } from '../../src/sys/seccomp/interpret.js';
import { ALLOW, SCMP_CMP, errno, type Action, type CmpOp, type Policy } from '../../src/sys/seccomp/policy.js';
import { EDGE_VALUES, cmpHolds, decide, expected, reference } from '../helpers/seccomp.js';

const BOTH: ArchName[] = ['x86_64', 'aarch64'];
const EPERM = { action: 'errno', data: 1 };
const ALLOWED = { action: 'allow', data: 0 };
const KILL = { action: 'kill_process', data: 0 };

const SIGCHLD = 17n;
const PTHREAD_FLAGS = 0x3d0f00n; // CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID

describe('the default profile', () => {
  const filter = compilePolicy(DEFAULT_PROFILE, { arches: BOTH });

  it('is a program the kernel would accept', () => {
    expect(() => checkSeccompFilter(filter.program)).not.toThrow();
    expect(filter.warnings).toEqual([]);
  });

  // (system call, args) → action, on both architectures.
  const table: [string, bigint[], object][] = [
    ['mount', [], EPERM],
    ['umount2', [], EPERM],
    ['fsopen', [], EPERM],
    ['fsconfig', [], EPERM],
    ['fsmount', [], EPERM],
    ['fspick', [], EPERM],
    ['move_mount', [], EPERM],
    ['open_tree', [], EPERM],
    ['open_tree_attr', [], EPERM],
    ['mount_setattr', [], EPERM],
    ['pivot_root', [], EPERM],
    ['chroot', [], EPERM],
    ['setns', [], EPERM],
    ['unshare', [BigInt(CLONE_NS.CLONE_NEWNET)], EPERM],
    ['unshare', [BigInt(CLONE_NS.CLONE_NEWUSER | CLONE_NS.CLONE_NEWNS)], EPERM],
    ['unshare', [BigInt(CLONE_NS.CLONE_NEWTIME)], EPERM],
    ['unshare', [0x400n], ALLOWED], // CLONE_FILES
    ['unshare', [0n], ALLOWED],
    ['clone', [SIGCHLD], ALLOWED], // fork()
    ['clone', [PTHREAD_FLAGS], ALLOWED], // pthread_create()
    ['clone', [0x80n], ALLOWED], // exit signal 128, not CLONE_NEWTIME
    ['clone', [0xffffffff_00000000n | SIGCHLD], ALLOWED], // the high word is not flags
    ['clone', [BigInt(CLONE_NS.CLONE_NEWNET) | SIGCHLD], EPERM],
    ['clone', [BigInt(CLONE_NS.CLONE_NEWPID)], EPERM],
    ['clone', [BigInt(CLONE_NS.CLONE_NEWCGROUP)], EPERM],
    ['clone3', [], { action: 'errno', data: 38 }],
    ['init_module', [], EPERM],
    ['finit_module', [], EPERM],
    ['delete_module', [], EPERM],
    ['kexec_load', [], EPERM],
    ['kexec_file_load', [], EPERM],
    ['reboot', [], EPERM],
    ['swapon', [], EPERM],
    ['swapoff', [], EPERM],
    ['bpf', [], EPERM],
    ['perf_event_open', [], EPERM],
    ['keyctl', [], EPERM],
    ['add_key', [], EPERM],
    ['request_key', [], EPERM],
    ['ptrace', [], EPERM],
    ['process_vm_writev', [], EPERM],
    ['pidfd_getfd', [], EPERM],
    ['open_by_handle_at', [], EPERM],
    ['name_to_handle_at', [], EPERM],
    ['userfaultfd', [], EPERM],
    ['io_uring_setup', [], EPERM],
    ['settimeofday', [], EPERM],
    ['clock_settime', [], EPERM],
    ['adjtimex', [], EPERM],
    ['acct', [], EPERM],
    ['lookup_dcookie', [], EPERM],
    ['quotactl', [], EPERM],
    ['syslog', [], EPERM],
    // What a network node needs.
    ['read', [], ALLOWED],
    ['openat', [], ALLOWED],
    ['socket', [16n, 3n, 0n], ALLOWED],
    ['sendmsg', [], ALLOWED],
    ['setsockopt', [], ALLOWED],
    ['execve', [], ALLOWED],
    ['sethostname', [], ALLOWED], // the node has its own UTS namespace
    ['exit_group', [], ALLOWED],
    ['seccomp', [], ALLOWED], // more filters only narrow
  ];
  for (const arch of BOTH) {
    for (const [name, args, want] of table) {
      it(`${arch}: ${name}(${args.map((a) => `0x${a.toString(16)}`).join(', ')}) → ${JSON.stringify(want)}`, () => {
        expect(decide(filter.program, arch, name, args)).toEqual(want);
      });
    }
  }

  it('x86_64: iopl and ioperm are refused; aarch64 has neither and skips them', () => {
    expect(decide(filter.program, 'x86_64', 'iopl')).toEqual(EPERM);
    expect(decide(filter.program, 'x86_64', 'ioperm')).toEqual(EPERM);
    expect(filter.skipped).toContainEqual(expect.objectContaining({ arch: 'aarch64', name: 'iopl' }));
  });

  it('kills the process for a foreign architecture instead of falling through', () => {
    for (const arch of [AUDIT_ARCH.AUDIT_ARCH_I386, AUDIT_ARCH.AUDIT_ARCH_ARM, 0, 0xffffffff]) {
      for (const nr of [0, 20, 21, 172]) {
        expect(describeResult(runFilter(filter.program, { nr, arch }))).toEqual(KILL);
      }
    }
  });

  it('kills an architecture the filter was not built for', () => {
    const x86only = compilePolicy(DEFAULT_PROFILE, { arches: ['x86_64'] });
    expect(describeResult(runFilter(x86only.program, { nr: 63, arch: AUDIT_ARCH.AUDIT_ARCH_AARCH64 }))).toEqual(KILL);
    expect(decide(x86only.program, 'x86_64', 'getpid')).toEqual(ALLOWED);
  });

  it('x86_64: kills x32 calls (nr with bit 30), even ones x86_64 allows', () => {
    const x32 = (nr: number): object => describeResult(runFilter(filter.program, { nr: (0x40000000 | nr) >>> 0, arch: AUDIT_ARCH.AUDIT_ARCH_X86_64 }));
    expect(x32(39)).toEqual(KILL); // getpid
    expect(x32(165)).toEqual(KILL); // mount
    expect(x32(512)).toEqual(KILL); // x32 rt_sigaction
    expect(describeResult(runFilter(filter.program, { nr: 0x7fffffff, arch: AUDIT_ARCH.AUDIT_ARCH_X86_64 }))).toEqual(KILL);
  });

  it('x86_64: nr -1 (a tracer skipping a call) gets the default action, not the x32 kill', () => {
    expect(describeResult(runFilter(filter.program, { nr: -1, arch: AUDIT_ARCH.AUDIT_ARCH_X86_64 }))).toEqual(ALLOWED);
  });

  it('aarch64 has no x32 bit: a large nr gets the default action', () => {
    expect(describeResult(runFilter(filter.program, { nr: 0x40000027, arch: AUDIT_ARCH.AUDIT_ARCH_AARCH64 }))).toEqual(ALLOWED);
  });

  it('decides every system call number as the policy says (dispatch tree)', () => {
    for (const arch of BOTH) {
      for (let nr = 0; nr < 600; nr++) {
        for (const a0 of [0n, SIGCHLD, BigInt(CLONE_NS.CLONE_NEWNET)]) {
          const got = describeResult(runFilter(filter.program, { nr, arch: ARCHES[arch].auditArch, args: [a0] }));
          expect(got, `${arch} nr ${nr} arg0 ${a0}`).toEqual(expected(reference(DEFAULT_PROFILE, ARCHES[arch].auditArch, nr, [a0], { arches: BOTH })));
        }
      }
    }
  });
});

describe('argument comparisons on 64-bit values', () => {
  const ops: CmpOp[] = ['SCMP_CMP_EQ', 'SCMP_CMP_NE', 'SCMP_CMP_LT', 'SCMP_CMP_LE', 'SCMP_CMP_GT', 'SCMP_CMP_GE'];
  const pivots = [0n, 1n, 0xffffffffn, 0x1_00000000n, 0x1_00000001n, 0x80000000_00000000n, 0xffffffff_ffffffffn];

  for (const op of ops) {
    it(`${op}: matches exactly where the 64-bit comparison holds`, () => {
      for (const value of pivots) {
        const cmp = { index: 2, op, value };
        const policy: Policy = { defaultAction: ALLOW, rules: [{ names: ['ioctl'], action: errno(99), args: [cmp] }] };
        const { program } = compilePolicy(policy, { arches: ['x86_64'] });
        checkSeccompFilter(program);
        for (const arg of EDGE_VALUES) {
          const hit = decide(program, 'x86_64', 'ioctl', [0n, 0n, arg]).action === 'errno';
          expect(hit, `${arg} ${op} ${value}`).toBe(cmpHolds(cmp, arg));
        }
      }
    });
  }

  it('SCMP_CMP_MASKED_EQ compares (arg & mask) with (datum & mask), across both words', () => {
    const cases: [bigint, bigint][] = [
      [0xffn, 0x12n],
      [0xff_00000000n, 0x01_00000000n],
      [0x1_00000001n, 0x1_00000000n],
      [0n, 0n], // an empty mask always matches
      [0xf0n, 0x1fn], // datum bits outside the mask are ignored
      [0xffffffff_ffffffffn, 0xdeadbeef_00000001n],
    ];
    for (const [mask, datum] of cases) {
      const cmp = { index: 0, op: SCMP_CMP.SCMP_CMP_MASKED_EQ, value: mask, valueTwo: datum };
      const { program } = compilePolicy({ defaultAction: ALLOW, rules: [{ names: ['personality'], action: errno(5), args: [cmp] }] }, { arches: ['aarch64'] });
      for (const arg of [...EDGE_VALUES, datum, datum & mask, 0x10n, 0x12n, 0x112n, 0xdeadbeef_00000001n]) {
        const hit = decide(program, 'aarch64', 'personality', [arg]).action === 'errno';
        expect(hit, `(${arg} & ${mask}) == ${datum}`).toBe(cmpHolds(cmp, arg));
      }
    }
  });

  it('all comparisons of a rule must hold (AND)', () => {
    const policy: Policy = {
      defaultAction: errno(1),
      rules: [{ names: ['socket'], action: ALLOW, args: [{ index: 0, op: 'SCMP_CMP_EQ', value: 16n }, { index: 1, op: 'SCMP_CMP_MASKED_EQ', value: 0xfn, valueTwo: 3n }] }],
    };
    const { program } = compilePolicy(policy, { arches: ['x86_64'] });
    expect(decide(program, 'x86_64', 'socket', [16n, 3n]).action).toBe('allow');
    expect(decide(program, 'x86_64', 'socket', [16n, 0x80003n]).action).toBe('allow'); // SOCK_CLOEXEC | SOCK_RAW
    expect(decide(program, 'x86_64', 'socket', [16n, 2n]).action).toBe('errno');
    expect(decide(program, 'x86_64', 'socket', [2n, 3n]).action).toBe('errno');
  });

  for (const op of ops) {
    it(`${op} before another comparison in the same rule still decides alone what it decides`, () => {
      // The first comparison passes on to the second, so its "pass" is the
      // start of the next comparison, not the instruction after one jump.
      for (const value of pivots) {
        const first = { index: 0, op, value };
        const policy: Policy = {
          defaultAction: errno(1),
          rules: [{ names: ['ioctl'], action: ALLOW, args: [first, { index: 1, op: 'SCMP_CMP_EQ', value: 0x5401n }] }],
        };
        const { program } = compilePolicy(policy, { arches: ['x86_64'] });
        for (const arg of EDGE_VALUES) {
          for (const second of [0x5401n, 0x5402n]) {
            const allowed = decide(program, 'x86_64', 'ioctl', [arg, second]).action === 'allow';
            expect(allowed, `${arg} ${op} ${value} && ${second} == 0x5401`).toBe(cmpHolds(first, arg) && second === 0x5401n);
          }
        }
      }
    });
  }

  it('tries rules with comparisons in order, then the rule without, then the default', () => {
    const policy: Policy = {
      defaultAction: { type: 'kill_thread' },
      rules: [
        { names: ['write'], action: errno(9) }, // written first, still tried last
        { names: ['write'], action: ALLOW, args: [{ index: 0, op: 'SCMP_CMP_LE', value: 2n }] },
        { names: ['write'], action: { type: 'log' }, args: [{ index: 0, op: 'SCMP_CMP_LE', value: 10n }] },
      ],
    };
    const { program } = compilePolicy(policy, { arches: ['aarch64'] });
    expect(decide(program, 'aarch64', 'write', [1n]).action).toBe('allow');
    expect(decide(program, 'aarch64', 'write', [5n]).action).toBe('log');
    expect(decide(program, 'aarch64', 'write', [50n])).toEqual({ action: 'errno', data: 9 });
    expect(decide(program, 'aarch64', 'read').action).toBe('kill_thread');
  });

  it('warns when two rules without comparisons give one call different actions', () => {
    const policy: Policy = { defaultAction: ALLOW, rules: [{ names: ['kill'], action: errno(1), origin: 'first' }, { names: ['kill'], action: errno(2), origin: 'second' }] };
    const f = compilePolicy(policy, { arches: ['x86_64'] });
    expect(f.warnings).toEqual(['x86_64: kill is given errno(1) by first and errno(2) by second; the first wins']);
    expect(decide(f.program, 'x86_64', 'kill')).toEqual({ action: 'errno', data: 1 });
  });
});

describe('actions', () => {
  const actions: [Action, object][] = [
    [{ type: 'allow' }, { action: 'allow', data: 0 }],
    [{ type: 'errno', errno: 13 }, { action: 'errno', data: 13 }],
    [{ type: 'kill_process' }, { action: 'kill_process', data: 0 }],
    [{ type: 'kill_thread' }, { action: 'kill_thread', data: 0 }],
    [{ type: 'trap' }, { action: 'trap', data: 0 }],
    [{ type: 'log' }, { action: 'log', data: 0 }],
    [{ type: 'trace', data: 7 }, { action: 'trace', data: 7 }],
  ];
  for (const [action, want] of actions) {
    it(`${action.type} reaches the program as ${JSON.stringify(want)}`, () => {
      const { program } = compilePolicy({ defaultAction: ALLOW, rules: [{ names: ['getpid'], action }] }, { arches: ['x86_64'] });
      expect(decide(program, 'x86_64', 'getpid')).toEqual(want);
      expect(decide(program, 'x86_64', 'getppid')).toEqual({ action: 'allow', data: 0 });
    });
  }
});

describe('compilePolicy() refuses bad policies', () => {
  const one = (patch: object): Policy => ({ defaultAction: ALLOW, rules: [{ names: ['getpid'], action: errno(1), origin: 'test rule', ...patch }] });
  it('names the rule in the message', () => {
    expect(() => compilePolicy(one({ names: ['getpidd'] }), { arches: ['x86_64'] })).toThrow('unknown system call "getpidd" (test rule)');
    expect(() => compilePolicy(one({ args: [{ index: 6, op: 'SCMP_CMP_EQ', value: 0n }] }), { arches: ['x86_64'] })).toThrow(/argument index 6/);
    expect(() => compilePolicy(one({ args: [{ index: 0, op: 'SCMP_CMP_EQ', value: 1n << 64n }] }), { arches: ['x86_64'] })).toThrow(/unsigned 64-bit/);
    expect(() => compilePolicy(one({ action: errno(4096) }), { arches: ['x86_64'] })).toThrow(/errno 4096 is not 0–4095/);
    expect(() => compilePolicy(one({}), { arches: [] })).toThrow(/at least one architecture/);
  });
});

describe('rule conditions', () => {
  const policy: Policy = {
    defaultAction: errno(1),
    rules: [
      { names: ['mount'], action: ALLOW, when: { caps: ['CAP_SYS_ADMIN'] } },
      { names: ['clone'], action: ALLOW, when: { notCaps: ['CAP_SYS_ADMIN'] }, args: [{ index: 0, op: 'SCMP_CMP_MASKED_EQ', value: 0x7e020000n, valueTwo: 0n }] },
      { names: ['arch_prctl'], action: ALLOW, when: { arches: ['x86_64'] } },
      { names: ['getpid'], action: ALLOW, when: { notArches: ['x86_64'] } },
      { names: ['ptrace'], action: ALLOW, when: { minKernel: '4.8' } },
      { names: ['futex'], action: ALLOW, when: { minKernel: '99.1' } },
    ],
  };

  it('honours capabilities (all of includes, none of excludes)', () => {
    const withAdmin = compilePolicy(policy, { arches: ['x86_64'], capabilities: ['cap_sys_admin'], kernelRelease: '6.18.0' });
    const without = compilePolicy(policy, { arches: ['x86_64'], capabilities: ['CAP_NET_ADMIN'], kernelRelease: '6.18.0' });
    expect(decide(withAdmin.program, 'x86_64', 'mount').action).toBe('allow');
    expect(decide(without.program, 'x86_64', 'mount').action).toBe('errno');
    expect(decide(without.program, 'x86_64', 'clone', [17n]).action).toBe('allow');
    expect(decide(withAdmin.program, 'x86_64', 'clone', [17n]).action).toBe('errno');
  });

  it('honours architectures per compiled architecture', () => {
    const f = compilePolicy(policy, { arches: BOTH, kernelRelease: '6.18.0' });
    expect(decide(f.program, 'x86_64', 'arch_prctl').action).toBe('allow');
    expect(decide(f.program, 'x86_64', 'getpid').action).toBe('errno');
    expect(decide(f.program, 'aarch64', 'getpid').action).toBe('allow');
  });

  it('honours minKernel against the kernel release', () => {
    const f = compilePolicy(policy, { arches: ['x86_64'], kernelRelease: '6.18.0-1-amd64' });
    expect(decide(f.program, 'x86_64', 'ptrace').action).toBe('allow');
    expect(decide(f.program, 'x86_64', 'futex').action).toBe('errno');
    const old = compilePolicy(policy, { arches: ['x86_64'], kernelRelease: '4.4.0' });
    expect(decide(old.program, 'x86_64', 'ptrace').action).toBe('errno');
  });
});

describe('large policies', () => {
  it('an allow list of every x86_64 and aarch64 call compiles to a checked program with long jumps', () => {
    const names = [...new Set([...Object.keys(ARCHES.x86_64.syscalls), ...Object.keys(ARCHES.aarch64.syscalls)])];
    const policy: Policy = {
      defaultAction: errno(1),
      rules: [
        { names: names.filter((n) => n !== 'socket' && n !== 'kill'), action: ALLOW },
        { names: ['socket'], action: ALLOW, args: [{ index: 0, op: 'SCMP_CMP_NE', value: 40n }] },
      ],
    };
    const f = compilePolicy(policy, { arches: BOTH });
    checkSeccompFilter(f.program);
    expect(f.program.length).toBeGreaterThan(600);
    expect(f.program.some((i) => i.code === 0x05)).toBe(true); // BPF_JMP|BPF_JA
    for (const arch of BOTH) {
      for (const name of Object.keys(ARCHES[arch].syscalls)) {
        const nr = syscallNumber(arch, name) ?? -1;
        for (const a0 of [0n, 40n]) {
          const got = describeResult(runFilter(f.program, { nr, arch: ARCHES[arch].auditArch, args: [a0] }));
          expect(got, `${arch} ${name}(${a0})`).toEqual(expected(reference(policy, ARCHES[arch].auditArch, nr, [a0], { arches: BOTH })));
        }
      }
    }
    expect(decide(f.program, 'x86_64', 'socket', [40n]).action).toBe('errno'); // AF_VSOCK
    expect(decide(f.program, 'x86_64', 'socket', [2n]).action).toBe('allow');
  });
});

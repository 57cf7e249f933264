import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHES, type ArchName } from '../../src/sys/seccomp/arch.js';
import { compilePolicy } from '../../src/sys/seccomp/compile.js';
import { AUDIT_ARCH, CLONE_NS } from '../../src/sys/seccomp/constants.js';
import { DEFAULT_PROFILE } from '../../src/sys/seccomp/default-profile.js';
import { parseDockerProfile, readDockerProfile } from '../../src/sys/seccomp/docker.js';
import { SeccompProfileError } from '../../src/sys/seccomp/errors.js';
import { checkSeccompFilter, describeResult, runFilter } from '../../src/sys/seccomp/interpret.js';
import { parseJson, toPlain } from '../../src/sys/seccomp/json.js';
import { compileSetting, parseSeccompSetting } from '../../src/sys/seccomp/setting.js';
import { decide, expected, reference } from '../helpers/seccomp.js';

// A subset of Docker's default profile written by hand in its exact shape
// (archMap, allow list, argument rules, includes/excludes by caps, arches
// and minKernel); see test/fixtures/seccomp/docker-default-subset.json.
const DOCKER = fileURLToPath(new URL('../fixtures/seccomp/docker-default-subset.json', import.meta.url));
const BOTH: ArchName[] = ['x86_64', 'aarch64'];
const EPERM = { action: 'errno', data: 1 };
const ALLOWED = { action: 'allow', data: 0 };
const KILL = { action: 'kill_process', data: 0 };

/** The SeccompProfileError a load throws (fails the test if none). */
function loadError(text: string, file = 'p.json'): SeccompProfileError {
  try {
    parseDockerProfile(text, file);
  } catch (e) {
    if (e instanceof SeccompProfileError) return e;
    throw e;
  }
  throw new Error('the profile loaded without error');
}

describe("Docker's default profile shape", () => {
  const { policy, warnings } = readDockerProfile(DOCKER);
  const noCaps = compilePolicy(policy, { arches: BOTH, capabilities: [], kernelRelease: '6.18.0' });
  const sysAdmin = compilePolicy(policy, { arches: BOTH, capabilities: ['CAP_SYS_ADMIN'], kernelRelease: '6.18.0' });

  it('loads, with the compat architectures reported as not filtered', () => {
    expect(policy.defaultAction).toEqual({ type: 'errno', errno: 1 });
    expect(policy.architectures).toEqual(['x86_64', 'aarch64']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/docker-default-subset\.json:\d+:\d+: \$\.archMap\[0\]\.subArchitectures\[0\]: SCMP_ARCH_X86 is not filtered by nslab/);
    expect(warnings.join('\n')).toMatch(/SCMP_ARCH_X32/);
    expect(warnings.join('\n')).toMatch(/SCMP_ARCH_ARM /);
    checkSeccompFilter(noCaps.program);
  });

  it('skips names the target architecture lacks (32-bit, arm, s390 calls)', () => {
    const x86 = noCaps.skipped.filter((s) => s.arch === 'x86_64').map((s) => s.name);
    expect(x86).toEqual(expect.arrayContaining(['chown32', 'fcntl64', 'mmap2', '_llseek', 'socketcall', 'recv', 'send']));
    expect(x86).not.toContain('set_tls'); // that rule is for arm/arm64 only
    const arm = noCaps.skipped.filter((s) => s.arch === 'aarch64').map((s) => s.name);
    expect(arm).toEqual(expect.arrayContaining(['set_tls', 'cacheflush', 'epoll_ctl_old']));
  });

  const table: [ArchName, string, bigint[], object, object][] = [
    // arch, call, args, without CAP_SYS_ADMIN, with it
    ['x86_64', 'read', [], ALLOWED, ALLOWED],
    ['aarch64', 'read', [], ALLOWED, ALLOWED],
    ['x86_64', 'getppid', [], EPERM, EPERM], // not in the list: the default
    ['x86_64', 'mount', [], EPERM, ALLOWED],
    ['aarch64', 'unshare', [BigInt(CLONE_NS.CLONE_NEWNET)], EPERM, ALLOWED],
    ['x86_64', 'clone', [17n], ALLOWED, ALLOWED],
    ['x86_64', 'clone', [BigInt(CLONE_NS.CLONE_NEWUSER) | 17n], EPERM, ALLOWED],
    ['aarch64', 'clone', [BigInt(CLONE_NS.CLONE_NEWNS)], EPERM, ALLOWED],
    ['x86_64', 'clone3', [], { action: 'errno', data: 38 }, ALLOWED],
    ['x86_64', 'socket', [2n, 1n, 0n], ALLOWED, ALLOWED],
    ['x86_64', 'socket', [40n, 1n, 0n], EPERM, EPERM], // AF_VSOCK
    ['x86_64', 'personality', [0n], ALLOWED, ALLOWED],
    ['x86_64', 'personality', [0xffffffffn], ALLOWED, ALLOWED],
    ['x86_64', 'personality', [0x1_ffffffffn], EPERM, EPERM], // 64-bit compare
    ['x86_64', 'personality', [8n], EPERM, EPERM],
    ['x86_64', 'arch_prctl', [], ALLOWED, ALLOWED],
    ['x86_64', 'ptrace', [], ALLOWED, ALLOWED], // minKernel 4.8
    ['x86_64', 'reboot', [], EPERM, EPERM], // needs CAP_SYS_BOOT
    ['x86_64', 'iopl', [], EPERM, EPERM],
    ['aarch64', 'open_by_handle_at', [], EPERM, EPERM],
  ];
  for (const [arch, name, args, without, withAdmin] of table) {
    it(`${arch}: ${name}(${args.join(', ')}) → ${JSON.stringify(without)}, with CAP_SYS_ADMIN ${JSON.stringify(withAdmin)}`, () => {
      expect(decide(noCaps.program, arch, name, args)).toEqual(without);
      expect(decide(sysAdmin.program, arch, name, args)).toEqual(withAdmin);
    });
  }

  it('kills foreign architectures and x32 calls', () => {
    expect(describeResult(runFilter(noCaps.program, { nr: 20, arch: AUDIT_ARCH.AUDIT_ARCH_I386 }))).toEqual(KILL);
    expect(describeResult(runFilter(noCaps.program, { nr: 0x40000000 | 0, arch: AUDIT_ARCH.AUDIT_ARCH_X86_64 }))).toEqual(KILL);
  });

  it('decides every call as the profile says', () => {
    const ctx = { arches: BOTH, capabilities: [], kernel: [6, 18] as [number, number] };
    for (const arch of BOTH) {
      for (const nr of Object.values(ARCHES[arch].syscalls)) {
        for (const a0 of [0n, 17n, 40n, BigInt(CLONE_NS.CLONE_NEWNET)]) {
          const got = describeResult(runFilter(noCaps.program, { nr, arch: ARCHES[arch].auditArch, args: [a0] }));
          expect(got, `${arch} ${nr}(${a0})`).toEqual(expected(reference(policy, ARCHES[arch].auditArch, nr, [a0], ctx)));
        }
      }
    }
  });
});

describe('profile semantics', () => {
  it('reads 64-bit values exactly (beyond what a JS number holds)', () => {
    const { policy } = parseDockerProfile(
      '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["ioctl"],"action":"SCMP_ACT_ERRNO","errnoRet":25,"args":[{"index":1,"value":18446744073709551615,"op":"SCMP_CMP_EQ"}]}]}',
      'big.json',
    );
    expect(policy.rules[0]?.args?.[0]?.value).toBe(0xffffffff_ffffffffn);
    const { program } = compilePolicy(policy, { arches: ['x86_64'] });
    expect(decide(program, 'x86_64', 'ioctl', [0n, 0xffffffff_ffffffffn])).toEqual({ action: 'errno', data: 25 });
    expect(decide(program, 'x86_64', 'ioctl', [0n, 0xffffffff_fffffffen])).toEqual(ALLOWED);
  });

  it('splits comparisons of the same argument into separate rules, as runc does (OR)', () => {
    const { policy } = parseDockerProfile(
      JSON.stringify({
        defaultAction: 'SCMP_ACT_ERRNO',
        syscalls: [{ names: ['personality'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 0, op: 'SCMP_CMP_EQ' }, { index: 0, value: 8, op: 'SCMP_CMP_EQ' }] }],
      }),
      'split.json',
    );
    expect(policy.rules).toHaveLength(2);
    const { program } = compilePolicy(policy, { arches: ['aarch64'] });
    expect(decide(program, 'aarch64', 'personality', [0n])).toEqual(ALLOWED);
    expect(decide(program, 'aarch64', 'personality', [8n])).toEqual(ALLOWED);
    expect(decide(program, 'aarch64', 'personality', [9n])).toEqual(EPERM);
  });

  it('keeps comparisons of different arguments in one rule (AND)', () => {
    const { policy } = parseDockerProfile(
      JSON.stringify({
        defaultAction: 'SCMP_ACT_KILL_PROCESS',
        architectures: ['SCMP_ARCH_X86_64'],
        syscalls: [{ names: ['socket'], action: 'SCMP_ACT_ALLOW', args: [{ index: 0, value: 16, op: 'SCMP_CMP_EQ' }, { index: 2, value: 0, op: 'SCMP_CMP_EQ' }] }],
      }),
      'and.json',
    );
    const { program } = compilePolicy(policy, { arches: ['x86_64'] });
    expect(decide(program, 'x86_64', 'socket', [16n, 3n, 0n])).toEqual(ALLOWED);
    expect(decide(program, 'x86_64', 'socket', [16n, 3n, 9n])).toEqual(KILL);
  });

  it('maps every action name', () => {
    const act = (name: string, errnoRet?: number): object => {
      const rule = { names: ['getpid'], action: name, ...(errnoRet === undefined ? {} : { errnoRet }) };
      const { policy } = parseDockerProfile(JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', syscalls: [rule] }), 'a.json');
      return decide(compilePolicy(policy, { arches: ['x86_64'] }).program, 'x86_64', 'getpid');
    };
    expect(act('SCMP_ACT_ERRNO')).toEqual(EPERM); // errnoRet defaults to EPERM
    expect(act('SCMP_ACT_ERRNO', 38)).toEqual({ action: 'errno', data: 38 });
    expect(act('SCMP_ACT_KILL')).toEqual({ action: 'kill_thread', data: 0 });
    expect(act('SCMP_ACT_KILL_THREAD')).toEqual({ action: 'kill_thread', data: 0 });
    expect(act('SCMP_ACT_KILL_PROCESS')).toEqual(KILL);
    expect(act('SCMP_ACT_TRAP')).toEqual({ action: 'trap', data: 0 });
    expect(act('SCMP_ACT_LOG')).toEqual({ action: 'log', data: 0 });
    expect(act('SCMP_ACT_TRACE', 3)).toEqual({ action: 'trace', data: 3 });
  });

  it('takes OCI "flags" and the single-"name" form', () => {
    const { policy, warnings } = parseDockerProfile(
      JSON.stringify({ defaultAction: 'SCMP_ACT_ALLOW', flags: ['SECCOMP_FILTER_FLAG_LOG', 'SECCOMP_FILTER_FLAG_TSYNC'], syscalls: [{ name: 'getpid', action: 'SCMP_ACT_ERRNO' }] }),
      'oci.json',
    );
    expect(policy.filterFlags).toBe(2);
    expect(compilePolicy(policy, { arches: ['x86_64'] }).flags).toBe(2);
    expect(policy.rules[0]?.names).toEqual(['getpid']);
    expect(warnings).toEqual([]);
  });

  it('warns about fields it does not know', () => {
    const { warnings } = parseDockerProfile('{\n  "defaultAction": "SCMP_ACT_ALLOW",\n  "defaultaction": 1\n}', 'w.json');
    expect(warnings).toEqual([expect.stringMatching(/^w\.json:3:20: \$\.defaultaction: unknown field "defaultaction" ignored/)]);
  });
});

describe('profile errors name the file, line, column and JSON path', () => {
  it('malformed JSON', () => {
    const e = loadError('{\n  "defaultAction": "SCMP_ACT_ALLOW"\n  "syscalls": []\n}', '/labs/bad.json');
    expect(e.message).toBe('/labs/bad.json:3:3: malformed JSON: expected "," or "}" after a property, found """');
    expect([e.file, e.line, e.column]).toEqual(['/labs/bad.json', 3, 3]);
  });

  it('truncated JSON', () => {
    expect(loadError('{"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [', 't.json').message).toBe('t.json:1:50: malformed JSON: expected a value, found the end of the file');
  });

  it('an unknown action', () => {
    const text = '{\n  "defaultAction": "SCMP_ACT_ERRNO",\n  "syscalls": [\n    { "names": ["read"], "action": "SCMP_ACT_ALOW" }\n  ]\n}';
    const e = loadError(text);
    expect(e.message).toMatch(/^p\.json:4:36: \$\.syscalls\[0\]\.action: unknown action "SCMP_ACT_ALOW" \(expected one of SCMP_ACT_KILL, /);
    expect(e.jsonPath).toBe('$.syscalls[0].action');
  });

  it('an unknown operator', () => {
    const e = loadError('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":1,"op":"SCMP_CMP_EQUAL"}]}]}');
    expect(e.message).toMatch(/^p\.json:1:\d+: \$\.syscalls\[0\]\.args\[0\]\.op: unknown operator "SCMP_CMP_EQUAL" \(expected one of SCMP_CMP_NE, /);
  });

  it('an unknown system call', () => {
    const e = loadError('{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[\n{"names":["read","wirte"],"action":"SCMP_ACT_ERRNO"}]}');
    expect(e.message).toBe('p.json:2:18: $.syscalls[0].names[1]: unknown system call "wirte"');
  });

  const cases: [string, string, RegExp][] = [
    ['no defaultAction', '{"syscalls":[]}', /\$: the profile has no "defaultAction"/],
    ['a top level that is not an object', '[1]', /\$: expected an object, found an array/],
    ['names that are not an array', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":"read","action":"SCMP_ACT_ALLOW"}]}', /\$\.syscalls\[0\]\.names: expected an array, found the string "read"/],
    ['a rule without names', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"action":"SCMP_ACT_ALLOW"}]}', /\$\.syscalls\[0\]: a syscalls entry needs "names"/],
    ['a rule without action', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"]}]}', /\$\.syscalls\[0\]: a syscalls entry needs "action"/],
    ['errnoRet out of range', '{"defaultAction":"SCMP_ACT_ERRNO","defaultErrnoRet":70000}', /\$\.defaultErrnoRet: an errno 70000 is larger than 4095/],
    ['a negative value', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":-1,"op":"SCMP_CMP_EQ"}]}]}', /args\[0\]\.value: a value must be a non-negative integer, found -1/],
    ['a fractional value', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":1.5,"op":"SCMP_CMP_EQ"}]}]}', /found 1\.5/],
    ['a value above 2^64-1', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":0,"value":18446744073709551616,"op":"SCMP_CMP_EQ"}]}]}', /is larger than 18446744073709551615/],
    ['argument index 6', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ERRNO","args":[{"index":6,"value":0,"op":"SCMP_CMP_EQ"}]}]}', /args\[0\]\.index: an argument index 6 is larger than 5/],
    ['SCMP_ACT_NOTIFY', '{"defaultAction":"SCMP_ACT_NOTIFY"}', /\$\.defaultAction: SCMP_ACT_NOTIFY needs a seccomp agent/],
    ['a misspelt architecture', '{"defaultAction":"SCMP_ACT_ALLOW","architectures":["x86-64"]}', /\$\.architectures\[0\]: unknown architecture "x86-64"/],
    ['an unknown flag', '{"defaultAction":"SCMP_ACT_ALLOW","flags":["SECCOMP_FILTER_FLAG_FAST"]}', /\$\.flags\[0\]: unknown flag/],
    ['a bad minKernel', '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["read"],"action":"SCMP_ACT_ALLOW","includes":{"minKernel":"latest"}}]}', /includes\.minKernel: "latest" is not a kernel version/],
  ];
  for (const [what, text, message] of cases) {
    it(what, () => {
      expect(loadError(text).message).toMatch(message);
    });
  }
});

describe('parseJson()', () => {
  it('agrees with JSON.parse on what both accept', () => {
    const docs = [
      '{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"d\\u00e9\\n\\"x\\""},"":[]}',
      ' [ ] ',
      '"\\/\\b\\f\\r\\t"',
      '{"__proto__": 1}',
      '\ufeff{"bom": true}',
    ];
    for (const d of docs) expect(toPlain(parseJson(d))).toEqual(JSON.parse(d.replace(/^\ufeff/, '')));
  });

  it('refuses what JSON.parse refuses', () => {
    for (const d of ['{a:1}', '[1,]', '{"a":1,}', '01', '"\t"', "'x'", 'nul', '[1] 2', '{"a" 1}', '"\\x"', '']) {
      expect(() => JSON.parse(d), d).toThrow();
      expect(() => parseJson(d), d).toThrow();
    }
  });
});

describe('the seccomp: value of a node', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nslab-seccomp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('"unconfined" means no filter', () => {
    const s = parseSeccompSetting('unconfined', { baseDir: dir });
    expect(s).toEqual({ mode: 'unconfined' });
    expect(compileSetting(s)).toBeNull();
  });

  it('"default", and no value at all, mean the default profile', () => {
    for (const v of ['default', undefined]) {
      const s = parseSeccompSetting(v, { baseDir: dir });
      expect(s).toEqual({ mode: 'default', policy: DEFAULT_PROFILE });
      const f = compileSetting(s, { arches: ['x86_64'] });
      expect(f && decide(f.program, 'x86_64', 'mount')).toEqual(EPERM);
    }
  });

  it('a path is read relative to the topology file and checked now', () => {
    writeFileSync(join(dir, 'p.json'), '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["getpid"],"action":"SCMP_ACT_ERRNO","errnoRet":13}]}');
    const s = parseSeccompSetting('p.json', { baseDir: dir });
    expect(s).toMatchObject({ mode: 'profile', file: join(dir, 'p.json') });
    const f = compileSetting(s, { arches: ['aarch64'] });
    expect(f && decide(f.program, 'aarch64', 'getpid')).toEqual({ action: 'errno', data: 13 });
  });

  it('a missing file names the resolved path and where it was asked for', () => {
    expect(() => parseSeccompSetting('./nope.json', { baseDir: dir, origin: 'lab.yaml:7' })).toThrow(
      `${join(dir, 'nope.json')}: cannot read the seccomp profile: no such file (seccomp profile named at lab.yaml:7)`,
    );
  });

  it('a malformed file is reported with the topology origin', () => {
    writeFileSync(join(dir, 'bad.json'), '{\n "defaultAction": "SCMP_ACT_ALLOW",\n}');
    expect(() => parseSeccompSetting('bad.json', { baseDir: dir, origin: 'lab.yaml:9' })).toThrow(
      `${join(dir, 'bad.json')}:3:1: malformed JSON: expected a property name in double quotes, found "}" (seccomp profile named at lab.yaml:9)`,
    );
  });

  it('anything else is refused with the accepted forms', () => {
    for (const v of [true, 3, '', '  ', ['default']]) {
      expect(() => parseSeccompSetting(v, { baseDir: dir, origin: 'lab.yaml:4' })).toThrow(
        /seccomp must be "default", "unconfined" or the path of a Docker\/OCI seccomp JSON profile, not .* \(seccomp profile named at lab\.yaml:4\)/,
      );
    }
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, transpileTree } from '../helpers/transpile.js';
import {
  CAP,
  CAP_NAMES,
  DEFAULT_NODE_CAPS,
  capMask,
  formatCapList,
  formatCapText,
  formatMask,
  parseStatusCaps,
  threadCapabilities,
  type CapName,
  type CapSet,
} from '../../src/sys/caps/index.js';

/**
 * applyCapabilities() runs in a child node process (it must never confine
 * the test runner), which then execs the program under test. The child is
 * built by transpiling src/sys/caps and its imports into a temp directory.
 */
const NETNS = `nlt${process.pid}caps`;
const isRoot = process.getuid?.() === 0;
let work = '';

const CHILD = `
import koffi from 'koffi';
import { openSync } from 'node:fs';
import { applyCapabilities } from './src/sys/caps/apply.js';
const spec = JSON.parse(process.argv[2]);
const lib = koffi.load('libc.so.6');
const setns = lib.func('int setns(int fd, int nstype)');
const fcntl = lib.func('int fcntl(int fd, int cmd, int arg)');
const execve = lib.func('int execve(const char *path, const char **argv, const char **envp)');
if (spec.netns && setns(openSync('/run/netns/' + spec.netns, 'r'), 0x40000000) < 0) {
  console.error('setns failed: errno ' + koffi.errno());
  process.exit(120);
}
try {
  applyCapabilities(new Set(spec.caps), spec.uid === undefined ? {} : { uid: spec.uid });
} catch (e) {
  process.stdout.write(JSON.stringify({ error: e.name, message: e.message, missing: e.missing }));
  process.exit(3);
}
for (const fd of [0, 1, 2]) fcntl(fd, 2 /* F_SETFD */, 0);
execve(spec.argv[0], [...spec.argv, null], ['PATH=/usr/sbin:/usr/bin:/sbin:/bin', null]);
console.error('execve failed: errno ' + koffi.errno());
process.exit(127);
`;


interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function confined(caps: CapSet, argv: string[], opts: { uid?: number; netns?: string; launcher?: string[] } = {}): Run {
  const spec = { caps: [...caps], argv, uid: opts.uid, netns: opts.netns };
  const argvAll = [...(opts.launcher ?? []), process.execPath, join(work, 'child.mjs'), JSON.stringify(spec)];
  const r = spawnSync(argvAll[0] as string, argvAll.slice(1), { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function sh(cmd: string, args: string[]): Run {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const without = (set: CapSet, ...drop: CapName[]): Set<CapName> => new Set([...set].filter((c) => !drop.includes(c)));

describe.skipIf(!isRoot)('applyCapabilities() in a child that then execs', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'nslab-caps-'));
    transpileTree(join(ROOT, 'src/sys/caps/apply.ts'), work);
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    writeFileSync(join(work, 'child.mjs'), CHILD);
    const add = sh('ip', ['netns', 'add', NETNS]);
    expect(add.status, add.stderr).toBe(0);
  });

  afterAll(() => {
    sh('ip', ['netns', 'del', NETNS]);
    if (work) rmSync(work, { recursive: true, force: true });
    expect(sh('ip', ['netns', 'list']).stdout).not.toContain(NETNS);
  });

  it('leaves the exec-ed program as root with exactly the set in every Cap line', () => {
    const r = confined(DEFAULT_NODE_CAPS, ['/bin/cat', '/proc/self/status']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const want = capMask(DEFAULT_NODE_CAPS);
    const got = parseStatusCaps(r.stdout);
    expect(formatMask(got.bounding)).toBe(formatMask(want));
    expect(formatMask(got.effective)).toBe(formatMask(want));
    expect(formatMask(got.permitted)).toBe(formatMask(want));
    expect(formatMask(got.inheritable)).toBe(formatMask(want));
    expect(formatMask(got.ambient)).toBe(formatMask(want));
    expect(r.stdout).toMatch(/^Uid:\s+0\s+0\s+0\s+0$/m);
  });

  it('prints the set as capsh --decode and getpcaps do', () => {
    const decode = sh('capsh', [`--decode=0x${formatMask(capMask(DEFAULT_NODE_CAPS))}`]);
    expect(decode.stdout.trim().split('=')[1]).toBe(formatCapList(DEFAULT_NODE_CAPS));
    const r = confined(DEFAULT_NODE_CAPS, ['/bin/sh', '-c', 'getpcaps $$']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(`${r.stdout.split(':')[0]}: ${formatCapText(DEFAULT_NODE_CAPS)}`);
  });

  it('keeps the set, ambient included, for a program run as a non-root user', () => {
    const set = new Set<CapName>(['CAP_NET_ADMIN', 'CAP_NET_RAW']);
    const r = confined(set, ['/bin/cat', '/proc/self/status'], { uid: 65534 });
    expect(r.status, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534$/m);
    const got = parseStatusCaps(r.stdout);
    for (const mask of [got.bounding, got.effective, got.permitted, got.ambient]) expect(formatMask(mask)).toBe('0000000000003000');
  });

  it('gives capabilities above 31 too (the second 32-bit word of capset)', () => {
    const set = new Set<CapName>(['CAP_NET_ADMIN', 'CAP_SYSLOG', 'CAP_BPF', 'CAP_CHECKPOINT_RESTORE']);
    const r = confined(set, ['/bin/cat', '/proc/self/status']);
    expect(r.status, r.stderr + r.stdout).toBe(0);
    const got = parseStatusCaps(r.stdout);
    const want = (1n << 12n) | (1n << 34n) | (1n << 39n) | (1n << 40n);
    for (const mask of [got.bounding, got.effective, got.permitted, got.inheritable, got.ambient]) expect(mask).toBe(want);
  });

  it('with the empty set leaves root with nothing', () => {
    const got = parseStatusCaps(confined(new Set(), ['/bin/cat', '/proc/self/status']).stdout);
    expect([got.bounding, got.effective, got.permitted, got.inheritable, got.ambient]).toEqual([0n, 0n, 0n, 0n, 0n]);
  });

  it('without NET_ADMIN, ip link add fails with EPERM; with it, it works', () => {
    const cmd = ['/usr/sbin/ip', 'link', 'add', 'nltcapa', 'type', 'veth', 'peer', 'name', 'nltcapb'];
    const denied = confined(without(DEFAULT_NODE_CAPS, 'CAP_NET_ADMIN'), cmd, { netns: NETNS });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('Operation not permitted');
    expect(sh('ip', ['-n', NETNS, 'link', 'show', 'nltcapa']).status).not.toBe(0);

    const allowed = confined(DEFAULT_NODE_CAPS, cmd, { netns: NETNS });
    expect(allowed.status, allowed.stderr).toBe(0);
    const links = JSON.parse(sh('ip', ['-n', NETNS, '-j', 'link', 'show']).stdout) as { ifname: string }[];
    expect(links.map((l) => l.ifname)).toEqual(expect.arrayContaining(['nltcapa', 'nltcapb']));
    expect(sh('ip', ['-n', NETNS, 'link', 'del', 'nltcapa']).status).toBe(0);
  });

  it('lets a non-root user with NET_ADMIN add an address, and refuses root without it', () => {
    const add = (addr: string) => ['/usr/sbin/ip', 'addr', 'add', addr, 'dev', 'lo'];
    const denied = confined(without(DEFAULT_NODE_CAPS, 'CAP_NET_ADMIN'), add('10.77.0.1/32'), { netns: NETNS });
    expect(denied.stderr).toContain('Operation not permitted');
    const allowed = confined(new Set<CapName>(['CAP_NET_ADMIN']), add('10.77.0.2/32'), { netns: NETNS, uid: 65534 });
    expect(allowed.status, allowed.stderr).toBe(0);
    const addrs = sh('ip', ['-n', NETNS, '-j', 'addr', 'show', 'dev', 'lo']).stdout;
    expect(addrs).toContain('10.77.0.2');
    expect(addrs).not.toContain('10.77.0.1');
  });

  it('refuses, before changing anything, a capability nslab does not hold itself', () => {
    // Root here holds every capability, so the child is started without one
    // (util-linux setpriv drops it from the bounding set it inherits).
    const own = threadCapabilities();
    const absent: CapName = CAP_NAMES.find((c) => !((own.bounding >> BigInt(CAP[c])) & 1n)) ?? 'CAP_SYS_MODULE';
    const r = confined(new Set<CapName>(['CAP_NET_ADMIN', absent]), ['/bin/true'], {
      launcher: ['setpriv', `--bounding-set=-${absent.replace(/^CAP_/, '').toLowerCase()}`, '--'],
    });
    expect(r.status).toBe(3);
    const out = JSON.parse(r.stdout) as { error: string; message: string; missing: string[] };
    expect(out.error).toBe('CapabilityError');
    expect(out.missing).toEqual([absent]);
    expect(out.message).toContain(absent.toLowerCase());
  });
});

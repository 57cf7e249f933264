import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compilePolicy } from '../../src/sys/seccomp/compile.js';
import { CLONE_NS } from '../../src/sys/seccomp/constants.js';
import { DEFAULT_PROFILE } from '../../src/sys/seccomp/default-profile.js';
import { checkSeccompFilter } from '../../src/sys/seccomp/interpret.js';
import { withLauncherRules } from '../../src/sys/seccomp/setting.js';
import { DEFAULT_ID_BASE, ID_COUNT, allocateIdRange, overlaps, subordinateRange } from '../../src/sys/sandbox/idmap.js';
import { boundingSetArg, INIT_SCRIPT } from '../../src/sys/sandbox/enter.js';
import { TopologyError, formatDiagnostic } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';
import type { Topology } from '../../src/topology/types.js';
import { decide } from '../helpers/seccomp.js';

const EPERM = { action: 'errno', data: 1 };
const ALLOWED = { action: 'allow', data: 0 };

describe('a sandboxed node’s seccomp filter', () => {
  const filter = compilePolicy(withLauncherRules(DEFAULT_PROFILE), { arches: ['x86_64', 'aarch64'] });

  it('is a program the kernel would accept', () => {
    expect(() => checkSeccompFilter(filter.program)).not.toThrow();
  });

  it('lets the launcher join the node’s mount, user and PID namespaces, and nothing else', () => {
    for (const arch of ['x86_64', 'aarch64'] as const) {
      expect(decide(filter.program, arch, 'setns', [3n, BigInt(CLONE_NS.CLONE_NEWNS)])).toEqual(ALLOWED);
      expect(decide(filter.program, arch, 'setns', [3n, BigInt(CLONE_NS.CLONE_NEWUSER)])).toEqual(ALLOWED);
      expect(decide(filter.program, arch, 'setns', [3n, BigInt(CLONE_NS.CLONE_NEWPID)])).toEqual(ALLOWED);
      // nstype 0 ("any type") would let a node join whatever fd it holds.
      for (const t of [0n, BigInt(CLONE_NS.CLONE_NEWNET), BigInt(CLONE_NS.CLONE_NEWUTS), BigInt(CLONE_NS.CLONE_NEWUSER | CLONE_NS.CLONE_NEWNET)]) {
        expect(decide(filter.program, arch, 'setns', [3n, t])).toEqual(EPERM);
      }
      expect(decide(filter.program, arch, 'unshare', [BigInt(CLONE_NS.CLONE_NEWUSER)])).toEqual(EPERM);
      expect(decide(filter.program, arch, 'mount', [])).toEqual(EPERM);
    }
  });

  it('leaves the plain default profile as it was: no setns at all', () => {
    const plain = compilePolicy(DEFAULT_PROFILE, { arches: ['x86_64'] });
    expect(decide(plain.program, 'x86_64', 'setns', [3n, BigInt(CLONE_NS.CLONE_NEWUSER)])).toEqual(EPERM);
  });
});

describe('id ranges of lab user namespaces', () => {
  const none = { subuid: '/nonexistent/subuid', subgid: '/nonexistent/subgid' };

  it('takes nslab’s own slots, skipping every range another lab holds (partial overlaps too)', () => {
    const first = allocateIdRange([], none);
    expect(first).toEqual({ uid: DEFAULT_ID_BASE, gid: DEFAULT_ID_BASE, count: ID_COUNT });
    const half = { uid: DEFAULT_ID_BASE + ID_COUNT + 100, gid: DEFAULT_ID_BASE + ID_COUNT + 100, count: 10 };
    const next = allocateIdRange([first, half], none);
    expect(next.uid).toBe(DEFAULT_ID_BASE + 2 * ID_COUNT);
    expect(overlaps(next, first) || overlaps(next, half)).toBe(false);
  });

  it('uses root’s ranges from /etc/subuid and /etc/subgid when they hold enough', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-subid-'));
    writeFileSync(join(dir, 'subuid'), 'alice:100000:65536\nroot:200000:131072\n');
    writeFileSync(join(dir, 'subgid'), 'root:300000:131072\n');
    const files = { subuid: join(dir, 'subuid'), subgid: join(dir, 'subgid') };
    expect(subordinateRange(files.subuid)).toEqual({ start: 200000, count: 131072 });
    const a = allocateIdRange([], files);
    expect(a).toEqual({ uid: 200000, gid: 300000, count: ID_COUNT });
    const b = allocateIdRange([a], files);
    expect(b).toEqual({ uid: 265536, gid: 365536, count: ID_COUNT });
    expect(() => allocateIdRange([a, b], files)).toThrow(/in use/);
  });

  it('finds overlaps at either edge and not between neighbours', () => {
    const r = { uid: 1000, gid: 1000, count: 100 };
    expect(overlaps(r, { uid: 1099, gid: 5000, count: 1 })).toBe(true);
    expect(overlaps(r, { uid: 900, gid: 5000, count: 101 })).toBe(true);
    expect(overlaps(r, { uid: 1100, gid: 1100, count: 5 })).toBe(false);
    expect(overlaps(r, { uid: 900, gid: 900, count: 100 })).toBe(false);
  });
});

describe('the launcher’s arguments', () => {
  it('names the capability set the way setpriv reads it', () => {
    expect(boundingSetArg(new Set(['CAP_NET_RAW', 'CAP_NET_ADMIN']))).toBe('-all,+net_admin,+net_raw');
    expect(boundingSetArg(new Set())).toBe('-all');
  });

  it('has an init that mounts the node’s /proc first, then becomes another uid with no capability before it waits', () => {
    const lines = INIT_SCRIPT.split('\n');
    expect(lines[0]).toMatch(/^mount -t proc .* \/proc \|\| exit 1$/);
    expect(INIT_SCRIPT).toMatch(/mount --bind \/dev\/null \/proc\/\$f/);
    // Not uid 0: the node's root must not be able to signal it or write /proc/1/mem (it has no filter).
    expect(lines[lines.length - 1]).toMatch(/^exec setpriv --reuid=65534 --regid=65534 --clear-groups --bounding-set=-all --inh-caps=-all --no-new-privs -- /);
  });
});

/** Load text as a file in a temp dir (relative SRC resolves there): the topology, or every error as file:line text. */
function loadTopologyText(text: string, tag: string): { topology?: Topology; errors: string[] } {
  const dir = mkdtempSync(join(tmpdir(), `nslab-${tag}-`));
  try {
    return { topology: loadTopology(join(dir, 'lab.yaml'), text), errors: [] };
  } catch (err) {
    if (err instanceof TopologyError) return { errors: err.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
    throw err;
  }
}

describe('binds: in the topology', () => {
  it('resolves SRC against the file and reads :ro', () => {
    const { topology } = loadTopologyText('name: b\ntopology:\n  nodes:\n    h1: { binds: [".:/srv/a:ro", "/tmp:/srv/b"] }\n', 'bind-ok');
    const binds = topology?.nodes.get('h1')?.confine.binds ?? [];
    expect(binds.map((b) => [b.dst, b.ro])).toEqual([['/srv/a', true], ['/srv/b', false]]);
    expect(binds[1]?.src).toBe('/tmp');
  });

  it('refuses a missing source, a relative or /proc destination, a bad mode, and binds on isolation: network, with file:line', () => {
    const text = [
      'name: b',
      'topology:',
      '  nodes:',
      '    h1:',
      '      binds:',
      '        - "no/such/dir:/srv/x"',
      '        - "/tmp:relative"',
      '        - "/tmp:/proc/sys"',
      '        - "/tmp:/srv/y:rx"',
      '    h2: { isolation: network, binds: ["/tmp:/srv/z"] }',
      '',
    ].join('\n');
    const { errors } = loadTopologyText(text, 'bind-bad');
    const lines = errors.map((e) => e.split('\n')[0]);
    expect(lines.some((l) => /:6:\d+: .*binds\[0\].*source .*no\/such\/dir does not exist/.test(l ?? ''))).toBe(true);
    expect(lines.some((l) => /:7:\d+: .*absolute path/.test(l ?? ''))).toBe(true);
    expect(lines.some((l) => /:8:\d+: .*makes \/proc\/sys for the node itself/.test(l ?? ''))).toBe(true);
    expect(lines.some((l) => /:9:\d+: .*not SRC:DST/.test(l ?? ''))).toBe(true);
    expect(lines.some((l) => /:10:\d+: .*binds need a sandboxed node/.test(l ?? ''))).toBe(true);
  });

  it("refuses binds over the directories the launcher and the init run programs and libraries from, with file:line", () => {
    const dsts = ['/usr/local/sbin', '/usr', '/bin', '/lib/x86_64-linux-gnu', '/lib64', '/sbin'];
    const text = ['name: b', 'topology:', '  nodes:', '    h1:', '      binds:', ...dsts.map((d) => `        - "/tmp:${d}"`), '        - "/tmp:/usrdata"', ''].join('\n');
    const { errors } = loadTopologyText(text, 'bind-system');
    const lines = errors.map((e) => e.split('\n')[0] ?? '');
    dsts.forEach((d, i) => expect(lines.some((l) => l.includes(`:${6 + i}:`) && l.includes(`${d} is under`)), d).toBe(true));
    expect(lines.some((l) => l.includes('/usrdata'))).toBe(false);
  });
});

describe('installFilter’s seccomp(2) numbers', () => {
  it('are the syscall tables’ numbers for each architecture Node names', async () => {
    const { SECCOMP_SYSCALL } = await import('../../src/sys/seccomp/install.js');
    const { syscallNumber } = await import('../../src/sys/seccomp/arch.js');
    const { SYSCALLS_I386 } = await import('../../src/sys/seccomp/tables/i386.js');
    expect(SECCOMP_SYSCALL.x64).toBe(syscallNumber('x86_64', 'seccomp'));
    expect(SECCOMP_SYSCALL.arm64).toBe(syscallNumber('aarch64', 'seccomp'));
    expect(SECCOMP_SYSCALL.ia32).toBe(SYSCALLS_I386.seccomp);
  });
});

describe('the default profile and the terminal', () => {
  const filter = compilePolicy(DEFAULT_PROFILE, { arches: ['x86_64', 'aarch64'] });
  it('refuses TIOCSTI and TIOCLINUX, also with garbage in the upper 32 bits, and allows other ioctls', () => {
    for (const arch of ['x86_64', 'aarch64'] as const) {
      expect(decide(filter.program, arch, 'ioctl', [0n, 0x5412n])).toEqual(EPERM);
      expect(decide(filter.program, arch, 'ioctl', [0n, 0xdead00005412n])).toEqual(EPERM);
      expect(decide(filter.program, arch, 'ioctl', [0n, 0x541cn])).toEqual(EPERM);
      expect(decide(filter.program, arch, 'ioctl', [0n, 0x5413n])).toEqual(ALLOWED); // TIOCGWINSZ
      expect(decide(filter.program, arch, 'ioctl', [0n, 0x8914n])).toEqual(ALLOWED); // SIOCSIFFLAGS
    }
  });
});

describe('FRR nodes', () => {
  it('enable the daemons their frr.conf configures', async () => {
    const { frrDaemons } = await import('../../src/topology/nodes.js');
    expect(frrDaemons('router ospf\n network 10.0.0.0/8 area 0\n!\nrouter bgp 65000\n')).toEqual(['bgpd', 'ospfd']);
    expect(frrDaemons('interface eth0\n ip address 10.0.0.1/24\n')).toEqual([]);
    expect(frrDaemons(' router ospf6\nbfd\n')).toEqual(['bfdd', 'ospf6d']);
  });

  it('kind: frr is a router with FRR’s capabilities and starts FRR before its own exec: lines; startup-config elsewhere warns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-frr-'));
    writeFileSync(join(dir, 'r1.conf'), 'router ospf\n');
    const text = 'name: f\ntopology:\n  nodes:\n    r1: { kind: frr, startup-config: r1.conf, exec: ["vtysh -c \'show run\'"] }\n    h1: { startup-config: r1.conf }\n';
    const t = loadTopology(join(dir, 'lab.yaml'), text);
    const r1 = t.nodes.get('r1');
    expect(r1?.kind).toBe('router');
    expect(r1?.frr).toMatchObject({ config: join(dir, 'r1.conf'), daemons: ['ospfd'] });
    expect(r1?.exec.map((e) => e.cmd)).toEqual(['/usr/lib/frr/frrinit.sh start', "vtysh -c 'show run'"]);
    for (const c of ['CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_SYS_ADMIN']) expect(r1?.confine.caps).toContain(c);
    expect(t.nodes.get('h1')?.frr).toBeUndefined();
    expect(t.warnings.map((w) => w.message).join('\n')).toMatch(/startup-config means something only for an FRR node/);
  });

  it('a containerlab linux node with FRR’s image is an FRR node; other images are not', () => {
    const text = 'name: f\ntopology:\n  nodes:\n    a: { kind: linux, image: "quay.io/frrouting/frr:8.4.1" }\n    b: { kind: linux, image: "frrouting/frr" }\n    c: { kind: linux, image: "wbitt/network-multitool" }\n';
    const t = loadTopology(join(mkdtempSync(join(tmpdir(), 'nslab-frr-')), 'lab.clab.yml'), text);
    expect([...t.nodes.values()].map((n) => [n.name, n.frr !== undefined])).toEqual([['a', true], ['b', true], ['c', false]]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, isRoot, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

/**
 * The sandbox, tried the way an attacker would: from inside a default
 * node, against the machine, another node and another lab. Every command
 * below succeeds from a node of `isolation: network` (the last test shows
 * it), so each failure here is the sandbox's doing.
 */
const lab = uniqueLab('sbx');
const other = uniqueLab('sbo');

const topology = (name: string, extra = '', port = 8080): string => `name: ${name}
topology:
  nodes:
    h1: { exec: [{ cmd: "exec python3 -m http.server ${port} --bind 10.61.0.1", background: true }] }
    h2: {}
    h3: { isolation: network }
${extra}  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.61.0.1/24 }, { node: h2, interface: eth0, ipv4: 10.61.0.2/24 }]
`;

async function inNode(node: string, script: string, name = lab) {
  const r = await execa('node', [CLI, 'exec', name, node, '--', 'sh', '-c', script], { reject: false, timeout: 30_000, stdin: 'ignore' });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Machine pid of the process whose command line starts with text (not the launcher that waits for it). */
function pidOf(text: string): number | undefined {
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').replaceAll('\0', ' ').startsWith(text)) return Number(p);
    } catch {
      // gone
    }
  }
  return undefined;
}

/** Machine pids of live (not zombie) processes whose real uid is in [uid, uid + 65536). */
function processesOf(uid: number): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const real = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
      const state = /^State:\s+(\S)/m.exec(status)?.[1];
      if (real >= uid && real < uid + 65536 && state !== 'Z' && state !== 'X') out.push(Number(p));
    } catch {
      // gone
    }
  }
  return out;
}

describe.skipIf(!isRoot)('a sandboxed node, attacked from inside', () => {
  let bindDir = '';
  beforeAll(async () => {
    const file = writeTopology('sbx.yaml', topology(lab, '    h4: { binds: ["files:/mnt:ro", "state:/var/lib/app"] }\n    h5: {}\n    h6: { cap-add: [SYS_ADMIN], seccomp: unconfined }\n'));
    bindDir = dirname(file);
    mkdirSync(join(bindDir, 'files'));
    writeFileSync(join(bindDir, 'files', 'hello.txt'), 'hello from the machine\n');
    mkdirSync(join(bindDir, 'state'));
    // A daemon's state directory, as an ordinary id of the machine owns it.
    chownSync(join(bindDir, 'state'), 1000, 1000);
    const up = await nslab(['up', file]);
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    const up2 = await nslab(['up', writeTopology('sbo.yaml', topology(other, '', 8081))]);
    expect(up2.exitCode).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await nslab(['down', lab]);
    await nslab(['down', other]);
  });

  it('maps root inside to an unprivileged range outside (uid_map, ps -o uid on the machine)', async () => {
    const r = await inNode('h1', 'cat /proc/self/uid_map; id -u');
    const [inside, outside, count] = (r.stdout.trim().split('\n')[0] ?? '').trim().split(/\s+/).map(Number);
    expect(inside).toBe(0);
    expect(outside).toBeGreaterThan(65535);
    expect(count).toBe(65536);
    expect(r.stdout.trim().split('\n').pop()).toBe('0');
    const server = pidOf('python3 -m http.server 8080');
    expect(server).toBeDefined();
    const ps = await execa('ps', ['-o', 'uid=', '-p', String(server)]);
    expect(Number(ps.stdout.trim())).toBe(outside);
  });

  it('cannot write /root, /etc or /usr, chmod u+s a host file, or read /etc/shadow', async () => {
    const r = await inNode('h1', 'for f in /root/x /etc/x /usr/x; do echo x > $f && echo WROTE $f; done; chmod u+s /bin/true && echo CHMOD; cat /etc/shadow && echo SHADOW; exit 0');
    expect(r.stdout).not.toMatch(/WROTE|CHMOD|SHADOW/);
    expect(existsSync('/root/x') || existsSync('/etc/x') || existsSync('/usr/x')).toBe(false);
    expect(statSync('/bin/true').mode & 0o4000).toBe(0);
  });

  it("opens a shell without complaint: HOME is the node's own /tmp, not the machine's root's home", async () => {
    const r = await inNode('h2', 'exec bash -i -c "echo home=\\$HOME" 2>&1 </dev/null');
    expect(r.stdout).toContain('home=/tmp');
    expect(r.stdout).not.toMatch(/Permission denied/);
  });

  it("cannot get its own programs run as the machine's root: nsenter and setpriv planted on PATH inside the node are never used", async () => {
    // h6 may mount (SYS_ADMIN, no filter): it covers /usr/local/sbin, first on root's PATH, with launchers of its own.
    const plant = [
      'mount -t tmpfs planted /usr/local/sbin',
      'for p in nsenter setpriv unshare; do printf "#!/bin/sh\\necho \\$(id -u) \\$(cat /proc/self/uid_map) > /tmp/ran-$p\\nexec /usr/bin/$p \\"\\$@\\"\\n" > /usr/local/sbin/$p; chmod 755 /usr/local/sbin/$p; done',
      'ls /usr/local/sbin',
    ].join(' && ');
    const planted = await inNode('h6', plant);
    expect(planted.stdout.split('\n')).toEqual(expect.arrayContaining(['nsenter', 'setpriv', 'unshare']));
    // A new init too: the machine's root starts it, so it must not be started through the node's tree either.
    const view = JSON.parse((await nslab(['inspect', lab, '--json'])).stdout) as { nodes: { name: string; sandbox?: { init: number | null } }[] };
    const init = view.nodes.find((n) => n.name === 'h6')?.sandbox?.init;
    expect(init).toBeGreaterThan(0);
    process.kill(init as number, 'SIGKILL');
    for (let i = 0; i < 100 && existsSync(`/proc/${init}/status`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${init}/status`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 20));
    const path = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const r = await execa('node', [CLI, 'exec', lab, 'h6', '--', 'sh', '-c', 'echo ran; ls /tmp'], { reject: false, stdin: 'ignore', env: { PATH: path } });
    expect(r.stdout.split('\n')[0]).toBe('ran');
    // What the node planted may run, but only as the node's root: inside the lab's user namespace, never the machine's.
    const tmp = join(`/run/nslab/${lab}/nodes/h6/tmp`);
    const ran = readdirSync(tmp).filter((f) => f.startsWith('ran-'));
    expect(ran).not.toContain('ran-nsenter');
    const machineMap = readFileSync('/proc/self/uid_map', 'utf8').trim().split(/\s+/).join(' ');
    for (const f of ran) {
      const [uid, ...map] = readFileSync(join(tmp, f), 'utf8').trim().split(/\s+/);
      expect({ f, uid, map: map.join(' ') }).not.toEqual({ f, uid: '0', map: machineMap });
      expect(map.join(' '), f).not.toBe(machineMap);
    }
  });

  it('sees only its own processes and cannot signal the machine or another lab', async () => {
    const r = await inNode('h1', 'ps -e -o pid=,comm=');
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeLessThan(12);
    expect(r.stdout).toMatch(/python3/);
    expect(r.stdout).not.toMatch(/vitest|systemd|kthreadd/);
    const otherServer = pidOf('python3 -m http.server 8081');
    expect(otherServer).toBeDefined();
    // A host root process (this test runner) and the other lab's server, by their machine pids.
    const k = await inNode('h2', `kill -TERM ${process.pid} && echo KILLED; kill -0 ${otherServer} && echo SIGNALLED; exit 0`);
    expect(k.stdout).not.toMatch(/KILLED|SIGNALLED/);
  });

  it('cannot write host sysctls, /dev/kmsg, /sys/power/state or another lab’s files', async () => {
    const r = await inNode('h1', [
      'echo /tmp/nslab-pwned > /proc/sys/kernel/core_pattern && echo CORE',
      'echo 1 > /proc/sys/vm/drop_caches && echo VM',
      'echo x > /dev/kmsg && echo KMSG',
      'echo mem > /sys/power/state && echo POWER',
      `ls /run/nslab/${other} && echo OTHERLAB`,
      `echo x > /run/nslab/${other}/lab.json && echo OTHERLAB`,
      'exit 0',
    ].join('; '));
    expect(r.stdout).not.toMatch(/CORE|VM|KMSG|POWER|OTHERLAB/);
    expect(readFileSync('/proc/sys/kernel/core_pattern', 'utf8')).not.toMatch(/nslab-pwned/);
  });

  it('has its own /proc with Docker’s masked paths: each one this kernel has reads as /dev/null', async () => {
    const masked = ['kcore', 'sysrq-trigger', 'timer_list', 'keys', 'latency_stats', 'sched_debug', 'kallsyms'];
    const r = await inNode('h1', `for f in ${masked.join(' ')}; do [ -e /proc/$f ] || continue; n=$(head -c 64 /proc/$f | wc -c); m=$(grep -c " /proc/$f " /proc/self/mountinfo); echo "$f $n $m"; done`);
    const rows = r.stdout.trim().split('\n').filter(Boolean).map((l) => l.split(' '));
    // kallsyms and keys exist on every kernel that has /proc; on the machine they are not empty.
    expect(rows.length).toBeGreaterThan(0);
    expect(readFileSync('/proc/kallsyms', 'utf8').length).toBeGreaterThan(0);
    for (const [name, bytes, mounts] of rows) {
      expect(bytes, name).toBe('0');
      expect(mounts, name).toBe('1');
    }
  });

  it('cannot make a veth in the machine’s namespace with netns 1', async () => {
    const before = (await execa('ip', ['-j', 'link'])).stdout;
    const r = await inNode('h1', 'ip link add sbxesc0 type veth peer name sbxesc1 netns 1; ip -br link');
    const after = (await execa('ip', ['-j', 'link'])).stdout;
    expect(after).not.toMatch(/sbxesc/);
    expect(JSON.parse(after).length).toBe(JSON.parse(before).length);
    // If it made anything, it is inside the node, where down removes it.
    expect(r.exitCode).toBe(0);
  });

  it('has its own /tmp: not the machine’s, not another node’s, gone after down', async () => {
    const marker = `sbx-${process.pid}`;
    const w = await inNode('h1', `echo secret > /tmp/${marker} && cat /tmp/${marker}`);
    expect(w.stdout.trim()).toBe('secret');
    expect(existsSync(`/tmp/${marker}`)).toBe(false);
    const seen = await inNode('h2', `cat /tmp/${marker} 2>&1; exit 0`);
    expect(seen.stdout).toMatch(/No such file/);
    const onHost = readFileSync(`/run/nslab/${lab}/nodes/h1/tmp/${marker}`, 'utf8');
    expect(onHost).toBe('secret\n');
  });

  it('runs a web server another node reaches', async () => {
    const r = await inNode('h2', 'for i in 1 2 3 4 5 6 7 8 9 10; do python3 -c "import urllib.request as u; print(u.urlopen(\'http://10.61.0.1:8080/\', timeout=2).status)" 2>/dev/null && exit 0; sleep 0.3; done; exit 1');
    expect(r.stdout.trim()).toBe('200');
  });

  it('shows binds: read-only where asked, writable and owned by the node’s root elsewhere', async () => {
    const r = await inNode('h4', 'cat /mnt/hello.txt; echo x > /mnt/new && echo RO-WROTE; echo y > /var/lib/app/data && echo RW-OK; exit 0');
    expect(r.stdout).toMatch(/hello from the machine/);
    expect(r.stdout).not.toMatch(/RO-WROTE/);
    expect(r.stdout).toMatch(/RW-OK/);
    expect(readFileSync(join(bindDir, 'state', 'data'), 'utf8')).toBe('y\n');
    // Written by the node's root: on the machine it belongs to the lab's id, not to root.
    expect(statSync(join(bindDir, 'state', 'data')).uid).toBeGreaterThan(65535);
  });

  it('cannot leave a setuid-root file on the machine through a writable bind', async () => {
    const r = await inNode('h4', 'cp /bin/true /var/lib/app/rootsh && chown 0:0 /var/lib/app/rootsh; chmod 4755 /var/lib/app/rootsh; exit 0');
    expect(r.exitCode).toBe(0);
    const st = statSync(join(bindDir, 'state', 'rootsh'));
    expect(st.uid !== 0 || (st.mode & 0o4000) === 0).toBe(true);
    expect(st.uid).not.toBe(0);
  });

  it('cannot type into the user’s terminal (TIOCSTI is refused by the filter, not merely by the tty)', async () => {
    const r = await inNode('h1', `python3 -c 'import fcntl, termios, sys
try:
    fcntl.ioctl(0, termios.TIOCSTI, b"x")
except OSError as e:
    print("errno", e.errno)'`);
    expect(r.stdout.trim()).toBe('errno 1');
  });

  it('gets no fd of the caller beyond 0–2 (an open fd could name the machine’s files)', async () => {
    const fd = openSync('/etc/hostname', 'r');
    try {
      const stdio: ('ignore' | 'pipe' | number)[] = ['ignore', 'pipe', 'pipe', ...Array.from({ length: 20 }, () => 'ignore' as const), fd];
      const r = spawnSync('node', [CLI, 'exec', lab, 'h1', '--', 'sh', '-c', '[ -e /proc/self/fd/23 ] && echo LEAK; echo done'], { timeout: 30_000, stdio });
      expect(String(r.stdout).trim()).toBe('done');
    } finally {
      closeSync(fd);
    }
  });

  it('keeps `isolation: network` as before: root on the machine’s files (what the README warns of)', async () => {
    const r = await inNode('h3', 'cat /proc/self/uid_map; head -c 0 /etc/shadow && echo SHADOW');
    expect(r.stdout).toMatch(/^\s*0\s+0\s+4294967295/);
    expect(r.stdout).toMatch(/SHADOW/);
  });

  it('cannot signal its own init or write its memory (the init has no filter)', async () => {
    const r = await inNode('h2', 'kill -9 1 && echo KILLED; printf x | dd of=/proc/1/mem bs=1 seek=4096 conv=notrunc 2>/dev/null && echo WROTE; grep -E "^(Uid|Seccomp):" /proc/1/status; exit 0');
    expect(r.stdout).not.toMatch(/KILLED|WROTE/);
    expect(r.stdout).toMatch(/^Uid:\s+65534/m);
    const again = await inNode('h2', 'echo alive');
    expect(again.stdout.trim()).toBe('alive');
  });

  it("runs its first command only once its init has set it up: hostname, /sys, masked /proc (nothing ran in h5 before)", async () => {
    const r = await inNode('h5', 'hostname; ls /sys/class/net; tr "\\0" " " < /proc/1/cmdline; echo; wc -c < /proc/kcore');
    const [hostname, sys, init, kcore] = r.stdout.trim().split('\n');
    expect(hostname).toBe('h5');
    expect(sys).toBe('lo');
    expect(init).toMatch(/^\/bin\/sh -c while :; do sleep 86400/);
    if (existsSync('/proc/kcore')) expect(kcore?.trim()).toBe('0');
  });

  it("has its own /sys from its init on, also after the machine's root killed that init (ls /sys/class/net, mountinfo)", async () => {
    const script = 'ls /sys/class/net | tr "\\n" " "; echo; grep -c " /sys .* - sysfs " /proc/self/mountinfo';
    const before = await inNode('h2', script);
    expect(before.stdout.split('\n')[0]?.trim().split(' ').sort()).toEqual(['eth0', 'lo']);
    const view = JSON.parse((await nslab(['inspect', lab, '--json'])).stdout) as { nodes: { name: string; sandbox?: { init: number | null } }[] };
    const init = view.nodes.find((n) => n.name === 'h2')?.sandbox?.init;
    expect(init).toBeGreaterThan(0);
    process.kill(init as number, 'SIGKILL');
    for (let i = 0; i < 100 && existsSync(`/proc/${init}/status`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${init}/status`, 'utf8')); i++) await new Promise((r) => setTimeout(r, 20));
    const after = await inNode('h2', script);
    expect(after.stdout.split('\n')[0]?.trim().split(' ').sort()).toEqual(['eth0', 'lo']);
    // The dead init's sysfs went with it: no mount piles up over /sys.
    expect(after.stdout.split('\n')[1]).toBe(before.stdout.split('\n')[1]);
  });

  it("queues POSIX messages in its own IPC namespace (/dev/mqueue is the node's, not the machine's)", async (ctx) => {
    if (!existsSync('/dev/mqueue')) ctx.skip('this machine has no /dev/mqueue to mount the node’s mqueue file system on');
    const name = `nslab-q-${process.pid}`;
    const r = await inNode('h2', `: > /dev/mqueue/${name} && ls /dev/mqueue`);
    expect(r.stdout.split('\n')).toContain(name);
    expect(existsSync(`/dev/mqueue/${name}`)).toBe(false);
    expect((await inNode('h1', 'ls /dev/mqueue')).stdout.split('\n')).not.toContain(name);
  });

  it('inspect shows each node’s namespaces, id map and init as the kernel has them (lsns, /proc)', async () => {
    await inNode('h2', 'true');
    const r = await nslab(['inspect', lab, '--json']);
    const view = JSON.parse(r.stdout) as { nodes: { name: string; sandbox?: { namespaces: Record<string, number>; uidMap: string; init: number | null } }[] };
    const h2 = view.nodes.find((n) => n.name === 'h2')?.sandbox;
    expect(h2?.init).toBeGreaterThan(0);
    for (const t of ['pid', 'mnt', 'net', 'user', 'uts', 'ipc']) {
      expect(statSync(`/proc/${h2?.init}/ns/${t}`).ino, t).toBe(h2?.namespaces[t]);
    }
    const status = readFileSync(`/proc/${h2?.init}/status`, 'utf8');
    expect(/^NSpid:\s+\d+\s+1$/m.test(status)).toBe(true);
    expect(h2?.uidMap).toBe(readFileSync(`/proc/${h2?.init}/uid_map`, 'utf8').trim().split(/\s+/).join(' '));
    const lsns = await execa('lsns', ['-J', '-t', 'user']);
    expect(lsns.stdout).toContain(String(h2?.namespaces.user));
    // A node nothing has run in has no init yet: no process to pay for.
    const text = await nslab(['inspect', lab]);
    expect(text.stdout).toMatch(/^h4\s+0 \d+ 65536\s+(not started|pid \d+)/m);
  });

  it("stops a fork loop in a node with no written limits at nslab's default pids limit (pids.max, pids.events)", async () => {
    const loop = await inNode('h2', 'i=0; while [ $i -lt 1100 ]; do sleep 300 >/dev/null 2>&1 & i=$((i+1)); done 2>/dev/null; echo forked');
    // dash gives up at the first fork the kernel refuses (exit 2); the count below is what matters.
    expect(loop.exitCode === 2 || loop.stdout.includes('forked')).toBe(true);
    // The node's pids cgroup as the machine sees it: from /proc/PID/cgroup of the node's processes.
    const inNodeCgroup: number[] = [];
    let dir: string | undefined;
    for (const p of readdirSync('/proc')) {
      if (!/^\d+$/.test(p)) continue;
      let cg: string;
      try {
        cg = readFileSync(`/proc/${p}/cgroup`, 'utf8');
      } catch {
        continue;
      }
      const line = cg.split('\n').find((l) => /^\d+:pids:/.test(l)) ?? cg.split('\n').find((l) => l.startsWith('0::'));
      const path = line?.split(':').slice(2).join(':');
      if (!path?.endsWith(`/nslab-${lab}/h2`)) continue;
      inNodeCgroup.push(Number(p));
      dir = line?.startsWith('0::') ? `/sys/fs/cgroup${path}` : `/sys/fs/cgroup/pids${path}`;
    }
    try {
      expect(dir).toBeDefined();
      expect(readFileSync(`${dir}/pids.max`, 'utf8').trim()).toBe('1024');
      expect(Number(/^max (\d+)$/m.exec(readFileSync(`${dir}/pids.events`, 'utf8'))?.[1])).toBeGreaterThan(0);
      expect(inNodeCgroup.length).toBeLessThanOrEqual(1024);
      expect(inNodeCgroup.length).toBeGreaterThan(900);
    } finally {
      for (const pid of inNodeCgroup) {
        try {
          if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('sleep\u0000300')) process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
  });

  it('is still reachable with ip netns exec, as the administrator', async () => {
    const r = await execa('ip', ['netns', 'exec', `${lab}-h1`, 'ip', '-j', 'addr', 'show', 'eth0']);
    expect(r.stdout).toMatch(/10\.61\.0\.1/);
  });
});

describe.skipIf(!isRoot)('a sandboxed lab after down', () => {
  it('userns: sets the lab’s range; one overlapping another lab’s fails up in one line with file:line and makes nothing', async () => {
    const a = uniqueLab('sua');
    const b = uniqueLab('sub');
    const base = 0x60000000 + (process.pid % 1000) * 0x20000;
    const fa = writeTopology('sua.yaml', `name: ${a}\nuserns: { uid: ${base}, gid: ${base} }\ntopology:\n  nodes: { h1: {} }\n`);
    const fb = writeTopology('sub.yaml', `name: ${b}\nuserns: { uid: ${base + 30000}, gid: ${base + 70000} }\ntopology:\n  nodes: { h1: {} }\n`);
    try {
      expect((await nslab(['up', fa])).exitCode).toBe(0);
      const map = await inNode('h1', 'cat /proc/self/uid_map', a);
      expect(map.stdout.trim().split(/\s+/)).toEqual(['0', String(base), '65536']);
      const r = await nslab(['up', fb]);
      expect(r.exitCode).toBe(1);
      expect(r.stderr.trim().split('\n')[0]).toMatch(new RegExp(`overlaps lab '${a}'.*sub\\.yaml:2:\\d+`));
      expect(existsSync(`/run/nslab/${b}`)).toBe(false);
      expect((await execa('ip', ['netns', 'list'])).stdout).not.toContain(`${b}-`);
    } finally {
      await nslab(['down', a]);
      await nslab(['down', b]);
    }
  });

  it('a bind the read-only root has no place for fails up in one line with file:line, and leaves nothing', async () => {
    const name = uniqueLab('sbf');
    const file = writeTopology('sbf.yaml', `name: ${name}\ntopology:\n  nodes:\n    h1: {}\n    h2: { binds: [".:/no-such-dir-${process.pid}"] }\n  links:\n    - endpoints: [h1, h2]\n`);
    const r = await nslab(['up', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr.trim().split('\n')[0]).toMatch(new RegExp(`cannot bind .* at /no-such-dir-${process.pid}: the machine has no .*sbf\\.yaml:5:\\d+`));
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(name);
    expect((await execa('ip', ['netns', 'list'])).stdout).not.toContain(name);
  });

  it('leaves no process, mount, namespace file or node directory', async () => {
    const name = uniqueLab('sbd');
    const up = await nslab(['up', writeTopology('sbd.yaml', topology(name))]);
    expect(up.exitCode).toBe(0);
    const touched = await inNode('h2', 'echo hi > /tmp/f', name);
    expect(touched.exitCode).toBe(0);
    const rec = JSON.parse(readFileSync(`/run/nslab/${name}/lab.json`, 'utf8')) as { facts: { sandbox: { ids: { uid: number } } } };
    const uid = rec.facts.sandbox.ids.uid;
    expect(processesOf(uid).length).toBeGreaterThan(0);
    const down = await nslab(['down', name]);
    // A PID namespace's init finishes exiting just after its cgroup is empty (zap_pid_ns_processes).
    for (let i = 0; i < 50 && processesOf(uid).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesOf(uid)).toEqual([]);
    expect(down.exitCode).toBe(0);
    expect(existsSync(`/run/nslab/${name}`)).toBe(false);
    expect(readFileSync('/proc/self/mountinfo', 'utf8')).not.toContain(`/run/nslab/${name}`);
    const ns = (await execa('ip', ['netns', 'list'])).stdout;
    expect(ns).not.toContain(name);
  });
});

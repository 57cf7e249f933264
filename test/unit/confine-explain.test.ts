import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainConfinement, explainSandbox, policyText } from '../../src/lab/confine-explain.js';
import { DEFAULT_PROFILE } from '../../src/sys/seccomp/index.js';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';

/*
 * `up --explain` for the sandbox and the confinement: the cgroup files and
 * values nslab writes (v1, with v2 beside), the setpriv/nsenter door of
 * nslab exec, the seccomp rules. All comments, so the script `--explain`
 * prints still builds the network alone (test/integration/explain.test.ts
 * runs it); `sh -n` (dash, not ours) parses the whole.
 */

const plan = compilePlan(
  loadTopology(
    '/labs/conf.yaml',
    `name: conf
userns: { uid: 300000, gid: 400000 }
topology:
  nodes:
    web: { memory: 64MiB, cpu: 0.5, pids: 200, cpu-set: "0", binds: ["/usr/share:/var/www:ro"] }
    client: { cap-drop: [NET_ADMIN], seccomp: unconfined }
    old: { isolation: network }
  links:
    - endpoints: [web, client]
    - endpoints: [client, old]
`,
  ),
);

describe('up --explain: sandbox and confinement', () => {
  const sandbox = explainSandbox(plan);
  const confine = explainConfinement(plan);

  it('is comments only, so running the script changes nothing but the network', () => {
    for (const l of [...sandbox, ...confine]) expect(l === '' || l.startsWith('#'), l).toBe(true);
  });

  it('shows the user namespace with the lab’s ids and each sandboxed node’s mount namespace with its binds', () => {
    expect(sandbox).toContain('#   unshare --user --map-users=0:300000:65536 --map-groups=0:400000:65536 sleep infinity & HOLDER=$!; sleep 0.2');
    const web = sandbox.find((l) => l.includes('/web.mnt ') && l.includes('unshare --mount='));
    expect(web).toContain("mount --bind -o ro /usr/share /var/www");
    expect(sandbox.some((l) => l.includes('/old.mnt'))).toBe(false); // isolation: network has no mount namespace
  });

  it('writes the v1 cgroup files with the plan’s values, the v2 file beside each', () => {
    expect(confine).toContain('#   echo 67108864 > $memory/web/memory.limit_in_bytes    # v2: echo 67108864 > $CG/nslab-conf/web/memory.max');
    expect(confine).toContain('#   echo 50000 > $cpu/web/cpu.cfs_quota_us    # v2: (the same cpu.max)');
    expect(confine).toContain('#   echo 100000 > $cpu/web/cpu.cfs_period_us    # v2: echo "50000 100000" > $CG/nslab-conf/web/cpu.max');
    expect(confine).toContain('#   echo 0 > $cpuset/web/cpuset.cpus    # v2: echo 0 > $CG/nslab-conf/web/cpuset.cpus');
    expect(confine).toContain('#   echo 200 > $pids/web/pids.max    # v2: echo 200 > $CG/nslab-conf/web/pids.max');
    // nslab's default pids limit for a node without one.
    expect(confine).toContain('#   echo 1024 > $pids/client/pids.max    # v2: echo 1024 > $CG/nslab-conf/client/pids.max');
  });

  it('gives nslab exec as nsenter + setpriv with the node’s bounding set', () => {
    const door = (node: string): string | undefined => confine.find((l) => l.includes(`--net=/run/netns/conf-${node} `));
    expect(door('web')).toMatch(/--user=\/proc\/INIT\/ns\/user --pid=\/proc\/INIT\/ns\/pid .* setpriv --no-new-privs --bounding-set=-all,\+chown,.*\+net_admin,\+net_raw,.* --inh-caps=-all -- CMD$/);
    expect(door('client')).not.toContain('+net_admin');
    expect(door('old')).toContain(`--uts=/run/nslab/conf/ns/old.uts --`);
  });

  it('lists the seccomp policy as rules once per profile', () => {
    expect(confine.filter((l) => l.startsWith('# seccomp default'))).toHaveLength(1);
    expect(confine).toContain('#   setns: errno(1)');
    expect(policyText(DEFAULT_PROFILE)[0]).toBe('default: allow');
    expect(policyText(DEFAULT_PROFILE)).toContain('ioctl: errno(1) if arg1 & 0xffffffff == 0x5412');
  });

  it('parses as a shell script with the rest of --explain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-explain-'));
    const script = join(dir, 'x.sh');
    writeFileSync(script, ['#!/bin/sh', 'set -e', ...sandbox, ...confine, ''].join('\n'));
    const r = await execa('sh', ['-n', script], { reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(script, 'utf8')).toContain('memory.memsw.limit_in_bytes');
  });
});

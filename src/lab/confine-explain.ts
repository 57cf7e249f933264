import { dirname } from 'node:path';
import { CAP, type CapName } from '../sys/caps/index.js';
import { labCgroupName } from '../sys/cgroup/record.js';
import { actionText, type Policy } from '../sys/seccomp/policy.js';
import { parseSeccompSetting } from '../sys/seccomp/setting.js';
import type { Plan, PlanNamespace } from '../topology/plan.js';
import { nodeLimits } from './confine-node.js';
import { sandboxNsDir } from './sandbox-files.js';
import { labDir } from './state.js';

/**
 * The sandbox and the confinement of `up --explain`, as the commands a
 * student knows: util-linux `unshare`/`nsenter`/`setpriv` for namespaces
 * and capabilities, the cgroup files for v1 (one hierarchy per controller,
 * what this kind of machine has) with the v2 file beside each, and the
 * seccomp policy as libseccomp-style rules. nslab does the same over
 * syscalls. Every line is a comment (`#   CMD`): run as a script, the
 * rest of --explain builds the network alone, and these would leave
 * cgroups, mounts and a holder process that its `ip netns del` lines do
 * not remove. Copy one out to try it.
 */

/** The commands as comment lines of the script. */
function commented(lines: readonly string[]): string[] {
  return lines.map((l) => (l === '' || l.startsWith('# ') ? l : `#   ${l}`));
}

const q = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`);

function capArg(caps: readonly string[]): string {
  const names = [...caps].sort((a, b) => (CAP[a as CapName] ?? 0) - (CAP[b as CapName] ?? 0)).map((c) => `+${c.replace(/^CAP_/, '').toLowerCase()}`);
  return ['-all', ...names].join(',');
}

/** The lines that make the lab's user namespace and each sandboxed node's mount namespace. */
export function explainSandbox(plan: Plan): string[] {
  const boxed = plan.namespaces.filter((n) => n.confine.isolation === 'sandbox');
  if (boxed.length === 0) return [];
  const ns = sandboxNsDir(plan.lab);
  const ids = plan.userns ? `${plan.userns.uid}` : 'UID';
  const gids = plan.userns ? `${plan.userns.gid}` : 'GID';
  const out = [
    '',
    `# Sandbox (what nslab does before the namespaces above, as commands). One user namespace for the lab: uid/gid 0-65535 inside are ${ids}-… outside${plan.userns ? '' : ' (UID/GID: a free range nslab picks at up)'}; pinned by a bind mount.`,
    `mkdir -p ${ns} && mount -t tmpfs -o mode=700 nslab-${plan.lab}-ns ${ns} && mount --make-private ${ns}`,
    `unshare --user --map-users=0:${ids}:65536 --map-groups=0:${gids}:65536 sleep infinity & HOLDER=$!; sleep 0.2`,
    `touch ${ns}/user && mount --bind /proc/$HOLDER/ns/user ${ns}/user && kill $HOLDER`,
    '# Each sandboxed node: a mount namespace owned by it (root read-only, its own /tmp, /run, /var/{tmp,log,lib}, /etc/hosts, its binds), pinned:',
  ];
  for (const n of boxed) {
    const binds = n.confine.binds.map((b) => `mount --bind${b.ro ? ' -o ro' : ''} ${q(b.src)} ${q(b.dst)}`);
    const inside = [`mount -o remount,bind,ro /`, ...['/tmp', '/run', '/var/tmp', '/var/log', '/var/lib'].map((d) => `mount -t tmpfs tmpfs ${d}`), ...binds].join('; ');
    out.push(`touch ${ns}/${n.node}.mnt && nsenter --user=${ns}/user --net=/run/netns/${n.name} unshare --mount=${ns}/${n.node}.mnt --propagation private sh -c ${q(inside)}`);
  }
  out.push(
    '# PID, UTS, IPC and cgroup namespaces are made by the first command in a node: its init (PID 1, uid 65534 inside, no capabilities):',
    `nsenter --user=${ns}/user --net=… --mount=${ns}/NODE.mnt unshare --pid --fork --uts --ipc --cgroup --mount-proc setpriv --reuid=65534 --regid=65534 --bounding-set=-all -- sh -c 'while :; do sleep 86400 & wait; done'`,
  );
  return commented(out);
}

/** The cgroup writes of one node: the v1 file under the node's directory ($memory, $cpu… set once), the v2 file as a comment. */
function cgroupLines(plan: Plan, n: PlanNamespace): string[] {
  const l = nodeLimits(n, true);
  const node = `${labCgroupName(plan.lab)}/${n.node}`;
  const out: string[] = [];
  const write = (ctrl: string, file: string, value: string | number, v2: string): void => {
    out.push(`echo ${value} > $${ctrl}/${n.node}/${file}    # v2: ${v2}`);
  };
  if (l.memory !== undefined) {
    write('memory', 'memory.limit_in_bytes', l.memory, `echo ${l.memory} > $CG/${node}/memory.max`);
    write('memory', 'memory.memsw.limit_in_bytes', l.memory, `echo 0 > $CG/${node}/memory.swap.max`);
  }
  if (l.cpu !== undefined) {
    write('cpu', 'cpu.cfs_period_us', l.cpu.periodUs, `echo "${l.cpu.quotaUs} ${l.cpu.periodUs}" > $CG/${node}/cpu.max`);
    write('cpu', 'cpu.cfs_quota_us', l.cpu.quotaUs, '(the same cpu.max)');
  }
  if (l.cpuSet !== undefined) write('cpuset', 'cpuset.cpus', l.cpuSet, `echo ${l.cpuSet} > $CG/${node}/cpuset.cpus`);
  if (l.pids !== undefined) write('pids', 'pids.max', l.pids, `echo ${l.pids} > $CG/${node}/pids.max`);
  return out.length > 0 ? [`mkdir -p ${['memory', 'cpu', 'cpuset', 'pids'].map((c) => `$${c}/${n.node}`).join(' ')}`, ...out] : [];
}

/** A seccomp policy as libseccomp-style rules: `mount: errno(1)`, arguments as `arg0 & 0x… == 0x…`. */
export function policyText(policy: Policy): string[] {
  const out = [`default: ${actionText(policy.defaultAction)}`];
  const ops: Record<string, string> = { SCMP_CMP_NE: '!=', SCMP_CMP_LT: '<', SCMP_CMP_LE: '<=', SCMP_CMP_EQ: '==', SCMP_CMP_GE: '>=', SCMP_CMP_GT: '>' };
  for (const r of policy.rules) {
    const args = (r.args ?? []).map((a) =>
      a.op === 'SCMP_CMP_MASKED_EQ' ? `arg${a.index} & 0x${a.value.toString(16)} == 0x${(a.valueTwo ?? 0n).toString(16)}` : `arg${a.index} ${ops[a.op] ?? a.op} 0x${a.value.toString(16)}`,
    );
    const when = [...(r.when?.arches ? [`arch ${r.when.arches.join('|')}`] : []), ...(r.when?.notCaps ? [`without ${r.when.notCaps.join(',')}`] : []), ...(r.when?.caps ? [`with ${r.when.caps.join(',')}`] : [])];
    out.push(`${r.names.join(' ')}: ${actionText(r.action)}${args.length ? ` if ${args.join(' && ')}` : ''}${when.length ? ` (${when.join('; ')})` : ''}`);
  }
  return out;
}

/** Cgroups, capabilities, no_new_privs and seccomp of every node, and the door `nslab exec` uses. */
export function explainConfinement(plan: Plan): string[] {
  const out = [
    '',
    '# Confinement. cgroups beneath your own cgroup, one hierarchy per controller (v1, as on this kind of machine); the v2 file beside each.',
    'CG=/sys/fs/cgroup',
    ...['memory', 'cpu', 'cpuset', 'pids'].map((c) => `${c}=$CG/${c}$(awk -F: '$2 ~ /(^|,)${c}(,|$)/ {print $3}' /proc/self/cgroup)/${labCgroupName(plan.lab)}`),
  ];
  for (const n of plan.namespaces) out.push(...cgroupLines(plan, n));
  const policies = new Map<string, string[]>();
  for (const n of plan.namespaces) {
    const door =
      n.confine.isolation === 'sandbox'
        ? `nsenter --net=/run/netns/${n.name} --mount=${sandboxNsDir(plan.lab)}/${n.node}.mnt --user=/proc/INIT/ns/user --pid=/proc/INIT/ns/pid --uts=/proc/INIT/ns/uts --ipc=/proc/INIT/ns/ipc --cgroup=/proc/INIT/ns/cgroup --`
        : `nsenter --net=/run/netns/${n.name} --uts=${labDir(plan.lab)}/ns/${n.node}.uts --`;
    out.push(
      `# nslab exec ${plan.lab} ${n.node} -- CMD: join its cgroups (echo $$ > $memory/${n.node}/tasks …), then${n.confine.seccomp === 'unconfined' ? '' : ` (after nslab loads its seccomp filter: seccomp ${n.confine.seccomp}, below)`}`,
      `${door} setpriv --no-new-privs --bounding-set=${capArg(n.confine.caps)} --inh-caps=-all -- CMD`,
    );
    if (n.confine.seccomp !== 'unconfined' && !policies.has(n.confine.seccomp)) {
      try {
        const s = parseSeccompSetting(n.confine.seccomp, { baseDir: dirname(plan.source) });
        policies.set(n.confine.seccomp, s.mode === 'unconfined' ? [] : policyText(s.policy));
      } catch (err) {
        policies.set(n.confine.seccomp, [`(cannot read it: ${(err as Error).message})`]);
      }
    }
  }
  for (const [name, lines] of policies) {
    out.push(`# seccomp ${name}, as rules (nslab compiles them to classic BPF; \`nslab inspect --isolation\` shows it loaded):`, ...lines);
  }
  return commented(out);
}

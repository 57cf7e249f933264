import type { IsolationView, NodeIsolation } from '../lab/isolation-view.js';

/** `nslab inspect --isolation` as text: one block per node. */

function bytes(n: number): string {
  return n >= 1 << 30 ? `${(n / 2 ** 30).toFixed(1)}G` : n >= 1 << 20 ? `${(n / 2 ** 20).toFixed(1)}M` : `${(n / 1024).toFixed(0)}K`;
}

function caps(list: readonly string[]): string {
  return list.length === 0 ? '(none)' : list.length >= 40 ? `(all ${list.length})` : list.join(',');
}

function nodeBlock(n: NodeIsolation): string[] {
  const out = [`${n.node} (isolation: ${n.isolation})${n.process ? `, read from pid ${n.process.pid} (${n.process.name}, ${n.process.role === 'init' ? 'the node’s init' : 'a command in the node'})` : ', nothing runs there'}`];
  const ns = Object.entries(n.namespaces).map(([t, f]) => {
    const who = f.host ? ' = host' : f.sharedWith.length > 0 ? ` = ${f.sharedWith.join(',')}` : '';
    return `${t}:[${f.inode}]${who}`;
  });
  out.push(`  namespaces   ${ns.join('  ')}`);
  if (n.uidMap.length > 0) out.push(`  uid_map      ${n.uidMap.join('; ')}    gid_map ${n.gidMap.join('; ')}`);
  if (n.capabilities) {
    const c = n.capabilities;
    out.push(`  caps eff     ${caps(c.effective)}`);
    if (c.permitted.join() !== c.effective.join()) out.push(`  caps prm     ${caps(c.permitted)}`);
    out.push(`  caps bnd     ${caps(c.bounding)}`);
    if (c.ambient.length > 0) out.push(`  caps amb     ${caps(c.ambient)}`);
    if (c.inheritable.length > 0) out.push(`  caps inh     ${caps(c.inheritable)}`);
  }
  out.push(`  granted      ${caps(n.granted.capabilities)}; seccomp ${n.granted.seccomp}`);
  if (n.noNewPrivs !== null) out.push(`  no_new_privs ${n.noNewPrivs ? 1 : 0}`);
  if (n.seccomp) out.push(`  seccomp      ${n.seccomp.modeName} (mode ${n.seccomp.mode}), ${n.seccomp.filters} filter${n.seccomp.filters === 1 ? '' : 's'}`);
  const cg = n.cgroups;
  if (cg) {
    const parts: string[] = [];
    if (cg.memory) parts.push(`memory ${bytes(cg.memory.used)}/${cg.memory.limit === null ? 'max' : bytes(cg.memory.limit)}${cg.memory.hitLimit ? ` (limit hit ${cg.memory.hitLimit}×)` : ''}`);
    if (cg.pids) parts.push(`pids ${cg.pids.current}/${cg.pids.limit ?? 'max'}${cg.pids.refused ? ` (${cg.pids.refused} forks refused)` : ''}`);
    if (cg.cpu) parts.push(`cpu ${cg.cpu.limitCores === null ? 'max' : `${cg.cpu.limitCores} cores`}${cg.cpu.usageUsec !== undefined ? `, ${(cg.cpu.usageUsec / 1e6).toFixed(2)} s used` : ''}${cg.cpu.throttledPeriods ? `, throttled ${cg.cpu.throttledPeriods}×` : ''}`);
    if (cg.cpuset) parts.push(`cpuset ${cg.cpuset.effectiveCpus}`);
    out.push(`  cgroups      ${parts.join('; ')}`);
  }
  return out;
}

export function formatIsolation(v: IsolationView): string {
  const host = Object.entries(v.host).map(([t, ino]) => `${t}:[${ino}]`).join('  ');
  return [`isolation of lab ${v.lab}`, `host         ${host}`, '', ...v.nodes.flatMap((n) => [...nodeBlock(n), ''])].join('\n').trimEnd();
}

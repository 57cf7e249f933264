import { EtcdClient } from '../etcd/client.js';
import { listLabs, submitLab, takeDown, waitReady, type ClusterDownResult } from '../cluster/control.js';
import { checkAcross } from '../cluster/check.js';
import { checkVerdict, formatReport, type CheckOptions } from '../lab/check.js';
import type { Plan } from '../topology/plan.js';

/** `nslab up FILE --etcd URL`, `down LAB --etcd URL`, `list --etcd URL`: the multi-host side of those commands. */

const UP_TIMEOUT_MS = 300_000;

export async function upAcross(plan: Plan, url: string): Promise<void> {
  const etcd = new EtcdClient(url);
  const started = performance.now();
  const placed = await submitLab(etcd, plan);
  const hosts = placed.parts.map((p) => p.host);
  try {
    await waitReady(etcd, plan.lab, hosts, UP_TIMEOUT_MS, (p) => process.stderr.write(`nslab up: ${p.host}: ${p.phase}: ${p.message}\n`));
  } catch (err) {
    process.stderr.write(`nslab up: rolling back lab '${plan.lab}' on ${hosts.join(', ')}\n`);
    const r = await takeDown(etcd, plan.lab, 120_000).catch((e: Error) => e);
    if (r instanceof Error) throw new AggregateError([err, r], `${(err as Error).message}\n(and rolling back failed: ${r.message}; run 'nslab down ${plan.lab} --etcd ${url}')`);
    if (r.absent.length) process.stderr.write(`nslab up: ${r.absent.join(', ')} will remove their part when their agent comes back\n`);
    throw err;
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = [`lab '${plan.lab}' is up across ${hosts.length} machines: ${plan.namespaces.length} nodes, ${plan.veths.length} links, ${placed.cables} of them VXLAN cables (${seconds.toFixed(2)} s)`];
  const width = plan.namespaces.reduce((w, n) => Math.max(w, n.node.length), 4);
  for (const part of placed.parts) {
    lines.push(`  ${part.host}: ${part.plan.namespaces.map((n) => n.node).join(' ')}`);
    for (const c of part.cables) lines.push(`    ${c.end.node.padEnd(width)} ${c.end.name} ─ vxlan ${c.vni} ─ ${c.remoteHost} (${c.remote}:${c.port}, mtu ${c.mtu})`);
  }
  lines.push(`remove it with: nslab down ${plan.lab} --etcd ${url}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function report(lab: string, r: ClusterDownResult): string {
  if (!r.found) return `lab '${lab}' is not up in etcd; nothing to remove`;
  const later = r.absent.length ? `; ${r.absent.join(', ')} (no agent running) will remove their part when their agent comes back` : '';
  return `lab '${lab}' is down on ${r.removed.join(', ') || 'no machine'}${later}`;
}

export async function downAcross(lab: string, url: string): Promise<void> {
  process.stdout.write(`${report(lab, await takeDown(new EtcdClient(url), lab, 120_000))}\n`);
}

export async function listAcross(url: string, json: boolean): Promise<void> {
  const labs = await listLabs(new EtcdClient(url));
  if (json) {
    process.stdout.write(`${JSON.stringify(labs, null, 2)}\n`);
    return;
  }
  if (labs.length === 0) {
    process.stdout.write(`no lab is up in ${url}\n`);
    return;
  }
  for (const l of labs) {
    process.stdout.write(`${l.lab}  ${l.nodes} nodes  ${l.source}\n`);
    for (const p of l.parts) process.stdout.write(`  ${p.host.padEnd(12)} ${p.phase.padEnd(9)} ${String(p.nodes).padStart(5)} nodes ${String(p.cables).padStart(4)} cables  ${p.message}\n`);
  }
}

/** `nslab check LAB --etcd URL`: the matrix across machines; returns whether it passed. */
export async function checkAcrossCli(lab: string, url: string, options: CheckOptions, json: boolean): Promise<boolean> {
  const report = await checkAcross(new EtcdClient(url), lab, options);
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  const verdict = checkVerdict(report);
  if (!verdict.ok) process.stderr.write(`nslab check: ${verdict.reason}\n`);
  return verdict.ok;
}

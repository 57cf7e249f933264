import type { EtcdClient } from '../etcd/client.js';
import { buildReport, checkNodes, expectProbes, matrixProbes, probeKey, runProbes, type CheckOptions, type CheckReport, type Probe, type ProbeResult } from '../lab/check.js';
import { expectationResult, isReachExpect, reachResults, type ExpectationResult } from '../lab/check-results.js';
import type { Plan } from '../topology/plan.js';
import { ClusterError, registeredHosts } from './control.js';
import { keys, parseRecord, resource, type CheckRequest, type Lab, type Part } from './records.js';

/**
 * `nslab check LAB --etcd URL`: the same reachability matrix and `expect:`
 * lines as on one machine, across machines. The asker builds the probes from
 * the lab's parts (every node and every address, cable ends included), hands
 * each machine's agent the probes whose sender it holds (a CheckRequest
 * under the asker's lease), and merges the answers into one report.
 */

/** The parts of a lab put back together: enough of the plan for check (nodes, addresses, expect). */
export function mergedPlan(lab: Lab, parts: readonly Part[]): Plan {
  const first = parts[0]?.spec.plan;
  if (!first) throw new ClusterError(`lab '${lab.metadata.name}' has no parts in etcd`);
  return {
    ...first,
    namespaces: parts.flatMap((p) => p.spec.plan.namespaces),
    bridges: parts.flatMap((p) => p.spec.plan.bridges),
    veths: parts.flatMap((p) => p.spec.plan.veths),
    addresses: parts.flatMap((p) => [...p.spec.plan.addresses, ...p.spec.cableAddresses]),
    routes: parts.flatMap((p) => [...p.spec.plan.routes, ...p.spec.cableRoutes]),
    expect: lab.spec.expect ?? [],
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function checkAcross(etcd: EtcdClient, labName: string, options: CheckOptions): Promise<CheckReport> {
  const kv = await etcd.get(keys.lab(labName));
  if (!kv) throw new ClusterError(`lab '${labName}' is not up in ${etcd.url} (nslab list --etcd ${etcd.url} shows the labs that are)`);
  const lab = parseRecord<Lab>(kv.key, kv.value, 'Lab');
  const parts: Part[] = [];
  for (const h of lab.spec.hosts) {
    const p = await etcd.get(keys.part(h, labName));
    if (p) parts.push(parseRecord<Part>(p.key, p.value, 'Part'));
  }
  const plan = mergedPlan(lab, parts);
  const probes = [...matrixProbes(checkNodes(plan)), ...plan.expect.filter(isReachExpect).flatMap((e) => expectProbes(plan, e))];
  const byHost = new Map<string, Probe[]>();
  for (const probe of probes) {
    const host = lab.spec.placement[probe.from];
    if (host === undefined) continue;
    const list = byHost.get(host) ?? [];
    list.push(probe);
    byHost.set(host, list);
  }
  // Long enough for every probe and the agents' round trips; the lease outlives the wait a little.
  const waitMs = options.timeoutMs * (options.count + 1) + 30_000;
  const lease = await etcd.grantLease(Math.ceil(waitMs / 1000) + 10);
  const id = `${Date.now().toString(36)}-${process.pid}`;
  try {
    for (const [host, list] of byHost) {
      const req: CheckRequest = resource('CheckRequest', id, { lab: labName, probes: list, options, lease });
      await etcd.put(keys.request(host, id), JSON.stringify(req), lease);
    }
    const results = new Map<string, ProbeResult>();
    const pending = new Set(byHost.keys());
    const deadline = Date.now() + waitMs;
    while (pending.size > 0) {
      for (const host of [...pending]) {
        const r = await etcd.get(keys.result(host, id));
        if (!r) continue;
        const answer = parseRecord<CheckRequest>(r.key, r.value, 'CheckRequest');
        if (answer.status?.error) throw new ClusterError(`machine '${host}' could not probe from its nodes: ${answer.status.error}`);
        for (const res of answer.status?.results ?? []) results.set(probeKey(res), res);
        pending.delete(host);
      }
      if (pending.size === 0) break;
      const alive = new Set((await registeredHosts(etcd)).map((h) => h.name));
      const gone = [...pending].filter((h) => !alive.has(h));
      if (gone.length) throw new ClusterError(`the agent of ${gone.map((h) => `'${h}'`).join(', ')} is gone; its nodes cannot be probed`);
      if (Date.now() > deadline) throw new ClusterError(`no answer from ${[...pending].join(', ')} in ${Math.round(waitMs / 1000)} s`);
      await sleep(200);
    }
    const reach = reachResults(plan, results);
    // Node facts (routes, sysctls, commands…) are read on the machine that holds the node; across machines they are not yet.
    const expectations = plan.expect.map((e) =>
      isReachExpect(e) ? (reach.get(e) as ExpectationResult) : expectationResult(e, false, 'not checked by check --etcd (node facts are checked by nslab check on one machine)', [], 1),
    );
    return buildReport(plan, options, results, [], expectations);
  } finally {
    await etcd.revokeLease(lease).catch(() => undefined);
  }
}

/** The agent's side: run the probes of a request (all from nodes on this machine) and answer under the asker's lease. */
export async function answerCheck(etcd: EtcdClient, host: string, key: string, value: string): Promise<void> {
  const req = parseRecord<CheckRequest>(key, value, 'CheckRequest');
  let status: CheckRequest['status'];
  try {
    const results = await runProbes(req.spec.probes, req.spec.options);
    status = { results: [...results.values()] };
  } catch (err) {
    status = { error: (err as Error).message };
  }
  const answer: CheckRequest = { ...req, status };
  await etcd.put(keys.result(host, req.metadata.name), JSON.stringify(answer), req.spec.lease);
}

import type { Plan } from '../topology/plan.js';

/** What the plan says about a node beyond its cables: shown in the page, not part of LabView. */
export interface NodeDecoration {
  /** The node translates addresses (masquerade and/or port forwards). */
  readonly nat?: { readonly masqueradeOut?: string; readonly ports: readonly string[] };
  /** The node's cable to the machine nslab runs on. */
  readonly uplink?: { readonly dev: string; readonly address: string; readonly hostDev: string; readonly hostAddress: string; readonly nat: boolean };
  /** cgroup limits as configured, formatted ("memory": "64 MiB"). */
  readonly limits?: Readonly<Record<string, string>>;
  /** Capabilities the node keeps ("all" when unconfined). */
  readonly capabilities?: readonly string[];
  readonly seccomp?: string;
}

export type Decorations = Readonly<Record<string, NodeDecoration>>;

function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1 && Number.isInteger(v / 1024)) {
    v /= 1024;
    u++;
  }
  return `${v} ${units[u]}`;
}

/** Old records may lack fields newer plans have; every read here is optional. */
type LoosePlan = Partial<Plan> & Pick<Plan, 'namespaces'>;

/** Per-node extras from the plan: NAT, uplink, limits, capabilities. */
export function decorations(plan: Plan): Decorations {
  const p = plan as LoosePlan;
  const out: Record<string, NodeDecoration> = {};
  const put = (node: string, d: NodeDecoration): void => {
    out[node] = { ...(out[node] ?? {}), ...d };
  };
  for (const n of p.namespaces) {
    const c = n.confine;
    if (!c) continue;
    const limits: Record<string, string> = {};
    if (c.limits?.memory !== undefined) limits.memory = bytes(c.limits.memory);
    if (c.limits?.cpu !== undefined) limits.cpu = `${+(c.limits.cpu.quotaUs / c.limits.cpu.periodUs).toFixed(2)} CPU (${c.limits.cpu.quotaUs} µs per ${c.limits.cpu.periodUs} µs)`;
    if (c.limits?.cpuSet !== undefined) limits['cpu set'] = c.limits.cpuSet;
    if (c.limits?.pids !== undefined) limits.processes = `at most ${c.limits.pids}`;
    put(n.node, { limits, capabilities: c.capsAll ? ['all'] : [...(c.caps ?? [])], seccomp: c.seccomp });
  }
  for (const nat of p.nat ?? []) {
    const ports = nat.ports.map((f) => `${f.port}/${f.proto} → ${f.toNode} ${f.to}:${f.toPort}`);
    put(nat.node, { nat: { ...(nat.masquerade ? { masqueradeOut: nat.masquerade.out } : {}), ports } });
  }
  if (p.uplink) {
    const u = p.uplink;
    put(u.node, { uplink: { dev: u.dev, address: u.address, hostDev: u.hostDev, hostAddress: u.hostAddress, nat: u.nat } });
  }
  return out;
}

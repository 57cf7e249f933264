import { impairmentCommands } from './impairment.js';
import { type Plan, type PlanRoute } from './plan.js';

/** A route of the plan as the `ip route add` that makes it. */
export function routeCommand(r: PlanRoute): string {
  const parts = [r.dst, r.via ? `via ${r.via}` : '', r.dev ? `dev ${r.dev}` : '', r.metric !== undefined ? `metric ${r.metric}` : '', 'proto static'];
  return `ip${r.family === 6 ? ' -6' : ''} -n ${r.netns} route add ${parts.filter(Boolean).join(' ')}`;
}

/**
 * The plan as the `ip` and `sysctl` commands that build the same lab by hand,
 * in the order nslab does it: a runnable shell script (a teaching aid, and a
 * test compares what it builds with what nslab builds).
 */
export function explainPlan(plan: Plan, steps: readonly string[] = []): string {
  const lines = [
    '#!/bin/sh',
    `# Lab '${plan.lab}' from ${plan.source}, built by hand: what 'nslab up' does, step by step.`,
    `# nslab sends the same requests over rtnetlink, one batch per namespace and phase.`,
    'set -e',
    '',
    '# 1. One named network namespace per node; sysctls set before any interface exists.',
  ];
  for (const n of plan.namespaces) {
    lines.push(`ip netns add ${n.name}                # node ${n.node} (${n.kind})`);
    const sysctls = n.netSysctls;
    if (sysctls.length) lines.push(`ip netns exec ${n.name} sysctl -qw ${sysctls.map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  lines.push('', '# 2. Loopback up, bridges, and veth pairs born with each end in its namespace.');
  for (const n of plan.namespaces) lines.push(`ip -n ${n.name} link set lo up`);
  for (const b of plan.bridges) lines.push(`ip -n ${b.netns} link add name ${b.name} index ${b.index} up type bridge`);
  for (const v of plan.veths) {
    const mtu = v.mtu !== undefined ? ` mtu ${v.mtu}` : '';
    const master = v.a.master !== undefined ? ` master ${plan.bridges.find((b) => b.netns === v.a.netns && b.index === v.a.master)?.name}` : '';
    lines.push(
      `ip -n ${v.a.netns} link add name ${v.a.name} index ${v.a.index} address ${v.a.mac}${mtu}${master} up` +
        ` type veth peer name ${v.b.name} index ${v.b.index} address ${v.b.mac}${mtu} netns ${v.b.netns}`,
    );
  }
  lines.push('', '# 3. The far end of each veth up (it cannot start up in another namespace).');
  for (const v of plan.veths) {
    const master = v.b.master !== undefined ? ` master ${plan.bridges.find((b) => b.netns === v.b.netns && b.index === v.b.master)?.name}` : '';
    lines.push(`ip -n ${v.b.netns} link set ${v.b.name}${master} up`);
  }
  lines.push('', '# 4. Addresses, then routes.');
  for (const a of plan.addresses) lines.push(`ip -n ${a.netns} addr add ${a.address} dev ${a.dev}${a.address.includes(':') ? ' nodad' : ''}`);
  for (const r of plan.routes) {
    if (r.uplink) continue; // with the uplink, below
    lines.push(routeCommand(r));
  }
  if (plan.impairments.length) {
    lines.push('', '# 5. Link impairments.');
    for (const imp of plan.impairments) lines.push(...impairmentCommands(imp.dev, imp.spec, imp.mtu !== undefined ? { mtu: imp.mtu } : {}).map((c) => `tc -n ${imp.netns} ${c.replace(/^tc /, '')}`));
  }
  if (steps.length) lines.push('', ...steps);
  lines.push('', `# To remove it all: ${plan.namespaces.map((n) => `ip netns del ${n.name}`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** A short human summary of a plan (`nslab up --dry-run`). */
export function describePlan(plan: Plan): string {
  const out = [`lab ${plan.lab} from ${plan.source}: ${plan.namespaces.length} nodes, ${plan.veths.length} links`, ''];
  for (const n of plan.namespaces) {
    const flags = [n.kind, n.forwarding ? 'forwarding' : '', n.ipv6 ? 'ipv6' : ''].filter(Boolean).join(', ');
    out.push(`${n.node}  (netns ${n.name}; ${flags})`);
    for (const e of plan.veths.flatMap((v) => [v.a, v.b]).filter((e) => e.netns === n.name).sort((x, y) => x.index - y.index)) {
      const peer = plan.veths.find((v) => v.a === e || v.b === e);
      const other = peer?.a === e ? peer.b : peer?.a;
      const addrs = plan.addresses.filter((a) => a.netns === n.name && a.index === e.index).map((a) => a.address);
      out.push(`  ${e.name.padEnd(10)} ${e.mac}  → ${other?.node}:${other?.name}${addrs.length ? `  ${addrs.join(' ')}` : ''}`);
    }
    for (const r of plan.routes.filter((r) => r.netns === n.name)) {
      out.push(`  route ${r.dst}${r.via ? ` via ${r.via}` : ''}${r.dev ? ` dev ${r.dev}` : ''}${r.metric !== undefined ? ` metric ${r.metric}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

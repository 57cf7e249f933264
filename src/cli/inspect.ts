import type { Command } from 'commander';
import { liveView, type LabView } from '../lab/inspect.js';
import { labSummaries } from '../lab/summary.js';
import { readRecord } from '../lab/state.js';
import { UsageError } from './errors.js';
import { labNameFrom, onlyLab } from './resolve.js';

/** The live view of a lab that has a state record. */
export function inspectLab(lab: string): LabView {
  const rec = readRecord(lab);
  if (!rec) throw new UsageError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
  const status = labSummaries().find((s) => s.lab === lab)?.status ?? rec.status;
  return liveView(rec.plan, status, rec.facts);
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

export function formatView(v: LabView): string {
  const out = [`lab ${v.lab} (${v.status}) from ${v.source}`, ''];
  const rows = [['NODE', 'KIND', 'NETNS', 'PROCS', 'MEMORY', 'INTERFACE', 'STATE', 'MAC', 'MTU', 'ADDRESSES']];
  const mib = (b: number): string => `${(b / 1048576).toFixed(b < 10 * 1048576 ? 1 : 0)}M`;
  for (const n of v.nodes) {
    const procs = n.processes === undefined ? '' : String(n.processes);
    const memory = n.memory ? `${mib(n.memory.used)}${n.memory.limit !== null ? `/${mib(n.memory.limit)}` : ''}` : '';
    if (!n.present) rows.push([n.name, n.kind, n.netns, '', '', '-', 'missing', '', '', '']);
    n.interfaces.forEach((i, k) => {
      const state = !i.up ? 'down' : i.carrier ? 'up' : 'no-carrier';
      const first = k === 0;
      rows.push([first ? n.name : '', first ? n.kind : '', first ? n.netns : '', first ? procs : '', first ? memory : '', i.master ? `${i.name} (${i.master})` : i.name, state, i.mac ?? '', String(i.mtu ?? ''), i.addresses.join(' ')]);
    });
  }
  out.push(table(rows), '');
  const lrows = [['LINK', 'STATE']];
  for (const l of v.links) lrows.push([`${l.a.node}:${l.a.interface} — ${l.b.node}:${l.b.interface}`, l.up ? 'up' : 'down']);
  out.push(table(lrows));
  const sandboxed = v.nodes.filter((n) => n.sandbox);
  if (sandboxed.length > 0) {
    const srows = [['NODE', 'UID MAP', 'INIT', 'NAMESPACES (inode)']];
    for (const n of sandboxed) {
      const s = n.sandbox;
      if (!s) continue;
      const ns = Object.entries(s.namespaces).map(([t, ino]) => `${t}:${ino}`).join(' ');
      srows.push([n.name, s.uidMap, s.init === null ? 'not started' : `pid ${s.init}`, ns]);
    }
    out.push('', table(srows));
  }
  const open = v.nodes.filter((n) => n.isolation === 'network').map((n) => n.name);
  if (open.length > 0) out.push('', `isolation: network (root on the machine's files): ${open.join(', ')}`);
  return out.join('\n');
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('show a lab as the kernel has it now: nodes, interfaces, addresses, links')
    .argument('[lab]', 'lab name or topology file (optional when one lab is up)')
    .option('--json', 'print JSON (the shape the viewer serves at /api/lab)')
    .option('--isolation', "per node: its namespaces (and which it shares), uid/gid maps, capability sets, no_new_privs, seccomp, cgroup use against limits")
    .action(async (lab: string | undefined, opts: { json?: boolean; isolation?: boolean }) => {
      if (opts.isolation) {
        const name = lab ? labNameFrom(lab) : onlyLab();
        const rec = readRecord(name);
        if (!rec) throw new UsageError(`lab '${name}' is not up (nslab list shows the labs that are)`);
        const [{ isolationView }, { formatIsolation }] = await Promise.all([import('../lab/isolation-view.js'), import('./inspect-isolation.js')]);
        const iso = isolationView(rec.plan, rec.facts);
        process.stdout.write(opts.json ? `${JSON.stringify(iso, null, 2)}\n` : `${formatIsolation(iso)}\n`);
        return;
      }
      const view = inspectLab(lab ? labNameFrom(lab) : onlyLab());
      process.stdout.write(opts.json ? `${JSON.stringify(view, null, 2)}\n` : `${formatView(view)}\n`);
    });
}

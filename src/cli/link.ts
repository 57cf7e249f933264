import type { Command } from 'commander';
import { setLinkState, showLinks, type InterfaceStatus } from '../lab/link-control.js';
import { LinkControlError } from '../lab/link-impairment.js';
import { requirePrivileges } from '../sys/privileges.js';
import { runningPlan } from './check.js';
import { UsageError } from './errors.js';

interface SetOptions {
  rate?: string;
  delay?: string;
  jitter?: string;
  loss?: string;
  corrupt?: string;
  duplicate?: string;
  reorder?: string;
  clear?: boolean;
  down?: boolean;
  up?: boolean;
  json?: boolean;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

export function formatInterfaces(list: readonly InterfaceStatus[]): string {
  const rows = [['INTERFACE', 'STATE', 'MTU', 'IMPAIRMENT', 'DROPS', 'QDISCS']];
  for (const i of list) {
    rows.push([
      `${i.node}:${i.interface}`,
      i.state,
      String(i.mtu ?? ''),
      i.impairmentText || (i.foreignQdisc ? '(not nslab\'s)' : '-'),
      String(i.drops),
      i.qdiscs.join(', '),
    ]);
  }
  return table(rows);
}

/** Errors the user can act on become one line (no stack, no "set NSLAB_DEBUG"). */
function oneLine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof LinkControlError) throw new UsageError(err.message);
    throw err;
  }
}

export function registerLink(program: Command): void {
  const link = program.command('link').description('change or show the links of a running lab (state and impairments)');

  link
    .command('set')
    .description(
      'impair an interface (what leaves it), clear it, or set it down/up; impairment flags are added to what the interface has',
    )
    .argument('<lab>', 'lab name or topology file')
    .argument('<endpoint>', 'NODE:INTERFACE, e.g. h1:eth0')
    .option('--rate <rate>', 'rate limit, e.g. 10mbit (tbf)')
    .option('--delay <time>', 'added delay, e.g. 50ms (netem)')
    .option('--jitter <time>', 'delay variation, e.g. 5ms (netem; needs a delay)')
    .option('--loss <percent>', 'packets dropped, e.g. 1% (netem)')
    .option('--corrupt <percent>', 'packets with a flipped bit, e.g. 0.1% (netem)')
    .option('--duplicate <percent>', 'packets sent twice, e.g. 1% (netem)')
    .option('--reorder <percent>', 'packets sent ahead of the delay, e.g. 25% (netem; needs a delay)')
    .option('--clear', 'remove every impairment first (other flags then start from nothing)')
    .option('--down', 'set the interface administratively down')
    .option('--up', "set the interface administratively up (and put back the lab's addresses and routes through it, which the kernel drops on down)")
    .option('--json', 'print the interface afterwards as JSON')
    .action((labArg: string, endpoint: string, opts: SetOptions) => {
      if (opts.down && opts.up) throw new UsageError('give --down or --up, not both');
      const flags = {
        ...(opts.rate !== undefined ? { rate: opts.rate } : {}),
        ...(opts.delay !== undefined ? { delay: opts.delay } : {}),
        ...(opts.jitter !== undefined ? { jitter: opts.jitter } : {}),
        ...(opts.loss !== undefined ? { loss: opts.loss } : {}),
        ...(opts.corrupt !== undefined ? { corrupt: opts.corrupt } : {}),
        ...(opts.duplicate !== undefined ? { duplicate: opts.duplicate } : {}),
        ...(opts.reorder !== undefined ? { reorder: opts.reorder } : {}),
      };
      const up = opts.down ? false : opts.up ? true : undefined;
      if (Object.keys(flags).length === 0 && !opts.clear && up === undefined) {
        throw new UsageError('nothing to change: give an impairment (--rate, --delay, --loss, …), --clear, --down or --up');
      }
      const plan = runningPlan(labArg);
      requirePrivileges('nslab link set', "it changes links inside the lab's namespaces");
      const after = oneLine(() => setLinkState(plan, endpoint, { flags, ...(opts.clear ? { clear: true } : {}), ...(up !== undefined ? { up } : {}) }));
      if (opts.json) process.stdout.write(`${JSON.stringify(after, null, 2)}\n`);
      else {
        const r = after.restored;
        const back = r && r.addresses + r.routes > 0 ? ` (put back ${r.addresses} address${r.addresses === 1 ? '' : 'es'} and ${r.routes} route${r.routes === 1 ? '' : 's'} the kernel dropped when it went down)` : '';
        process.stdout.write(`${after.node}:${after.interface} ${after.state}${after.impairmentText ? `, ${after.impairmentText}` : ', no impairment'}${back}\n`);
      }
    });

  link
    .command('show')
    .description("every interface of a lab: state, impairment and qdiscs, as the kernel has them")
    .argument('[lab]', 'lab name or topology file (optional when one lab is up)')
    .option('--json', 'print JSON')
    .action((labArg: string | undefined, opts: { json?: boolean }) => {
      const plan = runningPlan(labArg);
      requirePrivileges('nslab link show', "it reads links inside the lab's namespaces");
      const shown = oneLine(() => showLinks(plan));
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${formatInterfaces(shown.interfaces)}\n`);
      if (shown.missing.length > 0) process.stdout.write(`missing namespaces (nodes): ${shown.missing.join(', ')}\n`);
    });
}

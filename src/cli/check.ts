import type { Command } from 'commander';
import { checkLab, formatReport, DEFAULT_CHECK } from '../lab/check.js';
import { readRecord } from '../lab/state.js';
import { checkVerdict } from '../lab/check-results.js';
import { requirePrivileges } from '../sys/privileges.js';
import type { Plan } from '../topology/plan.js';
import { UsageError } from './errors.js';
import { labNameFrom, onlyLab } from './resolve.js';

interface CheckCliOptions {
  json?: boolean;
  timeout?: string;
  count?: string;
}

function wholeNumber(text: string | undefined, flag: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`${flag} ${text}: expected a whole number from 1 to ${max}`);
  return Number(text);
}

/** The record of a lab that is up. */
export function runningRecord(arg: string | undefined): NonNullable<ReturnType<typeof readRecord>> {
  const lab = arg ? labNameFrom(arg) : onlyLab();
  const rec = readRecord(lab);
  if (!rec) throw new UsageError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
  if (rec.status !== 'up') throw new UsageError(`lab '${lab}' is ${rec.status}, not up; wait for it, or run 'nslab down ${lab}'`);
  return rec;
}

/** The plan of a lab that is up (check, link and events need a running lab). */
export function runningPlan(arg: string | undefined): Plan {
  return runningRecord(arg).plan;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      "prove a lab works: every node pings every other node's addresses (a reachability matrix), then the topology's expect: lines are tested (reach, routes, addresses, sysctls, capabilities, system calls, commands); exits 1 when an expectation fails (without expect: lines, when a pair does not reach)",
    )
    .argument('[lab]', 'lab name or topology file (optional when one lab is up)')
    .option('--json', 'print the matrix and the expectations as JSON')
    .option('--timeout <ms>', `how long each address has to answer (default ${DEFAULT_CHECK.timeoutMs})`)
    .option('--count <n>', `echo requests per address (default ${DEFAULT_CHECK.count})`)
    .option('--etcd <url>', 'a multi-host lab: each machine\'s agent probes from the nodes it holds')
    .action(async (arg: string | undefined, opts: CheckCliOptions & { etcd?: string }) => {
      const timeoutMs = wholeNumber(opts.timeout, '--timeout', DEFAULT_CHECK.timeoutMs, 60_000);
      const count = wholeNumber(opts.count, '--count', DEFAULT_CHECK.count, 100);
      if (opts.etcd !== undefined) {
        if (!arg) throw new UsageError('name the lab to check (nslab check LAB --etcd URL)');
        const ok = await (await import('./cluster.js')).checkAcrossCli(labNameFrom(arg), opts.etcd, { timeoutMs, count }, opts.json === true);
        if (!ok) process.exitCode = 1;
        return;
      }
      const rec = runningRecord(arg);
      requirePrivileges('nslab check', "it sends its probes from inside the lab's namespaces");
      const report = await checkLab(rec.plan, { timeoutMs, count }, rec.facts);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        for (const w of report.warnings) process.stderr.write(`nslab check: warning: ${w}\n`);
        for (const e of report.expectations.filter((x) => !x.ok)) {
          process.stderr.write(`nslab check: expectation failed at ${e.origin}: expected ${e.goal}; ${e.detail}\n`);
        }
      } else {
        process.stdout.write(`${formatReport(report)}\n`);
      }
      const verdict = checkVerdict(report);
      if (!verdict.ok) {
        if (opts.json || report.expectations.length === 0) process.stderr.write(`nslab check: ${verdict.reason}\n`);
        process.exitCode = 1;
      }
    });
}

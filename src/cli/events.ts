import type { Command } from 'commander';
import { LabEventStream } from '../lab/events.js';
import { type LabEvent, formatEvent } from '../lab/event-tracker.js';
import { requirePrivileges } from '../sys/privileges.js';
import { runningPlan } from './check.js';

/**
 * Resolves when SIGINT or SIGTERM arrives, or when `stop` is called; the
 * handlers are removed either way, so Node's default (exit) is back after.
 */
function untilStopped(): { done: Promise<string>; stop: (why: string) => void } {
  let stop: (why: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => {
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    stop = (why: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(why);
    };
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  return { done, stop };
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('print link, address and route changes in every node of a lab as they happen (Ctrl-C stops)')
    .argument('[lab]', 'lab name or topology file (optional when one lab is up)')
    .option('--json', 'one JSON object per line')
    .action(async (arg: string | undefined, opts: { json?: boolean }) => {
      const plan = runningPlan(arg);
      requirePrivileges('nslab events', "it listens inside the lab's namespaces");
      const { done, stop } = untilStopped();
      const write = (e: LabEvent): void => {
        process.stdout.write(opts.json ? `${JSON.stringify(e)}\n` : `${formatEvent(e)}\n`);
      };
      const stream = new LabEventStream(plan, {
        onEvent: write,
        onGone: () => stop('gone'),
        onError: (err) => process.stderr.write(`nslab events: ${(err as Error).message ?? String(err)}\n`),
      });
      try {
        stream.start();
        // On stderr, so --json output stays pure JSON lines.
        process.stderr.write(`nslab events: watching ${stream.watching} nodes of lab ${plan.lab}; Ctrl-C stops\n`);
        const why = await done;
        if (why === 'gone') process.stderr.write(`nslab events: every namespace of lab ${plan.lab} is gone; stopping\n`);
      } finally {
        stream.close();
      }
    });
}

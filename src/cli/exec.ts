import type { Command } from 'commander';
import { execInNode } from '../lab/exec.js';
import { listLabDirs } from '../lab/state.js';
import { UsageError } from './errors.js';
import type { ExecWords } from './exec-words.js';

/** Run what `nslab exec` was asked: the command replaces this process, so this returns only by throwing. */
export async function runExec({ names, command, starting }: ExecWords): Promise<never> {
  if (names.length === 0 || names.length > 2) throw new UsageError('usage: nslab exec [LAB] NODE [-- CMD ARGS…]');
  const node = names[names.length - 1] as string;
  let lab: string;
  if (names.length === 1) {
    const labs = listLabDirs();
    if (labs.length !== 1) throw new UsageError(labs.length === 0 ? 'no lab is up' : `several labs are up (${labs.join(', ')}); say which: nslab exec LAB ${node}`);
    lab = labs[0] as string;
  } else {
    lab = names[0] as string;
  }
  return execInNode(lab, node, command, starting ? { starting: true } : {});
}

/**
 * `nslab exec [LAB] NODE [-- CMD ARGS…]` as commander reads it, for --help
 * and mistakes (main.ts runs plain exec words without commander).
 * Everything after `--` is the command, untouched by option parsing.
 */
export function registerExec(program: Command): void {
  program
    .command('exec')
    .description('run a command in a node (a shell when none is given), confined as the node is')
    .argument('[lab]', 'lab name (optional when one lab is up)')
    .argument('[node]', 'node name')
    .option('--starting', 'allow a lab still being brought up (used by up for exec: commands)')
    .allowExcessArguments(true)
    .usage('[LAB] NODE [-- CMD ARGS…]')
    .action(async function (this: Command, _a: string, _b: string | undefined, opts: { starting?: boolean }) {
      const argv = process.argv;
      const dash = argv.indexOf('--');
      const command = dash < 0 ? [] : argv.slice(dash + 1);
      // Commander counts the command's words as positional too; the names come before them.
      await runExec({ names: this.args.slice(0, this.args.length - command.length), command, starting: opts.starting === true });
    });
}

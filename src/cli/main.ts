#!/usr/bin/env node
import { describeError } from './errors.js';
import { plainExecWords } from './exec-words.js';
import { VERSION } from './version.js';

/**
 * The three ways in, cheapest first: `--version` answered at once; `exec`
 * with plain words (no option but --starting) run without commander, which
 * with the child_process module it loads is a fifth of exec's start-up;
 * everything else parsed by commander (program.ts), which loads only the
 * command it runs.
 */
async function main(args: readonly string[]): Promise<void> {
  try {
    if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
      process.stdout.write(`${VERSION}\n`);
      return;
    }
    const exec = args[0] === 'exec' ? plainExecWords(args.slice(1)) : undefined;
    if (exec) {
      await (await import('./exec.js')).runExec(exec);
      return;
    }
    const code = await (await import('./program.js')).runProgram(args);
    if (code !== undefined) process.exitCode = code;
  } catch (err) {
    process.stderr.write(`nslab: ${describeError(err)}\n`);
    process.exitCode = 1;
  }
}

void main(process.argv.slice(2));

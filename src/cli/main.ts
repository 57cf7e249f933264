#!/usr/bin/env node
import './threadpool.js';
import { Command, CommanderError } from 'commander';
import { describeError } from './errors.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs (all of them
 * for help or an unknown word): `nslab down` should not pay for the viewer,
 * the topology compiler or the seccomp tables before it starts.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  up: async () => (await import('./up.js')).registerUp,
  down: async () => (await import('./down.js')).registerDown,
  list: async () => (await import('./list.js')).registerList,
  inspect: async () => (await import('./inspect.js')).registerInspect,
  validate: async () => (await import('./validate.js')).registerValidate,
  schema: async () => (await import('./schema.js')).registerSchema,
  exec: async () => (await import('./exec.js')).registerExec,
  check: async () => (await import('./check.js')).registerCheck,
  link: async () => (await import('./link.js')).registerLink,
  events: async () => (await import('./events.js')).registerEvents,
  graph: async () => (await import('./graph.js')).registerGraph,
};

const program = new Command();
program
  .name('nslab')
  .description('network-namespace labs from a YAML topology')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

async function main(args: readonly string[]): Promise<void> {
  const word = args.find((a) => !a.startsWith('-'));
  try {
    if (word === undefined && args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
      // Answered before any command module is loaded.
      process.stdout.write(`${program.version()}\n`);
    } else {
      const wanted = word !== undefined && word in COMMANDS ? [word] : Object.keys(COMMANDS);
      for (const name of wanted) (await (COMMANDS[name] as () => Promise<Register>)())(program);
      await program.parseAsync(process.argv);
    }
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`nslab: ${describeError(err)}\n`);
      process.exitCode = 1;
    }
  }
}

void main(process.argv.slice(2));

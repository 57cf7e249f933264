#!/usr/bin/env node
import './threadpool.js';
import { Command, CommanderError } from 'commander';
import { registerDown } from './down.js';
import { describeError } from './errors.js';
import { registerExec } from './exec.js';
import { registerInspect } from './inspect.js';
import { registerList } from './list.js';
import { registerSchema } from './schema.js';
import { registerUp } from './up.js';
import { registerValidate } from './validate.js';
import { registerCheck } from './check.js';
import { registerLink } from './link.js';
import { registerEvents } from './events.js';
import { registerGraph } from './graph.js';

const program = new Command();
program
  .name('nslab')
  .description('network-namespace labs from a YAML topology')
  .version('0.1.0')
  .exitOverride()
  .showHelpAfterError();

registerUp(program);
registerDown(program);
registerList(program);
registerInspect(program);
registerValidate(program);
registerSchema(program);
registerExec(program);
registerCheck(program);
registerLink(program);
registerEvents(program);
registerGraph(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    process.stderr.write(`nslab: ${describeError(err)}\n`);
    process.exitCode = 1;
  }
}

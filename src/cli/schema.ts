import type { Command } from 'commander';
import { jsonSchema } from '../topology/reference.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of topology files (for editors: # yaml-language-server: $schema=FILE)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
    });
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { looksLikeFile } from '../topology/names.js';
import { fileURLToPath } from 'node:url';
import { listLabDirs } from '../lab/state.js';
import { UsageError } from './errors.js';

/** The lab nslab brings up when no file is given. */
export const DEFAULT_TOPOLOGY = fileURLToPath(new URL('../../topologies/default.yaml', import.meta.url));


/** A lab given by name, or by the topology file that names it. */
export function labNameFrom(arg: string): string {
  if (!looksLikeFile(arg)) return arg;
  let doc: unknown;
  try {
    // The YAML parser loads only when a file is given (most commands name a lab).
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    doc = parse(readFileSync(arg, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read the lab name from ${arg}: ${(err as Error).message.split('\n')[0]}`);
  }
  const name = (doc as { name?: unknown } | null)?.name;
  if (typeof name !== 'string') throw new UsageError(`${arg} has no 'name:' field, so it names no lab`);
  return name;
}

/** The one lab that is up, for commands where naming it is optional. */
export function onlyLab(): string {
  const labs = listLabDirs();
  if (labs.length === 1) return labs[0] as string;
  if (labs.length === 0) throw new UsageError('no lab is up (start one with: nslab up [FILE])');
  throw new UsageError(`several labs are up (${labs.join(', ')}); name one`);
}

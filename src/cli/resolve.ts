import { createRequire } from 'node:module';
import { looksLikeFile } from '../topology/names.js';
import { fileURLToPath } from 'node:url';
import { listLabDirs } from '../lab/state.js';
import { UsageError } from './errors.js';
import { parseMemory } from '../sys/cgroup/limits.js';
import { readTopologyText } from '../topology/read.js';

/** The lab nslab brings up when no file is given. */
export const DEFAULT_TOPOLOGY = fileURLToPath(new URL('../../topologies/default.yaml', import.meta.url));

/** `--max-size SIZE` (64MiB, 100m, bytes) as bytes; undefined for the default. */
export function maxSizeOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  try {
    const n = parseMemory(text, '--max-size');
    if (n < 1) throw new RangeError('zero');
    return n;
  } catch {
    throw new UsageError(`--max-size ${text}: expected a size like 64MiB, 200m or a number of bytes`);
  }
}

/** A lab given by name, or by the topology file that names it. */
export function labNameFrom(arg: string): string {
  if (!looksLikeFile(arg)) return arg;
  let doc: unknown;
  try {
    // The YAML parser loads only when a file is given (most commands name a lab).
    const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
    doc = parse(readTopologyText(arg));
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

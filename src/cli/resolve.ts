import { looksLikeFile } from '../topology/names.js';
import { fileURLToPath } from 'node:url';
import { listLabDirs } from '../lab/state.js';
import { UsageError } from './errors.js';
import { Source } from '../topology/source.js';
import { readTopologyText } from '../topology/read.js';

/** The lab nslab brings up when no file is given. */
export const DEFAULT_TOPOLOGY = fileURLToPath(new URL('../../topologies/default.yaml', import.meta.url));

const SIZE_UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `--max-size SIZE` (64MiB, 200m, 1k, bytes) as bytes; undefined for the default. */
export function maxSizeOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\s*([kmg]?)(?:i?b)?$/i.exec(text.trim());
  const n = m ? Number(m[1]) * (SIZE_UNITS[(m[2] ?? '').toLowerCase()] ?? NaN) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--max-size ${text}: expected a size like 64MiB, 200m, 1k or a number of bytes`);
  return n;
}

/** A lab given by name, or by the topology file that names it. */
export function labNameFrom(arg: string): string {
  if (!looksLikeFile(arg)) return arg;
  let doc: unknown;
  try {
    // The bounded loader's parser (aliases, depth, duplicate keys in linear time), name only.
    const src = new Source(arg, readTopologyText(arg));
    src.diagnostics.check();
    doc = { name: src.root.get('name').value };
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

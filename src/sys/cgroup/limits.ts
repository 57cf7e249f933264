import { LimitError } from './errors.js';

/**
 * Per-node resource limits under containerlab's field names (`memory`,
 * `cpu`, `cpu-set`) plus `pids`, parsed and checked before any cgroup
 * exists. Each parser throws a LimitError naming the field and the value.
 */
export interface CpuQuota {
  /** CFS quota per period, µs (cpu.cfs_quota_us, first half of cpu.max). */
  readonly quotaUs: number;
  /** CFS period, µs (cpu.cfs_period_us, second half of cpu.max). */
  readonly periodUs: number;
}

export interface CgroupLimits {
  /** Bytes of memory, swap included (the node gets no swap beyond it). */
  readonly memory?: number;
  readonly cpu?: CpuQuota;
  /** CPU list in the kernel's canonical form, "0-1,4". */
  readonly cpuSet?: string;
  /** Most processes (and threads) at once. */
  readonly pids?: number;
}

/** The limit fields of a node as they come from YAML. */
export interface RawLimits {
  readonly memory?: unknown;
  readonly cpu?: unknown;
  readonly 'cpu-set'?: unknown;
  readonly pids?: unknown;
}

/** Docker refuses less than this (linuxMinMemory); a node could not even start a shell. */
export const MIN_MEMORY = 6 * 1024 * 1024;
export const CPU_PERIOD_US = 100_000;
/** The kernel's smallest CFS quota. */
export const MIN_CPU_QUOTA_US = 1000;

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/**
 * Bytes from "64MiB", "64m", "1g", "1.5GB", "512k" or a plain number of
 * bytes. Like Docker's RAMInBytes (containerlab uses it): units are
 * binary whatever their spelling, case does not matter, "b" is optional.
 */
export function parseMemory(value: unknown, field = 'memory'): number {
  let bytes: number;
  if (typeof value === 'number') {
    bytes = value;
  } else if (typeof value === 'string') {
    const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(value.trim());
    if (!m) {
      throw new LimitError(field, value, `"${value}" is not an amount of memory; write it like 64MiB, 512m, 1g or a number of bytes`);
    }
    bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
  } else {
    throw new LimitError(field, value, `expected an amount of memory like 64MiB, got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new LimitError(field, value, `${String(value)} is not a positive whole number of bytes`);
  if (bytes < MIN_MEMORY) throw new LimitError(field, value, `${String(value)} is below the 6MiB a node needs to run anything`);
  return bytes;
}

/** "cpu: 0.5" → half a CPU: 50000 µs of every 100000 µs (Docker's --cpus). */
export function parseCpu(value: unknown, field = 'cpu'): CpuQuota {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) throw new LimitError(field, value, `expected a number of CPUs like 0.5 or 2, got ${describe(value)}`);
  const quotaUs = Math.round(n * CPU_PERIOD_US);
  if (quotaUs < MIN_CPU_QUOTA_US) throw new LimitError(field, value, `${n} CPUs is below the kernel's smallest quota, 0.01`);
  return { quotaUs, periodUs: CPU_PERIOD_US };
}

/** CPU numbers of a list like "0-2,4". */
export function parseCpuList(list: string): number[] {
  const out = new Set<number>();
  if (list.trim() === '') return [];
  for (const part of list.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new RangeError(`"${part}" is not a CPU number or range`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) throw new RangeError(`range "${part}" runs backwards`);
    if (b >= 8192) throw new RangeError(`CPU ${b} is beyond any kernel's limit`);
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

/** The kernel's canonical form of a CPU list: [0,1,2,4] → "0-2,4". */
export function formatCpuList(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `cpu-set: "0-1"` (or a bare number in YAML) → canonical CPU list. */
export function parseCpuSet(value: unknown, field = 'cpu-set'): string {
  const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof s !== 'string') throw new LimitError(field, value, `expected a CPU list like "0" or "0-1,3", got ${describe(value)}`);
  try {
    const cpus = parseCpuList(s);
    if (cpus.length === 0) throw new RangeError('it is empty');
    return formatCpuList(cpus);
  } catch (e) {
    throw new LimitError(field, value, `"${s}" is not a CPU list like "0" or "0-1,3": ${(e as Error).message}`);
  }
}

/** `pids: 100`: a whole number of processes, at least 1. */
export function parsePids(value: unknown, field = 'pids'): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new LimitError(field, value, `expected a whole number of processes like 100, got ${describe(value)}`);
  return n;
}

/**
 * The pids limit of a node whose topology sets none: enough for a shell,
 * FRR's daemons or a web server and its workers; a fork bomb in a node
 * stops here instead of filling the machine's process table. `pids:
 * unlimited` lifts it.
 */
export const DEFAULT_NODE_PIDS = 1024;

/** `pids: unlimited`: no pids limit, not even nslab's default. */
export const UNLIMITED = 'unlimited';

/** All limits of a node; fields left out are not limited. */
export function parseLimits(raw: RawLimits): CgroupLimits {
  return {
    ...(raw.memory !== undefined && { memory: parseMemory(raw.memory) }),
    ...(raw.cpu !== undefined && { cpu: parseCpu(raw.cpu) }),
    ...(raw['cpu-set'] !== undefined && { cpuSet: parseCpuSet(raw['cpu-set']) }),
    ...(raw.pids !== undefined && { pids: parsePids(raw.pids) }),
  };
}

/** The controllers a set of limits needs. */
export function controllersFor(limits: CgroupLimits): string[] {
  const out: string[] = [];
  if (limits.memory !== undefined) out.push('memory');
  if (limits.cpu !== undefined) out.push('cpu');
  if (limits.cpuSet !== undefined) out.push('cpuset');
  if (limits.pids !== undefined) out.push('pids');
  return out;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

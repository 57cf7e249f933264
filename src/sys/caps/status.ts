import { readFileSync } from 'node:fs';
import type { CapName } from './constants.js';
import { capsFromMask } from './set.js';

/** What a thread holds, read from /proc (no libc): `grep Cap /proc/PID/status`, `capsh --decode`. */

/** The five sets of a task as /proc/PID/status shows them. */
export interface TaskCapabilities {
  readonly inheritable: bigint;
  readonly permitted: bigint;
  readonly effective: bigint;
  readonly bounding: bigint;
  readonly ambient: bigint;
}

/** Parse the Cap* lines of a /proc/PID/status text. */
export function parseStatusCaps(status: string): TaskCapabilities {
  const get = (key: string): bigint => {
    const m = new RegExp(`^${key}:\\s*([0-9a-f]+)$`, 'm').exec(status);
    if (!m?.[1]) throw new TypeError(`no ${key} line in /proc status text`);
    return BigInt(`0x${m[1]}`);
  };
  return {
    inheritable: get('CapInh'),
    permitted: get('CapPrm'),
    effective: get('CapEff'),
    bounding: get('CapBnd'),
    ambient: get('CapAmb'),
  };
}

/** The calling thread's capability sets (/proc/thread-self/status). */
export function threadCapabilities(): TaskCapabilities {
  return parseStatusCaps(readFileSync('/proc/thread-self/status', 'utf8'));
}

/** The highest capability number the running kernel knows. */
export function lastCap(): number {
  return Number(readFileSync('/proc/sys/kernel/cap_last_cap', 'utf8').trim());
}

/**
 * What "ALL" can mean here: every named capability that the calling
 * thread holds in both its bounding and permitted sets, so could pass on.
 */
export function availableCapabilities(): Set<CapName> {
  const t = threadCapabilities();
  return capsFromMask(t.bounding & t.permitted);
}

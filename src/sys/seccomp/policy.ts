import type { ArchName } from './arch.js';
import { SECCOMP_RET } from './constants.js';

/**
 * A seccomp policy as data: what happens by default, and rules that give
 * named system calls (optionally only for certain argument values) another
 * action. compile.ts turns it into a BPF program; the default profile and
 * the Docker/OCI JSON loader both produce one.
 */

export type Action =
  | { readonly type: 'allow' }
  | { readonly type: 'errno'; readonly errno: number }
  | { readonly type: 'kill_process' }
  | { readonly type: 'kill_thread' }
  | { readonly type: 'trap' }
  | { readonly type: 'log' }
  | { readonly type: 'trace'; readonly data: number };

export const ALLOW: Action = { type: 'allow' };
export const KILL_PROCESS: Action = { type: 'kill_process' };
export const errno = (n: number): Action => ({ type: 'errno', errno: n });

/** The comparison operators of libseccomp and the OCI runtime spec. */
export const SCMP_CMP = {
  SCMP_CMP_NE: 'SCMP_CMP_NE',
  SCMP_CMP_LT: 'SCMP_CMP_LT',
  SCMP_CMP_LE: 'SCMP_CMP_LE',
  SCMP_CMP_EQ: 'SCMP_CMP_EQ',
  SCMP_CMP_GE: 'SCMP_CMP_GE',
  SCMP_CMP_GT: 'SCMP_CMP_GT',
  SCMP_CMP_MASKED_EQ: 'SCMP_CMP_MASKED_EQ',
} as const;
export type CmpOp = (typeof SCMP_CMP)[keyof typeof SCMP_CMP];

/**
 * args[index] compared with value, all as unsigned 64-bit numbers. For
 * SCMP_CMP_MASKED_EQ, value is the mask and valueTwo the datum:
 * (arg & value) == (valueTwo & value), as libseccomp defines it.
 */
export interface ArgCmp {
  readonly index: number;
  readonly op: CmpOp;
  readonly value: bigint;
  readonly valueTwo?: bigint;
}

/** When a rule applies, in Docker's terms (checked at compile time). */
export interface RuleCondition {
  /** Only for these architectures (ArchName); others skip the rule. */
  readonly arches?: readonly ArchName[];
  /** Skip the rule on these architectures. */
  readonly notArches?: readonly ArchName[];
  /** Only if the node holds every one of these capabilities (CAP_* names). */
  readonly caps?: readonly string[];
  /** Skip the rule if the node holds any of these capabilities. */
  readonly notCaps?: readonly string[];
  /** Only on kernels at least this version ("5.8"). */
  readonly minKernel?: string;
}

export interface Rule {
  readonly names: readonly string[];
  readonly action: Action;
  /** All must hold (AND). Empty: the rule matches every call of these names. */
  readonly args?: readonly ArgCmp[];
  readonly when?: RuleCondition;
  /** Where the rule came from, for messages (a JSON path, or a comment). */
  readonly origin?: string;
}

export interface Policy {
  readonly defaultAction: Action;
  readonly rules: readonly Rule[];
  /** Architectures the policy is meant for; the host's is always compiled in. */
  readonly architectures?: readonly ArchName[];
  /** SECCOMP_FILTER_FLAG_* bits to install the filter with (LOG, SPEC_ALLOW). */
  readonly filterFlags?: number;
  /** Where it came from ("default profile", a file name), for messages. */
  readonly source?: string;
}

/** The 32-bit value a filter returns for an action. */
export function actionValue(a: Action): number {
  switch (a.type) {
    case 'allow':
      return SECCOMP_RET.SECCOMP_RET_ALLOW;
    case 'errno':
      return (SECCOMP_RET.SECCOMP_RET_ERRNO | (a.errno & 0xffff)) >>> 0;
    case 'kill_process':
      return SECCOMP_RET.SECCOMP_RET_KILL_PROCESS;
    case 'kill_thread':
      return SECCOMP_RET.SECCOMP_RET_KILL_THREAD;
    case 'trap':
      return SECCOMP_RET.SECCOMP_RET_TRAP;
    case 'log':
      return SECCOMP_RET.SECCOMP_RET_LOG;
    case 'trace':
      return (SECCOMP_RET.SECCOMP_RET_TRACE | (a.data & 0xffff)) >>> 0;
  }
}

export function actionText(a: Action): string {
  if (a.type === 'errno') return `errno(${a.errno})`;
  if (a.type === 'trace') return `trace(${a.data})`;
  return a.type;
}

export function sameAction(a: Action, b: Action): boolean {
  return actionValue(a) === actionValue(b);
}

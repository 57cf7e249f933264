/**
 * The two ways cgroups go wrong: a limit the user wrote that cannot be
 * (LimitError, before anything is created), and a cgroup file system
 * operation the kernel refused (CgroupError, naming the path and value).
 */

/** A limit from the topology that is not a valid value; `field` uses containerlab's name. */
export class LimitError extends Error {
  override readonly name = 'LimitError';
  constructor(
    readonly field: string,
    readonly value: unknown,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const HINTS: Readonly<Record<string, string>> = {
  EINVAL: 'the kernel refused the value',
  EBUSY: 'it is in use (processes or child cgroups remain)',
  ENOSPC: 'a v1 cpuset with no cpus or mems cannot take tasks, or a limit is below current use',
  ENOENT: 'no such cgroup or control file (is the controller mounted/enabled?)',
  EEXIST: 'it already exists: a lab of that name is up, or a run was not taken down (run nslab down)',
  EACCES: 'permission denied: run as root',
  EPERM: 'not permitted: run as root',
  EOPNOTSUPP: 'the kernel does not support this here',
  ESRCH: 'no such process',
};

/** A cgroup file system operation failed; the message names the path and the value. */
export class CgroupError extends Error {
  override readonly name = 'CgroupError';
  /** errno name from the failing call ("EINVAL"), when there was one. */
  readonly code: string | undefined;
  readonly path: string;
  readonly value: string | undefined;

  constructor(what: string, path: string, opts: { value?: string; code?: string; hint?: string; cause?: unknown } = {}) {
    const value = opts.value === undefined ? '' : ` ${JSON.stringify(opts.value.trim())} to`;
    const why = opts.code ? `: ${opts.code}${HINTS[opts.code] ? ` (${HINTS[opts.code]})` : ''}` : '';
    const hint = opts.hint ? `; ${opts.hint}` : '';
    super(`cannot ${what}${value} ${path}${why}${hint}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = opts.code;
    this.path = path;
    this.value = opts.value;
  }
}

/** The errno name of a Node fs error, if it is one. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

import { isAbsolute, resolve } from 'node:path';
import { compilePolicy, type CompileOptions, type CompiledFilter } from './compile.js';
import { DEFAULT_PROFILE } from './default-profile.js';
import { readDockerProfile } from './docker.js';
import { SeccompProfileError } from './errors.js';
import type { Policy } from './policy.js';

/**
 * A node's `seccomp:` value from the topology:
 *
 * ```yaml
 * seccomp: default          # nslab's default profile (also when absent)
 * seccomp: unconfined       # no filter
 * seccomp: ./docker.json    # a Docker/OCI JSON profile, relative to the topology file
 * ```
 *
 * The last two are what `docker run --security-opt seccomp=unconfined` and
 * `--security-opt seccomp=./docker.json` mean for a container.
 */
export type SeccompSetting =
  | { readonly mode: 'unconfined' }
  | { readonly mode: 'default'; readonly policy: Policy }
  | { readonly mode: 'profile'; readonly file: string; readonly policy: Policy; readonly warnings: readonly string[] };

export interface SettingContext {
  /** Directory relative paths are resolved against (the topology file's). */
  readonly baseDir: string;
  /** Where the value was written ("lab.yaml:12"), for messages. */
  readonly origin?: string;
}

export const SECCOMP_UNCONFINED = 'unconfined';
export const SECCOMP_DEFAULT = 'default';

/**
 * Read a `seccomp:` value into a setting, loading and checking the profile
 * file now so a mistake is reported before anything is created. undefined
 * (the field is absent) means the default profile.
 */
export function parseSeccompSetting(value: unknown, ctx: SettingContext): SeccompSetting {
  const where = ctx.origin ? { origin: ctx.origin } : {};
  if (value === undefined || value === null || value === SECCOMP_DEFAULT) return { mode: 'default', policy: DEFAULT_PROFILE };
  if (value === SECCOMP_UNCONFINED) return { mode: 'unconfined' };
  if (typeof value !== 'string' || value.trim() === '') {
    throw new SeccompProfileError(
      `seccomp must be "${SECCOMP_DEFAULT}", "${SECCOMP_UNCONFINED}" or the path of a Docker/OCI seccomp JSON profile, not ${JSON.stringify(value)}`,
      where,
    );
  }
  const file = isAbsolute(value) ? value : resolve(ctx.baseDir, value);
  const { policy, warnings } = readDockerProfile(file, ctx.origin);
  return { mode: 'profile', file, policy, warnings };
}

/** The filter for a setting, or null when unconfined. */
export function compileSetting(setting: SeccompSetting, options: CompileOptions = {}): CompiledFilter | null {
  if (setting.mode === 'unconfined') return null;
  return compilePolicy(setting.policy, options);
}

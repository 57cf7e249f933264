import { isAbsolute, resolve } from 'node:path';
import { compilePolicy, type CompileOptions, type CompiledFilter } from './compile.js';
import { DEFAULT_PROFILE } from './default-profile.js';
import { readDockerProfile } from './docker.js';
import { SeccompProfileError } from './errors.js';
import { CLONE_NS } from './constants.js';
import { ALLOW, SCMP_CMP, type Policy, type Rule } from './policy.js';

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

/**
 * What a sandboxed node's filter must also allow: the launcher that starts
 * its commands (util-linux nsenter) joins the node's mount, user and PID
 * namespaces after the filter is loaded (Node cannot join a user namespace
 * itself, and must not run anything from the node's tree as the machine's
 * root, so the mount namespace is the launcher's to join too). Joining a
 * mount namespace takes CAP_SYS_ADMIN over its owner as well, and a node
 * holds no fd of another node's; every other setns stays as the policy says.
 */
export function withLauncherRules(policy: Policy): Policy {
  const join = (flag: number, what: string): Rule => ({
    names: ['setns'],
    action: ALLOW,
    args: [{ index: 1, op: SCMP_CMP.SCMP_CMP_EQ, value: BigInt(flag) }],
    origin: `sandbox launcher: setns into the node's ${what} namespace`,
  });
  return { ...policy, rules: [join(CLONE_NS.CLONE_NEWNS, 'mount'), join(CLONE_NS.CLONE_NEWUSER, 'user'), join(CLONE_NS.CLONE_NEWPID, 'PID'), ...policy.rules] };
}

/** The setting with withLauncherRules applied to its policy (unconfined stays unconfined). */
export function forSandbox(setting: SeccompSetting): SeccompSetting {
  return setting.mode === 'unconfined' ? setting : { ...setting, policy: withLauncherRules(setting.policy) };
}

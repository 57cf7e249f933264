import { existsSync, openSync } from 'node:fs';
import { CgroupError, openCgroupManager } from '../sys/cgroup/index.js';
import type { CapName } from '../sys/caps/index.js';
import { netnsPath } from '../sys/netns-path.js';
import { ExecError, readExecRecipe, recipeFromRecord, type ExecRecipe } from './exec-recipe.js';
import { readRecord } from './state.js';

export { ExecError };

export interface ExecOptions {
  /** Allow a lab that is still being brought up (the start-up commands of `up` itself). */
  readonly starting?: boolean;
  /** Extra environment (the node's `env` is always applied). */
  readonly env?: Readonly<Record<string, string>>;
}

/** The shell `nslab exec LAB NODE` opens. */
function interactiveShell(): string[] {
  const shell = process.env.SHELL && existsSync(process.env.SHELL) ? process.env.SHELL : existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
  return [shell];
}

/**
 * Run a command in a node, as the node: its cgroups, network and UTS
 * namespaces, a private mount namespace set up as `ip netns exec` does, its
 * capabilities, no_new_privs and seccomp filter. The command replaces this
 * process; this function returns only by throwing.
 */
export async function execInNode(lab: string, node: string, command: readonly string[], opts: ExecOptions = {}): Promise<never> {
  // An up lab's index has the node's line; anything else (coming up, going down, no such node) the record explains.
  const recipe = (opts.starting ? undefined : readExecRecipe(lab, node)) ?? recipeFromRecord(readRecord(lab), lab, node, opts);
  const inSandbox = recipe.sandbox;

  // Join the node's cgroups first (its own is made on first use), while we may still write to cgroupfs.
  const cgroups = openCgroupManager(recipe.cgroups);
  try {
    cgroups.addNode(node, recipe.limits);
  } catch (err) {
    if (!(err instanceof CgroupError && err.code === 'EEXIST')) throw err;
  }
  const argv = command.length > 0 ? [...command] : interactiveShell();
  // The kernel makes the cgroup2 part of the move wait; the launch code (koffi, libc) loads meanwhile.
  if (inSandbox) {
    const [launch] = await Promise.all([import('./exec-sandboxed.js'), cgroups.joinBeforeExec(node)]);
    const { envList, ...confine } = confinement(recipe, opts);
    // One exec at a time may find the node without its init and start it.
    launch.libc.flock(openSync(inSandbox.dir, 'r'), launch.LOCK_EX);
    // A sandboxed node's command is looked up inside it (its file system is what it runs on).
    return launch.execSandboxed({ netns: netnsPath(recipe.netns), mnt: inSandbox.mnt, hostname: recipe.hostname, userns: inSandbox.userns, ...confine }, argv[0] as string, argv, envList);
  }
  const [launch] = await Promise.all([import('./exec-launch.js'), cgroups.joinBeforeExec(node)]);
  const { envList, ...confine } = confinement(recipe, opts);
  const path = launch.resolveProgram(argv[0] as string);
  const utsPath = launch.ensureUtsNamespace(lab, node, recipe.hostname, opts.starting ? { starting: true } : {});
  return launch.execConfined({ netnsPath: netnsPath(recipe.netns), netnsName: recipe.netns, utsPath, ...confine }, path, argv, envList);
}

/** The command's environment, capabilities and seccomp program (none when unconfined). */
function confinement(recipe: ExecRecipe, opts: ExecOptions): { envList: string[]; caps: Set<CapName>; seccomp?: { program: Uint8Array; flags: number } } {
  const { lab, node } = recipe;
  const env = {
    ...process.env,
    // The machine's root's home (0700, the machine's root's) is nobody's inside a sandbox: bash
    // would complain of its .bashrc at every shell. The node's own /tmp instead, unless the topology says.
    ...(recipe.sandbox ? { HOME: '/tmp' } : {}),
    ...recipe.env,
    ...opts.env,
    NSLAB_LAB: lab,
    NSLAB_NODE: node,
    // The shell prompt names the node (Debian's bashrc shows debian_chroot; others read PS1).
    debian_chroot: `${lab}/${node}`,
    PS1: `[${lab}/${node}] \\w \\$ `,
  };
  const program = recipe.seccomp;
  const envList = Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
  const caps = new Set(recipe.caps as CapName[]);
  return program ? { envList, caps, seccomp: { program: new Uint8Array(Buffer.from(program.program, 'base64')), flags: program.flags } } : { envList, caps };
}

import { existsSync, openSync } from 'node:fs';
import type { SandboxFacts } from './sandbox.js';
import { CgroupError, openCgroupManager } from '../sys/cgroup/index.js';
import type { CapName } from '../sys/caps/index.js';
import { netnsPath } from '../sys/netns-path.js';
import { didYouMean } from '../topology/diagnostics.js';
import { nodeLimits, type ConfineFacts } from './confine-node.js';
import { readRecord } from './state.js';

export class ExecError extends Error {
  override readonly name = 'ExecError';
}

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
  const rec = readRecord(lab);
  if (!rec) throw new ExecError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
  if (rec.status === 'removing') throw new ExecError(`lab '${lab}' is being taken down (or a down of it was cut short: run 'nslab down ${lab}')`);
  if (rec.status !== 'up' && !opts.starting) throw new ExecError(`lab '${lab}' is still being deployed; try again when 'nslab up' has finished`);
  const n = rec.plan.namespaces.find((x) => x.node === node);
  if (!n) {
    throw new ExecError(`lab '${lab}' has no node '${node}'${didYouMean(node, rec.plan.namespaces.map((x) => x.node))} (its nodes: ${rec.plan.namespaces.map((x) => x.node).join(', ')})`);
  }
  const facts = rec.facts?.confine as ConfineFacts | undefined;
  if (!facts) throw new ExecError(`lab '${lab}' was made without node confinement (by an older nslab?); bring it down and up again`);
  const sandbox = rec.facts?.sandbox as SandboxFacts | undefined;
  const inSandbox = n.confine.isolation === 'sandbox' ? sandbox?.nodes[node] : undefined;
  if (n.confine.isolation === 'sandbox' && !inSandbox) throw new ExecError(`node '${node}' of lab '${lab}' has no sandbox record; bring the lab down and up again`);

  // Join the node's cgroups first (its own is made on first use), while we may still write to cgroupfs.
  const cgroups = openCgroupManager(facts.cgroups);
  try {
    cgroups.addNode(node, nodeLimits(n, facts.defaultsSkipped === undefined));
  } catch (err) {
    if (!(err instanceof CgroupError && err.code === 'EEXIST')) throw err;
  }
  // The kernel makes the cgroup2 part of the move wait; the launch code (koffi, libc) loads meanwhile.
  const [launch] = await Promise.all([import('./exec-launch.js'), cgroups.joinBeforeExec(node)]);

  const argv = command.length > 0 ? [...command] : interactiveShell();
  // A sandboxed node's command is looked up inside it (its file system is what it runs on).
  const path = inSandbox ? (argv[0] as string) : launch.resolveProgram(argv[0] as string);
  const env = {
    ...process.env,
    ...n.env,
    ...opts.env,
    NSLAB_LAB: lab,
    NSLAB_NODE: node,
    // The shell prompt names the node (Debian's bashrc shows debian_chroot; others read PS1).
    debian_chroot: `${lab}/${node}`,
    PS1: `[${lab}/${node}] \\w \\$ `,
  };
  const programId = facts.seccomp[node];
  const program = programId ? facts.programs[programId] : undefined;
  const seccomp = program ? { seccomp: { program: new Uint8Array(Buffer.from(program.program, 'base64')), flags: program.flags } } : {};
  const envList = Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [`${k}=${v}`]));
  const caps = new Set((facts.caps[node] ?? []) as CapName[]);
  if (inSandbox && sandbox) {
    // One exec at a time may find the node without its init and start it.
    launch.libc.flock(openSync(inSandbox.dir, 'r'), launch.LOCK_EX);
    return launch.execSandboxed({ netns: netnsPath(n.name), mnt: inSandbox.mnt, hostname: n.hostname, userns: sandbox.userns, caps, ...seccomp }, path, argv, envList);
  }
  const utsPath = launch.ensureUtsNamespace(lab, node, n.hostname, opts.starting ? { starting: true } : {});
  return launch.execConfined({ netnsPath: netnsPath(n.name), netnsName: n.name, utsPath, caps, ...seccomp }, path, argv, envList);
}

import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { userEnvironment } from '../os/threadpool.js';
import { fileURLToPath } from 'node:url';
import { labDir } from './state.js';
import type { ApplyContext, Step } from './step.js';

/** The nslab bin of this package (also what check runs a node's commands through) (package.json "bin"), wherever the build put this module. */
export const CLI = fileURLToPath(new URL(`../../${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: { nslab: string } }).bin.nslab}`, import.meta.url));
/** How long a start-up command may run before `up` gives up on it. */
const COMMAND_TIMEOUT_MS = 60_000;

export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export function logPath(lab: string, node: string): string {
  return `${labDir(lab)}/logs/${node}.log`;
}

function tail(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * The nodes' `exec:` commands, run once the lab is up, each through
 * `nslab exec` so it is confined exactly like the node. A command runs to
 * completion (a failure fails `up`, which then rolls back); a `background`
 * one is left running as a server, and `down` ends it with the node's
 * cgroup. Output goes to /run/nslab/<lab>/logs/<node>.log.
 */
export const commandsStep: Step = {
  name: 'commands',
  ops: [],

  apply(ctx: ApplyContext): void {
    const plan = ctx.plan;
    const withCommands = plan.namespaces.filter((n) => n.exec.length > 0);
    if (withCommands.length === 0) return;
    mkdirSync(`${labDir(plan.lab)}/logs`, { recursive: true });
    for (const n of withCommands) {
      const log = logPath(plan.lab, n.node);
      for (const e of n.exec) {
        const fd = openSync(log, 'a');
        try {
          const args = [CLI, 'exec', '--starting', plan.lab, n.node, '--', '/bin/sh', '-c', e.cmd];
          if (e.background) {
            const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', fd, fd], env: userEnvironment() });
            child.unref();
            continue;
          }
          const r = spawnSync(process.execPath, args, { stdio: ['ignore', fd, fd], timeout: COMMAND_TIMEOUT_MS, env: userEnvironment() });
          if (r.status !== 0) {
            const why = r.error ? r.error.message : r.signal ? `was killed by ${r.signal}` : `exited with ${r.status}`;
            throw new CommandError(`command '${e.cmd}' in node ${n.node} ${why} [${e.origin}]${tail(log) ? `; its output (${log}):\n${tail(log)}` : ''}`);
          }
        } finally {
          closeSync(fd);
        }
      }
    }
  },

  undo(): boolean {
    return false;
  },
};

import { accessSync, constants } from 'node:fs';
import { F_GETFL, F_SETFD, F_SETFL, O_NONBLOCK, libc } from '../os/libc.js';

/*
 * What both ways into a node (sys/exec.ts for `isolation: network`,
 * sys/sandbox/enter.ts for the sandbox) do before their execve, apart so
 * that the sandbox's exec loads neither capability nor mount code it does
 * not use.
 */

const SIGPIPE = 13;
const SIGXFSZ = 25;

export class CommandNotFoundError extends Error {
  override readonly name = 'CommandNotFoundError';
}

/** The program a command names, looked up in PATH as a shell would. */
export function resolveProgram(cmd: string, path = process.env.PATH ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'): string {
  if (cmd.includes('/')) return cmd;
  for (const dir of path.split(':')) {
    const candidate = `${dir || '.'}/${cmd}`;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next directory
    }
  }
  throw new CommandNotFoundError(`command not found: ${cmd} (searched ${path})`);
}

/**
 * Node marks fds 0–2 close-on-exec and may leave them non-blocking, and it
 * ignores SIGPIPE (and SIGXFSZ) and blocks some signals; a command it execs
 * must get ordinary ones.
 */
export function ordinaryStdioAndSignals(): void {
  for (const fd of [0, 1, 2]) {
    try {
      libc.fcntl(fd, F_SETFD, 0);
      libc.fcntl(fd, F_SETFL, libc.fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    } catch {
      // a closed standard fd stays closed
    }
  }
  libc.defaultSignal(SIGPIPE);
  libc.defaultSignal(SIGXFSZ);
  libc.unblockAllSignals();
}

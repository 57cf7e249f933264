import { spawn } from 'node:child_process';
import { userEnvironment } from '../os/threadpool.js';
import { CLI } from './commands.js';

/**
 * A command run in a node for `nslab check`, exactly as a student would
 * run it: `nslab exec LAB NODE -- /bin/sh -c RUN`, so it has the node's
 * namespaces, cgroups, capabilities and seccomp filter. Bounded in time
 * and in the output kept.
 */

/** How long one command of a check may run. */
export const NODE_COMMAND_TIMEOUT_MS = 30_000;
/** Output kept of one command (stdout and stderr together); the rest is counted, not kept. */
const MAX_OUTPUT = 256 * 1024;

export interface NodeCommandResult {
  /** Exit code, or null when killed by a signal (the timeout's SIGKILL included). */
  readonly exit: number | null;
  readonly signal: string | null;
  readonly output: string;
  readonly timedOut: boolean;
}

export function runInNode(lab: string, node: string, argv: readonly string[], timeoutMs = NODE_COMMAND_TIMEOUT_MS): Promise<NodeCommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'exec', lab, node, '--', ...argv], { stdio: ['ignore', 'pipe', 'pipe'], env: userEnvironment() });
    const chunks: Buffer[] = [];
    let kept = 0;
    const keep = (b: Buffer): void => {
      if (kept >= MAX_OUTPUT) return;
      const part = b.subarray(0, MAX_OUTPUT - kept);
      chunks.push(part);
      kept += part.length;
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    const done = (exit: number | null, signal: string | null): void => {
      clearTimeout(timer);
      resolve({ exit, signal, output: Buffer.concat(chunks).toString('utf8'), timedOut });
    };
    child.on('close', done);
    // Killed on the timeout, nsenter's own child (the command) may keep the pipes open: do not wait for them.
    child.on('exit', (exit, signal) => {
      if (!timedOut) return;
      child.stdout.destroy();
      child.stderr.destroy();
      done(exit, signal);
    });
  });
}

/** `sh -c TEXT` in a node. */
export function runShellInNode(lab: string, node: string, text: string, timeoutMs?: number): Promise<NodeCommandResult> {
  return runInNode(lab, node, ['/bin/sh', '-c', text], timeoutMs);
}

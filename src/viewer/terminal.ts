import { spawn, type ChildProcess } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ReadStream } from 'node:tty';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLI } from '../lab/commands.js';
import { libc } from '../os/libc.js';
import { openPty, setWindowSize } from '../sys/pty.js';
import type { Plan } from '../topology/plan.js';
import { printable } from '../topology/printable.js';
import type { LabState } from './watch.js';

/**
 * A terminal in a node, for the graph page: /api/term/NODE is a WebSocket
 * whose other end is `nslab exec LAB NODE` on a pseudo-terminal, the very
 * command a user types, so the shell is confined exactly as theirs
 * (cgroups, namespaces, capabilities, seccomp; a sandbox's user and PID
 * namespaces). `setsid --ctty` makes the pty its controlling terminal, so
 * Ctrl-C, job control and a hangup when the page goes away all work.
 *
 * The WebSocket is the `ws` package: an RFC 6455 implementation tested
 * against the Autobahn suite (fragmentation, control frames, close
 * handshake, UTF-8 checks, backpressure), which a page-sized framing of
 * our own would have to re-earn.
 *
 * Messages: the page sends JSON text, {"t":"i","d":"ls\r"} (keys) or
 * {"t":"r","c":80,"r":24} (size); the server sends the pty's bytes as
 * binary frames, and JSON text {"error":"…"} or {"exit":0} before closing.
 */

/** Output waiting for a slow page beyond this pauses the shell's output (the pty then blocks it). */
const HIGH_WATER = 1 << 20;
const KILL_AFTER_MS = 3000;

export interface TerminalOptions {
  readonly state: () => LabState;
  /** What runs (tests; default: `nslab exec LAB NODE` through this package's bin). */
  readonly command?: (lab: string, node: string) => readonly string[];
  readonly onError?: (err: unknown) => void;
}

function size(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 1000 ? n : fallback;
}

export class Terminals {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly sessions = new Set<{ close(): void }>();

  constructor(private readonly opts: TerminalOptions) {}

  /** An upgrade to /api/term/NODE that passed the server's token, host and origin checks. */
  handle(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void {
    const node = decodeURIComponent(url.pathname.slice('/api/term/'.length));
    const cols = size(Number(url.searchParams.get('cols')), 80);
    const rows = size(Number(url.searchParams.get('rows')), 24);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const refusal = this.refusal(node);
      if (refusal) {
        ws.send(JSON.stringify({ error: refusal }));
        ws.close(1008, 'refused');
        return;
      }
      try {
        this.start(ws, this.opts.state().plan.lab, node, cols, rows);
      } catch (err) {
        this.opts.onError?.(err);
        ws.send(JSON.stringify({ error: `could not open a terminal: ${err instanceof Error ? err.message : String(err)}` }));
        ws.close(1011, 'failed');
      }
    });
  }

  private refusal(node: string): string | undefined {
    const s = this.opts.state();
    return terminalRefusal(s.plan, s.status, node);
  }

  private start(ws: WebSocket, lab: string, node: string, cols: number, rows: number): void {
    const pair = openPty();
    let child: ChildProcess;
    try {
      setWindowSize(pair.master, cols, rows);
      const argv = this.opts.command?.(lab, node) ?? [process.execPath, CLI, 'exec', lab, node];
      // setsid: a session of its own; --ctty: the pty (its stdin) becomes its controlling terminal.
      child = spawn('setsid', ['--ctty', ...argv], { stdio: [pair.slave, pair.slave, pair.slave], env: { ...process.env, TERM: 'xterm-256color', COLORTERM: 'truecolor' } });
    } catch (err) {
      libc.close(pair.slave);
      libc.close(pair.master);
      throw err;
    }
    // The child has its own copies; ours would keep the pty open after it exits.
    libc.close(pair.slave);
    const tty = new ReadStream(pair.master);
    let closed = false;
    let exited = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      this.sessions.delete(session);
      // Closing the master hangs the terminal up: the shell gets SIGHUP, as when a terminal window closes.
      tty.destroy();
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(1000, 'closed');
      if (!exited) setTimeout(() => exited || child.kill('SIGKILL'), KILL_AFTER_MS).unref();
    };
    const session = { close };
    this.sessions.add(session);

    tty.on('data', (d: Buffer) => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(d, { binary: true }, () => {
        if (tty.isPaused() && ws.bufferedAmount < HIGH_WATER / 4) tty.resume();
      });
      if (ws.bufferedAmount > HIGH_WATER) tty.pause();
    });
    // EIO: every copy of the other end is closed (the shell and what it started have exited).
    tty.on('error', () => undefined);
    tty.on('close', () => {
      if (exited) close();
    });
    child.on('error', (err) => {
      ws.send(JSON.stringify({ error: `could not start nslab exec: ${err.message}` }));
      exited = true;
      close();
    });
    child.on('exit', (code, signal) => {
      exited = true;
      // What the shell wrote last may still be in the pty: let it drain, then say how it ended.
      setTimeout(() => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ exit: code, ...(signal ? { signal } : {}) }));
        close();
      }, 100);
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return;
      let m: { t?: unknown; d?: unknown; c?: unknown; r?: unknown };
      try {
        m = JSON.parse(String(data)) as typeof m;
      } catch {
        return;
      }
      if (m.t === 'i' && typeof m.d === 'string' && !closed) tty.write(m.d);
      else if (m.t === 'r' && !closed) {
        try {
          setWindowSize(pair.master, size(m.c, cols), size(m.r, rows));
        } catch (err) {
          this.opts.onError?.(err);
        }
      }
    });
    ws.on('close', close);
    ws.on('error', close);
  }

  /** End every terminal (the server is stopping). */
  closeAll(): void {
    for (const s of [...this.sessions]) s.close();
    this.wss.close();
  }
}

/** Why node gets no terminal from the page, in one line; undefined when it may. */
export function terminalRefusal(plan: Plan, status: string | undefined, node: string): string | undefined {
  if (status === undefined) return `lab ${plan.lab} is not up: there is no node to open a terminal in`;
  const nodes = plan.namespaces.map((n) => n.node);
  if (!nodes.includes(node)) return `lab ${plan.lab} has no node '${printable(node)}' (nodes: ${nodes.join(', ')})`;
  // Root in such a node is root on this machine: the page's token (a cookie browsers also send to
  // other ports of this host) must not be a root shell. nslab exec, run by root, still opens one.
  if (plan.namespaces.find((n) => n.node === node)?.confine.isolation === 'network') {
    return `node ${node} has isolation: network, so a shell there is root on this machine; the page opens terminals only in sandboxed nodes (use nslab exec ${plan.lab} ${node})`;
  }
  return undefined;
}

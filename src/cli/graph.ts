import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';
import type { Command } from 'commander';
import { formatDiagnostic } from '../topology/diagnostics.js';
import { exportHtml, exportStamp } from '../viewer/export.js';
import { startViewer } from '../viewer/server.js';
import { resolveTarget, stateReader, TargetError } from '../viewer/target.js';
import { LabWatcher } from '../viewer/watch.js';
import { UsageError } from './errors.js';
import { onlyLab } from './resolve.js';
import { VERSION } from './version.js';
import { writeOutputFile } from './output-file.js';

interface GraphOptions {
  port?: string;
  listen?: string;
  export?: string;
  open: boolean;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port ${text}: expected a port number 0–65535 (0 picks a free one)`);
  return Number(text);
}

/** --listen ADDR: an address of this machine, written as an IP address (a name could resolve elsewhere later). */
function parseListen(text: string | undefined): string {
  if (text === undefined) return '127.0.0.1';
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) === 0) throw new UsageError(`--listen ${text}: expected an IP address of this machine (127.0.0.1, 192.0.2.10, ::1, 0.0.0.0 for every address)`);
  return bare;
}

/**
 * Open the page in the desktop's browser when there is a desktop; never
 * required. The browser is handed a 0600 file that redirects to the URL, as
 * Jupyter does, not the URL: a command line is every local user's to read
 * (/proc/PID/cmdline), and the URL holds the token. Returns the file, for removal.
 */
function openBrowser(url: string): string | undefined {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'nslab-graph-'));
  const page = join(dir, 'open.html');
  const href = url.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  writeFileSync(page, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><a href="${href}">nslab graph</a>\n`, { mode: 0o600 });
  try {
    const child = spawn('xdg-open', [page], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No xdg-open: the URL is printed anyway.
  }
  return dir;
}

/** Resolves when SIGINT or SIGTERM arrives. */
function untilInterrupted(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = (): void => stop('SIGINT');
    const onTerm = (): void => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}

export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('draw a lab in the browser, live from the kernel (a file that is not up is drawn from its plan)')
    .argument('[lab]', 'lab name or topology file (optional when one lab is up)')
    .option('--port <n>', 'port (default: a free one)')
    .option('--listen <addr>', 'address to listen on instead of 127.0.0.1 (the token in the printed URL is still required)')
    .option('--export <file>', 'write one self-contained HTML file (works offline, from disk) and exit')
    .option('--no-open', 'do not open a browser')
    .action(async (arg: string | undefined, opts: GraphOptions) => {
      const port = parsePort(opts.port);
      const listen = parseListen(opts.listen);
      let target;
      try {
        target = resolveTarget(arg ?? onlyLab());
      } catch (err) {
        if (err instanceof TargetError) throw new UsageError(err.message);
        throw err;
      }
      for (const w of target.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
      const state = stateReader(target);

      if (opts.export !== undefined) {
        const watcher = new LabWatcher({ state, onEvent: () => undefined });
        try {
          const html = exportHtml({
            view: watcher.view(),
            layout: watcher.currentLayout(),
            decor: watcher.currentDecorations(),
            exportedAt: exportStamp(new Date()),
          });
          writeOutputFile(opts.export, html);
        } finally {
          watcher.close();
        }
        process.stdout.write(`wrote ${opts.export} (lab ${target.lab}${watcher.live ? '' : ', not deployed'}); open it in any browser, no network needed\n`);
        return;
      }

      let viewer;
      try {
        viewer = await startViewer({
          state,
          port,
          listen,
          application: `nslab ${VERSION}`,
          onError: (err) => process.stderr.write(`nslab graph: ${err instanceof Error ? err.message : String(err)}\n`),
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          throw new UsageError(`port ${port} on ${listen} is in use; pick another with --port, or leave --port out for a free one`);
        }
        if (code === 'EADDRNOTAVAIL') throw new UsageError(`--listen ${listen}: no interface of this machine has that address`);
        throw err;
      }
      process.stdout.write(`nslab graph: lab ${target.lab}${viewer.watcher.live ? '' : ' (not deployed)'} at ${viewer.pageUrl}\n`);
      if (listen === '0.0.0.0' || listen === '::') process.stdout.write(`listening on every address of this machine (port ${viewer.port}); the token is required on each\n`);
      process.stdout.write('press Ctrl-C to stop\n');
      const opened = opts.open ? openBrowser(viewer.pageUrl) : undefined;
      try {
        await untilInterrupted();
      } finally {
        if (opened) rmSync(opened, { recursive: true, force: true });
      }
      await viewer.close();
      process.stdout.write('nslab graph: stopped\n');
    });
}

import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { formatDiagnostic } from '../topology/diagnostics.js';
import { exportHtml, exportStamp } from '../viewer/export.js';
import { startViewer } from '../viewer/server.js';
import { resolveTarget, stateReader, TargetError } from '../viewer/target.js';
import { LabWatcher } from '../viewer/watch.js';
import { UsageError } from './errors.js';
import { onlyLab } from './resolve.js';
import { writeOutputFile } from './output-file.js';

interface GraphOptions {
  port?: string;
  export?: string;
  open: boolean;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port ${text}: expected a port number 0–65535 (0 picks a free one)`);
  return Number(text);
}

/** Open the page in the desktop's browser when there is a desktop; never required. */
function openBrowser(url: string): void {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    const child = spawn('xdg-open', [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No xdg-open: the URL is printed anyway.
  }
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
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--export <file>', 'write one self-contained HTML file (works offline, from disk) and exit')
    .option('--no-open', 'do not open a browser')
    .action(async (arg: string | undefined, opts: GraphOptions) => {
      const port = parsePort(opts.port);
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
          onError: (err) => process.stderr.write(`nslab graph: ${err instanceof Error ? err.message : String(err)}\n`),
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new UsageError(`port ${port} on 127.0.0.1 is in use; pick another with --port, or leave --port out for a free one`);
        }
        throw err;
      }
      process.stdout.write(`nslab graph: lab ${target.lab}${viewer.watcher.live ? '' : ' (not deployed)'} at ${viewer.url}\n`);
      process.stdout.write('press Ctrl-C to stop\n');
      if (opts.open) openBrowser(viewer.url);
      await untilInterrupted();
      await viewer.close();
      process.stdout.write('nslab graph: stopped\n');
    });
}

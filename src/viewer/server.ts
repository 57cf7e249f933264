import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ASSETS, readAsset } from './assets.js';
import { SseClient } from './sse.js';
import { LabWatcher, type LabState, type LinkRateView, type WatchEvent } from './watch.js';

export interface ViewerOptions {
  /** The lab's state now (asked at start and once a second). */
  readonly state: () => LabState;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Only loopback makes sense: the page shows a lab on this machine. */
  readonly host?: string;
  readonly onError?: (err: unknown) => void;
  readonly pollMs?: number;
  readonly statsMs?: number;
}

export interface Viewer {
  readonly url: string;
  readonly port: number;
  readonly watcher: LabWatcher;
  /** Stop the watcher, end every event stream, close the server. */
  close(): Promise<void>;
}

/**
 * The data of each /api/events event, by event name (the page's contract):
 * the WatchEvent without its type, which is the event's name; a `lab`
 * event carries the rates so far as well.
 */
export type EventData = {
  readonly [T in WatchEvent['type']]: Omit<Extract<WatchEvent, { readonly type: T }>, 'type'> &
    (T extends 'lab' ? { readonly rates: Record<string, LinkRateView> } : unknown);
};

const HEARTBEAT_MS = 15_000;

const PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

/**
 * Only requests that name this server by its loopback address: a web page
 * elsewhere cannot reach the lab through DNS rebinding.
 */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...PAGE_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`);
}

/** Serve the page, /api/lab (LabView), /api/layout, /api/rates, /api/decorations and /api/events (SSE). */
export async function startViewer(opts: ViewerOptions): Promise<Viewer> {
  const clients = new Set<SseClient>();
  const broadcast = (e: WatchEvent): void => {
    const { type, ...payload } = e;
    const body = type === 'lab' ? { ...payload, rates: watcher.rates() } : payload;
    for (const c of clients) {
      if (c.isClosed) clients.delete(c);
      else c.send(type, body);
    }
  };
  const watcher = new LabWatcher({
    state: opts.state,
    onEvent: broadcast,
    ...(opts.onError ? { onError: opts.onError } : {}),
    ...(opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {}),
    ...(opts.statsMs !== undefined ? { statsMs: opts.statsMs } : {}),
  });

  let port = 0;
  const server: Server = createServer((req, res) => {
    try {
      if (!hostAllowed(req, port)) return send(res, 403, 'text/plain; charset=utf-8', 'nslab graph answers only to 127.0.0.1 and localhost\n');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      }
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      switch (path) {
        case '/api/lab':
          return sendJson(res, watcher.view());
        case '/api/layout':
          return sendJson(res, watcher.currentLayout());
        case '/api/rates':
          return sendJson(res, watcher.rates());
        case '/api/decorations':
          return sendJson(res, watcher.currentDecorations());
        case '/api/events': {
          const c = new SseClient(res);
          clients.add(c);
          res.write('retry: 1000\n\n');
          const first: EventData['lab'] = { view: watcher.view(), layout: watcher.currentLayout(), decor: watcher.currentDecorations(), rates: watcher.rates() };
          c.send('lab', first);
          req.on('close', () => clients.delete(c));
          return;
        }
        default: {
          const asset = ASSETS[path];
          if (!asset) return send(res, 404, 'text/plain; charset=utf-8', `not found: ${path}\n`);
          return send(res, 200, asset.type, readAsset(path));
        }
      }
    } catch (err) {
      opts.onError?.(err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.end();
    }
  });

  const heartbeat = setInterval(() => {
    for (const c of clients) c.comment('keep-alive');
  }, HEARTBEAT_MS);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    clearInterval(heartbeat);
    watcher.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  watcher.start();

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    watcher,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        watcher.close();
        for (const c of clients) c.close();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { hostAllowed, isLoopback, newToken, originAllowed, tokenCookie, tokenGiven, urlHost } from './access.js';
import { ASSETS, readAsset } from './assets.js';
import { captureRoute } from './capture-routes.js';
import { Captures } from './captures.js';
import { SseClient } from './sse.js';
import { Terminals } from './terminal.js';
import { LabWatcher, type LabState, type LinkRateView, type WatchEvent } from './watch.js';

export interface ViewerOptions {
  /** The lab's state now (asked at start and once a second). */
  readonly state: () => LabState;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /**
   * The address to listen on: 127.0.0.1 unless the user asked (`--listen`);
   * the token is required on every address.
   */
  readonly listen?: string;
  /** The per-run token (tests give their own; by default a new random one). */
  readonly token?: string;
  readonly onError?: (err: unknown) => void;
  /** Names the program in capture files (shb_userappl). */
  readonly application?: string;
  readonly pollMs?: number;
  readonly statsMs?: number;
}

export interface Viewer {
  /** The server's root, without the token. */
  readonly url: string;
  /** What `nslab graph` prints: the page's URL with the token. */
  readonly pageUrl: string;
  readonly token: string;
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

/** Paths that need the token: the page itself and everything under /api/. Scripts and styles are the package's own files. */
function needsToken(path: string): boolean {
  return path === '/' || path === '/index.html' || path.startsWith('/api/');
}

const TEXT = 'text/plain; charset=utf-8';
const NO_TOKEN = 'nslab graph: this needs the token: open the URL nslab graph printed (it ends in ?token=…)\n';

/** Refuse an upgrade on its raw socket: a status line, a reason, and the connection closed. */
function refuseUpgrade(socket: Duplex, status: number, reason: string, body: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: ${TEXT}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** A WebSocket endpoint: called for an upgrade that passed the host, token and origin checks. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) => void;

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
  const listen = opts.listen ?? '127.0.0.1';
  const token = opts.token ?? newToken();
  const hostRefusal = `nslab graph answers only to its own address (${isLoopback(listen) ? '127.0.0.1 or localhost' : urlHost(listen)}) with its port\n`;
  const upgrades = new Map<string, UpgradeHandler>();
  const captures = new Captures(opts.application ?? 'nslab graph');
  const terminals = new Terminals({ state: opts.state, ...(opts.onError ? { onError: opts.onError } : {}) });
  upgrades.set('/api/term/', (req, socket, head, url) => terminals.handle(req, socket, head, url));
  const captureContext = { captures, state: opts.state, json: (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`) };
  const server: Server = createServer((req, res) => {
    try {
      if (!hostAllowed(req.headers.host, listen, port)) return send(res, 403, TEXT, hostRefusal);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const path = url.pathname;
      if (needsToken(path)) {
        const given = tokenGiven(req, url, port, token);
        if (!given) return send(res, 403, TEXT, NO_TOKEN);
        // The printed URL's first load: later requests carry the cookie (the page then drops ?token from the address bar).
        if (given === 'query' && !path.startsWith('/api/')) res.setHeader('Set-Cookie', tokenCookie(port, token));
      }
      if (path.startsWith('/api/capture') && captureRoute(req, res, path, captureContext)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        return send(res, 405, TEXT, 'method not allowed\n');
      }
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

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      if (!hostAllowed(req.headers.host, listen, port)) return refuseUpgrade(socket, 403, 'Forbidden', hostRefusal);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!tokenGiven(req, url, port, token)) return refuseUpgrade(socket, 403, 'Forbidden', NO_TOKEN);
      // A cookie rides along on a WebSocket from any page: only the page this server served may open one.
      if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden', `nslab graph: a WebSocket must come from its own page (Origin ${req.headers.origin ?? 'missing'})\n`);
      const route = [...upgrades].find(([prefix]) => url.pathname.startsWith(prefix));
      if (!route) return refuseUpgrade(socket, 404, 'Not Found', `not found: ${url.pathname}\n`);
      route[1](req, socket, head, url);
    } catch (err) {
      opts.onError?.(err);
      socket.destroy();
    }
  });

  const heartbeat = setInterval(() => {
    for (const c of clients) c.comment('keep-alive');
  }, HEARTBEAT_MS);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, listen, () => {
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
  // Unspecified (0.0.0.0, ::) listens everywhere, loopback included: print the loopback URL.
  const shown = listen === '0.0.0.0' ? '127.0.0.1' : listen === '::' ? '::1' : listen;
  const url = `http://${urlHost(shown)}:${port}/`;
  return {
    url,
    pageUrl: `${url}?token=${token}`,
    token,
    port,
    watcher,
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        watcher.close();
        captures.closeAll();
        terminals.closeAll();
        for (const c of clients) c.close();
        clients.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { originAllowed } from './access.js';
import { CaptureRequestError, type CaptureEnd, type Captures, type PacketLine } from './captures.js';
import { SseClient } from './sse.js';
import type { LabState } from './watch.js';

/*
 * The page's captures over HTTP:
 *
 *   POST /api/capture              {"target":"h1:eth0","filter":"icmp"} → 201 {id,label} | 400 {error}
 *   GET  /api/capture/ID/events    event stream: `lines` (PacketLine[], every 100 ms at most), `end` (CaptureEnd)
 *   GET  /api/capture/ID/pcap      the pcapng seen so far, as a download
 *   POST /api/capture/ID/stop      → 200 {end}
 *
 * A POST must come from the page's own origin (the token cookie alone would
 * ride along on a form another site submits).
 */

const MAX_BODY = 16 * 1024;
const FLUSH_MS = 100;
/** Lines waiting for one list beyond this are dropped (counted); the pcap keeps them all. */
const MAX_PENDING = 2000;
/** A capture nobody lists any more (the tab was closed) stops after this long. */
const ORPHAN_MS = 10_000;

export interface CaptureRouteContext {
  readonly captures: Captures;
  readonly state: () => LabState;
  readonly json: (res: ServerResponse, status: number, value: unknown) => void;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size > MAX_BODY) {
        reject(new CaptureRequestError(`a capture request is at most ${MAX_BODY} bytes`));
        req.destroy();
        return;
      }
      parts.push(d);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function parseRequest(text: string): { target: string; filter: string | undefined } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CaptureRequestError('a capture request is JSON: {"target": "h1:eth0", "filter": "icmp"}');
  }
  const b = body as { target?: unknown; filter?: unknown };
  if (typeof b?.target !== 'string' || b.target === '') throw new CaptureRequestError('a capture request names its target: {"target": "h1:eth0"}');
  if (b.filter !== undefined && typeof b.filter !== 'string') throw new CaptureRequestError('a capture filter is text, as tcpdump takes it');
  return { target: b.target, filter: b.filter };
}

/** The download's name: lab-node-interface.pcapng. */
function fileName(lab: string, label: string): string {
  return `${lab}-${label}`.replace(/^LAN /, '').replace(/[^A-Za-z0-9._-]+/g, '-') + '.pcapng';
}

/** Handle /api/capture…; false when the path is not one of these. */
export function captureRoute(req: IncomingMessage, res: ServerResponse, path: string, ctx: CaptureRouteContext): boolean {
  if (path === '/api/capture') {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      ctx.json(res, 405, { error: 'start a capture with POST' });
      return true;
    }
    if (!originAllowed(req)) {
      ctx.json(res, 403, { error: 'a capture is started from the page nslab graph served' });
      return true;
    }
    readBody(req)
      .then((text) => {
        const { target, filter } = parseRequest(text);
        const s = ctx.state();
        const session = ctx.captures.start(s.plan, s.status !== undefined, target, filter);
        ctx.json(res, 201, { id: session.id, label: session.target.label, filter: session.filter ?? null });
      })
      .catch((err: unknown) => {
        if (err instanceof CaptureRequestError) ctx.json(res, 400, { error: err.message });
        else ctx.json(res, 500, { error: `capture failed: ${err instanceof Error ? err.message : String(err)}` });
      });
    return true;
  }
  const m = /^\/api\/capture\/([\w-]+)\/(events|pcap|stop)$/.exec(path);
  if (!m) return false;
  const session = ctx.captures.get(m[1] as string);
  if (!session) {
    ctx.json(res, 404, { error: 'no such capture (the server keeps the last few)' });
    return true;
  }
  const what = m[2] as string;
  if (what === 'stop') {
    if (req.method !== 'POST' || !originAllowed(req)) {
      ctx.json(res, req.method !== 'POST' ? 405 : 403, { error: 'stop a capture with POST from the page' });
      return true;
    }
    session.stop();
    ctx.json(res, 200, { end: session.end ?? null });
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    ctx.json(res, 405, { error: 'method not allowed' });
    return true;
  }
  if (what === 'pcap') {
    const body = session.pcap();
    res.writeHead(200, {
      'Content-Type': 'application/x-pcapng',
      'Content-Length': body.length,
      'Content-Disposition': `attachment; filename="${fileName(session.target.lab, session.target.label)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
    return true;
  }
  const client = new SseClient(res);
  let pending: PacketLine[] = [];
  let skipped = 0;
  const flush = (): void => {
    if (skipped > 0) client.send('skipped', { count: skipped });
    skipped = 0;
    if (pending.length > 0) client.send('lines', pending);
    pending = [];
  };
  const timer = setInterval(flush, FLUSH_MS);
  const unlisten = session.listen({
    lines: (lines) => {
      pending.push(...lines);
      if (pending.length > MAX_PENDING) {
        skipped += pending.length - MAX_PENDING;
        pending = pending.slice(-MAX_PENDING);
      }
    },
    end: (e: CaptureEnd) => {
      flush();
      client.send('end', e);
      clearInterval(timer);
      client.close();
    },
  });
  req.on('close', () => {
    clearInterval(timer);
    unlisten();
    if (session.end || session.listening > 0) return;
    setTimeout(() => {
      if (session.listening === 0) session.stop();
    }, ORPHAN_MS).unref();
  });
  return true;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';
import { startViewer, type Viewer } from '../../src/viewer/server.js';
import { resolveTarget, stateReader } from '../../src/viewer/target.js';
import { CHROMIUM, launchBrowser, pageReady, type Browser } from '../helpers/browser.js';
import { exampleAs, uniqueLab } from '../helpers/nslab.js';

/*
 * nslab graph's server, attacked as a web page or a local program would:
 * without the token, with a wrong one, from another origin, and through DNS
 * rebinding (a name the attacker controls that resolves to 127.0.0.1, so
 * the browser sends that name as Host). The lab is drawn from its plan: no
 * root, nothing made on the machine.
 */


interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One raw request: any Host, any header, as curl or a rebinding page sends it. */
function raw(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, path, method, headers, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        body += d;
        // An event stream never ends: its first event is enough.
        if (res.headers['content-type']?.startsWith('text/event-stream') && body.includes('\n\n')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    r.on('error', reject);
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.end();
  });
}

/** A WebSocket opening handshake (RFC 6455 §4.1); resolves with the status the server answered. */
function upgrade(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = request({
      host: '127.0.0.1',
      port,
      path,
      timeout: 5000,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    r.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    r.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    r.on('error', reject);
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.end();
  });
}

describe('nslab graph lets in only the holder of its token', () => {
  const file = exampleAs('router.yaml', uniqueLab('va'));
  let viewer: Viewer;
  let host: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    viewer = await startViewer({ state: stateReader(resolveTarget(file)), onError: (e) => errors.push(e) });
    host = `127.0.0.1:${viewer.port}`;
  });
  afterAll(async () => {
    await viewer?.close();
    expect(errors).toEqual([]);
  });

  it.each(['/', '/index.html', '/api/lab', '/api/layout', '/api/rates', '/api/decorations', '/api/events', '/api/capture', '/api/nosuch'])(
    'refuses %s without the token, or with a wrong one, with 403 and one line',
    async (path) => {
      for (const headers of [{ Host: host }, { Host: host, Cookie: `nslab-graph-${viewer.port}=${viewer.token.slice(1)}x` }, { Host: host, Cookie: `nslab-graph-1=${viewer.token}` }]) {
        const a = await raw(viewer.port, path, headers);
        expect(a.status).toBe(403);
        expect(a.body).toMatch(/^nslab graph: this needs the token: open the URL nslab graph printed/);
        expect(a.body.trim().split('\n')).toHaveLength(1);
        expect(a.body).not.toContain(viewer.token);
      }
      const q = await raw(viewer.port, `${path}${path.includes('?') ? '&' : '?'}token=${viewer.token.toLowerCase()}`, { Host: host });
      expect(q.status).toBe(403);
    },
  );

  it('answers with the token in the query or in its cookie; the page sets the cookie, the API does not', async () => {
    const page = await raw(viewer.port, `/?token=${viewer.token}`, { Host: host });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>nslab graph</title>');
    expect(page.headers['set-cookie']).toEqual([`nslab-graph-${viewer.port}=${viewer.token}; Path=/; HttpOnly; SameSite=Strict`]);
    const byCookie = await raw(viewer.port, '/api/lab', { Host: host, Cookie: `nslab-graph-${viewer.port}=${viewer.token}` });
    expect(byCookie.status).toBe(200);
    expect(JSON.parse(byCookie.body)).toMatchObject({ live: false, status: 'planned' });
    expect(byCookie.headers['set-cookie']).toBeUndefined();
    const events = await raw(viewer.port, `/api/events?token=${viewer.token}`, { Host: host });
    expect(events.status).toBe(200);
    expect(events.body).toContain('event: lab');
  });

  it('serves the page\'s scripts and styles to anyone: they are the package\'s files, not the lab', async () => {
    for (const path of ['/app.js', '/style.css', '/cytoscape.min.js']) expect((await raw(viewer.port, path, { Host: host })).status).toBe(200);
  });

  it('refuses DNS rebinding: a Host that is not its address gets 403 even with the token', async () => {
    for (const h of [`evil.test:${viewer.port}`, `127.0.0.1.nip.io:${viewer.port}`, `127.0.0.1:${viewer.port + 1}`, `192.0.2.1:${viewer.port}`, 'evil.test']) {
      const a = await raw(viewer.port, `/api/lab?token=${viewer.token}`, { Host: h });
      expect(a.status).toBe(403);
      expect(a.body).toMatch(/^nslab graph answers only to its own address/);
      expect(await upgrade(viewer.port, `/api/term/h1?token=${viewer.token}`, { Host: h, Origin: `http://${h}` })).toBe(403);
    }
    expect((await raw(viewer.port, `/api/lab?token=${viewer.token}`, { Host: `localhost:${viewer.port}` })).status).toBe(200);
  });

  it('refuses a WebSocket upgrade without the token, or from another origin, before looking for the endpoint', async () => {
    const cookie = `nslab-graph-${viewer.port}=${viewer.token}`;
    expect(await upgrade(viewer.port, '/api/term/h1', { Host: host, Origin: `http://${host}` })).toBe(403);
    for (const origin of ['http://evil.test', `http://127.0.0.1:${viewer.port + 1}`, `https://${host}`, 'null']) {
      expect(await upgrade(viewer.port, '/api/term/h1', { Host: host, Origin: origin, Cookie: cookie })).toBe(403);
    }
    expect(await upgrade(viewer.port, '/api/term/h1', { Host: host, Cookie: cookie })).toBe(403); // no Origin at all
    // The same request from the page's own origin passes these checks (404: no such endpoint here).
    expect(await upgrade(viewer.port, '/api/nosuch', { Host: host, Origin: `http://${host}`, Cookie: cookie })).toBe(404);
  });
});

describe('nslab graph --listen', () => {
  it('listens on the address given, answers to that address only, and still wants the token', async () => {
    const viewer = await startViewer({ state: stateReader(resolveTarget(exampleAs('router.yaml', uniqueLab('vl')))), listen: '127.0.0.2' });
    try {
      expect(viewer.url).toBe(`http://127.0.0.2:${viewer.port}/`);
      const get = (h: string, path: string): Promise<Answer> =>
        new Promise((resolve, reject) => {
          const r = request({ host: '127.0.0.2', port: viewer.port, path, headers: { Host: h } }, (res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
          });
          r.on('error', reject);
          r.end();
        });
      expect((await get(`127.0.0.2:${viewer.port}`, '/api/lab')).status).toBe(403);
      expect((await get(`127.0.0.2:${viewer.port}`, `/api/lab?token=${viewer.token}`)).status).toBe(200);
      // Not on 127.0.0.1: the socket is bound to the address given.
      await expect(raw(viewer.port, `/api/lab?token=${viewer.token}`, { Host: `127.0.0.1:${viewer.port}` })).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      await viewer.close();
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))('nslab graph in a browser, against an attacker\'s page', () => {
  const file = exampleAs('router.yaml', uniqueLab('vb'));
  let viewer: Viewer;
  let evil: Server;
  let browser: Browser | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    viewer = await startViewer({ state: stateReader(resolveTarget(file)) });
    // The attacker's site: evil.test, which the browser resolves to 127.0.0.1 (as a rebinding DNS answer would).
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>evil</title><p>hello</p>');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    browser = await launchBrowser({ args: ['--host-resolver-rules=MAP evil.test 127.0.0.1'] });
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    await new Promise((r) => evil?.close(r));
  });

  it('the printed URL opens the page, which keeps the token in an HttpOnly, SameSite=Strict cookie and out of the address bar', async () => {
    const page = await context.newPage();
    await page.goto(viewer.pageUrl);
    await page.waitForFunction(() => (window as unknown as { nslab?: { ready: boolean; state: { connected: boolean } } }).nslab?.state.connected === true, null, { timeout: 10_000 });
    expect(page.url()).toBe(viewer.url);
    const cookies = await context.cookies(viewer.url);
    expect(cookies).toEqual([expect.objectContaining({ name: `nslab-graph-${viewer.port}`, value: viewer.token, httpOnly: true, sameSite: 'Strict' })]);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // Reloaded without the token, the page still works: the cookie carries it.
    await page.reload();
    await pageReady(page, 10_000);
    await page.close();
  });

  it('a page of another site reads nothing and opens no WebSocket, though the browser holds the cookie', async () => {
    const page = await context.newPage();
    await page.goto(`http://evil.test:${(evil.address() as AddressInfo).port}/`);
    const base = viewer.url;
    const tried = await page.evaluate(async (b) => {
      const out: string[] = [];
      try {
        const r = await fetch(`${b}api/lab`, { credentials: 'include' });
        out.push(`fetch read ${r.status}`);
      } catch {
        out.push('fetch blocked');
      }
      out.push(
        await new Promise<string>((resolve) => {
          const ws = new WebSocket(`${b.replace('http', 'ws')}api/term/h1`);
          ws.onopen = () => resolve('ws open');
          ws.onerror = () => resolve('ws refused');
        }),
      );
      return out;
    }, base);
    expect(tried).toEqual(['fetch blocked', 'ws refused']);
    await page.close();
  });

  it('the same server reached through the attacker\'s name answers 403, even to the right token', async () => {
    const page = await context.newPage();
    const res = await page.goto(`http://evil.test:${viewer.port}/?token=${viewer.token}`);
    expect(res?.status()).toBe(403);
    expect(await page.locator('body').innerText()).toMatch(/answers only to its own address/);
    const api = await page.goto(`http://evil.test:${viewer.port}/api/lab?token=${viewer.token}`);
    expect(api?.status()).toBe(403);
    await page.close();
  });
});

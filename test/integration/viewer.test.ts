import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { LabView } from '../../src/lab/inspect.js';
import { Connection } from '../../src/netlink/connection.js';
import { NETLINK_ROUTE } from '../../src/netlink/constants.js';
import { KernelSocket } from '../../src/netlink/socket.js';
import { delAddr, newAddr } from '../../src/rtnl/addr.js';
import { parseCidr } from '../../src/inet/ip.js';
import { decodeLink, dumpLinks, setLink } from '../../src/rtnl/link.js';
import type { Request } from '../../src/netlink/message.js';
import { libc } from '../../src/os/libc.js';
import { openNamedNetns } from '../../src/sys/netns.js';
import { exportHtml, exportStamp } from '../../src/viewer/export.js';
import { startViewer, type Viewer } from '../../src/viewer/server.js';
import { resolveTarget, stateReader } from '../../src/viewer/target.js';
import { exampleAs, isRoot, netnsList, nslab, uniqueLab } from '../helpers/nslab.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

const lab = uniqueLab('vw');
const ns = (node: string): string => `${lab}-${node}`;

/** Run requests made for one interface inside a lab namespace, through nslab's own rtnetlink. */
function inNode(node: string, iface: string, make: (index: number) => Request): void {
  const netns = openNamedNetns(ns(node));
  const conn = new Connection(new KernelSocket(NETLINK_ROUTE, { netnsFd: netns.fd, timeoutMs: 5000 }), `netns ${ns(node)}`);
  try {
    const link = conn.dump(dumpLinks()).map(decodeLink).find((l) => l.name === iface);
    if (!link) throw new Error(`${node} has no ${iface}`);
    conn.request(make(link.index));
  } finally {
    conn.close();
    libc.close(netns.fd);
  }
}

/** `ip -n NS link set dev IFACE up|down` */
function setLinkUp(node: string, iface: string, up: boolean): void {
  inNode(node, iface, (index) => setLink({ index, up }));
}

async function ipAddrs(node: string, iface: string): Promise<string[]> {
  const r = await execa('ip', ['-j', '-n', ns(node), 'addr', 'show', 'dev', iface]);
  const info = JSON.parse(r.stdout) as Array<{ addr_info: Array<{ local: string; prefixlen: number }> }>;
  return (info[0]?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`);
}

async function ipLinkFlags(node: string, iface: string): Promise<string[]> {
  const r = await execa('ip', ['-j', '-n', ns(node), 'link', 'show', 'dev', iface]);
  return (JSON.parse(r.stdout) as Array<{ flags: string[] }>)[0]?.flags ?? [];
}

/** A view without what moves on its own: counters, and operstate (set by linkwatch a moment after up). */
function settled(v: LabView): unknown {
  return { ...v, nodes: v.nodes.map((n) => ({ ...n, interfaces: n.interfaces.map(({ stats: _s, operstate: _o, ...i }) => i) })) };
}

interface Graph {
  nodes: string[];
  edges: string[];
  kinds: Record<string, string[]>;
}

/** What the page's cytoscape instance holds. */
async function graphOf(page: Page): Promise<Graph> {
  return page.evaluate(() => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const kinds: Record<string, string[]> = {};
    cy.nodes().forEach((n) => {
      kinds[n.id()] = ['host', 'router', 'bridge', 'nat', 'uplink'].filter((k) => n.hasClass(k));
    });
    return { nodes: cy.nodes().map((n) => n.id()).sort(), edges: cy.edges().map((e) => e.id()).sort(), kinds };
  });
}

/** Console errors and uncaught exceptions of a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

describe.skipIf(!isRoot)('nslab graph in a real browser (leaf–spine lab)', () => {
  const file = exampleAs('leaf-spine.yaml', lab);
  const profile = mkdtempSync(join(tmpdir(), 'nslab-chromium-'));
  const viewerErrors: unknown[] = [];
  let viewer: Viewer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let pageErrors: string[] = [];
  let inspected: LabView;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const up = await nslab(['up', file]);
    expect(up.stderr).toBe('');
    expect(up.exitCode).toBe(0);
    const insp = await nslab(['inspect', lab, '--json']);
    expect(insp.exitCode).toBe(0);
    inspected = JSON.parse(insp.stdout) as LabView;

    viewer = await startViewer({ state: stateReader(resolveTarget(lab)), onError: (e) => viewerErrors.push(e) });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1600, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    pageErrors = watchErrors(page);
    await page.goto(viewer.pageUrl);
    await page.waitForFunction(() => (window as unknown as { nslab?: { ready: boolean } }).nslab?.ready === true, null, { timeout: 15_000 });
  });

  afterAll(async () => {
    await context?.close();
    // Close the viewer first: its sockets hold the lab's namespaces.
    await viewer?.close();
    await nslab(['down', lab]);
    rmSync(profile, { recursive: true, force: true });
    const left = (await netnsList()).filter((n) => n.startsWith(`${lab}-`));
    expect(left).toEqual([]);
  });

  it('prints the viewer URL on 127.0.0.1 with its token, which the page then keeps out of the address bar', () => {
    expect(viewer?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(viewer?.pageUrl).toBe(`${viewer?.url}?token=${viewer?.token}`);
    expect(page.url()).toBe(viewer?.url);
  });

  it('has one cytoscape node per lab node and one edge per link, drawn by kind', async () => {
    const g = await graphOf(page);
    expect(g.nodes).toEqual(inspected.nodes.map((n) => n.name).sort());
    expect(g.edges).toEqual(inspected.links.map((l) => l.id).sort());
    expect(g.nodes).toHaveLength(18);
    expect(g.edges).toHaveLength(20);
    for (const n of inspected.nodes) expect(g.kinds[n.name]).toContain(n.kind);
    const shot = join(ARTIFACTS, 'viewer-leaf-spine.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('serves /api/lab in the shape nslab inspect --json prints', async () => {
    const [res, insp] = await Promise.all([fetch(`${viewer?.url}api/lab?token=${viewer?.token}`), nslab(['inspect', lab, '--json'])]);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const served = (await res.json()) as LabView;
    expect(settled(served)).toEqual(settled(JSON.parse(insp.stdout) as LabView));
    expect(served.live).toBe(true);
  });

  it('answers only to loopback host names', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${viewer?.url}api/lab`, { headers: { Host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('shows traffic sent across a link as a non-zero rate on its edge', async () => {
    const h3 = inspected.nodes.find((n) => n.name === 'h3')?.interfaces.find((i) => i.name === 'eth0')?.addresses[0];
    expect(h3).toBeDefined();
    const target = (h3 as string).split('/')[0] as string;
    const edge = 'rack1:h1--h1:eth0';
    const bps = (): Promise<number> =>
      page.evaluate((id) => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(id).data('bps') as number, edge);
    // Idle, the link carries at most a little neighbour discovery.
    const BUSY = 50_000;
    expect(await bps()).toBeLessThan(BUSY);
    // Bounded: 40 pings of 1000 bytes over 2 s, inside the lab.
    const ping = execa('ip', ['netns', 'exec', ns('h1'), 'ping', '-c', '40', '-i', '0.05', '-s', '1000', '-W', '2', target], { reject: false, timeout: 20_000 });
    try {
      // 20 pings a second of 1028-byte packets: about 170 kb/s each way.
      await page.waitForFunction(
        ([id, busy]) => ((window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(id as string).data('bps') as number) > (busy as number),
        [edge, BUSY] as const,
        { timeout: 8000 },
      );
      const label = await page.evaluate((id) => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(id).data('midLabel') as string, edge);
      expect(label).toMatch(/^\d+(\.\d)? [kMG]?b\/s$/);
      await page.screenshot({ path: join(ARTIFACTS, 'viewer-traffic.png') });
    } finally {
      const r = await ping;
      expect(r.exitCode).toBe(0);
    }
  });

  it('turns a link set down through netlink to the down style within 3 s, and back when it comes up', async () => {
    const edge = 'leaf4:eth0--spine1:eth3';
    const style = (id: string) =>
      page.evaluate((e) => {
        const el = (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(e);
        return { down: el.hasClass('down'), line: el.style('line-style') as string, color: el.style('line-color') as string };
      }, id);
    expect(await style(edge)).toMatchObject({ down: false, line: 'solid' });

    setLinkUp('leaf4', 'eth0', false);
    expect(await ipLinkFlags('leaf4', 'eth0')).not.toContain('UP');
    await page.waitForFunction((e) => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(e).hasClass('down'), edge, { timeout: 3000 });
    const down = await style(edge);
    expect(down).toMatchObject({ down: true, line: 'dashed' });
    expect(down.color).toBe('rgb(208,0,0)');
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-link-down.png') });

    setLinkUp('leaf4', 'eth0', true);
    expect(await ipLinkFlags('leaf4', 'eth0')).toContain('UP');
    await page.waitForFunction((e) => !(window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(e).hasClass('down'), edge, { timeout: 3000 });
    expect(await style(edge)).toMatchObject({ down: false, line: 'solid' });
  });

  it('shows an address added inside a node, and drops it when it is removed', async () => {
    const cidr = '192.0.2.77/24';
    const addrsOnPage = (): Promise<string[]> =>
      page.evaluate(() => {
        const v = (window as unknown as { nslab: { state: { view: LabView } } }).nslab.state.view;
        return v.nodes.find((n) => n.name === 'h8')?.interfaces.find((i) => i.name === 'eth0')?.addresses ?? [];
      });
    expect(await addrsOnPage()).not.toContain(cidr);
    inNode('h8', 'eth0', (index) => newAddr({ index, address: parseCidr(cidr) }));
    expect(await ipAddrs('h8', 'eth0')).toContain(cidr);
    await expect.poll(addrsOnPage, { timeout: 3000, interval: 50 }).toContain(cidr);
    await page.keyboard.press('a');
    const label = await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('h8').data('label') as string);
    expect(label.split('\n')).toContain(`eth0 ${cidr}`);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-addresses.png') });
    await page.keyboard.press('a');
    inNode('h8', 'eth0', (index) => delAddr({ index, address: parseCidr(cidr) }));
    expect(await ipAddrs('h8', 'eth0')).not.toContain(cidr);
    await expect.poll(addrsOnPage, { timeout: 3000, interval: 50 }).not.toContain(cidr);
  });

  it('opens a node panel from the keyboard and closes it with Esc', async () => {
    await page.locator('#btn-svg').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.node);
    expect(focused).toBe('spine1'); // top row first, left to right
    expect(await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('spine1').hasClass('kbd-focus'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    const text = await page.locator('#panel').innerText();
    expect(text).toContain('spine1');
    expect(text).toContain('Interfaces');
    expect(text).toContain('Routes');
    for (const i of inspected.nodes.find((n) => n.name === 'spine1')?.interfaces ?? []) {
      if (i.mac) expect(text).toContain(i.mac);
      for (const a of i.addresses) expect(text).toContain(a);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.node)).toBe('spine1');
  });

  it('saves the picture as SVG and PNG', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#btn-svg').click()]);
    expect(download.suggestedFilename()).toBe(`${lab}.svg`);
    const svgPath = join(ARTIFACTS, 'viewer-leaf-spine.svg');
    await download.saveAs(svgPath);
    const svg = await page.evaluate(() => (window as unknown as { nslab: { svg(): string } }).nslab.svg());
    expect(svg).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.match(/<g class="node"/g)).toHaveLength(18);
    expect(svg.match(/<g class="edge"/g)).toHaveLength(20);
    const png = await page.evaluate(() => (window as unknown as { nslab: { png(): string } }).nslab.png());
    expect(png.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('exports one HTML file that opens from file:// with the network blocked and shows the same graph', async () => {
    if (!viewer || !context) throw new Error('no viewer');
    const out = join(ARTIFACTS, 'viewer-export.html');
    writeFileSync(out, exportHtml({ view: viewer.watcher.view(), layout: viewer.watcher.currentLayout(), decor: viewer.watcher.currentDecorations(), exportedAt: exportStamp(new Date()) }));
    const url = pathToFileURL(out).href;
    const offline = await context.newPage();
    const errors = watchErrors(offline);
    const requested: string[] = [];
    offline.on('request', (r) => requested.push(r.url()));
    await offline.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await offline.goto(url);
    await offline.waitForFunction(() => (window as unknown as { nslab?: { ready: boolean } }).nslab?.ready === true, null, { timeout: 10_000 });
    const live = await graphOf(page);
    const exported = await graphOf(offline);
    expect(exported.nodes).toEqual(live.nodes);
    expect(exported.edges).toEqual(live.edges);
    expect(requested.filter((u) => !u.startsWith('data:'))).toEqual([url]);
    await offline.screenshot({ path: join(ARTIFACTS, 'viewer-export.png') });
    await offline.close();
    expect(errors).toEqual([]);
  });

  it('has no console errors on the live page, and the server reported none', () => {
    expect(pageErrors).toEqual([]);
    expect(viewerErrors).toEqual([]);
  });
});

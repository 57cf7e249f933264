import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startViewer, type Viewer } from '../../src/viewer/server.js';
import { resolveTarget, stateReader } from '../../src/viewer/target.js';
import { launchBrowser, pageReady, type Browser } from '../helpers/browser.js';
import { exampleAs, isRoot, netnsList, nslab, uniqueLab } from '../helpers/nslab.js';

/*
 * What the graph page does inside a running lab, in a real browser:
 * packet capture from a node's panel (listed live, downloaded as pcapng and
 * read back by tcpdump) and bad capture requests answered in one line.
 */

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const hasTcpdump = (await execa('tcpdump', ['--version'], { reject: false })).exitCode === 0;

/** Sockets this process holds (packet sockets among them). */
/**
 * Sockets of this process (the server runs here) other than TCP ones: a
 * capture's packet socket left open would count; the browser's idle
 * keep-alive connections to the page, which it keeps or drops as it likes, do not.
 */
function sockets(): number {
  const tcp = new Set<string>();
  for (const f of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    try {
      for (const line of readFileSync(f, 'utf8').split('\n').slice(1)) {
        const inode = line.trim().split(/\s+/)[9];
        if (inode) tcp.add(inode);
      }
    } catch {
      // no IPv6
    }
  }
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      return m !== null && !tcp.has(m[1] as string);
    } catch {
      return false;
    }
  }).length;
}

/** Click a node of the graph where cytoscape draws it. */
async function clickNode(page: Page, id: string): Promise<void> {
  const at = await page.evaluate((n) => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(n).renderedPosition(), id);
  const box = await page.locator('#graph').boundingBox();
  await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
}

describe.skipIf(!isRoot)('the graph page inside a running lab (bridge example)', () => {
  const lab = uniqueLab('vt');
  const file = exampleAs('bridge.yaml', lab);
  const downloads = mkdtempSync(join(tmpdir(), 'nslab-downloads-'));
  let viewer: Viewer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const viewerErrors: unknown[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const up = await nslab(['up', file]);
    expect(up.exitCode).toBe(0);
    viewer = await startViewer({ state: stateReader(resolveTarget(lab)), onError: (e) => viewerErrors.push(e) });
    browser = await launchBrowser({ acceptDownloads: true });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(viewer.pageUrl);
    await pageReady(page);
  });

  afterAll(async () => {
    await browser?.close();
    await viewer?.close();
    await nslab(['down', lab]);
    rmSync(downloads, { recursive: true, force: true });
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it.skipIf(!hasTcpdump)('a capture started from h1\'s panel lists the ICMP of a ping as it happens, and its pcap reads back in tcpdump', async () => {
    await clickNode(page, 'h1');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await page.locator('#panel button[data-capture="h1:eth0"]').click();
    await expect.poll(() => page.locator('#capture-status').innerText(), { timeout: 5000 }).toMatch(/^listening on h1:eth0/);

    const ping = execa('ip', ['netns', 'exec', `${lab}-h1`, 'ping', '-c', '3', '-i', '0.2', '-W', '2', '10.0.0.2'], { reject: false, timeout: 20_000 });
    // The acceptance bound: ICMP lines on the page within 2 s of the ping starting.
    await page.waitForFunction(() => document.querySelectorAll('#capture-rows tr.p-icmp').length >= 2, null, { timeout: 2000 });
    expect((await ping).exitCode).toBe(0);
    await page.waitForFunction(() => document.querySelectorAll('#capture-rows tr.p-icmp').length >= 6, null, { timeout: 5000 });
    const rows = await page.locator('#capture-rows tr.p-icmp').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => td.textContent ?? '')));
    expect(rows[0]?.slice(2, 5)).toEqual(['10.0.0.1', '10.0.0.2', 'ICMP']);
    expect(rows[0]?.[5]).toMatch(/^echo request, id \d+, seq 1, length 64$/);
    expect(rows.some((r) => r[2] === '10.0.0.2' && r[3] === '10.0.0.1' && /^echo reply, id \d+, seq 3, length 64$/.test(r[5] ?? ''))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-capture.png') });

    await page.locator('#capture-stop').click();
    await expect.poll(() => page.locator('#capture-status').innerText()).toMatch(/^stopped; \d+ packets listed/);
    const listed = await page.locator('#capture-rows tr').count();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#capture-pcap').click()]);
    expect(download.suggestedFilename()).toBe(`${lab}-h1-eth0.pcapng`);
    const saved = join(downloads, 'h1.pcapng');
    await download.saveAs(saved);
    const r = await execa('tcpdump', ['-nn', '-r', saved], { env: { LC_ALL: 'C' }, reject: false });
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(listed);
    expect(lines.filter((l) => /IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/.test(l))).toHaveLength(3);
    expect(lines.filter((l) => /IP 10\.0\.0\.2 > 10\.0\.0\.1: ICMP echo reply/.test(l))).toHaveLength(3);
    await page.locator('#capture-close').click();
    await page.keyboard.press('Escape');
  });

  it('answers a wrong interface, a filter that does not parse, and a lab node that is not there with one line, leaving nothing open', async () => {
    const before = sockets();
    const ask = (body: unknown): Promise<{ status: number; error?: string }> =>
      page.evaluate(async (b) => {
        const res = await fetch('api/capture', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) });
        return { status: res.status, ...((await res.json()) as { error?: string }) };
      }, body);
    const noIf = await ask({ target: 'h1:eth9' });
    expect(noIf).toEqual({ status: 400, error: "h1 has no interface 'eth9' (it has: lo, eth0, or any)" });
    const badFilter = await ask({ target: 'h1:eth0', filter: 'icmp and' });
    expect(badFilter.status).toBe(400);
    expect(badFilter.error).toMatch(/^filter 'icmp and': .* at column \d+$/);
    const noNode = await ask({ target: 'h9:eth0' });
    expect(noNode.status).toBe(400);
    expect(noNode.error).toMatch(/^lab \S+ has no node or LAN 'h9' \(nodes: h1, h2, h3, sw1\)$/);
    for (const e of [noIf.error, badFilter.error, noNode.error]) expect(e?.includes('\n')).toBe(false);
    expect(sockets()).toBe(before);

    // The same mistake typed into the drawer shows that line, and no capture runs.
    await clickNode(page, 'h2');
    await page.locator('#panel button[data-capture="h2:eth0"]').click();
    await expect.poll(() => page.locator('#capture-status').innerText(), { timeout: 5000 }).toMatch(/^listening on h2:eth0/);
    await page.locator('#capture-stop').click();
    await page.locator('#capture-filter').fill('port 99999');
    await page.locator('#capture-start').click();
    await expect.poll(() => page.locator('#capture-status').innerText()).toMatch(/^filter 'port 99999': /);
    expect(await page.locator('#capture-status').getAttribute('class')).toBe('error');
    await page.locator('#capture-close').click();
    // The drawer's event stream and the capture's packet socket close after the click returns.
    await expect.poll(sockets, { timeout: 5000 }).toBe(before);
  });

  it('the terminal of node h1 runs a shell in h1: hostname shows h1, its network namespace is the node\'s, and closing it ends the shell', async () => {
    await clickNode(page, 'h1');
    await expect.poll(() => page.locator('#panel').isVisible()).toBe(true);
    await page.locator('#panel button[data-terminal="h1"]').click();
    await expect.poll(() => page.locator('#term-status').innerText(), { timeout: 10_000 }).toBe('nslab exec in h1');
    const screen = (): Promise<string> => page.evaluate(() => (window as unknown as { nslab: { terminalText(): string } }).nslab.terminalText());
    const lines = async (): Promise<string[]> => (await screen()).split('\n').map((l) => l.trim());
    // A prompt first: the shell is reading.
    await expect.poll(screen, { timeout: 10_000 }).toMatch(/\$ $|# $|\$\s*$|#\s*$/m);
    await page.keyboard.type('hostname');
    await page.keyboard.press('Enter');
    await expect.poll(lines, { timeout: 10_000 }).toContain('h1');

    const netns = (await execa('stat', ['-L', '-c', '%i', `/run/netns/${lab}-h1`])).stdout.trim();
    await page.keyboard.type("echo \"ns=$(stat -L -c %i /proc/self/ns/net) tty=$(tty)\"");
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await lines()).find((l) => /^ns=\d+ tty=\/dev\/pts\/\d+$/.test(l)), { timeout: 10_000 }).toBeDefined();
    const m = /^ns=(\d+) tty=\/dev\/(pts\/\d+)$/m.exec((await lines()).join('\n'));
    expect(m?.[1]).toBe(netns);
    // The shell as the machine sees it: a process in h1's network namespace, named after $SHELL.
    const shell = (process.env.SHELL ?? '/bin/bash').split('/').pop() as string;
    const shellsInNode = (): string[] =>
      readdirSync('/proc').filter((pid) => {
        if (!/^\d+$/.test(pid)) return false;
        try {
          return readlinkSync(`/proc/${pid}/ns/net`) === `net:[${netns}]` && readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === shell;
        } catch {
          return false;
        }
      });
    expect(shellsInNode()).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-terminal.png') });

    await page.locator('#term-close').click();
    expect(await page.locator('#term').isHidden()).toBe(true);
    // The hangup ends it.
    await expect.poll(shellsInNode, { timeout: 10_000 }).toEqual([]);
  });

  it('refuses a terminal in a node that does not exist, in one line', async () => {
    const got = await page.evaluate(
      () =>
        new Promise<{ messages: string[]; code: number }>((resolve) => {
          const messages: string[] = [];
          const ws = new WebSocket(`ws://${location.host}/api/term/h9`);
          ws.onmessage = (e) => messages.push(String(e.data));
          ws.onclose = (e) => resolve({ messages, code: e.code });
        }),
    );
    expect(got.code).toBe(1008);
    expect(got.messages).toHaveLength(1);
    expect(JSON.parse(got.messages[0] as string)).toEqual({ error: `lab ${lab} has no node 'h9' (nodes: h1, h2, h3, sw1)` });
  });

  it('refuses a capture asked for from another origin', async () => {
    if (!viewer) throw new Error('no viewer');
    const res = await fetch(`${viewer.url}api/capture?token=${viewer.token}`, { method: 'POST', headers: { Origin: 'http://evil.test' }, body: '{"target":"h1:eth0"}' });
    expect(res.status).toBe(403);
  });

  it('had no page errors, and the server reported none', () => {
    expect(pageErrors).toEqual([]);
    expect(viewerErrors).toEqual([]);
  });
});

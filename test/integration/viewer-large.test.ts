import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startViewer, type Viewer } from '../../src/viewer/server.js';
import { resolveTarget, stateReader } from '../../src/viewer/target.js';
import { CHROMIUM, launchBrowser, pageReady, type Browser } from '../helpers/browser.js';
import { leafSpineTopology, starTopology } from '../helpers/large-labs.js';
import { isRoot, netnsList, nslab, uniqueLab, writeTopology } from '../helpers/nslab.js';

/*
 * Large labs in a real browser: a 1000-host star that is up, and a
 * 1000-node leaf–spine drawn from its plan. After load everything drawn is
 * inside the window and readable (few boxes, or boxes of 8 px and more);
 * a search centres a host that was folded away.
 */

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const VIEWPORT = { width: 1600, height: 900 };

interface Drawn {
  elements: number;
  nodes: number;
  outside: string[];
  /** Narrowest drawn node box, rendered px. */
  narrowest: number;
  width: number;
  height: number;
}

/** What cytoscape draws now, in rendered (screen) pixels of its container. */
function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const w = cy.width();
    const h = cy.height();
    const outside: string[] = [];
    cy.elements(':visible').forEach((e) => {
      const b = e.renderedBoundingBox({ includeLabels: true });
      if (b.x1 < 0 || b.y1 < 0 || b.x2 > w || b.y2 > h) outside.push(e.id());
    });
    const widths = cy.nodes(':visible').map((n) => n.renderedWidth());
    return { elements: cy.elements(':visible').length, nodes: cy.nodes(':visible').length, outside, narrowest: Math.min(...widths), width: w, height: h };
  });
}

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await pageReady(page, 30_000);
  return { page, errors };
}

/** Type into the search box as a user does, and say where the node ends up. */
async function search(page: Page, name: string): Promise<{ dx: number; dy: number; width: number; found: boolean }> {
  await page.locator('#search').fill(name);
  await page.locator('#search').press('Enter');
  // A folded group opens over a few frames; the search marks the node once it is there.
  await page.waitForFunction((n) => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById(n).hasClass('found'), name, { timeout: 10_000 });
  return page.evaluate((n) => {
    const cy = (window as unknown as { cy: import('cytoscape').Core }).cy;
    const node = cy.getElementById(n);
    const p = node.renderedPosition();
    return { dx: p.x - cy.width() / 2, dy: p.y - cy.height() / 2, width: node.renderedWidth(), found: node.hasClass('found') };
  }, name);
}

function expectReadableFirstView(d: Drawn): void {
  expect(d.outside).toEqual([]);
  expect(d.elements <= 300 || d.narrowest >= 8).toBe(true);
}

describe.skipIf(!existsSync(CHROMIUM))('nslab graph of large labs in a browser', () => {
  let browser: Browser | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchBrowser({ viewport: VIEWPORT });
    context = browser.context;
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('a 1000-node leaf–spine, drawn from its plan', () => {
    const file = writeTopology('fabric.yaml', leafSpineTopology(uniqueLab('vf'), 8, 32, 30));
    let viewer: Viewer;
    beforeAll(async () => {
      viewer = await startViewer({ state: stateReader(resolveTarget(file)) });
    });
    afterAll(async () => {
      await viewer?.close();
    });

    it('first shows spines, leaves and one group per rack, all inside the window; a group opens on a click', async () => {
      const { page, errors } = await openPage(context, viewer.pageUrl);
      const d = await drawn(page);
      expectReadableFirstView(d);
      expect(d.nodes).toBe(8 + 32 + 32 + 32);
      const label = await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:rack7').data('label') as string);
      expect(label).toBe('rack7 · 30 hosts');
      await page.screenshot({ path: join(ARTIFACTS, 'viewer-fabric-1000.png') });

      // A click on the group opens it: its 30 hosts are drawn and the view fits them.
      const at = await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:rack7').renderedPosition());
      const box = await page.locator('#graph').boundingBox();
      await page.mouse.click((box?.x ?? 0) + at.x, (box?.y ?? 0) + at.y);
      await page.waitForFunction(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('h181').nonempty(), null, { timeout: 5000 });
      const opened = await drawn(page);
      expect(opened.nodes).toBe(8 + 32 + 32 + 31 + 30);
      expect(opened.narrowest).toBeGreaterThanOrEqual(8);
      await expect.poll(() => page.locator('#btn-fold').isVisible()).toBe(true);
      await page.locator('#btn-fold').click();
      expect((await drawn(page)).nodes).toBe(8 + 32 + 32 + 32);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe.skipIf(!isRoot)('a 1000-host star that is up', () => {
    const lab = uniqueLab('vs');
    const file = writeTopology('star.yaml', starTopology(lab, 1000));
    let viewer: Viewer | undefined;
    const viewerErrors: unknown[] = [];

    beforeAll(async () => {
      const up = await nslab(['up', file], { timeoutMs: 300_000 });
      expect(up.stderr).toBe('');
      expect(up.exitCode).toBe(0);
      viewer = await startViewer({ state: stateReader(resolveTarget(lab)), onError: (e) => viewerErrors.push(e) });
    }, 360_000);
    afterAll(async () => {
      await viewer?.close();
      await nslab(['down', lab], { timeoutMs: 300_000 });
      expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
    }, 360_000);

    it('loads with the bridge and one group of 1000 hosts inside the window; searching h777 opens the group and centres it', async () => {
      if (!viewer) throw new Error('no viewer');
      const { page, errors } = await openPage(context, viewer.pageUrl);
      const d = await drawn(page);
      expectReadableFirstView(d);
      expect(d.nodes).toBe(2);
      const label = await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:sw').data('label') as string);
      expect(label).toBe('sw · 1000 hosts');
      await page.screenshot({ path: join(ARTIFACTS, 'viewer-star-1000.png') });

      const s = await search(page, 'h777');
      expect(s.found).toBe(true);
      expect(Math.abs(s.dx)).toBeLessThan(2);
      expect(Math.abs(s.dy)).toBeLessThan(2);
      expect(s.width).toBeGreaterThanOrEqual(8);
      expect((await drawn(page)).nodes).toBe(1001);
      await page.screenshot({ path: join(ARTIFACTS, 'viewer-star-1000-h777.png') });

      // A host's cable taken down shows on the page: folded again, as "1 of 1000 down" on the group's cable.
      await page.locator('#btn-fold').click();
      await execa('ip', ['-n', `${lab}-h500`, 'link', 'set', 'eth0', 'down']);
      await page.waitForFunction(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:sw--sw').data('midLabel') === '1 of 1000 down', null, { timeout: 5000 });
      expect(await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:sw--sw').hasClass('partial'))).toBe(true);
      await execa('ip', ['-n', `${lab}-h500`, 'link', 'set', 'eth0', 'up']);
      await page.waitForFunction(() => !(window as unknown as { cy: import('cytoscape').Core }).cy.getElementById('group:sw--sw').hasClass('partial'), null, { timeout: 5000 });

      // A name that is no node says so and moves nothing.
      const before = await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.pan());
      await page.locator('#search').fill('nosuchnode');
      await page.locator('#search').press('Enter');
      expect(await page.locator('#search').evaluate((e) => (e as HTMLInputElement).validationMessage)).toBe('no node named nosuchnode');
      expect(await page.evaluate(() => (window as unknown as { cy: import('cytoscape').Core }).cy.pan())).toEqual(before);
      expect(errors).toEqual([]);
      expect(viewerErrors).toEqual([]);
      await page.close();
    });
  });
});

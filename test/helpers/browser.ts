import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, driven by playwright-core, with the flags the project's browser tests use. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Browser {
  readonly context: BrowserContext;
  /** Close the browser and remove its fresh profile. */
  close(): Promise<void>;
}

/** A headless chromium with a fresh profile of its own. */
export async function launchBrowser(opts: { viewport?: { width: number; height: number }; args?: readonly string[]; acceptDownloads?: boolean } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'nslab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
    viewport: opts.viewport ?? { width: 1600, height: 900 },
    acceptDownloads: opts.acceptDownloads ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Wait until the graph page says it has drawn its lab. */
export async function pageReady(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { nslab?: { ready: boolean } }).nslab?.ready === true, null, { timeout });
}

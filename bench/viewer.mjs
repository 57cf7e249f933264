#!/usr/bin/env node
// The graph page on a large lab, against the same page on a small one in the
// same run: an N-host star is brought up, `nslab graph` serves it, and
// chromium (playwright-core) measures how long the page takes to be ready,
// the longest main-thread task after load (PerformanceObserver longtask,
// over a few seconds of rate updates), how long a host's cable going down
// takes to show, and the longest task of a search that opens the host group.
// Run as root after `npm run build`:   node bench/viewer.mjs [N ...]  (default: 10 1000)
// Not a test: nothing here asserts a time.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CLI = fileURLToPath(new URL(`../${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).bin.nslab}`, import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'nslab-bench-viewer-'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function star(lab, n) {
  const nodes = ['    sw: { kind: bridge }'];
  const links = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(`    h${i}: {}`);
    links.push(`    - endpoints: [{ node: h${i}, interface: eth0, ipv4: 10.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/8 }, "sw:p${i}"]`);
  }
  const file = join(dir, `${lab}.yaml`);
  writeFileSync(file, `name: ${lab}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`);
  return file;
}

function graph(lab) {
  const child = spawn('node', [CLI, 'graph', lab, '--no-open'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/\S+\?token=\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`nslab graph exited ${code}: ${out}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(n) {
  const lab = `bview${n}`;
  execFileSync('node', [CLI, 'up', star(lab, n)], { stdio: 'ignore' });
  const profile = mkdtempSync(join(dir, 'profile-'));
  const g = await graph(lab);
  const browser = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ARGS, viewport: { width: 1600, height: 900 } });
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__tasks.push({ at: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const t0 = Date.now();
    await page.goto(g.url);
    await page.waitForFunction(() => window.nslab?.ready === true, null, { timeout: 60_000 });
    const loadMs = Date.now() - t0;
    const readyAt = await page.evaluate(() => performance.now());
    await page.waitForTimeout(4000); // four rate updates
    const afterLoad = await page.evaluate((t) => Math.max(0, ...window.__tasks.filter((x) => x.at >= t).map((x) => x.ms)), readyAt);

    // A host's cable down and up again, five times: from the ip command to the page showing it.
    const host = `h${Math.ceil(n / 2)}`;
    // The page's CSP allows no eval: the predicate is a function, its inputs arguments.
    const shows = ([grouped, h, down]) => {
      const e = grouped ? window.cy.getElementById('group:sw--sw') : window.cy.edges().filter((x) => x.source().id() === h || x.target().id() === h);
      const cls = grouped ? 'partial' : 'down';
      return down ? e.hasClass(cls) : !e.hasClass(cls);
    };
    const live = [];
    for (let k = 0; k < 5; k++) {
      for (const down of [true, false]) {
        const t = Date.now();
        execFileSync('ip', ['-n', `${lab}-${host}`, 'link', 'set', 'eth0', down ? 'down' : 'up']);
        await page.waitForFunction(shows, [n > 150, host, down], { timeout: 10_000, polling: 10 });
        live.push(Date.now() - t);
      }
    }
    const beforeSearch = await page.evaluate(() => performance.now());
    const target = `h${Math.min(n, 777)}`;
    await page.locator('#search').fill(target);
    const ts = Date.now();
    await page.locator('#search').press('Enter');
    await page.waitForFunction((id) => window.cy.getElementById(id).hasClass('found'), target, { timeout: 30_000 });
    const searchMs = Date.now() - ts;
    await page.waitForTimeout(2500);
    const searchTask = await page.evaluate((t) => Math.max(0, ...window.__tasks.filter((x) => x.at >= t).map((x) => x.ms)), beforeSearch);
    return { n, loadMs, afterLoad, liveMs: median(live), liveMax: Math.max(...live), searchMs, searchTask };
  } finally {
    await browser.close();
    g.child.kill('SIGINT');
    await new Promise((r) => g.child.once('exit', r));
    execFileSync('node', [CLI, 'down', lab], { stdio: 'ignore' });
  }
}

const rows = [];
try {
  for (const n of sizes.length ? sizes : [10, 1000]) rows.push(await measure(n));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const base = rows[0];
console.log('hosts  ready ms  longest task after load ms  cable down→page ms (median, max)  search→centred ms  longest task of search ms');
for (const r of rows) {
  const ratio = (k) => (base && base !== r && base[k] > 0 ? ` (×${(r[k] / base[k]).toFixed(1)})` : '');
  console.log(`${String(r.n).padStart(5)}  ${String(r.loadMs).padStart(8)}${ratio('loadMs')}  ${String(Math.round(r.afterLoad)).padStart(6)}  ${r.liveMs}, ${r.liveMax}${ratio('liveMs')}  ${r.searchMs}${ratio('searchMs')}  ${Math.round(r.searchTask)}`);
}

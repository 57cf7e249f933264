import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execa, type ResultPromise } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LabView } from '../../src/lab/inspect.js';
import { CLI, exampleAs, isRoot, netnsList, nslab, uniqueLab } from '../helpers/nslab.js';

type Child = ResultPromise<{ stdin: 'ignore'; reject: false; timeout: number }>;

/** Start `nslab graph ARGS` and wait for the URL it prints. */
/** Every graph process a test started: afterEach ends those a failed assertion left running (by their pid, via execa). */
const started: Child[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await c.catch(() => undefined);
  }
});

async function startGraph(args: readonly string[]): Promise<{ child: Child; url: string; token: string; out: () => string }> {
  const child = execa('node', [CLI, 'graph', ...args, '--no-open'], { stdin: 'ignore', reject: false, timeout: 60_000 }) as Child;
  started.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const deadline = Date.now() + 15_000;
  for (;;) {
    const m = /(http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]{43})\n/.exec(out);
    if (m) return { child, url: m[1] as string, token: m[2] as string, out: () => out };
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`nslab graph printed no URL: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function labJson(g: { url: string; token: string }): Promise<LabView> {
  return (await (await fetch(`${g.url}api/lab?token=${g.token}`)).json()) as LabView;
}

/** Sockets a process holds open. */
function socketCount(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).filter((fd) => {
    try {
      return readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:');
    } catch {
      return false;
    }
  }).length;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe.skipIf(!isRoot)('nslab graph (the command)', () => {
  const lab = uniqueLab('vc');
  const file = exampleAs('router.yaml', lab);
  const planned = exampleAs('default.yaml', uniqueLab('vp'));
  const dir = mkdtempSync(join(tmpdir(), 'nslab-graph-'));

  afterAll(async () => {
    await nslab(['down', lab]);
    rmSync(dir, { recursive: true, force: true });
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('draws a file that is not up from its plan, marked as not deployed, and stops on Ctrl-C with status 0', async () => {
    const g = await startGraph([planned]);
    expect(g.out()).toContain('(not deployed)');
    const v = await labJson(g);
    expect(v.live).toBe(false);
    expect(v.status).toBe('planned');
    expect(v.nodes.map((n) => n.name).sort()).toEqual(['h1', 'h2', 'h3', 'h4', 'r1', 'sw1', 'sw2']);
    expect(v.nodes.every((n) => !n.present)).toBe(true);
    expect((await fetch(`${g.url}api/lab`)).status).toBe(403);
    const page = await (await fetch(`${g.url}?token=${g.token}`)).text();
    expect(page).toContain('<script src="cytoscape.min.js"></script>');
    expect((await fetch(`${g.url}cytoscape.min.js`)).status).toBe(200);
    expect((await fetch(`${g.url}../../package.json`)).status).toBe(404);
    g.child.kill('SIGINT');
    const r = await g.child;
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('nslab graph: stopped');
  });

  it('serves a running lab live on the port asked for, and lets go of its namespaces when the lab goes down', async () => {
    const up = await nslab(['up', file]);
    expect(up.exitCode).toBe(0);
    const port = await freePort();
    const g = await startGraph([lab, '--port', String(port)]);
    expect(g.url).toBe(`http://127.0.0.1:${port}/`);
    const v = await labJson(g);
    expect(v.live).toBe(true);
    expect(v.status).toBe('up');
    expect(v.nodes.every((n) => n.present)).toBe(true);

    // Two netlink sockets per node namespace (multicast + dumps).
    const pid = g.child.pid as number;
    const held = socketCount(pid);
    expect(held).toBeGreaterThanOrEqual(2 * v.nodes.length);
    const down = await nslab(['down', lab]);
    expect(down.exitCode).toBe(0);
    await expect.poll(() => socketCount(pid), { timeout: 5000, interval: 100 }).toBeLessThan(held - 2 * v.nodes.length + 1);
    await expect.poll(async () => (await labJson(g)).live, { timeout: 5000, interval: 100 }).toBe(false);

    g.child.kill('SIGINT');
    const r = await g.child;
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('exports one self-contained HTML file and exits', async () => {
    const up = await nslab(['up', file]);
    expect(up.exitCode).toBe(0);
    const out = join(dir, 'lab.html');
    const r = await nslab(['graph', lab, '--export', out]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    const data = JSON.parse(/window\.NSLAB_DATA = (.*);<\/script>/.exec(html)?.[1] ?? 'null') as { view: LabView };
    expect(data.view.lab).toBe(lab);
    expect(data.view.live).toBe(true);
    expect(data.view.nodes.map((n) => n.name).sort()).toEqual(['h1', 'h2', 'r1']);

    const out2 = join(dir, 'planned.html');
    const r2 = await nslab(['graph', planned, '--export', out2]);
    expect(r2.exitCode).toBe(0);
    expect(r2.stdout).toContain('not deployed');
    expect(existsSync(out2)).toBe(true);
  });

  it("hands the desktop's browser a 0600 file, never the URL: a command line is every user's to read (/proc/PID/cmdline)", async () => {
    const fake = mkdtempSync(join(tmpdir(), 'nslab-xdg-'));
    const record = join(fake, 'argv');
    writeFileSync(join(fake, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${record}\n`, { mode: 0o755 });
    try {
      const child = execa('node', [CLI, 'graph', planned], { stdin: 'ignore', reject: false, timeout: 60_000, env: { DISPLAY: ':nslab-test', PATH: `${fake}:${process.env.PATH}` } }) as Child;
      started.push(child);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
      });
      for (let i = 0; i < 300 && !(existsSync(record) && readFileSync(record, 'utf8').trim()); i++) await new Promise((r) => setTimeout(r, 50));
      const arg = readFileSync(record, 'utf8').trim();
      expect(arg).not.toContain('token=');
      const token = /\?token=([\w-]{43})/.exec(out)?.[1];
      expect(token).toBeDefined();
      expect(statSync(arg).mode & 0o777).toBe(0o600);
      expect(readFileSync(arg, 'utf8')).toContain(`token=${token}`);
      child.kill('SIGINT');
      await child;
      expect(existsSync(arg)).toBe(false);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });

  it('says what is wrong, without a stack, for a lab that is not up or a bad port', async () => {
    const r = await nslab(['graph', 'nosuchlab-vw', '--no-open']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/lab 'nosuchlab-vw' is not up/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const p = await nslab(['graph', planned, '--port', 'http', '--no-open']);
    expect(p.exitCode).toBe(1);
    expect(p.stderr).toMatch(/--port http/);
    const name = await nslab(['graph', planned, '--listen', 'example.com', '--no-open']);
    expect(name.exitCode).toBe(1);
    expect(name.stderr).toBe('nslab: --listen example.com: expected an IP address of this machine (127.0.0.1, 192.0.2.10, ::1, 0.0.0.0 for every address)');
    const absent = await nslab(['graph', planned, '--listen', '192.0.2.123', '--no-open']);
    expect(absent.exitCode).toBe(1);
    expect(absent.stderr).toBe('nslab: --listen 192.0.2.123: no interface of this machine has that address');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    try {
      const port = (busy.address() as { port: number }).port;
      const b = await nslab(['graph', planned, '--port', String(port), '--no-open']);
      expect(b.exitCode).toBe(1);
      expect(b.stderr).toMatch(new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use`));
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });
});

import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../src/lab/event-tracker.js';
import { CLI, exampleAs, isRoot, netnsList, nslab as nslabRaw, uniqueLab } from '../helpers/nslab.js';

/** The CLI's result as text (the shared helper's execa Result type is wider than what it returns). */
async function nslab(args: readonly string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await nslabRaw(args);
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/*
 * `nslab events` as a user runs it: a child process whose stdout is read
 * line by line while the test changes the lab with iproute2 (`ip -n NS …`).
 * Each change must show up within a second. The child is stopped with
 * SIGINT (Ctrl-C) by its pid and must exit cleanly by itself.
 */

const lab = uniqueLab('evt');
const ns = (node: string): string => `${lab}-${node}`;
const RUN = { reject: false, timeout: 60_000, stdin: 'ignore' } as const;
type Child = ResultPromise<typeof RUN>;
const children: Child[] = [];

/** A running `nslab events`, with its lines as they come. */
interface Watcher {
  readonly child: Child;
  readonly lines: { text: string; at: number }[];
  /** Resolves with the first line (from now on) that matches, or rejects after ms. */
  next(match: RegExp, ms: number): Promise<{ text: string; at: number }>;
}

async function watch(args: string[] = []): Promise<Watcher> {
  const child = execa('node', [CLI, 'events', lab, ...args], RUN);
  children.push(child);
  const lines: { text: string; at: number }[] = [];
  let buffered = '';
  const waiters: { match: RegExp; from: number; resolve: (l: { text: string; at: number }) => void }[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const text of parts) {
      const line = { text, at: performance.now() };
      lines.push(line);
      for (const w of [...waiters]) {
        if (lines.length - 1 >= w.from && w.match.test(text)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  // Ready once every namespace's socket is open: it says so on stderr.
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('nslab events did not start')), 10_000);
    child.stderr?.on('data', (d: Buffer) => {
      if (d.toString().includes('watching')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  return {
    child,
    lines,
    next(match, ms) {
      const from = lines.length;
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no line matching ${match} within ${ms} ms; got:\n${lines.slice(from).map((l) => l.text).join('\n')}`)), ms);
        waiters.push({
          match,
          from,
          resolve: (l) => {
            clearTimeout(t);
            resolve(l);
          },
        });
      });
    },
  };
}

async function ip(...args: string[]): Promise<number> {
  await execa('ip', args);
  return performance.now();
}

describe.skipIf(!isRoot)('nslab events', () => {
  beforeAll(async () => {
    const up = await nslab(['up', exampleAs('router.yaml', lab)]);
    expect(up.exitCode, up.stderr).toBe(0);
  });

  afterAll(async () => {
    for (const c of children) if (c.pid !== undefined && c.exitCode === null) c.kill('SIGKILL');
    await Promise.allSettled(children);
    await nslab(['down', lab]);
    expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
  });

  it('prints a line within a second of an interface going down and up, on both ends of the link', async () => {
    const w = await watch();
    const downSeen = w.next(/^\d\d:\d\d:\d\d h1 eth0 down$/, 1000);
    // The far end's carrier loss reaches rtnetlink through the kernel's linkwatch,
    // which holds non-urgent events back up to a second (net/core/link_watch.c).
    const carrierSeen = w.next(/^\d\d:\d\d:\d\d r1 eth0 no-carrier$/, 2500);
    const changedAt = await ip('-n', ns('h1'), 'link', 'set', 'eth0', 'down');
    const line = await downSeen;
    expect(line.at - changedAt).toBeLessThan(1000);
    await carrierSeen;
    // The kernel flushed h1's default route with the link, without a notification; events says so.
    expect(w.lines.map((l) => l.text)).toContainEqual(expect.stringMatching(/ h1 route default via 10\.0\.1\.254 dev eth0 removed$/));

    const upSeen = w.next(/ h1 eth0 up$/, 1000);
    const upAt = await ip('-n', ns('h1'), 'link', 'set', 'eth0', 'up');
    expect((await upSeen).at - upAt).toBeLessThan(1000);

    w.child.kill('SIGINT');
    const r = await w.child;
    expect(r.exitCode).toBe(0);
    expect(r.signal).toBeUndefined();
  });

  it('prints JSON lines for addresses and routes with --json', async () => {
    const w = await watch(['--json']);
    const addrSeen = w.next(/"kind":"address"/, 1000);
    await ip('-n', ns('h2'), 'addr', 'add', '10.0.2.77/32', 'dev', 'eth0');
    const addr = JSON.parse((await addrSeen).text) as LabEvent;
    expect(addr).toMatchObject({ node: 'h2', netns: ns('h2'), kind: 'address', action: 'added', interface: 'eth0', address: '10.0.2.77/32' });
    expect(Number.isNaN(Date.parse(addr.time))).toBe(false);

    const routeSeen = w.next(/"kind":"route"/, 1000);
    await ip('-n', ns('h2'), 'route', 'add', '10.99.0.0/16', 'via', '10.0.2.254');
    expect(JSON.parse((await routeSeen).text)).toMatchObject({ node: 'h2', kind: 'route', action: 'added', dst: '10.99.0.0/16', via: '10.0.2.254', dev: 'eth0' });

    w.child.kill('SIGINT');
    expect((await w.child).exitCode).toBe(0);
  });

  it('stops by itself when the lab is taken down', async () => {
    const w = await watch();
    const down = await nslab(['down', lab]);
    expect(down.exitCode).toBe(0);
    const r = await w.child;
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('is gone; stopping');
  });
});

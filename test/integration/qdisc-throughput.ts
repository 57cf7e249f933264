import { execa, type ResultPromise } from 'execa';

/**
 * Measure TCP throughput between two namespaces the test made: a node
 * receiver in `to` (via `ip netns exec`) and a node sender in `from`. The
 * receiver counts bytes over a window that starts `warmupMs` after the first
 * byte, so slow start and the first bucket of tokens are left out, and
 * prints the result. Everything is bounded: the sender stops on its own, the
 * receiver gives up after 10 s without data, and both are killed (by pid, in
 * a finally) if they outlive the measurement.
 */

export interface Throughput {
  /** Payload bytes received in the window. */
  readonly bytes: number;
  readonly seconds: number;
  readonly bitsPerSecond: number;
}

export interface MeasureOptions {
  readonly from: string;
  readonly to: string;
  /** The receiver's address in `to`. */
  readonly address: string;
  readonly port?: number;
  readonly warmupMs: number;
  readonly windowMs: number;
}

const RECEIVER = String.raw`
const net = require('node:net');
const [host, port, warmupMs, windowMs] = process.argv.slice(1);
let total = 0, started = false, mark = 0, markAt = 0;
const giveUp = setTimeout(() => { console.error('no data within 10 s'); process.exit(2); }, 10000);
const srv = net.createServer((s) => {
  s.on('error', () => {});
  s.on('data', (d) => {
    total += d.length;
    if (started) return;
    started = true;
    clearTimeout(giveUp);
    setTimeout(() => { mark = total; markAt = performance.now(); }, Number(warmupMs));
    setTimeout(() => {
      const seconds = (performance.now() - markAt) / 1000;
      const bytes = total - mark;
      process.stdout.write(JSON.stringify({ bytes, seconds, bitsPerSecond: (bytes * 8) / seconds }) + '\n');
      process.exit(0);
    }, Number(warmupMs) + Number(windowMs));
  });
});
srv.listen(Number(port), host, () => process.stdout.write('ready\n'));
`;

const SENDER = String.raw`
const net = require('node:net');
const [host, port, ms] = process.argv.slice(1);
const chunk = Buffer.alloc(65536, 0x61);
setTimeout(() => process.exit(0), Number(ms) + 1000);
const s = net.connect(Number(port), host, () => {
  const end = Date.now() + Number(ms);
  const pump = () => {
    while (Date.now() < end) {
      if (!s.write(chunk)) { s.once('drain', pump); return; }
    }
    s.destroy();
    process.exit(0);
  };
  pump();
});
s.on('error', () => process.exit(0));
`;

const RUN = { timeout: 20_000, reject: false } as const;
type Proc = ResultPromise<typeof RUN>;

function waitForLine(p: Proc, line: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`receiver did not print '${line}' within ${ms} ms`)), ms);
    p.stdout?.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.split('\n').includes(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void p.then((r) => {
      clearTimeout(timer);
      reject(new Error(`receiver exited (${r.exitCode ?? r.signal}) before '${line}': ${r.stderr}`));
    });
  });
}

export async function measureTcp(o: MeasureOptions): Promise<Throughput> {
  const port = String(o.port ?? 5201);
  const sendMs = String(o.warmupMs + o.windowMs + 1500);
  const rx = execa('ip', ['netns', 'exec', o.to, process.execPath, '-e', RECEIVER, o.address, port, String(o.warmupMs), String(o.windowMs)], RUN);
  const senders: Proc[] = [];
  try {
    await waitForLine(rx, 'ready', 5000);
    senders.push(execa('ip', ['netns', 'exec', o.from, process.execPath, '-e', SENDER, o.address, port, sendMs], RUN));
    const r = await rx;
    if (r.exitCode !== 0) throw new Error(`throughput receiver in ${o.to} failed (${r.exitCode ?? r.signal}): ${r.stderr}`);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    return JSON.parse(last) as Throughput;
  } finally {
    // Only our own children, by pid, if they are still there.
    for (const p of [rx, ...senders]) if (p.pid !== undefined && p.exitCode === null) p.kill('SIGKILL');
    await Promise.allSettled([rx, ...senders]);
  }
}

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';

/*
 * TCP probes for the NAT and uplink tests: a tiny node server that answers
 * each connection with the peer address it saw, and a client that prints
 * that answer (or ERR <code>). Both run in a namespace through
 * `ip netns exec`; every wait is bounded, and only the pids started here are
 * ever killed.
 */

/** Listen on host:port, answer each connection with the peer's address, say "ready" once listening. */
const ECHO_PEER = `
const net = require('node:net');
const [host, port] = process.argv.slice(1);
net.createServer((s) => s.end(s.remoteAddress.replace(/^::ffff:/, '') + '\\n'))
  .listen(Number(port), host, () => process.stdout.write('ready\\n'));
setTimeout(() => process.exit(0), 300000).unref();
`;

/** Connect, print what the server says (or ERR <code>), give up after the timeout. */
const CLIENT = `
const net = require('node:net');
const [host, port, ms] = process.argv.slice(1);
const s = net.connect({ host, port: Number(port) });
let got = '';
s.setTimeout(Number(ms), () => { process.stdout.write('ERR TIMEOUT'); process.exit(0); });
s.on('data', (d) => { got += d; });
s.on('end', () => { process.stdout.write(got.trim()); process.exit(0); });
s.on('error', (e) => { process.stdout.write('ERR ' + e.code); process.exit(0); });
`;

/** What the server at host:port says about us, seen from namespace `from` ("ERR …" when it cannot be reached). */
export function connect(from: string, host: string, port: number, timeoutMs = 3000): string {
  const r = spawnSync('ip', ['netns', 'exec', from, process.execPath, '-e', CLIENT, host, String(port), String(timeoutMs)], {
    encoding: 'utf8',
    timeout: timeoutMs + 5000,
  });
  return r.stdout.trim();
}

/** Start a peer-echo server in a namespace; resolves once it listens. */
export async function startEcho(ns: string, host: string, port: number): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, '-e', ECHO_PEER, host, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`echo server in ${ns} did not start within 5 s`)), 5000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`echo server in ${ns} exited with ${code}: ${stderr}`));
    });
  });
  return child;
}

/** End the servers this test started (by their own pids). */
export function stopAll(children: readonly ChildProcess[]): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
}

export function sh(...args: string[]): string {
  return execFileSync(args[0] as string, args.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
}

/** `nft -j list ruleset` objects (metainfo dropped), in a namespace or (ns undefined) on the machine. */
export function nftObjects(ns?: string): Record<string, Record<string, unknown>>[] {
  const out = ns === undefined ? sh('nft', '-j', 'list', 'ruleset') : sh('ip', 'netns', 'exec', ns, 'nft', '-j', 'list', 'ruleset');
  const parsed = JSON.parse(out) as { nftables: Record<string, Record<string, unknown>>[] };
  return parsed.nftables.filter((o) => !('metainfo' in o));
}

/** The objects of one table, handles removed, so two namespaces' tables can be compared. */
export function tableObjects(objs: Record<string, Record<string, unknown>>[], family: string, name: string): unknown[] {
  const mine = objs.filter((o) => {
    const v = Object.values(o)[0] as { family?: string; table?: string; name?: string } | undefined;
    if (!v || v.family !== family) return false;
    return 'table' in o ? v.name === name : v.table === name;
  });
  return mine.map((o) => JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === 'handle' ? undefined : v))) as unknown);
}

/**
 * What nft itself makes of a ruleset text: loaded with `nft -f` into a
 * scratch namespace, listed with `nft -j`, the namespace removed again.
 */
export function nftReading(text: string, family: string, table: string, scratch: string): unknown[] {
  sh('ip', 'netns', 'add', scratch);
  try {
    execFileSync('ip', ['netns', 'exec', scratch, 'nft', '-f', '-'], { input: text, timeout: 10_000 });
    return tableObjects(nftObjects(scratch), family, table);
  } finally {
    spawnSync('ip', ['netns', 'del', scratch]);
  }
}

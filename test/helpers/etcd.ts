import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Debian etcd the test started: its client URL, and stop() that ends it by pid and removes its data. */
export interface TestEtcd {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const READY = /ready to serve client requests/;

/**
 * Start /usr/bin/etcd listening only on host:port (and host:port+1 for its
 * peer port), with its data in a fresh temp directory. With `wrap`, etcd is
 * started under that command (e.g. nsenter --net=… so it listens inside a
 * test's namespace). Resolves when etcd says it serves clients.
 */
export async function startEtcd(host: string, port: number, wrap: readonly string[] = []): Promise<TestEtcd> {
  const dir = mkdtempSync(join(tmpdir(), 'nslab-etcd-'));
  const url = `http://${host}:${port}`;
  const args = [
    '--name', 'nslab-test', '--data-dir', join(dir, 'data'),
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', `http://${host}:${port + 1}`, '--initial-advertise-peer-urls', `http://${host}:${port + 1}`,
    '--initial-cluster', `nslab-test=http://${host}:${port + 1}`,
    '--listen-metrics-urls', '', '--enable-pprof=false',
  ];
  const cmd = [...wrap, '/usr/bin/etcd', ...args];
  const child: ChildProcess = spawn(cmd[0] as string, cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  let log = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`etcd did not become ready in 20 s:\n${log.slice(-2000)}`)), 20_000);
      child.stderr?.on('data', (d: Buffer) => {
        log += d.toString();
        if (READY.test(log)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`etcd exited (${code}) before it was ready:\n${log.slice(-2000)}`));
      });
    });
  } catch (err) {
    await stop();
    throw err;
  }
  child.stderr?.resume();
  return { url, pid: child.pid as number, stop };
}

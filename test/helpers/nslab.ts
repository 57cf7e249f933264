import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built CLI as a user runs it: package.json's bin (`npm test` builds first). */
export const CLI = fileURLToPath(new URL(`../../${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: { nslab: string } }).bin.nslab}`, import.meta.url));
export const TOPOLOGIES = fileURLToPath(new URL('../../topologies/', import.meta.url));

/** A lab name unique to this test run, so parallel or leftover runs never collide. */
export function uniqueLab(tag: string): string {
  return `t${process.pid % 100000}${tag}`;
}

/** What a CLI run gave: its exit code (undefined if a signal ended it) and its output as text. */
export interface RunResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

export async function nslab(args: readonly string[], opts: { timeoutMs?: number } = {}): Promise<RunResult> {
  const r = await execa('node', [CLI, ...args], { reject: false, timeout: opts.timeoutMs ?? 120_000, stdin: 'ignore' });
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** Write a topology into a fresh temp dir; returns its path. */
export function writeTopology(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nslab-test-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** An example topology with its lab name replaced, so tests don't touch a user's lab. */
export function exampleAs(example: string, lab: string): string {
  const text = readFileSync(join(TOPOLOGIES, example), 'utf8').replace(/^name: .*$/m, `name: ${lab}`);
  return writeTopology(example, text);
}

export async function ipJson<T = unknown>(args: readonly string[]): Promise<T> {
  const r = await execa('ip', ['-j', ...args]);
  return JSON.parse(r.stdout || '[]') as T;
}

export async function netnsList(): Promise<string[]> {
  const r = await execa('ip', ['netns', 'list']);
  return r.stdout
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter(Boolean);
}

/** nsfs mounts under /run/netns, as /proc/self/mountinfo lists them. */
export function netnsMounts(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[4] ?? '')
    .filter((p) => p.startsWith('/run/netns/'));
}

export async function ping(ns: string, address: string): Promise<boolean> {
  const r = await execa('ip', ['netns', 'exec', ns, 'ping', '-c', '1', '-W', '2', address], { reject: false, timeout: 10_000 });
  return r.exitCode === 0;
}

export const isRoot = process.getuid?.() === 0;

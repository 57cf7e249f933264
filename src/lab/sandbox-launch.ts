import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinNamespace } from '../sys/ns-file.js';
import { SandboxError } from './sandbox-files.js';
import { labDir } from './state.js';

/* Starting the processes a sandbox needs: user-namespace holders and the builder. */

/**
 * The builder runs as its own Node program, so it must be built JavaScript:
 * beside this file in dist/, or dist/'s copy when this module is loaded from
 * src/ (the tests import the TypeScript directly).
 */
function builderPath(): string {
  const beside = fileURLToPath(new URL('../sys/sandbox/builder.js', import.meta.url));
  return existsSync(beside) ? beside : beside.replace(/\/src\/sys\/sandbox\/builder\.js$/, '/dist/sys/sandbox/builder.js');
}

/** Can any user read file (o+x on every directory above it, o+r on it)? */
/** True when every directory down to file is o+x and file itself o+r: any user may read it. */
export function readableByAll(file: string): boolean {
  for (let d = dirname(file); d !== dirname(d); d = dirname(d)) if ((statSync(d).mode & 0o001) === 0) return false;
  return (statSync(file).mode & 0o004) !== 0;
}

/**
 * The builder runs as the lab's root, an unprivileged uid on the machine, so
 * Node must read it and what it imports as any user could. From a checkout
 * in a 0700 directory (/root/nslab, mktemp -d) it cannot: then the builder,
 * its imports and koffi are copied into the lab's state directory (about
 * 4 MB, removed with it) and run from there.
 */
export function runnableBuilder(lab: string): string {
  const builder = builderPath();
  if (readableByAll(builder)) return builder;
  const dist = builder.replace(/\/sys\/sandbox\/builder\.js$/, '');
  const root = `${labDir(lab)}/builder`;
  const files = new Set<string>();
  const walk = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) walk(resolve(dirname(file), m[1] as string));
  };
  walk(builder);
  for (const f of files) {
    const to = `${root}/dist${f.slice(dist.length)}`;
    mkdirSync(dirname(to), { recursive: true, mode: 0o755 });
    copyFileSync(f, to);
  }
  copyKoffi(`${root}/node_modules`);
  chmodTree(root);
  return `${root}/dist/sys/sandbox/builder.js`;
}

/** koffi and its prebuilt binary package (@koromix/koffi-<platform>-<arch>), copied into a node_modules directory. */
export function copyKoffi(nodeModules: string): void {
  const modules = resolve(dirname(createRequire(import.meta.url).resolve('koffi')), '..');
  const koromix = `${modules}/@koromix`;
  const copy = (from: string, to: string): void => cpSync(from, to, { recursive: true });
  copy(`${modules}/koffi`, `${nodeModules}/koffi`);
  if (existsSync(koromix)) {
    for (const d of readdirSync(koromix)) if (d.startsWith(`koffi-${process.platform}-${process.arch}`)) copy(`${koromix}/${d}`, `${nodeModules}/@koromix/${d}`);
  }
}

/** o+rX on everything below root (cpSync keeps the checkout's modes). */
export function chmodTree(root: string): void {
  const st = statSync(root);
  chmodSync(root, st.isDirectory() ? 0o755 : (st.mode & 0o111) !== 0 ? 0o755 : 0o644);
  if (st.isDirectory()) for (const e of readdirSync(root)) chmodTree(`${root}/${e}`);
}

/** A user namespace with the maps `write` gives its holder, pinned at path (`unshare --user cat`, maps, bind mount). */
export async function pinnedUserns(path: string, write: (pid: number) => void): Promise<void> {
  const holder = spawn('unshare', ['--user', '--', 'cat'], { stdio: ['pipe', 'ignore', 'pipe'] });
  try {
    await started(holder, 'util-linux unshare');
    const pid = holder.pid as number;
    await untilOwnUserns(pid);
    write(pid);
    pinNamespace(`/proc/${pid}/ns/user`, path);
  } finally {
    holder.stdin?.end();
  }
}

export function started(child: ChildProcess, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new SandboxError(`cannot start ${what}: ${err.message}`)));
  });
}

/** Wait (bounded) until pid's user namespace is no longer ours: unshare has made it. */
async function untilOwnUserns(pid: number): Promise<void> {
  // stat, not lstat: the namespace's inode, not that of the /proc link to it.
  const own = statSync('/proc/self/ns/user', { bigint: true }).ino;
  for (let i = 0; i < 2000; i++) {
    if (statSync(`/proc/${pid}/ns/user`, { bigint: true }).ino !== own) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new SandboxError(`unshare --user (pid ${pid}) made no user namespace within 2 s`);
}


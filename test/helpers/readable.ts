import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ROOT } from './transpile.js';

/**
 * Tests that drop privileges run their child as uid 65534, which must be
 * able to read what it runs. A checkout in a 0700 directory (/root, a
 * `mktemp -d`) is not readable so; then the tests copy what the child needs
 * into a world-readable temporary directory, as the sandbox's builder does
 * (src/lab/sandbox-launch.ts).
 */

/** True when every directory down to path is o+x and path itself o+r. */
export function readableByAll(path: string): boolean {
  const parts = resolve(path).split('/');
  for (let i = 1; i < parts.length; i++) {
    const p = parts.slice(0, i + 1).join('/') || '/';
    const st = statSync(p);
    if (i < parts.length - 1 && !(st.mode & 0o001)) return false;
  }
  return (statSync(path).mode & 0o004) !== 0;
}

/** o+rX on everything below root (cpSync keeps the checkout's modes). */
function openUp(root: string): void {
  const st = statSync(root);
  chmodSync(root, st.isDirectory() || (st.mode & 0o111) !== 0 ? 0o755 : 0o644);
  if (st.isDirectory()) for (const e of readdirSync(root)) openUp(join(root, e));
}

/** Give `into` a node_modules the unprivileged child can read: the checkout's own if readable, else a copy of koffi. */
export function readableNodeModules(into: string): void {
  const modules = join(ROOT, 'node_modules');
  if (readableByAll(join(modules, 'koffi', 'package.json'))) {
    symlinkSync(modules, join(into, 'node_modules'));
    return;
  }
  cpSync(join(modules, 'koffi'), join(into, 'node_modules', 'koffi'), { recursive: true });
  const koromix = join(modules, '@koromix');
  if (existsSync(koromix)) {
    for (const d of readdirSync(koromix)) {
      if (d.startsWith(`koffi-${process.platform}-${process.arch}`)) cpSync(join(koromix, d), join(into, 'node_modules', '@koromix', d), { recursive: true });
    }
  }
  openUp(join(into, 'node_modules'));
}

/**
 * The built CLI at a path uid 65534 can run: `cli` itself when readable,
 * else a copy (dist/bundle, package.json, koffi) under a new directory the
 * caller removes. Returns the CLI and the directory to remove (or undefined).
 */
export function readableCli(cli: string): { cli: string; cleanup?: string } {
  if (readableByAll(cli)) return { cli };
  const root = mkdtempSync(join(tmpdir(), 'nslab-cli-'));
  const bundle = dirname(cli);
  mkdirSync(join(root, 'dist'), { recursive: true });
  cpSync(bundle, join(root, 'dist', 'bundle'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  readableNodeModules(root);
  openUp(root);
  return { cli: join(root, 'dist', 'bundle', cli.slice(bundle.length + 1)), cleanup: root };
}

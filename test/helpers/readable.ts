import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chmodTree, copyKoffi, readableByAll } from '../../src/lab/sandbox-launch.js';
import { ROOT } from './transpile.js';

/**
 * Tests that drop privileges run their child as uid 65534, which must be
 * able to read what it runs. A checkout in a 0700 directory (/root, a
 * `mktemp -d`) is not readable so; then the tests copy what the child needs
 * into a world-readable temporary directory, as the sandbox's builder does
 * (src/lab/sandbox-launch.ts, whose helpers these are).
 */

/** Give `into` a node_modules the unprivileged child can read: the checkout's own if readable, else a copy of koffi. */
export function readableNodeModules(into: string): void {
  const modules = join(ROOT, 'node_modules');
  if (readableByAll(join(modules, 'koffi', 'package.json'))) {
    symlinkSync(modules, join(into, 'node_modules'));
    return;
  }
  copyKoffi(join(into, 'node_modules'));
  chmodTree(join(into, 'node_modules'));
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
  chmodTree(root);
  return { cli: join(root, 'dist', 'bundle', cli.slice(bundle.length + 1)), cleanup: root };
}

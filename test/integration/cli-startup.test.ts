import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, TOPOLOGIES } from '../helpers/nslab.js';

/*
 * What a command loads before it does its job, seen by Node itself: a
 * preloaded script records, at exit, the built-in modules Node loaded
 * (process.moduleLoadList) and the files require() read (require.cache).
 */
const dir = mkdtempSync(join(tmpdir(), 'nslab-startup-'));
const PROBE = join(dir, 'probe.cjs');
writeFileSync(
  PROBE,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.NSLAB_PROBE_OUT, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Loaded {
  readonly exitCode: number | undefined;
  readonly builtins: string[];
  readonly files: string[];
}

async function loaded(args: string[]): Promise<Loaded> {
  const out = join(dir, 'out.json');
  rmSync(out, { force: true });
  // Output to /dev/null: a pipe would make Node itself load node:net for stdout.
  const r = await execa('node', ['--require', PROBE, CLI, ...args], { reject: false, stdio: 'ignore', env: { NSLAB_PROBE_OUT: out } });
  const seen = JSON.parse(readFileSync(out, 'utf8')) as { builtins: string[]; files: string[] };
  return { exitCode: r.exitCode, ...seen };
}

const koffi = (l: Loaded) => l.files.filter((f) => f.includes('/node_modules/koffi/') || f.endsWith('.node'));
const chunk = (l: Loaded, name: string) => l.files.some((f) => new RegExp(`/dist/bundle/${name}-[\\w-]+\\.cjs$`).test(f));

describe('what a command loads before its job', () => {
  it('--version: no command module, no commander, no child_process', async () => {
    const l = await loaded(['--version']);
    expect(l.exitCode).toBe(0);
    expect(l.files.filter((f) => /\/dist\/bundle\/.*-/.test(f))).toEqual([]);
    expect(l.builtins).not.toContain('NativeModule child_process');
  });

  it('validate and up --dry-run: no koffi, child_process, crypto or net (nothing of them is needed to read a topology)', async () => {
    const file = join(TOPOLOGIES, 'default.yaml');
    for (const args of [['validate', file], ['up', '--dry-run', file]]) {
      const l = await loaded(args);
      expect({ args, exitCode: l.exitCode }).toEqual({ args, exitCode: 0 });
      expect({ args, koffi: koffi(l) }).toEqual({ args, koffi: [] });
      expect(chunk(l, 'program')).toBe(true);
      const heavy = l.builtins.filter((b) => /^NativeModule (child_process|crypto|net)$/.test(b));
      expect({ args, heavy }).toEqual({ args, heavy: [] });
    }
  });

  it('a plain exec: neither commander nor child_process (a lab that is not up is reported before the FFI loads)', async () => {
    const l = await loaded(['exec', 'nslab-startup-no-such-lab', 'h1', '--', 'true']);
    expect(l.exitCode).toBe(1);
    expect(chunk(l, 'exec')).toBe(true);
    expect(chunk(l, 'program')).toBe(false);
    expect(l.builtins).not.toContain('NativeModule child_process');
    expect(koffi(l)).toEqual([]);
  });

  it('exec --help still goes through commander', async () => {
    const r = await execa('node', [CLI, 'exec', '--help'], { reject: false, stdin: 'ignore' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: nslab exec [LAB] NODE [-- CMD ARGS…]');
  });
});

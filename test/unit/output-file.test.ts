import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputFile } from '../../src/cli/output-file.js';

/**
 * Files nslab writes for the user as root (capture -w, graph --export), in
 * places a lab node may write too: a planted symlink is refused, not
 * followed; a FIFO is refused without hanging; a file is replaced whole.
 */
const dir = mkdtempSync(join(tmpdir(), 'nslab-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('creates a new file, and replaces an existing one whole', () => {
    const path = join(dir, 'new.html');
    writeOutputFile(path, 'first, and longer\n');
    expect(readFileSync(path, 'utf8')).toBe('first, and longer\n');
    expect(statSync(path).mode & 0o777).toBe(0o644 & ~process.umask());
    writeOutputFile(path, 'second\n');
    expect(readFileSync(path, 'utf8')).toBe('second\n');
  });

  it('refuses a symlink in its place and leaves what it points to alone', () => {
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious\n');
    const planted = join(dir, 'planted.pcapng');
    symlinkSync(victim, planted);
    expect(() => writeOutputFile(planted, 'overwrite')).toThrow(/is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    expect(lstatSync(planted).isSymbolicLink()).toBe(true);
  });

  it('refuses a FIFO without waiting for a reader', () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // O_NONBLOCK|O_WRONLY on a FIFO without a reader fails with ENXIO at once (a blocking open would hang the test);
    // with a reader it would pass open and be refused by fstat.
    expect(() => writeOutputFile(fifo, 'x')).toThrow(/cannot write|not a regular file/);
  });
});

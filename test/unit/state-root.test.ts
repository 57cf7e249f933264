import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkStateRoot } from '../../src/lab/state.js';

/**
 * A state root someone else could change would let them choose what `ip
 * netns exec` binds over /etc in a node (up links /etc/netns entries into
 * it): refused, with the directory and the reason.
 */
const isRoot = process.geteuid?.() === 0;
const base = mkdtempSync(join(tmpdir(), 'nslab-root-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe.skipIf(!isRoot)('checkStateRoot', () => {
  it('accepts root-owned directories, a sticky world-writable one among them (/tmp), and one not made yet', () => {
    expect(() => checkStateRoot('/run/nslab')).not.toThrow();
    expect(() => checkStateRoot(join(base, 'not', 'made', 'yet'))).not.toThrow();
  });

  it("refuses a directory another user owns, even far above", () => {
    const theirs = join(base, 'theirs');
    mkdirSync(join(theirs, 'state'), { recursive: true });
    chownSync(theirs, 65534, 65534);
    expect(() => checkStateRoot(join(theirs, 'state'))).toThrow(`${theirs} belongs to uid 65534`);
    expect(() => checkStateRoot(join(theirs, 'state', 'lab-dir-to-be'))).toThrow(/belongs to uid 65534/);
  });

  it('refuses a group- or world-writable directory that is not sticky', () => {
    const open = join(base, 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(() => checkStateRoot(open)).toThrow(`${open} is writable by everyone`);
    chmodSync(open, 0o775);
    expect(() => checkStateRoot(open)).toThrow(`${open} is writable by its group`);
    chmodSync(open, 0o1777);
    expect(() => checkStateRoot(open)).not.toThrow();
  });

  it('checks where a symlink leads, not the link', () => {
    const theirs = join(base, 'theirs2');
    mkdirSync(theirs);
    chownSync(theirs, 65534, 65534);
    const link = join(base, 'link');
    symlinkSync(theirs, link);
    expect(() => checkStateRoot(link)).toThrow(`${theirs} belongs to uid 65534`);
  });
});

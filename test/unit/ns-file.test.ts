import { describe, expect, it, vi } from 'vitest';

/**
 * removeNamespaceFiles with the kernel replaced by a recorder: every mount
 * is detached before any file is unlinked (an unlink right after its file's
 * lazy unmount searched every mount of the namespace, which made a
 * 10 000-node down spend 18 s in unlinks), files already gone are not
 * counted, and a real unmount error is reported.
 */
const calls: string[] = [];
const mounted = new Set<string>();
const files = new Set<string>();
let failWith: number | undefined;

vi.mock('../../src/os/libc.js', async (original) => {
  const { SyscallError } = await import('../../src/os/syscall-error.js');
  const umount = (path: string): number => {
    calls.push(`umount ${path}`);
    if (failWith !== undefined) return failWith;
    if (!files.has(path)) return 2; // ENOENT
    if (!mounted.delete(path)) return 22; // EINVAL: not mounted
    return 0;
  };
  return {
    ...(await original<typeof import('../../src/os/libc.js')>()),
    MNT_DETACH: 2,
    libc: {
      umount2(path: string): void {
        const errno = umount(path);
        if (errno !== 0) throw new SyscallError('umount2', errno, path);
      },
      umount2Async: async (path: string): Promise<number> => umount(path),
    },
  };
});
vi.mock('node:fs', async (original) => ({
  ...(await original<typeof import('node:fs')>()),
  unlinkSync(path: string): void {
    calls.push(`unlink ${path}`);
    if (!files.delete(path)) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  },
}));

const { removeNamespaceFiles } = await import('../../src/sys/ns-file.js');

describe('removeNamespaceFiles', () => {
  it('detaches every mount before it unlinks any file, and counts the files that were there', async () => {
    calls.length = 0;
    for (const p of ['/n/a', '/n/b', '/n/c']) {
      files.add(p);
      mounted.add(p);
    }
    files.add('/n/unmounted'); // a file whose mount was already gone
    const paths = ['/n/a', '/n/b', '/n/gone', '/n/unmounted', '/n/c'];
    expect(await removeNamespaceFiles(paths)).toBe(4);
    const firstUnlink = calls.findIndex((c) => c.startsWith('unlink'));
    const lastUmount = calls.map((c) => c.startsWith('umount')).lastIndexOf(true);
    expect(lastUmount).toBeLessThan(firstUnlink);
    expect(calls.filter((c) => c.startsWith('umount'))).toHaveLength(paths.length);
    expect(calls.filter((c) => c.startsWith('unlink'))).toEqual(paths.map((p) => `unlink ${p}`));
    expect(files.size).toBe(0);
    expect(mounted.size).toBe(0);
  });

  it('reports an unmount the kernel refuses for another reason, and unlinks nothing', async () => {
    calls.length = 0;
    files.add('/n/busy');
    mounted.add('/n/busy');
    failWith = 1; // EPERM
    try {
      await expect(removeNamespaceFiles(['/n/busy'])).rejects.toThrow(/EPERM/);
    } finally {
      failWith = undefined;
    }
    expect(calls).toEqual(['umount /n/busy']);
    expect(files.has('/n/busy')).toBe(true);
  });
});

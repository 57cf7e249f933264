import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isRoot } from '../helpers/nslab.js';

const FD_ROOM = fileURLToPath(new URL('../../dist/os/fd-room.js', import.meta.url));
const CAP_SYS_RESOURCE = 24n;
const hasSysResource = (BigInt(`0x${/^CapEff:\s*([0-9a-f]+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '0'}`) >> CAP_SYS_RESOURCE) & 1n;

/** "soft hard" open-file limits of a child after ensureFdRoom(n), as /proc/self/limits shows them; `start` sets them first (util-linux prlimit). */
function limitsAfter(n: number, start?: string): string {
  const script = `const { ensureFdRoom } = await import(${JSON.stringify(FD_ROOM)}); ensureFdRoom(${n}); process.stdout.write((await import('node:fs')).readFileSync('/proc/self/limits', 'utf8'));`;
  const argv = [process.execPath, '--input-type=module', '-e', script];
  const r = start ? spawnSync('prlimit', [`--nofile=${start}`, ...argv], { encoding: 'utf8' }) : spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return /^Max open files\s+(\d+)\s+(\d+)/m.exec(r.stdout)?.slice(1, 3).join(' ') ?? '';
}

describe.skipIf(!isRoot)('room for the fds of a big lab', () => {
  it('leaves a limit that is already large enough alone (/proc/self/limits)', () => {
    const mine = /^Max open files\s+(\d+)\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.slice(1, 3).join(' ');
    expect(limitsAfter(10)).toBe(mine);
  });

  it('raises the hard limit, as root with CAP_SYS_RESOURCE, to what up needs', (ctx) => {
    if (!hasSysResource) ctx.skip("root here lacks CAP_SYS_RESOURCE (CapEff bit 24), so no process may raise a hard limit; up then has the hard limit's fds");
    expect(limitsAfter(50_000, '1024:20000')).toBe('50000 50000');
  });
});

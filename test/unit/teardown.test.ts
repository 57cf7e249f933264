import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * The order down undoes a journal in, with the kernel side replaced by
 * recorders: newest entry first (a NAT table before the namespace it lives
 * in, an uplink route before its link), and in a run of namespaces the
 * bridges' first (each takes its ports' veths along in one batch).
 */
const calls: string[] = [];
vi.mock('../../src/sys/netns.js', () => ({
  deleteNamedNetnsMany: async (names: readonly string[]) => {
    calls.push(`netns ${names.join(' ')}`);
    return names.length;
  },
}));
const fakeStep = (name: string, ops: string[], filesOnly = false, beforeNamespaces = false) => ({
  name,
  ops,
  ...(filesOnly ? { filesOnly } : {}),
  ...(beforeNamespaces ? { beforeNamespaces } : {}),
  load: async () => ({
    name,
    ops,
    apply: () => undefined,
    undo: (e: { op: string; id?: string }) => {
      calls.push(`${e.op} ${e.id ?? ''}`.trim());
      return true;
    },
  }),
});
vi.mock('../../src/lab/steps.js', () => ({
  STEPS: [fakeStep('sandbox', ['sandbox'], false, true), fakeStep('confine', ['cgroup']), fakeStep('files', ['etc-hosts'], true), fakeStep('uplink', ['uplink-link', 'uplink-route']), fakeStep('nat', ['nat-table'])],
}));

const stateDir = mkdtempSync(join(tmpdir(), 'nslab-td-'));
process.env.NSLAB_STATE_DIR = stateDir;
const { Journal, labDir, writeRecord } = await import('../../src/lab/state.js');
const { teardown } = await import('../../src/lab/teardown.js');
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

describe('teardown order', () => {
  it('undoes newest first, bridges first among namespaces, files alongside the namespaces, and the sandbox just before them', async () => {
    const lab = 'td';
    mkdirSync(labDir(lab), { recursive: true });
    writeRecord({ lab, source: 'x.yaml', status: 'up', pid: 1, startedAt: '', plan: { bridges: [{ netns: 'td-sw' }] } as never });
    const j = new Journal(lab);
    j.intend([{ op: 'sandbox', id: 's' }]);
    j.intend([{ op: 'netns', name: 'td-h1' }, { op: 'netns', name: 'td-sw' }, { op: 'netns', name: 'td-h2' }]);
    j.intend([{ op: 'cgroup', id: 'c' }]);
    j.intend([{ op: 'etc-hosts', id: 'f' }]);
    j.intend([{ op: 'uplink-link', id: 'l' }, { op: 'uplink-route', id: 'r' }]);
    j.intend([{ op: 'nat-table', id: 'n' }]);
    j.close();
    const result = await teardown(lab);
    expect(calls).toEqual(['nat-table n', 'uplink-route r', 'uplink-link l', 'cgroup c', 'sandbox s', 'netns td-sw td-h2 td-h1', 'etc-hosts f']);
    expect(result).toEqual({ namespaces: 3, removed: 9, absent: 0 });
  });
});

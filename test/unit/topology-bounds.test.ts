import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTopology, loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { nestingTooDeep } from '../../src/topology/yaml-bounds.js';

const dir = mkdtempSync(join(tmpdir(), 'nslab-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The one message a bad file gives (every diagnostic, joined), or '' when it loads. */
function problem(load: () => unknown): string {
  try {
    load();
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('what nslab will read as a topology file', () => {
  it('refuses a device, a FIFO and a directory before reading a byte, in one line', () => {
    const fifo = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(problem(() => loadTopologyFile('/dev/zero'))).toBe('/dev/zero is a character device, not a topology file (a regular YAML file)');
    expect(problem(() => loadTopologyFile(fifo))).toBe(`${fifo} is a FIFO (named pipe), not a topology file (a regular YAML file)`);
    expect(problem(() => loadTopologyFile(dir))).toBe(`${dir} is a directory, not a topology file (a regular YAML file)`);
  });

  it('refuses a file over the size cap (64 MiB unless raised) by its size alone', () => {
    const big = join(dir, 'big.yaml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024); // sparse: nothing is written
    closeSync(fd);
    expect(problem(() => loadTopologyFile(big))).toBe(`${big} is 100 MiB, more than the 64 MiB nslab reads (--max-size raises it)`);
    writeFileSync(join(dir, 'small.yaml'), 'name: s\ntopology:\n  nodes: { a: {} }\n');
    expect(problem(() => loadTopologyFile(join(dir, 'small.yaml'), { maxBytes: 10 }))).toMatch(/is \d+ bytes, more than the 10 bytes nslab reads/);
  });
});

describe('YAML bounds', () => {
  it('stops a 2000-deep file, flow or block, with its place, before the parser recurses', () => {
    const flow = `name: d\ntopology: ${'['.repeat(2000)}${']'.repeat(2000)}\n`;
    expect(problem(() => loadTopology('d.yaml', flow))).toBe('d.yaml:2:74: the file nests deeper than 64 levels here');
    const block = `name: d\ntopology:\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i + 1)}a${i}:`).join('\n')}\n`;
    expect(problem(() => loadTopology('d.yaml', block))).toMatch(/^d\.yaml:66:\d+: the file nests deeper than 64 levels here$/);
  });

  it('does not count brackets in quotes, comments or block scalars as nesting', () => {
    const text = `name: q\n# ${'['.repeat(100)}\nx: "${'['.repeat(100)}"\ny: '${'{'.repeat(100)}'\nz: |\n  ${'['.repeat(100)}\n`;
    expect(nestingTooDeep(text)).toBeUndefined();
  });

  it('refuses a billion laughs quickly, naming where the expansion blows up', () => {
    const rows = ['name: lol', 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, c] of [...'bcdefghi'].entries()) rows.push(`x-${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`);
    rows.push('topology:', '  nodes: { h1: { exec: *i } }');
    expect(problem(() => loadTopology('lol.yaml', rows.join('\n')))).toMatch(/^lol\.yaml:\d+:\d+: invalid YAML: this value expands to more than 5,000,000 values through its aliases/);
  });

  it('accepts anchors, aliases and <<: merges; a key written next to a merge wins', () => {
    const text = `name: m
x-host: &host { kind: host, pids: 64, memory: 32MiB }
topology:
  nodes:
    h1: { <<: *host, memory: 64MiB }
    h2: *host
    r1: { kind: router }
  links:
    - endpoints: ["h1:eth0", "r1:eth1"]
    - endpoints: ["h2:eth0", "r1:eth2"]
`;
    const plan = compilePlan(loadTopology('m.yaml', text));
    const limits = Object.fromEntries(plan.namespaces.map((n) => [n.node, n.confine.limits]));
    expect(limits.h1).toEqual({ pids: 64, memory: 64 * 2 ** 20 });
    expect(limits.h2).toEqual({ pids: 64, memory: 32 * 2 ** 20 });
    expect(plan.namespaces.find((n) => n.node === 'h2')?.kind).toBe('host');
  });

  it('says what a merge of something other than a map is', () => {
    expect(problem(() => loadTopology('m.yaml', 'name: m\nx-l: &l [1, 2]\ntopology:\n  nodes: { h1: { <<: *l } }\n'))).toContain("'<<' merges a map, or a list of maps, into this one; found a value");
  });

  it('finds a duplicate key among 100 000 with both places, in one pass', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `    h${i}: {}`);
    keys.push('    h5: {}');
    const text = `name: dup\ntopology:\n  nodes:\n${keys.join('\n')}\n`;
    expect(problem(() => loadTopology('dup.yaml', text))).toBe("dup.yaml:100004:5: invalid YAML: duplicate key 'h5' (first at line 9)");
  });
});

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

  it('cannot be got round: an apostrophe or a bracket in a plain scalar, a comment ending in "- |", complex keys', () => {
    // Each once passed a hand-made pre-scan and overflowed the parser's stack (found in review).
    const deep = (text: string) => nestingTooDeep(text)?.message;
    expect(deep(`a: [it's, ${'['.repeat(1000)}${']'.repeat(1000)}]`)).toBe('the file nests deeper than 64 levels here');
    expect(deep(`a: x[\nb:\n${'- '.repeat(1000)}c`)).toBe('the file nests deeper than 64 levels here');
    expect(deep(`a: # - |\n  ${'- '.repeat(1000)}c`)).toBe('the file nests deeper than 64 levels here');
    expect(deep(`${'? '.repeat(1000)}c`)).toBe('the file nests deeper than 64 levels here');
  });

  it('reads a tagged block scalar full of brackets as text, not nesting', () => {
    expect(nestingTooDeep(`x-t: !!str |\n  ${'['.repeat(100)}\nname: x\n`)).toBeUndefined();
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

  it('resolves 10 000 aliases of one anchor (each alias once, not a search of the document each)', () => {
    const text = `name: a\nx-v: &v { pids: 7 }\ntopology:\n  nodes:\n${Array.from({ length: 10_000 }, (_, i) => `    h${i}: *v`).join('\n')}\n`;
    const plan = compilePlan(loadTopology('a.yaml', text));
    expect(plan.namespaces).toHaveLength(10_000);
    expect(plan.namespaces.every((n) => n.confine.limits.pids === 7)).toBe(true);
  });

  it('finds a key repeated through an alias, refuses list and map keys, and merges only on a plain <<', () => {
    const env = (body: string) => `name: d\ntopology:\n  nodes:\n    h1:\n      env:\n${body}`;
    expect(problem(() => loadTopology('d.yaml', env('        &v FOO: a\n        *v : b\n')))).toBe("d.yaml:7:9: invalid YAML: duplicate key 'FOO' (first at line 6)");
    expect(problem(() => loadTopology('d.yaml', env('        ? [BAR]\n        : 1\n')))).toBe('d.yaml:6:11: invalid YAML: a key here is a list or a map; topology keys are names');
    // Quoted, "<<" is an ordinary key: its value (a map) is no environment string.
    expect(problem(() => loadTopology('q.yaml', 'name: q\nx-e: &e { A: "1" }\ntopology:\n  nodes:\n    h1: { env: { "<<": *e } }\n'))).toContain('topology.nodes.h1.env.<<: expected a string, found a map');
  });

  it('reads a file whose size the stat does not tell (a /proc file says 0) to its end', () => {
    const said = problem(() => loadTopologyFile('/proc/self/status'));
    expect(said).toContain("/proc/self/status:1:7: Name: unknown field 'Name'");
    expect(said).toMatch(/\/proc\/self\/status:\d+:\d+: VmPeak: unknown field 'VmPeak'|Cpus_allowed: unknown field/);
  });

  it('finds a duplicate key among 100 000 with both places, in one pass', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `    h${i}: {}`);
    keys.push('    h5: {}');
    const text = `name: dup\ntopology:\n  nodes:\n${keys.join('\n')}\n`;
    expect(problem(() => loadTopology('dup.yaml', text))).toBe("dup.yaml:100004:5: invalid YAML: duplicate key 'h5' (first at line 9)");
  });
});

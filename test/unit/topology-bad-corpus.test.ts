import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TopologyError } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';

const dir = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/**
 * One broken topology per kind of mistake. Each file starts with the errors
 * it must produce, exactly: `# error: LINE:COL FIELD: MESSAGE` (positions
 * count the comment lines too). `<dir>/` stands for the corpus directory.
 */
describe('the corpus of broken topologies', () => {
  it('has at least 40 kinds of mistake', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const f of files) {
    it(`${f}: reports exactly its errors, with line, column and field`, () => {
      const text = readFileSync(`${dir}${f}`, 'utf8');
      const expected = text.split('\n').filter((l) => l.startsWith('# error: ')).map((l) => l.slice('# error: '.length));
      expect(expected.length).toBeGreaterThan(0);
      let got: string[] = [];
      try {
        loadTopology(`${dir}${f}`, text);
      } catch (err) {
        if (!(err instanceof TopologyError)) throw err;
        got = err.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => `${d.pos.line}:${d.pos.col} ${d.field ? `${d.field}: ` : ''}${d.message.replaceAll(dir, '<dir>/')}`);
        for (const d of err.diagnostics) expect(d.pos.file).toBe(`${dir}${f}`);
      }
      expect(got).toEqual(expected);
    });
  }
});

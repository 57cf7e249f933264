import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TopologyError } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';

const dir = fileURLToPath(new URL('../../topologies/', import.meta.url));
const seeds = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => ({ f, text: readFileSync(`${dir}${f}`, 'utf8') }));

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JUNK = ['', '-', ':', '{', '}', '[', ']', ',', '"', "'", '0', '-1', '99999999999', '1.5', 'null', 'true', '~', '&a', '*a', '!!str', 'h1', 'eth0', 'r1:eth0', '10.0.0.1/24', 'fd00::1/129', 'default via 10.0.0.1', 'ALL', 'lots', '0-x', 'routing: static', 'lan: [h1, h2]', '  ', '\t'];

function mutate(text: string, r: () => number): string {
  const lines = text.split('\n');
  const pick = (n: number): number => Math.floor(r() * n);
  const i = pick(lines.length);
  switch (pick(6)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[pick(lines.length)] ?? '');
      break;
    case 2: {
      const j = pick(lines.length);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      break;
    }
    case 3: {
      const words = (lines[i] ?? '').split(/(\s+|[:,{}[\]])/);
      words[pick(words.length)] = JUNK[pick(JUNK.length)] ?? '';
      lines[i] = words.join('');
      break;
    }
    case 4:
      lines[i] = `${' '.repeat(pick(6))}${(lines[i] ?? '').trimStart()}`;
      break;
    default: {
      const line = lines[i] ?? '';
      const at = pick(line.length + 1);
      lines[i] = line.slice(0, at) + (JUNK[pick(JUNK.length)] ?? '') + line.slice(at);
    }
  }
  return lines.join('\n');
}

describe('fuzzing the loader with mutated example topologies', () => {
  it('turns every mutation into a plan or a clean validation error, never a crash (3000 cases)', () => {
    const r = rng(20261128);
    let plans = 0;
    let errors = 0;
    for (let n = 0; n < 3000; n++) {
      const seed = seeds[n % seeds.length] as { f: string; text: string };
      let text = seed.text;
      const rounds = 1 + Math.floor(r() * 3);
      for (let k = 0; k < rounds; k++) text = mutate(text, r);
      try {
        compilePlan(loadTopology(seed.f, text));
        plans++;
      } catch (err) {
        if (!(err instanceof TopologyError)) {
          throw new Error(`case ${n} (from ${seed.f}) crashed: ${(err as Error).stack}\n--- input ---\n${text}`);
        }
        // A clean error: every diagnostic has a position and a message.
        for (const d of err.diagnostics) {
          expect(d.pos.line).toBeGreaterThan(0);
          expect(d.message.length).toBeGreaterThan(0);
        }
        errors++;
      }
    }
    // Both outcomes occur, so the mutations neither always break nor never break the files.
    expect(plans).toBeGreaterThan(100);
    expect(errors).toBeGreaterThan(100);
  });
});

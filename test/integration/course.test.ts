import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../src/lab/check.js';
import { TOPOLOGIES, isRoot, netnsList, nslab, uniqueLab } from '../helpers/nslab.js';

/*
 * Every lab of topologies/course/ comes up, passes its own expect: lines
 * with `nslab check`, and goes down leaving no namespace. The course is
 * copied to a temp dir with each lab renamed (binds: paths are relative to
 * the file, so its directories come along), so a student's own course-*
 * labs on this machine are never touched.
 */

const COURSE = join(TOPOLOGIES, 'course');
const LABS = readdirSync(COURSE).filter((f) => /^\d\d-.*\.yaml$/.test(f)).sort();
const dir = mkdtempSync(join(tmpdir(), 'nslab-course-'));
cpSync(COURSE, dir, { recursive: true });

const made: string[] = [];

function renamed(file: string): { lab: string; path: string } {
  const lab = uniqueLab(`c${file.slice(0, 2)}`);
  const path = join(dir, file);
  writeFileSync(path, readFileSync(join(COURSE, file), 'utf8').replace(/^name: .*$/m, `name: ${lab}`));
  return { lab, path };
}

describe.skipIf(!isRoot)('the course labs', () => {
  afterAll(async () => {
    for (const lab of made) await nslab(['down', lab]);
  });

  it('has a lab per chapter, each opening with what it teaches, what to try and what to observe', () => {
    expect(LABS.length).toBeGreaterThanOrEqual(10);
    for (const f of LABS) {
      const text = readFileSync(join(COURSE, f), 'utf8');
      expect(text, f).toMatch(/^# Teaches: /m);
      expect(text, f).toMatch(/^# Try: /m);
      expect(text, f).toMatch(/^# Observe: /m);
      expect(text, f).toMatch(/^expect:\n {2}- /m);
    }
    const index = readFileSync(join(TOPOLOGIES, '..', 'docs', 'course.md'), 'utf8');
    for (const f of LABS) expect(index, `docs/course.md lists ${f}`).toContain(`topologies/course/${f}`);
  });

  for (const file of LABS) {
    it(`${file}: up, every expectation holds, down leaves nothing`, async () => {
      const { lab, path } = renamed(file);
      made.push(lab);
      const up = await nslab(['up', path]);
      expect(up.exitCode, up.stderr).toBe(0);
      try {
        const r = await nslab(['check', lab, '--json'], { timeoutMs: 120_000 });
        const report = JSON.parse(r.stdout) as CheckReport;
        const failed = report.expectations.filter((e) => !e.ok).map((e) => `${e.origin}: expected ${e.goal}; ${e.detail}`);
        expect(failed, r.stderr).toEqual([]);
        expect(report.expectations.length).toBeGreaterThan(0);
        expect(r.exitCode).toBe(0);
      } finally {
        const down = await nslab(['down', lab]);
        expect(down.exitCode, down.stderr).toBe(0);
      }
      expect((await netnsList()).filter((n) => n.startsWith(`${lab}-`))).toEqual([]);
    }, 180_000);
  }
});

import type { GradeReport, StudentGrade } from './grade.js';

/** `nslab grade`'s report as text, CSV (one row per student and expectation) and JUnit XML (one test case per student). */

const MARK = { pass: 'PASS ', fail: 'FAIL ', error: 'ERROR' } as const;

export function formatGrade(r: GradeReport): string {
  const out: string[] = [`grading against ${r.teacher}`];
  for (const g of r.students) {
    const score = g.status === 'error' ? '' : ` (${g.passed}/${g.total})`;
    out.push(`${MARK[g.status]} ${g.file}${score}`);
    if (g.error) for (const line of g.error.split('\n')) out.push(`    ${line}`);
    for (const e of g.expectations.filter((x) => !x.ok)) out.push(`    ✗ ${e.origin}: expected ${e.goal}; ${e.detail}`);
  }
  const s = r.summary;
  out.push(`${s.pass} of ${s.students} passed, ${s.fail} failed, ${s.error} could not be graded`);
  return `${out.join('\n')}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(v: string | number | boolean): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function formatGradeCsv(r: GradeReport): string {
  const rows: (string | number | boolean)[][] = [['student', 'status', 'passed', 'total', 'expectation', 'ok', 'goal', 'detail']];
  for (const g of r.students) {
    if (g.expectations.length === 0) rows.push([g.file, g.status, g.passed, g.total, '', '', '', g.error ?? '']);
    for (const e of g.expectations) rows.push([g.file, g.status, g.passed, g.total, e.origin, e.ok, e.goal, e.detail]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** XML 1.0 text: the five entities, and characters XML cannot carry at all dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function testCase(g: StudentGrade): string {
  const head = `    <testcase classname="nslab.grade" name="${xmlText(g.file)}" time="${g.seconds.toFixed(3)}"`;
  if (g.status === 'pass') return `${head}/>`;
  if (g.status === 'error') {
    const first = (g.error ?? '').split('\n')[0] ?? '';
    return `${head}>\n      <error message="${xmlText(first)}" type="error">${xmlText(g.error ?? '')}</error>\n    </testcase>`;
  }
  const bad = g.expectations.filter((e) => !e.ok);
  const text = bad.map((e) => `${e.origin}: expected ${e.goal}; ${e.detail}`).join('\n');
  return `${head}>\n      <failure message="${xmlText(`${bad.length} of ${g.total} expectations failed`)}" type="failure">${xmlText(text)}</failure>\n    </testcase>`;
}

/** The JUnit XML that CI systems read (Jenkins, GitLab, GitHub actions' reporters): one test case per student. */
export function formatGradeJunit(r: GradeReport): string {
  const s = r.summary;
  const time = r.students.reduce((t, g) => t + g.seconds, 0).toFixed(3);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="nslab grade" tests="${s.students}" failures="${s.fail}" errors="${s.error}" time="${time}">`,
    `  <testsuite name="${xmlText(r.teacher)}" tests="${s.students}" failures="${s.fail}" errors="${s.error}" skipped="0" time="${time}">`,
    ...r.students.map(testCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

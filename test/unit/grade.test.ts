import { describe, expect, it } from 'vitest';
import { csvField, formatGrade, formatGradeCsv, formatGradeJunit, xmlText } from '../../src/lab/grade-format.js';
import { gradeRefusals, renamedText, type GradeReport } from '../../src/lab/grade.js';
import { TopologyError } from '../../src/topology/diagnostics.js';
import { loadTopology } from '../../src/topology/load.js';
import { checkTeacherFile, teacherExpectations } from '../../src/topology/teacher.js';

const STUDENT = `name: lab1   # my lab
topology:
  nodes: { h1: {}, h2: {} }
  links: [{ endpoints: [h1, h2] }]
`;

describe('a teacher’s file', () => {
  it('is checked once for its YAML and the shape of every item, with file:line', () => {
    expect(checkTeacherFile('t.yaml', 'expect:\n  - { from: h1, reach: h2 }\n')).toBe(1);
    expect(() => checkTeacherFile('t.yaml', 'expect:\n  - { route: { node: h1 } }\n')).toThrow(/t\.yaml:2:\d+: expect\[0\]\.route: .*dst/);
    expect(() => checkTeacherFile('t.yaml', 'expect: [\n')).toThrow(TopologyError);
    expect(() => checkTeacherFile('t.yaml', 'name: x\n')).toThrow(/'expect:' list/);
  });

  it('fails, for one student, the lines that name what that lab lacks, keeping the others', () => {
    const topo = loadTopology('s.yaml', STUDENT);
    const items = teacherExpectations('t.yaml', 'expect:\n  - { from: h1, reach: h2 }\n  - { route: { node: r1, dst: default } }\n', topo);
    expect(items[0]).toMatchObject({ from: 'h1', target: 'h2', pos: { file: 't.yaml', line: 2 } });
    expect(items[1]).toMatchObject({ severity: 'error', pos: { file: 't.yaml', line: 3 }, field: 'expect[1].route.node', message: "unknown node 'r1' — did you mean 'h1'?" });
  });
});

describe('renamedText()', () => {
  it('replaces the name on its own line, so every other line and column stays', () => {
    const t = renamedText(STUDENT, 'g1s2');
    expect(t?.split('\n')[0]).toBe('name: g1s2');
    expect(t?.split('\n').slice(1)).toEqual(STUDENT.split('\n').slice(1));
    expect(loadTopology('s.yaml', t as string).name).toBe('g1s2');
    expect(renamedText('{ name: a, topology: {} }', 'x')).toBeUndefined();
  });
});

const REPORT: GradeReport = {
  teacher: 't.yaml',
  students: [
    { file: 'a.yaml', lab: 'g1', status: 'pass', expectations: [{ origin: 't.yaml:2:5 expect[0]', ok: true, goal: 'h1 to reach h2', detail: 'reply from 10.0.0.2' }], passed: 1, total: 1, seconds: 0.5 },
    { file: 'b,"x".yaml', lab: 'g2', status: 'fail', expectations: [{ origin: 't.yaml:2:5 expect[0]', ok: false, goal: 'h1 to reach h2', detail: 'a <b> & "c"\u0001' }], passed: 0, total: 1, seconds: 1 },
    { file: 'c.yaml', lab: 'g3', status: 'error', error: 'c.yaml:3:3: invalid YAML: x', expectations: [], passed: 0, total: 0, seconds: 0 },
  ],
  summary: { students: 3, pass: 1, fail: 1, error: 1 },
};

describe('grade reports', () => {
  it('quote CSV fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    const rows = formatGradeCsv(REPORT).split('\r\n');
    expect(rows[2]).toBe('"b,""x"".yaml",fail,0,1,t.yaml:2:5 expect[0],false,h1 to reach h2,"a <b> & ""c""\u0001"');
    expect(rows[3]).toBe('c.yaml,error,0,0,,,,c.yaml:3:3: invalid YAML: x');
  });

  it('escape XML and drop characters XML cannot carry', () => {
    expect(xmlText('a <b> & "c" \'d\'\u0001')).toBe('a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;');
    const xml = formatGradeJunit(REPORT);
    expect(xml).toContain('<testsuites name="nslab grade" tests="3" failures="1" errors="1" time="1.500">');
    expect(xml).toContain('<testcase classname="nslab.grade" name="a.yaml" time="0.500"/>');
    expect(xml).toContain('<failure message="1 of 1 expectations failed" type="failure">t.yaml:2:5 expect[0]: expected h1 to reach h2; a &lt;b&gt; &amp; &quot;c&quot;</failure>');
    expect(xml).toContain('<error message="c.yaml:3:3: invalid YAML: x" type="error">');
  });

  it('print each failure under its student, and the counts', () => {
    const text = formatGrade(REPORT);
    expect(text).toContain('FAIL  b,"x".yaml (0/1)\n    ✗ t.yaml:2:5 expect[0]: expected h1 to reach h2;');
    expect(text).toContain('ERROR c.yaml\n    c.yaml:3:3: invalid YAML: x');
    expect(text).toContain('1 of 3 passed, 1 failed, 1 could not be graded');
  });
});

describe("what a student's file may not ask of the grading machine", () => {
  const at = '/srv/grading/bob/lab.yaml';
  const refusals = (yaml: string): string[] => gradeRefusals(loadTopology(at, yaml), at);

  it('allows a plain sandboxed lab', () => {
    expect(refusals(STUDENT)).toEqual([]);
  });

  it('refuses isolation: network, binds and an uplink, each at its file:line', () => {
    const yaml = [
      'name: lab1',
      'topology:',
      '  nodes:',
      '    h1: { isolation: network }',
      '    h2: { binds: ["/tmp:/srv/x"] }',
      '  links: [{ endpoints: [h1, h2] }]',
      '',
    ].join('\n');
    const r = refusals(yaml);
    expect(r.some((l) => /lab\.yaml:4:\d+ .*isolation: network would run/.test(l))).toBe(true);
    expect(r.some((l) => /lab\.yaml:5:\d+ .*binds show the grading machine's files/.test(l))).toBe(true);
  });
});

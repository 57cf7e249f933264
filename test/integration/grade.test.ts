import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/lab/grade.js';
import { isRoot, netnsList, nslab } from '../helpers/nslab.js';

/*
 * `nslab grade` on a folder of three students: one correct, one missing a
 * route, one with invalid YAML. All three wrote the same lab name; grade
 * runs each under a name of its own and leaves nothing behind. The JUnit
 * file is read by Python's XML parser, not ours.
 */

const dir = mkdtempSync(join(tmpdir(), 'nslab-grade-'));
const TEACHER = `# hidden expectations
expect:
  - { from: h1, reach: h2 }
  - { route: { node: h1, dst: default, via: 10.0.1.254 } }
  - { sysctl: { node: r1, key: net.ipv4.ip_forward, value: 1 } }
`;
const GOOD = `name: lab1
topology:
  nodes:
    h1: { routes: ["default via 10.0.1.254"] }
    h2: { routes: ["default via 10.0.2.254"] }
    r1: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.1.1/24 }, { node: r1, interface: eth0, ipv4: 10.0.1.254/24 }]
    - endpoints: [{ node: h2, interface: eth0, ipv4: 10.0.2.1/24 }, { node: r1, interface: eth1, ipv4: 10.0.2.254/24 }]
expect:
  - { from: h1, not-reach: h2 }   # the student's own lines are not what is graded
`;
const NO_ROUTE = GOOD.replace('h1: { routes: ["default via 10.0.1.254"] }', 'h1: {}');
const BROKEN = 'name: lab1\ntopology:\n  nodes: [h1\n  links: []\n';
const teacher = join(dir, 'teacher.yaml');
writeFileSync(teacher, TEACHER);
const students = join(dir, 'students');
mkdirSync(students);
writeFileSync(join(students, 'alice.yaml'), GOOD);
writeFileSync(join(students, 'bob.yaml'), NO_ROUTE);
writeFileSync(join(students, 'carol.yaml'), BROKEN);
const junit = join(dir, 'grades.xml');

describe.skipIf(!isRoot)('nslab grade', () => {
  let report: GradeReport | undefined;

  afterAll(async () => {
    // Whatever happened, every lab grade named is down.
    for (const s of report?.students ?? []) await nslab(['down', s.lab]);
  });

  it('reports pass, fail (naming the expectation and its line) and error (naming file and line), writes JUnit, exits 1', async () => {
    const r = await nslab(['grade', '--expect', teacher, students, '--json', '--junit', junit], { timeoutMs: 180_000 });
    report = JSON.parse(r.stdout) as GradeReport;
    expect(r.exitCode, r.stderr).toBe(1);
    expect(report.students.map((s) => [s.file.split('/').pop(), s.status])).toEqual([
      ['alice.yaml', 'pass'],
      ['bob.yaml', 'fail'],
      ['carol.yaml', 'error'],
    ]);
    const [alice, bob, carol] = report.students;
    expect(alice).toMatchObject({ passed: 3, total: 3 });
    // Bob's h1 has no default route: the route line (teacher's line 4) fails, and so does reaching h2 (line 3).
    expect(bob?.expectations.filter((e) => !e.ok).map((e) => e.origin)).toEqual([`${teacher}:3:5 expect[0]`, `${teacher}:4:5 expect[1]`]);
    expect(bob?.expectations[1]?.detail).toBe('it has no route to default (its routes: 10.0.1.0/24 dev eth0)');
    expect(carol?.error).toMatch(new RegExp(`^${join(students, 'carol.yaml').replaceAll('/', '\\/')}:4:\\d+: invalid YAML`));
    // Three students, three lab names, though all three wrote name: lab1.
    expect(new Set(report.students.map((s) => s.lab)).size).toBe(3);
    expect(report.students.every((s) => s.lab !== 'lab1')).toBe(true);
  });

  it('writes JUnit XML that Python reads, with one test case per student', async () => {
    const py = `import xml.etree.ElementTree as E, json
t = E.parse(${JSON.stringify(junit)})
cases = t.getroot().findall('.//testcase')
print(json.dumps([[c.get('name').split('/')[-1], [x.tag for x in c]] for c in cases]))`;
    const out = await execa('python3', ['-c', py]);
    expect(JSON.parse(out.stdout)).toEqual([
      ['alice.yaml', []],
      ['bob.yaml', ['failure']],
      ['carol.yaml', ['error']],
    ]);
    expect(readFileSync(junit, 'utf8')).toContain(`${teacher}:4:5 expect[1]: expected h1 to have a route to default via 10.0.1.254`);
  });

  it('leaves no namespace of any student behind', async () => {
    const left = (await netnsList()).filter((n) => report?.students.some((s) => n.startsWith(`${s.lab}-`)));
    expect(left).toEqual([]);
    const list = await nslab(['list', '--json']);
    for (const s of report?.students ?? []) expect(list.stdout).not.toContain(`"${s.lab}"`);
  });

  it('exits 0 when every student passes, and CSV names each expectation', async () => {
    const r = await nslab(['grade', '--expect', teacher, join(students, 'alice.yaml'), '--csv'], { timeoutMs: 120_000 });
    expect(r.exitCode, r.stderr).toBe(0);
    const rows = r.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('student,status,passed,total,expectation,ok,goal,detail');
    expect(rows.slice(1).map((l) => l.split(',').slice(1, 6).join(','))).toEqual([
      `pass,3,3,${teacher}:3:5 expect[0],true`,
      `pass,3,3,${teacher}:4:5 expect[1],true`,
      `pass,3,3,${teacher}:5:5 expect[2],true`,
    ]);
  });
});

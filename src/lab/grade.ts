import { formatDiagnostic, TopologyError, type Diagnostic } from '../topology/diagnostics.js';
import { loadTopology, TopologyFileError } from '../topology/load.js';
import { compilePlan, type Plan } from '../topology/plan.js';
import { readTopologyText } from '../topology/read.js';
import { teacherExpectations } from '../topology/teacher.js';
import type { ExpectDef, Topology } from '../topology/types.js';
import { checkLab, checkVerdict, DEFAULT_CHECK, type CheckOptions, type ExpectationResult } from './check.js';
import { down } from './down.js';
import { up } from './up.js';

/**
 * `nslab grade`: each student's topology brought up in turn under a lab
 * name of its own (so two students who both wrote `name: lab1` never
 * meet), checked against the teacher's expectations instead of their own,
 * and always brought down again. One student at a time: a lab's check is
 * timing-sensitive and the class machine is shared.
 */

export type GradeStatus = 'pass' | 'fail' | 'error';

export interface GradedExpectation {
  /** Where the teacher wrote it: "teacher.yaml:12:5 expect[3]". */
  readonly origin: string;
  readonly ok: boolean;
  /** "h1 to have a route to default via 10.0.1.254". */
  readonly goal: string;
  readonly detail: string;
}

export interface StudentGrade {
  readonly file: string;
  /** The lab name it ran under. */
  readonly lab: string;
  readonly status: GradeStatus;
  /** Why it could not be graded (invalid file, failed up), with file:line where there is one. */
  readonly error?: string;
  readonly expectations: readonly GradedExpectation[];
  readonly passed: number;
  readonly total: number;
  readonly seconds: number;
}

export interface GradeReport {
  readonly teacher: string;
  readonly students: readonly StudentGrade[];
  readonly summary: { readonly students: number; readonly pass: number; readonly fail: number; readonly error: number };
}

export interface GradeOptions {
  readonly check?: CheckOptions;
  /** Lab names are PREFIX1, PREFIX2…; the default is unique to this process. */
  readonly labPrefix?: string;
  /** Told after each student (progress on a terminal). */
  readonly onStudent?: (g: StudentGrade, index: number, total: number) => void;
}

/** The student's text with its lab name replaced, on the same line, so every file:line stays the student's. */
export function renamedText(text: string, lab: string): string | undefined {
  const re = /^name:[ \t]*[^\s#]+[ \t]*(#.*)?$/m;
  return re.test(text) ? text.replace(re, `name: ${lab}`) : undefined;
}

function messageOf(err: unknown): string {
  if (err instanceof TopologyError) return err.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n');
  return err instanceof Error ? err.message : String(err);
}

function loadRenamed(file: string, text: string, lab: string): Topology {
  // Errors are the student's own, found in what they wrote.
  const original = loadTopology(file, text);
  const renamed = renamedText(text, lab);
  // A name written in a flow map ({name: …}) keeps its place; derived names (the uplink's) then keep the student's.
  return renamed !== undefined ? loadTopology(file, renamed) : { ...original, name: lab };
}

function isExpectation(x: ExpectDef | Diagnostic): x is ExpectDef {
  return !('severity' in x);
}

async function gradeOne(file: string, lab: string, teacher: { file: string; text: string }, opts: GradeOptions): Promise<StudentGrade> {
  const started = performance.now();
  const base = { file, lab };
  const seconds = (): number => Math.round(performance.now() - started) / 1000;
  const failed = (error: string): StudentGrade => ({ ...base, status: 'error', error, expectations: [], passed: 0, total: 0, seconds: seconds() });
  let topo: Topology;
  try {
    topo = loadRenamed(file, readTopologyText(file), lab);
  } catch (err) {
    if (err instanceof TopologyError || err instanceof TopologyFileError) return failed(messageOf(err));
    throw err;
  }
  const items = teacherExpectations(teacher.file, teacher.text, topo);
  const plan: Plan = compilePlan({ ...topo, expect: items.filter(isExpectation) });
  let facts: Record<string, unknown>;
  try {
    facts = await up(plan);
  } catch (err) {
    await down(lab).catch(() => undefined);
    return failed(`${file}: nslab up failed: ${messageOf(err)}`);
  }
  try {
    const report = await checkLab(plan, opts.check ?? DEFAULT_CHECK, facts);
    const checked = new Map<string, ExpectationResult>(report.expectations.map((e) => [e.origin, e]));
    const expectations: GradedExpectation[] = items.map((x) => {
      if (!isExpectation(x)) {
        return { origin: `${x.pos.file}:${x.pos.line}:${x.pos.col} ${x.field}`, ok: false, goal: 'an expectation this lab can be checked against', detail: x.message };
      }
      const r = checked.get(`${x.pos.file}:${x.pos.line}:${x.pos.col} ${x.field}`);
      return r ? { origin: r.origin, ok: r.ok, goal: r.goal, detail: r.detail } : { origin: x.field, ok: false, goal: 'checked', detail: 'was not checked' };
    });
    const passed = expectations.filter((e) => e.ok).length;
    // A teacher's file without expectations grades the matrix: every pair must reach.
    const ok = expectations.length > 0 ? passed === expectations.length : checkVerdict(report).ok;
    return { ...base, status: ok ? 'pass' : 'fail', expectations, passed, total: expectations.length, seconds: seconds() };
  } finally {
    await down(lab);
  }
}

/** Grade every student file in order; each lab is down again before the next comes up. */
export async function grade(teacher: { file: string; text: string }, students: readonly string[], opts: GradeOptions = {}): Promise<GradeReport> {
  const prefix = opts.labPrefix ?? `g${process.pid % 100000}s`;
  const out: StudentGrade[] = [];
  for (const [i, file] of students.entries()) {
    let g: StudentGrade;
    const lab = `${prefix}${i + 1}`;
    try {
      g = await gradeOne(file, lab, teacher, opts);
    } catch (err) {
      g = { file, lab, status: 'error', error: `${file}: ${messageOf(err)}`, expectations: [], passed: 0, total: 0, seconds: 0 };
    }
    out.push(g);
    opts.onStudent?.(g, i, students.length);
  }
  const count = (s: GradeStatus): number => out.filter((g) => g.status === s).length;
  return { teacher: teacher.file, students: out, summary: { students: out.length, pass: count('pass'), fail: count('fail'), error: count('error') } };
}

import { formatDiagnostic, TopologyError, type Diagnostic } from '../topology/diagnostics.js';
import { loadTopology, TopologyFileError } from '../topology/load.js';
import { compilePlan, type Plan } from '../topology/plan.js';
import { readTopologyText } from '../topology/read.js';
import { teacherExpectations } from '../topology/teacher.js';
import type { BindDef, ExpectDef, Topology } from '../topology/types.js';
import { checkLab, checkVerdict, DEFAULT_CHECK, type CheckOptions, type ExpectationResult } from './check.js';
import { down } from './down.js';
import { LabBusyError, LabStateError, up } from './up.js';
import { randomBytes } from 'node:crypto';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

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

/**
 * What a student's file may not ask of the grading machine, which runs it as
 * root: every node sandboxed (`isolation: network` runs its commands as the
 * machine's root), no binds of the machine's files, no uplink to the
 * machine's network, and no file read from outside the student's directory
 * (an FRR startup-config or a seccomp profile).
 */
export function gradeRefusals(topo: Topology, file: string): string[] {
  const out: string[] = [];
  const at = (o: { pos: { file: string; line: number; col: number }; field: string }): string => `${o.pos.file}:${o.pos.line}:${o.pos.col} ${o.field}`;
  const inside = (path: string): boolean => {
    const rel = relative(dirname(resolve(file)), path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  for (const n of topo.nodes.values()) {
    if (n.confine.isolation === 'network') out.push(`${at(n)}: isolation: network would run this lab's commands as the grading machine's root; grade runs every node sandboxed`);
    if (n.confine.binds.length > 0) out.push(`${at(n.confine.binds[0] as BindDef)}: binds show the grading machine's files in a node; grade allows none`);
    if (n.confine.seccomp.mode === 'profile' && !inside(n.confine.seccomp.file)) out.push(`${at(n)}: the seccomp profile ${n.confine.seccomp.file} is outside the student's directory`);
    if (n.frr?.config !== undefined && !inside(n.frr.config)) out.push(`${at(n.frr)}: the startup-config ${n.frr.config} is outside the student's directory`);
  }
  if (topo.uplink) out.push(`${at(topo.uplink)}: an uplink reaches the grading machine's network; grade allows none`);
  return out;
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
    // Whatever the regex renamed, the lab is this run's name (a decoy `name:` line must not choose it).
    topo = { ...loadRenamed(file, readTopologyText(file), lab), name: lab };
  } catch (err) {
    if (err instanceof TopologyError || err instanceof TopologyFileError) return failed(messageOf(err));
    throw err;
  }
  const refused = gradeRefusals(topo, file);
  if (refused.length > 0) return failed(refused.join('\n'));
  const items = teacherExpectations(teacher.file, teacher.text, topo);
  const plan: Plan = compilePlan({ ...topo, expect: items.filter(isExpectation) });
  let facts: Record<string, unknown>;
  try {
    facts = await up(plan);
  } catch (err) {
    // A lab of that name that is up or busy is someone else's: up made nothing, and down must not touch it.
    if (!(err instanceof LabStateError || err instanceof LabBusyError)) await down(lab).catch(() => undefined);
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
  // Random as well as this process's: a crashed earlier run's labs, or a user's, do not share it.
  const prefix = opts.labPrefix ?? `g${(process.pid % 1000).toString(36)}${randomBytes(2).toString('hex')}s`;
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

import type { Command } from 'commander';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { requirePrivileges } from '../sys/privileges.js';
import { readTopologyText } from '../topology/read.js';
import { checkTeacherFile } from '../topology/teacher.js';
import { UsageError } from './errors.js';
import { writeOutputFile } from './output-file.js';

interface GradeCliOptions {
  expect: string;
  json?: boolean;
  csv?: boolean;
  junit?: string;
}

/** Student files: each FILE as given, each DIR's *.yaml/*.yml (not its subdirectories), in name order; the teacher's own file left out. */
export function studentFiles(args: readonly string[], teacher: string): string[] {
  const teacherReal = realpathSync(teacher);
  const out: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      // A missing file is the student's error, reported in its row.
      out.push(a);
      continue;
    }
    if (!st.isDirectory()) {
      out.push(a);
      continue;
    }
    const names = readdirSync(a)
      .filter((n) => /\.ya?ml$/i.test(n))
      .sort();
    for (const n of names) {
      const p = join(a, n);
      if (resolve(p) !== teacherReal && realpathSync(p) !== teacherReal && !statSync(p).isDirectory()) out.push(p);
    }
  }
  return out;
}

export function registerGrade(program: Command): void {
  program
    .command('grade')
    .description(
      "bring up each student's topology in turn (under a lab name of its own), check it against the teacher's expect: lines, and always take it down; exits 0 only when every student passes",
    )
    .argument('<students...>', 'student topology files, or directories of them (*.yaml, *.yml)')
    .requiredOption('--expect <teacher.yaml>', "the teacher's file: its expect: list is what every lab must meet (the students' own expect: lines are not used)")
    .option('--json', 'print the grades as JSON')
    .option('--csv', 'print the grades as CSV: one row per student and expectation')
    .option('--junit <file>', 'also write JUnit XML, one test case per student (CI systems read it)')
    .action(async (args: string[], opts: GradeCliOptions) => {
      if (opts.json && opts.csv) throw new UsageError('give --json or --csv, not both');
      const text = readTopologyText(opts.expect);
      const count = checkTeacherFile(opts.expect, text);
      if (count === 0) process.stderr.write(`nslab grade: ${opts.expect} has no expectations: each lab's reachability matrix must be whole\n`);
      const students = studentFiles(args, opts.expect);
      if (students.length === 0) throw new UsageError(`no student files in ${args.join(', ')} (a directory is searched for *.yaml and *.yml)`);
      requirePrivileges('nslab grade', "it brings every student's lab up");
      const [{ grade }, fmt] = await Promise.all([import('../lab/grade.js'), import('../lab/grade-format.js')]);
      const quiet = opts.json === true || opts.csv === true;
      const report = await grade({ file: opts.expect, text }, students, {
        onStudent: (g, i, n) => {
          if (!quiet && process.stderr.isTTY) process.stderr.write(`[${i + 1}/${n}] ${g.status} ${g.file}\n`);
        },
      });
      if (opts.junit) writeOutputFile(opts.junit, fmt.formatGradeJunit(report));
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : opts.csv ? fmt.formatGradeCsv(report) : fmt.formatGrade(report));
      if (report.summary.pass !== report.summary.students) process.exitCode = 1;
    });
}

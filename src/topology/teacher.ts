import type { Diagnostic } from './diagnostics.js';
import { parseExpectItem } from './expect-fields.js';
import { checkShape } from './shape.js';
import { Source } from './source.js';
import { expectSpec } from './spec-expect.js';
import type { ExpectDef, Topology } from './types.js';

/**
 * A teacher's file for `nslab grade`: its `expect:` list (the rest of the
 * file, a model answer say, is not read), applied to each student's lab in
 * place of the student's own expect: lines. Its positions stay the
 * teacher's file:line, so a failure names the teacher's line.
 */

/** The file's problems, if any, are thrown as a TopologyError (see Diagnostics.check). */

/** Check the teacher's file once (YAML, and the shape of every item): throws TopologyError listing every problem. */
export function checkTeacherFile(file: string, text: string): number {
  const src = new Source(file, text);
  const root = src.root;
  if (!src.diagnostics.hasErrors) {
    const list = root.get('expect');
    if (!root.isMap || !list.isSeq) root.error(`a teacher's file is a map with an 'expect:' list (the expectations every student's lab must meet)`);
    else checkShape(list, expectSpec);
  }
  src.diagnostics.check();
  return root.get('expect').items()?.length ?? 0;
}

/** The teacher's expectations against one student's lab: each parsed, or the problem that stops it (an unknown node, say). */
export function teacherExpectations(file: string, text: string, student: Pick<Topology, 'nodes' | 'links'>): (ExpectDef | Diagnostic)[] {
  const src = new Source(file, text);
  const items = src.root.get('expect').items() ?? [];
  return items.map((item) => {
    const before = src.diagnostics.list.length;
    const parsed = parseExpectItem(item, student.nodes, student.links);
    const problem = src.diagnostics.list.slice(before).find((d) => d.severity === 'error');
    if (parsed && !problem) return parsed;
    return problem ?? { pos: item.pos, field: item.path, message: 'cannot be checked on this lab', severity: 'error' };
  });
}

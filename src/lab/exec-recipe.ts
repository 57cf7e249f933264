import { existsSync, readFileSync } from 'node:fs';
import type { CgroupLimits, CgroupRecord } from '../sys/cgroup/index.js';
import { didYouMean } from '../topology/diagnostics.js';
import { nodeLimits, type ConfineFacts } from './confine-node.js';
import type { SandboxFacts } from './sandbox.js';
import { execIndexPath as indexPath, removingMark, writeWhole, type LabRecord } from './state.js';

/*
 * What `nslab exec` needs to become a process of one node, and the lab's
 * index of it. lab.json holds the whole plan (1.3 MB at 1000 nodes, 20 ms
 * to parse, a third of an exec); the index, written when up has finished,
 * holds one line per node, and exec reads only the line of its node.
 */

export class ExecError extends Error {
  override readonly name = 'ExecError';
}

/** One node, as exec enters it. */
export interface ExecRecipe {
  readonly lab: string;
  readonly node: string;
  /** Its network namespace's `ip netns` name. */
  readonly netns: string;
  readonly hostname: string;
  readonly env: Readonly<Record<string, string>>;
  readonly cgroups: CgroupRecord;
  readonly limits: CgroupLimits;
  readonly caps: readonly string[];
  readonly seccomp?: { readonly program: string; readonly flags: number };
  /** Where a sandboxed node's namespaces and files are; none for `isolation: network`. */
  readonly sandbox?: { readonly mnt: string; readonly dir: string; readonly userns: string };
}

/**
 * The recipe for node from the lab's record, or the reason there is none
 * (lab going down or still coming up, no such node, a record of an older nslab).
 */
export function recipeFromRecord(rec: LabRecord | undefined, lab: string, node: string, opts: { starting?: boolean } = {}): ExecRecipe {
  if (!rec) throw new ExecError(`lab '${lab}' is not up (nslab list shows the labs that are)`);
  if (rec.status === 'removing') throw new ExecError(`lab '${lab}' is being taken down (or a down of it was cut short: run 'nslab down ${lab}')`);
  if (rec.status !== 'up' && !opts.starting) throw new ExecError(`lab '${lab}' is still being deployed; try again when 'nslab up' has finished`);
  const n = rec.plan.namespaces.find((x) => x.node === node);
  if (!n) {
    const nodes = rec.plan.namespaces.map((x) => x.node);
    throw new ExecError(`lab '${lab}' has no node '${node}'${didYouMean(node, nodes)} (its nodes: ${nodes.join(', ')})`);
  }
  return recipeOf(rec, n);
}

/** The recipe for one of the record's namespaces. */
function recipeOf(rec: LabRecord, n: LabRecord['plan']['namespaces'][number]): ExecRecipe {
  const { lab } = rec;
  const node = n.node;
  const facts = rec.facts?.confine as ConfineFacts | undefined;
  if (!facts) throw new ExecError(`lab '${lab}' was made without node confinement (by an older nslab?); bring it down and up again`);
  const sandboxFacts = rec.facts?.sandbox as SandboxFacts | undefined;
  const inSandbox = n.confine.isolation === 'sandbox' ? sandboxFacts?.nodes[node] : undefined;
  if (n.confine.isolation === 'sandbox' && !inSandbox) throw new ExecError(`node '${node}' of lab '${lab}' has no sandbox record; bring the lab down and up again`);
  const programId = facts.seccomp[node];
  const program = programId ? facts.programs[programId] : undefined;
  return {
    lab,
    node,
    netns: n.name,
    hostname: n.hostname,
    env: n.env,
    cgroups: facts.cgroups,
    limits: nodeLimits(n, facts.defaultsSkipped === undefined),
    caps: facts.caps[node] ?? [],
    ...(program ? { seccomp: program } : {}),
    ...(inSandbox && sandboxFacts ? { sandbox: { mnt: inSandbox.mnt, dir: inSandbox.dir, userns: sandboxFacts.userns } } : {}),
  };
}

const INDEX_MAGIC = 'nslab-exec-index 1';

/** What several nodes share, written once at the top of the index. */
interface IndexHeader {
  readonly cgroups: CgroupRecord;
  readonly programs: Readonly<Record<string, { readonly program: string; readonly flags: number }>>;
  readonly userns?: string;
}

/** A node's line: its recipe without what the header holds. */
type IndexLine = Omit<ExecRecipe, 'lab' | 'node' | 'cgroups' | 'seccomp' | 'sandbox'> & {
  readonly program?: string;
  readonly sandbox?: { readonly mnt: string; readonly dir: string };
};

/**
 * The index text of an up lab: a magic line, the header, then `NODE<TAB>JSON`
 * per node (node names hold no tab or newline: the topology's name rules).
 */
export function execIndexText(rec: LabRecord): string {
  const facts = rec.facts?.confine as ConfineFacts | undefined;
  if (!facts) return '';
  const header: IndexHeader = { cgroups: facts.cgroups, programs: facts.programs, ...(rec.facts?.sandbox ? { userns: (rec.facts.sandbox as SandboxFacts).userns } : {}) };
  const lines = [INDEX_MAGIC, JSON.stringify(header)];
  for (const n of rec.plan.namespaces) {
    const r = recipeOf(rec, n);
    const programId = facts.seccomp[n.node];
    const line: IndexLine = {
      netns: r.netns,
      hostname: r.hostname,
      env: r.env,
      limits: r.limits,
      caps: r.caps,
      ...(programId ? { program: programId } : {}),
      ...(r.sandbox ? { sandbox: { mnt: r.sandbox.mnt, dir: r.sandbox.dir } } : {}),
    };
    lines.push(`${n.node}\t${JSON.stringify(line)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Write the index of a lab that is up (after its record says so). */
export function writeExecIndex(rec: LabRecord): void {
  const text = execIndexText(rec);
  if (!text) return;
  writeWhole(indexPath(rec.lab), text);
}

/**
 * node's recipe from the index, or undefined when the index cannot answer
 * (no index: the lab is coming up, going down, or not there; no such node):
 * the caller then asks the record, which also explains what is wrong.
 */
export function readExecRecipe(lab: string, node: string): ExecRecipe | undefined {
  let text: string;
  try {
    text = readFileSync(indexPath(lab), 'utf8');
  } catch {
    return undefined;
  }
  if (existsSync(removingMark(lab))) return undefined;
  const headerStart = text.indexOf('\n');
  const headerEnd = text.indexOf('\n', headerStart + 1);
  if (text.slice(0, headerStart) !== INDEX_MAGIC || headerEnd < 0) return undefined;
  const at = text.indexOf(`\n${node}\t`, headerEnd);
  if (at < 0) return undefined;
  const start = at + node.length + 2;
  const end = text.indexOf('\n', start);
  if (end < 0) return undefined;
  let header: IndexHeader;
  let parsed: IndexLine;
  try {
    header = JSON.parse(text.slice(headerStart + 1, headerEnd)) as IndexHeader;
    parsed = JSON.parse(text.slice(start, end)) as IndexLine;
  } catch {
    return undefined; // not an index up wrote
  }
  const { program, sandbox, ...line } = parsed;
  const seccomp = program ? header.programs[program] : undefined;
  // An index that cannot say all of a node's confinement is not one to run it by.
  if ((program && !seccomp) || (sandbox && !header.userns)) return undefined;
  return {
    lab,
    node,
    ...line,
    cgroups: header.cgroups,
    ...(seccomp ? { seccomp } : {}),
    ...(sandbox && header.userns ? { sandbox: { ...sandbox, userns: header.userns } } : {}),
  };
}

import { closeSync, existsSync, lstatSync, type Stats, openSync, readFileSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plan } from '../topology/plan.js';

/** Where nslab keeps what it made, one directory per lab. */
export const STATE_ROOT = process.env.NSLAB_STATE_DIR ?? '/run/nslab';

export function labDir(lab: string): string {
  return `${STATE_ROOT}/${lab}`;
}

export class StateDirError extends Error {
  override readonly name = 'StateDirError';
}

const S_IWGRP = 0o020;
const S_IWOTH = 0o002;
const S_ISVTX = 0o1000;

/** What makes a directory of the state root's path one that someone besides root (or uid) could change. */
function unsafeBecause(st: Stats, uid: number): string | undefined {
  if (!st.isDirectory()) return 'is not a directory';
  if (st.uid !== 0 && st.uid !== uid) return `belongs to uid ${st.uid}`;
  if (st.mode & (S_IWGRP | S_IWOTH) && !(st.mode & S_ISVTX)) return `is writable by ${st.mode & S_IWOTH ? 'everyone' : 'its group'}`;
  return undefined;
}

/**
 * The state root must be a place only root (or the user nslab runs as) can
 * change: up links /etc/netns entries into it and `ip netns exec` binds what
 * they hold over /etc, so whoever could add a file there (`ld.so.preload`,
 * `sudoers`) would choose root's /etc in a node. Every directory of its real
 * path that exists is checked: owned by root or this user, and writable by
 * no one else unless sticky (/tmp, where others cannot rename what is not
 * theirs). NSLAB_STATE_DIR is where this matters; /run/nslab passes.
 */
export function checkStateRoot(root: string = STATE_ROOT): void {
  const uid = process.geteuid?.() ?? 0;
  let existing = resolve(root);
  while (!existsSync(existing) && existing !== '/') existing = dirname(existing);
  const real = realpathSync(existing);
  for (let dir = real; ; dir = dirname(dir)) {
    const problem = unsafeBecause(lstatSync(dir), uid);
    if (problem) throw new StateDirError(`the state directory ${root} is not safe: ${dir} ${problem}; set NSLAB_STATE_DIR to a directory only root can change (the default is /run/nslab)`);
    if (dir === '/') return;
  }
}

/**
 * One line of the journal: a kernel object nslab is about to make. Lines are
 * appended *before* the object exists, so after a crash or `kill -9` the
 * journal names everything that might exist and `down` removes it.
 */
export type JournalEntry = NetnsEntry | StepEntry;

/** A named network namespace (the core's own entry). */
export interface NetnsEntry {
  readonly op: 'netns';
  readonly name: string;
}

/**
 * Namespaces an earlier `netns` line named but nslab did not make after all
 * (the name was taken, or the phase failed before reaching them): they are
 * someone else's, or nobody's, and rollback and `down` leave them alone.
 */
export interface NetnsRetraction {
  readonly op: 'netns-not-made';
  readonly names: readonly string[];
}

/** An object a step (./steps.ts) made: the step that owns `op` knows how to undo it. */
export interface StepEntry {
  readonly op: string;
  readonly [key: string]: unknown;
}

/** `removing`: a down has begun (a down killed half-way leaves it, and `list` says partial). */
export type LabStatus = 'deploying' | 'up' | 'removing';

/** lab.json: what the lab is and how far `up` got. */
export interface LabRecord {
  readonly lab: string;
  readonly source: string;
  readonly status: LabStatus;
  readonly pid: number;
  readonly startedAt: string;
  readonly plan: Plan;
  /** What steps learned while applying that later commands need (cgroup trees, seccomp programs…), by step name. */
  readonly facts?: Readonly<Record<string, unknown>>;
}

/** The append-only journal of a lab being built. */
export class Journal {
  private readonly fd: number;

  constructor(readonly lab: string) {
    this.fd = openSync(`${labDir(lab)}/journal.jsonl`, 'a');
  }

  /** Record objects about to be made (one write for many). */
  intend(entries: readonly JournalEntry[]): void {
    if (entries.length === 0) return;
    writeSync(this.fd, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }

  /** Take back `netns` lines for namespaces that were never made by this lab. */
  retractNamespaces(names: readonly string[]): void {
    if (names.length === 0) return;
    writeSync(this.fd, `${JSON.stringify({ op: 'netns-not-made', names } satisfies NetnsRetraction)}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Everything the journal says was (maybe) made; a torn last line is skipped. */
export function readJournal(lab: string): JournalEntry[] {
  const path = `${labDir(lab)}/journal.jsonl`;
  if (!existsSync(path)) return [];
  const out: JournalEntry[] = [];
  const notMade = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line) continue;
    let entry: JournalEntry | NetnsRetraction;
    try {
      entry = JSON.parse(line) as JournalEntry | NetnsRetraction;
    } catch {
      continue; // A line cut short by a crash: the object it names was never made.
    }
    if (entry.op === 'netns-not-made') for (const n of (entry as NetnsRetraction).names) notMade.add(n);
    else out.push(entry as JournalEntry);
  }
  return notMade.size === 0 ? out : out.filter((e) => !(e.op === 'netns' && notMade.has(String(e.name))));
}

/** Plans are not changed once compiled: `up` writes lab.json four times with one plan, serialized once. */
const planTexts = new WeakMap<Plan, string>();

/**
 * lab.json, written whole and renamed into place. Compact (`jq . lab.json`
 * reads it): at 1000 nodes indentation made it 2.4 MB instead of 1.3.
 */
export function writeRecord(rec: LabRecord): void {
  const path = `${labDir(rec.lab)}/lab.json`;
  const { plan, ...rest } = rec;
  let planText = planTexts.get(plan);
  if (planText === undefined) {
    planText = JSON.stringify(plan);
    planTexts.set(plan, planText);
  }
  // `rest` always has lab, source, status…: its text ends with the `}` the plan goes before.
  writeWhole(path, `${JSON.stringify(rest).slice(0, -1)},"plan":${planText}}\n`);
}

/** A state file written whole and renamed into place: a reader sees the old text or the new, never half. */
export function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** The lab's record; its status is `removing` once a down has marked it (see markRemoving). */
export function readRecord(lab: string): LabRecord | undefined {
  let rec: LabRecord;
  try {
    rec = JSON.parse(readFileSync(`${labDir(lab)}/lab.json`, 'utf8')) as LabRecord;
  } catch {
    return undefined;
  }
  return existsSync(removingMark(lab)) ? { ...rec, status: 'removing' } : rec;
}

export function removingMark(lab: string): string {
  return `${labDir(lab)}/removing`;
}

/** exec's index of the nodes of an up lab (lab/exec-recipe.ts); gone once a down begins. */
export function execIndexPath(lab: string): string {
  return `${labDir(lab)}/exec-index`;
}

/**
 * Say a down has begun, before anything goes: a down killed half-way leaves
 * the mark, and `list` calls the lab partial. A file of its own rather than
 * lab.json written again (1.3 MB at 1000 nodes, parsed and written once more).
 */
export function markRemoving(lab: string): void {
  writeFileSync(removingMark(lab), `${process.pid}\n`);
  rmSync(execIndexPath(lab), { force: true });
}

/** Labs that have a state directory. */
export function listLabDirs(): string[] {
  try {
    return readdirSync(STATE_ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * Remove a lab's state directory. Should another nslab (an up waiting for
 * the lock) have put a file there meanwhile, the directory is its now and
 * stays: that is not an error for the one leaving.
 */
export function removeLabDir(lab: string): void {
  try {
    rmSync(labDir(lab), { recursive: true, force: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw err;
  }
}

export function labDirExists(lab: string): boolean {
  return existsSync(labDir(lab));
}

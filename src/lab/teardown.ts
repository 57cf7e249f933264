import { deleteNamedNetnsMany } from '../sys/netns.js';
import { readJournal, readRecord, type JournalEntry, type LabRecord, type StepEntry } from './state.js';
import { STEPS } from './steps.js';

export class JournalError extends Error {
  override readonly name = 'JournalError';
}

export interface TeardownResult {
  /** Network namespaces (nodes) that existed and were removed. */
  readonly namespaces: number;
  /** Objects of any kind that existed and were removed (namespaces included). */
  readonly removed: number;
  /** Objects the journal names that were already gone. */
  readonly absent: number;
}

/**
 * Remove everything a lab's journal says nslab made, newest first, each
 * entry by the step that owns it. Objects already gone are fine: this runs
 * after crashes, after `ip netns del`, twice. Runs of namespaces go together
 * (their unmounts overlap), and deleting a namespace takes every device
 * inside it along, in one kernel batch, far cheaper than link by link.
 */
export async function teardown(lab: string, record: LabRecord | undefined = readRecord(lab)): Promise<TeardownResult> {
  let removed = 0;
  let absent = 0;
  let namespaces = 0;
  const facts = record?.facts ?? {};
  const owner = new Map(STEPS.flatMap((s) => s.ops.map((op) => [op, s] as const)));
  const entries: JournalEntry[] = readJournal(lab).reverse();
  // Namespaces holding bridges go first: each takes all its ports' veth pairs
  // along in one kernel batch, and the hosts' namespaces are then nearly empty.
  const bridged = new Set(record?.plan.bridges.map((b) => b.netns) ?? []);
  // Entries whose undo only removes files wait, and run while the namespaces'
  // unmounts are in flight on worker threads (yielding now and then, so the
  // unmounts keep flowing).
  const filesOnly = new Set(STEPS.filter((s) => s.filesOnly).flatMap((s) => s.ops));
  const later = entries.filter((e) => filesOnly.has(e.op));
  const undoOne = async (x: JournalEntry): Promise<void> => {
    const ref = owner.get(x.op);
    const step = await ref?.load();
    if (!ref || !step) throw new JournalError(`the journal of lab '${lab}' has an entry this nslab does not know ('${x.op}'); was it made by a newer nslab?`);
    if (await step.undo(x as StepEntry, lab, facts[ref.name])) removed++;
    else absent++;
  };
  let laterStarted = false;
  const undoLater = async (): Promise<void> => {
    if (laterStarted) return;
    laterStarted = true;
    for (let k = 0; k < later.length; k++) {
      if (k % 64 === 63) await new Promise((r) => setImmediate(r));
      await undoOne(later[k] as JournalEntry);
    }
  };
  // Entries to undo as the first run of namespaces is reached (see StepRef.beforeNamespaces).
  const early = new Set(STEPS.filter((s) => s.beforeNamespaces).flatMap((s) => s.ops));
  const first = entries.filter((e) => early.has(e.op));
  const undoFirst = async (): Promise<void> => {
    for (const x of first.splice(0)) await undoOne(x);
  };
  const now = entries.filter((e) => !filesOnly.has(e.op) && !early.has(e.op));
  let i = 0;
  while (i < now.length) {
    const e = now[i] as JournalEntry;
    let j = i;
    while (j < now.length && now[j]?.op === e.op) j++;
    const run = now.slice(i, j);
    i = j;
    if (e.op === 'netns') {
      await undoFirst();
      const names = run.map((x) => String(x.name)).sort((a, b) => Number(bridged.has(b)) - Number(bridged.has(a)));
      const [existed] = await Promise.all([deleteNamedNetnsMany(names), undoLater()]);
      namespaces += existed;
      removed += existed;
      absent += names.length - existed;
      continue;
    }
    const ref = owner.get(e.op);
    const step = await ref?.load();
    if (!ref || !step) throw new JournalError(`the journal of lab '${lab}' has an entry this nslab does not know ('${e.op}'); was it made by a newer nslab?`);
    if (step.undoMany && run.length > 1) {
      const existed = await step.undoMany(run as StepEntry[], lab, facts[ref.name]);
      removed += existed;
      absent += run.length - existed;
      continue;
    }
    for (const x of run) await undoOne(x);
  }
  await undoFirst();
  await undoLater();
  return { namespaces, removed, absent };
}

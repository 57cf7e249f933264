import { deleteNamedNetnsMany } from '../sys/netns.js';
import { readJournal, readRecord, type JournalEntry, type StepEntry } from './state.js';
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
export async function teardown(lab: string): Promise<TeardownResult> {
  let removed = 0;
  let absent = 0;
  let namespaces = 0;
  const facts = readRecord(lab)?.facts ?? {};
  const owner = new Map(STEPS.flatMap((s) => s.ops.map((op) => [op, s] as const)));
  const entries: JournalEntry[] = readJournal(lab).reverse();
  let i = 0;
  while (i < entries.length) {
    const e = entries[i] as JournalEntry;
    if (e.op === 'netns') {
      const names: string[] = [];
      while (i < entries.length && entries[i]?.op === 'netns') names.push(String((entries[i++] as JournalEntry).name));
      const existed = await deleteNamedNetnsMany(names);
      namespaces += existed;
      removed += existed;
      absent += names.length - existed;
      continue;
    }
    i++;
    const step = owner.get(e.op);
    if (!step) throw new JournalError(`the journal of lab '${lab}' has an entry this nslab does not know ('${e.op}'); was it made by a newer nslab?`);
    if (await step.undo(e as StepEntry, lab, facts[step.name])) removed++;
    else absent++;
  }
  return { namespaces, removed, absent };
}

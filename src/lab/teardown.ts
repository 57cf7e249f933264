import { rmSync } from 'node:fs';
import { deleteNamedNetnsMany } from '../sys/netns.js';
import { readJournal, type JournalEntry } from './state.js';

export interface TeardownResult {
  /** Objects that existed and were removed. */
  readonly removed: number;
  /** Objects the journal names that were already gone. */
  readonly absent: number;
}

/**
 * Remove everything a lab's journal says nslab made, newest first. Objects
 * already gone are fine: this runs after crashes, after `ip netns del`, twice.
 * Deleting a namespace takes every device inside it along, in one kernel
 * batch, which is far cheaper than deleting links one by one.
 */
export async function teardown(lab: string): Promise<TeardownResult> {
  let removed = 0;
  let absent = 0;
  const entries: JournalEntry[] = readJournal(lab).reverse();
  // Namespaces go together: their unmounts overlap; everything inside goes with them.
  const namespaces = entries.flatMap((e) => (e.op === 'netns' ? [e.name] : []));
  const existed = await deleteNamedNetnsMany(namespaces);
  removed += existed;
  absent += namespaces.length - existed;
  for (const e of entries) {
    switch (e.op) {
      case 'netns':
        break;
      case 'etc-netns':
        rmSync(`/etc/netns/${e.name}`, { recursive: true, force: true });
        removed++;
        break;
    }
  }
  return { removed, absent };
}

import { rmSync } from 'node:fs';
import { deleteNamedNetns } from '../sys/netns.js';
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
export function teardown(lab: string): TeardownResult {
  let removed = 0;
  let absent = 0;
  const entries: JournalEntry[] = readJournal(lab).reverse();
  for (const e of entries) {
    let existed: boolean;
    switch (e.op) {
      case 'netns':
        existed = deleteNamedNetns(e.name);
        break;
      case 'etc-netns':
        existed = true;
        rmSync(`/etc/netns/${e.name}`, { recursive: true, force: true });
        break;
    }
    if (existed) removed++;
    else absent++;
  }
  return { removed, absent };
}

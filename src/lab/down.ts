import { requirePrivileges } from '../sys/privileges.js';
import { labDirExists, markRemoving, readRecord, removeLabDir } from './state.js';
import { LabLock } from './lock.js';
import { teardown, type TeardownResult } from './teardown.js';

export interface DownResult extends TeardownResult {
  readonly lab: string;
  /** False when there was no such lab (down is idempotent). */
  readonly found: boolean;
}

/** Remove a lab: everything its journal names, then its state. */
export async function down(lab: string): Promise<DownResult> {
  requirePrivileges('nslab down');
  if (!labDirExists(lab)) return { lab, found: false, namespaces: 0, removed: 0, absent: 0 };
  const lock = LabLock.acquire(lab, 'take it down');
  try {
    // Said before anything goes: a down killed half-way leaves a lab `list` shows as partial.
    const rec = readRecord(lab);
    if (rec) markRemoving(lab);
    const result = await teardown(lab, rec);
    removeLabDir(lab);
    return { lab, found: true, ...result };
  } finally {
    lock.release();
  }
}

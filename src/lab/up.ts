import { requirePrivileges } from '../sys/privileges.js';
import type { Plan } from '../topology/plan.js';
import { applyPlan, type ApplyProgress } from './apply.js';
import { Journal, readJournal, readRecord, removeLabDir, writeRecord } from './state.js';
import { LabBusyError, LabLock } from './lock.js';
import { teardown } from './teardown.js';
import { writeExecIndex } from './exec-recipe.js';
import { checkNamespaceNames } from './ownership.js';

export class LabStateError extends Error {
  override readonly name = 'LabStateError';
}

/**
 * Bring a lab up from its plan. Holds the lab's lock throughout; a failure
 * half-way removes what was made and leaves no state behind.
 */
/** Returns what the steps learned (the record's facts). */
export async function up(plan: Plan, progress?: ApplyProgress): Promise<Record<string, unknown>> {
  requirePrivileges('nslab up');
  const lock = LabLock.acquire(plan.lab, 'bring it up');
  try {
    const existing = readRecord(plan.lab);
    if (existing?.status === 'up') {
      throw new LabStateError(`lab '${plan.lab}' is already up (from ${existing.source}); run 'nslab down ${plan.lab}' first`);
    }
    if (existing || readJournal(plan.lab).length > 0) {
      throw new LabStateError(
        `lab '${plan.lab}' was left half-made by an earlier run (pid ${existing?.pid ?? '?'}); run 'nslab down ${plan.lab}' to clear it`,
      );
    }
    try {
      checkNamespaceNames(plan);
    } catch (err) {
      removeLabDir(plan.lab); // only the lock file is there: no record, no journal (checked above)
      throw err;
    }
    const record = { lab: plan.lab, source: plan.source, pid: process.pid, startedAt: new Date().toISOString(), plan };
    writeRecord({ ...record, status: 'deploying' });
    const journal = new Journal(plan.lab);
    let facts: Record<string, unknown>;
    try {
      facts = await applyPlan(plan, journal, progress, (f) => writeRecord({ ...record, status: 'deploying', facts: f }));
    } catch (err) {
      journal.close();
      try {
        await teardown(plan.lab);
        removeLabDir(plan.lab);
      } catch (cleanupErr) {
        throw new AggregateError([err, cleanupErr], `${(err as Error).message}\n(and rolling back failed: ${(cleanupErr as Error).message}; run 'nslab down ${plan.lab}')`);
      }
      throw err;
    }
    journal.close();
    const upRecord = { ...record, status: 'up' as const, facts };
    writeRecord(upRecord);
    writeExecIndex(upRecord);
    return facts;
  } finally {
    lock.release();
  }
}

export { LabBusyError };

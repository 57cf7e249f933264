import { closeSync, mkdirSync, openSync } from 'node:fs';
import { LOCK_EX, LOCK_NB, LOCK_SH, libc } from '../os/libc.js';
import { labDir, readRecord } from './state.js';

export class LabBusyError extends Error {
  override readonly name = 'LabBusyError';
}

/**
 * An exclusive hold on a lab's state directory (flock on its `lock` file),
 * kept for a whole `up` or `down`. The kernel drops it when the process
 * dies, however it dies.
 */
export class LabLock {
  private constructor(
    readonly lab: string,
    private readonly fd: number,
  ) {}

  /**
   * Exclusive (up, down) or shared (exec adding to a lab that is up: many at
   * once, but never while the lab is being built or removed).
   */
  static acquire(lab: string, doing: string, shared = false): LabLock {
    mkdirSync(labDir(lab), { recursive: true, mode: 0o755 });
    const fd = openSync(`${labDir(lab)}/lock`, 'a+');
    if (!libc.flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB)) {
      closeSync(fd);
      const rec = readRecord(lab);
      const who = rec ? ` (pid ${rec.pid})` : '';
      throw new LabBusyError(
        rec?.status === 'deploying'
          ? `lab '${lab}' is being deployed by another nslab${who}; wait for it, or stop it and run 'nslab down ${lab}'`
          : `lab '${lab}' is busy: another nslab is working on it${who}; cannot ${doing} now`,
      );
    }
    return new LabLock(lab, fd);
  }

  release(): void {
    closeSync(this.fd);
  }
}

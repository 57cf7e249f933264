import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { LOCK_EX, LOCK_NB, LOCK_SH, LOCK_UN, libc } from '../os/libc.js';
import { checkStateRoot, labDir, readRecord } from './state.js';

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
    checkStateRoot();
    mkdirSync(labDir(lab), { recursive: true, mode: 0o755 });
    const fd = openSync(`${labDir(lab)}/lock`, 'a+');
    if (!libc.flock(fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB)) {
      closeSync(fd);
      const holder = lockHolder(lab);
      const who = holder ? `nslab (pid ${holder.pid}) holds it to ${holder.doing}` : 'another nslab is working on it';
      throw new LabBusyError(
        readRecord(lab)?.status === 'deploying' && (!holder || holder.doing === 'bring it up')
          ? `lab '${lab}' is being deployed: ${who}; wait for it, or stop it and run 'nslab down ${lab}'`
          : `lab '${lab}' is busy: ${who}; cannot ${doing} now`,
      );
    }
    if (!shared) {
      // Who holds the lab and why, for the next one that finds it busy (the record names the up, not a down).
      ftruncateSync(fd, 0);
      writeSync(fd, `${process.pid} ${doing}\n`);
    }
    return new LabLock(lab, fd);
  }

  release(): void {
    closeSync(this.fd);
  }

  /** Whether a live nslab holds the lab now (a try of the flock, taken back at once; nothing written). */
  static held(lab: string): boolean {
    let fd: number;
    try {
      fd = openSync(`${labDir(lab)}/lock`, 'r');
    } catch {
      return false;
    }
    try {
      if (!libc.flock(fd, LOCK_EX | LOCK_NB)) return true;
      libc.flock(fd, LOCK_UN);
      return false;
    } finally {
      closeSync(fd);
    }
  }
}

/** The pid and purpose the last exclusive holder wrote in the lock file, if that process still runs. */
function lockHolder(lab: string): { pid: number; doing: string } | undefined {
  try {
    const m = /^(\d+) (.+)$/m.exec(readFileSync(`${labDir(lab)}/lock`, 'utf8'));
    if (!m) return undefined;
    const pid = Number(m[1]);
    return existsSync(`/proc/${pid}`) ? { pid, doing: m[2] as string } : undefined;
  } catch {
    return undefined;
  }
}

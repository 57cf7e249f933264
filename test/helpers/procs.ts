import { readFileSync } from 'node:fs';

/** A process and all its descendants, from /proc/PID/task/PID/children (the kernel's list, no ps needed). */
export function descendants(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // gone
  }
  return [pid, ...kids.flatMap(descendants)];
}

/** /proc/PID/status, or '' once the process is gone. */
export function statusOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}

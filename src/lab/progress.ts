import { existsSync } from 'node:fs';
import { netnsPath } from '../sys/netns-path.js';
import { readJournal } from './state.js';

/**
 * Progress of `up` and `down` on a terminal: one line, redrawn in place
 * ("up fabric: links 120/400 30% 850/s"), and erased when the work is done
 * so the command's own report stands alone. Nothing at all is written when
 * stdout is not a terminal (pipes, files) or in CI (CI set in the
 * environment): logs get only the report.
 */

export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** Terminal width; 0 or unset (a terminal that does not say) counts as 80. */
  readonly columns?: number;
}

export interface ProgressOptions {
  readonly stream?: ProgressStream;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Clock in ms (tests). */
  readonly now?: () => number;
  /** Least time between redraws, ms (the last count of a phase is always drawn). */
  readonly everyMs?: number;
}

/** Progress is drawn only on a terminal, and never in CI. */
export function progressWanted(stream: Pick<ProgressStream, 'isTTY'>, env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI;
  return stream.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false');
}

/** "1.2k/s", "850/s", "3.5/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '';
  if (perSecond >= 1000) return `${(perSecond / 1000).toFixed(1)}k/s`;
  if (perSecond >= 10) return `${Math.round(perSecond)}/s`;
  return `${perSecond.toFixed(1)}/s`;
}

/** The text of one progress line, cut to the terminal's width. */
export function renderProgress(label: string, phase: string, done: number, total: number, elapsedMs: number, columns = 80): string {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedMs > 0 ? formatRate((done * 1000) / elapsedMs) : '';
  const text = `${label}: ${phase} ${done}/${total} ${pct}%${rate ? ` ${rate}` : ''}`;
  const width = Math.max(10, columns - 1);
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** Erase the line the cursor is on and go to its start. */
const CLEAR = '\r\x1b[K';

/**
 * A progress line. `update` has the shape apply.ts calls
 * (phase, done, total); `finish` erases the line. Both do nothing when
 * progress is not wanted.
 */
export class Progress {
  readonly enabled: boolean;
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly everyMs: number;
  private phase = '';
  private phaseStart = 0;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    readonly label: string,
    opts: ProgressOptions = {},
  ) {
    this.stream = opts.stream ?? process.stdout;
    this.now = opts.now ?? ((): number => performance.now());
    this.everyMs = opts.everyMs ?? 80;
    this.enabled = progressWanted(this.stream, opts.env ?? process.env);
  }

  /** (phase, done, total): bound, so it can be handed to apply as is. */
  readonly update = (phase: string, done: number, total: number): void => {
    if (!this.enabled) return;
    const t = this.now();
    if (phase !== this.phase) {
      this.phase = phase;
      this.phaseStart = t;
      this.lastDraw = -Infinity;
    }
    if (done < total && t - this.lastDraw < this.everyMs) return;
    this.lastDraw = t;
    this.drawn = true;
    this.stream.write(`${CLEAR}${renderProgress(this.label, phase, done, total, t - this.phaseStart, this.stream.columns || 80)}`);
  };

  /** Erase the line (call before printing the result, and on failure). */
  finish(): void {
    if (!this.enabled || !this.drawn) return;
    this.drawn = false;
    this.stream.write(CLEAR);
  }
}

/**
 * Progress of a teardown, watched from outside it: how many of the lab's
 * journaled namespaces are gone from /run/netns, counted on a timer while
 * `down` runs (its unmounts run on worker threads, so timers fire). Returns
 * the function that stops watching.
 */
export function watchTeardown(lab: string, progress: Progress, everyMs = 100): () => void {
  if (!progress.enabled) return () => undefined;
  const names = readJournal(lab).flatMap((e) => (e.op === 'netns' && 'name' in e && typeof e.name === 'string' ? [e.name] : []));
  if (names.length === 0) return () => undefined;
  const tick = (): void => {
    const gone = names.filter((n) => !existsSync(netnsPath(n))).length;
    progress.update('removing namespaces', gone, names.length);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return () => {
    clearInterval(timer);
    progress.finish();
  };
}

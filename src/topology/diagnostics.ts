/** Where a value stands in a topology file. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function formatPosition(p: Position): string {
  return `${p.file}:${p.line}:${p.col}`;
}

/** One problem in a topology: where, which field, what is wrong. */
export interface Diagnostic {
  readonly pos: Position;
  /** Dotted path of the field, e.g. `topology.links[0].endpoints[1]`. */
  readonly field: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${formatPosition(d.pos)}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.field ? `${d.field}: ` : ''}${d.message}`;
}

/** A topology that cannot become a lab: every problem found, each with its place. */
export class TopologyError extends Error {
  override readonly name = 'TopologyError';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(errors.map(formatDiagnostic).join('\n'));
  }
}

/** Collects problems so that all of them are reported at once. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** Report an error; a second error at the same place and field is dropped (it is the first one's echo). */
  error(pos: Position, field: string, message: string): void {
    const echo = this.list.some((d) => d.severity === 'error' && d.field === field && d.pos.line === pos.line && d.pos.col === pos.col);
    if (!echo) this.list.push({ pos, field, message, severity: 'error' });
  }
  warn(pos: Position, field: string, message: string): void {
    this.list.push({ pos, field, message, severity: 'warning' });
  }
  get hasErrors(): boolean {
    return this.list.some((d) => d.severity === 'error');
  }
  get warnings(): Diagnostic[] {
    return this.list.filter((d) => d.severity === 'warning');
  }
  /** Throw a TopologyError if anything is wrong. */
  check(): void {
    if (this.hasErrors) throw new TopologyError(this.list);
  }
}

/** The closest candidate by edit distance, for "did you mean …?" (undefined if none is close). */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

/** Edit distance where swapping two neighbours counts as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => (d[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s ? ` — did you mean '${s}'?` : '';
}

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

  error(pos: Position, field: string, message: string): void {
    this.list.push({ pos, field, message, severity: 'error' });
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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s ? ` — did you mean '${s}'?` : '';
}

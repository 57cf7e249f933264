import { type CheckReport, type ExpectationResult, type PairStatus } from './check-results.js';

/** The report of `nslab check` as a person reads it (`--json` prints the CheckReport itself). */

export const MARK: Readonly<Record<PairStatus | 'self', string>> = { ok: '✓', fail: '✗', partial: '◐', none: '-', self: '·' };

/**
 * The matrix as text: one row per sender, one column per target, the
 * target names written downwards above their columns so a wide lab stays
 * narrow (two characters a column).
 */
export function formatMatrix(names: readonly string[], status: (from: string, to: string) => PairStatus): string {
  const corner = 'from\\to';
  const left = Math.max(corner.length, ...names.map((n) => n.length)) + 2;
  const depth = Math.max(0, ...names.map((n) => n.length));
  const lines: string[] = [];
  for (let row = 0; row < depth; row++) {
    const cells = names.map((n) => [...n][row] ?? ' ');
    lines.push(`${(row === depth - 1 ? corner : '').padEnd(left)}${cells.join(' ')}`.trimEnd());
  }
  for (const from of names) {
    const cells = names.map((to) => (to === from ? MARK.self : MARK[status(from, to)]));
    lines.push(`${from.padEnd(left)}${cells.join(' ')}`);
  }
  return lines.join('\n');
}

/** Pairs that fail listed under the matrix; the rest are counted. */
const MAX_LISTED = 20;

/** The whole report as a person reads it. */
export function formatReport(r: CheckReport): string {
  const out: string[] = [];
  const names = r.nodes.map((n) => n.name);
  const byPair = new Map(r.pairs.map((p) => [`${p.from}>${p.to}`, p]));
  if (names.length < 2) {
    out.push(`lab ${r.lab}: fewer than two nodes have addresses; no matrix to draw`);
  } else {
    out.push(`reachability in lab ${r.lab} (ICMP echo, ${r.count} per address, ${r.timeoutMs} ms to answer)`, '');
    out.push(formatMatrix(names, (from, to) => byPair.get(`${from}>${to}`)?.status ?? 'none'));
    out.push('');
    const s = r.summary;
    out.push(
      `${s.reachable} of ${s.pairs} pairs reach each other${s.partial ? `, ${s.partial} partly` : ''}${s.unreachable ? `, ${s.unreachable} not at all` : ''}` +
        `  (${MARK.ok} every address answers, ${MARK.partial} some do, ${MARK.fail} none, ${MARK.none} nothing to try)`,
    );
    for (const w of r.warnings) out.push(`warning: ${w}`);
    const bad = r.pairs.filter((p) => p.status === 'fail' || p.status === 'partial');
    for (const p of bad.slice(0, MAX_LISTED)) {
      const misses = p.probes.filter((x) => !x.reached).map((x) => `${x.address} ${x.detail}`);
      out.push(`  ${p.from} → ${p.to}: ${misses.join(', ')}`);
    }
    if (bad.length > MAX_LISTED) out.push(`  … and ${bad.length - MAX_LISTED} more pairs (--json lists every probe)`);
  }
  if (r.expectations.length > 0) {
    out.push('', `expectations (${r.expectations.length}):`);
    for (const e of r.expectations) out.push(formatExpectation(e));
    out.push(
      r.summary.failed === 0
        ? `all ${r.expectations.length} expectations hold`
        : `${r.summary.failed} of ${r.expectations.length} expectation${r.expectations.length === 1 ? '' : 's'} failed`,
    );
  }
  return out.join('\n');
}

export function formatExpectation(e: ExpectationResult): string {
  return e.ok
    ? `  ${MARK.ok} ${e.description}: ${e.detail}`
    : `  ${MARK.fail} FAILED ${e.origin}: expected ${e.goal}; ${e.detail}${e.attempts > 1 ? ` (after ${e.attempts} tries)` : ''}`;
}

import { describe, expect, it } from 'vitest';
import { Progress, formatRate, progressWanted, renderProgress } from '../../src/lab/progress.js';

/** A stream that records what is written; a terminal or not. */
function stream(isTTY: boolean, columns = 80): { writes: string[]; isTTY: boolean; columns: number; write(t: string): boolean } {
  return {
    writes: [],
    isTTY,
    columns,
    write(t: string) {
      this.writes.push(t);
      return true;
    },
  };
}

/** A clock the test moves. */
function clock(): { now: () => number; at: (ms: number) => void } {
  let t = 0;
  return { now: () => t, at: (ms) => (t = ms) };
}

describe('progressWanted()', () => {
  it('draws only on a terminal, and never in CI', () => {
    expect(progressWanted({ isTTY: true }, {})).toBe(true);
    expect(progressWanted({ isTTY: false }, {})).toBe(false);
    expect(progressWanted({}, {})).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: 'true' })).toBe(false);
    expect(progressWanted({ isTTY: true }, { CI: '1' })).toBe(false);
    // CI=false / CI=0 / CI= mean "not CI", as most CI-detection libraries read them.
    expect(progressWanted({ isTTY: true }, { CI: 'false' })).toBe(true);
    expect(progressWanted({ isTTY: true }, { CI: '0' })).toBe(true);
    expect(progressWanted({ isTTY: true }, { CI: '' })).toBe(true);
  });
});

describe('renderProgress()', () => {
  it('shows phase, done/total, percent and rate', () => {
    expect(renderProgress('up fabric', 'links', 120, 400, 100)).toBe('up fabric: links 120/400 30% 1.2k/s');
    expect(renderProgress('down lab', 'removing namespaces', 3, 10, 2000)).toBe('down lab: removing namespaces 3/10 30% 1.5/s');
  });

  it('leaves the rate out before any time has passed, and calls an empty phase done', () => {
    expect(renderProgress('up x', 'namespaces', 0, 0, 0)).toBe('up x: namespaces 0/0 100%');
  });

  it('fits the terminal width', () => {
    const line = renderProgress('up a-very-long-lab-name-indeed', 'addresses and routes', 1, 2, 10, 30);
    expect(line.length).toBe(29);
    expect(line.endsWith('…')).toBe(true);
  });

  it('formats rates for people', () => {
    expect(formatRate(850.4)).toBe('850/s');
    expect(formatRate(1234)).toBe('1.2k/s');
    expect(formatRate(3.46)).toBe('3.5/s');
    expect(formatRate(0)).toBe('');
  });
});

describe('Progress', () => {
  it('redraws one line in place on a terminal, throttled, and erases it at the end', () => {
    const out = stream(true);
    const c = clock();
    const p = new Progress('up lab', { stream: out, env: {}, now: c.now, everyMs: 100 });
    p.update('namespaces', 1, 3);
    c.at(50);
    p.update('namespaces', 2, 3); // too soon: skipped
    c.at(60);
    p.update('namespaces', 3, 3); // the last count of a phase is always drawn
    c.at(70);
    p.update('links', 1, 2); // a new phase draws at once
    p.finish();
    expect(out.writes).toEqual([
      '\r\x1b[Kup lab: namespaces 1/3 33%',
      '\r\x1b[Kup lab: namespaces 3/3 100% 50/s',
      '\r\x1b[Kup lab: links 1/2 50%',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing at all when stdout is not a terminal', () => {
    const out = stream(false);
    const p = new Progress('up lab', { stream: out, env: {} });
    p.update('namespaces', 1, 1);
    p.finish();
    expect(p.enabled).toBe(false);
    expect(out.writes).toEqual([]);
  });

  it('writes nothing at all in CI, even on a terminal', () => {
    const out = stream(true);
    const p = new Progress('up lab', { stream: out, env: { CI: 'true' } });
    p.update('namespaces', 1, 1);
    p.finish();
    expect(out.writes).toEqual([]);
  });

  it('has nothing to erase when nothing was drawn', () => {
    const out = stream(true);
    new Progress('up lab', { stream: out, env: {} }).finish();
    expect(out.writes).toEqual([]);
  });

  it('takes a terminal that gives no width as 80 columns wide', () => {
    const out = stream(true, 0);
    new Progress('up lab', { stream: out, env: {}, now: () => 0 }).update('addresses and routes', 5, 10);
    expect(out.writes).toEqual(['\r\x1b[Kup lab: addresses and routes 5/10 50%']);
  });

  it('can be handed to apply as a bare callback', () => {
    const out = stream(true);
    const { update } = new Progress('up lab', { stream: out, env: {}, now: () => 0 });
    update('namespaces', 1, 1);
    expect(out.writes).toHaveLength(1);
  });
});

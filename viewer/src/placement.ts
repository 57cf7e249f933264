/* Where labels go, worked out from positions the page reads off cytoscape:
   cable-end label distances, the side of a node's name, the Tab order. */
import type { Layout } from '../../src/viewer/layout.js';

/** One cable leaving a node, as seen from that node. */
export interface CableEnd {
  /** "linkId|s" when the node is the cable's source, "linkId|t" when its target. */
  readonly key: string;
  /** Direction to the node at the other end, radians (atan2). */
  readonly angle: number;
  /** Length of the drawn cable, border to border. */
  readonly length: number;
}

/**
 * Cable-end label distances of one node, staggered: its cables sorted by
 * direction get alternating distances from the node, so labels of cables
 * that leave at nearly the same angle do not sit on each other. Never past
 * the cable's middle (less the label's room), never closer than 12.
 */
export function staggerEndOffsets(ends: readonly CableEnd[]): Record<string, number> {
  const out: Record<string, number> = {};
  const sorted = [...ends].sort((a, b) => a.angle - b.angle);
  sorted.forEach((end, k) => {
    const want = 20 + (sorted.length > 2 ? (k % 3) * 48 : (k % 2) * 24);
    out[end.key] = Math.max(12, Math.min(want, end.length / 2 - 18));
  });
  return out;
}

export type LabelSide = 'below' | 'top' | 'right';

/**
 * Where a node's name goes, from its neighbours' heights relative to it
 * (positive: lower on screen): above it when no cable leaves upwards
 * (spines, a router over its LANs), to its right when cables leave both up
 * and down (leaves, switches), else below.
 */
export function labelSide(neighbourDy: readonly number[]): LabelSide {
  const below = neighbourDy.filter((dy) => dy > 1).length;
  const above = neighbourDy.filter((dy) => dy < -1).length;
  if (below > 0 && above === 0) return 'top';
  if (below > 0 && above > 0) return 'right';
  return 'below';
}

/** Tab order follows the picture: top to bottom, left to right. */
export function tabOrder(names: readonly string[], layout: Layout): string[] {
  const at = (n: string) => layout.positions[n] ?? { x: 0, y: 0 };
  return [...names].sort((a, b) => at(a).y - at(b).y || at(a).x - at(b).x);
}

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { planView } from '../../src/lab/inspect.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { computeLayout } from '../../src/viewer/layout.js';
import { keyAction } from '../../viewer/src/keys.js';
import { labelSide, staggerEndOffsets, tabOrder } from '../../viewer/src/placement.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('staggerEndOffsets()', () => {
  it('alternates two distances for a node with two cables, by direction', () => {
    const out = staggerEndOffsets([
      { key: 'b|s', angle: 1, length: 400 },
      { key: 'a|t', angle: -1, length: 400 },
    ]);
    expect(out).toEqual({ 'a|t': 20, 'b|s': 44 });
  });

  it('cycles three distances for more cables, sorted by angle', () => {
    const ends = [0.3, 0.1, 0.2, 0.4].map((angle, k) => ({ key: `l${k}|s`, angle, length: 1000 }));
    expect(staggerEndOffsets(ends)).toEqual({ 'l1|s': 20, 'l2|s': 68, 'l0|s': 116, 'l3|s': 20 });
  });

  it('keeps a label short of the middle of a short cable, and never under 12', () => {
    expect(staggerEndOffsets([{ key: 'x|s', angle: 0, length: 60 }])).toEqual({ 'x|s': 12 });
    expect(staggerEndOffsets([{ key: 'x|s', angle: 0, length: 10 }])).toEqual({ 'x|s': 12 });
    expect(staggerEndOffsets([{ key: 'x|s', angle: 0, length: 200 }, { key: 'y|t', angle: 1, length: 90 }])).toEqual({ 'x|s': 20, 'y|t': 27 });
  });
});

describe('labelSide()', () => {
  it('puts the name above a node with neighbours only below, right of one with both, else below', () => {
    expect(labelSide([230, 230])).toBe('top');
    expect(labelSide([230, -230])).toBe('right');
    expect(labelSide([-230])).toBe('below');
    expect(labelSide([])).toBe('below');
    expect(labelSide([0.5, -1])).toBe('below'); // same row: neither up nor down
  });
});

describe('tabOrder()', () => {
  it('goes top to bottom, left to right, over a real layout', () => {
    const view = planView(compilePlan(loadTopologyFile(fileURLToPath(new URL('../../topologies/leaf-spine.yaml', import.meta.url)))));
    const layout = computeLayout(view);
    const order = tabOrder(view.nodes.map((n) => n.name), layout);
    expect(order[0]).toBe('spine1');
    expect(order).toHaveLength(view.nodes.length);
    const at = order.map((n) => layout.positions[n] as { x: number; y: number });
    for (let i = 1; i < at.length; i++) {
      const [p, q] = [at[i - 1], at[i]] as [{ x: number; y: number }, { x: number; y: number }];
      expect(p.y < q.y || (p.y === q.y && p.x <= q.x)).toBe(true);
    }
  });
});

describe('keyAction()', () => {
  it('maps the page’s keys to actions', () => {
    expect(keyAction(press('Escape'), false)).toEqual({ do: 'close' });
    expect(keyAction(press('f'), false)).toEqual({ do: 'fit' });
    expect(keyAction(press('a'), false)).toEqual({ do: 'addresses' });
    expect(keyAction(press('r'), false)).toEqual({ do: 'rates' });
    expect(keyAction(press('='), false)).toEqual({ do: 'zoom', factor: 1.25 });
    expect(keyAction(press('_'), false)).toEqual({ do: 'zoom', factor: 0.8 });
    expect(keyAction(press('ArrowLeft'), false)).toEqual({ do: 'pan', x: 60, y: 0 });
    expect(keyAction(press('ArrowDown'), false)).toEqual({ do: 'pan', x: 0, y: -60 });
  });

  it('leaves other keys, shortcuts with modifiers and typing to the browser', () => {
    expect(keyAction(press('x'), false)).toBeUndefined();
    expect(keyAction(press('f', { ctrlKey: true }), false)).toBeUndefined();
    expect(keyAction(press('a', { metaKey: true }), false)).toBeUndefined();
    expect(keyAction(press('r', { altKey: true }), false)).toBeUndefined();
    expect(keyAction(press('a'), true)).toBeUndefined();
  });
});

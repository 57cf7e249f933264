import { describe, expect, it } from 'vitest';
import { STEPS } from '../../src/lab/steps.js';

describe('the step registry', () => {
  it('names each step and its journal ops as the step itself does', async () => {
    for (const ref of STEPS) {
      const step = await ref.load();
      expect(step.name).toBe(ref.name);
      expect([...step.ops].sort()).toEqual([...ref.ops].sort());
    }
  });

  it('gives every journal op exactly one owner', () => {
    const ops = STEPS.flatMap((s) => s.ops);
    expect(new Set(ops).size).toBe(ops.length);
    expect(ops).not.toContain('netns');
  });
});

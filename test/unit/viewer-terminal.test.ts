import { describe, expect, it } from 'vitest';
import { loadTopology } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { terminalRefusal } from '../../src/viewer/terminal.js';

const plan = compilePlan(loadTopology('t.yaml', 'name: tl\ntopology:\n  nodes:\n    h1: {}\n    adm: { isolation: network }\n'));

describe("the graph page's terminals", () => {
  it('open in a sandboxed node of a lab that is up', () => {
    expect(terminalRefusal(plan, 'up', 'h1')).toBeUndefined();
  });

  it('refuse an isolation: network node, whose root is the machine’s, a node the lab lacks, and a lab that is not up', () => {
    expect(terminalRefusal(plan, 'up', 'adm')).toMatch(/^node adm has isolation: network, so a shell there is root on this machine; .*nslab exec tl adm/);
    expect(terminalRefusal(plan, 'up', 'h9')).toBe("lab tl has no node 'h9' (nodes: h1, adm)");
    expect(terminalRefusal(plan, undefined, 'h1')).toMatch(/is not up/);
  });
});

describe('printable()', () => {
  it('escapes C0, DEL and C1 controls a node could put in a name, and keeps the rest', async () => {
    const { printable } = await import('../../src/topology/printable.js');
    expect(printable('eth0\u001b[2J\u0007\u007f\u009bx é')).toBe('eth0\\x1b[2J\\x07\\x7f\\x9bx é');
  });
});

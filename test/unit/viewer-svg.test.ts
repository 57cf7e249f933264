import { describe, expect, it } from 'vitest';
import { edgeLine, esc, nodeLabel, nodeShape, polygon, svgDocument, text, type SvgEdge, type SvgNode } from '../../viewer/src/svg.js';

const node = (over: Partial<SvgNode> = {}): SvgNode => ({
  id: 'r1',
  at: { x: 100, y: 50 },
  width: 58,
  height: 58,
  shape: 'ellipse',
  fill: 'rgb(213,94,0)',
  stroke: 'rgb(17,17,17)',
  strokeWidth: 3,
  borderStyle: 'solid',
  label: 'r1',
  fontSize: 24,
  color: 'rgb(17,17,17)',
  halign: 'center',
  valign: 'bottom',
  marginX: 0,
  marginY: 8,
  ...over,
});

const edge = (over: Partial<SvgEdge> = {}): SvgEdge => ({
  id: 'h1:eth0--r1:eth0',
  from: { x: 0, y: 0 },
  to: { x: 300, y: 400 },
  controlPoints: [],
  midpoint: { x: 150, y: 200 },
  stroke: 'rgb(34,34,34)',
  width: 4,
  lineStyle: 'solid',
  label: '',
  sourceLabel: 'eth0',
  targetLabel: 'eth1',
  sourceOffset: 20,
  targetOffset: 44,
  fontSize: 17,
  color: 'rgb(17,17,17)',
  ...over,
});

/** Every element closed in order (a small check of well-formedness; the SVG has no comments or CDATA). */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return false;
  }
  return stack.length === 0;
}

describe('svg text helpers', () => {
  it('escapes the five XML specials', () => {
    expect(esc(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  });

  it('places polygon corners on the box around the centre, rounded to a tenth', () => {
    expect(polygon(0, 0, 20, 10, 4, 0)).toBe('10,0 0,5 -10,0 0,-5');
  });

  it('writes one tspan per line, each a line apart, and nothing for no label', () => {
    const t = text(10, 20, 'r1\neth0 10.0.0.1/24', 20, '#111', 'bold', 'below');
    expect(t).toBe(
      '<text x="10" y="40" font-size="20" font-weight="bold" fill="#111" text-anchor="middle" stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">' +
        '<tspan x="10">r1</tspan><tspan x="10" dy="23">eth0 10.0.0.1/24</tspan></text>',
    );
    expect(text(0, 0, '', 20, '#111', 'bold', 'center')).toBe('');
    expect(text(0, 100, 'a\nb', 20, '#111', 'bold', 'above')).toContain('y="72"'); // 100 − 23 − 5
    expect(text(5, 0, 'a', 10, '#111', 'bold', 'right')).toContain('text-anchor="start"');
  });
});

describe('nodeShape() and nodeLabel()', () => {
  it('draws each cytoscape shape the page uses', () => {
    expect(nodeShape(node())).toBe('<ellipse cx="100" cy="50" rx="29" ry="29" fill="rgb(213,94,0)" stroke="rgb(17,17,17)" stroke-width="3"/>');
    expect(nodeShape(node({ shape: 'round-rectangle', width: 64, height: 46 }))).toMatch(/^<rect x="68" y="27" width="64" height="46" rx="11.5" /);
    expect(nodeShape(node({ shape: 'rectangle' }))).toContain(' rx="0" ');
    expect(nodeShape(node({ shape: 'hexagon' })).match(/points="([^"]+)"/)?.[1]?.split(' ')).toHaveLength(6);
    expect(nodeShape(node({ shape: 'round-octagon' })).match(/points="([^"]+)"/)?.[1]?.split(' ')).toHaveLength(8);
    expect(nodeShape(node({ shape: 'star' }))).toMatch(/^<rect /);
    expect(nodeShape(node({ borderStyle: 'dashed' }))).toContain('stroke-dasharray="12 8"');
  });

  it('puts the name below, above or right of the node as the page does', () => {
    expect(nodeLabel(node())).toContain('y="111"'); // 50 + 29 + 8 + 24
    expect(nodeLabel(node({ valign: 'top', marginY: -8 }))).toContain('y="7"'); // 50 − 29 − 8 − 6
    const right = nodeLabel(node({ halign: 'right', valign: 'center', marginX: 10 }));
    expect(right).toContain('x="139"');
    expect(right).toContain('text-anchor="start"');
  });
});

describe('edgeLine()', () => {
  it('is a straight line, or a quadratic curve through one control point', () => {
    expect(edgeLine(edge())).toBe('<line x1="0" y1="0" x2="300" y2="400" fill="none" stroke="rgb(34,34,34)" stroke-width="4"/>');
    expect(edgeLine(edge({ controlPoints: [{ x: 10.04, y: 20 }], lineStyle: 'dotted' }))).toBe(
      '<path d="M0 0 Q10 20 300 400" fill="none" stroke="rgb(34,34,34)" stroke-width="4" stroke-dasharray="2 6"/>',
    );
  });
});

describe('svgDocument()', () => {
  const scene = { box: { x1: 0, y1: -10, w: 300, h: 420 }, nodes: [node({ label: 'a<b' }), node({ id: 'h1', at: { x: 0, y: 0 } })], edges: [edge({ label: 'DOWN' })] };
  const svg = svgDocument(scene, 'nslab lab x&y');

  it('is an XML document sized to the scene plus a 24 px margin, on white', () => {
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="-24 -34 348 468" width="348" height="468"/);
    expect(svg).toContain('<title>nslab lab x&amp;y</title>');
    expect(svg).toContain('<rect x="-24" y="-34" width="348" height="468" fill="#fff"/>');
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(balanced(svg)).toBe(true);
  });

  it('draws cables first, nodes over them, and every label last', () => {
    const order = [...svg.matchAll(/<g class="([a-z-]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['edge', 'node', 'node', 'edge-labels']);
    expect(svg).toContain('<tspan x="100">a&lt;b</tspan>');
  });

  it('puts cable-end labels their offset along the cable, at most half way', () => {
    // The cable runs 3:4:5 from (0,0) to (300,400): the source label 20 along it, the target's 44
    // back from its end; a one-line label's baseline sits 0.35 of the font size (17) below its centre.
    expect(svg).toContain('<text x="12" y="22"'); // 16 + 5.95
    expect(svg).toContain('<text x="273.6" y="370.8"'); // 364.8 + 5.95
    const short = svgDocument({ ...scene, edges: [edge({ to: { x: 30, y: 40 }, sourceOffset: 100 })] }, 't');
    expect(short).toContain('<text x="15" y="26"'); // 25 along a 50 px cable
  });
});

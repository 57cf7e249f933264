/* A small SVG writer for the graph: nodes, cables and their labels, drawn
   from a scene that page/svg-scene.ts reads off cytoscape (positions and
   computed styles). Only text here. */
import type { Point } from '../../src/viewer/layout.js';

export interface SvgNode {
  readonly id: string;
  readonly at: Point;
  readonly width: number;
  readonly height: number;
  /** cytoscape's shape name ("ellipse", "round-rectangle", "hexagon"…). */
  readonly shape: string;
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly borderStyle: string;
  readonly label: string;
  readonly fontSize: number;
  readonly color: string;
  readonly halign: string;
  readonly valign: string;
  readonly marginX: number;
  readonly marginY: number;
}

export interface SvgEdge {
  readonly id: string;
  /** Where the cable leaves its source's and enters its target's border. */
  readonly from: Point;
  readonly to: Point;
  readonly controlPoints: readonly Point[];
  readonly midpoint: Point;
  readonly stroke: string;
  readonly width: number;
  readonly lineStyle: string;
  readonly label: string;
  readonly sourceLabel: string;
  readonly targetLabel: string;
  readonly sourceOffset: number;
  readonly targetOffset: number;
  readonly fontSize: number;
  readonly color: string;
}

export interface SvgScene {
  /** What the visible elements cover, labels included. */
  readonly box: { readonly x1: number; readonly y1: number; readonly w: number; readonly h: number };
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** One decimal is plenty for a picture and keeps the file short. */
export function num(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The corners of a regular polygon in a w × h box centred on (cx, cy), the first at angle `rot`. */
export function polygon(cx: number, cy: number, w: number, h: number, sides: number, rot: number): string {
  const pts: string[] = [];
  for (let i = 0; i < sides; i++) {
    const a = rot + (2 * Math.PI * i) / sides;
    pts.push(`${num(cx + (w / 2) * Math.cos(a))},${num(cy + (h / 2) * Math.sin(a))}`);
  }
  return pts.join(' ');
}

function dash(style: string): string {
  if (style === 'dashed') return ' stroke-dasharray="12 8"';
  if (style === 'dotted') return ' stroke-dasharray="2 6"';
  return '';
}

export type TextPlace = 'center' | 'below' | 'above' | 'right';

/**
 * Multi-line text with a white halo like the page's text outline. place:
 * 'center' on (x, y), 'below' (first line's top at y), 'above' (last line's
 * bottom at y) or 'right' (starting at x, centred on y).
 */
export function text(x: number, y: number, label: string, size: number, color: string, weight: string, place: TextPlace): string {
  if (!label) return '';
  const lines = label.split('\n');
  const span = (lines.length - 1) * size * 1.15;
  const first = place === 'below' ? y + size : place === 'above' ? y - span - size * 0.25 : y - span / 2 + size * 0.35;
  const anchor = place === 'right' ? 'start' : 'middle';
  let out =
    `<text x="${num(x)}" y="${num(first)}" font-size="${size}" font-weight="${weight}" fill="${esc(color)}"` +
    ` text-anchor="${anchor}" stroke="#fff" stroke-width="4" paint-order="stroke" stroke-linejoin="round">`;
  lines.forEach((line, i) => {
    out += `<tspan x="${num(x)}"${i ? ` dy="${num(size * 1.15)}"` : ''}>${esc(line)}</tspan>`;
  });
  return `${out}</text>`;
}

export function nodeShape(n: SvgNode): string {
  const { x, y } = n.at;
  const w = n.width;
  const h = n.height;
  const attrs = ` fill="${esc(n.fill)}" stroke="${esc(n.stroke)}" stroke-width="${n.strokeWidth}"${dash(n.borderStyle)}`;
  const rect = (r: string) => `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}"${r}${attrs}/>`;
  switch (n.shape) {
    case 'ellipse':
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"${attrs}/>`;
    case 'round-rectangle':
      return rect(` rx="${num(Math.min(w, h) / 4)}"`);
    case 'rectangle':
      return rect(' rx="0"');
    case 'hexagon':
      return `<polygon points="${polygon(x, y, w, h, 6, 0)}"${attrs}/>`;
    case 'round-octagon':
    case 'octagon':
      return `<polygon points="${polygon(x, y, w, h, 8, Math.PI / 8)}"${attrs}/>`;
    case 'diamond':
      return `<polygon points="${polygon(x, y, w, h, 4, 0)}"${attrs}/>`;
    default:
      return rect('');
  }
}

/** A node's name where the page puts it: right of it, above it, or below it. */
export function nodeLabel(n: SvgNode): string {
  const { x, y } = n.at;
  if (n.halign === 'right') return text(x + n.width / 2 + n.marginX, y, n.label, n.fontSize, n.color, 'bold', 'right');
  if (n.valign === 'top') return text(x, y - n.height / 2 - Math.abs(n.marginY), n.label, n.fontSize, n.color, 'bold', 'above');
  return text(x, y + n.height / 2 + Math.abs(n.marginY), n.label, n.fontSize, n.color, 'bold', 'below');
}

export function edgeLine(e: SvgEdge): string {
  const s = e.from;
  const t = e.to;
  const attrs = ` fill="none" stroke="${esc(e.stroke)}" stroke-width="${num(e.width)}"${dash(e.lineStyle)}`;
  const c = e.controlPoints.length === 1 ? e.controlPoints[0] : undefined;
  if (c) return `<path d="M${num(s.x)} ${num(s.y)} Q${num(c.x)} ${num(c.y)} ${num(t.x)} ${num(t.y)}"${attrs}/>`;
  return `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}"${attrs}/>`;
}

/** A cable-end label, `offset` along the cable from its end (at most half way). */
function endLabel(e: SvgEdge, which: 'source' | 'target'): string {
  const from = which === 'source' ? e.from : e.to;
  const to = which === 'source' ? e.to : e.from;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.sqrt(dx * dx + dy * dy) || 1;
  const off = Math.min(which === 'source' ? e.sourceOffset : e.targetOffset, len / 2);
  const label = which === 'source' ? e.sourceLabel : e.targetLabel;
  return text(from.x + (dx / len) * off, from.y + (dy / len) * off, label, e.fontSize, e.color, 'normal', 'center');
}

/** The scene as an SVG document: cables under nodes, cable labels over both. */
export function svgDocument(scene: SvgScene, title: string): string {
  const pad = 24;
  const x = num(scene.box.x1 - pad);
  const y = num(scene.box.y1 - pad);
  const w = num(scene.box.w + 2 * pad);
  const h = num(scene.box.h + 2 * pad);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}" height="${h}" font-family="DejaVu Sans, system-ui, sans-serif">`,
    `<title>${esc(title || 'nslab lab')}</title>`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff"/>`,
  ];
  for (const e of scene.edges) out.push(`<g class="edge" data-id="${esc(e.id)}">${edgeLine(e)}</g>`);
  for (const n of scene.nodes) out.push(`<g class="node" data-id="${esc(n.id)}">${nodeShape(n)}${nodeLabel(n)}</g>`);
  for (const e of scene.edges) {
    const mid = text(e.midpoint.x, e.midpoint.y, e.label, e.fontSize, e.color, 'bold', 'center');
    out.push(`<g class="edge-labels">${endLabel(e, 'source')}${endLabel(e, 'target')}${mid}</g>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

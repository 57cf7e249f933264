/* The picture as page/svg.ts draws it, read off cytoscape: positions and
   the styles cytoscape computed for each visible element. */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { SvgEdge, SvgNode, SvgScene } from '../svg.js';

// cytoscape types numericStyle() and style(name) as any; these say what we read.
const numeric = (e: NodeSingular | EdgeSingular, name: string): number => e.numericStyle(name) as number;
const styled = (e: NodeSingular | EdgeSingular, name: string): string => String(e.style(name) ?? '');

function svgNode(n: NodeSingular): SvgNode {
  return {
    id: n.id(),
    at: n.position(),
    width: n.width(),
    height: n.height(),
    shape: styled(n, 'shape'),
    fill: styled(n, 'background-color'),
    stroke: styled(n, 'border-color'),
    strokeWidth: numeric(n, 'border-width'),
    borderStyle: styled(n, 'border-style'),
    label: styled(n, 'label'),
    fontSize: numeric(n, 'font-size'),
    color: styled(n, 'color'),
    halign: styled(n, 'text-halign'),
    valign: styled(n, 'text-valign'),
    marginX: numeric(n, 'text-margin-x'),
    marginY: numeric(n, 'text-margin-y'),
  };
}

function svgEdge(e: EdgeSingular): SvgEdge {
  return {
    id: e.id(),
    from: e.sourceEndpoint(),
    to: e.targetEndpoint(),
    // undefined for a straight cable, whatever the types say
    controlPoints: e.controlPoints() ?? [],
    midpoint: e.midpoint(),
    stroke: styled(e, 'line-color'),
    width: numeric(e, 'width'),
    lineStyle: styled(e, 'line-style'),
    label: styled(e, 'label'),
    sourceLabel: styled(e, 'source-label'),
    targetLabel: styled(e, 'target-label'),
    sourceOffset: numeric(e, 'source-text-offset'),
    targetOffset: numeric(e, 'target-text-offset'),
    fontSize: numeric(e, 'font-size'),
    color: styled(e, 'color'),
  };
}

export function sceneOf(cy: Core): SvgScene {
  const box = cy.elements(':visible').boundingBox({ includeLabels: true });
  return {
    box: { x1: box.x1, y1: box.y1, w: box.w, h: box.h },
    nodes: cy.nodes(':visible').map(svgNode),
    edges: cy.edges(':visible').map(svgEdge),
  };
}

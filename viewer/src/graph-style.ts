/* Cytoscape stylesheet for nslab graphs: kind by shape and colour (Okabe–Ito
   colours, safe for colour-blind viewers), state by line style as well as colour,
   labels large enough for a projector. */
import type { StylesheetJson } from 'cytoscape';

const FONT = 'system-ui, "DejaVu Sans", sans-serif';

/** A data() mapper where cytoscape's types admit only a number (cytoscape itself maps any property). */
const dataNumber = (field: string): number => `data(${field})` as unknown as number;

export function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 24,
        'font-weight': 'bold',
        color: '#111',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 8,
        'text-outline-color': '#fff',
        'text-outline-width': 4,
        width: 58,
        height: 58,
        'background-color': '#888',
        'border-width': 3,
        'border-color': '#111',
        // Text too small to read is not drawn: a 1000-host lab zoomed out stays quick.
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'node.host', style: { shape: 'round-rectangle', 'background-color': '#0072b2', width: 64, height: 46 } },
    { selector: 'node.router', style: { shape: 'ellipse', 'background-color': '#d55e00' } },
    {
      // Hosts folded into one node: a stack of host boxes, its name and count on two lines.
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        'background-color': '#0072b2',
        width: 120,
        height: 56,
        'border-width': 6,
        'border-style': 'double',
        'text-wrap': 'wrap',
        'text-max-width': '360px',
      },
    },
    { selector: 'node.found', style: { 'underlay-color': '#ffbf00', 'underlay-padding': 18, 'underlay-opacity': 0.95, 'underlay-shape': 'ellipse' } },
    { selector: 'node.bridge', style: { shape: 'rectangle', 'background-color': '#009e73', width: 84, height: 36 } },
    { selector: 'node.nat', style: { shape: 'hexagon', 'background-color': '#cc79a7', width: 64 } },
    { selector: 'node.uplink', style: { shape: 'round-octagon', 'background-color': '#e69f00', width: 64 } },
    {
      // Addresses shown: the label is a small table under the node, on a white card
      // so cables passing behind it do not cross the text.
      selector: 'node.addresses',
      style: {
        'text-wrap': 'wrap',
        'text-justification': 'left',
        'font-size': 18,
        'line-height': 1.25,
        'text-background-color': '#fff',
        'text-background-opacity': 0.92,
        'text-background-padding': '4px',
        'text-border-color': '#111',
        'text-border-width': 1,
        'text-border-opacity': 1,
        'text-outline-width': 0,
      },
    },
    { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -8 } },
    {
      selector: 'node.label-right',
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 10, 'text-margin-y': 0 },
    },
    {
      selector: 'node.absent',
      style: { 'background-color': '#e2e2e2', 'border-style': 'dashed', 'border-color': '#555', color: '#444' },
    },
    {
      selector: 'node:selected',
      style: { 'underlay-color': '#0072b2', 'underlay-padding': 12, 'underlay-opacity': 0.35, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'node.kbd-focus',
      style: { 'underlay-color': '#ffbf00', 'underlay-padding': 14, 'underlay-opacity': 0.95, 'underlay-shape': 'ellipse' },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        width: 'data(width)',
        'line-color': '#222',
        'line-style': 'solid',
        label: 'data(midLabel)',
        'source-label': 'data(srcLabel)',
        'target-label': 'data(tgtLabel)',
        'source-text-offset': dataNumber('srcOff'),
        'target-text-offset': dataNumber('tgtOff'),
        'text-wrap': 'wrap',
        'font-family': FONT,
        'font-size': 17,
        color: '#111',
        'text-outline-color': '#fff',
        'text-outline-width': 3,
        'text-background-color': '#fff',
        'text-background-opacity': 0,
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'edge.busy',
      style: {
        'line-color': '#0050a0',
        'font-weight': 'bold',
        'text-background-opacity': 0.9,
        'text-background-padding': '3px',
      },
    },
    {
      selector: 'edge.down',
      style: {
        'line-color': '#d00000',
        'line-style': 'dashed',
        'line-dash-pattern': [12, 8],
        color: '#d00000',
        'font-weight': 'bold',
      },
    },
    { selector: 'edge.planned', style: { 'line-color': '#666', 'line-style': 'dotted', width: 4 } },
    { selector: 'edge.partial', style: { 'line-color': '#d00000', 'line-style': 'dashed', 'line-dash-pattern': [12, 8], color: '#d00000', 'font-weight': 'bold' } },
    { selector: 'edge.group', style: { width: 8 } },
    // An opened group's many cables into one switch: straight, thin, no end labels (cytoscape's fastest edges).
    { selector: 'edge.bulk', style: { 'curve-style': 'haystack', 'source-label': '', 'target-label': '', width: 2, 'line-color': '#9a9a9a' } },
    { selector: 'edge.bulk.down', style: { 'line-color': '#d00000', width: 4 } },
  ];
}

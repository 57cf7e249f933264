/* nslab graph page. Draws a lab (LabView from /api/events, or inlined in an
   exported file as window.NSLAB_DATA) with positions computed by the server,
   then follows /api/events. cytoscape is loaded before this bundle as its
   own script (the global `cytoscape`). */
import type { Core } from 'cytoscape';
import type { LabView } from '../../src/lab/inspect.js';
import type { Decorations } from '../../src/viewer/decorations.js';
import type { ExportData } from '../../src/viewer/export.js';
import type { Layout } from '../../src/viewer/layout.js';
import { pictureTitle } from './format.js';
import { graphStyle } from './graph-style.js';
import { cableCaptureChoices, nodeCaptureChoices } from './capture.js';
import { CapturePanel } from './page/capture.js';
import { Controls } from './page/controls.js';
import { Details } from './page/details.js';
import { byId, el } from './page/dom.js';
import { Graph } from './page/graph.js';
import { TerminalPanel } from './page/terminal.js';
import { connect, showStatus } from './page/live.js';
import { sceneOf } from './page/svg-scene.js';
import { initialState, type PageState } from './state.js';
import { svgDocument } from './svg.js';

/** What the page offers scripts (and the browser tests). */
export interface PageApi {
  readonly state: PageState;
  ready: boolean;
  svg(): string;
  png(): string;
  /** The open terminal's screen as text ('' when none is open). */
  terminalText(): string;
}

declare global {
  interface Window {
    /** Set by an exported file before this bundle runs. */
    NSLAB_DATA?: ExportData;
    cy: Core;
    nslab: PageApi;
  }
}

const exported = window.NSLAB_DATA;
const state = initialState();
const cy = cytoscape({
  container: byId('graph'),
  style: graphStyle(),
  layout: { name: 'preset' },
  minZoom: 0.15,
  maxZoom: 5,
  boxSelectionEnabled: false,
  selectionType: 'single',
});
const svg = (): string => svgDocument(sceneOf(cy), pictureTitle(state.view));
window.cy = cy;
let terminal: TerminalPanel | undefined;
window.nslab = { state, ready: false, svg, png: () => cy.png({ full: true, scale: 2, bg: '#ffffff' }), terminalText: () => terminal?.text() ?? '' };

const graph = new Graph(cy, state);
const details = new Details(cy, state);
const controls = new Controls(graph, details, state, svg);
const status = (): void => showStatus(state, exported?.exportedAt);

/** A node's panel offers a terminal, and captures (a few interfaces one by one; a LAN, or many interfaces, through the drawer's list). */
function nodeActions(capture: CapturePanel, term: TerminalPanel, name: string): HTMLElement[] {
  const view = state.view;
  if (!view?.live) return [];
  const shell = el('button', { type: 'button', 'data-terminal': name, text: 'Terminal' });
  shell.addEventListener('click', () => void term.open(name));
  const choices = nodeCaptureChoices(view, name);
  const shown = choices.length > 6 ? choices.filter((c) => !c.target.startsWith(`${name}:`) || c.target === `${name}:any`) : choices;
  const buttons = shown.map((c) => {
    const b = el('button', { type: 'button', 'data-capture': c.target, text: `Capture ${c.label}` });
    b.addEventListener('click', () => capture.open(choices, c.target));
    return b;
  });
  if (shown.length < choices.length) {
    const more = el('button', { type: 'button', text: 'Capture one interface…' });
    more.addEventListener('click', () => capture.open(choices));
    buttons.push(more);
  }
  return [shell, ...buttons];
}

function draw(view: LabView, layout: Layout, decor: Decorations | undefined): void {
  graph.build(view, layout, decor);
  byId('title').textContent = `lab ${view.lab}`;
  document.title = `${view.lab} — nslab graph`;
  controls.buildNodeList();
  status();
  details.refresh();
}

function ready(): void {
  window.nslab.ready = true;
  document.body.dataset.ready = 'true';
}

if (exported) {
  state.rates = exported.rates ?? {};
  draw(exported.view, exported.layout, exported.decor);
  ready();
} else {
  const capture = new CapturePanel();
  const term = new TerminalPanel();
  terminal = term;
  details.actions = (name) => nodeActions(capture, term, name);
  // A cable offers a capture at either end.
  cy.on('tap', 'edge', (e) => {
    const view = state.view;
    const link = view?.links.find((l) => l.id === e.target.id());
    if (view?.live && link) capture.open(cableCaptureChoices(view, link));
  });
  // The printed URL's token is now a cookie (set with this page): keep it out of the address bar and history.
  if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash);
  connect(state, {
    lab: (d) => {
      draw(d.view, d.layout, d.decor);
      ready();
    },
    node: (d) => {
      graph.updateNode(d.node);
      if (state.openNode === d.node.name) details.renderPanel(d.node.name);
    },
    rates: () => graph.refreshEdges(),
    connection: status,
  });
}

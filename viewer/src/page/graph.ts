/* The graph on screen: cytoscape elements made from the page state, kept in
   step with it, and the label placement that needs drawn positions. */
import type { Core, NodeSingular } from 'cytoscape';
import type { LabView, NodeView } from '../../../src/lab/inspect.js';
import type { Decorations } from '../../../src/viewer/decorations.js';
import type { Layout } from '../../../src/viewer/layout.js';
import { edgeClasses, edgeData, graphElements, nodeClasses, nodeLabel, placedAt } from '../elements.js';
import { labelSide, staggerEndOffsets, type CableEnd } from '../placement.js';
import { findNode, type PageState } from '../state.js';

/** Classes a node keeps when its own classes are set again (focus and label side). */
const KEPT_CLASSES = ['kbd-focus', 'label-top', 'label-right'];

export class Graph {
  private endOffsets: Record<string, number> = {};

  constructor(
    readonly cy: Core,
    private readonly state: PageState,
  ) {
    cy.on('dragfree', 'node', () => {
      this.placeLabels();
      this.computeEndOffsets();
      this.refreshEdges();
    });
  }

  /** Draw a lab afresh; the viewport stays where it was when the layout did not change. */
  build(view: LabView, layout: Layout, decor: Decorations | undefined): void {
    const sameLayout = this.state.layout !== null && JSON.stringify(this.state.layout) === JSON.stringify(layout);
    this.state.decor = decor ?? {};
    this.state.view = view;
    this.state.layout = layout;
    const els = graphElements({ ...this.state, view, layout });
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    this.placeLabels();
    this.computeEndOffsets();
    this.refreshEdges();
    if (sameLayout) this.cy.viewport({ zoom, pan });
    else this.fit();
  }

  fit(): void {
    this.cy.fit(this.cy.elements(), 40);
  }

  /** Data and classes of every cable from the state (rates, up/down, end offsets). */
  refreshEdges(): void {
    const view = this.state.view;
    if (!view) return;
    const inputs = { live: view.live, rates: this.state.rates, showRates: this.state.showRates, offsets: this.endOffsets };
    this.cy.batch(() => {
      for (const l of view.links) {
        const e = this.cy.getElementById(l.id);
        if (e.empty()) continue;
        e.data(edgeData(l, inputs));
        e.classes(edgeClasses(l, view.live, this.state.rates));
      }
    });
  }

  /** One node changed (the state already holds it): its label, classes and cables again. */
  updateNode(node: NodeView): void {
    const view = this.state.view;
    if (!view) return;
    const n = this.cy.getElementById(node.name);
    n.data('label', nodeLabel(node, view.live, this.state.showAddresses));
    const keep = KEPT_CLASSES.filter((c) => n.hasClass(c));
    n.classes([nodeClasses(node, view.live, this.state.decor), ...keep].join(' ') + (this.state.showAddresses ? ' addresses' : ''));
    this.refreshEdges();
  }

  /** Positions and labels for the addresses setting, then labels out of the cables' way. */
  placeNodes(): void {
    const { view, layout, showAddresses } = this.state;
    if (!view || !layout) return;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.position(placedAt(layout, n.id(), showAddresses));
        const v = findNode(view, n.id());
        if (v) n.data('label', nodeLabel(v, view.live, showAddresses));
        n.toggleClass('addresses', showAddresses);
      });
    });
    this.placeLabels();
  }

  /** Each node's name above, right of or below it, by where its neighbours are. */
  placeLabels(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const y = n.position('y');
        const side = labelSide(n.neighborhood('node').map((m) => (m as NodeSingular).position('y') - y));
        n.toggleClass('label-top', side === 'top');
        n.toggleClass('label-right', side === 'right');
      });
    });
  }

  /** Cable-end label distances from the drawn cables (see staggerEndOffsets). */
  computeEndOffsets(): void {
    const offsets: Record<string, number> = {};
    this.cy.nodes().forEach((n) => {
      const p = n.position();
      const ends: CableEnd[] = n.connectedEdges().map((e) => {
        const isSource = e.source().id() === n.id();
        const q = (isSource ? e.target() : e.source()).position();
        const s0 = e.sourceEndpoint();
        const t0 = e.targetEndpoint();
        // Offsets count from where the cable leaves the node's border.
        return { key: `${e.id()}|${isSource ? 's' : 't'}`, angle: Math.atan2(q.y - p.y, q.x - p.x), length: Math.hypot(t0.x - s0.x, t0.y - s0.y) };
      });
      Object.assign(offsets, staggerEndOffsets(ends));
    });
    this.endOffsets = offsets;
  }
}

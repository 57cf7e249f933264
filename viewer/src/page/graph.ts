/* The graph on screen: cytoscape elements made from the page state, kept in
   step with it, and the label placement that needs drawn positions. */
import type { Core, NodeSingular } from 'cytoscape';
import type { LabView, NodeView } from '../../../src/lab/inspect.js';
import type { Decorations } from '../../../src/viewer/decorations.js';
import type { Layout } from '../../../src/viewer/layout.js';
import { edgeClasses, edgeData, graphElements, nodeClasses, nodeLabel, placedAt } from '../elements.js';
import { groupEdge, groupElements, groupLabel, groupOfNode, groupsOf, hiddenNodes } from '../groups.js';
import { labelSide, staggerEndOffsets, type CableEnd } from '../placement.js';
import { findNode, type PageState } from '../state.js';

function groupsElements(state: PageState): ReturnType<typeof groupElements> {
  return state.view && state.layout ? groupElements(state.view, state.layout, state.openGroups, state.rates, state.showRates) : [];
}

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
    if (!sameLayout) this.state.openGroups.clear();
    const pan = this.cy.pan();
    const zoom = this.cy.zoom();
    this.draw();
    if (sameLayout) this.cy.viewport({ zoom, pan });
    else this.fit();
  }

  /** Every element again from the state: nodes of folded groups hidden, their groups drawn instead. */
  private draw(): void {
    const { view, layout } = this.state;
    if (!view || !layout) return;
    const hidden = hiddenNodes(layout, this.state.openGroups);
    const bulk = new Set(groupsOf(layout).filter((g) => this.state.openGroups.has(g.id)).flatMap((g) => g.members));
    const els = [...graphElements({ ...this.state, view, layout, hidden, bulk }), ...groupsElements(this.state)];
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(els);
    });
    this.placeLabels();
    this.computeEndOffsets();
    this.refreshEdges();
  }

  /** Open a folded group: its hosts are drawn in a grid under it, and the view fits them and their parent. */
  openGroup(id: string): void {
    const g = groupsOf(this.state.layout).find((x) => x.id === id);
    if (!g || this.state.openGroups.has(id)) return;
    this.state.openGroups.add(id);
    this.draw();
    const shown = new Set([...g.members, g.parent]);
    this.cy.fit(this.cy.nodes().filter((n) => shown.has(n.id())), 40);
  }

  /** Fold every opened group again. */
  foldGroups(): void {
    if (this.state.openGroups.size === 0) return;
    this.state.openGroups.clear();
    this.draw();
    this.fit();
  }

  /**
   * Bring a node into view: its group opened if it is folded, then centred
   * at a zoom where its box and name are readable, and marked.
   */
  reveal(name: string): boolean {
    const group = groupOfNode(this.state.layout, name);
    if (group && !this.state.openGroups.has(group.id)) this.openGroup(group.id);
    const n = this.cy.getElementById(name);
    if (n.empty()) return false;
    this.cy.nodes('.found').removeClass('found');
    n.addClass('found');
    // The box itself at the centre (cy.center would centre the box and its label together).
    const zoom = Math.max(this.cy.zoom(), 1);
    const p = n.position();
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - p.x * zoom, y: this.cy.height() / 2 - p.y * zoom } });
    return true;
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
        e.classes(edgeClasses(l, view.live, this.state.rates) + (e.hasClass('bulk') ? ' bulk' : ''));
      }
      for (const g of groupsOf(this.state.layout)) {
        const n = this.cy.getElementById(g.id);
        if (n.empty()) continue;
        n.data('label', groupLabel(view, g, this.state.rates));
        const e = groupEdge(view, g, this.state.rates, this.state.showRates);
        this.cy.getElementById(e.data.id).data(e.data).classes(e.classes);
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
      // Cables of an opened group carry no end labels.
      const ends: CableEnd[] = n.connectedEdges(':not(.bulk)').map((e) => {
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

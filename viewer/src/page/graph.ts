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

/** Hosts added to the graph per frame when a group opens. */
const OPEN_CHUNK = 200;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function groupsElements(state: PageState): ReturnType<typeof groupElements> {
  return state.view && state.layout ? groupElements(state.view, state.layout, state.openGroups, state.rates, state.showRates) : [];
}

/** Classes a node keeps when its own classes are set again (focus and label side). */
const KEPT_CLASSES = ['kbd-focus', 'label-top', 'label-right'];

export class Graph {
  private endOffsets: Record<string, number> = {};
  /** What each drawn cable was last given (see refreshEdges). */
  private readonly drawnEdges = new Map<string, string>();

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
    this.drawnEdges.clear();
    this.placeLabels();
    this.computeEndOffsets();
    this.refreshEdges();
  }

  /**
   * Open a folded group: its hosts are drawn in a grid under it, a few
   * hundred per frame so no task blocks the page for long, then the view
   * fits them and their parent (unless `fit` is false: a search centres
   * one host instead).
   */
  async openGroup(id: string, fit = true): Promise<void> {
    const { view, layout } = this.state;
    const g = groupsOf(layout).find((x) => x.id === id);
    if (!view || !layout || !g || this.state.openGroups.has(id)) return;
    this.state.openGroups.add(id);
    this.cy.batch(() => this.cy.getElementById(id).remove());
    const members = g.members;
    for (let at = 0; at < members.length; at += OPEN_CHUNK) {
      const chunk = new Set(members.slice(at, at + OPEN_CHUNK));
      const others = new Set(view.nodes.map((n) => n.name).filter((n) => !chunk.has(n) && n !== g.parent));
      const els = graphElements({ ...this.state, view, layout, hidden: others, bulk: chunk }).filter((e) => e.data.id !== g.parent);
      this.cy.batch(() => this.cy.add(els));
      if (at + OPEN_CHUNK < members.length) await nextFrame();
    }
    this.placeLabels();
    this.computeEndOffsets();
    this.refreshEdges();
    if (!fit) return;
    const shown = new Set([...members, g.parent]);
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
  async reveal(name: string): Promise<boolean> {
    const { view, layout } = this.state;
    if (!view || !layout || !view.nodes.some((n) => n.name === name)) return false;
    // The box itself at the centre (cy.center would centre the box and its label together); set
    // before a group opens, so its frames draw only the hosts in view.
    const zoom = Math.max(this.cy.zoom(), 1);
    const p = placedAt(layout, name, this.state.showAddresses);
    this.cy.viewport({ zoom, pan: { x: this.cy.width() / 2 - p.x * zoom, y: this.cy.height() / 2 - p.y * zoom } });
    const group = groupOfNode(layout, name);
    if (group && !this.state.openGroups.has(group.id)) await this.openGroup(group.id, false);
    const n = this.cy.getElementById(name);
    if (n.empty()) return false;
    this.cy.nodes('.found').removeClass('found');
    n.addClass('found');
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
        const data = edgeData(l, inputs);
        const classes = edgeClasses(l, view.live, this.state.rates) + (e.hasClass('bulk') ? ' bulk' : '');
        // Setting data or classes restyles the edge: only those that changed (a thousand cables, each rates tick).
        const key = `${classes}|${data.srcOff}|${data.tgtOff}|${data.midLabel}|${data.width}|${data.bps}`;
        if (this.drawnEdges.get(l.id) === key && e.data('bps') === data.bps) continue;
        this.drawnEdges.set(l.id, key);
        e.data(data);
        e.classes(classes);
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

  /** Cable-end label distances from the drawn cables (see staggerEndOffsets); an opened group's cables carry no end labels. */
  computeEndOffsets(): void {
    const ends = new Map<string, CableEnd[]>();
    const add = (node: string, end: CableEnd): void => {
      const list = ends.get(node);
      if (list) list.push(end);
      else ends.set(node, [end]);
    };
    this.cy.edges(':not(.bulk)').forEach((e) => {
      const s = e.source().position();
      const t = e.target().position();
      const s0 = e.sourceEndpoint();
      const t0 = e.targetEndpoint();
      // Offsets count from where the cable leaves the node's border.
      const length = Math.hypot(t0.x - s0.x, t0.y - s0.y);
      add(e.source().id(), { key: `${e.id()}|s`, angle: Math.atan2(t.y - s.y, t.x - s.x), length });
      add(e.target().id(), { key: `${e.id()}|t`, angle: Math.atan2(s.y - t.y, s.x - t.x), length });
    });
    const offsets: Record<string, number> = {};
    for (const list of ends.values()) Object.assign(offsets, staggerEndOffsets(list));
    this.endOffsets = offsets;
  }

}

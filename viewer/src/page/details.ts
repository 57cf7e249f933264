/* The tooltip over a node or cable (mouse, or keyboard focus in the node
   list) and the panel that opens on a node, drawn from ../details.ts. */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { linkTip, nodeTip, panelContent, type Cell, type PanelBlock } from '../details.js';
import type { PageState } from '../state.js';
import { byId, el } from './dom.js';

function cell(c: Cell): HTMLTableCellElement {
  return typeof c === 'string' ? el('td', { text: c, className: 'mono' }) : el('td', {}, [el('span', { className: c.className, text: c.text })]);
}

function blockElement(b: PanelBlock): HTMLElement {
  switch (b.kind) {
    case 'heading':
      return el('h3', { text: b.text });
    case 'pairs':
      return el('dl', {}, b.pairs.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { className: 'mono', text: v })]));
    case 'table': {
      const head = el('thead', {}, [el('tr', {}, b.head.map((h) => el('th', { scope: 'col', text: h })))]);
      return el('table', {}, [head, el('tbody', {}, b.rows.map((r) => el('tr', {}, r.map(cell))))]);
    }
    case 'mono':
      return el('p', { className: 'mono', text: b.text });
    case 'none':
      return el('p', { className: 'none', text: b.text });
    case 'labelled':
      return el('p', {}, [el('b', { text: b.label }), el('span', { className: 'mono', text: b.text })]);
  }
}

export class Details {
  /** What had the focus when the panel opened; it gets it back on close. */
  private openedFrom: HTMLElement | null = null;
  /** Buttons under a node's details (capture, terminal), made by main.ts. */
  actions: ((name: string) => readonly HTMLElement[]) | undefined;

  constructor(
    private readonly cy: Core,
    private readonly state: PageState,
  ) {
    byId('panel-close').addEventListener('click', () => this.closePanel());
    // A folded group opens instead (see Graph.openGroup).
    cy.on('tap', 'node[kind != "group"]', (e) => this.openPanel((e.target as NodeSingular).id(), null));
    cy.on('tap', (e) => {
      if (e.target === cy) this.closePanel();
    });
    cy.on('mouseover', 'node, edge', (e) => this.showTip(e.target as NodeSingular | EdgeSingular));
    cy.on('mouseout', 'node, edge', () => this.hideTip());
    cy.on('pan zoom', () => this.hideTip());
  }

  showTip(ele: NodeSingular | EdgeSingular): void {
    const view = this.state.view;
    const lines = !view ? [] : ele.isNode() ? nodeTip(view, ele.id()) : linkTip(view, this.state.rates, ele.id());
    if (!lines.length) return this.hideTip();
    const tip = byId('tip');
    tip.textContent = '';
    lines.forEach((line, k) => {
      if (k) tip.appendChild(document.createElement('br'));
      tip.appendChild(line.bold ? el('b', { text: line.text }) : document.createTextNode(line.text));
    });
    const p = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
    const box = byId('main').getBoundingClientRect();
    tip.hidden = false;
    const x = Math.min(Math.max(8, p.x + 24), box.width - tip.offsetWidth - 8);
    const y = p.y + 30 + tip.offsetHeight > box.height ? p.y - tip.offsetHeight - 30 : p.y + 30;
    tip.style.left = `${x}px`;
    tip.style.top = `${Math.max(8, y)}px`;
  }

  hideTip(): void {
    byId('tip').hidden = true;
  }

  /** Fill the panel with a node's details, keeping where it was scrolled to. */
  renderPanel(name: string): void {
    const panel = this.state.view && panelContent(this.state.view, this.state.decor, name);
    if (!panel) return;
    const scroll = byId('panel').scrollTop;
    byId('panel-title').textContent = panel.title;
    const actions = this.actions?.(name) ?? [];
    byId('panel-body').replaceChildren(...(actions.length ? [el('div', { className: 'actions' }, actions)] : []), ...panel.blocks.map(blockElement));
    byId('panel').scrollTop = scroll;
  }

  openPanel(name: string, from: HTMLElement | null): void {
    this.state.openNode = name;
    this.openedFrom = from;
    this.cy.nodes().unselect();
    this.cy.getElementById(name).select();
    this.renderPanel(name);
    const panel = byId('panel');
    panel.hidden = false;
    panel.focus();
    // Keep the node in sight, left of the panel.
    const free = this.cy.width() - panel.offsetWidth;
    const at = this.cy.getElementById(name).renderedPosition();
    if (at.x > free - 80) this.cy.panBy({ x: free / 2 - at.x, y: 0 });
  }

  closePanel(): void {
    const panel = byId('panel');
    if (panel.hidden) return;
    panel.hidden = true;
    this.cy.nodes().unselect();
    const back = this.openedFrom;
    this.state.openNode = null;
    this.openedFrom = null;
    if (back && document.body.contains(back)) back.focus();
  }

  /** After a redraw: the open panel follows its node, or closes when the node is gone. */
  refresh(): void {
    const open = this.state.openNode;
    if (!open) return;
    if (this.state.view?.nodes.some((n) => n.name === open)) this.renderPanel(open);
    else this.closePanel();
  }
}

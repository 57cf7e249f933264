/* The controls: the toolbar, the keyboard, and the list of node buttons
   that gives the graph a Tab order. */
import { downloadName } from '../format.js';
import { keyAction, type KeyAction } from '../keys.js';
import { tabOrder } from '../placement.js';
import { findByName, groupsOf, hiddenNodes } from '../groups.js';
import { findNode, type PageState } from '../state.js';
import type { Details } from './details.js';
import { byId, el } from './dom.js';
import type { Graph } from './graph.js';

export class Controls {
  constructor(
    private readonly graph: Graph,
    private readonly details: Details,
    private readonly state: PageState,
    /** The picture as SVG text (window.nslab.svg). */
    svg: () => string,
  ) {
    const cy = graph.cy;
    byId('btn-fit').addEventListener('click', () => graph.fit());
    byId('btn-fold').addEventListener('click', () => {
      graph.foldGroups();
      this.buildNodeList();
    });
    cy.on('tap', 'node.group', (e) => void this.openGroup(e.target.id() as string));
    byId('search').addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      void this.search((e.target as HTMLInputElement).value);
    });
    byId('btn-addr').addEventListener('click', () => this.toggleAddresses());
    byId('btn-rates').addEventListener('click', () => this.toggleRates());
    byId('btn-png').addEventListener('click', () => {
      download(downloadName(state.view, 'png'), cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
    });
    byId('btn-svg').addEventListener('click', () => {
      download(downloadName(state.view, 'svg'), new Blob([svg()], { type: 'image/svg+xml' }));
    });
    document.addEventListener('keydown', (e) => {
      const action = keyAction(e, isTyping(e.target));
      if (!action) return;
      this.run(action);
      e.preventDefault();
    });
  }

  /** Open a folded group, and give the keyboard its hosts. */
  async openGroup(id: string): Promise<void> {
    await this.graph.openGroup(id);
    this.buildNodeList();
  }

  /** Find a node by name (the search box): centre it, opening its group if folded; say so when there is none. */
  async search(text: string): Promise<void> {
    const view = this.state.view;
    if (!view || !text.trim()) return;
    const found = findByName(view.nodes.map((n) => n.name), text);
    const box = byId<HTMLInputElement>('search');
    if (!found || !(await this.graph.reveal(found))) {
      box.setCustomValidity(`no node named ${text.trim()}`);
      box.reportValidity();
      return;
    }
    box.setCustomValidity('');
    box.value = found;
    this.buildNodeList();
  }

  /** One button per drawn node (and folded group), in the picture's order; the focused one keeps the focus. */
  buildNodeList(): void {
    const { view, layout } = this.state;
    if (!view || !layout) return;
    const cy = this.graph.cy;
    const ul = byId('node-list');
    const active = document.activeElement;
    const focused = active instanceof HTMLElement ? active.dataset.node : undefined;
    ul.textContent = '';
    const hidden = hiddenNodes(layout, this.state.openGroups);
    const folded = groupsOf(layout).filter((g) => !this.state.openGroups.has(g.id));
    const names = [...view.nodes.map((n) => n.name).filter((n) => !hidden.has(n)), ...folded.map((g) => g.id)];
    byId('btn-fold').hidden = this.state.openGroups.size === 0;
    const datalist = byId('node-names');
    datalist.replaceChildren(...view.nodes.map((n) => el('option', { value: n.name })));
    for (const name of tabOrder(names, layout)) {
      const group = folded.find((g) => g.id === name);
      if (group) {
        const b = el('button', { type: 'button', 'data-node': name, text: `${group.parent} · ${group.members.length} hosts (group), open` });
        b.addEventListener('focus', () => cy.getElementById(name).addClass('kbd-focus'));
        b.addEventListener('blur', () => cy.getElementById(name).removeClass('kbd-focus'));
        b.addEventListener('click', () => void this.openGroup(name));
        ul.appendChild(el('li', {}, [b]));
        continue;
      }
      const kind = findNode(view, name)?.kind;
      const b = el('button', { type: 'button', 'data-node': name, text: `${name} (${kind}), open details` });
      b.addEventListener('focus', () => {
        cy.getElementById(name).addClass('kbd-focus');
        this.details.showTip(cy.getElementById(name));
      });
      b.addEventListener('blur', () => {
        cy.getElementById(name).removeClass('kbd-focus');
        this.details.hideTip();
      });
      b.addEventListener('click', () => this.details.openPanel(name, b));
      ul.appendChild(el('li', {}, [b]));
    }
    if (focused) ul.querySelector<HTMLElement>(`button[data-node="${CSS.escape(focused)}"]`)?.focus();
  }

  private run(action: KeyAction): void {
    const cy = this.graph.cy;
    switch (action.do) {
      case 'close':
        this.details.hideTip();
        this.details.closePanel();
        return;
      case 'fit':
        return this.graph.fit();
      case 'addresses':
        return this.toggleAddresses();
      case 'rates':
        return this.toggleRates();
      case 'zoom':
        cy.zoom({ level: cy.zoom() * action.factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        return;
      case 'pan':
        cy.panBy({ x: action.x, y: action.y });
        return;
    }
  }

  private toggleAddresses(): void {
    this.state.showAddresses = !this.state.showAddresses;
    setPressed('btn-addr', this.state.showAddresses);
    this.graph.placeNodes();
    // Cables moved: their ends' labels are measured again.
    this.graph.refreshEdges();
    this.graph.computeEndOffsets();
    this.graph.refreshEdges();
    this.graph.fit();
  }

  private toggleRates(): void {
    this.state.showRates = !this.state.showRates;
    setPressed('btn-rates', this.state.showRates);
    this.graph.refreshEdges();
  }
}

function setPressed(id: string, on: boolean): void {
  byId(id).setAttribute('aria-pressed', on ? 'true' : 'false');
}

/** Keys typed into a field are the field's. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
}

function download(name: string, blob: Blob): void {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

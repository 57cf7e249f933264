import type { LabView, NodeView } from '../../src/lab/inspect.js';
import type { Decorations } from '../../src/viewer/decorations.js';
import type { Layout } from '../../src/viewer/layout.js';
import type { LinkRateView } from '../../src/viewer/watch.js';

/** What the page knows and shows; tests read it as window.nslab.state. */
export interface PageState {
  view: LabView | null;
  layout: Layout | null;
  decor: Decorations;
  rates: Readonly<Record<string, LinkRateView>>;
  showAddresses: boolean;
  showRates: boolean;
  /** The node whose panel is open. */
  openNode: string | null;
  connected: boolean;
  /** Events received over /api/events. */
  events: number;
  /** Host groups (layout.groups) the user opened; the rest are drawn folded. */
  openGroups: Set<string>;
}

export function initialState(): PageState {
  return {
    view: null,
    layout: null,
    decor: {},
    rates: {},
    showAddresses: false,
    showRates: true,
    openNode: null,
    connected: false,
    events: 0,
    openGroups: new Set(),
  };
}

export function findNode(view: LabView | null, name: string): NodeView | undefined {
  return view?.nodes.find((n) => n.name === name);
}

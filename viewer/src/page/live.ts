/* The live side: the status badge and banner, and /api/events. */
import { parseEvent, withNode, type EventData } from '../events.js';
import type { PageState } from '../state.js';
import { pageStatus } from '../status.js';
import { byId } from './dom.js';

/** Show the badge and banner for the state (exportedAt: set on an exported page). */
export function showStatus(state: PageState, exportedAt: string | undefined): void {
  const s = pageStatus({ view: state.view, connected: state.connected, exportedAt });
  const badge = byId('badge');
  const banner = byId('banner');
  if (s.badge) {
    badge.className = s.badge.className;
    badge.textContent = s.badge.text;
  }
  banner.hidden = !s.banner;
  banner.className = s.banner?.className ?? '';
  if (s.banner) banner.textContent = s.banner.text;
}

export interface LiveHandlers {
  /** A whole lab to draw (the first event, and whenever the lab is rebuilt). */
  readonly lab: (d: EventData['lab']) => void;
  /** One node changed; the state already holds it. */
  readonly node: (d: EventData['node']) => void;
  /** New rates; the state already holds them. */
  readonly rates: () => void;
  /** The connection opened or broke. */
  readonly connection: () => void;
}

/** Follow /api/events (EventSource reconnects by itself after the server's `retry`). */
export function connect(state: PageState, on: LiveHandlers): EventSource {
  const es = new EventSource('api/events');
  es.addEventListener('open', () => {
    state.connected = true;
    on.connection();
  });
  es.addEventListener('error', () => {
    state.connected = false;
    on.connection();
  });
  es.addEventListener('lab', (e) => {
    const d = parseEvent('lab', e.data);
    state.connected = true;
    state.rates = d.rates ?? {};
    on.lab(d);
    state.events++;
  });
  es.addEventListener('node', (e) => {
    const d = parseEvent('node', e.data);
    const view = state.view && withNode(state.view, d);
    if (view) {
      state.view = view;
      on.node(d);
    }
    state.events++;
  });
  es.addEventListener('rates', (e) => {
    state.rates = parseEvent('rates', e.data).links;
    on.rates();
    state.events++;
  });
  return es;
}

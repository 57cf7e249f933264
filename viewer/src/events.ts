/* The lab as /api/events changes it: `lab` (everything), `node` (one node
   and its cables), `rates` (bits per second per cable). */
import type { LabView } from '../../src/lab/inspect.js';
import type { EventData } from '../../src/viewer/server.js';

export type { EventData };
export type EventName = keyof EventData;

/** An event's data as the server wrote it (JSON of EventData[name]). */
export function parseEvent<N extends EventName>(_name: N, text: string): EventData[N] {
  return JSON.parse(text) as EventData[N];
}

/**
 * The view after a `node` event: that node and the cables it names
 * replaced, the rest kept. Undefined when the view has no such node (an
 * event from before the last `lab` redrew everything).
 */
export function withNode(view: LabView, e: EventData['node']): LabView | undefined {
  if (!view.nodes.some((n) => n.name === e.node.name)) return undefined;
  const links = new Map(e.links.map((l) => [l.id, l]));
  return {
    ...view,
    nodes: view.nodes.map((n) => (n.name === e.node.name ? e.node : n)),
    links: view.links.map((l) => links.get(l.id) ?? l),
  };
}

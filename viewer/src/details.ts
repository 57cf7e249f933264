/* What the tooltip and the node panel say, as data: the page turns it into
   elements (page/details.ts). */
import type { InterfaceView, LabView, NodeView } from '../../src/lab/inspect.js';
import type { Decorations } from '../../src/viewer/decorations.js';
import { drawnKind, type Rates } from './elements.js';
import { formatRate, interfaceState } from './format.js';
import { findNode } from './state.js';

/** One line of a tooltip; the first, bold, names what it is about. */
export interface TipLine {
  readonly bold: boolean;
  readonly text: string;
}

function findInterface(view: LabView, node: string, name: string): InterfaceView | undefined {
  return findNode(view, node)?.interfaces.find((i) => i.name === name);
}

/** A node's name and kind, then one line per interface: state and addresses. */
export function nodeTip(view: LabView, name: string): TipLine[] {
  const n = findNode(view, name);
  if (!n) return [];
  return [
    { bold: true, text: `${n.name} · ${n.kind}` },
    ...n.interfaces.map((i) => ({ bold: false, text: `${i.name} ${interfaceState(i)}${i.addresses.length ? ` · ${i.addresses.join(', ')}` : ''}` })),
  ];
}

/** A cable's two ends (and state, live), the ends' addresses, and its rate each way. */
export function linkTip(view: LabView, rates: Rates, id: string): TipLine[] {
  const l = view.links.find((x) => x.id === id);
  if (!l) return [];
  const state = view.live ? (l.up ? ' · up' : ' · DOWN') : '';
  const out: TipLine[] = [{ bold: true, text: `${l.a.node}:${l.a.interface} — ${l.b.node}:${l.b.interface}${state}` }];
  for (const end of [l.a, l.b]) {
    const i = findInterface(view, end.node, end.interface);
    if (i?.addresses.length) out.push({ bold: false, text: `${end.node}:${end.interface} ${i.addresses.join(', ')}` });
  }
  const r = rates[l.id];
  if (r) out.push({ bold: false, text: `${l.a.node} → ${l.b.node} ${formatRate(r.ab)} · ${l.b.node} → ${l.a.node} ${formatRate(r.ba)}` });
  return out;
}

/** A table cell: monospaced text, or a word with a class of its own (an interface's state). */
export type Cell = string | { readonly text: string; readonly className: string };

/** The panel's parts, top to bottom. `pairs` is a definition list with monospaced values. */
export type PanelBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] }
  | { readonly kind: 'table'; readonly head: readonly string[]; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: 'mono'; readonly text: string }
  | { readonly kind: 'none'; readonly text: string }
  | { readonly kind: 'labelled'; readonly label: string; readonly text: string };

export interface Panel {
  readonly title: string;
  readonly blocks: readonly PanelBlock[];
}

const none = (text: string): PanelBlock => ({ kind: 'none', text });

/** A value missing from the view prints as a dash. */
function cellText(v: string | number | undefined): string {
  return v === undefined ? '—' : String(v);
}

/** Fields nslab may add to a node later, shown as the JSON has them. */
export function extraSection(label: string, v: unknown): PanelBlock[] {
  const head: PanelBlock = { kind: 'heading', text: label };
  if (v === undefined || v === null) return [head, none('not reported for this lab')];
  if (Array.isArray(v)) return [head, v.length ? { kind: 'mono', text: v.join(', ') } : none('none')];
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    if (!entries.length) return [head, none('none')];
    return [head, { kind: 'pairs', pairs: entries.map(([k, x]) => [k, typeof x === 'object' ? JSON.stringify(x) : String(x)] as const) }];
  }
  return [head, { kind: 'mono', text: String(v) }];
}

function interfaceRows(n: NodeView, live: boolean): Cell[][] {
  return n.interfaces.map((i) => {
    const st = live ? interfaceState(i) : 'planned';
    const className = st === 'up' ? 'state-up' : st === 'planned' ? '' : 'state-down';
    const state: Cell = { className, text: st + (live ? ` (${i.operstate})` : '') };
    return [i.name, state, cellText(i.mac), cellText(i.mtu), i.addresses.length ? i.addresses.join('\n') : '—', cellText(i.master)];
  });
}

/** The panel of one node: namespace, interfaces, routes, NAT, uplink, limits, capabilities, processes. */
export function panelContent(view: LabView, decor: Decorations, name: string): Panel | undefined {
  const n = findNode(view, name);
  if (!n) return undefined;
  const d = decor[n.name] ?? {};
  const kind = drawnKind(n, decor);
  const blocks: PanelBlock[] = [
    { kind: 'pairs', pairs: [['namespace', n.netns], ['present', view.live ? (n.present ? 'yes' : 'no (namespace missing)') : 'not deployed']] },
    { kind: 'heading', text: 'Interfaces' },
    n.interfaces.length ? { kind: 'table', head: ['Name', 'State', 'MAC', 'MTU', 'Addresses', 'Bridge'], rows: interfaceRows(n, view.live) } : none('no interfaces'),
    { kind: 'heading', text: 'Routes' },
    n.routes.length
      ? { kind: 'table', head: ['Destination', 'Via', 'Dev', 'Metric', 'Proto'], rows: n.routes.map((r) => [r.dst, cellText(r.via), cellText(r.dev), cellText(r.metric), r.proto]) }
      : none('no routes'),
  ];
  if (d.nat) {
    const masquerade = d.nat.masqueradeOut ? [['masquerade', `out of ${d.nat.masqueradeOut}`] as const] : [];
    blocks.push({ kind: 'heading', text: 'NAT' }, { kind: 'pairs', pairs: [...masquerade, ...d.nat.ports.map((p) => ['port forward', p] as const)] });
  }
  if (d.uplink) {
    const u = d.uplink;
    blocks.push(
      { kind: 'heading', text: 'Uplink to this machine' },
      { kind: 'pairs', pairs: [['cable', `${u.dev} ${u.address} ↔ ${u.hostDev} ${u.hostAddress}`], ['NAT on the machine', u.nat ? 'yes' : 'no']] },
    );
  }
  // What the lab's JSON reports wins (views written before a field existed lack it); else what the plan configured; else say so.
  const reported = n as Partial<NodeView>;
  blocks.push(...extraSection('Limits', reported.limits !== undefined ? reported.limits : d.limits));
  blocks.push(...extraSection('Capabilities', reported.capabilities !== undefined ? reported.capabilities : d.capabilities));
  if (d.seccomp && reported.seccomp === undefined) blocks.push({ kind: 'labelled', label: 'seccomp: ', text: d.seccomp });
  blocks.push(...extraSection('Processes', n.processes));
  return { title: `${n.name} · ${n.kind}${kind !== n.kind ? ` (${kind})` : ''}`, blocks };
}

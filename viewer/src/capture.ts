/* What the page offers to capture, and how it lists packets: pure, so it
   is tested in Node. The DOM side is page/capture.ts. */
import type { LabView, LinkView } from '../../src/lab/inspect.js';
import type { PacketLine } from '../../src/viewer/captures.js';

export type { PacketLine };

export interface CaptureChoice {
  /** What POST /api/capture takes: NODE:IF, NODE:any or a LAN's name. */
  readonly target: string;
  readonly label: string;
}

/** A node's interfaces one by one, all of them, and for a bridge or LAN node the whole segment first. */
export function nodeCaptureChoices(view: LabView, node: string): CaptureChoice[] {
  const n = view.nodes.find((x) => x.name === node);
  if (!n) return [];
  const out: CaptureChoice[] = [];
  if (n.kind === 'bridge') out.push({ target: node, label: `the whole LAN ${node}` });
  for (const i of n.interfaces) out.push({ target: `${node}:${i.name}`, label: `${node}:${i.name}` });
  if (n.interfaces.length > 1) out.push({ target: `${node}:any`, label: `${node}: every interface` });
  return out;
}

/** A cable: either of its ends (the first not a bridge port, so a host's own view comes first). */
export function cableCaptureChoices(view: LabView, link: LinkView): CaptureChoice[] {
  const kind = (name: string): string | undefined => view.nodes.find((n) => n.name === name)?.kind;
  const ends = [link.a, link.b].sort((x, y) => Number(kind(x.node) === 'bridge') - Number(kind(y.node) === 'bridge'));
  return ends.map((e) => ({ target: `${e.node}:${e.interface}`, label: `${e.node}:${e.interface}` }));
}

/** Seconds since the capture's first packet, to the microsecond, as wireshark's list shows them. */
export function relativeTime(t: number, first: number): string {
  return ((t - first) / 1000).toFixed(6);
}

/** The cells of one row: No., Time, Source, Destination, Protocol, Info (with the interface when the capture spans several). */
export function rowCells(p: PacketLine, first: number, showInterface: boolean): string[] {
  return [String(p.n), relativeTime(p.t, first), p.src, p.dst, p.proto, showInterface ? `${p.iface}: ${p.info}` : p.info];
}

/** Rows kept on screen; the download has every packet. */
export const MAX_ROWS = 500;

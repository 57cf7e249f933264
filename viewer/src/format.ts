import type { InterfaceView, LabView } from '../../src/lab/inspect.js';

/** Bits per second as the page prints them: "0 b/s", "12.5 kb/s", "170 kb/s". */
export function formatRate(bps: number): string {
  const units = ['b/s', 'kb/s', 'Mb/s', 'Gb/s'];
  let v = bps;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 || v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

export type InterfaceState = 'up' | 'down' | 'no carrier';

export function interfaceState(i: Pick<InterfaceView, 'up' | 'carrier'>): InterfaceState {
  if (!i.up) return 'down';
  return i.carrier ? 'up' : 'no carrier';
}

/** The picture's title (SVG <title>). */
export function pictureTitle(view: LabView | null): string {
  return view ? `nslab lab ${view.lab}` : 'nslab';
}

/** Saved pictures are named after the lab: "lab1.png". */
export function downloadName(view: LabView | null, extension: 'png' | 'svg'): string {
  return `${view ? view.lab : 'lab'}.${extension}`;
}

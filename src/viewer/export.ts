import type { LabView } from '../lab/inspect.js';
import { readAsset } from './assets.js';
import type { Decorations } from './decorations.js';
import type { Layout } from './layout.js';
import type { LinkRateView } from './watch.js';

/** What an exported page draws: the lab as it was, where to put it, and when. */
export interface ExportData {
  readonly view: LabView;
  readonly layout: Layout;
  readonly decor?: Decorations;
  readonly rates?: Record<string, LinkRateView>;
  /** "2025-01-31 14:05:09 UTC" */
  readonly exportedAt: string;
}

/** JSON that is safe inside a <script> element (no `</script>`, no `<!--`). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function inlineScript(code: string): string {
  // `</script` can only end the element; inside JS it can only be in a string
  // or comment, where `<\/script` means the same.
  return `<script>\n${code.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`;
}

function inlineStyle(css: string): string {
  return `<style>\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`;
}

/** A script element that loads one of the page's assets by name ("app.js"). */
const SCRIPT_SRC = /<script src="([^"<>]+)"><\/script>/g;

/**
 * One self-contained HTML file: every script index.html loads (cytoscape
 * and the page's bundle) inlined where it stood, the stylesheet and the
 * lab's data too, nothing fetched, so it opens from disk (file://) with no
 * network.
 */
export function exportHtml(data: ExportData): string {
  let html = readAsset('/index.html');
  const replace = (tag: string, by: string): void => {
    if (!html.includes(tag)) throw new Error(`viewer/index.html has no ${tag} to inline`);
    // A function, so `$` in the replacement (cytoscape has plenty) stays literal.
    html = html.replace(tag, () => by);
  };
  replace('<link rel="stylesheet" href="style.css">', inlineStyle(readAsset('/style.css')));
  // The data before the scripts, so text inside them cannot be taken for its placeholder.
  replace('<!--nslab:data-->', `<script>window.NSLAB_DATA = ${scriptJson(data)};</script>`);
  html = html.replace(SCRIPT_SRC, (_tag, src: string) => inlineScript(readAsset(`/${src}`)));
  return html;
}

export function exportStamp(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The page's own files (viewer/ at the package root; same path from src/ and dist/). */
export const VIEWER_DIR = fileURLToPath(new URL('../../viewer/', import.meta.url));

/** The page's script: viewer/src bundled by the build (rolldown.config.mjs). */
export const VIEWER_BUNDLE = `${VIEWER_DIR}dist/app.js`;

const requireHere = createRequire(import.meta.url);

/** Files the page needs from node_modules: cytoscape, and xterm.js for a node's terminal (loaded when one opens). */
export const CYTOSCAPE_JS = requireHere.resolve('cytoscape/dist/cytoscape.min.js');
export const XTERM_JS = requireHere.resolve('@xterm/xterm/lib/xterm.js');
export const XTERM_CSS = requireHere.resolve('@xterm/xterm/css/xterm.css');
export const XTERM_FIT_JS = requireHere.resolve('@xterm/addon-fit/lib/addon-fit.js');

export interface Asset {
  readonly file: string;
  readonly type: string;
}

/** Everything the page may load, by URL path; nothing else is served from disk. */
export const ASSETS: Readonly<Record<string, Asset>> = {
  '/': { file: `${VIEWER_DIR}index.html`, type: 'text/html; charset=utf-8' },
  '/index.html': { file: `${VIEWER_DIR}index.html`, type: 'text/html; charset=utf-8' },
  '/style.css': { file: `${VIEWER_DIR}style.css`, type: 'text/css; charset=utf-8' },
  '/app.js': { file: VIEWER_BUNDLE, type: 'text/javascript; charset=utf-8' },
  '/cytoscape.min.js': { file: CYTOSCAPE_JS, type: 'text/javascript; charset=utf-8' },
  '/xterm.js': { file: XTERM_JS, type: 'text/javascript; charset=utf-8' },
  '/xterm.css': { file: XTERM_CSS, type: 'text/css; charset=utf-8' },
  '/xterm-addon-fit.js': { file: XTERM_FIT_JS, type: 'text/javascript; charset=utf-8' },
};

const cache = new Map<string, string>();

/** An asset's text (read once; these files do not change while nslab runs). */
export function readAsset(path: string): string {
  const asset = ASSETS[path];
  if (!asset) throw new RangeError(`no viewer asset at ${path}`);
  let text = cache.get(asset.file);
  if (text === undefined) {
    try {
      text = readFileSync(asset.file, 'utf8');
    } catch (err) {
      // A checkout that was never built has no bundle: say how to make it.
      if (asset.file === VIEWER_BUNDLE && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new Error(`the graph page's script ${asset.file} is missing: run npm run build`, { cause: err });
      }
      throw err;
    }
    cache.set(asset.file, text);
  }
  return text;
}

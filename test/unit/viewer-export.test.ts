import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planView } from '../../src/lab/inspect.js';
import { loadTopologyFile } from '../../src/topology/load.js';
import { compilePlan } from '../../src/topology/plan.js';
import { CYTOSCAPE_JS, VIEWER_BUNDLE } from '../../src/viewer/assets.js';
import { exportHtml, scriptJson, type ExportData } from '../../src/viewer/export.js';
import { computeLayout } from '../../src/viewer/layout.js';

const example = fileURLToPath(new URL('../../topologies/leaf-spine.yaml', import.meta.url));

function data(source?: string): ExportData {
  const view = planView(compilePlan(loadTopologyFile(example)));
  const v = source === undefined ? view : { ...view, source };
  return { view: v, layout: computeLayout(view), exportedAt: '2025-01-01 00:00:00 UTC' };
}

/** The JSON the page reads, taken back out of the HTML. */
function inlinedData(html: string): ExportData {
  const m = /<script>window\.NSLAB_DATA = (.*);<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no inlined data');
  return JSON.parse(m[1]) as ExportData;
}

describe('exportHtml()', () => {
  const html = exportHtml(data());

  it('loads nothing: no script src, no stylesheet link, no remote url() or @import', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*rel\s*=\s*["']?stylesheet/i);
    expect(html).not.toMatch(/\b(?:src|href|action|poster)\s*=\s*["']?\s*(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/@import/i);
  });

  it('contains no external URL other than the SVG namespace and cytoscape’s own licence text', () => {
    const cytoscape = readFileSync(CYTOSCAPE_JS, 'utf8');
    const urls = html.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*/gi) ?? [];
    const foreign = urls.filter((u) => u !== 'http://www.w3.org/2000/svg' && !cytoscape.includes(u));
    expect(foreign).toEqual([]);
  });

  it('inlines cytoscape and the page’s one bundle, each whole', () => {
    expect(html).toContain(readFileSync(CYTOSCAPE_JS, 'utf8').replace(/<\/(script)/gi, '<\\/$1'));
    const bundle = readFileSync(VIEWER_BUNDLE, 'utf8');
    expect(bundle).not.toMatch(/<\/script/i);
    expect(html).toContain(`<script>\n${bundle}\n</script>`);
    expect(html).toContain('EventSource'); // the live side, which only uses it when not exported
  });

  it('carries the lab and its layout as data the page can read back', () => {
    const d = inlinedData(html);
    expect(d.view.nodes).toHaveLength(18);
    expect(d.view.links).toHaveLength(20);
    expect(d.view.live).toBe(false);
    expect(d.layout).toEqual(computeLayout(d.view));
  });

  it('cannot be broken out of by text in the data', () => {
    const evil = '/tmp/</script><script>alert(1)</script><!--.yaml';
    const out = exportHtml(data(evil));
    expect(inlinedData(out).view.source).toBe(evil);
    const opens = out.match(/<script\b/gi)?.length ?? 0;
    const closes = out.match(/<\/script>/gi)?.length ?? 0;
    expect(opens).toBe(3); // cytoscape, data, the page's bundle
    expect(closes).toBe(opens);
  });
});

describe('scriptJson()', () => {
  it('escapes < and the JS line separators, and still parses to the same value', () => {
    const value = { a: '</script>', b: '<!--', c: 'x\u2028y\u2029z' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

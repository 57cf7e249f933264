/**
 * The layers of nslab, lowest first. A module may import its own layer and
 * the layers below it, never above; nft, rtnl and sys are siblings that do
 * not import one another. `npm run deps:check` (run by `npm test`) fails on
 * any import circle or upward arrow.
 *
 *   cli → viewer → lab → topology → {nft, rtnl, sys} → netlink → os/inet
 *
 * bpf (classic BPF: instructions, the assembler, a packet interpreter) is
 * pure code beside inet: sys builds seccomp and socket filters with it.
 * etcd (a v3 client over HTTP) sits beside inet too; cluster (multi-host
 * labs: placement, the agent) sits beside viewer, on lab and etcd.
 */
const LAYERS = {
  os: [],
  inet: ['os'],
  bpf: ['os', 'inet'],
  etcd: ['os', 'inet'],
  netlink: ['os', 'inet'],
  nft: ['netlink', 'os', 'inet'],
  rtnl: ['netlink', 'os', 'inet'],
  sys: ['bpf', 'netlink', 'os', 'inet'],
  topology: ['nft', 'rtnl', 'sys', 'bpf', 'netlink', 'os', 'inet'],
  lab: ['topology', 'nft', 'rtnl', 'sys', 'bpf', 'netlink', 'os', 'inet'],
  cluster: ['etcd', 'lab', 'topology', 'nft', 'rtnl', 'sys', 'bpf', 'netlink', 'os', 'inet'],
  viewer: ['lab', 'topology', 'nft', 'rtnl', 'sys', 'bpf', 'netlink', 'os', 'inet'],
  cli: ['cluster', 'etcd', 'viewer', 'lab', 'topology', 'nft', 'rtnl', 'sys', 'bpf', 'netlink', 'os', 'inet'],
};

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${[layer, ...below].join(', ')}`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${layer}/`, ...below.map((b) => `^src/${b}/`)],
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: each module of it loads all the others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...layerRules,
    // The graph page (viewer/src) runs in a browser: it takes the server's
    // types from src/ and nothing else, and sits where src/viewer does, below cli.
    {
      name: 'page-imports-only-types-from-src',
      comment: 'viewer/src runs in the browser: from src/ it may import types only (import type)',
      severity: 'error',
      from: { path: '^viewer/src/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-bundles-no-packages',
      comment: 'cytoscape reaches the page as its own script (the global cytoscape); the bundle takes only types from packages',
      severity: 'error',
      from: { path: '^viewer/src/' },
      to: { dependencyTypes: ['npm'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-below-cli',
      comment: 'viewer/src sits at the viewer layer: not even types from src/cli',
      severity: 'error',
      from: { path: '^viewer/src/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'src-does-not-import-the-page',
      comment: 'the server serves the bundle (viewer/dist/app.js) as a file; src/ never imports viewer/src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^viewer/' },
    },
    {
      name: 'page-logic-without-dom',
      comment: 'viewer/src/*.ts is the page logic vitest runs in Node: only main.ts and page/ touch the DOM',
      severity: 'error',
      from: { path: '^viewer/src/[^/]+$', pathNot: '^viewer/src/main[.]ts$' },
      to: { path: '^viewer/src/page/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

/**
 * The layers of nslab, lowest first. A module may import its own layer and
 * the layers below it, never above; nft, rtnl and sys are siblings that do
 * not import one another. `npm run deps:check` (run by `npm test`) fails on
 * any import circle or upward arrow.
 *
 *   cli → viewer → lab → topology → {nft, rtnl, sys} → netlink → os/inet
 */
const LAYERS = {
  os: [],
  inet: ['os'],
  netlink: ['os', 'inet'],
  nft: ['netlink', 'os', 'inet'],
  rtnl: ['netlink', 'os', 'inet'],
  sys: ['netlink', 'os', 'inet'],
  topology: ['nft', 'rtnl', 'sys', 'netlink', 'os', 'inet'],
  lab: ['topology', 'nft', 'rtnl', 'sys', 'netlink', 'os', 'inet'],
  viewer: ['lab', 'topology', 'nft', 'rtnl', 'sys', 'netlink', 'os', 'inet'],
  cli: ['viewer', 'lab', 'topology', 'nft', 'rtnl', 'sys', 'netlink', 'os', 'inet'],
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
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};

import { chmodSync } from 'node:fs';

/**
 * The CLI as users run it: tsc's dist/cli/main.js and everything it imports
 * (our modules, commander, yaml, graphology) bundled into dist/bundle/, one
 * chunk per command plus what they share. Node then reads a handful of files
 * instead of ~200 at start-up, which is most of what `nslab exec` costs.
 * koffi stays outside (a native addon found in node_modules). dist/bundle is
 * two levels under the package root like dist/cli, so paths that modules
 * find from import.meta.url (viewer/, topologies/, dist/sys/sandbox/builder.js)
 * lead to the same places.
 */
export default {
  input: { nslab: 'dist/cli/main.js' },
  platform: 'node',
  external: ['koffi'],
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
  },
  plugins: [
    {
      name: 'run-bit',
      // The bin keeps its run bit whatever npm does (npm link over an older link left it 0644).
      writeBundle(options) {
        chmodSync(`${options.dir}/nslab.js`, 0o755);
      },
    },
  ],
};

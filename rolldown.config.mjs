import { chmodSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/**
 * The CLI as users run it: tsc's dist/cli/main.js and everything it imports
 * (our modules, commander, yaml, graphology) bundled into dist/bundle/ as
 * CommonJS, one chunk per command plus what they share. Node then reads a
 * handful of files instead of ~200 at start-up, and CommonJS loads them
 * synchronously, without the ES loader's resolve-and-link rounds.
 * koffi stays outside (a native addon found in node_modules). dist/bundle is
 * two levels under the package root like dist/cli, so paths that modules
 * find from import.meta.url (viewer/, topologies/, dist/sys/sandbox/builder.js)
 * lead to the same places.
 *
 * The bin, dist/bundle/nslab.cjs, is src/cli/launch.cts: it loads the chunks
 * through V8's code cache, which the build writes last by running commands
 * that compile what start-up needs (none of them touches the machine).
 */
const CACHE_RUNS = [
  ['--help'],
  ['--version'],
  ['validate', 'topologies/default.yaml'],
  ['up', '--dry-run', 'topologies/default.yaml'],
  ['up', '--explain', 'topologies/default.yaml'],
  ['list'],
  ['exec', 'nslab-code-cache-no-such-lab', 'node', '--', 'true'],
  ['down', 'nslab-code-cache-no-such-lab'],
];

const cli = {
  input: { main: 'dist/cli/main.js' },
  platform: 'node',
  external: ['koffi'],
  output: {
    dir: 'dist/bundle',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
    cleanDir: true,
  },
  plugins: [
    {
      // commander requires child_process at load only to run external
      // subcommands, which nslab has none of; child_process with the net and
      // stream modules it brings cost every command 6 ms. commander gets it
      // when it would first use it.
      name: 'commander-lazy-child-process',
      resolveId(source, importer) {
        if (source === 'node:child_process' && importer?.includes('/node_modules/commander/')) return '\0commander-child-process';
        return null;
      },
      load(id) {
        if (id !== '\0commander-child-process') return null;
        return "module.exports = { get spawn() { return require('node:child_process').spawn; } };";
      },
    },
    {
      name: 'bin-and-code-cache',
      writeBundle(options) {
        const bin = `${options.dir}/nslab.cjs`;
        copyFileSync('dist/cli/launch.cjs', bin);
        // The bin keeps its run bit whatever npm does (npm link over an older link left it 0644).
        chmodSync(bin, 0o755);
        for (const args of CACHE_RUNS) {
          // A run that fails (no lab, no root) has compiled what it loaded all the same.
          spawnSync(process.execPath, [bin, ...args], { stdio: 'ignore', env: { ...process.env, NSLAB_CODE_CACHE: 'write' }, timeout: 30_000 });
        }
      },
    },
  ],
};

/**
 * The graph page's script: viewer/src (TypeScript, checked by
 * viewer/tsconfig.json) bundled into one classic script, viewer/dist/app.js,
 * that index.html loads and the export inlines. cytoscape is not in it: the
 * page loads cytoscape.min.js before it as its own script (the global
 * `cytoscape`), so the bundle stays small and readable and the server hands
 * cytoscape out from node_modules as it always did.
 */
export const viewer = {
  input: 'viewer/src/main.ts',
  platform: 'browser',
  tsconfig: 'viewer/tsconfig.json',
  output: {
    file: 'viewer/dist/app.js',
    format: 'iife',
    // Inlined as is into exported pages: no source map to point at.
    sourcemap: false,
  },
};

export default [cli, viewer];

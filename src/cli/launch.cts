#!/usr/bin/env node
/**
 * The `nslab` program (copied to dist/bundle/nslab.cjs by the build): loads
 * the bundled CLI, dist/bundle/main.cjs and the chunks it requires, through
 * V8's code cache, so a command does not parse and compile again what the
 * build already compiled. Node 22 has module.enableCompileCache(); Node 20,
 * which these machines run, does not, and its ES module loader resolves
 * and links each chunk asynchronously, which costs more than CommonJS.
 *
 * Each chunk's cache is CHUNK.cache beside it, written by the build, which
 * runs a few commands with NSLAB_CODE_CACHE=write (rolldown.config.mjs).
 * V8 checks a cache against the source, its own version and its flags and
 * rejects one that does not match; the chunk is then compiled as usual.
 */
import fs = require('node:fs');
import path = require('node:path');
import vm = require('node:vm');
import Module = require('node:module');

type Loader = (module: NodeJS.Module, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
const wrap = (Module as unknown as { wrap: (source: string) => string }).wrap;

const bundle = __dirname + path.sep;
const writeCache = process.env.NSLAB_CODE_CACHE === 'write';
const compiled: Array<[string, vm.Script]> = [];
const ordinary = extensions['.cjs'] ?? extensions['.js'];

extensions['.cjs'] = (module, filename) => {
  if (!filename.startsWith(bundle)) return ordinary?.(module, filename);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(`${filename}.cache`);
  } catch {
    cachedData = undefined;
  }
  const source = fs.readFileSync(filename, 'utf8');
  const script = new vm.Script(wrap(source.startsWith('#!') ? `//${source.slice(2)}` : source), cachedData ? { filename, cachedData } : { filename });
  if (writeCache) compiled.push([filename, script]);
  const body = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: NodeJS.Module, f: string, d: string) => void;
  body.call(module.exports, module.exports, Module.createRequire(filename), module, filename, path.dirname(filename));
};

if (writeCache) {
  // After the command ran: the cache then holds every function it compiled, not only the top level.
  process.on('exit', () => {
    // Chunks no build run reaches (exec's launch code runs only in a lab's node) get their top level compiled at least.
    const loaded = new Set(compiled.map(([filename]) => filename));
    for (const name of fs.readdirSync(bundle)) {
      if (!name.endsWith('.cjs') || name === path.basename(__filename) || loaded.has(bundle + name)) continue;
      try {
        require(bundle + name);
      } catch {
        // a chunk that cannot load here (no koffi) is compiled when a command needs it
      }
    }
    // Build runs share chunks: each keeps the fullest cache any of them made (the one holding the most compiled functions).
    for (const [filename, script] of compiled) {
      const data = script.createCachedData();
      let before = 0;
      try {
        before = fs.statSync(`${filename}.cache`).size;
      } catch {
        before = 0;
      }
      if (data.length > before) fs.writeFileSync(`${filename}.cache`, data);
    }
  });
}

require('./main.cjs');

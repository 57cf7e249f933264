#!/usr/bin/env node
// Star benchmark: N hosts, each a namespace with lo up and a veth to one
// bridge (in a namespace of its own) and one IPv4 address. Built and removed
// by nslab and by an equivalent iproute2 script in the same run; prints both
// times and the ratios. Run as root after `npm run build`:
//   node bench/star.mjs [N ...]      (default: 100 1000)
// Not a test: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'nslab-bench-'));
const addr = (i) => `10.${64 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/8`;

function run(cmd, args, input) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return s;
}

function topology(lab, n) {
  const nodes = ['    sw: { kind: bridge }'];
  const links = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(`    h${i}: {}`);
    links.push(`    - endpoints: [{ node: h${i}, interface: eth0, ipv4: ${addr(i)} }, "sw:p${i}"]`);
  }
  const file = join(dir, `${lab}.yaml`);
  writeFileSync(file, `name: ${lab}\ntopology:\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`);
  return file;
}

/**
 * The same lab as an iproute2 user would script it: one `ip -batch` in the
 * root namespace makes the namespaces and the veths (each end born in its
 * namespace), then `ip -n NS -batch -` configures each namespace (a batch
 * line cannot name a namespace, so that is one ip process per namespace).
 */
function ipUp(prefix, n) {
  const root = [`netns add ${prefix}-sw`];
  for (let i = 1; i <= n; i++) root.push(`netns add ${prefix}-h${i}`);
  for (let i = 1; i <= n; i++) root.push(`link add p${i} netns ${prefix}-sw type veth peer name eth0 netns ${prefix}-h${i}`);
  let t = run('ip', ['-batch', '-'], root.join('\n') + '\n');
  const sw = ['link set lo up', 'link add sw type bridge', 'link set sw up'];
  for (let i = 1; i <= n; i++) sw.push(`link set p${i} master sw up`);
  t += run('ip', ['-n', `${prefix}-sw`, '-batch', '-'], sw.join('\n') + '\n');
  for (let i = 1; i <= n; i++) {
    t += run('ip', ['-n', `${prefix}-h${i}`, '-batch', '-'], `link set lo up\nlink set eth0 up\naddr add ${addr(i)} dev eth0\n`);
  }
  return t;
}

function ipDown(prefix, n) {
  const lines = [`netns del ${prefix}-sw`];
  for (let i = 1; i <= n; i++) lines.push(`netns del ${prefix}-h${i}`);
  return run('ip', ['-batch', '-'], lines.join('\n') + '\n');
}

function leftovers(prefix) {
  return readdirSync('/run/netns').filter((x) => x.startsWith(`${prefix}-`)).length;
}

const rows = [];
for (const n of sizes.length ? sizes : [100, 1000]) {
  const lab = `bstar${n}`;
  const prefix = `bip${n}`;
  const file = topology(lab, n);
  try {
    const nslabUp = run('node', [CLI, 'up', file]);
    const nslabDown = run('node', [CLI, 'down', lab]);
    const ipUpS = ipUp(prefix, n);
    const ipDownS = ipDown(prefix, n);
    rows.push({ n, nslabUp, ipUp: ipUpS, nslabDown, ipDown: ipDownS });
  } finally {
    spawnSync('node', [CLI, 'down', lab], { stdio: 'ignore' });
    if (leftovers(prefix) > 0) ipDown(prefix, n);
  }
}

const f = (s) => `${s.toFixed(2)} s`;
console.log(`kernel ${execFileSync('uname', ['-r']).toString().trim()}, ${execFileSync('ip', ['-V']).toString().trim()}`);
console.log('N      nslab up   ip up      ratio   nslab down  ip down    ratio');
for (const r of rows) {
  console.log(
    `${String(r.n).padEnd(6)} ${f(r.nslabUp).padEnd(10)} ${f(r.ipUp).padEnd(10)} ${(r.ipUp / r.nslabUp).toFixed(1).padStart(4)}x  ${f(r.nslabDown).padEnd(11)} ${f(r.ipDown).padEnd(10)} ${(r.ipDown / r.nslabDown).toFixed(1).padStart(4)}x`,
  );
}
console.log('ratio = ip time / nslab time (above 1: nslab is faster)');

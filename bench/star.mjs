#!/usr/bin/env node
// Star benchmark: N hosts, each a namespace with lo up and a veth to a
// bridge (in a namespace of its own) and one IPv4 address; a Linux bridge
// takes at most 1024 ports (BR_MAX_PORTS), so past 1000 hosts there is one
// bridge, on a LAN of its own, per 1000. Built and removed by nslab and by an
// equivalent iproute2 script in the same run; prints both times and the
// ratios. Run as root after `npm run build`:
//   node bench/star.mjs [N ...]      (default: 100 1000; 5000 and 10000 take minutes, ip most of them)
// Not a test: nothing here asserts a time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL(`../${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).bin.nslab}`, import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'nslab-bench-'));
const PER_BRIDGE = 1000;
/** Host i (from 1) hangs off bridge sw<b> (from 1), its LAN 10.(63+b).0.0/16. */
const bridgeOf = (i) => Math.floor((i - 1) / PER_BRIDGE) + 1;
const addr = (i) => {
  const j = ((i - 1) % PER_BRIDGE) + 1;
  return `10.${63 + bridgeOf(i)}.${j >> 8}.${j & 255}/16`;
};
const bridgeCount = (n) => bridgeOf(n);

// GNU time reports a command's peak resident memory; without it, memory is not measured.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
let peakKb = 0;

function run(cmd, args, input) {
  const t0 = process.hrtime.bigint();
  const [c, a] = TIME ? [TIME, ['-f', 'maxrss=%M', cmd, ...args]] : [cmd, args];
  const r = spawnSync(c, a, { input, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const m = /maxrss=(\d+)/.exec(String(r.stderr));
  if (m) peakKb = Math.max(peakKb, Number(m[1]));
  return s;
}

function settle() {
  spawnSync('sleep', ['3']);
}

/** Time and peak memory (the largest single process) of fn. */
function measured(fn) {
  peakKb = 0;
  const s = fn();
  return { s, kb: peakKb };
}

function topology(lab, n, isolation = 'sandbox') {
  const nodes = [];
  for (let b = 1; b <= bridgeCount(n); b++) nodes.push(`    sw${b}: { kind: bridge }`);
  const links = [];
  for (let i = 1; i <= n; i++) {
    nodes.push(`    h${i}: {}`);
    links.push(`    - endpoints: [{ node: h${i}, interface: eth0, ipv4: ${addr(i)} }, "sw${bridgeOf(i)}:p${i}"]`);
  }
  const file = join(dir, `${lab}-${isolation}.yaml`);
  writeFileSync(file, `name: ${lab}\ntopology:\n  defaults: { isolation: ${isolation} }\n  nodes:\n${nodes.join('\n')}\n  links:\n${links.join('\n')}\n`);
  return file;
}

/**
 * The same lab as an iproute2 user would script it: one `ip -batch` in the
 * root namespace makes the namespaces and the veths (each end born in its
 * namespace), then `ip -n NS -batch -` configures each namespace (a batch
 * line cannot name a namespace, so that is one ip process per namespace).
 */
function ipUp(prefix, n) {
  const root = [];
  for (let b = 1; b <= bridgeCount(n); b++) root.push(`netns add ${prefix}-sw${b}`);
  for (let i = 1; i <= n; i++) root.push(`netns add ${prefix}-h${i}`);
  for (let i = 1; i <= n; i++) root.push(`link add p${i} netns ${prefix}-sw${bridgeOf(i)} type veth peer name eth0 netns ${prefix}-h${i}`);
  let t = run('ip', ['-batch', '-'], root.join('\n') + '\n');
  for (let b = 1; b <= bridgeCount(n); b++) {
    const sw = ['link set lo up', `link add sw${b} type bridge`, `link set sw${b} up`];
    for (let i = (b - 1) * PER_BRIDGE + 1; i <= Math.min(n, b * PER_BRIDGE); i++) sw.push(`link set p${i} master sw${b} up`);
    t += run('ip', ['-n', `${prefix}-sw${b}`, '-batch', '-'], sw.join('\n') + '\n');
  }
  for (let i = 1; i <= n; i++) {
    t += run('ip', ['-n', `${prefix}-h${i}`, '-batch', '-'], `link set lo up\nlink set eth0 up\naddr add ${addr(i)} dev eth0\n`);
  }
  return t;
}

function ipDown(prefix, n) {
  const lines = [];
  for (let b = 1; b <= bridgeCount(n); b++) lines.push(`netns del ${prefix}-sw${b}`);
  for (let i = 1; i <= n; i++) lines.push(`netns del ${prefix}-h${i}`);
  return run('ip', ['-batch', '-'], lines.join('\n') + '\n');
}

function leftovers(prefix) {
  return readdirSync('/run/netns').filter((x) => x.startsWith(`${prefix}-`)).length;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median seconds of a plain spawn (no GNU time wrapper), env optionally changed. */
function quick(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: 'ignore', env: env ?? process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/**
 * Start-up: nslab --version, validate and exec (in a sandboxed node whose
 * init runs already) against node -e 0, interleaved, median of 10. When the
 * environment sets NODE_EXTRA_CA_CERTS (this workplace does), Node reads the
 * whole CA bundle at every start, before any of nslab's code: the same
 * figures without it are shown too.
 */
function startUp(lab) {
  const cases = [
    ['--version', ['--version']],
    ['validate', ['validate', fileURLToPath(new URL('../topologies/default.yaml', import.meta.url))]],
    ['exec -- true', ['exec', lab, 'h1', '--', 'true']],
  ];
  quick('node', [CLI, 'exec', lab, 'h1', '--', 'true']);
  const envs = [['as run', process.env]];
  if (process.env.NODE_EXTRA_CA_CERTS) {
    const { NODE_EXTRA_CA_CERTS: _ca, ...rest } = process.env;
    envs.push(['without NODE_EXTRA_CA_CERTS', rest]);
  }
  const out = [];
  for (const [envName, env] of envs) {
    const t = Object.fromEntries([['node', []], ...cases.map(([name]) => [name, []])]);
    for (let k = 0; k < 10; k++) {
      t.node.push(quick('node', ['-e', '0'], env));
      for (const [name, args] of cases) t[name].push(quick('node', [CLI, ...args], env));
    }
    out.push({ envName, node: median(t.node), cases: cases.map(([name]) => ({ name, s: median(t[name]) })) });
  }
  return out;
}

const rows = [];
let execRow;
for (const n of sizes.length ? sizes : [100, 1000]) {
  const lab = `bstar${n}`;
  const prefix = `bip${n}`;
  const file = topology(lab, n);
  try {
    // Each down starts after the kernel has settled from its up (deferred
    // work of a thousand new namespaces), so neither pays for the other.
    const nslabUp = measured(() => run('node', [CLI, 'up', file]));
    if (!execRow) execRow = startUp(lab);
    settle();
    const nslabDown = measured(() => run('node', [CLI, 'down', lab]));
    settle();
    const netFile = topology(lab, n, 'network');
    const netUp = measured(() => run('node', [CLI, 'up', netFile]));
    settle();
    run('node', [CLI, 'down', lab]);
    settle();
    const ipUpM = measured(() => ipUp(prefix, n));
    settle();
    const ipDownM = measured(() => ipDown(prefix, n));
    settle();
    rows.push({ n, nslabUp, netUp, ipUp: ipUpM, nslabDown, ipDown: ipDownM });
  } finally {
    spawnSync('node', [CLI, 'down', lab], { stdio: 'ignore' });
    if (leftovers(prefix) > 0) ipDown(prefix, n);
  }
}

const f = (s) => `${s.toFixed(2)} s`;
console.log(`kernel ${execFileSync('uname', ['-r']).toString().trim()}, ${execFileSync('ip', ['-V']).toString().trim()}`);
const mb = (kb) => (kb ? `${(kb / 1024).toFixed(0)} MB` : '-');
console.log('N      nslab up   ip up      ratio   nslab down  ip down    ratio   peak memory up: nslab / ip');
for (const r of rows) {
  console.log(
    `${String(r.n).padEnd(6)} ${f(r.nslabUp.s).padEnd(10)} ${f(r.ipUp.s).padEnd(10)} ${(r.ipUp.s / r.nslabUp.s).toFixed(1).padStart(4)}x  ` +
      `${f(r.nslabDown.s).padEnd(11)} ${f(r.ipDown.s).padEnd(10)} ${(r.ipDown.s / r.nslabDown.s).toFixed(1).padStart(4)}x   ${mb(r.nslabUp.kb)} / ${mb(r.ipUp.kb)}`,
  );
}
console.log('ratio = ip time / nslab time (above 1: nslab is faster); memory is the largest single process (ip runs one per namespace)');
console.log('');
console.log('N      nslab up (sandbox)  nslab up (isolation: network)  sandbox cost');
for (const r of rows) console.log(`${String(r.n).padEnd(6)} ${f(r.nslabUp.s).padEnd(19)} ${f(r.netUp.s).padEnd(30)} ${(r.nslabUp.s / r.netUp.s).toFixed(2)}x`);
if (execRow) {
  for (const e of execRow) {
    console.log('');
    console.log(`start-up (${e.envName}; median of 10): node -e 0 ${(e.node * 1000).toFixed(0)} ms`);
    for (const c of e.cases) console.log(`  nslab ${c.name.padEnd(14)} ${(c.s * 1000).toFixed(0).padStart(4)} ms  ${(c.s / e.node).toFixed(2)}x node -e 0`);
  }
}

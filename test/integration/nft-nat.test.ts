import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natRuleset, rulesetRequests } from '../../src/nft/ruleset.js';
import { NftSession } from '../../src/nft/session.js';
import { isRoot, makeNetns, netnsExists, type TestNetns } from '../helpers/nft-netns.js';

/*
 * NAT end to end, in three namespaces made for this run:
 *
 *   host (10.0.1.2) ── eth0 │ router │ eth1 ── server (203.0.113.2)
 *                    10.0.1.1      203.0.113.1
 *
 * The router gets nslab's ruleset through nslab's encoder: masquerade of
 * 10.0.1.0/24 leaving eth1, a port forward 8080/tcp → 10.0.1.2:80, and a
 * forward policy of drop with only eth0 → eth1 (and replies) let through.
 * The server has a route back to 10.0.1.0/24, so only the firewall keeps it
 * from reaching the host. Tiny node servers answer each connection with the
 * peer address they saw. Every wait is bounded; only the pids started here
 * are killed; the namespaces go in afterAll.
 */

const tag = process.pid % 100000;
const SERVER = '203.0.113.2';
const ROUTER_OUT = '203.0.113.1';
const HOST = '10.0.1.2';

/** Listen on host:port, answer each connection with the peer's address, say "ready" once listening. */
const ECHO_PEER = `
const net = require('node:net');
const [host, port] = process.argv.slice(1);
net.createServer((s) => s.end(s.remoteAddress.replace(/^::ffff:/, '') + '\\n'))
  .listen(Number(port), host, () => process.stdout.write('ready\\n'));
setTimeout(() => process.exit(0), 120000).unref();
`;

/** Connect, print what the server says (or ERR <code>), give up after the timeout. */
const CLIENT = `
const net = require('node:net');
const [host, port, ms] = process.argv.slice(1);
const s = net.connect({ host, port: Number(port) });
let got = '';
s.setTimeout(Number(ms), () => { process.stdout.write('ERR TIMEOUT'); process.exit(0); });
s.on('data', (d) => { got += d; });
s.on('end', () => { process.stdout.write(got.trim()); process.exit(0); });
s.on('error', (e) => { process.stdout.write('ERR ' + e.code); process.exit(0); });
`;

function sh(...args: string[]): void {
  execFileSync(args[0] as string, args.slice(1), { stdio: 'pipe', timeout: 10_000 });
}

function connect(from: TestNetns, host: string, port: number, timeoutMs = 3000): string {
  const r = spawnSync('ip', ['netns', 'exec', from.name, process.execPath, '-e', CLIENT, host, String(port), String(timeoutMs)], {
    encoding: 'utf8',
    timeout: timeoutMs + 5000,
  });
  return r.stdout.trim();
}

async function startEcho(ns: TestNetns, host: string, port: number): Promise<ChildProcess> {
  const child = spawn('ip', ['netns', 'exec', ns.name, process.execPath, '-e', ECHO_PEER, host, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`echo server in ${ns.name} did not start within 5 s`)), 5000);
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`echo server in ${ns.name} exited with ${code}`));
    });
  });
  return child;
}

describe.skipIf(!isRoot)('NAT through nslab’s nf_tables encoder, end to end', () => {
  const spaces: TestNetns[] = [];
  const children: ChildProcess[] = [];
  let host: TestNetns;
  let router: TestNetns;
  let server: TestNetns;

  beforeAll(async () => {
    host = makeNetns(`nath${tag}`);
    spaces.push(host);
    router = makeNetns(`natr${tag}`);
    spaces.push(router);
    server = makeNetns(`nats${tag}`);
    spaces.push(server);
    sh('ip', '-n', router.name, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', host.name);
    sh('ip', '-n', router.name, 'link', 'add', 'eth1', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', server.name);
    const up = (ns: TestNetns, dev: string, addr: string): void => {
      sh('ip', '-n', ns.name, 'addr', 'add', addr, 'dev', dev);
      sh('ip', '-n', ns.name, 'link', 'set', dev, 'up');
    };
    for (const ns of spaces) sh('ip', '-n', ns.name, 'link', 'set', 'lo', 'up');
    up(host, 'eth0', `${HOST}/24`);
    up(router, 'eth0', '10.0.1.1/24');
    up(router, 'eth1', `${ROUTER_OUT}/24`);
    up(server, 'eth0', `${SERVER}/24`);
    sh('ip', '-n', host.name, 'route', 'add', 'default', 'via', '10.0.1.1');
    sh('ip', '-n', server.name, 'route', 'add', '10.0.1.0/24', 'via', ROUTER_OUT);
    sh('ip', 'netns', 'exec', router.name, 'sysctl', '-qw', 'net.ipv4.ip_forward=1');
    children.push(await startEcho(server, SERVER, 7000));
    children.push(await startEcho(host, HOST, 80));
  });

  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    for (const ns of spaces) ns.remove();
    for (const ns of spaces) expect(netnsExists(ns.name)).toBe(false);
  });

  it('without a ruleset the server sees the host’s own address, and can reach the host (the control)', () => {
    expect(connect(host, SERVER, 7000)).toBe(HOST);
    expect(connect(server, HOST, 80)).toBe(SERVER);
  });

  it('with nslab’s masquerade the server sees the router’s outside address', () => {
    const nft = NftSession.open({ netnsFd: router.fd, timeoutMs: 5000 });
    try {
      const spec = natRuleset({
        masquerade: [{ sources: ['10.0.1.0/24'], oifname: 'eth1' }],
        portForwards: [{ proto: 'tcp', port: 8080, to: HOST, toPort: 80, iifname: 'eth1' }],
        forward: { policy: 'drop', allow: [{ iifname: 'eth0', oifname: 'eth1' }] },
      });
      nft.commit(rulesetRequests(spec));
    } finally {
      nft.close();
    }
    expect(connect(host, SERVER, 7000)).toBe(ROUTER_OUT);
  });

  it('the server can no longer open a connection to the host', () => {
    expect(connect(server, HOST, 80, 1500)).toMatch(/^ERR /);
  });

  it('the port forward reaches the service inside, which sees the server’s address', () => {
    expect(connect(server, ROUTER_OUT, 8080)).toBe(SERVER);
  });
});

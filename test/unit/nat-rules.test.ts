import { describe, expect, it } from 'vitest';
import { NLM_F } from '../../src/netlink/constants.js';
import { fileURLToPath } from 'node:url';
import { explainEtcFiles, labHostsPath, labNetnsEtcPath } from '../../src/lab/etc-files.js';
import { explainNat, labNatRuleset, labNatPlan, NatPlanError, tableComment } from '../../src/lab/nat-plan.js';
import { forwardingToRestore, previousForwarding, type IpForwardEntry, explainUplink, hostNatRuleset, hostTableName } from '../../src/lab/uplink-plan.js';
import { compilePlan } from '../../src/topology/plan.js';
import { overUplink } from '../../src/topology/plan-nat.js';

import { loadTopology, loadTopologyFile } from '../../src/topology/load.js';
import { debugExpr } from '../../src/nft/expr/index.js';
import { batchBegin, batchEnd } from '../../src/nft/framing.js';
import { decodeRule } from '../../src/nft/rule.js';
import { rulesetRequests, type RulesetSpec } from '../../src/nft/ruleset.js';
import { formatRuleset } from '../../src/nft/ruleset-text.js';
import type { Plan, PlanNat, PlanPortForward, PlanRoute, PlanUplink } from '../../src/topology/plan.js';
import { expectSameAsNft, nftFixture } from '../helpers/nft-fixtures.js';

/** The plan's decision for one route (plan-nat.ts keeps it as route.uplink). */
const viaUplink = (plan: Pick<Plan, 'uplink'>, r: PlanRoute): boolean => overUplink(plan.uplink, r);

/*
 * What the NAT and uplink steps install, from plan objects. The two rulesets
 * were given to Debian's nft as files (test/fixtures/nft/capture.mjs,
 * ruleset-lab-nat and ruleset-host-nat); the steps must produce the same
 * file text and send the same bytes nft sent for it.
 */

const O = 'nat.yaml:1:1 test';
const fwd = (port: number, proto: 'tcp' | 'udp', to: string, toPort: number, toNode = 'h1'): PlanPortForward => ({ port, proto, to, toNode, toPort, origin: O });

const ROUTER: PlanNat = {
  netns: 'demo-gw',
  node: 'gw',
  masquerade: { out: 'wan', sources: ['10.0.1.0/24', '10.0.2.0/24'] },
  ports: [fwd(8080, 'tcp', '10.0.1.10', 80), fwd(5353, 'udp', '10.0.2.10', 53, 'h3')],
  origin: O,
};

const UPLINK: PlanUplink = {
  netns: 'demo-gw',
  node: 'gw',
  dev: 'uplink',
  index: 4,
  mac: '02:00:00:00:00:01',
  address: '100.64.0.2/30',
  hostDev: 'demo-up',
  hostMac: '02:00:00:00:00:02',
  hostAddress: '100.64.0.1/30',
  labPrefixes: ['10.0.1.0/24', '10.0.2.0/24'],
  nat: true,
  ports: [fwd(8080, 'tcp', '10.0.1.10', 80)],
  origin: O,
};

/** nft's --debug=netlink text, one block of lines per rule. */
function debugBlocks(text: string): string[][] {
  return text
    .split('\n\n')
    .map((b) => b.split('\n').filter((l) => l.startsWith('  [')).map((l) => l.trim()))
    .filter((b) => b.length > 0);
}

function expectSameAsCapture(spec: RulesetSpec, fixture: string): void {
  const f = nftFixture(fixture);
  expect(formatRuleset(spec)).toBe(f.input);
  const reqs = rulesetRequests(spec);
  expect(reqs).toHaveLength(f.messages.length - 2);
  expectSameAsNft(batchBegin(), f, 0);
  reqs.forEach((r, i) => expectSameAsNft(r, f, i + 1));
  expectSameAsNft(batchEnd(), f, f.messages.length - 1);
  // And nslab reads nft's rules back as nft printed them.
  const rules = f.messages.filter((m) => m.header.type === 0x0a06).map(decodeRule);
  expect(rules.map((r) => r.exprs.map(debugExpr))).toEqual(debugBlocks(f.netlinkDebug));
}

describe('the NAT step’s ruleset for a node (nat: + ports:)', () => {
  const spec = labNatRuleset(ROUTER, 'demo');

  it('is the ruleset nft made from the same text, byte for byte', () => {
    expectSameAsCapture(spec, 'ruleset-lab-nat');
  });

  it('lives in table inet nslab, marked with the lab it belongs to', () => {
    expect(spec.table).toEqual({ family: 'inet', name: 'nslab', comment: tableComment('demo') });
    expect(tableComment('demo')).toBe('nslab lab demo');
  });

  it('lets replies and port forwards in from the outside before refusing the rest, IPv4 only', () => {
    const forward = spec.rules.filter((r) => r.chain === 'forward').map((r) => r.text);
    expect(forward).toEqual([
      'ct state established,related accept',
      'ip daddr 10.0.1.10 tcp dport 80 ct status dnat accept',
      'ip daddr 10.0.2.10 udp dport 53 ct status dnat accept',
      'meta nfproto ipv4 iifname "wan" drop',
    ]);
    expect(spec.chains.find((c) => c.name === 'forward')?.policy).toBe('accept');
  });

  it('forwards only what is addressed to the node itself', () => {
    for (const r of spec.rules.filter((x) => x.chain === 'prerouting')) expect(r.text).toMatch(/^fib daddr type local /);
  });

  it('carries the topology origin on every rule, for error messages', () => {
    expect(spec.rules.every((r) => r.origin === O)).toBe(true);
    expect(rulesetRequests(spec, { exclusive: true }).every((r) => r.origin === O)).toBe(true);
  });

  it('creates the table exclusively (nft create table), so it never adds to a table it did not make', () => {
    const [first] = rulesetRequests(spec, { exclusive: true });
    expect(first?.what).toBe('create table inet nslab');
    expect((first?.flags ?? 0) & NLM_F.NLM_F_EXCL).toBe(NLM_F.NLM_F_EXCL);
  });

  it('a node with ports but no nat: only the prerouting chain, no firewall', () => {
    const { masquerade: _, ...portsOnly } = ROUTER;
    const s = labNatRuleset({ ...portsOnly, ports: [fwd(2222, 'tcp', '10.0.1.10', 22)] }, 'demo');
    expect(s.chains.map((c) => c.name)).toEqual(['prerouting']);
    expect(s.rules.map((r) => r.text)).toEqual(['fib daddr type local tcp dport 2222 dnat ip to 10.0.1.10:22']);
  });

  it('a node with nat but no ports: masquerade and the refusing forward chain', () => {
    const p = labNatPlan({ ...ROUTER, ports: [] }, 'demo');
    expect(p.portForwards).toEqual([]);
    const s = labNatRuleset({ ...ROUTER, ports: [] }, 'demo');
    expect(s.chains.map((c) => c.name)).toEqual(['postrouting', 'forward']);
    expect(s.rules.filter((r) => r.chain === 'forward').map((r) => r.text)).toEqual(['ct state established,related accept', 'meta nfproto ipv4 iifname "wan" drop']);
  });

  it('says which forward and which node when the inside node has no IPv4 address', () => {
    const bad: PlanNat = { ...ROUTER, ports: [{ ...fwd(8080, 'tcp', '', 80, 'h9') }] };
    expect(() => labNatRuleset(bad, 'demo')).toThrow(NatPlanError);
    expect(() => labNatRuleset(bad, 'demo')).toThrow(`port forward 8080/tcp goes to node h9, which has no IPv4 address [${O}]`);
  });
});

describe('the uplink step’s table on the machine (nat: host + ports)', () => {
  const spec = hostNatRuleset(UPLINK, 'demo');

  it('is the ruleset nft made from the same text, byte for byte', () => {
    expect(spec).toBeDefined();
    expectSameAsCapture(spec as RulesetSpec, 'ruleset-host-nat');
  });

  it('is a table of the lab’s own, never the machine’s ruleset at large', () => {
    expect(spec?.table.name).toBe(hostTableName('demo'));
    expect(hostTableName('demo')).toBe('nslab-demo');
  });

  it('masquerades the lab prefixes and the cable itself, leaving by anything but the cable', () => {
    expect(spec?.rules.filter((r) => r.chain === 'postrouting').map((r) => r.text)).toEqual([
      'ip saddr 10.0.1.0/24 oifname != "demo-up" masquerade',
      'ip saddr 10.0.2.0/24 oifname != "demo-up" masquerade',
      'ip saddr 100.64.0.0/30 oifname != "demo-up" masquerade',
    ]);
  });

  it('has no forward chain: the machine’s own filtering stays the machine’s', () => {
    expect(spec?.chains.map((c) => c.name)).toEqual(['postrouting', 'prerouting']);
  });

  it('is not made at all for nat: none without ports', () => {
    expect(hostNatRuleset({ ...UPLINK, nat: false, ports: [] }, 'demo')).toBeUndefined();
  });

  it('with nat: none but ports, forwards without masquerading', () => {
    const s = hostNatRuleset({ ...UPLINK, nat: false }, 'demo');
    expect(s?.chains.map((c) => c.name)).toEqual(['prerouting']);
  });
});

describe('viaUplink(): routes only the uplink step can make', () => {
  const route = (r: Partial<PlanRoute>): PlanRoute => ({ netns: 'demo-gw', dst: 'default', family: 4, origin: O, ...r });
  const plan = { uplink: UPLINK } as unknown as Plan;

  it('is true for the uplink node’s route through the machine’s side', () => {
    expect(viaUplink(plan, route({ via: '100.64.0.1' }))).toBe(true);
    expect(viaUplink(plan, route({ dst: '192.0.2.0/24', index: 4 }))).toBe(true);
  });

  it('is false for other gateways, other nodes and labs without an uplink', () => {
    expect(viaUplink(plan, route({ via: '10.0.1.254' }))).toBe(false);
    expect(viaUplink(plan, route({ netns: 'demo-h1', via: '100.64.0.1' }))).toBe(false);
    expect(viaUplink(plan, route({ via: 'fd00::1', family: 6 }))).toBe(false);
    expect(viaUplink({} as Plan, route({ via: '100.64.0.1' }))).toBe(false);
  });
});

describe('ip_forward on the machine: put back only what nslab changed, by the last lab to need it', () => {
  const entry = (previous: string): IpForwardEntry => ({ op: 'host-ip-forward', previous });

  it('remembers the value found, or the value another lab will put back if it turned forwarding on', () => {
    expect(previousForwarding('0', [])).toBe('0');
    expect(previousForwarding('1', [])).toBe('1');
    expect(previousForwarding('1', [entry('0')])).toBe('0');
    expect(previousForwarding('1', [entry('1')])).toBe('1');
  });

  it('restores 0 when this lab turned it on and no other lab needs it', () => {
    expect(forwardingToRestore(entry('0'), [], '1')).toBe('0');
  });

  it('leaves it alone when it was on before, when another lab still needs it, or when it is already back', () => {
    expect(forwardingToRestore(entry('1'), [], '1')).toBeUndefined();
    expect(forwardingToRestore(entry('0'), [entry('0')], '1')).toBeUndefined();
    expect(forwardingToRestore(entry('0'), [], '0')).toBeUndefined();
  });

  it('two labs up, either order down: forwarding ends as it began', () => {
    // A comes up (0 → 1), B comes up (sees 1, inherits A's 0).
    const a = entry(previousForwarding('0', []));
    const b = entry(previousForwarding('1', [a]));
    // A down first: B still needs it; then B down: back to 0.
    expect(forwardingToRestore(a, [b], '1')).toBeUndefined();
    expect(forwardingToRestore(b, [], '1')).toBe('0');
    // B down first: A still needs it; then A down: back to 0.
    expect(forwardingToRestore(b, [a], '1')).toBeUndefined();
    expect(forwardingToRestore(a, [], '1')).toBe('0');
  });
});

describe('--explain lines for the steps', () => {
  const natPlan = compilePlan(loadTopologyFile(fileURLToPath(new URL('../../topologies/nat.yaml', import.meta.url))));
  const uplinkPlan = compilePlan(
    loadTopology(
      'up.yaml',
      `name: upl
routing: static
uplink: { node: gw, nat: host, ports: ["8080:h1:80/tcp"] }
topology:
  nodes:
    h1: { kind: host }
    gw: { kind: router }
  links:
    - endpoints: [{ node: h1, interface: eth0, ipv4: 10.0.1.10/24 }, { node: gw, interface: eth0, ipv4: 10.0.1.1/24 }]
`,
    ),
  );

  it('NAT: the node’s ruleset as an nft here-document in its namespace', () => {
    const lines = explainNat(natPlan);
    expect(lines[1]).toBe("ip netns exec nat-gw nft -f - <<'EOF'");
    expect(`${lines.slice(2, -1).join('\n')}\n`).toBe(formatRuleset(labNatRuleset(natPlan.nat[0] as PlanNat, 'nat')));
    expect(lines.at(-1)).toBe('EOF');
    expect(explainNat(uplinkPlan)).toEqual([]);
  });

  it('uplink: the cable, the machine’s side, the node’s side with its route over the cable, the table, forwarding', () => {
    const u = uplinkPlan.uplink as PlanUplink;
    const lines = explainUplink(uplinkPlan).filter((l) => !l.startsWith('#'));
    expect(lines.slice(0, 6)).toEqual([
      `ip -n upl-gw link add name uplink index ${u.index} address ${u.mac} up type veth peer name upl-up address ${u.hostMac} netns 1`,
      'ip link set upl-up up',
      'ip addr add 100.64.0.1/30 dev upl-up',
      'ip route add 10.0.1.0/24 via 100.64.0.2 dev upl-up proto static',
      'ip -n upl-gw addr add 100.64.0.2/30 dev uplink',
      'ip -n upl-gw route add default via 100.64.0.1 proto static',
    ]);
    expect(lines[6]).toBe("nft -f - <<'EOF'");
    expect(lines.at(-1)).toBe('sysctl -qw net.ipv4.ip_forward=1');
    expect(explainUplink(natPlan)).toEqual([]);
  });

  it('/etc/netns: one hosts file, a directory of its own where dns: is set, else a link to the shared one', () => {
    const lines = explainEtcFiles(natPlan);
    expect(lines).toContain(`mkdir -p /etc/netns/nat-h1 && ln -s ${labHostsPath('nat')} /etc/netns/nat-h1/hosts`);
    expect(lines).toContain("cat > /etc/netns/nat-h1/resolv.conf <<'EOF'");
    expect(lines).toContain('10.0.1.10\th1');
    // nat.yaml gives every node dns:; h2 here has none.
    const plan = compilePlan(loadTopology('etc.yaml', 'name: etc\ntopology:\n  nodes:\n    h1: { dns: { servers: [192.0.2.53] } }\n    h2: {}\n  links:\n    - endpoints: [h1:eth0, h2:eth0]\n'));
    const mixed = explainEtcFiles(plan);
    expect(mixed).toContain(`mkdir -p /etc/netns/etc-h1 && ln -s ${labHostsPath('etc')} /etc/netns/etc-h1/hosts`);
    expect(mixed).toContain(`mkdir -p ${labNetnsEtcPath('etc')} /etc/netns && ln -s ${labHostsPath('etc')} ${labNetnsEtcPath('etc')}/hosts`);
    expect(mixed).toContain(`ln -sfn ${labNetnsEtcPath('etc')} /etc/netns/etc-h2`);
    expect(mixed.filter((l) => l.includes('/etc/netns/etc-h2'))).toHaveLength(1);
    // mkdir: the lab's state directory, the shared directory, h1's own.
    expect(mixed.filter((l) => l.startsWith('mkdir -p'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('mkdir -p'))).toHaveLength(natPlan.namespaces.length + 1);
  });
});

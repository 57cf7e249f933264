import { describe, expect, it } from 'vitest';
import { NLM_F } from '../../src/netlink/constants.js';
import type { Message } from '../../src/netlink/message.js';
import { decodeChain } from '../../src/nft/chain.js';
import { NFT_MSG } from '../../src/nft/constants.js';
import { batchBegin, batchEnd, isNftMessage, nftMsgOf } from '../../src/nft/framing.js';
import { decodeRule } from '../../src/nft/rule.js';
import { natRuleset, removeRuleset, rulesetRequests, type NatPlan } from '../../src/nft/ruleset.js';
import { diffRuleset, type InstalledRuleset, formatRuleset } from '../../src/nft/ruleset-text.js';
import { decodeTable } from '../../src/nft/table.js';
import { expectSameAsNft, nftFixture, nftReplies } from '../helpers/nft-fixtures.js';

/** The plan whose ruleset capture.mjs feeds to `nft -f` as NAT_ROUTER. */
const PLAN: NatPlan = {
  masquerade: [{ sources: ['10.0.1.0/24', '10.0.0.0/20'], oifname: 'eth1' }],
  portForwards: [
    { proto: 'tcp', port: 8080, to: '10.0.1.10', toPort: 80, iifname: 'eth1' },
    { proto: 'udp', port: 5353, to: '10.0.1.10', toPort: 53, iifname: 'eth1' },
  ],
  forward: { policy: 'drop', allow: [{ iifname: 'eth0', oifname: 'eth1' }] },
};

function installedFrom(messages: Message[]): InstalledRuleset {
  const table = messages.filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWTABLE)).map(decodeTable)[0];
  return {
    ...(table ? { table } : {}),
    chains: messages.filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWCHAIN)).map(decodeChain),
    rules: messages.filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWRULE)).map(decodeRule),
  };
}

describe('natRuleset()', () => {
  const spec = natRuleset(PLAN);
  const fixture = nftFixture('ruleset-nat-router');

  it('writes the same nft file capture.mjs gave to nft', () => {
    expect(formatRuleset(spec)).toBe(fixture.input);
  });

  it('sends the batch nft sent for that file, byte for byte (plus NLM_F_ACK)', () => {
    const reqs = rulesetRequests(spec);
    expect(reqs).toHaveLength(fixture.messages.length - 2);
    expectSameAsNft(batchBegin(), fixture, 0);
    reqs.forEach((r, i) => {
      expect(r.flags & NLM_F.NLM_F_ACK).toBe(NLM_F.NLM_F_ACK);
      expectSameAsNft(r, fixture, i + 1);
    });
    expectSameAsNft(batchEnd(), fixture, fixture.messages.length - 1);
  });

  it('describes every rule in nft syntax for error messages', () => {
    expect(rulesetRequests(spec).map((r) => r.what)).toEqual([
      'add table inet nslab',
      'add chain inet nslab postrouting { type nat hook postrouting priority srcnat; policy accept; }',
      'add chain inet nslab prerouting { type nat hook prerouting priority dstnat; policy accept; }',
      'add chain inet nslab forward { type filter hook forward priority filter; policy drop; }',
      'add rule inet nslab postrouting ip saddr 10.0.1.0/24 oifname "eth1" masquerade',
      'add rule inet nslab postrouting ip saddr 10.0.0.0/20 oifname "eth1" masquerade',
      'add rule inet nslab prerouting iifname "eth1" tcp dport 8080 dnat ip to 10.0.1.10:80',
      'add rule inet nslab prerouting iifname "eth1" udp dport 5353 dnat ip to 10.0.1.10:53',
      'add rule inet nslab forward ct state established,related accept',
      'add rule inet nslab forward iifname "eth0" oifname "eth1" accept',
      'add rule inet nslab forward ip daddr 10.0.1.10 tcp dport 80 ct status dnat accept',
      'add rule inet nslab forward ip daddr 10.0.1.10 udp dport 53 ct status dnat accept',
    ]);
  });

  it('creates only the chains the plan needs', () => {
    const masqOnly = natRuleset({ masquerade: [{ sources: [], oifname: 'wan' }] });
    expect(masqOnly.chains.map((c) => c.name)).toEqual(['postrouting']);
    expect(masqOnly.rules.map((r) => r.text)).toEqual(['oifname "wan" masquerade']);
    const fwdOnly = natRuleset({ portForwards: [{ proto: 'tcp', port: 22, to: '10.0.0.2' }] });
    expect(fwdOnly.chains.map((c) => c.name)).toEqual(['prerouting']);
    expect(fwdOnly.rules.map((r) => r.text)).toEqual(['tcp dport 22 dnat ip to 10.0.0.2:22']);
  });

  it('normalises a host address to its network and prints v6 like nft', () => {
    const s = natRuleset({
      masquerade: [{ sources: ['10.0.1.77/24', 'fd00:1::5/64'], oifname: 'eth1' }],
      portForwards: [{ proto: 'tcp', port: 8080, to: 'fd00:1::10', toPort: 80 }],
      forward: { policy: 'accept', established: false },
    });
    expect(formatRuleset(s)).toContain('ip saddr 10.0.1.0/24 oifname "eth1" masquerade');
    expect(formatRuleset(s)).toContain('ip6 saddr fd00:1::/64 oifname "eth1" masquerade');
    expect(formatRuleset(s)).toContain('tcp dport 8080 dnat ip6 to [fd00:1::10]:80');
    expect(formatRuleset(s)).toContain('ip6 daddr fd00:1::10 tcp dport 80 ct status dnat accept');
    expect(formatRuleset(s)).not.toContain('ct state');
  });

  it('keeps origins on the requests so errors can name the topology line', () => {
    const s = natRuleset({ origin: 'lab.yaml:3', masquerade: [{ sources: ['10.0.0.0/8'], oifname: 'eth1', origin: 'lab.yaml:9' }] });
    const reqs = rulesetRequests(s);
    expect(reqs.map((r) => r.origin)).toEqual(['lab.yaml:3', 'lab.yaml:3', 'lab.yaml:9']);
  });

  it('refuses bad input before anything is sent', () => {
    expect(() => natRuleset({ masquerade: [{ sources: ['10.0.0.0/33'], oifname: 'eth1' }] })).toThrow(TypeError);
    expect(() => natRuleset({ masquerade: [{ sources: [], oifname: 'a-very-long-ifname' }] })).toThrow(/1–15 bytes/);
    expect(() => natRuleset({ portForwards: [{ proto: 'tcp', port: 70000, to: '10.0.0.1' }] })).toThrow(/0–65535/);
    expect(() => natRuleset({ forward: { policy: 'drop', allow: [{}] } })).toThrow(/iifname, oifname or both/);
  });
});

describe('rulesetRequests() and removeRuleset()', () => {
  const spec = natRuleset(PLAN);
  it('replaces atomically: add table, delete table, then the new contents', () => {
    const reqs = rulesetRequests(spec, { replace: true });
    expect(reqs.slice(0, 3).map((r) => [nftMsgOf(r.type), r.what])).toEqual([
      [NFT_MSG.NFT_MSG_NEWTABLE, 'add table inet nslab'],
      [NFT_MSG.NFT_MSG_DELTABLE, 'delete table inet nslab'],
      [NFT_MSG.NFT_MSG_NEWTABLE, 'add table inet nslab'],
    ]);
    expect(reqs).toHaveLength(rulesetRequests(spec).length + 2);
  });
  it('removes by name or by handle', () => {
    expect(removeRuleset({ family: 'inet', name: 'nslab' }).map((r) => r.what)).toEqual(['delete table inet nslab']);
    expect(removeRuleset({ family: 'inet', handle: 7n }).map((r) => r.what)).toEqual(['delete table inet handle 7']);
  });
});

describe('diffRuleset() against what the kernel listed', () => {
  const spec = natRuleset(PLAN);
  const replies = nftReplies('list-nat-router');

  it('finds nothing to report for the kernel dump of the same ruleset', () => {
    expect(replies.input).toBe(formatRuleset(spec));
    const installed = installedFrom(replies.messages);
    expect(installed.table?.name).toBe('nslab');
    expect(installed.chains.map((c) => c.name)).toEqual(['postrouting', 'prerouting', 'forward']);
    expect(installed.rules).toHaveLength(8);
    expect(diffRuleset(spec, installed)).toEqual([]);
  });

  it('decodes chains and rules as the kernel reports them', () => {
    const installed = installedFrom(replies.messages);
    expect(installed.chains[2]?.base).toEqual({ type: 'filter', hook: 'forward', priority: 0, policy: 'drop' });
    expect(installed.chains[1]?.base?.priority).toBe(-100);
    const rules = installed.rules;
    expect(rules.map((r) => r.handle)).toEqual([4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n]);
    expect(rules[1]?.position).toBe(4n);
    // The kernel fills the nat range maxima and MAP_IPS itself.
    expect(rules[2]?.exprs.at(-1)).toEqual({
      kind: 'nat', type: 'dnat', family: 'ip', regAddrMin: 1, regAddrMax: 1, regProtoMin: 2, regProtoMax: 2, flags: 3,
    });
  });

  it('reports a missing rule, a changed policy, an extra chain and a missing table', () => {
    const installed = installedFrom(replies.messages);
    const fwd = installed.chains[2];
    if (!fwd?.base) throw new Error('no forward chain');
    const changed: InstalledRuleset = {
      ...installed,
      chains: [...installed.chains.slice(0, 2), { ...fwd, base: { ...fwd.base, policy: 'accept' } }, { ...fwd, name: 'stray', base: undefined } as never],
      rules: installed.rules.filter((r) => r.handle !== 5n),
    };
    const diffs = diffRuleset(spec, changed);
    expect(diffs.some((d) => d.startsWith('chain forward is type filter hook forward priority 0 policy accept, expected'))).toBe(true);
    expect(diffs.some((d) => d.startsWith('chain postrouting rule 2 is missing: ip saddr 10.0.0.0/20'))).toBe(true);
    expect(diffs).toContain('table inet nslab has an extra chain stray');
    expect(diffRuleset(spec, { chains: [], rules: [] })).toEqual(['table inet nslab is missing']);
  });

  it('shows both sides of a rule that differs', () => {
    const installed = installedFrom(replies.messages);
    const rules = [...installed.rules];
    const last = rules[7];
    if (!last) throw new Error('no rule 8');
    rules[7] = { ...last, exprs: last.exprs.slice(0, -1).concat({ kind: 'immediate', verdict: { code: 'drop' } }) };
    const [diff] = diffRuleset(spec, { ...installed, rules });
    expect(diff).toContain('chain forward rule 4 (ip daddr 10.0.1.10 udp dport 53 ct status dnat accept) differs');
    expect(diff).toContain('[ immediate reg 0 accept ]');
    expect(diff).toContain('[ immediate reg 0 drop ]');
  });
});

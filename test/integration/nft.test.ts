import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetlinkError } from '../../src/netlink/error.js';
import { newChain } from '../../src/nft/chain.js';
import { NftError } from '../../src/nft/errors.js';
import { jump } from '../../src/nft/expr/immediate.js';
import { masquerade } from '../../src/nft/expr/masq.js';
import { listTable, listTables } from '../../src/nft/list.js';
import { ifname } from '../../src/nft/match.js';
import { newRule } from '../../src/nft/rule.js';
import { natRuleset, removeRuleset, rulesetRequests, type NatPlan } from '../../src/nft/ruleset.js';
import { diffRuleset, formatRuleset } from '../../src/nft/ruleset-text.js';
import { NftSession } from '../../src/nft/session.js';
import { delTable, newTable } from '../../src/nft/table.js';
import { haveNft, isRoot, makeNetns, netnsExists, nftApply, nftJson, nftText, withoutHandles, type TestNetns } from '../helpers/nft-netns.js';

/*
 * nslab's nf_tables encoder against the real kernel, in namespaces made for
 * this run (nftt<pid>, nftr<pid>), checked with Debian's nft, which nobody
 * here wrote. Both namespaces are deleted in afterAll, also on failure.
 */

const PLAN: NatPlan = {
  comment: 'nslab test lab',
  masquerade: [{ sources: ['10.0.1.0/24', '10.0.0.0/20', 'fd00:1::/64'], oifname: 'eth1' }],
  portForwards: [
    { proto: 'tcp', port: 8080, to: '10.0.1.10', toPort: 80, iifname: 'eth1' },
    { proto: 'udp', port: 5353, to: '10.0.1.10', toPort: 53 },
  ],
  forward: { policy: 'drop', allow: [{ iifname: 'eth0', oifname: 'eth1' }] },
};

type NftObj = Record<string, Record<string, unknown>>;

function rulesOf(objs: NftObj[], chain: string): Record<string, unknown>[] {
  return objs.filter((o) => o.rule && o.rule.chain === chain).map((o) => o.rule as Record<string, unknown>);
}

describe.skipIf(!isRoot || !haveNft)('nf_tables through nslab’s encoder, checked with nft -j', () => {
  let ns: TestNetns;
  let ref: TestNetns;
  let nft: NftSession;

  beforeAll(() => {
    ns = makeNetns(`nftt${process.pid}`);
    ref = makeNetns(`nftr${process.pid}`);
    nft = NftSession.open({ netnsFd: ns.fd, label: `netns ${ns.name}`, timeoutMs: 5000 });
  });

  afterAll(() => {
    try {
      nft?.close();
    } finally {
      ns?.remove();
      ref?.remove();
    }
    expect(netnsExists(`nftt${process.pid}`)).toBe(false);
    expect(netnsExists(`nftr${process.pid}`)).toBe(false);
  });

  it('installs the NAT ruleset in one transaction, and nft lists what the plan asked for', () => {
    const spec = natRuleset(PLAN);
    const result = nft.commit(rulesetRequests(spec));
    expect(result.committed).toBe(true);
    expect(result.outcomes).toHaveLength(3 + 1 + spec.rules.length);

    const objs = nftJson(ns.name);
    const tables = objs.filter((o) => o.table).map((o) => o.table);
    expect(tables).toEqual([{ family: 'inet', name: 'nslab', handle: expect.any(Number) }]);
    // nft 1.0.6 leaves table comments out of its JSON; its text shows them.
    expect(nftText(ns.name)).toContain('comment "nslab test lab"');
    const chains = objs.filter((o) => o.chain).map((o) => o.chain);
    expect(chains.map((c) => [c?.name, c?.type, c?.hook, c?.prio, c?.policy])).toEqual([
      ['postrouting', 'nat', 'postrouting', 100, 'accept'],
      ['prerouting', 'nat', 'prerouting', -100, 'accept'],
      ['forward', 'filter', 'forward', 0, 'drop'],
    ]);

    const post = rulesOf(objs, 'postrouting');
    expect(post.map((r) => r.expr)).toEqual([
      [
        { match: { op: '==', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { prefix: { addr: '10.0.1.0', len: 24 } } } },
        { match: { op: '==', left: { meta: { key: 'oifname' } }, right: 'eth1' } },
        { masquerade: null },
      ],
      [
        { match: { op: '==', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { prefix: { addr: '10.0.0.0', len: 20 } } } },
        { match: { op: '==', left: { meta: { key: 'oifname' } }, right: 'eth1' } },
        { masquerade: null },
      ],
      [
        { match: { op: '==', left: { payload: { protocol: 'ip6', field: 'saddr' } }, right: { prefix: { addr: 'fd00:1::', len: 64 } } } },
        { match: { op: '==', left: { meta: { key: 'oifname' } }, right: 'eth1' } },
        { masquerade: null },
      ],
    ]);
    const pre = rulesOf(objs, 'prerouting');
    expect(pre.map((r) => r.expr)).toEqual([
      [
        { match: { op: '==', left: { meta: { key: 'iifname' } }, right: 'eth1' } },
        { match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: 8080 } },
        { dnat: { family: 'ip', addr: '10.0.1.10', port: 80 } },
      ],
      [
        { match: { op: '==', left: { payload: { protocol: 'udp', field: 'dport' } }, right: 5353 } },
        { dnat: { family: 'ip', addr: '10.0.1.10', port: 53 } },
      ],
    ]);
    const fwd = rulesOf(objs, 'forward');
    expect(fwd[0]?.expr).toEqual([
      { match: { op: 'in', left: { ct: { key: 'state' } }, right: ['established', 'related'] } },
      { accept: null },
    ]);
    expect(fwd).toHaveLength(4);
  });

  it('is listed by nft exactly like the same ruleset loaded by nft itself', () => {
    // The oracle: nft -f of the ruleset's own text, in a second namespace.
    nftApply(ref.name, formatRuleset(natRuleset(PLAN)));
    expect(withoutHandles(nftJson(ns.name))).toEqual(withoutHandles(nftJson(ref.name)));
  });

  it('reads back through its own decoder with no difference from the plan', () => {
    const spec = natRuleset(PLAN);
    const installed = listTable(nft, 'inet', 'nslab');
    expect(installed.rules.length).toBe(spec.rules.length);
    expect(diffRuleset(spec, installed)).toEqual([]);
    // and a different plan is reported as different
    const other = natRuleset({ ...PLAN, forward: { policy: 'accept' } });
    expect(diffRuleset(other, installed).length).toBeGreaterThan(0);
  });

  it('replaces the table atomically', () => {
    const smaller = natRuleset({ masquerade: [{ sources: ['192.168.7.0/24'], oifname: 'wan' }] });
    nft.commit(rulesetRequests(smaller, { replace: true }));
    const objs = nftJson(ns.name);
    expect(objs.filter((o) => o.chain).map((o) => o.chain?.name)).toEqual(['postrouting']);
    expect(rulesOf(objs, 'postrouting')).toHaveLength(1);
    expect(diffRuleset(smaller, listTable(nft, 'inet', 'nslab'))).toEqual([]);
  });

  it('reports a rule the kernel rejects with the kernel’s errno, and changes nothing', () => {
    const before = nftJson(ns.name);
    const fwdChain = newChain({ family: 'inet', table: 'nslab', name: 'fwd', type: 'filter', hook: 'forward', priority: 'filter', policy: 'accept' });
    const masqInFilter = newRule(
      { family: 'inet', table: 'nslab', chain: 'fwd', exprs: [...ifname('oifname', 'eth1'), masquerade()], text: 'oifname "eth1" masquerade' },
      'nat.yaml:7',
    );
    const result = nft.transaction([fwdChain, masqInFilter]);
    expect(result.committed).toBe(false);
    expect(result.outcomes.map((o) => o.ack?.errno)).toEqual([0, 95]);
    const err = result.error;
    expect(err).toBeInstanceOf(NftError);
    expect(err?.errnoName).toBe('EOPNOTSUPP');
    expect(err?.message).toBe(
      'cannot add rule inet nslab fwd oifname "eth1" masquerade: EOPNOTSUPP [nat.yaml:7]; none of the 2 changes in this nf_tables transaction were applied',
    );
    // The chain that was accepted in the same batch is not there either.
    expect(nftJson(ns.name)).toEqual(before);
  });

  it('names the attribute the kernel pointed at (a jump to a chain that does not exist)', () => {
    const bad = newRule({ family: 'inet', table: 'nslab', chain: 'postrouting', exprs: [jump('ghost')], text: 'jump ghost' });
    let caught: unknown;
    try {
      nft.commit([bad]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NftError);
    const err = caught as NftError;
    expect(err.errnoName).toBe('ENOENT');
    expect(err.extackOffset).toBeDefined();
    expect(err.attribute).toMatch(/^NFTA_RULE_EXPRESSIONS › expression 1 \(immediate\)/);
    expect(err.message).toContain('cannot add rule inet nslab postrouting jump ghost: ENOENT at NFTA_RULE_EXPRESSIONS › expression 1 (immediate)');
  });

  it('passes on the kernel’s extack text when it gives one', () => {
    let caught: unknown;
    try {
      nft.commit([newTable({ family: 'inet', name: 'n'.repeat(300) })]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NetlinkError);
    const err = caught as NftError;
    expect(err.extackMessage, 'the kernel explained itself').toBeTruthy();
    expect(err.message).toContain(`(kernel says: ${err.extackMessage ?? ''})`);
    expect(err.attribute).toBe('NFTA_TABLE_NAME');
  });

  it('NFT_TABLE_F_OWNER: other sockets may not touch an owned table, and it dies with its socket', () => {
    const owner = NftSession.open({ netnsFd: ns.fd, timeoutMs: 5000 });
    let closed = false;
    try {
      owner.commit([newTable({ family: 'inet', name: 'owned', owner: true })]);
      const seen = listTables(nft, 'inet').find((t) => t.name === 'owned');
      expect(seen?.flags).toBe(2);
      expect(seen?.owner).toBeGreaterThan(0);
      expect(() => nft.commit([delTable({ family: 'inet', name: 'owned' })])).toThrow(/EPERM/);
      owner.close();
      closed = true;
      expect(listTables(nft, 'inet').map((t) => t.name)).not.toContain('owned');
    } finally {
      if (!closed) owner.close();
    }
  });

  it('deletes the table and leaves nothing behind', () => {
    const handle = listTables(nft, 'inet').find((t) => t.name === 'nslab')?.handle;
    expect(handle).toBeDefined();
    nft.commit(removeRuleset({ family: 'inet', handle: handle ?? 0n }));
    expect(nftJson(ns.name)).toEqual([]);
    expect(listTables(nft)).toEqual([]);
    // A second delete is refused by name, as nft would be.
    expect(() => nft.commit(removeRuleset({ family: 'inet', name: 'nslab' }))).toThrow(/ENOENT/);
  });
});

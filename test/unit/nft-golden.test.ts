import { describe, expect, it } from 'vitest';
import { NLM_F } from '../../src/netlink/constants.js';
import type { Request } from '../../src/netlink/message.js';
import { parseCidr, parseIp } from '../../src/inet/ip.js';
import { delChain, newChain, type ChainSpec } from '../../src/nft/chain.js';
import { NF_NAT_RANGE } from '../../src/nft/constants.js';
import { cmp } from '../../src/nft/expr/cmp.js';
import { counter } from '../../src/nft/expr/counter.js';
import { accept, drop, jump } from '../../src/nft/expr/immediate.js';
import type { Expr } from '../../src/nft/expr/index.js';
import { masquerade } from '../../src/nft/expr/masq.js';
import { batchBegin, batchEnd } from '../../src/nft/framing.js';
import { addr, ctState, ctStatusDnat, daddrLocal, ifname, natTo, nfproto, port } from '../../src/nft/match.js';
import { delRule, newRule } from '../../src/nft/rule.js';
import { delTable, newTable } from '../../src/nft/table.js';
import { expectSameAsNft, nftFixture } from '../helpers/nft-fixtures.js';

/*
 * Each fixture is the batch Debian's nft 1.0.6 sent for one command (see
 * test/fixtures/nft/capture.mjs). nslab builds the same change and must send
 * the same bytes — BATCH_BEGIN, the message, BATCH_END — except that it also
 * sets NLM_F_ACK on the message (nft does not ask for acks).
 */

const T = { family: 'inet', name: 'nslab' } as const;
const POST: ChainSpec = { family: 'inet', table: 'nslab', name: 'postrouting', type: 'nat', hook: 'postrouting', priority: 'srcnat', policy: 'accept' };
const PRE: ChainSpec = { family: 'inet', table: 'nslab', name: 'prerouting', type: 'nat', hook: 'prerouting', priority: 'dstnat', policy: 'accept' };
const FWD: ChainSpec = { family: 'inet', table: 'nslab', name: 'forward', type: 'filter', hook: 'forward', priority: 'filter', policy: 'drop' };

function rule(chain: string, exprs: Expr[], comment?: string): Request {
  return newRule({ family: 'inet', table: 'nslab', chain, exprs, ...(comment !== undefined ? { comment } : {}) });
}

const CASES: readonly (readonly [string, () => Request])[] = [
  ['table-add-inet', () => newTable(T)],
  ['table-add-ip', () => newTable({ family: 'ip', name: 'nslab' })],
  ['table-create-inet', () => newTable(T, { exclusive: true })],
  ['table-add-comment', () => newTable({ ...T, comment: 'nslab lab demo' })],
  ['table-add-owner', () => newTable({ ...T, owner: true })],
  ['table-delete', () => delTable(T)],
  ['table-delete-handle', () => delTable({ family: 'inet', handle: 1n })],
  ['chain-add-nat-postrouting', () => newChain(POST)],
  ['chain-add-nat-prerouting', () => newChain(PRE)],
  ['chain-add-filter-forward-drop', () => newChain(FWD)],
  ['chain-add-regular', () => newChain({ family: 'inet', table: 'nslab', name: 'lan_in' })],
  ['chain-delete', () => delChain({ family: 'inet', table: 'nslab', name: 'lan_in' })],
  ['rule-masq-prefix24', () => rule('postrouting', [...addr('inet', 'saddr', parseCidr('10.0.1.0/24')), ...ifname('oifname', 'eth1'), masquerade()])],
  ['rule-masq-prefix20', () => rule('postrouting', [...addr('inet', 'saddr', parseCidr('10.0.0.0/20')), ...ifname('oifname', 'eth1'), masquerade()])],
  ['rule-masq-ip6', () => rule('postrouting', [...addr('inet', 'saddr', parseCidr('fd00:1::/64')), ...ifname('oifname', 'eth1'), masquerade()])],
  ['rule-masq-ip6-prefix60', () => rule('postrouting', [...addr('inet', 'saddr', parseCidr('fd00:10::/60')), ...ifname('oifname', 'eth1'), masquerade()])],
  ['rule-masq-random', () => rule('postrouting', [...ifname('oifname', 'eth1'), masquerade(NF_NAT_RANGE.NF_NAT_RANGE_PROTO_RANDOM)])],
  ['rule-snat', () => rule('postrouting', [...ifname('oifname', 'eth1'), ...natTo('snat', parseIp('192.0.2.1'))])],
  ['rule-dnat-tcp', () => rule('prerouting', [...ifname('iifname', 'wan0'), ...port('tcp', 'dport', 8080), ...natTo('dnat', parseIp('10.0.1.10'), 80)])],
  ['rule-dnat-udp', () => rule('prerouting', [...port('udp', 'dport', 5353), ...natTo('dnat', parseIp('10.0.1.10'), 53)])],
  ['rule-dnat-ip6', () => rule('prerouting', [...port('tcp', 'dport', 8080), ...natTo('dnat', parseIp('fd00:1::10'), 80)])],
  ['rule-ct-established', () => rule('forward', [...ctState(['established', 'related']), accept()])],
  ['rule-ct-status-dnat', () => rule('forward', [...ctStatusDnat(), accept()])],
  ['rule-ct-direction', () => rule('forward', [{ kind: 'ct', key: 'src_ip', dreg: 1, direction: 'original' }, cmp('eq', Uint8Array.of(10, 0, 1, 10)), accept()])],
  ['rule-forward-accept', () => rule('forward', [...addr('inet', 'daddr', parseCidr('10.0.1.10')), ...port('tcp', 'dport', 80), accept()])],
  ['rule-counter-drop', () => rule('forward', [counter(), drop()])],
  ['rule-jump', () => rule('forward', [jump('lan_in')])],
  ['rule-comment', () => rule('forward', [...ifname('iifname', 'eth0'), ...ifname('oifname', 'eth1'), accept()], 'nslab: lan out')],
  ['rule-delete', () => delRule({ family: 'inet', table: 'nslab', chain: 'forward', handle: 2n })],
  ['rule-dnat-fib-local', () => rule('prerouting', [...daddrLocal(), ...port('tcp', 'dport', 8080), ...natTo('dnat', parseIp('10.0.1.10'), 80)])],
  ['rule-masq-oifname-not', () => rule('postrouting', [...addr('inet', 'saddr', parseCidr('10.0.1.0/24')), ...ifname('oifname', 'nslab0', 'neq'), masquerade()])],
  ['rule-drop-nfproto-iifname', () => rule('forward', [...nfproto(4), ...ifname('iifname', 'wan'), drop()])],
];

describe('nf_tables requests match Debian nft byte for byte', () => {
  for (const [name, build] of CASES) {
    const f = nftFixture(name);
    it(`${name}: same bytes as \`${f.command}\``, () => {
      expect(f.messages, 'fixture holds BATCH_BEGIN, one message, BATCH_END').toHaveLength(3);
      const req = build();
      expect(req.flags & NLM_F.NLM_F_ACK, 'nslab asks for an ack').toBe(NLM_F.NLM_F_ACK);
      expectSameAsNft(batchBegin(), f, 0);
      expectSameAsNft(req, f, 1);
      expectSameAsNft(batchEnd(), f, 2);
    });
  }
});

describe('batch markers', () => {
  it('carry no NLM_F_ACK and are marked noReply', () => {
    for (const m of [batchBegin(), batchEnd()]) {
      expect(m.flags).toBe(NLM_F.NLM_F_REQUEST);
      expect(m.noReply).toBe(true);
    }
  });
  it('name NFNL_SUBSYS_NFTABLES in res_id, big-endian', () => {
    expect(Array.from(batchBegin().body)).toEqual([0, 0, 0, 10]);
  });
});

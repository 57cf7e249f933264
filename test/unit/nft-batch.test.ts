import { describe, expect, it } from 'vitest';
import { NLM_F } from '../../src/netlink/constants.js';
import { NetlinkError } from '../../src/netlink/error.js';
import type { Message, Request } from '../../src/netlink/message.js';
import { newChain } from '../../src/nft/chain.js';
import { NFNL_MSG_BATCH_BEGIN, NFNL_MSG_BATCH_END, NFT_MSG } from '../../src/nft/constants.js';
import { NftError, locateAttribute } from '../../src/nft/errors.js';
import { accept } from '../../src/nft/expr/immediate.js';
import { masquerade } from '../../src/nft/expr/masq.js';
import { nftMsgOf, nftType } from '../../src/nft/framing.js';
import { ifname, natTo } from '../../src/nft/match.js';
import { newRule } from '../../src/nft/rule.js';
import { NftSession } from '../../src/nft/session.js';
import { dumpTables, newTable } from '../../src/nft/table.js';
import { parseIp } from '../../src/inet/ip.js';
import { FakeSocket, ack, datagram, done, message, type AckOptions } from '../helpers/fake-socket.js';

/*
 * A fake nf_tables kernel, answering a batch the way nfnetlink_rcv_batch
 * does (checked on 6.18 with a probe): one ack per message that asked for
 * one — errors for refused messages — delivered after the whole batch, no
 * answer to BATCH_BEGIN/BATCH_END, and batch-wide failures reported against
 * BATCH_BEGIN's sequence number.
 */

interface KernelScript {
  /** Refuse the message at this index (0 = the first after BATCH_BEGIN). */
  readonly refuse?: ReadonlyMap<number, AckOptions>;
  /** The commit fails after every message was accepted (answer on BATCH_BEGIN first). */
  readonly commitErrno?: number;
  /** The batch fails as a whole before any message is answered (ENOMEM, EOPNOTSUPP). */
  readonly batchErrno?: number;
}

function kernel(script: KernelScript = {}) {
  return (msgs: Message[]): Uint8Array[] => {
    const begin = msgs[0];
    const end = msgs[msgs.length - 1];
    if (!begin || begin.header.type !== NFNL_MSG_BATCH_BEGIN || end?.header.type !== NFNL_MSG_BATCH_END) {
      throw new Error('fake kernel: a batch must arrive whole, BATCH_BEGIN … BATCH_END in one datagram');
    }
    if (script.batchErrno) return [ack(begin, { errno: script.batchErrno })];
    const body = msgs.slice(1, -1);
    const answers = body.flatMap((m, i) => {
      const refusal = script.refuse?.get(i);
      if (refusal) return [ack(m, refusal)];
      return m.header.flags & NLM_F.NLM_F_ACK ? [ack(m)] : [];
    });
    const out = answers.map((a) => datagram(a));
    if (script.commitErrno && !script.refuse?.size) out.unshift(ack(begin, { errno: script.commitErrno }));
    return out;
  };
}

const TABLE = newTable({ family: 'inet', name: 'nslab' });
const CHAIN = newChain({ family: 'inet', table: 'nslab', name: 'fwd', type: 'filter', hook: 'forward', priority: 0, policy: 'accept' });
const RULE_NOPE = newRule({ family: 'inet', table: 'nslab', chain: 'nope', exprs: [accept()], text: 'accept' });
const MASQ_IN_FILTER = newRule({ family: 'inet', table: 'nslab', chain: 'fwd', exprs: [...ifname('oifname', 'eth1'), masquerade()], text: 'oifname "eth1" masquerade' }, 'lab.yaml:12');

describe('NftSession.transaction(): one batch, one sendmsg', () => {
  it('sends BATCH_BEGIN, every message with NLM_F_ACK, BATCH_END in a single datagram with consecutive seqs', () => {
    const sock = new FakeSocket(kernel());
    const result = new NftSession(sock).transaction([TABLE, CHAIN]);
    expect(result.committed).toBe(true);
    expect(sock.sent).toHaveLength(1);
    const msgs = sock.sentMessages();
    expect(msgs.map((m) => m.header.type)).toEqual([NFNL_MSG_BATCH_BEGIN, nftType(NFT_MSG.NFT_MSG_NEWTABLE), nftType(NFT_MSG.NFT_MSG_NEWCHAIN), NFNL_MSG_BATCH_END]);
    expect(msgs.map((m) => m.header.flags & NLM_F.NLM_F_ACK)).toEqual([0, NLM_F.NLM_F_ACK, NLM_F.NLM_F_ACK, 0]);
    const seqs = msgs.map((m) => m.header.seq);
    expect(seqs.slice(1).map((s, i) => s - (seqs[i] ?? 0))).toEqual([1, 1, 1]);
    expect(result.outcomes.map((o) => o.ack?.errno)).toEqual([0, 0]);
  });

  it('keeps a batch of thousands of messages in one sendmsg (Connection would split it)', () => {
    const sock = new FakeSocket(kernel());
    const many = Array.from({ length: 1500 }, (_, i) => newRule({ family: 'inet', table: 'nslab', chain: 'fwd', exprs: [...ifname('iifname', `v${i}`), accept()] }));
    expect(new NftSession(sock).transaction(many).committed).toBe(true);
    expect(sock.sent).toHaveLength(1);
  });

  it('sends nothing for an empty transaction', () => {
    const sock = new FakeSocket(kernel());
    expect(new NftSession(sock).transaction([]).committed).toBe(true);
    expect(sock.sent).toHaveLength(0);
  });

  it('refuses a request that would not be acknowledged', () => {
    const noAck: Request = { ...TABLE, flags: TABLE.flags & ~NLM_F.NLM_F_ACK };
    expect(() => new NftSession(new FakeSocket(kernel())).transaction([noAck])).toThrow(/lacks NLM_F_ACK/);
  });
});

describe('NftSession.transaction(): refusals', () => {
  it('reports an aborted batch even though the other messages were acked with 0', () => {
    const sock = new FakeSocket(kernel({ refuse: new Map([[2, { errno: 2, extackOffset: 32 }]]) }));
    const result = new NftSession(sock).transaction([TABLE, CHAIN, RULE_NOPE]);
    expect(result.committed).toBe(false);
    expect(result.outcomes.map((o) => o.ack?.errno)).toEqual([0, 0, 2]);
    const err = result.error;
    expect(err).toBeInstanceOf(NftError);
    expect(err).toBeInstanceOf(NetlinkError);
    expect(err?.errnoName).toBe('ENOENT');
    expect(err?.attribute).toBe('NFTA_RULE_CHAIN');
    expect(err?.message).toBe('cannot add rule inet nslab nope accept: ENOENT at NFTA_RULE_CHAIN; none of the 3 changes in this nf_tables transaction were applied');
  });

  it('names the first refusal, counts the rest, and keeps the kernel text and the topology origin', () => {
    const refuse = new Map<number, AckOptions>([
      [1, { errno: 95 }],
      [2, { errno: 34, extack: 'Attribute failed policy validation', extackOffset: 20 }],
    ]);
    const result = new NftSession(new FakeSocket(kernel({ refuse }))).transaction([TABLE, MASQ_IN_FILTER, RULE_NOPE]);
    expect(result.error?.message).toBe(
      'cannot add rule inet nslab fwd oifname "eth1" masquerade: EOPNOTSUPP [lab.yaml:12]; none of the 3 changes in this nf_tables transaction were applied (1 more refused, likely as a consequence)',
    );
    expect(result.error?.failures.map((f) => f.message)).toEqual([
      'cannot add rule inet nslab fwd oifname "eth1" masquerade: EOPNOTSUPP [lab.yaml:12]',
      'cannot add rule inet nslab nope accept: ERANGE (kernel says: Attribute failed policy validation)',
    ]);
  });

  it('commit() throws the refusal', () => {
    const nft = new NftSession(new FakeSocket(kernel({ refuse: new Map([[0, { errno: 1 }]]) })));
    expect(() => nft.commit([TABLE])).toThrow('cannot add table inet nslab: EPERM');
  });

  it('notices a commit that failed after every message was accepted', () => {
    const sock = new FakeSocket(kernel({ commitErrno: 12 }));
    const result = new NftSession(sock).transaction([TABLE, CHAIN]);
    expect(result.committed).toBe(false);
    expect(result.error?.errnoName).toBe('ENOMEM');
    expect(result.error?.message).toMatch(/^cannot commit an nf_tables transaction of 2 changes \(add table inet nslab, …\): ENOMEM/);
    expect(result.outcomes.map((o) => o.ack?.errno), 'the acks queued behind it are still read').toEqual([0, 0]);
    expect(sock.queue).toHaveLength(0);
  });

  it('does not wait for acks that never come when the batch fails as a whole', () => {
    // FakeSocket.receive() throws when nothing is queued, so waiting would fail the test.
    const result = new NftSession(new FakeSocket(kernel({ batchErrno: 95 }))).transaction([TABLE, CHAIN]);
    expect(result.committed).toBe(false);
    expect(result.error?.errnoName).toBe('EOPNOTSUPP');
    expect(result.outcomes.every((o) => o.ack === undefined)).toBe(true);
  });
});

describe('locateAttribute(): the kernel’s extack offset in words', () => {
  it('names top-level attributes (offset as the kernel counts it, from the nlmsghdr)', () => {
    expect(locateAttribute(RULE_NOPE, 16 + 4)).toBe('NFTA_RULE_TABLE');
    expect(locateAttribute(RULE_NOPE, 32)).toBe('NFTA_RULE_CHAIN');
    expect(locateAttribute(CHAIN, 16 + 4 + 12 + 8 + 12)).toBe('NFTA_CHAIN_POLICY');
  });

  it('walks into expressions and their data', () => {
    const dnat = newRule({ family: 'inet', table: 'nslab', chain: 'fwd', exprs: [...natTo('dnat', parseIp('10.0.1.10'), 80)] });
    // table 12, chain "fwd" 8, then NFTA_RULE_EXPRESSIONS: its first element starts 4 bytes in.
    const list = 16 + 4 + 12 + 8;
    expect(locateAttribute(dnat, list + 4)).toBe('NFTA_RULE_EXPRESSIONS › expression 1 (immediate)');
    // expression 3 (nat): elements of 44 + 44 bytes come first; inside it the name (8) and NFTA_EXPR_DATA header (4), then TYPE, FAMILY, ADDR_MIN.
    const nat = list + 4 + 44 + 44;
    expect(locateAttribute(dnat, nat + 4 + 8 + 4 + 8 + 8)).toBe('NFTA_RULE_EXPRESSIONS › expression 3 (nat) › NFTA_NAT_REG_ADDR_MIN');
    // The verdict inside an immediate's data.
    const acc = newRule({ family: 'inet', table: 'nslab', chain: 'fwd', exprs: [accept()] });
    const code = list + 4 + 4 + 16 + 4 + 8 + 4 + 4;
    expect(locateAttribute(acc, code)).toBe('NFTA_RULE_EXPRESSIONS › expression 1 (immediate) › NFTA_IMMEDIATE_DATA › NFTA_DATA_VERDICT › NFTA_VERDICT_CODE');
  });

  it('says nothing for offsets in the headers or past the end', () => {
    expect(locateAttribute(RULE_NOPE, 0)).toBeUndefined();
    expect(locateAttribute(RULE_NOPE, 16 + RULE_NOPE.body.length + 8)).toBeUndefined();
  });
});

describe('NftSession dumps', () => {
  it('go through the same Connection as the batches, never reusing a sequence number', () => {
    const sock = new FakeSocket((msgs) => {
      const m = msgs[0];
      if (!m) return [];
      if (m.header.flags & NLM_F.NLM_F_DUMP) {
        const table = newTable({ family: 'inet', name: 'nslab' });
        return [datagram(message(nftType(NFT_MSG.NFT_MSG_NEWTABLE), NLM_F.NLM_F_MULTI, m.header.seq, table.body)), done(m.header.seq)];
      }
      return kernel()(msgs);
    });
    const nft = new NftSession(sock);
    nft.commit([TABLE]);
    const got = nft.dump(dumpTables('inet'));
    expect(got.map((m) => nftMsgOf(m.header.type))).toEqual([NFT_MSG.NFT_MSG_NEWTABLE]);
    const sent = sock.sentMessages();
    expect(sent).toHaveLength(4);
    const batchSeqs = sent.slice(0, 3).map((m) => m.header.seq);
    const dumpSeq = sent[3]?.header.seq ?? -1;
    expect(dumpSeq).toBeGreaterThan(0);
    expect(batchSeqs).not.toContain(dumpSeq);
    expect(new Set(batchSeqs).size).toBe(3);
  });
});

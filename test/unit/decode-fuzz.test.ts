import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NetlinkDecodeError } from '../../src/netlink/decode-error.js';
import { decodeAck } from '../../src/netlink/error.js';
import { encodeMessage, parseMessages, type Message } from '../../src/netlink/message.js';
import { decodeChain } from '../../src/nft/chain.js';
import { decodeRule } from '../../src/nft/rule.js';
import { decodeTable } from '../../src/nft/table.js';
import { decodeAddr, newAddr } from '../../src/rtnl/addr.js';
import { RTM } from '../../src/rtnl/constants.js';
import { bridge } from '../../src/rtnl/kinds/bridge.js';
import { veth } from '../../src/rtnl/kinds/veth.js';
import { decodeLink, newLink } from '../../src/rtnl/link.js';
import { decodeQdisc } from '../../src/rtnl/qdisc.js';
import { decodeRoute, newRoute } from '../../src/rtnl/route.js';
import { parseCidr, parseIp } from '../../src/inet/ip.js';
import { fromHex } from '../helpers/hex.js';
import { tcReplyFixture } from '../fixtures/tc/fixtures.js';
import { seeded } from '../helpers/random.js';

/**
 * Messages as the kernel sends them (captured replies of nft and tc, and
 * rtnetlink messages in the kernel's layout), mutated at random with a fixed
 * seed: every decoder either decodes or throws NetlinkDecodeError, never a
 * TypeError or a RangeError of its own that the CLI would print as a bug.
 */

const seq = { seq: 1, pid: 0 };
const rtnl = [
  newLink({ name: 'eth0', index: 2, mac: new Uint8Array([2, 0, 0, 0, 0, 1]), mtu: 1400, up: true, info: veth({ name: 'eth1', index: 3 }) }),
  newLink({ name: 'br0', index: 4, up: true, info: bridge({ stp: false }) }),
  newAddr({ index: 2, address: parseCidr('10.0.0.1/24'), nodad: false }),
  newAddr({ index: 2, address: parseCidr('fd00::1/64'), nodad: true }),
  newRoute({ dst: parseCidr('10.1.0.0/16'), gateway: parseIp('10.0.0.254'), oif: 2, metric: 10 }),
].map((r) => encodeMessage(r, seq.seq));

const nftReplies = (JSON.parse(readFileSync(new URL('../fixtures/nft/list-nat-router.json', import.meta.url), 'utf8')) as { replies: { hex: string }[] }).replies.map((r) => fromHex(r.hex));
const tcReplies = tcReplyFixture('reply-tbf-10mbit').replies;

const DECODERS: Readonly<Record<number, (m: Message) => unknown>> = {
  [RTM.RTM_NEWLINK]: decodeLink,
  [RTM.RTM_NEWADDR]: decodeAddr,
  [RTM.RTM_NEWROUTE]: decodeRoute,
  [RTM.RTM_NEWQDISC]: decodeQdisc,
  [0x0a00]: decodeTable, // NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWTABLE
  [0x0a03]: decodeChain,
  [0x0a06]: decodeRule,
  [2]: (m) => decodeAck(m.payload, m.header.flags), // NLMSG_ERROR
};

function mutate(rnd: () => number, wire: Uint8Array): Uint8Array {
  const out = Uint8Array.from(wire);
  const kind = rnd();
  if (kind < 0.3) return out.subarray(0, Math.floor(rnd() * out.length)); // cut short
  const flips = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < flips; i++) {
    const at = Math.floor(rnd() * out.length);
    // Lengths are the interesting bytes: sometimes small, sometimes huge.
    out[at] = rnd() < 0.5 ? Math.floor(rnd() * 256) : [0, 1, 3, 4, 0xff][Math.floor(rnd() * 5)] as number;
  }
  return out;
}

describe('decoders under mutated kernel messages', () => {
  it('decode or throw NetlinkDecodeError, for 30 000 seeded mutations', () => {
    const corpus = [...rtnl, ...nftReplies, ...tcReplies];
    expect(corpus.length).toBeGreaterThan(10);
    const rnd = seeded(20261204);
    let decoded = 0;
    let refused = 0;
    for (let i = 0; i < 30_000; i++) {
      const wire = mutate(rnd, corpus[i % corpus.length] as Uint8Array);
      try {
        for (const m of parseMessages(wire)) {
          const decode = DECODERS[m.header.type];
          if (decode) decode(m);
        }
        decoded++;
      } catch (err) {
        if (!(err instanceof NetlinkDecodeError)) throw new Error(`mutation ${i} of message ${i % corpus.length} (${Buffer.from(wire).toString('hex')}) threw ${String(err)}`);
        refused++;
      }
    }
    expect(decoded).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { parseAttrs } from '../../src/netlink/attributes.js';
import { Writer } from '../../src/netlink/writer.js';
import { NFTA_FIB_F, NFTA_RULE, NF_NAT_RANGE } from '../../src/nft/constants.js';
import { debugExpr, readExpr, readExprList, writeExpr, type Expr } from '../../src/nft/expr/index.js';
import { splitNfgenmsg } from '../../src/nft/framing.js';
import { decodeRule, debugRule } from '../../src/nft/rule.js';
import { expectSameBytes } from '../helpers/hex.js';
import { debugBlocks, nftFixture } from '../helpers/nft-fixtures.js';

const RULE_FIXTURES = [
  'rule-masq-prefix24',
  'rule-masq-prefix20',
  'rule-masq-ip6',
  'rule-masq-ip6-prefix60',
  'rule-masq-random',
  'rule-snat',
  'rule-dnat-tcp',
  'rule-dnat-udp',
  'rule-dnat-ip6',
  'rule-ct-established',
  'rule-ct-status-dnat',
  'rule-ct-direction',
  'rule-forward-accept',
  'rule-counter-drop',
  'rule-jump',
  'rule-comment',
  'rule-dnat-fib-local',
  'rule-masq-oifname-not',
  'rule-drop-nfproto-iifname',
];

function encodeOne(e: Expr): Uint8Array {
  const w = new Writer(4096);
  writeExpr(w, e);
  return w.finish();
}

/** The NFTA_LIST_ELEM attributes (whole, header included) of a captured NEWRULE. */
function capturedElems(name: string): Uint8Array[] {
  const f = nftFixture(name);
  const msg = f.messages[1];
  if (!msg) throw new Error(`${name} has no rule message`);
  const list = parseAttrs(splitNfgenmsg(msg.payload).attrs).find((a) => a.type === NFTA_RULE.NFTA_RULE_EXPRESSIONS);
  if (!list) throw new Error(`${name} has no NFTA_RULE_EXPRESSIONS`);
  return parseAttrs(list.data).map((a) => {
    const start = a.data.byteOffset - 4;
    return new Uint8Array(a.data.buffer, start, a.data.length + 4 + ((4 - (a.data.length % 4)) % 4));
  });
}

describe('expressions decoded from nft captures', () => {
  for (const name of RULE_FIXTURES) {
    const f = nftFixture(name);
    it(`${name}: print as nft --debug=netlink prints them`, () => {
      const msg = f.messages[1];
      if (!msg) throw new Error('no rule message');
      const rule = decodeRule(msg);
      const [nftLines] = debugBlocks(f.netlinkDebug);
      expect(nftLines, 'nft printed the rule').toBeDefined();
      expect(debugRule(rule.exprs)).toEqual(nftLines);
    });
    it(`${name}: each expression re-encodes to the bytes nft sent`, () => {
      const elems = capturedElems(name);
      expect(elems.length).toBeGreaterThan(0);
      elems.forEach((bytes, i) => {
        const e = readExpr(bytes.subarray(4));
        expect(e.kind, `expression ${i + 1} is known`).not.toBe('unknown');
        expectSameBytes(encodeOne(e), bytes, `${name} expression ${i + 1} (${e.kind})`);
      });
    });
  }
});

describe('a whole ruleset decoded from nft -f', () => {
  it('prints every rule as nft --debug=netlink printed it', () => {
    const f = nftFixture('ruleset-nat-router');
    const rules = f.messages.filter((m) => m.header.type === 0x0a06).map(decodeRule);
    const blocks = debugBlocks(f.netlinkDebug);
    expect(rules).toHaveLength(8);
    expect(rules.map((r) => debugRule(r.exprs))).toEqual(blocks);
  });
});

const ROUND_TRIP: readonly (readonly [string, Expr])[] = [
  ['payload network', { kind: 'payload', base: 'network', offset: 12, len: 4, dreg: 1 }],
  ['payload link, 32-bit register', { kind: 'payload', base: 'link', offset: 6, len: 6, dreg: 9 }],
  ['payload with an unknown base kept as a number', { kind: 'payload', base: 7, offset: 0, len: 1, dreg: 2 }],
  ['cmp gte', { kind: 'cmp', sreg: 2, op: 'gte', data: Uint8Array.of(1, 2, 3) }],
  ['meta load', { kind: 'meta', key: 'iifname', dreg: 1 }],
  ['meta set', { kind: 'meta', key: 'mark', sreg: 3 }],
  ['bitwise mask/xor', { kind: 'bitwise', op: 'mask-xor', sreg: 1, dreg: 2, len: 2, mask: Uint8Array.of(0xff, 0), xor: Uint8Array.of(0, 1) }],
  ['bitwise lshift', { kind: 'bitwise', op: 'lshift', sreg: 1, dreg: 1, len: 4, shift: 8 }],
  ['bitwise rshift', { kind: 'bitwise', op: 'rshift', sreg: 1, dreg: 1, len: 4, shift: 3 }],
  ['immediate value', { kind: 'immediate', dreg: 2, value: Uint8Array.of(0, 80) }],
  ['immediate accept', { kind: 'immediate', verdict: { code: 'accept' } }],
  ['immediate drop', { kind: 'immediate', verdict: { code: 'drop' } }],
  ['immediate return', { kind: 'immediate', verdict: { code: 'return' } }],
  ['immediate continue', { kind: 'immediate', verdict: { code: 'continue' } }],
  ['immediate jump', { kind: 'immediate', verdict: { code: 'jump', chain: 'lan_in' } }],
  ['immediate goto', { kind: 'immediate', verdict: { code: 'goto', chain: 'x' } }],
  ['immediate unknown verdict number', { kind: 'immediate', verdict: { code: 0x7fff0000 } }],
  ['ct state', { kind: 'ct', key: 'state', dreg: 1 }],
  ['ct with direction', { kind: 'ct', key: 'src_ip', dreg: 1, direction: 'reply' }],
  ['counter fresh', { kind: 'counter', packets: 0n, bytes: 0n }],
  ['counter with counts', { kind: 'counter', packets: 12n, bytes: 3456789012345n }],
  ['masq plain', { kind: 'masq' }],
  ['masq with flags and ports', { kind: 'masq', flags: NF_NAT_RANGE.NF_NAT_RANGE_PROTO_RANDOM_FULLY, regProtoMin: 1, regProtoMax: 2 }],
  ['nat snat', { kind: 'nat', type: 'snat', family: 'ip', regAddrMin: 1 }],
  ['nat dnat ip6 with every register', { kind: 'nat', type: 'dnat', family: 'ip6', regAddrMin: 1, regAddrMax: 2, regProtoMin: 3, regProtoMax: 4, flags: 3 }],
  ['fib daddr type', { kind: 'fib', result: 'type', flags: NFTA_FIB_F.NFTA_FIB_F_DADDR, dreg: 1 }],
  ['fib saddr iif oif', { kind: 'fib', result: 'oif', flags: NFTA_FIB_F.NFTA_FIB_F_SADDR | NFTA_FIB_F.NFTA_FIB_F_IIF, dreg: 8 }],
  ['unknown expression', { kind: 'unknown', name: 'quota', data: Uint8Array.of(8, 0, 1, 0, 0, 0, 0, 1) }],
];

describe('decode(encode(x)) round trips', () => {
  for (const [what, e] of ROUND_TRIP) {
    it(what, () => {
      const bytes = encodeOne(e);
      const back = readExpr(parseAttrs(bytes)[0]?.data ?? new Uint8Array(0));
      expect(back).toEqual(e);
    });
  }
  it('a list keeps its order', () => {
    const w = new Writer(4096);
    const exprs = ROUND_TRIP.map(([, e]) => e);
    for (const e of exprs) writeExpr(w, e);
    expect(readExprList(w.finish())).toEqual(exprs);
  });
});

describe('expression debug text', () => {
  it('prints verdicts, shifts and sets the way libnftnl does', () => {
    expect(debugExpr({ kind: 'immediate', verdict: { code: 'goto', chain: 'x' } })).toBe('[ immediate reg 0 goto -> x ]');
    expect(debugExpr({ kind: 'meta', key: 'mark', sreg: 1 })).toBe('[ meta set mark with reg 1 ]');
    expect(debugExpr({ kind: 'bitwise', op: 'lshift', sreg: 1, dreg: 1, len: 4, shift: 8 })).toBe('[ bitwise reg 1 = ( reg 1 << 0x08000000 ) ]');
    expect(debugExpr({ kind: 'ct', key: 'state', dreg: 1, direction: 'reply' })).toBe('[ ct load state => reg 1 , dir reply ]');
  });
});

describe('expressions refuse what the kernel would', () => {
  it('rejects the verdict register as a data register', () => {
    expect(() => encodeOne({ kind: 'payload', base: 'network', offset: 12, len: 4, dreg: 0 })).toThrow(RangeError);
    expect(() => encodeOne({ kind: 'cmp', sreg: 5, op: 'eq', data: Uint8Array.of(1) })).toThrow(/not a data register/);
  });
  it('rejects empty and over-long values', () => {
    expect(() => encodeOne({ kind: 'cmp', sreg: 1, op: 'eq', data: new Uint8Array(0) })).toThrow(/1–64 bytes/);
    expect(() => encodeOne({ kind: 'immediate', dreg: 1, value: new Uint8Array(65) })).toThrow(/1–64 bytes/);
  });
  it('rejects a mask whose length is not the bitwise length', () => {
    expect(() => encodeOne({ kind: 'bitwise', op: 'mask-xor', sreg: 1, dreg: 1, len: 4, mask: new Uint8Array(2), xor: new Uint8Array(4) })).toThrow(RangeError);
  });
  it('names the attribute a truncated expression lacks', () => {
    const w = new Writer(256);
    w.nest(1, () => {
      w.attrString(1, 'cmp');
      w.nest(2, () => w.attrBe32(1, 1), true);
    }, true);
    expect(() => readExprList(w.finish())).toThrow(/nf_tables expression the kernel sent: the attribute is missing \(at byte 0; expected NFTA_CMP_OP\)/);
  });
});

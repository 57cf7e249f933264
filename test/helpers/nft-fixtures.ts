import { readFileSync } from 'node:fs';
import { NLM_F } from '../../src/netlink/constants.js';
import { encodeMessage, parseMessages, type Message, type Request } from '../../src/netlink/message.js';
import { expectSameBytes, fromHex } from './hex.js';

/**
 * Loaders for test/fixtures/nft, written by test/fixtures/nft/capture.mjs
 * from Debian's nft run under strace in a throwaway namespace.
 */
const DIR = new URL('../fixtures/nft/', import.meta.url);

interface RawMessage {
  type: string;
  flags: string;
  seq: number;
  hex: string;
}

export interface NftFixture {
  readonly name: string;
  /** The nft command the bytes came from. */
  readonly command: string;
  /** The `nft -f` file, for fixtures captured from one. */
  readonly input?: string;
  /** What nft printed for --debug=netlink. */
  readonly netlinkDebug: string;
  /** The batch nft sent: BATCH_BEGIN, the messages, BATCH_END. */
  readonly messages: Message[];
  /** The same messages as bytes, one per message. */
  readonly wire: Uint8Array[];
}

function load(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Record<string, unknown>;
}

export function nftFixture(name: string): NftFixture {
  const raw = load(name);
  const wire = (raw.messages as RawMessage[]).map((m) => fromHex(m.hex));
  return {
    name,
    command: raw.command as string,
    ...(typeof raw.input === 'string' ? { input: raw.input } : {}),
    netlinkDebug: (raw.netlink_debug as string | undefined) ?? '',
    messages: wire.flatMap((w) => parseMessages(w)),
    wire,
  };
}

/** The kernel's answers to `nft list ruleset` (nf_tables messages only), captured by recvmsg. */
export function nftReplies(name: string): { command: string; input: string; messages: Message[] } {
  const raw = load(name);
  const msgs = (raw.replies as RawMessage[]).flatMap((m) => parseMessages(fromHex(m.hex)));
  return { command: raw.command as string, input: raw.input as string, messages: msgs };
}

/**
 * nft sends batch messages without NLM_F_ACK (it learns of errors only);
 * nslab asks for an ack on every one. Apart from that bit and the sequence
 * number, nslab's message must be nft's, byte for byte.
 */
export function expectSameAsNft(req: Request, fixture: NftFixture, index: number): void {
  const want = fixture.wire[index];
  const wantMsg = fixture.messages[index];
  if (!want || !wantMsg) throw new Error(`${fixture.name} has no message ${index}`);
  const sent = encodeMessage({ ...req, flags: req.flags & ~NLM_F.NLM_F_ACK }, wantMsg.header.seq, wantMsg.header.pid);
  expectSameBytes(sent, want, `nslab vs \`${fixture.command}\` (message ${index})`);
}

/** The rule blocks of --debug=netlink output: the "[ … ]" lines of each rule, in order. */
export function debugBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let cur: string[] | undefined;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith('[ ')) {
      if (!cur) {
        cur = [];
        blocks.push(cur);
      }
      cur.push(t);
    } else if (!line.startsWith('  ')) {
      cur = undefined;
    }
  }
  return blocks;
}

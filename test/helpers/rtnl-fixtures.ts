import { readFileSync } from 'node:fs';
import { fromHex } from './hex.js';

/**
 * Loaders for test/fixtures/rtnl, written by test/fixtures/rtnl/capture.sh
 * from real iproute2 commands run under strace.
 */
const DIR = new URL('../fixtures/rtnl/', import.meta.url);

function load(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
}

/** One request iproute2 sent: the netlink header fields and the body after the 16-byte header. */
export interface RequestFixture {
  readonly name: string;
  /** The exact `ip` command the message came from. */
  readonly command: string;
  /** The command with the run's namespace names replaced by their roles ("ip -n A link …"), stable across captures. */
  readonly commandByRole: string;
  /** fd numbers ip got for /run/netns/<A|B>; IFLA_NET_NS_FD carries them. */
  readonly netnsFds: Readonly<Record<string, number>>;
  readonly type: number;
  readonly flags: number;
  readonly seq: number;
  readonly pid: number;
  readonly body: Uint8Array;
  /** The whole message as sent: header and body. */
  readonly wire: Uint8Array;
}

interface RawRequest {
  command: string;
  netns: Record<string, string>;
  netnsFds: Record<string, number>;
  message: { type: number; flags: number; seq: number; pid: number; body: string };
}

export function requestFixture(name: string): RequestFixture {
  const raw = load(name) as RawRequest;
  const body = fromHex(raw.message.body);
  const wire = new Uint8Array(16 + body.length);
  const v = new DataView(wire.buffer);
  // Captured on little-endian x86-64, like the fixture bytes themselves.
  v.setUint32(0, wire.length, true);
  v.setUint16(4, raw.message.type, true);
  v.setUint16(6, raw.message.flags, true);
  v.setUint32(8, raw.message.seq, true);
  v.setUint32(12, raw.message.pid, true);
  wire.set(body, 16);
  let commandByRole = raw.command;
  for (const [role, ns] of Object.entries(raw.netns)) commandByRole = commandByRole.split(ns).join(role);
  return { name, command: raw.command, commandByRole, netnsFds: raw.netnsFds, ...raw.message, body, wire };
}

/** The fd `ip` passed in IFLA_NET_NS_FD for namespace role `role` ("B"). */
export function netnsFd(f: RequestFixture, role: string): number {
  const fd = f.netnsFds[role];
  if (fd === undefined) throw new Error(`fixture ${f.name} records no /run/netns fd for namespace ${role}`);
  return fd;
}

/** Kernel reply datagrams to a dump and what `ip -j` printed from them. */
export interface ReplyFixture<J> {
  readonly command: string;
  readonly datagrams: readonly Uint8Array[];
  readonly ipJson: J;
}

export function replyFixture<J>(name: string): ReplyFixture<J> {
  const raw = load(name) as { command: string; datagrams: string[]; ipJson: J };
  return { command: raw.command, datagrams: raw.datagrams.map(fromHex), ipJson: raw.ipJson };
}

import { NLM_F } from '../netlink/constants.js';
import type { Message, Request } from '../netlink/message.js';
import { Writer } from '../netlink/writer.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';
import {
  NFGENMSG_LEN, NFNETLINK_V0, NFNL_MSG_BATCH_BEGIN, NFNL_MSG_BATCH_END, NFNL_SUBSYS_NFTABLES, NFPROTO, type NftMsg,
} from './constants.js';

/**
 * nf_tables message framing: every message is an nlmsghdr whose type is
 * (NFNL_SUBSYS_NFTABLES << 8) | NFT_MSG_*, then a struct nfgenmsg (family,
 * version NFNETLINK_V0, res_id big-endian), then attributes whose integers
 * are big-endian too.
 */

/** Address families nf_tables tables live in, by their nft names. */
export type NftFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';

const FAMILY_NUMBER: Readonly<Record<NftFamily, number>> = {
  ip: NFPROTO.NFPROTO_IPV4,
  ip6: NFPROTO.NFPROTO_IPV6,
  inet: NFPROTO.NFPROTO_INET,
  arp: NFPROTO.NFPROTO_ARP,
  bridge: NFPROTO.NFPROTO_BRIDGE,
  netdev: NFPROTO.NFPROTO_NETDEV,
};

/** The NFPROTO_* number of a family; 'unspec' (NFPROTO_UNSPEC) asks a dump for every family. */
export function familyNumber(f: NftFamily | 'unspec'): number {
  return f === 'unspec' ? NFPROTO.NFPROTO_UNSPEC : FAMILY_NUMBER[f];
}

/** The nft name of an NFPROTO_* number; unknown numbers stay numbers. */
export function familyName(n: number): NftFamily | number {
  for (const [name, num] of Object.entries(FAMILY_NUMBER)) if (num === n) return name as NftFamily;
  return n;
}

/** The nlmsg_type of an nf_tables message. */
export function nftType(msg: NftMsg): number {
  return (NFNL_SUBSYS_NFTABLES << 8) | msg;
}

/** The NFT_MSG_* part of an nlmsg_type, or undefined for another subsystem. */
export function nftMsgOf(type: number): number | undefined {
  return type >> 8 === NFNL_SUBSYS_NFTABLES ? type & 0xff : undefined;
}

/** Start a message body: struct nfgenmsg. */
export function writeNfgenmsg(w: Writer, family: number, resId = 0): Writer {
  return w.u8(family).u8(NFNETLINK_V0).be16(resId);
}

export interface Nfgenmsg {
  readonly family: number;
  readonly version: number;
  readonly resId: number;
}

/** Split a message payload into its nfgenmsg and its attributes. */
export function splitNfgenmsg(payload: Uint8Array): { header: Nfgenmsg; attrs: Uint8Array } {
  if (payload.length < NFGENMSG_LEN) {
    throw new NetlinkDecodeError('nf_tables message payload', 0, '4 bytes (struct nfgenmsg)', `it is ${payload.length} bytes`);
  }
  const v = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  return {
    header: { family: v.getUint8(0), version: v.getUint8(1), resId: v.getUint16(2, false) },
    attrs: payload.subarray(NFGENMSG_LEN),
  };
}

/** Whether a received message is an nf_tables message of this kind. */
export function isNftMessage(msg: Message, kind: NftMsg): boolean {
  return msg.header.type === nftType(kind);
}

export interface NftRequestSpec {
  readonly msg: NftMsg;
  readonly family: NftFamily | 'unspec';
  /** NLM_F_* flags; NLM_F_REQUEST is always added. */
  readonly flags: number;
  readonly attrs: (w: Writer) => void;
  readonly what: string;
  readonly origin?: string | undefined;
}

/** Build the Request for one nf_tables message. */
export function nftRequest(spec: NftRequestSpec): Request {
  const w = new Writer(256);
  writeNfgenmsg(w, familyNumber(spec.family));
  spec.attrs(w);
  return {
    type: nftType(spec.msg),
    flags: spec.flags | NLM_F.NLM_F_REQUEST,
    body: w.finish(),
    what: spec.what,
    ...(spec.origin !== undefined ? { origin: spec.origin } : {}),
  };
}

/**
 * NFNL_MSG_BATCH_BEGIN: opens a transaction. Family AF_UNSPEC, res_id the
 * subsystem (NFNL_SUBSYS_NFTABLES, big-endian as libnftnl sends it). The
 * kernel answers it only when the whole batch fails before or after the
 * messages in it (see batch.ts), so it is sent without NLM_F_ACK.
 */
export function batchBegin(): Request {
  return batchMarker(NFNL_MSG_BATCH_BEGIN, 'begin an nf_tables transaction');
}

/** NFNL_MSG_BATCH_END: commits the transaction opened by batchBegin(). */
export function batchEnd(): Request {
  return batchMarker(NFNL_MSG_BATCH_END, 'commit an nf_tables transaction');
}

function batchMarker(type: number, what: string): Request {
  const w = new Writer(4);
  writeNfgenmsg(w, NFPROTO.NFPROTO_UNSPEC, NFNL_SUBSYS_NFTABLES);
  return { type, flags: NLM_F.NLM_F_REQUEST, body: w.finish(), what, noReply: true };
}

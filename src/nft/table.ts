import { attrMap, read } from '../netlink/attributes.js';
import { NLM_F } from '../netlink/constants.js';
import type { Message, Request } from '../netlink/message.js';
import { NFT_MSG, NFT_TABLE_F, NFTA_TABLE } from './constants.js';
import { familyName, nftRequest, splitNfgenmsg, type NftFamily } from './framing.js';
import { decodeComment, encodeComment } from './userdata.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';

/**
 * nf_tables tables: the container nslab owns in each namespace.
 *
 * About NFT_TABLE_F_OWNER (kernel 5.12+): a table created with it belongs to
 * the netlink socket that created it. Other sockets cannot change or delete
 * it (EPERM), and the kernel deletes it as soon as that socket is closed —
 * `nft 'add table inet t { flags owner; }'` leaves nothing behind once nft
 * exits (test/integration/nft.test.ts checks both through nslab's own
 * socket). NFT_TABLE_F_PERSIST (6.9+) keeps an owned table after its owner
 * exits, but it then becomes an orphan anyone may change, so the protection
 * only lasts while the creating process runs.
 *
 * nslab does not set the flag: `nslab up` is a short-lived process and the
 * lab's NAT must outlive it. Ownership is kept by nslab's state record
 * instead: the namespaces are nslab's own, the table in each is named
 * `nslab` (see ruleset.ts), and `down` deletes exactly that table — by handle
 * when the record has one, so a same-named table someone else made later is
 * never touched. The flag stays available here (`owner: true`) for callers
 * that hold a socket open for the table's whole life (a test, a daemon).
 */

export interface TableSpec {
  readonly family: NftFamily;
  readonly name: string;
  /** NFT_TABLE_F_OWNER: the table lives only as long as this socket. */
  readonly owner?: boolean;
  /** NFT_TABLE_F_DORMANT: the table exists but its chains see no packets. */
  readonly dormant?: boolean;
  /** Shown by `nft list ruleset` as `comment "…"`. */
  readonly comment?: string;
}

/** A table by name, or by the handle the kernel gave it. */
export type TableRef =
  | { readonly family: NftFamily; readonly name: string }
  | { readonly family: NftFamily; readonly handle: bigint };

function tableFlags(t: TableSpec): number {
  return (t.owner ? NFT_TABLE_F.NFT_TABLE_F_OWNER : 0) | (t.dormant ? NFT_TABLE_F.NFT_TABLE_F_DORMANT : 0);
}

export interface NewTableOptions {
  /** Fail with EEXIST if the table exists (`nft create table`) instead of keeping it. */
  readonly exclusive?: boolean;
  readonly origin?: string;
}

/**
 * `nft add table inet nslab` — creates the table, or leaves an existing one
 * as it is (with `exclusive`: `nft create table inet nslab`).
 */
export function newTable(t: TableSpec, opts: NewTableOptions = {}): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_NEWTABLE,
    family: t.family,
    flags: NLM_F.NLM_F_ACK | (opts.exclusive ? NLM_F.NLM_F_EXCL : 0),
    attrs: (w) => {
      w.attrString(NFTA_TABLE.NFTA_TABLE_NAME, t.name);
      w.attrBe32(NFTA_TABLE.NFTA_TABLE_FLAGS, tableFlags(t));
      if (t.comment !== undefined) w.attrBytes(NFTA_TABLE.NFTA_TABLE_USERDATA, encodeComment(t.comment));
    },
    what: `${opts.exclusive ? 'create' : 'add'} table ${t.family} ${t.name}`,
    origin: opts.origin,
  });
}

function describeRef(ref: TableRef): string {
  return 'name' in ref ? `${ref.family} ${ref.name}` : `${ref.family} handle ${ref.handle}`;
}

/** `nft delete table inet nslab` (or `… inet handle 7`): the table and everything in it. */
export function delTable(ref: TableRef, origin?: string): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_DELTABLE,
    family: ref.family,
    flags: NLM_F.NLM_F_ACK,
    attrs: (w) => {
      if ('name' in ref) w.attrString(NFTA_TABLE.NFTA_TABLE_NAME, ref.name);
      else w.attrBe64(NFTA_TABLE.NFTA_TABLE_HANDLE, ref.handle);
    },
    what: `delete table ${describeRef(ref)}`,
    origin,
  });
}

/** `nft list tables [family]` (a dump; every family when none is given). */
export function dumpTables(family?: NftFamily): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_GETTABLE,
    family: family ?? 'unspec',
    flags: NLM_F.NLM_F_DUMP,
    attrs: () => undefined,
    what: `list tables${family ? ` ${family}` : ''}`,
  });
}

/** A table as the kernel reports it (NFT_MSG_NEWTABLE). */
export interface Table {
  readonly family: NftFamily | number;
  readonly name: string;
  readonly handle: bigint;
  readonly flags: number;
  /** How many chains (and sets, objects) it holds. */
  readonly use: number;
  /** The owning socket's port id, for tables with NFT_TABLE_F_OWNER. */
  readonly owner?: number;
  readonly comment?: string;
}

export function decodeTable(msg: Message): Table {
  const { header, attrs } = splitNfgenmsg(msg.payload);
  const m = attrMap(attrs);
  const name = m.get(NFTA_TABLE.NFTA_TABLE_NAME);
  if (!name) throw new NetlinkDecodeError('nf_tables table message', 0, 'NFTA_TABLE_NAME', 'the attribute is missing');
  const handle = m.get(NFTA_TABLE.NFTA_TABLE_HANDLE);
  const flags = m.get(NFTA_TABLE.NFTA_TABLE_FLAGS);
  const use = m.get(NFTA_TABLE.NFTA_TABLE_USE);
  const owner = m.get(NFTA_TABLE.NFTA_TABLE_OWNER);
  const udata = m.get(NFTA_TABLE.NFTA_TABLE_USERDATA);
  const comment = udata ? decodeComment(udata) : undefined;
  return {
    family: familyName(header.family),
    name: read.string(name),
    handle: handle ? read.be64(handle) : 0n,
    flags: flags ? read.be32(flags) : 0,
    use: use ? read.be32(use) : 0,
    ...(owner ? { owner: read.be32(owner) } : {}),
    ...(comment !== undefined ? { comment } : {}),
  };
}

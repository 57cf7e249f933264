import { attrMap, read } from '../netlink/attributes.js';
import { NLM_F } from '../netlink/constants.js';
import type { Message, Request } from '../netlink/message.js';
import { NF_INET, NF_VERDICT, NFT_MSG, NFTA_CHAIN, NFTA_HOOK } from './constants.js';
import { nameOf } from './expr/codec.js';
import { familyName, nftRequest, splitNfgenmsg, type NftFamily } from './framing.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';

/** Netfilter hooks by their nft names. */
export const HOOKS = {
  prerouting: NF_INET.NF_INET_PRE_ROUTING,
  input: NF_INET.NF_INET_LOCAL_IN,
  forward: NF_INET.NF_INET_FORWARD,
  output: NF_INET.NF_INET_LOCAL_OUT,
  postrouting: NF_INET.NF_INET_POST_ROUTING,
  ingress: NF_INET.NF_INET_INGRESS,
} as const;
export type Hook = keyof typeof HOOKS;

export type ChainType = 'filter' | 'nat' | 'route';

/** The priority names nft accepts for the ip, ip6 and inet families. */
export const PRIORITY = {
  raw: -300,
  mangle: -150,
  dstnat: -100,
  filter: 0,
  security: 50,
  srcnat: 100,
} as const;
export type PriorityName = keyof typeof PRIORITY;

export type Policy = 'accept' | 'drop';

/**
 * A base chain: attached to a hook, so packets enter it.
 * `nft add chain inet nslab postrouting { type nat hook postrouting priority srcnat; policy accept; }`
 */
export interface BaseChainSpec {
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
  readonly type: ChainType;
  readonly hook: Hook;
  readonly priority: number | PriorityName;
  /** What happens to a packet no rule decided on; the kernel's default is accept. */
  readonly policy?: Policy;
}

/** A regular chain, entered only by `jump`/`goto`: `nft add chain inet nslab lan_in` */
export interface RegularChainSpec {
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
}

export type ChainSpec = BaseChainSpec | RegularChainSpec;

export function isBaseChain(c: ChainSpec): c is BaseChainSpec {
  return 'hook' in c;
}

export function priorityNumber(p: number | PriorityName): number {
  return typeof p === 'number' ? p : PRIORITY[p];
}

function describe(c: ChainSpec): string {
  const head = `${c.family} ${c.table} ${c.name}`;
  if (!isBaseChain(c)) return head;
  const policy = c.policy ? ` policy ${c.policy};` : '';
  return `${head} { type ${c.type} hook ${c.hook} priority ${c.priority};${policy} }`;
}

/**
 * `nft add chain …` — creates the chain, or leaves an existing one (the
 * kernel refuses to change an existing base chain's type or hook).
 * Attribute order follows libnftnl, so the bytes equal nft's.
 */
export function newChain(c: ChainSpec, origin?: string): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_NEWCHAIN,
    family: c.family,
    flags: NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE,
    attrs: (w) => {
      w.attrString(NFTA_CHAIN.NFTA_CHAIN_TABLE, c.table);
      w.attrString(NFTA_CHAIN.NFTA_CHAIN_NAME, c.name);
      if (!isBaseChain(c)) return;
      w.attrString(NFTA_CHAIN.NFTA_CHAIN_TYPE, c.type);
      if (c.policy !== undefined) {
        w.attrBe32(NFTA_CHAIN.NFTA_CHAIN_POLICY, c.policy === 'accept' ? NF_VERDICT.NF_ACCEPT : NF_VERDICT.NF_DROP);
      }
      w.nest(
        NFTA_CHAIN.NFTA_CHAIN_HOOK,
        () => {
          w.attrBe32(NFTA_HOOK.NFTA_HOOK_HOOKNUM, HOOKS[c.hook]);
          w.attrBe32(NFTA_HOOK.NFTA_HOOK_PRIORITY, priorityNumber(c.priority));
        },
        true,
      );
    },
    what: `add chain ${describe(c)}`,
    origin,
  });
}

export interface ChainRef {
  readonly family: NftFamily;
  readonly table: string;
  readonly name: string;
}

/** `nft delete chain inet nslab lan_in` (the chain must be empty and unreferenced). */
export function delChain(ref: ChainRef, origin?: string): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_DELCHAIN,
    family: ref.family,
    flags: NLM_F.NLM_F_ACK,
    attrs: (w) => {
      w.attrString(NFTA_CHAIN.NFTA_CHAIN_TABLE, ref.table);
      w.attrString(NFTA_CHAIN.NFTA_CHAIN_NAME, ref.name);
    },
    what: `delete chain ${ref.family} ${ref.table} ${ref.name}`,
    origin,
  });
}

/** `nft list chains [family]` (a dump). */
export function dumpChains(family?: NftFamily): Request {
  return nftRequest({
    msg: NFT_MSG.NFT_MSG_GETCHAIN,
    family: family ?? 'unspec',
    flags: NLM_F.NLM_F_DUMP,
    attrs: () => undefined,
    what: `list chains${family ? ` ${family}` : ''}`,
  });
}

/** A chain as the kernel reports it (NFT_MSG_NEWCHAIN). */
export interface Chain {
  readonly family: NftFamily | number;
  readonly table: string;
  readonly name: string;
  readonly handle: bigint;
  /** How many rules (and jumps to it) it holds. */
  readonly use: number;
  readonly flags: number;
  /** Present on base chains. */
  readonly base?: {
    readonly type: string;
    readonly hook: Hook | number;
    readonly priority: number;
    readonly policy: Policy | number;
  };
}

export function decodeChain(msg: Message): Chain {
  const { header, attrs } = splitNfgenmsg(msg.payload);
  const m = attrMap(attrs);
  const str = (t: number): string => {
    const v = m.get(t);
    if (!v) throw new NetlinkDecodeError('nf_tables chain message', 0, `attribute ${t}`, 'it is missing');
    return read.string(v);
  };
  const handle = m.get(NFTA_CHAIN.NFTA_CHAIN_HANDLE);
  const use = m.get(NFTA_CHAIN.NFTA_CHAIN_USE);
  const flags = m.get(NFTA_CHAIN.NFTA_CHAIN_FLAGS);
  const hookNest = m.get(NFTA_CHAIN.NFTA_CHAIN_HOOK);
  let base: Chain['base'];
  if (hookNest) {
    const h = attrMap(hookNest);
    const num = h.get(NFTA_HOOK.NFTA_HOOK_HOOKNUM);
    const prio = h.get(NFTA_HOOK.NFTA_HOOK_PRIORITY);
    const type = m.get(NFTA_CHAIN.NFTA_CHAIN_TYPE);
    const policy = m.get(NFTA_CHAIN.NFTA_CHAIN_POLICY);
    const p = policy ? read.be32(policy) : NF_VERDICT.NF_ACCEPT;
    base = {
      type: type ? read.string(type) : 'filter',
      hook: nameOf(HOOKS, num ? read.be32(num) : -1),
      priority: prio ? read.be32(prio) | 0 : 0,
      policy: p === NF_VERDICT.NF_ACCEPT ? 'accept' : p === NF_VERDICT.NF_DROP ? 'drop' : p,
    };
  }
  return {
    family: familyName(header.family),
    table: str(NFTA_CHAIN.NFTA_CHAIN_TABLE),
    name: str(NFTA_CHAIN.NFTA_CHAIN_NAME),
    handle: handle ? read.be64(handle) : 0n,
    use: use ? read.be32(use) : 0,
    flags: flags ? read.be32(flags) : 0,
    ...(base ? { base } : {}),
  };
}

import { decodeChain, dumpChains } from './chain.js';
import { NFT_MSG } from './constants.js';
import { isNftMessage, type NftFamily } from './framing.js';
import { decodeRule, dumpRules } from './rule.js';
import type { InstalledRuleset } from './ruleset-text.js';
import type { NftSession } from './session.js';
import { decodeTable, dumpTables, type Table } from './table.js';

/** `nft list tables`: every table in the namespace (or of one family). */
export function listTables(nft: NftSession, family?: NftFamily): Table[] {
  return nft
    .dump(dumpTables(family))
    .filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWTABLE))
    .map(decodeTable);
}

/**
 * `nft list table inet nslab`: the table, its chains and its rules, decoded.
 * `table` is undefined when there is no such table.
 */
export function listTable(nft: NftSession, family: NftFamily, name: string): InstalledRuleset {
  const table = listTables(nft, family).find((t) => t.name === name);
  if (!table) return { chains: [], rules: [] };
  const chains = nft
    .dump(dumpChains(family))
    .filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWCHAIN))
    .map(decodeChain)
    .filter((c) => c.table === name);
  const rules = nft
    .dump(dumpRules(family, { table: name }))
    .filter((m) => isNftMessage(m, NFT_MSG.NFT_MSG_NEWRULE))
    .map(decodeRule)
    .filter((r) => r.table === name);
  return { table, chains, rules };
}

import { labNatRuleset, tableComment } from './nat-plan.js';
import { NetlinkError } from '../netlink/error.js';
import { SyscallError } from '../os/syscall-error.js';
import { listTables } from '../nft/list.js';
import { NSLAB_FAMILY, removeRuleset, rulesetRequests } from '../nft/ruleset.js';
import { NftSession } from '../nft/session.js';
import { netnsPath } from '../sys/netns-path.js';
import type { StepEntry } from './state.js';
import type { ApplyContext, Step } from './step.js';

/**
 * NAT inside lab nodes: nslab's own nf_tables table, `table inet nslab`, in
 * each namespace whose node has `nat:` or `ports:`. See src/nft/ruleset.ts
 * for the chains; what a node's fields become:
 *
 *   nat: { out: wan }     ip saddr <each lab prefix> oifname "wan" masquerade
 *                         and a forward chain: replies and port forwards pass,
 *                         IPv4 connections opened from `wan` are dropped —
 *                         the outside cannot reach the inside, as behind a
 *                         real NAT router, even where routes would allow it
 *   ports: [8080:h1:80]   fib daddr type local tcp dport 8080 dnat ip to h1:80
 *                         (only what is addressed to this node, so traffic
 *                         passing through to some other host's 8080 is left alone)
 *
 * The table carries the comment `nslab lab <lab>`: `down` deletes a table
 * only when it still has it, so a table someone else made is never touched.
 */

/** Journal entry: nslab's table in a lab namespace. */
export interface NatTableEntry extends StepEntry {
  readonly op: 'nat-table';
  readonly netns: string;
  readonly table: string;
  readonly comment: string;
}

/**
 * Delete a table of ours (by handle, after checking its comment) through a
 * session; false when it is not there or is not ours.
 */
export function deleteOwnTable(nft: NftSession, table: string, comment: string): boolean {
  const t = listTables(nft, NSLAB_FAMILY).find((x) => x.name === table);
  if (!t || t.comment !== comment) return false;
  try {
    nft.commit(removeRuleset({ family: NSLAB_FAMILY, handle: t.handle }));
  } catch (err) {
    // Gone between the listing and the delete.
    if (err instanceof NetlinkError && err.errnoName === 'ENOENT') return false;
    throw err;
  }
  return true;
}

export const natStep: Step = {
  name: 'nat',
  ops: ['nat-table'],

  apply(ctx: ApplyContext): void {
    const plan = ctx.plan;
    let done = 0;
    for (const n of plan.nat) {
      const spec = labNatRuleset(n, plan.lab);
      const entry: NatTableEntry = { op: 'nat-table', netns: n.netns, table: spec.table.name, comment: tableComment(plan.lab) };
      ctx.journal.intend([entry]);
      const nft = NftSession.open({ netnsFd: ctx.netnsFd(n.netns), label: `netns ${n.netns}` });
      try {
        // `create table`: a namespace of this lab is new, so a table already
        // there would be someone else's; never add to it.
        nft.commit(rulesetRequests(spec, { exclusive: true }));
      } finally {
        nft.close();
      }
      ctx.progress?.('nat', ++done, plan.nat.length);
    }
  },

  undo(entry: StepEntry): boolean {
    const e = entry as NatTableEntry;
    let nft: NftSession;
    try {
      nft = NftSession.open({ netnsPath: netnsPath(e.netns), label: `netns ${e.netns}` });
    } catch (err) {
      // The namespace is gone, and the table went with it.
      if (err instanceof SyscallError && err.call === 'open' && err.errnoName === 'ENOENT') return false;
      throw err;
    }
    try {
      return deleteOwnTable(nft, e.table, e.comment);
    } finally {
      nft.close();
    }
  },
};

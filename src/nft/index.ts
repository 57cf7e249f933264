/**
 * nf_tables, encoded by nslab itself. Entry point for the rest of nslab:
 *
 *   const nft = NftSession.open({ netnsFd, label: 'netns lab-r1' });
 *   try {
 *     const spec = natRuleset({ masquerade: [{ sources: ['10.0.1.0/24'], oifname: 'eth1' }] });
 *     nft.commit(rulesetRequests(spec, { replace: true }));
 *     const diffs = diffRuleset(spec, listTable(nft, 'inet', spec.table.name));
 *     …
 *     nft.commit(removeRuleset({ family: 'inet', name: spec.table.name }));
 *   } finally { nft.close(); }
 */
export * from './constants.js';
export * from './framing.js';
export * from './data.js';
export * from './table.js';
export * from './chain.js';
export * from './rule.js';
export * from './match.js';
export * from './ruleset.js';
export * from './list.js';
export * from './batch.js';
export * from './session.js';
export * from './errors.js';
export * from './expr/index.js';
export { payload, payloadCodec, type PayloadBase } from './expr/payload.js';
export { cmp, cmpCodec, type CmpOp } from './expr/cmp.js';
export { meta, metaCodec, META_KEYS, type MetaKey } from './expr/meta.js';
export { mask, bitwiseCodec } from './expr/bitwise.js';
export { immediate, verdict, accept, drop, jump, immediateCodec } from './expr/immediate.js';
export { ct, ctStateBits, ctCodec, CT_KEYS, CT_STATES, type CtKey, type CtState } from './expr/ct.js';
export { counter, counterCodec } from './expr/counter.js';
export { masquerade, masqCodec } from './expr/masq.js';
export { natCodec } from './expr/nat.js';
export { fib, fibCodec, FIB_RESULTS, type FibResult } from './expr/fib.js';

import { parseAttrs, read } from '../netlink/attributes.js';
import { NLMSG_HDRLEN } from '../netlink/constants.js';
import type { Ack } from '../netlink/error.js';
import { NetlinkError } from '../netlink/error.js';
import type { Request } from '../netlink/message.js';
import {
  NFGENMSG_LEN, NFT_MSG, NFTA_BITWISE, NFTA_CHAIN, NFTA_CMP, NFTA_COUNTER, NFTA_CT, NFTA_DATA, NFTA_EXPR, NFTA_FIB, NFTA_HOOK,
  NFTA_IMMEDIATE, NFTA_LIST, NFTA_MASQ, NFTA_META, NFTA_NAT, NFTA_PAYLOAD, NFTA_RULE, NFTA_TABLE, NFTA_VERDICT,
} from './constants.js';
import { nftMsgOf } from './framing.js';

/**
 * Turning the kernel's extended ACK offset into words. nf_tables mostly
 * answers with an errno and NL_SET_BAD_ATTR (an offset into the request,
 * no text), so the useful part of its reason is *which* attribute it
 * pointed at: "expression 7 (nat) › NFTA_NAT_REG_ADDR_MIN".
 */

interface Schema {
  readonly names: Readonly<Record<string, number>>;
  readonly nested?: Readonly<Record<number, Schema | 'exprs'>>;
}

const VERDICT: Schema = { names: NFTA_VERDICT };
const DATA: Schema = { names: NFTA_DATA, nested: { [NFTA_DATA.NFTA_DATA_VERDICT]: VERDICT } };

const EXPRS: Readonly<Record<string, Schema>> = {
  payload: { names: NFTA_PAYLOAD },
  cmp: { names: NFTA_CMP, nested: { [NFTA_CMP.NFTA_CMP_DATA]: DATA } },
  meta: { names: NFTA_META },
  bitwise: {
    names: NFTA_BITWISE,
    nested: { [NFTA_BITWISE.NFTA_BITWISE_MASK]: DATA, [NFTA_BITWISE.NFTA_BITWISE_XOR]: DATA, [NFTA_BITWISE.NFTA_BITWISE_DATA]: DATA },
  },
  immediate: { names: NFTA_IMMEDIATE, nested: { [NFTA_IMMEDIATE.NFTA_IMMEDIATE_DATA]: DATA } },
  ct: { names: NFTA_CT },
  counter: { names: NFTA_COUNTER },
  masq: { names: NFTA_MASQ },
  nat: { names: NFTA_NAT },
  fib: { names: NFTA_FIB },
};

const MESSAGES: Readonly<Record<number, Schema>> = {
  [NFT_MSG.NFT_MSG_NEWTABLE]: { names: NFTA_TABLE },
  [NFT_MSG.NFT_MSG_DELTABLE]: { names: NFTA_TABLE },
  [NFT_MSG.NFT_MSG_NEWCHAIN]: { names: NFTA_CHAIN, nested: { [NFTA_CHAIN.NFTA_CHAIN_HOOK]: { names: NFTA_HOOK } } },
  [NFT_MSG.NFT_MSG_DELCHAIN]: { names: NFTA_CHAIN },
  [NFT_MSG.NFT_MSG_NEWRULE]: { names: NFTA_RULE, nested: { [NFTA_RULE.NFTA_RULE_EXPRESSIONS]: 'exprs' } },
  [NFT_MSG.NFT_MSG_DELRULE]: { names: NFTA_RULE },
};

function nameIn(names: Readonly<Record<string, number>>, type: number): string {
  for (const [k, v] of Object.entries(names)) if (v === type) return k;
  return `attribute ${type}`;
}

/** Attributes of buf with their offsets relative to buf. */
function withOffsets(buf: Uint8Array): { type: number; start: number; end: number; data: Uint8Array }[] {
  return parseAttrs(buf).map((a) => {
    const start = a.data.byteOffset - buf.byteOffset - 4;
    return { type: a.type, start, end: start + 4 + a.data.length, data: a.data };
  });
}

function walk(buf: Uint8Array, target: number, schema: Schema | 'exprs', path: string[]): void {
  const attrs = withOffsets(buf);
  attrs.forEach((a, i) => {
    if (target < a.start || target >= a.end) return;
    let child: Schema | 'exprs' | undefined;
    if (schema === 'exprs') {
      if (a.type !== NFTA_LIST.NFTA_LIST_ELEM) return;
      const inner = withOffsets(a.data);
      const nameAttr = inner.find((x) => x.type === NFTA_EXPR.NFTA_EXPR_NAME);
      const name = nameAttr ? read.string(nameAttr.data) : '?';
      path.push(`expression ${i + 1} (${name})`);
      const dataAttr = inner.find((x) => x.type === NFTA_EXPR.NFTA_EXPR_DATA);
      const exprSchema = EXPRS[name];
      const rel = target - a.start - 4;
      if (dataAttr && exprSchema && rel > dataAttr.start && rel < dataAttr.end) {
        walk(dataAttr.data, rel - dataAttr.start - 4, exprSchema, path);
      } else if (nameAttr && rel >= nameAttr.start && rel < nameAttr.end) {
        path.push('NFTA_EXPR_NAME');
      }
      return;
    }
    path.push(nameIn(schema.names, a.type));
    child = schema.nested?.[a.type];
    if (child && target > a.start) walk(a.data, target - a.start - 4, child, path);
  });
}

/**
 * Where in a request an extended-ACK offset (counted from the start of the
 * netlink header) points, as a path of attribute names; undefined when it
 * points at the headers or outside the message.
 */
export function locateAttribute(request: Request, extackOffset: number): string | undefined {
  const msg = nftMsgOf(request.type);
  const schema = msg === undefined ? undefined : MESSAGES[msg];
  const at = extackOffset - NLMSG_HDRLEN - NFGENMSG_LEN;
  if (!schema || at < 0 || at >= request.body.length - NFGENMSG_LEN) return undefined;
  const path: string[] = [];
  walk(request.body.subarray(NFGENMSG_LEN), at, schema, path);
  return path.length > 0 ? path.join(' › ') : undefined;
}

/**
 * The kernel refused (part of) an nf_tables transaction. Nothing in the
 * transaction was applied: nf_tables commits all of a batch or none of it.
 * `message` names the request, the errno, the kernel's text if it gave
 * one, the attribute it pointed at, and the topology origin.
 */
export class NftError extends NetlinkError {
  /** The attribute the kernel blamed, "expression 7 (nat) › NFTA_NAT_REG_ADDR_MIN". */
  readonly attribute: string | undefined;
  /** Every refusal in the transaction, in batch order (this one first). */
  readonly failures: readonly NetlinkError[];

  constructor(ack: Ack, request: Request, failures: readonly NetlinkError[] = [], batchSize = 1) {
    super(ack, request);
    this.attribute = ack.extackOffset !== undefined ? locateAttribute(request, ack.extackOffset) : undefined;
    this.failures = failures;
    const parts = [`cannot ${request.what}: ${this.errnoName}`];
    if (ack.extackMessage) parts.push(` (kernel says: ${ack.extackMessage})`);
    if (this.attribute) parts.push(` at ${this.attribute}`);
    if (request.origin) parts.push(` [${request.origin}]`);
    if (batchSize > 1) parts.push(`; none of the ${batchSize} changes in this nf_tables transaction were applied`);
    const others = failures.length - 1;
    if (others > 0) parts.push(` (${others} more refused, likely as a consequence)`);
    this.message = parts.join('');
  }
}

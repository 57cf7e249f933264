import { attrMap, read } from '../../netlink/attributes.js';
import type { Writer } from '../../netlink/writer.js';
import { NFTA_COUNTER } from '../constants.js';
import type { ExprCodec } from './codec.js';

/**
 * Count the packets and bytes that reach this point of the rule. The kernel
 * reports the running totals when the rule is listed.
 *
 * nft: `counter` (or `counter packets 0 bytes 0`), shown as
 * `counter pkts 0 bytes 0`.
 */
export interface CounterExpr {
  readonly kind: 'counter';
  readonly packets: bigint;
  readonly bytes: bigint;
}

export function counter(packets = 0n, bytes = 0n): CounterExpr {
  return { kind: 'counter', packets, bytes };
}

export const counterCodec: ExprCodec<CounterExpr> = {
  name: 'counter',
  encode(w: Writer, e: CounterExpr): void {
    // nft sends a fresh counter with no attributes; the kernel starts it at zero.
    if (e.bytes === 0n && e.packets === 0n) return;
    w.attrBe64(NFTA_COUNTER.NFTA_COUNTER_BYTES, e.bytes);
    w.attrBe64(NFTA_COUNTER.NFTA_COUNTER_PACKETS, e.packets);
  },
  decode(data: Uint8Array): CounterExpr {
    const m = attrMap(data);
    const bytes = m.get(NFTA_COUNTER.NFTA_COUNTER_BYTES);
    const packets = m.get(NFTA_COUNTER.NFTA_COUNTER_PACKETS);
    return { kind: 'counter', packets: packets ? read.be64(packets) : 0n, bytes: bytes ? read.be64(bytes) : 0n };
  },
  debug(e: CounterExpr): string {
    return `pkts ${e.packets} bytes ${e.bytes}`;
  },
};

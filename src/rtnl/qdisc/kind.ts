import type { Writer } from '../../netlink/writer.js';

/**
 * A qdisc kind's share of a request: its name (TCA_KIND), a writer for the
 * payload of TCA_OPTIONS, and the same options as tc arguments (for messages
 * and `--explain`). Kinds are built by ./netem.ts and ./tbf.ts; ../qdisc.ts sends
 * them and decodes what the kernel reports.
 */
export interface QdiscInfo {
  readonly kind: string;
  readonly options?: (w: Writer) => void;
  readonly args?: string;
}

import type { Writer } from '../../netlink/writer.js';
import { IFLA_BR } from '../constants.js';
import type { LinkInfo } from '../link.js';

export interface BridgeOptions {
  /** Spanning tree on (IFLA_BR_STP_STATE); off by default, as the kernel has it. */
  readonly stp?: boolean;
  /** Forward delay in centiseconds (IFLA_BR_FORWARD_DELAY). */
  readonly forwardDelay?: number;
  /** IGMP/MLD snooping (IFLA_BR_MCAST_SNOOPING). */
  readonly multicastSnooping?: boolean;
}

/**
 * A Linux bridge: a software switch.
 *
 * `ip link add name BR type bridge [forward_delay N] [stp_state 0|1] [mcast_snooping 0|1]`
 */
export function bridge(opts: BridgeOptions = {}): LinkInfo {
  const hasData = opts.stp !== undefined || opts.forwardDelay !== undefined || opts.multicastSnooping !== undefined;
  if (!hasData) return { kind: 'bridge' };
  return {
    kind: 'bridge',
    data: (w: Writer) => {
      if (opts.forwardDelay !== undefined) w.attrU32(IFLA_BR.IFLA_BR_FORWARD_DELAY, opts.forwardDelay);
      if (opts.stp !== undefined) w.attrU32(IFLA_BR.IFLA_BR_STP_STATE, opts.stp ? 1 : 0);
      if (opts.multicastSnooping !== undefined) w.attrU8(IFLA_BR.IFLA_BR_MCAST_SNOOPING, opts.multicastSnooping ? 1 : 0);
    },
  };
}

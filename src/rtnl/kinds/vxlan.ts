import type { Writer } from '../../netlink/writer.js';
import type { IpAddress } from '../../inet/ip.js';
import { IFLA_VXLAN, NSLAB_VXLAN_PORT } from '../constants.js';
import type { LinkInfo } from '../link.js';

export interface VxlanOptions {
  /** VXLAN network identifier, 1..16777215 (IFLA_VXLAN_ID). */
  readonly vni: number;
  /** The far end's underlay address, unicast (IFLA_VXLAN_GROUP / GROUP6). */
  readonly remote: IpAddress;
  /** This end's underlay address (IFLA_VXLAN_LOCAL / LOCAL6). */
  readonly local?: IpAddress;
  /** Destination UDP port (IFLA_VXLAN_PORT, network order); nslab's default 14789. */
  readonly port?: number;
  /** MAC learning (IFLA_VXLAN_LEARNING); on by default, as `ip` sends it. */
  readonly learning?: boolean;
}

export const VXLAN_VNI_MAX = 0xffffff;

/**
 * A VXLAN device: Ethernet frames in UDP to one remote. Made in the
 * namespace whose UDP socket should carry it (the machine's underlay); with
 * IFLA_NET_NS_FD it is born in the node's namespace while its socket stays
 * where it was made (the kernel opens it in the creator's namespace).
 *
 * `ip link add name N netns NS type vxlan id VNI remote R local L dstport 14789`
 */
export function vxlan(opts: VxlanOptions): LinkInfo {
  if (!Number.isInteger(opts.vni) || opts.vni < 1 || opts.vni > VXLAN_VNI_MAX) {
    throw new RangeError(`a VXLAN id must be 1..${VXLAN_VNI_MAX}, not ${opts.vni}`);
  }
  if (opts.local && opts.local.family !== opts.remote.family) throw new TypeError('a VXLAN cable needs local and remote of one address family');
  const six = opts.remote.family === 6;
  return {
    kind: 'vxlan',
    // In the order ip writes them, so the golden bytes match.
    data: (w: Writer) => {
      w.attrU32(IFLA_VXLAN.IFLA_VXLAN_ID, opts.vni);
      if (opts.local) w.attrBytes(six ? IFLA_VXLAN.IFLA_VXLAN_LOCAL6 : IFLA_VXLAN.IFLA_VXLAN_LOCAL, opts.local.bytes);
      w.attrBytes(six ? IFLA_VXLAN.IFLA_VXLAN_GROUP6 : IFLA_VXLAN.IFLA_VXLAN_GROUP, opts.remote.bytes);
      w.attrU8(IFLA_VXLAN.IFLA_VXLAN_LEARNING, opts.learning === false ? 0 : 1);
      w.attrBe16(IFLA_VXLAN.IFLA_VXLAN_PORT, opts.port ?? NSLAB_VXLAN_PORT);
    },
  };
}

import type { Writer } from '../../netlink/writer.js';
import { VETH_INFO_PEER } from '../constants.js';
import { writeLinkBody, type LinkAttrs, type LinkInfo } from '../link.js';

/**
 * A veth pair. The peer is described like a link of its own (an ifinfomsg
 * and attributes inside VETH_INFO_PEER), so it can be born in another
 * namespace under its final name with its own ifindex.
 *
 * `ip link add name A type veth peer name B netns NS`
 */
export function veth(peer: LinkAttrs & { name: string }): LinkInfo {
  return {
    kind: 'veth',
    data: (w: Writer) => w.nest(VETH_INFO_PEER, () => writeLinkBody(w, peer)),
  };
}

import { parseIp } from '../inet/ip.js';
import { parseMac } from '../inet/mac.js';
import { libc } from '../os/libc.js';
import { decodeAddr, dumpAddrs } from '../rtnl/addr.js';
import { vxlan } from '../rtnl/kinds/vxlan.js';
import { decodeLink, dumpLinks, newLink, setLink } from '../rtnl/link.js';
import { RtnlSession } from '../rtnl/session.js';
import { openNamedNetns } from '../sys/netns.js';
import { netnsPath } from '../sys/netns-path.js';
import { addressRequest, routeRequest } from '../lab/requests.js';
import type { PartSpec } from './records.js';

export class UnderlayError extends Error {
  override readonly name = 'UnderlayError';
}

export interface Underlay {
  readonly address: string;
  readonly dev: string;
  readonly mtu: number;
}

/**
 * This machine's underlay: the interface and IPv4 address VXLAN cables use
 * (`ip -4 addr show scope global`). With `wanted`, that address must be one
 * of the machine's; without, the first global IPv4 address not on lo.
 */
export function detectUnderlay(wanted?: string): Underlay {
  const rtnl = RtnlSession.open({ label: 'the machine' });
  try {
    const links = new Map(rtnl.dump(dumpLinks()).map(decodeLink).map((l) => [l.index, l]));
    const addrs = rtnl.dump(dumpAddrs(4)).map(decodeAddr).filter((a) => a.scope === 0 && links.get(a.index)?.name !== 'lo');
    const pick = wanted === undefined ? addrs[0] : addrs.find((a) => a.local === wanted);
    if (!pick) {
      const have = addrs.map((a) => `${a.local} (${links.get(a.index)?.name ?? a.index})`).join(', ') || 'none';
      throw new UnderlayError(
        wanted === undefined
          ? 'this machine has no global IPv4 address for VXLAN cables; give one with --underlay ADDR'
          : `--underlay ${wanted}: not an address of this machine (its global IPv4 addresses: ${have})`,
      );
    }
    const link = links.get(pick.index);
    return { address: pick.local, dev: link?.name ?? String(pick.index), mtu: link?.mtu ?? 1500 };
  } finally {
    rtnl.close();
  }
}

/**
 * A part's cables, once its ordinary plan is up: each VXLAN device is made
 * from the machine's own namespace (so its UDP socket stays on the
 * underlay) and born in the node's namespace under the name, ifindex and
 * MAC the veth end would have had; then, from inside each node, it is set
 * up (and made a port of its bridge on a switch), gets its addresses, and
 * the node gets the routes that waited for it.
 *
 *   ip link add name eth0 index 3 mtu 1450 address MAC netns lab-leaf1 type vxlan id VNI remote R local L dstport 14789
 *   ip -n lab-leaf1 link set eth0 [master BR] up; ip -n lab-leaf1 addr add …; ip -n lab-leaf1 route add …
 */
export function buildCables(part: PartSpec): void {
  const machine = RtnlSession.open({ label: 'the machine (underlay)' });
  try {
    for (const c of part.cables) {
      const ns = openNamedNetns(c.end.netns);
      try {
        machine.apply([
          newLink(
            {
              name: c.end.name,
              index: c.end.index,
              mtu: c.mtu,
              mac: parseMac(c.end.mac),
              netnsFd: ns.fd,
              info: vxlan({ vni: c.vni, remote: parseIp(c.remote), local: parseIp(c.local), port: c.port }),
            },
            c.origin,
          ),
        ]);
      } finally {
        libc.close(ns.fd);
      }
    }
  } finally {
    machine.close();
  }
  const namespaces = [...new Set(part.cables.map((c) => c.end.netns))];
  for (const netns of namespaces) {
    const rtnl = RtnlSession.open({ netnsPath: netnsPath(netns), label: `netns ${netns}` });
    try {
      rtnl.apply(
        part.cables
          .filter((c) => c.end.netns === netns)
          .map((c) => setLink({ index: c.end.index, up: true, ...(c.end.master !== undefined ? { master: c.end.master } : {}) }, c.origin)),
      );
      rtnl.apply(part.cableAddresses.filter((a) => a.netns === netns).map((a) => addressRequest(a)));
      rtnl.apply(part.cableRoutes.filter((r) => r.netns === netns).map((r) => routeRequest(r)));
    } finally {
      rtnl.close();
    }
  }
}

import { parseCidr, type IpAddress } from '../inet/ip.js';
import { decodeLink, dumpLinks } from '../rtnl/link.js';
import { RtnlSession } from '../rtnl/session.js';
import { netnsPath } from '../sys/netns-path.js';
import type { Plan } from '../topology/plan.js';
// A node with NET_ADMIN names its own interfaces, and Linux lets a name hold terminal control bytes.
import { printable } from '../topology/printable.js';

/**
 * What `nslab capture` listens on, from the words the user gave:
 *
 *   NODE:IF     one interface of a node            ip netns exec LAB-NODE tcpdump -i IF
 *   NODE:any    every interface of the node        ip netns exec LAB-NODE tcpdump -i any
 *   LAN | BRIDGE  the whole segment: the bridge device, promiscuous for the socket's life
 *
 * Interfaces are looked up in the kernel (an rtnetlink dump in the node's
 * namespace), so lo and interfaces made after `up` can be captured too.
 */

/** A capture target the user named wrongly, or a lab that is not there: one line, no stack. */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';
}

export interface CaptureInterface {
  readonly index: number;
  readonly name: string;
}

export interface CaptureTarget {
  readonly lab: string;
  readonly node: string;
  readonly netns: string;
  /** The interface bound to, or 0 for every interface of the namespace. */
  readonly ifindex: number;
  /** Interfaces packets may come from (one, or all of the node's at the start). */
  readonly interfaces: readonly CaptureInterface[];
  /** A bridge device: its forwarded frames are seen only in promiscuous mode. */
  readonly promiscuous: boolean;
  /** How to name the target to the user: "h1:eth0", "h1:any", "LAN sw1". */
  readonly label: string;
}

/** The node's interfaces as the kernel has them now (with a MAC: Ethernet-like, so the frames are Ethernet). */
function kernelInterfaces(netns: string): { index: number; name: string; ethernet: boolean }[] {
  const rtnl = RtnlSession.openIfExists(netnsPath(netns), { timeoutMs: 5000, label: `netns ${netns}` });
  if (!rtnl) throw new CaptureError(`namespace ${netns} is missing (was the lab taken down?)`);
  try {
    return rtnl
      .dump(dumpLinks())
      .map(decodeLink)
      .map((l) => ({ index: l.index, name: l.name, ethernet: l.mac !== undefined }))
      .sort((a, b) => a.index - b.index);
  } finally {
    rtnl.close();
  }
}

export function resolveCaptureTarget(plan: Plan, text: string): CaptureTarget {
  const m = /^([^:\s]+)(?::([^:\s]+))?$/.exec(text);
  if (!m) throw new CaptureError(`'${text}' is not NODE:INTERFACE, NODE:any or a LAN name (e.g. h1:eth0)`);
  const node = m[1] as string;
  const ifname = m[2];
  const ns = plan.namespaces.find((n) => n.node === node);
  if (!ns) {
    throw new CaptureError(`lab ${plan.lab} has no node or LAN '${node}' (nodes: ${plan.namespaces.map((n) => n.node).join(', ')})`);
  }
  const bridge = plan.bridges.find((b) => b.netns === ns.name);
  const links = kernelInterfaces(ns.name);
  const base = { lab: plan.lab, node, netns: ns.name };
  if (ifname === undefined) {
    if (!bridge) {
      throw new CaptureError(`'${node}' is a ${ns.kind}, not a LAN or bridge: capture one of its interfaces (${node}:${links.find((l) => l.name !== 'lo')?.name ?? 'eth0'}) or all of them (${node}:any)`);
    }
    const dev = links.find((l) => l.name === bridge.name);
    if (!dev) throw new CaptureError(`the bridge ${bridge.name} of ${node} is missing in namespace ${ns.name}`);
    return { ...base, ifindex: dev.index, interfaces: [dev], promiscuous: true, label: `LAN ${node}` };
  }
  if (ifname === 'any') {
    return { ...base, ifindex: 0, interfaces: links.filter((l) => l.ethernet), promiscuous: false, label: `${node}:any` };
  }
  const dev = links.find((l) => l.name === ifname);
  if (!dev) throw new CaptureError(`${node} has no interface '${printable(ifname)}' (it has: ${links.map((l) => printable(l.name)).join(', ')}, or any)`);
  if (!dev.ethernet) throw new CaptureError(`${node}:${ifname} carries no Ethernet frames (no MAC address); nslab capture writes Ethernet captures only`);
  return { ...base, ifindex: dev.index, interfaces: [dev], promiscuous: bridge?.name === ifname, label: `${node}:${ifname}` };
}

/** The addresses the plan gives a node, for `--filter 'host NODE'`. */
export function nodeAddresses(plan: Plan, node: string): IpAddress[] | undefined {
  const ns = plan.namespaces.find((n) => n.node === node);
  if (!ns) return undefined;
  return plan.addresses.filter((a) => a.netns === ns.name).map((a) => parseCidr(a.address));
}


import { IP_FORWARD, addressOnly, forwardingToRestore, hostNatRuleset, previousForwarding, type HostTableEntry, type IpForwardEntry, type UplinkLinkEntry, type UplinkRouteEntry } from './uplink-plan.js';
import { RtnlSession } from '../rtnl/session.js';
import { readFileSync } from 'node:fs';
import { Connection } from '../netlink/connection.js';
import { NetlinkError } from '../netlink/error.js';
import { NSLAB_FAMILY, rulesetRequests } from '../nft/ruleset.js';
import { listTables } from '../nft/list.js';
import { NftSession } from '../nft/session.js';
import { newAddr } from '../rtnl/addr.js';
import { parseCidr, parseIp } from '../inet/ip.js';
import { veth } from '../rtnl/kinds/veth.js';
import { parseMac } from '../inet/mac.js';
import { decodeLink, delLink, dumpLinks, newLink, setLink, type Link } from '../rtnl/link.js';
import { delRoute, newRoute } from '../rtnl/route.js';
import { writeSysctl } from '../sys/netns.js';
import { homeNetns } from '../os/thread-netns.js';
import { routeRequest } from './requests.js';
import { deleteOwnTable } from './nat.js';
import { tableComment } from './nat-plan.js';
import { listLabDirs, readJournal, type StepEntry } from './state.js';
import type { ApplyContext, Step } from './step.js';

/**
 * `uplink:` — a cable from a lab node to the machine itself.
 *
 * A veth pair made from the node's namespace: the near end is born in the
 * node (its planned name, index and MAC, up), the far end is born in the
 * machine's own namespace as `hostDev` (IFLA_NET_NS_FD of the namespace
 * nslab started in), where the kernel numbers it. Then, on the machine:
 * that end up, its address, and a route to each lab prefix via the node;
 * in the node: its address, and the routes the plan sends over the cable
 * (a default route via the machine, with `routing: static`).
 *
 * With `nat: host` (or port forwards on the machine) the machine gets a table
 * of its own, `table inet nslab-<lab>`: the lab's prefixes masqueraded when
 * they leave by any interface but the cable, and DNAT for the port forwards
 * (only for traffic addressed to the machine itself). IPv4 forwarding is
 * turned on; `down` turns it back off only if nslab turned it on and no
 * other lab still relies on it.
 *
 * On the machine, nslab touches nothing but these: the link (deleting it
 * deletes the pair and the routes through it), its own table, and
 * net.ipv4.ip_forward.
 */

export class UplinkError extends Error {
  override readonly name = 'UplinkError';
}

/** An rtnetlink connection in the machine's own namespace (where nslab started). */
function rootRtnl(): Connection {
  return RtnlSession.open({ netnsFd: homeNetns(), label: 'the machine (root netns)' });
}

function rootNft(): NftSession {
  return NftSession.open({ netnsFd: homeNetns(), label: 'the machine (root netns)' });
}

function findLink(rtnl: Connection, name: string): Link | undefined {
  return rtnl
    .dump(dumpLinks())
    .map(decodeLink)
    .find((l) => l.name === name);
}

function readIpForward(): string {
  return readFileSync(`/proc/sys/${IP_FORWARD.replaceAll('.', '/')}`, 'utf8').trim();
}

/** The ip_forward entries of every other lab that has state (up, or not yet taken down). */
function otherLabsForwarding(lab: string): IpForwardEntry[] {
  return listLabDirs()
    .filter((l) => l !== lab)
    .flatMap((l) => readJournal(l).filter((e): e is IpForwardEntry => e.op === 'host-ip-forward'));
}

function isGone(err: unknown, ...names: string[]): boolean {
  return err instanceof NetlinkError && names.includes(err.errnoName);
}

export const uplinkStep: Step = {
  name: 'uplink',
  ops: ['uplink-link', 'uplink-route', 'host-nat-table', 'host-ip-forward'],

  apply(ctx: ApplyContext): void {
    const plan = ctx.plan;
    const u = plan.uplink;
    if (!u) return;
    const hostSpec = hostNatRuleset(u, plan.lab);
    const root = rootRtnl();
    try {
      const existing = findLink(root, u.hostDev);
      if (existing) {
        throw new UplinkError(
          `the machine already has an interface named ${u.hostDev} (ifindex ${existing.index}); pick another with uplink.host-interface, or remove it if it is left over [${u.origin}]`,
        );
      }
      if (hostSpec) {
        const nft = rootNft();
        try {
          if (listTables(nft, NSLAB_FAMILY).some((t) => t.name === hostSpec.table.name)) {
            throw new UplinkError(
              `the machine already has an nf_tables table inet ${hostSpec.table.name}; is lab '${plan.lab}' up elsewhere? If it is left over: nft delete table inet ${hostSpec.table.name} [${u.origin}]`,
            );
          }
        } finally {
          nft.close();
        }
      }

      // The cable: made from the node's side, its far end born on the machine.
      ctx.journal.intend([{ op: 'uplink-link', hostDev: u.hostDev, hostMac: u.hostMac } satisfies UplinkLinkEntry]);
      ctx.rtnl(u.netns).apply([
        newLink(
          {
            name: u.dev,
            index: u.index,
            mac: parseMac(u.mac),
            up: true,
            info: veth({ name: u.hostDev, mac: parseMac(u.hostMac), netnsFd: homeNetns() }),
          },
          u.origin,
        ),
      ]);
      const hostEnd = findLink(root, u.hostDev);
      if (!hostEnd) throw new UplinkError(`the machine's end of the uplink, ${u.hostDev}, did not appear after it was made [${u.origin}]`);

      // The machine's side: up, its address, the lab's prefixes via the node.
      const nodeAddress = parseCidr(u.address);
      const routes: UplinkRouteEntry[] = u.labPrefixes.map((dst) => ({ op: 'uplink-route', dst, via: addressOnly(u.address), oif: hostEnd.index }));
      ctx.journal.intend(routes);
      try {
        root.apply([
          setLink({ index: hostEnd.index, up: true }, u.origin),
          newAddr({ index: hostEnd.index, address: parseCidr(u.hostAddress) }, u.origin),
          ...routes.map((r) => newRoute({ dst: parseCidr(r.dst), gateway: nodeAddress, oif: hostEnd.index }, u.origin)),
        ]);
      } catch (err) {
        if (err instanceof NetlinkError && err.errnoName === 'EEXIST' && err.request?.what.startsWith('add route')) {
          throw new UplinkError(`${err.message}: the machine already has a route there; the prefixes of a lab with an uplink must be ones the machine does not use`, { cause: err });
        }
        if (err instanceof NetlinkError && err.errnoName === 'EEXIST' && err.request?.what.startsWith('add address')) {
          throw new UplinkError(`${err.message}: the machine already has ${u.hostAddress}; pick another uplink.ipv4`, { cause: err });
        }
        throw err;
      }

      // The node's side: its address, then the routes that go over the cable.
      ctx.rtnl(u.netns).apply([
        newAddr({ index: u.index, address: nodeAddress }, u.origin),
        // The routes over the cable, which the routes phase had to leave for now.
        ...plan.routes.filter((r) => r.uplink).map(routeRequest),
      ]);
    } finally {
      root.close();
    }

    if (!hostSpec) return;
    ctx.journal.intend([{ op: 'host-nat-table', table: hostSpec.table.name, comment: tableComment(plan.lab) } satisfies HostTableEntry]);
    const nft = rootNft();
    try {
      nft.commit(rulesetRequests(hostSpec, { exclusive: true }));
    } finally {
      nft.close();
    }

    // Forwarding on the machine. If another lab turned it on, this one
    // inherits what that lab will put back, so the last lab down restores it.
    const now = readIpForward();
    ctx.journal.intend([{ op: 'host-ip-forward', previous: previousForwarding(now, otherLabsForwarding(plan.lab)) } satisfies IpForwardEntry]);
    if (now !== '1') writeSysctl(IP_FORWARD, '1');
  },

  undo(entry: StepEntry, lab: string): boolean {
    switch (entry.op) {
      case 'host-ip-forward': {
        const value = forwardingToRestore(entry as IpForwardEntry, otherLabsForwarding(lab), readIpForward());
        if (value === undefined) return false;
        writeSysctl(IP_FORWARD, value);
        return true;
      }
      case 'host-nat-table': {
        const e = entry as HostTableEntry;
        const nft = rootNft();
        try {
          return deleteOwnTable(nft, e.table, e.comment);
        } finally {
          nft.close();
        }
      }
      case 'uplink-route': {
        const e = entry as UplinkRouteEntry;
        const root = rootRtnl();
        try {
          root.apply([delRoute({ dst: parseCidr(e.dst), gateway: parseIp(e.via), oif: e.oif })]);
          return true;
        } catch (err) {
          if (isGone(err, 'ESRCH', 'ENODEV', 'ENETUNREACH')) return false;
          throw err;
        } finally {
          root.close();
        }
      }
      case 'uplink-link': {
        const e = entry as UplinkLinkEntry;
        const root = rootRtnl();
        try {
          const link = findLink(root, e.hostDev);
          // Not there (the pair went with the lab's namespace), or someone else's.
          if (!link || link.mac !== e.hostMac) return false;
          root.apply([delLink({ index: link.index })]);
          return true;
        } catch (err) {
          if (isGone(err, 'ENODEV')) return false;
          throw err;
        } finally {
          root.close();
        }
      }
      default:
        throw new Error(`the uplink step does not own journal entries of kind '${entry.op}'`);
    }
  },
};

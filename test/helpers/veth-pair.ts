import { execa } from 'execa';
import { closeSync, openSync } from 'node:fs';
import { Connection } from '../../src/netlink/connection.js';
import { NETLINK_ROUTE } from '../../src/netlink/constants.js';
import { KernelSocket } from '../../src/netlink/socket.js';

/**
 * Two test-made namespaces joined by a veth (made with ip, which the code
 * under test is checked against), each end addressed and up, and nslab's
 * rtnetlink connection opened in the first.
 */
export interface VethPair {
  readonly a: string;
  readonly b: string;
  /** ifindex of the first end (devA in namespace a). */
  readonly indexA: number;
  readonly rtnl: Connection;
  /** Close the socket and delete both namespaces; resolves to the test's namespaces still listed (none, unless cleanup failed). */
  close(): Promise<string[]>;
}

export async function makeVethPair(opts: {
  prefix: string;
  devA: string;
  devB: string;
  addrA: string;
  addrB: string;
}): Promise<VethPair> {
  const a = `${opts.prefix}a`;
  const b = `${opts.prefix}b`;
  let netnsFd: number | undefined;
  let rtnl: Connection;
  let links: { ifindex: number }[];
  try {
    await execa('ip', ['netns', 'add', a]);
    await execa('ip', ['netns', 'add', b]);
    await execa('ip', ['-n', a, 'link', 'add', opts.devA, 'type', 'veth', 'peer', 'name', opts.devB, 'netns', b]);
    await execa('ip', ['-n', a, 'addr', 'add', `${opts.addrA}/30`, 'dev', opts.devA]);
    await execa('ip', ['-n', b, 'addr', 'add', `${opts.addrB}/30`, 'dev', opts.devB]);
    await execa('ip', ['-n', a, 'link', 'set', opts.devA, 'up']);
    await execa('ip', ['-n', b, 'link', 'set', opts.devB, 'up']);
    links = JSON.parse((await execa('ip', ['-n', a, '-j', 'link', 'show', opts.devA])).stdout) as { ifindex: number }[];
    netnsFd = openSync(`/run/netns/${a}`, 'r');
    rtnl = new Connection(new KernelSocket(NETLINK_ROUTE, { netnsFd, timeoutMs: 5000 }), `netns ${a}`);
  } catch (err) {
    // Half made: remove what this call made (the namespaces take their devices along), then fail.
    if (netnsFd !== undefined) closeSync(netnsFd);
    await execa('ip', ['netns', 'del', a], { reject: false });
    await execa('ip', ['netns', 'del', b], { reject: false });
    throw err;
  }
  return {
    a,
    b,
    indexA: links[0]?.ifindex ?? 0,
    rtnl,
    async close() {
      rtnl.close();
      closeSync(netnsFd as number);
      for (const ns of [a, b]) await execa('ip', ['netns', 'del', ns], { reject: false });
      return (await execa('ip', ['netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0] ?? '').filter((n) => n.startsWith(opts.prefix));
    },
  };
}

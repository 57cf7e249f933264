import { describe, expect, it } from 'vitest';
import { type LabEvent, formatEvent, clockTime, NamespaceTracker } from '../../src/lab/event-tracker.js';
import type { NamespaceState } from '../../src/lab/inspect.js';
import type { Message } from '../../src/netlink/message.js';
import { Writer } from '../../src/netlink/writer.js';
import { AF_INET, IFA, IFLA, RTA, RTM } from '../../src/rtnl/constants.js';

/*
 * Notifications built as the kernel lays them out (struct ifinfomsg /
 * ifaddrmsg / rtmsg and their attributes, <linux/rtnetlink.h>), fed to the
 * tracker that turns them into event lines.
 */

const IFF_UP = 0x1;
const IFF_LOWER_UP = 0x10000;

function message(type: number, payload: Uint8Array): Message {
  return { header: { length: 16 + payload.length, type, flags: 0, seq: 0, pid: 0 }, payload };
}

function link(type: number, index: number, name: string, flags: number, mtu = 1500, family = 0): Message {
  const w = new Writer();
  w.u8(family).u8(0).u16(1).i32(index).u32(flags).u32(0);
  w.attrString(IFLA.IFLA_IFNAME, name);
  w.attrU32(IFLA.IFLA_MTU, mtu);
  return message(type, w.finish());
}

function addr(type: number, index: number, local: [number, number, number, number], prefix: number, scope = 0): Message {
  const w = new Writer();
  w.u8(AF_INET).u8(prefix).u8(0).u8(scope).u32(index);
  w.attrBytes(IFA.IFA_LOCAL, Uint8Array.from(local));
  return message(type, w.finish());
}

function route(type: number, dst: [number, number, number, number], len: number, via: [number, number, number, number], oif: number, table = 254): Message {
  const w = new Writer();
  w.u8(AF_INET).u8(len).u8(0).u8(0).u8(table).u8(4).u8(0).u8(1).u32(0);
  w.attrU32(RTA.RTA_TABLE, table);
  if (len > 0) w.attrBytes(RTA.RTA_DST, Uint8Array.from(dst));
  w.attrBytes(RTA.RTA_GATEWAY, Uint8Array.from(via));
  w.attrU32(RTA.RTA_OIF, oif);
  return message(type, w.finish());
}

/** h1 as a dump shows it: eth0 up with 10.0.0.1/24 and a default route. */
function seeded(): NamespaceTracker {
  const state: NamespaceState = {
    links: [
      { index: 1, name: 'lo', flags: IFF_UP | IFF_LOWER_UP, up: true, carrier: true, state: 'up', operstate: 'UNKNOWN', mtu: 65536 },
      { index: 2, name: 'eth0', flags: IFF_UP | IFF_LOWER_UP, up: true, carrier: true, state: 'up', operstate: 'UP', mtu: 1500 },
    ],
    addresses: [{ index: 2, family: 4, prefix: 24, scope: 0, local: '10.0.0.1', flags: 0 }],
    routes: [{ family: 4, dst: 'default', table: 254, protocol: 4, scope: 0, type: 1, gateway: '10.0.0.254', oif: 2 }],
  };
  const t = new NamespaceTracker();
  t.seed(state);
  return t;
}

describe('NamespaceTracker', () => {
  it('reports an interface going down once, however many notifications the kernel sends', () => {
    const t = seeded();
    expect(t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', 0))).toEqual([{ kind: 'link', action: 'changed', interface: 'eth0', state: 'down' }]);
    expect(t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', 0))).toEqual([]);
  });

  it('tells losing carrier from being set down, and coming back up', () => {
    const t = seeded();
    expect(t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', IFF_UP))).toEqual([{ kind: 'link', action: 'changed', interface: 'eth0', state: 'no-carrier' }]);
    expect(t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', IFF_UP | IFF_LOWER_UP))).toEqual([{ kind: 'link', action: 'changed', interface: 'eth0', state: 'up' }]);
  });

  it('reports new, renamed, resized and removed interfaces', () => {
    const t = seeded();
    expect(t.handle(link(RTM.RTM_NEWLINK, 3, 'eth1', 0))).toEqual([{ kind: 'link', action: 'added', interface: 'eth1', state: 'down', mtu: 1500 }]);
    expect(t.handle(link(RTM.RTM_NEWLINK, 3, 'wan', 0))).toEqual([{ kind: 'link', action: 'changed', interface: 'wan', renamedFrom: 'eth1' }]);
    expect(t.handle(link(RTM.RTM_NEWLINK, 3, 'wan', 0, 9000))).toEqual([{ kind: 'link', action: 'changed', interface: 'wan', mtu: 9000 }]);
    expect(t.handle(link(RTM.RTM_DELLINK, 3, 'wan', 0))).toEqual([{ kind: 'link', action: 'removed', interface: 'wan' }]);
    expect(t.handle(link(RTM.RTM_DELLINK, 3, 'wan', 0))).toEqual([]);
  });

  it("ignores a bridge's AF_BRIDGE messages about its ports (not link changes)", () => {
    const t = seeded();
    expect(t.handle(link(RTM.RTM_DELLINK, 2, 'eth0', 0, 1500, 7))).toEqual([]);
    expect(t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', 0, 1500, 7))).toEqual([]);
  });

  it('reports global addresses added and removed, by interface name, and not link-scope ones', () => {
    const t = seeded();
    expect(t.handle(addr(RTM.RTM_NEWADDR, 2, [10, 0, 0, 1], 24))).toEqual([]); // already known from the dump
    expect(t.handle(addr(RTM.RTM_NEWADDR, 2, [10, 9, 9, 9], 32))).toEqual([{ kind: 'address', action: 'added', interface: 'eth0', address: '10.9.9.9/32' }]);
    expect(t.handle(addr(RTM.RTM_DELADDR, 2, [10, 0, 0, 1], 24))).toEqual([{ kind: 'address', action: 'removed', interface: 'eth0', address: '10.0.0.1/24' }]);
    expect(t.handle(addr(RTM.RTM_NEWADDR, 2, [169, 254, 0, 1], 16, 253))).toEqual([]);
  });

  it('reports main-table routes and leaves the local table out', () => {
    const t = seeded();
    expect(t.handle(route(RTM.RTM_NEWROUTE, [10, 77, 0, 0], 16, [10, 0, 0, 254], 2))).toEqual([
      { kind: 'route', action: 'added', dst: '10.77.0.0/16', via: '10.0.0.254', dev: 'eth0' },
    ]);
    expect(t.handle(route(RTM.RTM_NEWROUTE, [10, 0, 0, 1], 32, [0, 0, 0, 0], 2, 255))).toEqual([]);
    expect(t.handle(route(RTM.RTM_DELROUTE, [0, 0, 0, 0], 0, [10, 0, 0, 254], 2))).toEqual([
      { kind: 'route', action: 'removed', dst: 'default', via: '10.0.0.254', dev: 'eth0' },
    ]);
  });

  it('finds what changed between what it knew and a fresh dump (routes flushed without a notification)', () => {
    const t = seeded();
    t.handle(link(RTM.RTM_NEWLINK, 2, 'eth0', 0));
    const changes = t.compare({
      links: [
        { index: 1, name: 'lo', flags: IFF_UP | IFF_LOWER_UP, up: true, carrier: true, state: 'up', operstate: 'UNKNOWN', mtu: 65536 },
        { index: 2, name: 'eth0', flags: 0, up: false, carrier: false, state: 'down', operstate: 'DOWN', mtu: 1500 },
      ],
      addresses: [{ index: 2, family: 4, prefix: 24, scope: 0, local: '10.0.0.1', flags: 0 }],
      routes: [],
    });
    expect(changes).toEqual([{ kind: 'route', action: 'removed', dst: 'default', via: '10.0.0.254', dev: 'eth0' }]);
    expect(t.compare({ links: [], addresses: [], routes: [] })).toEqual([
      { kind: 'address', action: 'removed', interface: 'eth0', address: '10.0.0.1/24' },
      { kind: 'link', action: 'removed', interface: 'lo' },
      { kind: 'link', action: 'removed', interface: 'eth0' },
    ]);
  });
});

describe('formatEvent()', () => {
  const at = new Date(2026, 0, 2, 12, 0, 1).toISOString();
  const base = { time: at, node: 'h1', netns: 'lab-h1' };

  it('writes one line per change, time first', () => {
    const lines = (
      [
        { ...base, kind: 'link', action: 'changed', interface: 'eth0', state: 'down' },
        { ...base, kind: 'link', action: 'added', interface: 'eth1', state: 'up' },
        { ...base, kind: 'link', action: 'changed', interface: 'wan', renamedFrom: 'eth1' },
        { ...base, kind: 'link', action: 'changed', interface: 'wan', mtu: 9000 },
        { ...base, kind: 'link', action: 'removed', interface: 'wan' },
        { ...base, kind: 'address', action: 'added', interface: 'eth0', address: '10.9.9.9/32' },
        { ...base, kind: 'route', action: 'removed', dst: 'default', via: '10.0.0.254', dev: 'eth0' },
        { ...base, kind: 'namespace', action: 'removed' },
        { ...base, kind: 'namespace', action: 'added' },
      ] satisfies LabEvent[]
    ).map(formatEvent);
    expect(lines).toEqual([
      '12:00:01 h1 eth0 down',
      '12:00:01 h1 eth1 added (up)',
      '12:00:01 h1 eth1 renamed wan',
      '12:00:01 h1 wan mtu 9000',
      '12:00:01 h1 wan removed',
      '12:00:01 h1 eth0 address 10.9.9.9/32 added',
      '12:00:01 h1 route default via 10.0.0.254 dev eth0 removed',
      '12:00:01 h1 namespace lab-h1 gone',
      '12:00:01 h1 namespace lab-h1 back',
    ]);
  });

  it('gives the local clock time', () => {
    expect(clockTime(new Date(2026, 0, 2, 9, 5, 7).toISOString())).toBe('09:05:07');
  });
});

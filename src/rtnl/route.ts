import { attrMap, read } from '../netlink/attributes.js';
import { CREATE_EXCL, DUMP, REQUEST_ACK, type Message, type Request } from '../netlink/message.js';
import { Writer } from '../netlink/writer.js';
import { AF_INET, AF_INET6, RTA, RTMSG_LEN, RTM, RTN, RTPROT, RT_SCOPE, RT_TABLE_MAIN } from './constants.js';
import { formatCidr, formatIp, type Cidr, type IpAddress } from '../inet/ip.js';
import { NetlinkDecodeError } from '../netlink/decode-error.js';

export interface RouteSpec {
  /** Destination prefix; prefix 0 is the default route. */
  readonly dst: Cidr;
  readonly gateway?: IpAddress;
  /** Output interface ifindex (RTA_OIF). */
  readonly oif?: number;
  /** RTA_PRIORITY, what `ip route` calls metric. */
  readonly metric?: number;
  /** RTPROT_STATIC unless told. */
  readonly protocol?: number;
}

function routeBody(r: RouteSpec, forDelete: boolean): Uint8Array {
  const w = new Writer(64);
  const family = r.dst.family === 4 ? AF_INET : AF_INET6;
  // iproute2's choice: an IPv4 route without a gateway is scoped link; an IPv4
  // delete says RT_SCOPE_NOWHERE, the kernel's "any scope" (with UNIVERSE it
  // would not match a link-scoped route: ESRCH); IPv6 ignores the scope.
  const scope =
    r.dst.family === 6 ? RT_SCOPE.RT_SCOPE_UNIVERSE
    : forDelete ? RT_SCOPE.RT_SCOPE_NOWHERE
    : r.gateway ? RT_SCOPE.RT_SCOPE_UNIVERSE
    : RT_SCOPE.RT_SCOPE_LINK;
  // struct rtmsg { family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags }
  w.u8(family).u8(r.dst.prefix).u8(0).u8(0);
  w.u8(RT_TABLE_MAIN).u8(r.protocol ?? RTPROT.RTPROT_STATIC).u8(scope).u8(RTN.RTN_UNICAST).u32(0);
  if (r.dst.prefix > 0) w.attrBytes(RTA.RTA_DST, r.dst.bytes);
  if (r.gateway) w.attrBytes(RTA.RTA_GATEWAY, r.gateway.bytes);
  if (r.metric !== undefined) w.attrU32(RTA.RTA_PRIORITY, r.metric);
  if (r.oif !== undefined) w.attrU32(RTA.RTA_OIF, r.oif);
  return w.finish();
}

export function describeRoute(r: RouteSpec): string {
  const dst = r.dst.prefix === 0 ? 'default' : formatCidr(r.dst);
  return [dst, r.gateway ? `via ${formatIp(r.gateway)}` : '', r.oif !== undefined ? `dev ifindex ${r.oif}` : '', r.metric !== undefined ? `metric ${r.metric}` : '']
    .filter(Boolean)
    .join(' ');
}

/** `ip route add DST [via GW] [metric M] [dev IF] proto static` */
export function newRoute(r: RouteSpec, origin?: string): Request {
  return { type: RTM.RTM_NEWROUTE, flags: CREATE_EXCL, body: routeBody(r, false), what: `add route ${describeRoute(r)}`, ...(origin ? { origin } : {}) };
}

/** `ip route del DST [via GW] [metric M] [dev IF]` */
export function delRoute(r: RouteSpec, origin?: string): Request {
  return { type: RTM.RTM_DELROUTE, flags: REQUEST_ACK, body: routeBody(r, true), what: `delete route ${describeRoute(r)}`, ...(origin ? { origin } : {}) };
}

/** `ip route show` for one family (main table and all others). */
export function dumpRoutes(family: 4 | 6): Request {
  const w = new Writer(16);
  w.u8(family === 4 ? AF_INET : AF_INET6).zeros(7).u32(0);
  return { type: RTM.RTM_GETROUTE, flags: DUMP, body: w.finish(), what: `list IPv${family} routes` };
}

/** A route as the kernel reports it (RTM_NEWROUTE). */
export interface Route {
  readonly family: 4 | 6;
  readonly dst: string;
  readonly table: number;
  readonly protocol: number;
  readonly scope: number;
  readonly type: number;
  readonly gateway?: string;
  readonly oif?: number;
  readonly metric?: number;
}

export function decodeRoute(msg: Message): Route {
  const p = msg.payload;
  if (p.length < RTMSG_LEN) throw new NetlinkDecodeError('RTM_NEWROUTE payload', 0, `${RTMSG_LEN} bytes (struct rtmsg)`, `it is ${p.length} bytes`);
  const family = p[0] === AF_INET6 ? 6 : 4;
  const attrs = attrMap(p.subarray(RTMSG_LEN));
  const dstBytes = attrs.get(RTA.RTA_DST);
  const dstLen = p[1] ?? 0;
  const tableAttr = attrs.get(RTA.RTA_TABLE);
  const gw = attrs.get(RTA.RTA_GATEWAY);
  const oif = attrs.get(RTA.RTA_OIF);
  const prio = attrs.get(RTA.RTA_PRIORITY);
  return {
    family,
    dst: dstLen === 0 && !dstBytes ? 'default' : `${formatIp(dstBytes ?? new Uint8Array(family === 4 ? 4 : 16))}/${dstLen}`,
    table: tableAttr ? read.u32(tableAttr) : p[4] ?? 0,
    protocol: p[5] ?? 0,
    scope: p[6] ?? 0,
    type: p[7] ?? 0,
    ...(gw ? { gateway: formatIp(gw) } : {}),
    ...(oif ? { oif: read.u32(oif) } : {}),
    ...(prio ? { metric: read.u32(prio) } : {}),
  };
}

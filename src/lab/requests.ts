import { parseCidr, parseIp } from '../inet/ip.js';
import type { Request } from '../netlink/message.js';
import { newAddr } from '../rtnl/addr.js';
import { newRoute } from '../rtnl/route.js';
import type { PlanAddress, PlanRoute } from '../topology/plan.js';

/**
 * Plan objects turned into rtnetlink requests, once, for every step that
 * sends them: apply, the uplink step and `nslab link` (which puts back what
 * a link lost when it went down).
 */

/**
 * `ip addr add ADDRESS dev DEV [nodad]` for an address of the plan. IPv6
 * addresses skip duplicate address detection: the plan made them unique,
 * and DAD would hold them "tentative" (unusable) for a second or more.
 */
export function addressRequest(a: PlanAddress, index = a.index): Request {
  const address = parseCidr(a.address);
  return newAddr({ index, address, nodad: address.family === 6 }, a.origin);
}

/** `ip route add DST [via GW] [dev DEV] [metric N]` for a route of the plan. */
export function routeRequest(r: PlanRoute, oif = r.index): Request {
  const dst = r.dst === 'default' ? { family: r.family, bytes: new Uint8Array(r.family === 4 ? 4 : 16), prefix: 0 } : parseCidr(r.dst);
  return newRoute(
    {
      dst,
      ...(r.via !== undefined ? { gateway: parseIp(r.via) } : {}),
      ...(oif !== undefined ? { oif } : {}),
      ...(r.metric !== undefined ? { metric: r.metric } : {}),
    },
    r.origin,
  );
}

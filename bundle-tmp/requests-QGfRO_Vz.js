import { a as parseCidr, o as parseIp } from "./ip-BpWuX1YV.js";
import { i as newRoute, s as newAddr } from "./route-B0Crn4mq.js";
// dist/lab/requests.js
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
function addressRequest(a, index = a.index) {
	const address = parseCidr(a.address);
	return newAddr({
		index,
		address,
		nodad: address.family === 6
	}, a.origin);
}
/** `ip route add DST [via GW] [dev DEV] [metric N]` for a route of the plan. */
function routeRequest(r, oif = r.index) {
	const dst = r.dst === "default" ? {
		family: r.family,
		bytes: new Uint8Array(r.family === 4 ? 4 : 16),
		prefix: 0
	} : parseCidr(r.dst);
	return newRoute({
		dst,
		...r.via !== void 0 ? { gateway: parseIp(r.via) } : {},
		...oif !== void 0 ? { oif } : {},
		...r.metric !== void 0 ? { metric: r.metric } : {}
	}, r.origin);
}
export { routeRequest as n, addressRequest as t };

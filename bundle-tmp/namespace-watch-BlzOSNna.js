import { a as decodeAddr, c as RtnlSession, o as dumpAddrs, r as dumpRoutes, t as decodeRoute } from "./route-B0Crn4mq.js";
import "./socket-CytI9jvG.js";
import { y as SyscallError } from "./libc-oAiCzK6X.js";
import { h as RTNLGRP } from "./names-Wg_asd0Q.js";
import { r as dumpLinks, t as decodeLink } from "./link-C1xAs8C5.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { statSync } from "node:fs";
// dist/lab/namespace-watch.js
/** What the viewer and `nslab events` listen to: links, addresses and routes, both families. */
const WATCH_GROUPS = [
	RTNLGRP.RTNLGRP_LINK,
	RTNLGRP.RTNLGRP_IPV4_IFADDR,
	RTNLGRP.RTNLGRP_IPV6_IFADDR,
	RTNLGRP.RTNLGRP_IPV4_ROUTE,
	RTNLGRP.RTNLGRP_IPV6_ROUTE
];
/** The inode of a named namespace (nsfs), or undefined when it is gone. */
function netnsInode(name) {
	try {
		return statSync(netnsPath(name)).ino;
	} catch {
		return;
	}
}
/**
* Two sockets inside one lab namespace: one joined to the rtnetlink
* multicast groups (read without blocking), one for dumps. A socket keeps
* its namespace alive, so `stale()` notices when the name was deleted or
* reused and the owner closes this at once.
*/
var NamespaceWatch = class NamespaceWatch {
	netns;
	inode;
	events;
	query;
	constructor(netns, inode, events, query) {
		this.netns = netns;
		this.inode = inode;
		this.events = events;
		this.query = query;
	}
	/** Open both sockets, or undefined when the namespace does not exist. */
	static open(netns) {
		const inode = netnsInode(netns);
		if (inode === void 0) return void 0;
		const label = `netns ${netns}`;
		const events = RtnlSession.openIfExists(netnsPath(netns), {
			groups: WATCH_GROUPS,
			timeoutMs: 2e3,
			label
		});
		if (!events) return void 0;
		try {
			const query = RtnlSession.open({
				netnsPath: netnsPath(netns),
				timeoutMs: 2e3,
				label
			});
			return new NamespaceWatch(netns, inode, events, query);
		} catch (err) {
			events.close();
			throw err;
		}
	}
	/** True when the namespace's name no longer leads to the one these sockets are in. */
	stale() {
		return netnsInode(this.netns) !== this.inode;
	}
	/**
	* Read every queued notification without blocking; true if there was any
	* (or if the kernel dropped some for want of buffer: ENOBUFS means "re-read").
	*/
	drain() {
		let changed = false;
		for (let i = 0; i < 256; i++) {
			let d;
			try {
				d = this.events.poll();
			} catch (err) {
				if (err instanceof SyscallError && err.errnoName === "ENOBUFS") return true;
				throw err;
			}
			if (d === void 0) return changed;
			changed = true;
		}
		return true;
	}
	/** Links (with their counters), addresses and routes, dumped now. */
	read() {
		return {
			links: this.links(),
			addresses: this.query.dump(dumpAddrs()).map(decodeAddr),
			routes: [...this.query.dump(dumpRoutes(4)), ...this.query.dump(dumpRoutes(6))].map(decodeRoute)
		};
	}
	/** Links only: the once-a-second counter read. */
	links() {
		return this.query.dump(dumpLinks()).map(decodeLink);
	}
	close() {
		this.events.close();
		this.query.close();
	}
};
export { WATCH_GROUPS as n, netnsInode as r, NamespaceWatch as t };

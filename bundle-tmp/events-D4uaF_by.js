import { a as decodeAddr, c as RtnlSession, t as decodeRoute } from "./route-B0Crn4mq.js";
import { y as SyscallError } from "./libc-oAiCzK6X.js";
import { o as parseMessages } from "./writer-B6GmijVD.js";
import { p as RTM } from "./names-Wg_asd0Q.js";
import { t as decodeLink } from "./link-C1xAs8C5.js";
import { i as netnsPath } from "./netns-EP-ZBEUQ.js";
import { o as readNamespace } from "./inspect-CzYNL3A3.js";
import { n as linkState } from "./link-control-D6T2aI-e.js";
import { n as WATCH_GROUPS, r as netnsInode } from "./namespace-watch-BlzOSNna.js";
import { t as requirePrivileges } from "./privileges-DX3k0WGy.js";
import { n as runningPlan } from "./check-DTrUwynC.js";
// dist/lab/events.js
function routeKey(r) {
	return `${r.family}|${r.dst}|${r.gateway ?? ""}|${r.oif ?? ""}|${r.metric ?? ""}`;
}
function shownRoute(r) {
	return r.table === 254 && !r.dst.startsWith("fe80:") && !r.dst.startsWith("ff00:");
}
function shownAddress(a) {
	return a.scope === 0;
}
/**
* What one namespace looks like as far as events go, and the changes a
* notification makes to it. Pure: feed it messages, get changes.
*/
var NamespaceTracker = class {
	links = /* @__PURE__ */ new Map();
	addresses = /* @__PURE__ */ new Set();
	routes = /* @__PURE__ */ new Map();
	/** Take a dump as the starting point (nothing is reported). */
	seed(state) {
		this.links.clear();
		this.addresses.clear();
		this.routes.clear();
		this.compare(state);
	}
	/**
	* The changes from what was known to this dump, which becomes what is
	* known (after the kernel dropped notifications: ENOBUFS).
	*/
	compare(state) {
		const out = [];
		for (const l of state.links) out.push(...this.link(l));
		const addrs = new Map(state.addresses.filter(shownAddress).map((a) => [`${a.index}|${a.local}/${a.prefix}`, a]));
		for (const key of [...this.addresses]) {
			if (addrs.has(key)) continue;
			this.addresses.delete(key);
			const [index, address] = key.split("|");
			out.push({
				kind: "address",
				action: "removed",
				interface: this.dev(Number(index)) ?? "?",
				address
			});
		}
		for (const [key, a] of addrs) {
			if (this.addresses.has(key)) continue;
			this.addresses.add(key);
			out.push({
				kind: "address",
				action: "added",
				interface: this.dev(a.index) ?? "?",
				address: `${a.local}/${a.prefix}`
			});
		}
		const routes = new Map(state.routes.filter(shownRoute).map((r) => [routeKey(r), r]));
		for (const [key, r] of [...this.routes]) {
			if (routes.has(key)) continue;
			this.routes.delete(key);
			out.push(this.routeChange(r, "removed"));
		}
		for (const [key, r] of routes) {
			if (this.routes.has(key)) continue;
			this.routes.set(key, r);
			out.push(this.routeChange(r, "added"));
		}
		const present = new Set(state.links.map((l) => l.index));
		for (const [index, known] of [...this.links]) {
			if (present.has(index)) continue;
			this.links.delete(index);
			out.push({
				kind: "link",
				action: "removed",
				interface: known.name
			});
		}
		return out;
	}
	routeChange(r, action) {
		const dev = this.dev(r.oif);
		return {
			kind: "route",
			action,
			dst: r.dst,
			...r.gateway !== void 0 ? { via: r.gateway } : {},
			...dev !== void 0 ? { dev } : {},
			...r.metric !== void 0 ? { metric: r.metric } : {}
		};
	}
	dev(index) {
		return index === void 0 ? void 0 : this.links.get(index)?.name ?? `if${index}`;
	}
	/** The changes one notification makes; [] for one that changes nothing shown. */
	handle(msg) {
		if ((msg.header.type === RTM.RTM_NEWLINK || msg.header.type === RTM.RTM_DELLINK) && msg.payload[0] !== 0) return [];
		switch (msg.header.type) {
			case RTM.RTM_NEWLINK: return this.link(decodeLink(msg));
			case RTM.RTM_DELLINK: {
				const l = decodeLink(msg);
				const known = this.links.get(l.index);
				if (!known) return [];
				this.links.delete(l.index);
				return [{
					kind: "link",
					action: "removed",
					interface: known.name
				}];
			}
			case RTM.RTM_NEWADDR:
			case RTM.RTM_DELADDR: {
				const a = decodeAddr(msg);
				if (!shownAddress(a)) return [];
				const key = `${a.index}|${a.local}/${a.prefix}`;
				const add = msg.header.type === RTM.RTM_NEWADDR;
				if (add === this.addresses.has(key)) return [];
				if (add) this.addresses.add(key);
				else this.addresses.delete(key);
				return [{
					kind: "address",
					action: add ? "added" : "removed",
					interface: this.dev(a.index) ?? "?",
					address: `${a.local}/${a.prefix}`
				}];
			}
			case RTM.RTM_NEWROUTE:
			case RTM.RTM_DELROUTE: {
				const r = decodeRoute(msg);
				if (!shownRoute(r)) return [];
				const key = routeKey(r);
				const add = msg.header.type === RTM.RTM_NEWROUTE;
				if (add === this.routes.has(key)) return [];
				if (add) this.routes.set(key, r);
				else this.routes.delete(key);
				return [this.routeChange(r, add ? "added" : "removed")];
			}
			default: return [];
		}
	}
	link(l) {
		const state = linkState(l);
		const known = this.links.get(l.index);
		this.links.set(l.index, {
			name: l.name,
			state,
			...l.mtu !== void 0 ? { mtu: l.mtu } : {}
		});
		if (!known) return [{
			kind: "link",
			action: "added",
			interface: l.name,
			state,
			...l.mtu !== void 0 ? { mtu: l.mtu } : {}
		}];
		const out = [];
		if (known.name !== l.name) out.push({
			kind: "link",
			action: "changed",
			interface: l.name,
			renamedFrom: known.name
		});
		if (known.state !== state) out.push({
			kind: "link",
			action: "changed",
			interface: l.name,
			state
		});
		if (l.mtu !== void 0 && known.mtu !== void 0 && known.mtu !== l.mtu) out.push({
			kind: "link",
			action: "changed",
			interface: l.name,
			mtu: l.mtu
		});
		return out;
	}
};
/** "12:00:01" in local time. */
function clockTime(iso) {
	const d = new Date(iso);
	const two = (n) => String(n).padStart(2, "0");
	return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
/** One human line: "12:00:01 h1 eth0 down". */
function formatEvent(e) {
	const head = `${clockTime(e.time)} ${e.node}`;
	switch (e.kind) {
		case "link":
			if (e.action === "removed") return `${head} ${e.interface} removed`;
			if (e.action === "added") return `${head} ${e.interface} added${e.state ? ` (${e.state})` : ""}`;
			if (e.renamedFrom !== void 0) return `${head} ${e.renamedFrom} renamed ${e.interface}`;
			if (e.mtu !== void 0 && e.state === void 0) return `${head} ${e.interface} mtu ${e.mtu}`;
			return `${head} ${e.interface} ${e.state ?? "changed"}`;
		case "address": return `${head} ${e.interface} address ${e.address} ${e.action}`;
		case "route": return `${head} route ${e.dst}${e.via ? ` via ${e.via}` : ""}${e.dev ? ` dev ${e.dev}` : ""}${e.metric !== void 0 ? ` metric ${e.metric}` : ""} ${e.action}`;
		case "namespace": return `${head} namespace ${e.netns} ${e.action === "removed" ? "gone" : "back"}`;
	}
}
/** The lab's namespaces watched; start() begins, close() ends (idempotent). */
var LabEventStream = class {
	opts;
	watched;
	timers = [];
	closed = false;
	now;
	constructor(plan, opts) {
		this.opts = opts;
		this.now = opts.now ?? (() => /* @__PURE__ */ new Date());
		this.watched = plan.namespaces.map((n) => ({
			node: n.node,
			netns: n.name,
			tracker: new NamespaceTracker()
		}));
	}
	/** Open every namespace's socket (subscribed before the first dump, so nothing falls between). */
	start() {
		for (const w of this.watched) this.open(w);
		this.timers = [setInterval(() => this.guard(() => this.poll()), this.opts.pollMs ?? 100), setInterval(() => this.guard(() => this.presence()), this.opts.presenceMs ?? 1e3)];
	}
	/** How many namespaces are being watched now. */
	get watching() {
		return this.watched.filter((w) => w.socket).length;
	}
	guard(fn) {
		if (this.closed) return;
		try {
			fn();
		} catch (err) {
			this.opts.onError?.(err);
		}
	}
	open(w) {
		const inode = netnsInode(w.netns);
		if (inode === void 0) return false;
		const socket = RtnlSession.openIfExists(netnsPath(w.netns), {
			groups: WATCH_GROUPS,
			timeoutMs: 2e3,
			label: `netns ${w.netns}`
		});
		if (!socket) return false;
		w.socket = socket;
		w.inode = inode;
		const state = readNamespace(w.netns);
		if (state) w.tracker.seed(state);
		return true;
	}
	drop(w) {
		w.socket?.close();
		delete w.socket;
		delete w.inode;
	}
	emit(w, c) {
		this.opts.onEvent({
			time: this.now().toISOString(),
			node: w.node,
			netns: w.netns,
			...c
		});
	}
	/** Read every queued notification of every namespace, without blocking. */
	poll() {
		for (const w of this.watched) {
			const socket = w.socket;
			if (!socket) continue;
			let linkWentDown = false;
			for (let i = 0; i < 256; i++) {
				let d;
				try {
					d = socket.poll();
				} catch (err) {
					if (err instanceof SyscallError && err.errnoName === "ENOBUFS") {
						this.resync(w);
						break;
					}
					throw err;
				}
				if (d === void 0) break;
				for (const msg of parseMessages(d)) for (const c of w.tracker.handle(msg)) {
					this.emit(w, c);
					if (c.kind === "link" && (c.action === "removed" || c.state === "down")) linkWentDown = true;
				}
			}
			if (linkWentDown) this.resync(w);
		}
	}
	resync(w) {
		const state = readNamespace(w.netns);
		if (state) for (const c of w.tracker.compare(state)) this.emit(w, c);
	}
	/** Namespaces that went away (closed) or came back (reopened). */
	presence() {
		for (const w of this.watched) {
			const inode = netnsInode(w.netns);
			if (w.socket && inode !== w.inode) {
				this.drop(w);
				this.emit(w, {
					kind: "namespace",
					action: "removed"
				});
			}
			if (!w.socket && inode !== void 0 && this.open(w)) this.emit(w, {
				kind: "namespace",
				action: "added"
			});
		}
		if (this.watching === 0) this.opts.onGone?.();
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		for (const t of this.timers) clearInterval(t);
		for (const w of this.watched) this.drop(w);
	}
};
// dist/cli/events.js
/**
* Resolves when SIGINT or SIGTERM arrives, or when `stop` is called; the
* handlers are removed either way, so Node's default (exit) is back after.
*/
function untilStopped() {
	let stop = () => void 0;
	return {
		done: new Promise((resolve) => {
			const onInt = () => stop("SIGINT");
			const onTerm = () => stop("SIGTERM");
			stop = (why) => {
				process.off("SIGINT", onInt);
				process.off("SIGTERM", onTerm);
				resolve(why);
			};
			process.on("SIGINT", onInt);
			process.on("SIGTERM", onTerm);
		}),
		stop
	};
}
function registerEvents(program) {
	program.command("events").description("print link, address and route changes in every node of a lab as they happen (Ctrl-C stops)").argument("[lab]", "lab name or topology file (optional when one lab is up)").option("--json", "one JSON object per line").action(async (arg, opts) => {
		const plan = runningPlan(arg);
		requirePrivileges("nslab events", "it listens inside the lab's namespaces");
		const { done, stop } = untilStopped();
		const write = (e) => {
			process.stdout.write(opts.json ? `${JSON.stringify(e)}\n` : `${formatEvent(e)}\n`);
		};
		const stream = new LabEventStream(plan, {
			onEvent: write,
			onGone: () => stop("gone"),
			onError: (err) => process.stderr.write(`nslab events: ${err.message ?? String(err)}\n`)
		});
		try {
			stream.start();
			process.stderr.write(`nslab events: watching ${stream.watching} nodes of lab ${plan.lab}; Ctrl-C stops\n`);
			if (await done === "gone") process.stderr.write(`nslab events: every namespace of lab ${plan.lab} is gone; stopping\n`);
		} finally {
			stream.close();
		}
	});
}
export { registerEvents };

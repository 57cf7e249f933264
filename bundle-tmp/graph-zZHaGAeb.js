import { r as formatDiagnostic } from "./diagnostics-BOTw9g1k.js";
import { a as planView, c as sandboxView, n as interfaceViews, r as labCgroups, s as routeViews, t as cgroupView } from "./inspect-CzYNL3A3.js";
import { n as looksLikeFile } from "./names-Wg_asd0Q.js";
import { t as NamespaceWatch } from "./namespace-watch-BlzOSNna.js";
import { t as labSummaries } from "./summary-CobLAH62.js";
import { s as readRecord } from "./state-BrxKKSY6.js";
import { t as loadTopologyFile } from "./load-BF6dsdTg.js";
import { t as compilePlan } from "./plan-DNPPhVqz.js";
import { t as UsageError } from "./errors-DVtOiXg0.js";
import { r as onlyLab } from "./resolve-32GhEs-c.js";
import { createRequire } from "node:module";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createServer } from "node:http";
// dist/viewer/assets.js
/** The page's own files (viewer/ at the package root; same path from src/ and dist/). */
const VIEWER_DIR = fileURLToPath(new URL("../../viewer/", import.meta.url));
/** The one file the page needs from node_modules. */
const CYTOSCAPE_JS = createRequire(import.meta.url).resolve("cytoscape/dist/cytoscape.min.js");
/** Everything the page may load, by URL path; nothing else is served from disk. */
const ASSETS = {
	"/": {
		file: `${VIEWER_DIR}index.html`,
		type: "text/html; charset=utf-8"
	},
	"/index.html": {
		file: `${VIEWER_DIR}index.html`,
		type: "text/html; charset=utf-8"
	},
	"/style.css": {
		file: `${VIEWER_DIR}style.css`,
		type: "text/css; charset=utf-8"
	},
	"/app.js": {
		file: `${VIEWER_DIR}app.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/details.js": {
		file: `${VIEWER_DIR}details.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/controls.js": {
		file: `${VIEWER_DIR}controls.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/live.js": {
		file: `${VIEWER_DIR}live.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/graph-style.js": {
		file: `${VIEWER_DIR}graph-style.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/svg.js": {
		file: `${VIEWER_DIR}svg.js`,
		type: "text/javascript; charset=utf-8"
	},
	"/cytoscape.min.js": {
		file: CYTOSCAPE_JS,
		type: "text/javascript; charset=utf-8"
	}
};
const cache = /* @__PURE__ */ new Map();
/** An asset's text (read once; these files do not change while nslab runs). */
function readAsset(path) {
	const asset = ASSETS[path];
	if (!asset) throw new RangeError(`no viewer asset at ${path}`);
	let text = cache.get(asset.file);
	if (text === void 0) {
		text = readFileSync(asset.file, "utf8");
		cache.set(asset.file, text);
	}
	return text;
}
// dist/viewer/export.js
/** JSON that is safe inside a <script> element (no `<\/script>`, no `<!--`). */
function scriptJson(value) {
	return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function inlineScript(code) {
	return `<script>\n${code.replace(/<\/(script)/gi, "<\\/$1")}\n<\/script>`;
}
function inlineStyle(css) {
	return `<style>\n${css.replace(/<\/(style)/gi, "<\\/$1")}\n</style>`;
}
/**
* The scripts viewer/index.html loads, in its order. The files of a group
* stand on consecutive lines there and are inlined as one <script>: the
* page's own parts (details, controls, live) and app.js, which makes them.
*/
const SCRIPTS = [
	["cytoscape.min.js"],
	["graph-style.js"],
	["svg.js"],
	[
		"details.js",
		"controls.js",
		"live.js",
		"app.js"
	]
];
/**
* One self-contained HTML file: cytoscape, the page's scripts and styles
* and the lab's data inlined, nothing fetched, so it opens from disk
* (file://) with no network.
*/
function exportHtml(data) {
	let html = readAsset("/index.html");
	const replace = (tag, by) => {
		if (!html.includes(tag)) throw new Error(`viewer/index.html has no ${tag} to inline`);
		html = html.replace(tag, () => by);
	};
	replace("<link rel=\"stylesheet\" href=\"style.css\">", inlineStyle(readAsset("/style.css")));
	for (const group of SCRIPTS) replace(group.map((js) => `<script src="${js}"><\/script>`).join("\n"), inlineScript(group.map((js) => readAsset(`/${js}`)).join("\n")));
	replace("<!--nslab:data-->", `<script>window.NSLAB_DATA = ${scriptJson(data)};<\/script>`);
	return html;
}
function exportStamp(d) {
	return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
// dist/viewer/sse.js
/** Headers of an event stream: nothing may cache or buffer it. */
const SSE_HEADERS = {
	"Content-Type": "text/event-stream; charset=utf-8",
	"Cache-Control": "no-cache",
	Connection: "keep-alive",
	"X-Accel-Buffering": "no"
};
const NEWLINE = /[\r\n]/;
/**
* The wire text of one event, framed as the HTML standard reads it (and as
* Hono's streamSSE writes it): `event:`, one `data:` line per line of data,
* `id:`, `retry:`, then a blank line. A newline inside `event` or `id` would
* end the field early and inject another, so it is refused.
*/
function formatSse(m) {
	if (m.event !== void 0 && NEWLINE.test(m.event)) throw new TypeError("an SSE event name cannot contain a newline");
	if (m.id !== void 0 && NEWLINE.test(m.id)) throw new TypeError("an SSE id cannot contain a newline");
	if (m.retry !== void 0 && (!Number.isInteger(m.retry) || m.retry < 0)) throw new TypeError(`SSE retry must be a whole number of ms, got ${m.retry}`);
	const lines = [];
	if (m.event !== void 0) lines.push(`event: ${m.event}`);
	for (const line of m.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
	if (m.id !== void 0) lines.push(`id: ${m.id}`);
	if (m.retry !== void 0) lines.push(`retry: ${m.retry}`);
	return `${lines.join("\n")}\n\n`;
}
/** A comment line: ignored by EventSource, keeps idle connections open. */
function sseComment(text) {
	return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}
/** One browser listening on an event stream. */
var SseClient = class {
	res;
	closed = false;
	constructor(res) {
		this.res = res;
		res.writeHead(200, SSE_HEADERS);
		res.flushHeaders();
		res.on("close", () => {
			this.closed = true;
		});
	}
	get isClosed() {
		return this.closed || this.res.destroyed;
	}
	send(event, payload) {
		if (this.isClosed) return;
		this.res.write(formatSse({
			event,
			data: JSON.stringify(payload)
		}));
	}
	comment(text) {
		if (!this.isClosed) this.res.write(sseComment(text));
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		this.res.end();
	}
};
// dist/viewer/decorations.js
function bytes(n) {
	const units = [
		"B",
		"KiB",
		"MiB",
		"GiB",
		"TiB"
	];
	let v = n;
	let u = 0;
	while (v >= 1024 && u < units.length - 1 && Number.isInteger(v / 1024)) {
		v /= 1024;
		u++;
	}
	return `${v} ${units[u]}`;
}
/** Per-node extras from the plan: NAT, uplink, limits, capabilities. */
function decorations(plan) {
	const p = plan;
	const out = {};
	const put = (node, d) => {
		out[node] = {
			...out[node] ?? {},
			...d
		};
	};
	for (const n of p.namespaces) {
		const c = n.confine;
		if (!c) continue;
		const limits = {};
		if (c.limits?.memory !== void 0) limits.memory = bytes(c.limits.memory);
		if (c.limits?.cpu !== void 0) limits.cpu = `${+(c.limits.cpu.quotaUs / c.limits.cpu.periodUs).toFixed(2)} CPU (${c.limits.cpu.quotaUs} µs per ${c.limits.cpu.periodUs} µs)`;
		if (c.limits?.cpuSet !== void 0) limits["cpu set"] = c.limits.cpuSet;
		if (c.limits?.pids !== void 0) limits.processes = `at most ${c.limits.pids}`;
		put(n.node, {
			limits,
			capabilities: c.capsAll ? ["all"] : [...c.caps ?? []],
			seccomp: c.seccomp
		});
	}
	for (const nat of p.nat ?? []) {
		const ports = nat.ports.map((f) => `${f.port}/${f.proto} → ${f.toNode} ${f.to}:${f.toPort}`);
		put(nat.node, { nat: {
			...nat.masquerade ? { masqueradeOut: nat.masquerade.out } : {},
			ports
		} });
	}
	if (p.uplink) {
		const u = p.uplink;
		put(u.node, { uplink: {
			dev: u.dev,
			address: u.address,
			hostDev: u.hostDev,
			hostAddress: u.hostAddress,
			nat: u.nat
		} });
	}
	return out;
}
const RING_SPACING = 300;
const RING_LEAF_GAP = 200;
/** "h2" < "h10": digits compare as numbers; no locale, so every machine agrees. */
function naturalCompare(a, b) {
	const re = /(\d+)|(\D+)/g;
	const pa = a.match(re) ?? [];
	const pb = b.match(re) ?? [];
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const x = pa[i];
		const y = pb[i];
		if (x === y) continue;
		const nx = /^\d/.test(x);
		const ny = /^\d/.test(y);
		if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
		return x < y ? -1 : 1;
	}
	if (pa.length !== pb.length) return pa.length - pb.length;
	return a < b ? -1 : a > b ? 1 : 0;
}
function adjacency(g) {
	const adj = new Map(g.nodes.map((n) => [n.name, /* @__PURE__ */ new Set()]));
	for (const l of g.links) {
		if (l.a.node === l.b.node) continue;
		adj.get(l.a.node)?.add(l.b.node);
		adj.get(l.b.node)?.add(l.a.node);
	}
	return new Map([...adj].map(([k, v]) => [k, [...v].sort(naturalCompare)]));
}
/** Compute positions: a ring for a ring, layers for everything else. */
function computeLayout(g) {
	const adj = adjacency(g);
	const ring = ringOrder(g, adj);
	if (ring) return {
		kind: "ring",
		positions: ringPositions(g, adj, ring)
	};
	return {
		kind: "layered",
		positions: layeredPositions(g, adj)
	};
}
/** Hosts with at most one neighbour hang off the core; the rest is the core. */
function isLeaf(g, adj, name) {
	return g.nodes.find((n) => n.name === name)?.kind === "host" && (adj.get(name)?.length ?? 0) <= 1;
}
/** The core's nodes in ring order if the core is exactly one cycle of 3 or more. */
function ringOrder(g, adj) {
	const core = g.nodes.map((n) => n.name).filter((n) => !isLeaf(g, adj, n)).sort(naturalCompare);
	if (core.length < 3) return void 0;
	const inCore = new Set(core);
	const coreNeighbours = (n) => (adj.get(n) ?? []).filter((m) => inCore.has(m));
	if (!core.every((n) => coreNeighbours(n).length === 2)) return void 0;
	const start = core[0];
	const order = [start];
	let prev = start;
	let cur = coreNeighbours(start)[0];
	while (cur !== start) {
		order.push(cur);
		const next = coreNeighbours(cur).find((m) => m !== prev);
		prev = cur;
		cur = next;
	}
	return order.length === core.length ? order : void 0;
}
function ringPositions(g, adj, order) {
	const n = order.length;
	const radius = Math.max(200, n * RING_SPACING / (2 * Math.PI));
	const pos = {};
	const angleOf = /* @__PURE__ */ new Map();
	order.forEach((name, i) => {
		const angle = -Math.PI / 2 + 2 * Math.PI * i / n;
		angleOf.set(name, angle);
		pos[name] = {
			x: round(radius * Math.cos(angle)),
			y: round(radius * Math.sin(angle))
		};
	});
	const loose = [];
	const leaves = g.nodes.map((x) => x.name).filter((x) => isLeaf(g, adj, x)).sort(naturalCompare);
	const byParent = /* @__PURE__ */ new Map();
	for (const leaf of leaves) {
		const parent = adj.get(leaf)?.[0];
		if (parent === void 0 || !angleOf.has(parent)) loose.push(leaf);
		else byParent.set(parent, [...byParent.get(parent) ?? [], leaf]);
	}
	for (const [parent, kids] of byParent) {
		const base = angleOf.get(parent);
		const r = radius + RING_LEAF_GAP;
		const step = Math.min(180 / r, 2 * Math.PI / n / Math.max(kids.length, 1));
		kids.forEach((kid, i) => {
			const angle = base + (i - (kids.length - 1) / 2) * step;
			pos[kid] = {
				x: round(r * Math.cos(angle)),
				y: round(r * Math.sin(angle))
			};
		});
	}
	loose.forEach((name, i) => {
		pos[name] = {
			x: round((i - (loose.length - 1) / 2) * 180),
			y: round(radius + 400)
		};
	});
	return pos;
}
/**
* Rows by distance from the hosts: hosts at the bottom, what they plug into
* above them, and so on (leaf–spine: hosts, leaves, spines). Parts of the
* lab without hosts start from their least connected node.
*/
function layers(g, adj) {
	const layer = /* @__PURE__ */ new Map();
	const bfs = (sources) => {
		let frontier = sources.filter((s) => !layer.has(s));
		for (const s of frontier) layer.set(s, 0);
		let d = 0;
		while (frontier.length > 0) {
			d++;
			const next = [];
			for (const u of frontier) for (const v of adj.get(u) ?? []) {
				if (layer.has(v)) continue;
				layer.set(v, d);
				next.push(v);
			}
			frontier = next;
		}
	};
	bfs(g.nodes.filter((n) => n.kind === "host").map((n) => n.name).sort(naturalCompare));
	for (;;) {
		const rest = g.nodes.map((n) => n.name).filter((n) => !layer.has(n));
		if (rest.length === 0) break;
		const minDegree = Math.min(...rest.map((n) => adj.get(n)?.length ?? 0));
		bfs([rest.filter((n) => (adj.get(n)?.length ?? 0) === minDegree).sort(naturalCompare)[0]]);
	}
	return layer;
}
function layeredPositions(g, adj) {
	const layer = layers(g, adj);
	const top = Math.max(0, ...layer.values());
	const rows = Array.from({ length: top + 1 }, () => []);
	for (const n of [...layer.keys()].sort(naturalCompare)) rows[layer.get(n)]?.push(n);
	const orderBy = (row, ref) => {
		const at = new Map(ref.map((n, i) => [n, i]));
		const key = /* @__PURE__ */ new Map();
		row.forEach((n, i) => {
			const ix = (adj.get(n) ?? []).map((m) => at.get(m)).filter((v) => v !== void 0);
			key.set(n, ix.length > 0 ? ix.reduce((s, v) => s + v, 0) / ix.length : i);
		});
		return row.map((n, i) => ({
			n,
			i
		})).sort((p, q) => key.get(p.n) - key.get(q.n) || p.i - q.i).map((p) => p.n);
	};
	for (let sweep = 0; sweep < 2; sweep++) {
		for (let l = top - 1; l >= 0; l--) rows[l] = orderBy(rows[l], rows[l + 1]);
		for (let l = 1; l <= top; l++) rows[l] = orderBy(rows[l], rows[l - 1]);
	}
	for (let l = top - 1; l >= 0; l--) rows[l] = orderBy(rows[l], rows[l + 1]);
	const width = Math.max(...rows.map((r) => r.length)) * 180;
	const pos = {};
	rows.forEach((row, l) => {
		row.forEach((name, i) => {
			pos[name] = {
				x: round((i + .5) * width / row.length - width / 2),
				y: (top - l) * 230
			};
		});
	});
	return pos;
}
function round(v) {
	return Math.round(v * 10) / 10;
}
// dist/viewer/rates.js
function perSecond(bytesBefore, bytesNow, seconds) {
	if (bytesNow < bytesBefore) return 0;
	return (bytesNow - bytesBefore) * 8 / seconds;
}
/** The rate between two samples; zero when no time passed or a counter reset. */
function rateBetween(before, now) {
	const seconds = (now.at - before.at) / 1e3;
	if (!(seconds > 0)) return {
		rxBps: 0,
		txBps: 0
	};
	return {
		rxBps: perSecond(before.rxBytes, now.rxBytes, seconds),
		txBps: perSecond(before.txBytes, now.txBytes, seconds)
	};
}
/**
* Per-interface rates from successive counter samples. Keyed by
* "node:interface"; the ifindex is part of the identity so a recreated
* interface starts afresh.
*/
var RateMeter = class {
	last = /* @__PURE__ */ new Map();
	rates = /* @__PURE__ */ new Map();
	/** Record a node's interfaces at time `at` (ms). */
	sample(node, interfaces, at) {
		for (const i of interfaces) {
			if (!i.stats) continue;
			const key = `${node}:${i.name}`;
			const now = {
				at,
				rxBytes: i.stats.rxBytes,
				txBytes: i.stats.txBytes,
				index: i.index
			};
			const before = this.last.get(key);
			this.rates.set(key, before && before.index === i.index ? rateBetween(before, now) : {
				rxBps: 0,
				txBps: 0
			});
			this.last.set(key, now);
		}
	}
	/** Forget a node (its namespace went away). */
	forget(node) {
		for (const key of [...this.last.keys()]) if (key.startsWith(`${node}:`)) {
			this.last.delete(key);
			this.rates.delete(key);
		}
	}
	rate(node, iface) {
		return this.rates.get(`${node}:${iface}`);
	}
	/**
	* A link's rate each way, read from end a (what a sends goes a→b); from
	* end b, mirrored, when a has no counters.
	*/
	linkRate(link) {
		const a = this.rate(link.a.node, link.a.interface);
		if (a) return {
			ab: a.txBps,
			ba: a.rxBps
		};
		const b = this.rate(link.b.node, link.b.interface);
		if (b) return {
			ab: b.rxBps,
			ba: b.txBps
		};
		return {
			ab: 0,
			ba: 0
		};
	}
};
/** Rates of every link, keyed by link id. */
function linkRates(meter, links) {
	const out = {};
	for (const l of links) out[l.id] = meter.linkRate(l);
	return out;
}
/** "0 b/s", "950 b/s", "12.3 kb/s", "1.2 Mb/s", "10 Gb/s" (SI, as link speeds are quoted). */
function formatRate(bps) {
	const units = [
		"b/s",
		"kb/s",
		"Mb/s",
		"Gb/s",
		"Tb/s"
	];
	let v = Math.max(0, bps);
	let u = 0;
	while (v >= 1e3 && u < units.length - 1) {
		v /= 1e3;
		u++;
	}
	const digits = u === 0 || v >= 100 ? 0 : 1;
	return `${v.toFixed(digits)} ${units[u]}`;
}
// dist/viewer/watch.js
const IFF_LOWER_UP = 65536;
/** A node's view without its counters, to tell real changes from traffic. */
function withoutStats(n) {
	return JSON.stringify({
		...n,
		interfaces: n.interfaces.map(({ stats: _s, ...i }) => i)
	});
}
/**
* The live lab: one NamespaceWatch per node, multicast read on a short
* timer without blocking, the changed node re-dumped and pushed; counters
* read once a second and turned into per-link rates. Never blocks on recv:
* every kernel call here is a non-blocking read or a dump that answers at once.
*/
var LabWatcher = class {
	opts;
	plan;
	status;
	layout;
	decor;
	nodes = /* @__PURE__ */ new Map();
	links = [];
	watches = /* @__PURE__ */ new Map();
	meter = new RateMeter();
	lastRates = {};
	timers = [];
	closed = false;
	cgroups;
	sandbox;
	now;
	constructor(opts) {
		this.opts = opts;
		this.now = opts.now ?? Date.now;
		const s = opts.state();
		this.plan = s.plan;
		this.status = s.status;
		this.cgroups = labCgroups(s.facts);
		this.sandbox = s.facts?.sandbox;
		this.layout = computeLayout(planView(this.plan));
		this.decor = decorations(this.plan);
		this.rebuild();
	}
	/** Start the timers. */
	start() {
		const poll = setInterval(() => this.guard(() => this.poll()), this.opts.pollMs ?? 100);
		const stats = setInterval(() => this.guard(() => this.tick()), this.opts.statsMs ?? 1e3);
		this.timers = [poll, stats];
	}
	get live() {
		return this.status !== void 0;
	}
	/** The lab as it is now, in `nslab inspect --json`'s shape. */
	view() {
		return {
			lab: this.plan.lab,
			status: this.status ?? "planned",
			source: this.plan.source,
			live: this.live,
			nodes: this.plan.namespaces.map((n) => this.nodes.get(n.node)),
			links: this.links
		};
	}
	currentLayout() {
		return this.layout;
	}
	currentDecorations() {
		return this.decor;
	}
	rates() {
		return this.lastRates;
	}
	close() {
		if (this.closed) return;
		this.closed = true;
		for (const t of this.timers) clearInterval(t);
		this.timers = [];
		this.closeWatches();
	}
	guard(fn) {
		if (this.closed) return;
		try {
			fn();
		} catch (err) {
			this.opts.onError?.(err);
		}
	}
	closeWatches() {
		for (const w of this.watches.values()) w.close();
		this.watches.clear();
	}
	/** Everything from scratch: plan view, then every namespace read if the lab is up. */
	rebuild() {
		this.closeWatches();
		const planned = planView(this.plan, this.status ?? "planned");
		this.nodes = new Map(planned.nodes.map((n) => [n.name, n]));
		this.links = planned.links;
		this.lastRates = {};
		if (!this.live) return;
		for (const n of this.plan.namespaces) this.attach(n.node, n.name);
		this.links = this.linkStates();
		this.sampleRates(false);
	}
	planned(node) {
		return planView(this.plan, this.status ?? "planned").nodes.find((n) => n.name === node);
	}
	/** Open a node's namespace and read it; true if its view changed. */
	attach(node, netns) {
		const w = NamespaceWatch.open(netns);
		if (!w) return false;
		this.watches.set(node, w);
		return this.refresh(node);
	}
	/** Re-read one node; true if anything but counters changed. */
	refresh(node) {
		const w = this.watches.get(node);
		const before = this.nodes.get(node);
		if (!before) return false;
		let next;
		if (!w) next = this.planned(node);
		else try {
			const state = w.read();
			const sandbox = sandboxView(this.sandbox, node, before.netns, this.cgroups);
			next = {
				...before,
				present: true,
				interfaces: interfaceViews(state),
				routes: routeViews(state),
				...cgroupView(this.cgroups, node),
				...sandbox ? { sandbox } : {}
			};
		} catch (err) {
			w.close();
			this.watches.delete(node);
			this.meter.forget(node);
			next = this.planned(node);
			if (!w.stale()) this.opts.onError?.(err);
		}
		this.nodes.set(node, next);
		return withoutStats(before) !== withoutStats(next);
	}
	linkStates() {
		const iface = (node, name) => this.nodes.get(node)?.interfaces.find((i) => i.name === name);
		return planView(this.plan).links.map((l) => {
			const a = iface(l.a.node, l.a.interface);
			const b = iface(l.b.node, l.b.interface);
			return {
				...l,
				up: this.live && Boolean(a?.up && a.carrier && b?.up && b.carrier)
			};
		});
	}
	emitNodes(changed) {
		const set = new Set(changed);
		if (set.size === 0) return;
		this.links = this.linkStates();
		for (const node of set) {
			const view = this.nodes.get(node);
			if (!view) continue;
			const links = this.links.filter((l) => l.a.node === node || l.b.node === node);
			this.opts.onEvent({
				type: "node",
				node: view,
				links
			});
		}
	}
	/** Every poll: read notifications; re-dump and push the nodes that had any. */
	poll() {
		if (!this.live) return;
		const changed = [];
		for (const [node, w] of this.watches) if (w.drain() && this.refresh(node)) changed.push(node);
		this.emitNodes(changed);
	}
	/** Once a second: lab up/down/replanned, namespaces gone or new, counters and rates. */
	tick() {
		const s = this.opts.state();
		if (JSON.stringify(s.plan) !== JSON.stringify(this.plan) || s.status === void 0 !== (this.status === void 0)) {
			this.plan = s.plan;
			this.status = s.status;
			this.cgroups = labCgroups(s.facts);
			this.sandbox = s.facts?.sandbox;
			this.layout = computeLayout(planView(this.plan));
			this.decor = decorations(this.plan);
			this.rebuild();
			this.opts.onEvent({
				type: "lab",
				view: this.view(),
				layout: this.layout,
				decor: this.decor
			});
			return;
		}
		if (s.status !== this.status) {
			this.status = s.status;
			this.opts.onEvent({
				type: "lab",
				view: this.view(),
				layout: this.layout,
				decor: this.decor
			});
		}
		if (!this.live) return;
		const changed = [];
		for (const n of this.plan.namespaces) {
			const w = this.watches.get(n.node);
			if (w?.stale()) {
				w.close();
				this.watches.delete(n.node);
				this.meter.forget(n.node);
				if (this.refresh(n.node)) changed.push(n.node);
			} else if (!w) {
				if (this.attach(n.node, n.name)) changed.push(n.node);
			}
		}
		this.emitNodes(changed);
		this.sampleRates(true);
	}
	/** Read counters of every node, and send link rates. */
	sampleRates(send) {
		const at = this.now();
		const changed = [];
		for (const [node, w] of this.watches) {
			const view = this.nodes.get(node);
			if (!view) continue;
			let links;
			try {
				links = w.links();
			} catch {
				continue;
			}
			const byName = new Map(links.map((l) => [l.name, l]));
			let missed = false;
			const interfaces = view.interfaces.map((i) => {
				const l = byName.get(i.name);
				if (!l) {
					missed = true;
					return i;
				}
				if (l.up !== i.up || (l.flags & IFF_LOWER_UP) !== 0 !== i.carrier || l.operstate !== i.operstate) missed = true;
				if (!l.stats) return i;
				const stats = {
					rxBytes: Number(l.stats.rxBytes),
					txBytes: Number(l.stats.txBytes),
					rxPackets: Number(l.stats.rxPackets),
					txPackets: Number(l.stats.txPackets)
				};
				return {
					...i,
					stats
				};
			});
			if (links.filter((l) => l.name !== "lo").length !== view.interfaces.length) missed = true;
			this.nodes.set(node, {
				...view,
				interfaces
			});
			this.meter.sample(node, interfaces, at);
			if (missed && this.refresh(node)) changed.push(node);
		}
		this.emitNodes(changed);
		const rates = linkRates(this.meter, this.links);
		const out = {};
		for (const l of this.links) {
			const r = rates[l.id] ?? {
				ab: 0,
				ba: 0
			};
			out[l.id] = {
				ab: Math.round(r.ab),
				ba: Math.round(r.ba),
				label: formatRate(r.ab + r.ba)
			};
		}
		this.lastRates = out;
		if (send) this.opts.onEvent({
			type: "rates",
			at,
			links: out
		});
	}
};
// dist/viewer/server.js
const HEARTBEAT_MS = 15e3;
const PAGE_HEADERS = {
	"Cache-Control": "no-cache",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy": "no-referrer",
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'"
};
/**
* Only requests that name this server by its loopback address: a web page
* elsewhere cannot reach the lab through DNS rebinding.
*/
function hostAllowed(req, port) {
	const host = req.headers.host;
	return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}
function send(res, status, type, body) {
	res.writeHead(status, {
		...PAGE_HEADERS,
		"Content-Type": type,
		"Content-Length": Buffer.byteLength(body)
	});
	res.end(body);
}
function sendJson(res, value) {
	send(res, 200, "application/json; charset=utf-8", `${JSON.stringify(value, null, 2)}\n`);
}
/** Serve the page, /api/lab (LabView), /api/layout, /api/rates, /api/decorations and /api/events (SSE). */
async function startViewer(opts) {
	const clients = /* @__PURE__ */ new Set();
	const broadcast = (e) => {
		const { type, ...payload } = e;
		const body = type === "lab" ? {
			...payload,
			rates: watcher.rates()
		} : payload;
		for (const c of clients) if (c.isClosed) clients.delete(c);
		else c.send(type, body);
	};
	const watcher = new LabWatcher({
		state: opts.state,
		onEvent: broadcast,
		...opts.onError ? { onError: opts.onError } : {},
		...opts.pollMs !== void 0 ? { pollMs: opts.pollMs } : {},
		...opts.statsMs !== void 0 ? { statsMs: opts.statsMs } : {}
	});
	let port = 0;
	const server = createServer((req, res) => {
		try {
			if (!hostAllowed(req, port)) return send(res, 403, "text/plain; charset=utf-8", "nslab graph answers only to 127.0.0.1 and localhost\n");
			if (req.method !== "GET" && req.method !== "HEAD") {
				res.setHeader("Allow", "GET, HEAD");
				return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
			}
			const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
			switch (path) {
				case "/api/lab": return sendJson(res, watcher.view());
				case "/api/layout": return sendJson(res, watcher.currentLayout());
				case "/api/rates": return sendJson(res, watcher.rates());
				case "/api/decorations": return sendJson(res, watcher.currentDecorations());
				case "/api/events": {
					const c = new SseClient(res);
					clients.add(c);
					res.write("retry: 1000\n\n");
					c.send("lab", {
						view: watcher.view(),
						layout: watcher.currentLayout(),
						decor: watcher.currentDecorations(),
						rates: watcher.rates()
					});
					req.on("close", () => clients.delete(c));
					return;
				}
				default: {
					const asset = ASSETS[path];
					if (!asset) return send(res, 404, "text/plain; charset=utf-8", `not found: ${path}\n`);
					return send(res, 200, asset.type, readAsset(path));
				}
			}
		} catch (err) {
			opts.onError?.(err);
			if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
			else res.end();
		}
	});
	const heartbeat = setInterval(() => {
		for (const c of clients) c.comment("keep-alive");
	}, HEARTBEAT_MS);
	try {
		await new Promise((resolve, reject) => {
			server.once("error", reject);
			server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
				server.off("error", reject);
				resolve();
			});
		});
	} catch (err) {
		clearInterval(heartbeat);
		watcher.close();
		throw err;
	}
	port = server.address().port;
	watcher.start();
	let closing;
	return {
		url: `http://127.0.0.1:${port}/`,
		port,
		watcher,
		close() {
			closing ??= new Promise((resolve) => {
				clearInterval(heartbeat);
				watcher.close();
				for (const c of clients) c.close();
				clients.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		}
	};
}
// dist/viewer/target.js
var TargetError = class extends Error {
	name = "TargetError";
};
/** A name or a file; a name must be a lab that is up (or was: it has a record). */
function resolveTarget(arg) {
	if (looksLikeFile(arg)) {
		const topo = loadTopologyFile(arg);
		return {
			lab: topo.name,
			filePlan: compilePlan(topo),
			warnings: topo.warnings
		};
	}
	if (!readRecord(arg)) throw new TargetError(`lab '${arg}' is not up (nslab list shows the labs that are; give a topology file to draw one that is not)`);
	return {
		lab: arg,
		warnings: []
	};
}
/**
* The lab's state now: the deployed plan and status when it has a record,
* else the file's plan, not deployed. A lab given by name that has since
* gone keeps its last plan, shown as not deployed.
*/
function stateReader(target) {
	let last = target.filePlan;
	return () => {
		const rec = readRecord(target.lab);
		if (rec) {
			last = rec.plan;
			const status = rec.status === "deploying" ? labSummaries().find((s) => s.lab === target.lab)?.status ?? rec.status : rec.status;
			return {
				plan: rec.plan,
				status,
				...rec.facts ? { facts: rec.facts } : {}
			};
		}
		if (!last) throw new TargetError(`lab '${target.lab}' is not up`);
		return {
			plan: last,
			status: void 0
		};
	};
}
// dist/cli/graph.js
function parsePort(text) {
	if (text === void 0) return 0;
	if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port ${text}: expected a port number 0–65535 (0 picks a free one)`);
	return Number(text);
}
/** Open the page in the desktop's browser when there is a desktop; never required. */
function openBrowser(url) {
	if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
	try {
		const child = spawn("xdg-open", [url], {
			detached: true,
			stdio: "ignore"
		});
		child.on("error", () => void 0);
		child.unref();
	} catch {}
}
/** Resolves when SIGINT or SIGTERM arrives. */
function untilInterrupted() {
	return new Promise((resolve) => {
		const stop = (signal) => {
			process.off("SIGINT", onInt);
			process.off("SIGTERM", onTerm);
			resolve(signal);
		};
		const onInt = () => stop("SIGINT");
		const onTerm = () => stop("SIGTERM");
		process.on("SIGINT", onInt);
		process.on("SIGTERM", onTerm);
	});
}
function registerGraph(program) {
	program.command("graph").description("draw a lab in the browser, live from the kernel (a file that is not up is drawn from its plan)").argument("[lab]", "lab name or topology file (optional when one lab is up)").option("--port <n>", "port on 127.0.0.1 (default: a free one)").option("--export <file>", "write one self-contained HTML file (works offline, from disk) and exit").option("--no-open", "do not open a browser").action(async (arg, opts) => {
		const port = parsePort(opts.port);
		let target;
		try {
			target = resolveTarget(arg ?? onlyLab());
		} catch (err) {
			if (err instanceof TargetError) throw new UsageError(err.message);
			throw err;
		}
		for (const w of target.warnings) process.stderr.write(`${formatDiagnostic(w)}\n`);
		const state = stateReader(target);
		if (opts.export !== void 0) {
			const watcher = new LabWatcher({
				state,
				onEvent: () => void 0
			});
			try {
				const html = exportHtml({
					view: watcher.view(),
					layout: watcher.currentLayout(),
					decor: watcher.currentDecorations(),
					exportedAt: exportStamp(/* @__PURE__ */ new Date())
				});
				writeFileSync(opts.export, html);
			} finally {
				watcher.close();
			}
			process.stdout.write(`wrote ${opts.export} (lab ${target.lab}${watcher.live ? "" : ", not deployed"}); open it in any browser, no network needed\n`);
			return;
		}
		let viewer;
		try {
			viewer = await startViewer({
				state,
				port,
				onError: (err) => process.stderr.write(`nslab graph: ${err instanceof Error ? err.message : String(err)}\n`)
			});
		} catch (err) {
			if (err.code === "EADDRINUSE") throw new UsageError(`port ${port} on 127.0.0.1 is in use; pick another with --port, or leave --port out for a free one`);
			throw err;
		}
		process.stdout.write(`nslab graph: lab ${target.lab}${viewer.watcher.live ? "" : " (not deployed)"} at ${viewer.url}\n`);
		process.stdout.write("press Ctrl-C to stop\n");
		if (opts.open) openBrowser(viewer.url);
		await untilInterrupted();
		await viewer.close();
		process.stdout.write("nslab graph: stopped\n");
	});
}
export { registerGraph };

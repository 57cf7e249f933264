import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileSync } from 'node:fs';
import { contains, parseCidr, parseIp } from '../rtnl/inet.js';
import { libc } from '../sys/libc.js';
import { openNamedNetns } from '../sys/netns.js';
import { EchoSocket, PortProbe, readiness, POLLIN } from '../sys/ping.js';
import type { NodeKind } from '../topology/types.js';
import type { Plan, PlanExpect } from '../topology/plan.js';

/**
 * `nslab check`: a reachability matrix and the topology's `expect:` lines.
 *
 * Every node with an address (hosts and routers; bridges have none) sends
 * ICMP echo requests to every address of every other node, from inside its
 * own namespace, through nslab's own raw sockets (../sys/ping.ts). Targets
 * are the addresses the plan gives the lab, so a link that is down still
 * shows as a column (IPv6 drops the addresses of a downed interface).
 * A sender probes only families it has an address of.
 *
 * Bounded: each address gets at most `count` requests, `timeoutMs / count`
 * apart, and is given up `timeoutMs` after its first request; at most
 * SEND_BUDGET packets leave per tick. All probes run at once on short
 * timers with non-blocking sockets, so the event loop never waits on the
 * kernel.
 *
 * Expectations: `reach` holds when at least one of the target's addresses
 * answers; `not-reach` when none does. With a port, "answers" means a TCP
 * connection is accepted, or a UDP datagram gets any datagram back; a
 * refusal (RST, ICMP port unreachable) or silence is not reaching it. A UDP
 * service that never answers looks the same as a drop: say so in the lab.
 */

export interface CheckOptions {
  /** Echo requests per address (and UDP datagrams per port probe). */
  readonly count: number;
  /** How long an address has to answer, ms from its first request. */
  readonly timeoutMs: number;
}

export const DEFAULT_CHECK: CheckOptions = { count: 3, timeoutMs: 1000 };

/** Most packets sent per tick of the prober (a big lab's probes go out paced). */
const SEND_BUDGET = 1000;
const TICK_MS = 5;

// ---------------------------------------------------------------- targets

export interface NodeAddress {
  readonly address: string;
  readonly family: 4 | 6;
  readonly dev: string;
}

export interface CheckNode {
  readonly name: string;
  readonly kind: NodeKind;
  readonly netns: string;
  readonly addresses: readonly NodeAddress[];
}

/** The nodes of the matrix: every node the plan gives an address, in plan order. */
export function checkNodes(plan: Plan): CheckNode[] {
  return plan.namespaces
    .map((n) => ({
      name: n.node,
      kind: n.kind,
      netns: n.name,
      addresses: plan.addresses
        .filter((a) => a.netns === n.name)
        .map((a) => {
          const address = a.address.split('/')[0] as string;
          return { address, family: parseIp(address).family, dev: a.dev };
        }),
    }))
    .filter((n) => n.addresses.length > 0);
}

/** One thing to try: from a node's namespace to an address (and port). */
export interface Probe {
  readonly from: string;
  readonly netns: string;
  readonly address: string;
  readonly family: 4 | 6;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
}

export function probeKey(p: Pick<Probe, 'from' | 'address' | 'port'>): string {
  return `${p.from}>${p.address}${p.port ? `:${p.port.port}/${p.port.proto}` : ''}`;
}

export interface ProbeResult extends Probe {
  readonly reached: boolean;
  /**
   * Round trip (ICMP) or connect time (TCP, UDP) in ms, as the prober saw
   * it: answers are read on a timer, so this can be a few ms long.
   */
  readonly rttMs?: number;
  /** What happened, in words: "reply", "timeout", "host unreachable", "connection refused"… */
  readonly detail: string;
}

/** The probes of the matrix. */
export function matrixProbes(nodes: readonly CheckNode[]): Probe[] {
  const out: Probe[] = [];
  for (const from of nodes) {
    const families = new Set(from.addresses.map((a) => a.family));
    for (const to of nodes) {
      if (to === from) continue;
      for (const a of to.addresses) {
        if (families.has(a.family)) out.push({ from: from.name, netns: from.netns, address: a.address, family: a.family });
      }
    }
  }
  return out;
}

/**
 * The addresses an expectation's target stands for: an address itself, the
 * addresses of node:iface, or every address of a node — of the families the
 * sender has an address of (all of them when it has none).
 */
export function expectAddresses(plan: Plan, e: PlanExpect): string[] {
  let family: 4 | 6 | undefined;
  try {
    family = parseIp(e.target).family;
  } catch {
    family = undefined;
  }
  if (family !== undefined) return [e.target];
  const [node, iface] = e.target.split(':') as [string, string | undefined];
  const ns = plan.namespaces.find((n) => n.node === node);
  const fromNs = plan.namespaces.find((n) => n.node === e.from);
  if (!ns) return [];
  const own = new Set(plan.addresses.filter((a) => a.netns === fromNs?.name).map((a) => parseIp(a.address.split('/')[0] as string).family));
  return plan.addresses
    .filter((a) => a.netns === ns.name && (iface === undefined || a.dev === iface))
    .map((a) => a.address.split('/')[0] as string)
    .filter((a) => own.size === 0 || own.has(parseIp(a).family));
}

export function expectProbes(plan: Plan, e: PlanExpect): Probe[] {
  const netns = plan.namespaces.find((n) => n.node === e.from)?.name ?? '';
  return expectAddresses(plan, e).map((address) => ({
    from: e.from,
    netns,
    address,
    family: parseIp(address).family,
    ...(e.port ? { port: e.port } : {}),
  }));
}

// ---------------------------------------------------------------- kernel limits

/**
 * Neighbour (ARP, NDP) entries the matrix makes: one in each namespace for
 * each address it talks to on a link of its own, and one for its gateway.
 * The kernel keeps one neighbour table per family for all namespaces
 * together, and refuses new entries beyond net.ipv4.neigh.default.gc_thresh3
 * ("neighbor table overflow"): on a big flat LAN the matrix alone can
 * exceed it, and pairs then fail for the kernel's sake, not the lab's.
 */
export function neighbourEntries(plan: Plan): Record<4 | 6, number> {
  const nodes = checkNodes(plan);
  const out: Record<4 | 6, number> = { 4: 0, 6: 0 };
  for (const from of nodes) {
    const nets = plan.addresses.filter((a) => a.netns === from.netns).map((a) => parseCidr(a.address));
    const families = new Set(nets.map((n) => n.family));
    const offLink = new Set<4 | 6>();
    for (const to of nodes) {
      if (to === from) continue;
      for (const a of to.addresses) {
        if (!families.has(a.family)) continue;
        const ip = parseIp(a.address);
        if (nets.some((n) => contains(n, ip))) out[a.family]++;
        else offLink.add(a.family);
      }
    }
    for (const f of offLink) out[f]++;
  }
  return out;
}

/** What the kernel allows: gc_thresh3 and the entries in use now, per family (undefined where unreadable). */
export interface NeighbourTable {
  readonly family: 4 | 6;
  readonly limit: number;
  readonly inUse: number;
}

/** A warning when the matrix needs more neighbour entries than the kernel has room for. */
export function neighbourWarnings(needed: Record<4 | 6, number>, tables: readonly NeighbourTable[]): string[] {
  const out: string[] = [];
  for (const t of tables) {
    const n = needed[t.family];
    if (n === 0 || n + t.inUse <= t.limit) continue;
    const proto = t.family === 4 ? 'ipv4' : 'ipv6';
    out.push(
      `this matrix needs about ${n} IPv${t.family} neighbour (${t.family === 4 ? 'ARP' : 'NDP'}) entries, but the kernel keeps at most ${t.limit} for all namespaces together ` +
        `(net.${proto}.neigh.default.gc_thresh3, ${t.inUse} in use): pairs past that fail because the table is full, not because of the lab. ` +
        `To check a lab this size, raise it: sysctl -w net.${proto}.neigh.default.gc_thresh3=${Math.ceil((n + t.inUse) * 1.5)}`,
    );
  }
  return out;
}

/** The kernel's neighbour table sizes and use, from /proc (root namespace: the tables are global). */
export function readNeighbourTables(): NeighbourTable[] {
  const out: NeighbourTable[] = [];
  for (const [family, proto, stat] of [[4, 'ipv4', 'arp_cache'], [6, 'ipv6', 'ndisc_cache']] as const) {
    try {
      const limit = Number(readFileSync(`/proc/sys/net/${proto}/neigh/default/gc_thresh3`, 'utf8').trim());
      const line = readFileSync(`/proc/net/stat/${stat}`, 'utf8').split('\n')[1] ?? '';
      const inUse = parseInt(line.trim().split(/\s+/)[0] ?? '0', 16);
      if (Number.isFinite(limit) && Number.isFinite(inUse)) out.push({ family, limit, inUse });
    } catch {
      // Not readable here (another mount namespace, no IPv6): no warning rather than a wrong one.
    }
  }
  return out;
}

// ---------------------------------------------------------------- results

export type PairStatus = 'ok' | 'partial' | 'fail' | 'none';

export interface PairResult {
  readonly from: string;
  readonly to: string;
  readonly status: PairStatus;
  readonly probes: readonly ProbeResult[];
}

export interface ExpectationResult {
  readonly from: string;
  readonly target: string;
  readonly reach: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
  readonly origin: string;
  readonly ok: boolean;
  /** One sentence on what was seen. */
  readonly detail: string;
  readonly probes: readonly ProbeResult[];
}

/** What `nslab check --json` prints. */
export interface CheckReport {
  readonly lab: string;
  readonly count: number;
  readonly timeoutMs: number;
  readonly nodes: readonly { readonly name: string; readonly kind: NodeKind; readonly addresses: readonly string[] }[];
  readonly pairs: readonly PairResult[];
  readonly expectations: readonly ExpectationResult[];
  /** What may make the results wrong for reasons outside the lab (a full kernel table). */
  readonly warnings: readonly string[];
  readonly summary: {
    readonly pairs: number;
    readonly reachable: number;
    readonly partial: number;
    readonly unreachable: number;
    readonly expectations: number;
    readonly failed: number;
  };
}

export function pairStatus(probes: readonly Pick<ProbeResult, 'reached'>[]): PairStatus {
  if (probes.length === 0) return 'none';
  const n = probes.filter((p) => p.reached).length;
  return n === probes.length ? 'ok' : n === 0 ? 'fail' : 'partial';
}

export function matrixPairs(nodes: readonly CheckNode[], results: ReadonlyMap<string, ProbeResult>): PairResult[] {
  const out: PairResult[] = [];
  for (const from of nodes) {
    for (const to of nodes) {
      if (to === from) continue;
      const probes = to.addresses.flatMap((a) => {
        const r = results.get(probeKey({ from: from.name, address: a.address }));
        return r ? [r] : [];
      });
      out.push({ from: from.name, to: to.name, status: pairStatus(probes), probes });
    }
  }
  return out;
}

function portText(port: PlanExpect['port']): string {
  return port ? ` port ${port.port}/${port.proto}` : '';
}

/** "h1 reaches h2", "h3 does not reach srv port 22/tcp". */
export function describeExpectation(e: Pick<PlanExpect, 'from' | 'target' | 'reach' | 'port'>): string {
  return `${e.from} ${e.reach ? 'reaches' : 'does not reach'} ${e.target}${portText(e.port)}`;
}

/** "h1 to reach h2", "h3 not to reach srv port 22/tcp" (after "expected"). */
export function expectationGoal(e: Pick<PlanExpect, 'from' | 'target' | 'reach' | 'port'>): string {
  return `${e.from} ${e.reach ? 'to reach' : 'not to reach'} ${e.target}${portText(e.port)}`;
}

function where(p: ProbeResult): string {
  return p.port ? `${p.family === 6 ? `[${p.address}]` : p.address}:${p.port.port}/${p.port.proto}` : p.address;
}

/** Does what was seen satisfy the expectation? Pure: the probes are given. */
export function evaluateExpectation(e: PlanExpect, probes: readonly ProbeResult[]): ExpectationResult {
  const base = { from: e.from, target: e.target, reach: e.reach, ...(e.port ? { port: e.port } : {}), origin: e.origin, probes };
  if (probes.length === 0) {
    return { ...base, ok: false, detail: `${e.target} has no address ${e.from} could try` };
  }
  const hit = probes.find((p) => p.reached);
  const ok = (hit !== undefined) === e.reach;
  let detail: string;
  if (hit) {
    detail = `${hit.port ? (hit.port.proto === 'tcp' ? 'connected to' : 'got an answer from') : 'reply from'} ${where(hit)}`;
  } else {
    detail = probes.map((p) => `${where(p)}: ${p.detail}`).join('; ');
  }
  return { ...base, ok, detail };
}

export function buildReport(plan: Plan, opts: CheckOptions, results: ReadonlyMap<string, ProbeResult>, warnings: readonly string[] = []): CheckReport {
  const nodes = checkNodes(plan);
  const pairs = matrixPairs(nodes, results);
  const expectations = plan.expect.map((e) =>
    evaluateExpectation(
      e,
      expectProbes(plan, e).flatMap((p) => {
        const r = results.get(probeKey(p));
        return r ? [r] : [];
      }),
    ),
  );
  const count = (s: PairStatus): number => pairs.filter((p) => p.status === s).length;
  return {
    lab: plan.lab,
    count: opts.count,
    timeoutMs: opts.timeoutMs,
    nodes: nodes.map((n) => ({ name: n.name, kind: n.kind, addresses: n.addresses.map((a) => a.address) })),
    pairs,
    expectations,
    warnings,
    summary: {
      pairs: pairs.filter((p) => p.status !== 'none').length,
      reachable: count('ok'),
      partial: count('partial'),
      unreachable: count('fail'),
      expectations: expectations.length,
      failed: expectations.filter((x) => !x.ok).length,
    },
  };
}

// ---------------------------------------------------------------- text

export const MARK: Readonly<Record<PairStatus | 'self', string>> = { ok: '✓', fail: '✗', partial: '◐', none: '-', self: '·' };

/**
 * The matrix as text: one row per sender, one column per target, the
 * target names written downwards above their columns so a wide lab stays
 * narrow (two characters a column).
 */
export function formatMatrix(names: readonly string[], status: (from: string, to: string) => PairStatus): string {
  const corner = 'from\\to';
  const left = Math.max(corner.length, ...names.map((n) => n.length)) + 2;
  const depth = Math.max(0, ...names.map((n) => n.length));
  const lines: string[] = [];
  for (let row = 0; row < depth; row++) {
    const cells = names.map((n) => [...n][row] ?? ' ');
    lines.push(`${(row === depth - 1 ? corner : '').padEnd(left)}${cells.join(' ')}`.trimEnd());
  }
  for (const from of names) {
    const cells = names.map((to) => (to === from ? MARK.self : MARK[status(from, to)]));
    lines.push(`${from.padEnd(left)}${cells.join(' ')}`);
  }
  return lines.join('\n');
}

/** Pairs that fail listed under the matrix; the rest are counted. */
const MAX_LISTED = 20;

/** The whole report as a person reads it. */
export function formatReport(r: CheckReport): string {
  const out: string[] = [];
  const names = r.nodes.map((n) => n.name);
  const byPair = new Map(r.pairs.map((p) => [`${p.from}>${p.to}`, p]));
  if (names.length < 2) {
    out.push(`lab ${r.lab}: fewer than two nodes have addresses; no matrix to draw`);
  } else {
    out.push(`reachability in lab ${r.lab} (ICMP echo, ${r.count} per address, ${r.timeoutMs} ms to answer)`, '');
    out.push(formatMatrix(names, (from, to) => byPair.get(`${from}>${to}`)?.status ?? 'none'));
    out.push('');
    const s = r.summary;
    out.push(
      `${s.reachable} of ${s.pairs} pairs reach each other${s.partial ? `, ${s.partial} partly` : ''}${s.unreachable ? `, ${s.unreachable} not at all` : ''}` +
        `  (${MARK.ok} every address answers, ${MARK.partial} some do, ${MARK.fail} none, ${MARK.none} nothing to try)`,
    );
    for (const w of r.warnings) out.push(`warning: ${w}`);
    const bad = r.pairs.filter((p) => p.status === 'fail' || p.status === 'partial');
    for (const p of bad.slice(0, MAX_LISTED)) {
      const misses = p.probes.filter((x) => !x.reached).map((x) => `${x.address} ${x.detail}`);
      out.push(`  ${p.from} → ${p.to}: ${misses.join(', ')}`);
    }
    if (bad.length > MAX_LISTED) out.push(`  … and ${bad.length - MAX_LISTED} more pairs (--json lists every probe)`);
  }
  if (r.expectations.length > 0) {
    out.push('', `expectations (${r.expectations.length}):`);
    for (const e of r.expectations) out.push(formatExpectation(e));
    out.push(
      r.summary.failed === 0
        ? `all ${r.expectations.length} expectations hold`
        : `${r.summary.failed} of ${r.expectations.length} expectation${r.expectations.length === 1 ? '' : 's'} failed`,
    );
  }
  return out.join('\n');
}

export function formatExpectation(e: ExpectationResult): string {
  return e.ok
    ? `  ${MARK.ok} ${describeExpectation(e)}: ${e.detail}`
    : `  ${MARK.fail} FAILED ${e.origin}: expected ${expectationGoal(e)}; ${e.detail}`;
}

// ---------------------------------------------------------------- probing

const ERRNO_WORDS: Readonly<Record<string, string>> = {
  ENETUNREACH: 'no route (network unreachable)',
  EHOSTUNREACH: 'host unreachable',
  ECONNREFUSED: 'connection refused',
  EACCES: 'refused by a firewall (administratively prohibited)',
  EPERM: 'refused by a firewall here',
  EADDRNOTAVAIL: 'no source address for it',
  ETIMEDOUT: 'timed out',
};

function errnoWords(errno: string, udp = false): string {
  if (udp && errno === 'ECONNREFUSED') return 'port unreachable';
  return ERRNO_WORDS[errno] ?? errno;
}

interface EchoState {
  readonly probe: Probe;
  readonly socket: EchoSocket;
  sent: number;
  /** Requests the kernel took (a send refused at once, ENETUNREACH say, is not one). */
  accepted: number;
  firstAt?: number;
  nextAt: number;
  lastError?: string;
  result?: ProbeResult;
}

interface PortState {
  readonly probe: Probe & { port: NonNullable<Probe['port']> };
  socket?: PortProbe;
  sent: number;
  startedAt?: number;
  nextAt: number;
  result?: ProbeResult;
}

/**
 * Run probes in parallel and return each one's result by probeKey. Sockets
 * are opened inside each sender's namespace (one echo socket per sender and
 * family) and closed before this returns, whatever happens.
 */
export async function runProbes(probes: readonly Probe[], opts: CheckOptions): Promise<Map<string, ProbeResult>> {
  const count = Math.max(1, Math.floor(opts.count));
  const timeout = Math.max(1, opts.timeoutMs);
  const interval = timeout / count;
  const results = new Map<string, ProbeResult>();
  const unique = [...new Map(probes.map((p) => [probeKey(p), p])).values()];

  const echoSockets = new Map<string, EchoSocket>(); // "netns/family"
  const seqs = new Map<EchoSocket, Map<number, { state: EchoState; at: number }>>();
  const nextSeq = new Map<EchoSocket, number>();
  const nsFds = new Map<string, number | null>();
  const echoes: EchoState[] = [];
  const ports: PortState[] = [];
  const token = randomBytes(8);

  const nsFd = (netns: string): number | null => {
    if (!nsFds.has(netns)) {
      try {
        nsFds.set(netns, openNamedNetns(netns).fd);
      } catch {
        nsFds.set(netns, null);
      }
    }
    return nsFds.get(netns) ?? null;
  };
  try {
    for (const p of unique) {
      const fd = nsFd(p.netns);
      if (fd === null) {
        results.set(probeKey(p), { ...p, reached: false, detail: `namespace ${p.netns} is missing` });
        continue;
      }
      if (p.port) {
        ports.push({ probe: { ...p, port: p.port }, sent: 0, nextAt: 0 });
        continue;
      }
      const key = `${p.netns}/${p.family}`;
      let socket = echoSockets.get(key);
      if (!socket) {
        socket = EchoSocket.open(p.family, { netnsFd: fd, id: randomInt(1, 0xffff), token });
        echoSockets.set(key, socket);
        seqs.set(socket, new Map());
        nextSeq.set(socket, randomInt(0, 0xffff));
      }
      echoes.push({ probe: p, socket, sent: 0, accepted: 0, nextAt: 0 });
    }

    const pending = (): boolean => echoes.some((e) => !e.result) || ports.some((p) => !p.result);
    while (pending()) {
      const now = performance.now();
      let budget = SEND_BUDGET;

      // Send what is due.
      for (const e of echoes) {
        if (e.result || budget <= 0) continue;
        if (e.firstAt !== undefined && now - e.firstAt >= timeout) {
          e.result = { ...e.probe, reached: false, detail: e.lastError ?? 'no reply (timeout)' };
          continue;
        }
        if (e.sent >= count && e.accepted === 0) {
          // Every request refused on the spot: nothing can come back.
          e.result = { ...e.probe, reached: false, detail: e.lastError ?? 'could not send' };
          continue;
        }
        if (e.sent >= count || now < e.nextAt) continue;
        const seq = nextSeq.get(e.socket) ?? 0;
        nextSeq.set(e.socket, (seq + 1) & 0xffff);
        const sent = e.socket.send(e.probe.address, seq);
        budget--;
        e.firstAt ??= now;
        e.sent++;
        e.nextAt = (e.firstAt ?? now) + e.sent * interval;
        if (sent.ok) {
          e.accepted++;
          seqs.get(e.socket)?.set(seq, { state: e, at: now });
        }
        else if (sent.errno !== 'EAGAIN') e.lastError = errnoWords(sent.errno);
      }
      for (const p of ports) {
        if (p.result || budget <= 0) continue;
        if (p.startedAt !== undefined && now - p.startedAt >= timeout) {
          const silent = p.probe.port.proto === 'udp' ? 'no answer (a silent UDP service looks like a drop)' : 'no answer (timeout)';
          p.result = { ...p.probe, reached: false, detail: silent };
          p.socket?.close();
          continue;
        }
        if (!p.socket) {
          p.socket = PortProbe.start(p.probe.port.proto, p.probe.address, p.probe.port.port, nsFd(p.probe.netns) ?? undefined);
          p.startedAt = now;
          p.sent = 1;
          p.nextAt = now + interval;
          budget--;
        } else if (p.probe.port.proto === 'udp' && p.sent < count && now >= p.nextAt) {
          p.socket.resend();
          p.sent++;
          p.nextAt = (p.startedAt ?? now) + p.sent * interval;
          budget--;
        }
        settlePort(p, now);
      }

      // Read what came back.
      const open = [...echoSockets.values()];
      const waiting = ports.filter((p) => !p.result && p.socket);
      const ready = readiness([
        ...open.map((s) => ({ fd: s.fd, events: POLLIN })),
        ...waiting.map((p) => ({ fd: (p.socket as PortProbe).fd, events: (p.socket as PortProbe).events })),
      ]);
      const at = performance.now();
      open.forEach((s, i) => {
        if (!ready[i]) return;
        for (let m = s.receive(); m !== undefined; m = s.receive()) {
          const sent = seqs.get(s)?.get(m.seq);
          if (!sent || sent.state.result) continue;
          if (m.kind === 'reply') {
            sent.state.result = { ...sent.state.probe, reached: true, rttMs: at - sent.at, detail: 'reply' };
          } else {
            sent.state.lastError = `${m.reason}`;
          }
        }
      });
      waiting.forEach((p, i) => {
        const rev = ready[open.length + i] ?? 0;
        if (rev) p.socket?.update(rev);
        settlePort(p, at);
      });

      if (pending()) await sleep(TICK_MS);
    }
    for (const e of echoes) if (e.result) results.set(probeKey(e.probe), e.result);
    for (const p of ports) if (p.result) results.set(probeKey(p.probe), p.result);
    return results;
  } finally {
    for (const s of echoSockets.values()) s.close();
    for (const p of ports) p.socket?.close();
    for (const fd of nsFds.values()) if (fd !== null) libc.close(fd);
  }
}

function settlePort(p: PortState, now: number): void {
  const r = p.socket?.result;
  if (p.result || !r || r.state === 'pending') return;
  const udp = p.probe.port.proto === 'udp';
  p.result =
    r.state === 'open'
      ? { ...p.probe, reached: true, rttMs: now - (p.startedAt ?? now), detail: udp ? 'answered' : 'connected' }
      : { ...p.probe, reached: false, detail: errnoWords(r.errno, udp) };
}

/** Probe the matrix and the expectations of a lab that is up. */
export async function checkLab(plan: Plan, opts: CheckOptions = DEFAULT_CHECK): Promise<CheckReport> {
  const warnings = neighbourWarnings(neighbourEntries(plan), readNeighbourTables());
  const probes = [...matrixProbes(checkNodes(plan)), ...plan.expect.flatMap((e) => expectProbes(plan, e))];
  const results = await runProbes(probes, opts);
  return buildReport(plan, opts, results, warnings);
}

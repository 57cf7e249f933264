import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { libc } from '../os/libc.js';
import { openNamedNetns } from '../sys/netns.js';
import { EchoSocket, PortProbe, readiness, POLLIN } from '../sys/ping.js';
import { probeKey, type Probe, type ProbeResult } from './check-targets.js';

/**
 * The prober of `nslab check`: ICMP echo, TCP connects and UDP datagrams
 * from inside each sender's namespace, through nslab's own raw sockets
 * (../sys/ping.ts).
 *
 * Bounded: each address gets at most `count` requests, `timeoutMs / count`
 * apart, and is given up `timeoutMs` after its first request; at most
 * SEND_BUDGET packets leave per tick. All probes run at once on short
 * timers with non-blocking sockets, so the event loop never waits on the
 * kernel.
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


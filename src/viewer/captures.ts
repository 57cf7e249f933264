import { randomBytes } from 'node:crypto';
import { Capture, type CaptureResult } from '../lab/capture.js';
import { CaptureError, resolveCaptureTarget, type CaptureTarget } from '../lab/capture-target.js';
import { FilterError } from '../sys/packet/filter-parse.js';
import { PCAPNG_BLOCK, PCAPNG_OPT } from '../sys/packet/pcapng.js';
import type { Plan } from '../topology/plan.js';
import { summarizeFrame, type PacketSummary } from './packet-summary.js';

/**
 * Captures the page starts (`nslab capture` run inside the server): each
 * keeps the pcapng bytes it wrote, for "download pcap", and turns every
 * packet into a line for the page's list. Bounded: a few at a time, a cap
 * on the bytes each keeps (the capture stops there, and says so), a cap on
 * the lines kept for a list that connects late.
 */

export const MAX_CAPTURES = 4;
/** Bytes of pcapng one capture keeps before it stops by itself. */
export const MAX_CAPTURE_BYTES = 32 * 1024 * 1024;
/** Lines kept for a page that (re)connects; the file keeps every packet. */
const KEPT_LINES = 1000;

/** One packet as the page lists it. */
export interface PacketLine extends PacketSummary {
  /** 1, 2, … in the capture. */
  readonly n: number;
  /** Receive time, ms since the epoch (from the kernel's ns stamp). */
  readonly t: number;
  /** Interface it was seen on (NODE:any names each). */
  readonly iface: string;
  readonly length: number;
}

export interface CaptureEnd {
  readonly reason: CaptureResult['reason'] | 'limit';
  readonly captured: number;
  readonly dropped: number;
  readonly message?: string;
}

export interface CaptureListener {
  lines(lines: readonly PacketLine[]): void;
  end(e: CaptureEnd): void;
}

/** A capture request the user got wrong (target, filter, lab not up): one line for the page. */
export class CaptureRequestError extends Error {
  override readonly name = 'CaptureRequestError';
}

/** Enhanced packet blocks and interface names out of pcapng bytes as lab/capture.ts writes them (little-endian). */
export function readBlocks(bytes: Uint8Array, names: string[]): { iface: number; timestampNs: bigint; data: Uint8Array; length: number }[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: { iface: number; timestampNs: bigint; data: Uint8Array; length: number }[] = [];
  for (let at = 0; at + 12 <= bytes.length; ) {
    const type = v.getUint32(at, true);
    const len = v.getUint32(at + 4, true);
    if (len < 12 || at + len > bytes.length) break;
    if (type === PCAPNG_BLOCK.IDB) {
      let name = `if${names.length}`;
      for (let o = at + 16; o + 4 <= at + len - 4; ) {
        const code = v.getUint16(o, true);
        const olen = v.getUint16(o + 2, true);
        if (code === PCAPNG_OPT.opt_endofopt) break;
        if (code === PCAPNG_OPT.if_name) name = new TextDecoder().decode(bytes.subarray(o + 4, o + 4 + olen));
        o += 4 + ((olen + 3) & ~3);
      }
      names.push(name);
    } else if (type === PCAPNG_BLOCK.EPB) {
      const caplen = v.getUint32(at + 20, true);
      out.push({
        iface: v.getUint32(at + 8, true),
        timestampNs: (BigInt(v.getUint32(at + 12, true)) << 32n) | BigInt(v.getUint32(at + 16, true)),
        data: bytes.subarray(at + 28, at + 28 + caplen),
        length: v.getUint32(at + 24, true),
      });
    }
    at += len;
  }
  return out;
}

export class CaptureSession {
  readonly id = randomBytes(9).toString('base64url');
  private readonly chunks: Uint8Array[] = [];
  private bytes = 0;
  private count = 0;
  private readonly kept: PacketLine[] = [];
  private readonly names: string[] = [];
  private readonly listeners = new Set<CaptureListener>();
  private ended: CaptureEnd | undefined;
  private readonly capture: Capture;
  private limited = false;

  constructor(
    plan: Plan,
    readonly target: CaptureTarget,
    readonly filter: string | undefined,
    application: string,
  ) {
    this.capture = new Capture(plan, target, {
      ...(filter !== undefined ? { filter } : {}),
      application,
      sink: (b) => this.take(b),
    });
    void this.capture.run().then((r) => this.finish(r));
  }

  /** The pcapng file so far (a whole file: section header, interfaces, packets, and the counts once ended). */
  pcap(): Buffer {
    return Buffer.concat(this.chunks);
  }

  get end(): CaptureEnd | undefined {
    return this.ended;
  }

  /** Lines kept so far, then every new line until the end; returns how to stop listening. */
  listen(l: CaptureListener): () => void {
    if (this.kept.length > 0) l.lines(this.kept);
    if (this.ended) {
      l.end(this.ended);
      return () => undefined;
    }
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  stop(): void {
    this.capture.stop();
  }

  /** Page lists listening now. */
  get listening(): number {
    return this.listeners.size;
  }

  private take(b: Uint8Array): void {
    if (this.bytes + b.length > MAX_CAPTURE_BYTES && this.count > 0) {
      // Keep the file whole up to here; the capture ends after this batch.
      this.limited = true;
      queueMicrotask(() => this.capture.stop());
      return;
    }
    this.chunks.push(Buffer.from(b));
    this.bytes += b.length;
    const lines: PacketLine[] = [];
    for (const p of readBlocks(b, this.names)) {
      this.count++;
      lines.push({ n: this.count, t: Number(p.timestampNs / 1000n) / 1000, iface: this.names[p.iface] ?? `if${p.iface}`, length: p.length, ...summarizeFrame(p.data) });
    }
    if (lines.length === 0) return;
    this.kept.push(...lines);
    if (this.kept.length > KEPT_LINES) this.kept.splice(0, this.kept.length - KEPT_LINES);
    for (const l of this.listeners) l.lines(lines);
  }

  private finish(r: CaptureResult): void {
    const message =
      r.reason === 'gone' ? `${this.target.label} went away` : this.limited ? `stopped at ${MAX_CAPTURE_BYTES / 1024 / 1024} MiB; download the pcap for what was seen` : undefined;
    this.ended = { reason: this.limited ? 'limit' : r.reason, captured: r.captured, dropped: r.dropped, ...(message ? { message } : {}) };
    for (const l of this.listeners) l.end(this.ended);
    this.listeners.clear();
  }
}

/** The server's captures: started by the page, each found by its id. */
export class Captures {
  private readonly sessions = new Map<string, CaptureSession>();

  constructor(private readonly application: string) {}

  /** Start one; a wrong target or filter, a lab that is not up or too many running: CaptureRequestError, nothing left open. */
  start(plan: Plan, live: boolean, target: string, filter: string | undefined): CaptureSession {
    if (!live) throw new CaptureRequestError(`lab ${plan.lab} is not up: there is nothing to capture`);
    const running = [...this.sessions.values()].filter((s) => !s.end);
    if (running.length >= MAX_CAPTURES) throw new CaptureRequestError(`${MAX_CAPTURES} captures are running already; stop one first`);
    // Stopped captures stay for download, the oldest dropped beyond a few.
    const done = [...this.sessions.values()].filter((s) => s.end);
    for (const s of done.slice(0, Math.max(0, done.length - MAX_CAPTURES))) this.sessions.delete(s.id);
    try {
      const t = resolveCaptureTarget(plan, target);
      const s = new CaptureSession(plan, t, filter === undefined || filter.trim() === '' ? undefined : filter, this.application);
      this.sessions.set(s.id, s);
      return s;
    } catch (err) {
      if (err instanceof CaptureError || err instanceof FilterError) throw new CaptureRequestError(err.message, { cause: err });
      const code = (err as NodeJS.ErrnoException).code ?? (err as { errnoName?: string }).errnoName;
      if (code === 'EPERM' || code === 'EACCES') throw new CaptureRequestError('capturing needs root: run nslab graph as root', { cause: err });
      throw err;
    }
  }

  get(id: string): CaptureSession | undefined {
    return this.sessions.get(id);
  }

  closeAll(): void {
    for (const s of this.sessions.values()) s.stop();
    this.sessions.clear();
  }
}

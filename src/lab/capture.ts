import { netnsPath } from '../sys/netns-path.js';
import { ARPHRD } from '../sys/packet/constants.js';
import { compilePacketFilter } from '../sys/packet/filter-compile.js';
import { LINKTYPE, enhancedPacket, interfaceDescription, interfaceStatistics, sectionHeader } from '../sys/packet/pcapng.js';
import { PacketSocket } from '../sys/packet/socket.js';
import type { Plan } from '../topology/plan.js';
import { nodeAddresses, type CaptureTarget } from './capture-target.js';
import { netnsInode } from './namespace-watch.js';

/**
 * `nslab capture`: packets of a lab node's interface, written as pcapng as
 * they arrive. The socket (../sys/packet/socket.ts) is non-blocking and
 * watched by Node's event loop, so a quiet interface costs no CPU, and
 * Ctrl-C, `-c N` and a closed pipe end the capture at once; each wake-up
 * reads what is queued (at most BATCH packets, then yields to the loop) and
 * hands the blocks to the sink in one write.
 */

/** Bytes kept of each packet, as tcpdump's default. */
export const SNAPLEN = 262144;
const BATCH = 256;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface CaptureOptions {
  /** tcpdump filter text (a subset; see ../sys/packet/filter-parse.ts). */
  readonly filter?: string;
  /** Stop after this many packets. */
  readonly count?: number;
  /** Where the pcapng bytes go; may throw (EPIPE): the capture then stops with reason 'sink'. */
  readonly sink: (bytes: Uint8Array) => void;
  /** shb_userappl. */
  readonly application: string;
}

export type StopReason = 'count' | 'stopped' | 'sink' | 'gone';

export interface CaptureResult {
  readonly reason: StopReason;
  /** Packets written. */
  readonly captured: number;
  /** Packets the kernel dropped because nslab did not read fast enough. */
  readonly dropped: number;
  /** Packets of a non-Ethernet interface (NODE:any), not written. */
  readonly skipped: number;
  /** Why the sink or the socket failed ('sink', 'gone'). */
  readonly error?: unknown;
}

/** Compile --filter for a lab: node names after `host` are the node's addresses. FilterError when the text is wrong. */
export function labFilter(plan: Plan, text: string | undefined): ReturnType<typeof compilePacketFilter> {
  if (text === undefined) return undefined;
  return compilePacketFilter(text, { snaplen: SNAPLEN, resolveHost: (name) => nodeAddresses(plan, name) });
}

export class Capture {
  private readonly socket: PacketSocket;
  private readonly ids = new Map<number, number>();
  private captured = 0;
  private skipped = 0;
  private finish: ((r: CaptureResult) => void) | undefined;
  private result: CaptureResult | undefined;
  private alive: ReturnType<typeof setInterval> | undefined;

  /** Open the socket (filter attached before any packet is queued); nothing is read until run(). */
  constructor(
    plan: Plan,
    private readonly target: CaptureTarget,
    private readonly opts: CaptureOptions,
  ) {
    const filter = labFilter(plan, opts.filter);
    this.socket = PacketSocket.open({
      netnsPath: netnsPath(target.netns),
      ifindex: target.ifindex,
      snaplen: SNAPLEN,
      promiscuous: target.promiscuous,
      ...(filter ? { filter: filter.program } : {}),
    });
  }

  /** Write the file's header, then packets until stop(), -c, a sink error or the interface going away. */
  run(): Promise<CaptureResult> {
    const done = new Promise<CaptureResult>((resolve) => {
      this.finish = resolve;
    });
    const head = [sectionHeader({ application: this.opts.application })];
    for (const i of this.target.interfaces) head.push(this.describe(i.index, i.name));
    if (!this.write(head)) return done;
    if (this.opts.count === 0) {
      this.end('count');
      return done;
    }
    this.socket.onReadable(() => this.drain());
    // The socket keeps its namespace alive: after `nslab down`, a bridge (or lo) would never go away
    // and the capture would wait for ever. The pinned file going is the sign, checked once a second.
    // Compared by inode, not by name: a lab brought down and up again within the second has a new namespace there.
    const ino = netnsInode(this.target.netns);
    this.alive = setInterval(() => {
      if (ino === undefined || netnsInode(this.target.netns) !== ino) this.end('gone', new Error(`namespace ${this.target.netns} was removed`));
    }, 1000);
    return done;
  }

  /** End the capture (Ctrl-C); the result resolves run(). */
  stop(): void {
    this.end('stopped');
  }

  /** The sink can take no more (its reader went away): end as a failed write would. */
  closedSink(error: unknown): void {
    this.end('sink', error);
  }

  private describe(ifindex: number, name: string): Uint8Array {
    this.ids.set(ifindex, this.ids.size);
    const t = this.target;
    return interfaceDescription({
      linktype: LINKTYPE.LINKTYPE_ETHERNET,
      snaplen: SNAPLEN,
      name,
      description: `${t.node}:${name} of lab ${t.lab} (netns ${t.netns})`,
    });
  }

  private drain(): void {
    if (this.result) return;
    const blocks: Uint8Array[] = [];
    let reason: StopReason | undefined;
    let error: unknown;
    let bytes = 0;
    // Bounded in bytes too: 256 packets of a GRO-sized 256 KiB would hold 64 MiB before one write.
    for (let n = 0; n < BATCH && bytes < BATCH_BYTES; n++) {
      let p;
      try {
        p = this.socket.receive();
      } catch (err) {
        // ENETDOWN: the interface (or its namespace) is gone.
        reason = 'gone';
        error = err;
        break;
      }
      if (!p) break;
      if (p.hatype !== ARPHRD.ARPHRD_ETHER && p.hatype !== ARPHRD.ARPHRD_LOOPBACK) {
        this.skipped++;
        continue;
      }
      let id = this.ids.get(p.ifindex);
      if (id === undefined) {
        blocks.push(this.describe(p.ifindex, `ifindex ${p.ifindex}`));
        id = this.ids.get(p.ifindex) as number;
      }
      const block = enhancedPacket({ interfaceId: id, timestampNs: p.timestampNs, data: p.data, originalLength: p.length });
      blocks.push(block);
      bytes += block.length;
      this.captured++;
      if (this.captured === this.opts.count) {
        reason = 'count';
        break;
      }
    }
    if (blocks.length > 0 && !this.write(blocks)) return;
    if (reason) this.end(reason, error);
  }

  /** Hand blocks to the sink in one piece; false (and the capture ended) when it throws. */
  private write(blocks: readonly Uint8Array[]): boolean {
    try {
      this.opts.sink(blocks.length === 1 ? (blocks[0] as Uint8Array) : concat(blocks));
      return true;
    } catch (err) {
      this.end('sink', err);
      return false;
    }
  }

  private end(reason: StopReason, error?: unknown): void {
    if (this.result) return;
    clearInterval(this.alive);
    let dropped = 0;
    try {
      dropped = this.socket.statistics().drops;
    } catch {
      // A socket whose interface is gone may not answer; the count stays 0.
    }
    this.socket.close();
    this.result = { reason, captured: this.captured, dropped, skipped: this.skipped, ...(error !== undefined ? { error } : {}) };
    if (reason !== 'sink') {
      // The counts, for wireshark's capture properties; a failed sink takes no more bytes.
      const now = BigInt(Date.now()) * 1_000_000n;
      // One socket counts for all its interfaces: its totals go on the first.
      const stats = [...this.ids.values()].map((id) => interfaceStatistics({ interfaceId: id, timestampNs: now, ...(id === 0 ? { dropped: BigInt(dropped), delivered: BigInt(this.captured) } : {}) }));
      if (stats.length > 0) {
        try {
          this.opts.sink(concat(stats));
        } catch {
          // The reader went away after the last packet: nothing is lost.
        }
      }
    }
    this.finish?.(this.result);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}


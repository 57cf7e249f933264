import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';
import { SyscallError } from '../../os/syscall-error.js';
import {
  O_CLOEXEC, O_NONBLOCK, O_RDONLY, POINTER_BYTES, SCM_TIMESTAMPNS, SOCK_CLOEXEC, SOCK_RAW, SOL_SOCKET, SO_RCVBUFFORCE, SO_TIMESTAMPNS,
  MSG_DONTWAIT, MSG_TRUNC, attachSocketFilter, lastErrno, libc, raw, recvmsgNative,
} from '../../os/libc.js';
import { allocNative, watchReadable, type NativeMemory } from '../../os/native.js';
import { inNetns } from '../../os/thread-netns.js';
import { encodeProgram, type SockFilter } from '../../bpf/insn.js';
import { AF_PACKET, ETH_P_ALL, PACKET_MR, PACKET_SOCKOPT, SOCKADDR_LL_LEN, SOL_PACKET } from './constants.js';

/**
 * An AF_PACKET socket (packet(7)) inside a lab node's network namespace:
 * every frame an interface sends or receives, link-layer header included,
 * with the kernel's receive time.
 *
 * ```
 * PacketSocket.open({ netnsPath: '/run/netns/lab-h1', ifindex: 2, … })
 *   # ≈ ip netns exec lab-h1 tcpdump -i eth0 --time-stamp-precision=nano -p
 * ```
 *
 * The socket is made with protocol 0, which receives nothing, and bound to
 * ETH_P_ALL only after its filter is attached, so no packet the filter
 * would refuse is ever queued (libpcap instead drains what slipped in).
 * It is non-blocking: Node's event loop is told when it is readable
 * (watchReadable), and receive() reads one queued packet or says there is
 * none. The receive time comes with each packet (SO_TIMESTAMPNS, a
 * control message of recvmsg), so reading it costs no second system call.
 *
 * Promiscuous mode, when asked for, is a membership of this socket
 * (PACKET_MR_PROMISC): the kernel counts it in the device's promiscuity and
 * takes it back when the socket closes, whatever way the process ends; the
 * interface's IFF_PROMISC flag is never set.
 */

export interface PacketSocketOptions {
  /** The node's namespace file (/run/netns/NAME); the socket is made there. */
  readonly netnsPath: string;
  /** The interface to capture (sll_ifindex); 0 for every interface of the namespace. */
  readonly ifindex: number;
  /** A classic-BPF socket filter; the kernel drops what it refuses. */
  readonly filter?: readonly SockFilter[];
  /** See everything the device sees, not only what is for it (a bridge's forwarded frames). Needs an ifindex. */
  readonly promiscuous?: boolean;
  /** Bytes kept of each packet (longer ones are cut; their wire length is still reported). */
  readonly snaplen: number;
  /** Kernel receive queue, bytes (root may exceed rmem_max). */
  readonly receiveBufferBytes?: number;
}

export interface ReceivedPacket {
  readonly ifindex: number;
  /** sll_pkttype: PACKET_HOST, PACKET_OUTGOING… */
  readonly pkttype: number;
  /** sll_hatype: ARPHRD_ETHER, ARPHRD_LOOPBACK… */
  readonly hatype: number;
  /** Receive time, ns since the epoch. */
  readonly timestampNs: bigint;
  /** The captured bytes: a view valid until the next receive(). */
  readonly data: Uint8Array;
  /** Length on the wire. */
  readonly length: number;
}

/** Kernel counts of a packet socket (PACKET_STATISTICS), since it was opened. */
export interface PacketStatistics {
  /** Packets that passed the filter, whether queued or dropped. */
  readonly packets: number;
  /** Packets dropped because the receive queue was full. */
  readonly drops: number;
}

// struct msghdr on a 64-bit machine, then an iovec, sockaddr_ll, the control buffer and the data.
const MSG = 0;
const MSG_NAMELEN = 8;
const MSG_IOV = 16;
const MSG_IOVLEN = 24;
const MSG_CONTROL = 32;
const MSG_CONTROLLEN = 40;
const IOV = 56;
const NAME = 72;
const CONTROL = 96;
const CONTROL_LEN = 128;
const DATA = CONTROL + CONTROL_LEN;

const E = HOST_LITTLE_ENDIAN;

function sockaddrLl(ifindex: number): Uint8Array {
  const b = new Uint8Array(SOCKADDR_LL_LEN);
  const v = new DataView(b.buffer);
  v.setUint16(0, AF_PACKET, E);
  v.setUint16(2, ETH_P_ALL, false); // sll_protocol is network order
  v.setInt32(4, ifindex, E);
  return b;
}

export class PacketSocket {
  private readonly view: DataView;
  private watch: { close(): void } | undefined;
  private closed = false;
  private counted: { packets: number; drops: number } = { packets: 0, drops: 0 };

  private constructor(
    readonly fd: number,
    private readonly mem: NativeMemory,
    private readonly snaplen: number,
  ) {
    this.view = new DataView(mem.bytes.buffer, mem.bytes.byteOffset, mem.bytes.byteLength);
    const v = this.view;
    const at = (off: number): bigint => mem.address + BigInt(off);
    v.setBigUint64(MSG, at(NAME), E);
    v.setBigUint64(MSG_IOV, at(IOV), E);
    v.setBigUint64(MSG_IOVLEN, 1n, E);
    v.setBigUint64(MSG_CONTROL, at(CONTROL), E);
    v.setBigUint64(IOV, at(DATA), E);
    v.setBigUint64(IOV + 8, BigInt(snaplen), E);
  }

  static open(opts: PacketSocketOptions): PacketSocket {
    if (POINTER_BYTES !== 8) throw new Error(`nslab capture lays out struct msghdr for 64-bit machines; this one has ${POINTER_BYTES}-byte pointers`);
    if (opts.promiscuous && opts.ifindex === 0) throw new RangeError('promiscuous capture needs one interface, not all of them');
    const ns = libc.open(opts.netnsPath, O_RDONLY | O_CLOEXEC);
    let fd: number;
    try {
      // A packet socket belongs to the namespace it was made in; protocol 0 receives nothing until bind.
      fd = inNetns(ns, () => libc.socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | O_NONBLOCK, 0));
    } finally {
      libc.close(ns);
    }
    let mem: NativeMemory | undefined;
    try {
      libc.setsockoptInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, opts.receiveBufferBytes ?? 4 * 1024 * 1024);
      libc.setsockoptInt(fd, SOL_SOCKET, SO_TIMESTAMPNS, 1);
      if (opts.filter) attachSocketFilter(fd, encodeProgram(opts.filter));
      libc.bind(fd, sockaddrLl(opts.ifindex));
      if (opts.promiscuous) {
        const mreq = new Uint8Array(16);
        const v = new DataView(mreq.buffer);
        v.setInt32(0, opts.ifindex, E);
        v.setUint16(4, PACKET_MR.PACKET_MR_PROMISC, E);
        libc.setsockoptBytes(fd, SOL_PACKET, PACKET_SOCKOPT.PACKET_ADD_MEMBERSHIP, mreq);
      }
      mem = allocNative(DATA + opts.snaplen);
      const sock = new PacketSocket(fd, mem, opts.snaplen);
      return sock;
    } catch (err) {
      mem?.free();
      libc.close(fd);
      throw err;
    }
  }

  /** Call onReadable from the event loop whenever packets are queued (until close). */
  onReadable(onReadable: () => void): void {
    this.watch?.close();
    this.watch = watchReadable(this.fd, onReadable);
  }

  /** The next queued packet, or undefined when none is queued; never blocks. */
  receive(): ReceivedPacket | undefined {
    // After close() the native buffer is freed: nothing may be read into it or out of it.
    if (this.closed) return undefined;
    const v = this.view;
    v.setUint32(MSG_NAMELEN, SOCKADDR_LL_LEN, E);
    v.setBigUint64(MSG_CONTROLLEN, BigInt(CONTROL_LEN), E);
    const n = recvmsgNative(this.fd, this.mem, MSG_DONTWAIT | MSG_TRUNC);
    if (n < 0) return undefined;
    return {
      ifindex: v.getInt32(NAME + 4, E),
      hatype: v.getUint16(NAME + 8, E),
      pkttype: v.getUint8(NAME + 10),
      timestampNs: this.timestamp(),
      data: this.mem.bytes.subarray(DATA, DATA + Math.min(n, this.snaplen)),
      length: n,
    };
  }

  /** SCM_TIMESTAMPNS among the control messages (struct cmsghdr: size_t len, int level, int type, data). */
  private timestamp(): bigint {
    const v = this.view;
    const total = Number(v.getBigUint64(MSG_CONTROLLEN, E));
    for (let at = 0; at + 16 <= total; ) {
      const len = Number(v.getBigUint64(CONTROL + at, E));
      if (len < 16) break;
      if (v.getInt32(CONTROL + at + 8, E) === SOL_SOCKET && v.getInt32(CONTROL + at + 12, E) === SCM_TIMESTAMPNS && len >= 32) {
        return v.getBigInt64(CONTROL + at + 16, E) * 1_000_000_000n + v.getBigInt64(CONTROL + at + 24, E);
      }
      at += (len + 7) & ~7;
    }
    return BigInt(Date.now()) * 1_000_000n;
  }

  /** What the kernel counted since open (PACKET_STATISTICS; reading resets its counters, so they are summed here). */
  statistics(): PacketStatistics {
    if (!this.closed) {
      const stats = new Uint32Array(2);
      if (Number(raw.getsockopt(this.fd, SOL_PACKET, PACKET_SOCKOPT.PACKET_STATISTICS, stats, [8])) < 0) {
        throw new SyscallError('getsockopt', lastErrno(), '(PACKET_STATISTICS)');
      }
      this.counted = { packets: this.counted.packets + (stats[0] ?? 0), drops: this.counted.drops + (stats[1] ?? 0) };
    }
    return { ...this.counted };
  }

  /** Stop watching, close the socket (the kernel drops its promiscuous membership with it) and free its buffer. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watch?.close();
    libc.close(this.fd);
    this.mem.free();
  }
}

import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { errnoName } from '../os/errno.js';
import { SyscallError } from '../os/syscall-error.js';
import { parseIp, type IpAddress } from '../inet/ip.js';
import { decodeIcmp4, decodeIcmp6, encodeEcho, ICMP, ICMP6, type Echo, type IcmpReceived } from './icmp.js';
import { SOCK_CLOEXEC, SOL_SOCKET, SO_RCVBUFFORCE, lastErrno, raw as c } from '../os/libc.js';
import { inNetns } from '../os/thread-netns.js';

/**
 * Probe sockets for `nslab check`, opened inside a lab node's namespace
 * (a socket belongs to the namespace it was created in, like the netlink
 * sockets of ../netlink/socket.ts) and used from Node's main thread without
 * ever blocking: every socket is O_NONBLOCK and readiness is asked with
 * poll(2) and a zero timeout.
 *
 * Echo requests go out of a raw socket, socket(AF_INET, SOCK_RAW,
 * IPPROTO_ICMP), not a "ping socket" (SOCK_DGRAM, IPPROTO_ICMP): ping sockets
 * are allowed only to groups in net.ipv4.ping_group_range, which is "1 0"
 * (nobody) in every new namespace, so using them would mean changing a
 * sysctl of the user's lab. nslab runs as root, and CAP_NET_RAW is all a raw
 * socket needs. The price: a raw socket sees every ICMP message that reaches
 * its namespace, so replies are matched by id, sequence and a per-socket
 * token in the payload, and ICMP_FILTER / ICMP6_FILTER keep everything but
 * echo replies and errors out.
 */


export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_NONBLOCK = 0o4000;
export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IPPROTO_ICMPV6 = 58;
/** <linux/icmp.h>: setsockopt(fd, SOL_RAW, ICMP_FILTER, u32 of types to drop). */
export const SOL_RAW = 255;
export const ICMP_FILTER = 1;
/** <netinet/icmp6.h>: setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, 256 bits of types to drop). */
export const ICMP6_FILTER = 1;
export const SO_ERROR = 4;
export const POLLIN = 0x1;
export const POLLOUT = 0x4;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;

const EAGAIN = 11;
const EINPROGRESS = 115;
const MSG_DONTWAIT = 0x40;
const RECEIVE_BUFFER = 4 * 1024 * 1024;

function fail(call: string, detail?: string): never {
  throw new SyscallError(call, lastErrno(), detail);
}

/** struct sockaddr_in / sockaddr_in6 for an address and port. */
export function sockaddr(addr: IpAddress, port = 0): Uint8Array {
  const b = new Uint8Array(addr.family === 4 ? 16 : 28);
  const v = new DataView(b.buffer);
  // sa_family is host order; the port and address are network order.
  v.setUint16(0, addr.family === 4 ? AF_INET : AF_INET6, HOST_LITTLE_ENDIAN);
  v.setUint16(2, port, false);
  b.set(addr.bytes, addr.family === 4 ? 4 : 8);
  return b;
}

function openSocket(family: 4 | 6, type: number, protocol: number, netnsFd?: number): number {
  const make = (): number => {
    const fd = c.socket(family === 4 ? AF_INET : AF_INET6, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol) as number;
    if (fd < 0) fail('socket', `(${family === 4 ? 'AF_INET' : 'AF_INET6'}, type ${type}, protocol ${protocol})`);
    return fd;
  };
  return netnsFd === undefined ? make() : inNetns(netnsFd, make);
}

function closeFd(fd: number): void {
  c.close(fd);
}

/** poll(2) with a zero timeout over struct pollfd {int fd; short events, revents;}: each fd's revents (0 when nothing is ready). */
export function readiness(fds: readonly { fd: number; events: number }[]): number[] {
  if (fds.length === 0) return [];
  const buf = new Uint8Array(8 * fds.length);
  const v = new DataView(buf.buffer);
  fds.forEach((f, i) => {
    v.setInt32(i * 8, f.fd, HOST_LITTLE_ENDIAN);
    v.setInt16(i * 8 + 4, f.events, HOST_LITTLE_ENDIAN);
  });
  if ((c.poll(buf, fds.length, 0) as number) < 0) fail('poll');
  return fds.map((_, i) => v.getUint16(i * 8 + 6, HOST_LITTLE_ENDIAN));
}

/** The pending error of a socket (SO_ERROR), 0 for none; reading it clears it. */
function socketError(fd: number): number {
  const val = new Int32Array(1);
  if ((c.getsockopt(fd, SOL_SOCKET, SO_ERROR, val, [4]) as number) < 0) fail('getsockopt', '(SO_ERROR)');
  return val[0] ?? 0;
}

/** A send that failed at once (no route, say) gives its errno name instead of throwing. */
export type SendResult = { readonly ok: true } | { readonly ok: false; readonly errno: string };

/**
 * A raw ICMP (or ICMPv6) socket in one namespace that sends echo requests
 * with its own id and reads back replies and errors about them.
 */
export class EchoSocket {
  private readonly buf = new Uint8Array(65536);
  private closed = false;

  private constructor(
    readonly family: 4 | 6,
    readonly fd: number,
    /** The echo id of this socket's requests. */
    readonly id: number,
    /** Bytes every request carries, so a reply to another prober is not taken for ours. */
    readonly token: Uint8Array,
  ) {}

  /** Open it inside the namespace of netnsFd (or where the thread is). */
  static open(family: 4 | 6, opts: { netnsFd?: number; id: number; token: Uint8Array }): EchoSocket {
    const fd = openSocket(family, SOCK_RAW, family === 4 ? IPPROTO_ICMP : IPPROTO_ICMPV6, opts.netnsFd);
    try {
      // A bigger queue, so many replies arriving together are not dropped (root may force it).
      if ((c.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, new Int32Array([RECEIVE_BUFFER]), 4) as number) < 0) fail('setsockopt', '(SO_RCVBUFFORCE)');
      if (family === 4) {
        const keep: number[] = [ICMP.ICMP_ECHOREPLY, ICMP.ICMP_DEST_UNREACH, ICMP.ICMP_TIME_EXCEEDED, ICMP.ICMP_PARAMETERPROB];
        const drop = ~keep.reduce((m, t) => m | (1 << t), 0) >>> 0;
        if ((c.setsockopt(fd, SOL_RAW, ICMP_FILTER, new Uint32Array([drop]), 4) as number) < 0) fail('setsockopt', '(ICMP_FILTER)');
      } else {
        const filter = new Uint32Array(8).fill(0xffff_ffff);
        for (const t of [ICMP6.ICMP6_ECHO_REPLY, ICMP6.ICMP6_DST_UNREACH, ICMP6.ICMP6_TIME_EXCEEDED, ICMP6.ICMP6_PACKET_TOO_BIG, ICMP6.ICMP6_PARAM_PROB]) {
          filter[t >> 5] = ((filter[t >> 5] ?? 0) & ~(1 << (t & 31))) >>> 0;
        }
        if ((c.setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, filter, 32) as number) < 0) fail('setsockopt', '(ICMP6_FILTER)');
      }
    } catch (err) {
      closeFd(fd);
      throw err;
    }
    return new EchoSocket(family, fd, opts.id, opts.token);
  }

  /** Send one echo request; a send the kernel refuses at once (ENETUNREACH…) is reported, not thrown. */
  send(dst: string, seq: number): SendResult {
    const addr = parseIp(dst);
    if (addr.family !== this.family) throw new TypeError(`${dst} is not an IPv${this.family} address`);
    const echo: Echo = { id: this.id, seq, payload: this.token };
    const packet = encodeEcho(this.family, echo);
    const to = sockaddr(addr);
    const n = Number(c.sendto(this.fd, packet, packet.length, 0, to, to.length));
    if (n >= 0) return { ok: true };
    const errno = lastErrno();
    // A full send queue is a lost packet, like one dropped on the wire; the next try covers it.
    if (errno === EAGAIN) return { ok: false, errno: 'EAGAIN' };
    return { ok: false, errno: errnoName(errno) };
  }

  /**
   * The next queued message that concerns this socket's requests, or
   * undefined when nothing more is queued. Never blocks.
   */
  receive(): IcmpReceived | undefined {
    for (;;) {
      const n = Number(c.recv(this.fd, this.buf, this.buf.length, MSG_DONTWAIT));
      if (n < 0) {
        const errno = lastErrno();
        if (errno === EAGAIN) return undefined;
        // An ICMP error queued on the socket itself: read and go on.
        if (errno === 113 || errno === 101 || errno === 111) continue;
        fail('recv', '(ICMP socket)');
      }
      const data = this.buf.subarray(0, n);
      const msg = this.family === 4 ? decodeIcmp4(data) : decodeIcmp6(data);
      if (!msg || msg.id !== this.id) continue;
      if (msg.kind === 'reply' && !sameBytes(msg.payload, this.token)) continue;
      return msg;
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeFd(this.fd);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** How a port probe ended. */
export type PortOutcome =
  | { readonly state: 'pending' }
  /** TCP connected, or UDP got an answer. */
  | { readonly state: 'open' }
  /** The kernel said why not (ECONNREFUSED: port closed; EHOSTUNREACH…). */
  | { readonly state: 'refused'; readonly errno: string };

/**
 * A TCP connection attempt or a UDP exchange from inside a namespace, as
 * `nc -z` (TCP) or `nc -u` (UDP) would make it, driven by poll without
 * blocking. TCP: connect(); writable means connected, else SO_ERROR says why.
 * UDP: connect() then send a datagram; any answer means open, and the ICMP
 * port unreachable comes back as ECONNREFUSED on the connected socket.
 */
export class PortProbe {
  private readonly buf = new Uint8Array(2048);
  private outcome: PortOutcome = { state: 'pending' };
  private closed = false;

  private constructor(
    readonly proto: 'tcp' | 'udp',
    readonly fd: number,
  ) {}

  static start(proto: 'tcp' | 'udp', dst: string, port: number, netnsFd?: number): PortProbe {
    const addr = parseIp(dst);
    const fd = openSocket(addr.family, proto === 'tcp' ? SOCK_STREAM : SOCK_DGRAM, proto === 'tcp' ? IPPROTO_TCP : IPPROTO_UDP, netnsFd);
    const probe = new PortProbe(proto, fd);
    const to = sockaddr(addr, port);
    if ((c.connect(fd, to, to.length) as number) < 0) {
      const errno = lastErrno();
      if (errno !== EINPROGRESS) probe.settle({ state: 'refused', errno: errnoName(errno) });
    } else if (proto === 'tcp') {
      probe.settle({ state: 'open' });
    }
    if (proto === 'udp' && probe.outcome.state === 'pending') probe.resend();
    return probe;
  }

  /** What poll() should wait for. */
  get events(): number {
    return this.proto === 'tcp' ? POLLOUT : POLLIN;
  }

  get result(): PortOutcome {
    return this.outcome;
  }

  /** UDP: send the datagram (again). */
  resend(): void {
    if (this.proto !== 'udp' || this.outcome.state !== 'pending') return;
    const hello = new TextEncoder().encode('nslab check\n');
    if (Number(c.send(this.fd, hello, hello.length, MSG_DONTWAIT)) < 0) {
      const errno = lastErrno();
      if (errno !== EAGAIN) this.settle({ state: 'refused', errno: errnoName(errno) });
    }
  }

  /** Act on poll's revents for this socket. */
  update(revents: number): PortOutcome {
    if (this.outcome.state !== 'pending' || revents === 0) return this.outcome;
    if (this.proto === 'tcp') {
      const err = socketError(this.fd);
      this.settle(err === 0 ? { state: 'open' } : { state: 'refused', errno: errnoName(err) });
      return this.outcome;
    }
    const n = Number(c.recv(this.fd, this.buf, this.buf.length, MSG_DONTWAIT));
    if (n >= 0) this.settle({ state: 'open' });
    else {
      const errno = lastErrno();
      if (errno !== EAGAIN) this.settle({ state: 'refused', errno: errnoName(errno) });
    }
    return this.outcome;
  }

  private settle(o: PortOutcome): void {
    this.outcome = o;
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeFd(this.fd);
  }
}

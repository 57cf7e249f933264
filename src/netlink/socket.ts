import { NetlinkDecodeError } from './decode-error.js';
import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { NETLINK_SOCKOPT, SOL_NETLINK } from './constants.js';
import {
  AF_NETLINK, O_CLOEXEC, O_RDONLY, SOCK_CLOEXEC, SOCK_RAW, SOL_SOCKET, SO_RCVBUFFORCE, SO_RCVTIMEO, SO_SNDBUFFORCE, libc,
} from '../os/libc.js';
import { inNetns } from '../os/thread-netns.js';

/**
 * What a Connection needs from a socket. The real one talks to the kernel;
 * tests give a fake that answers like it.
 */
export interface NetlinkSocket {
  /** Send one datagram (one or many messages back to back). */
  send(datagram: Uint8Array): void;
  /** Receive one datagram, blocking up to the socket's timeout. */
  receive(): Uint8Array;
  /** A datagram if one is queued, else undefined; never blocks. */
  poll?(): Uint8Array | undefined;
  close(): void;
}

export interface SocketOptions {
  /** Open the socket inside this network namespace (an fd of /run/netns/NAME). */
  netnsFd?: number;
  /**
   * Open the socket inside the network namespace pinned at this path
   * (/run/netns/NAME): the file is opened, entered while the socket is
   * made, and closed again, as `ip -n NAME` does. ENOENT when it is gone.
   */
  netnsPath?: string;
  /** Multicast groups to join (RTNLGRP_* numbers). */
  groups?: readonly number[];
  /** Longest a receive may block, in ms (bounds every wait on the kernel). */
  timeoutMs?: number;
}

const BUFFER_BYTES = 32 * 1024 * 1024;
const RECEIVE_BYTES = 1024 * 1024;

/**
 * One receive buffer for every socket: a receive copies its datagram out
 * before returning, and JavaScript runs one receive at a time, so a lab of a
 * thousand namespaces needs one megabyte here, not a thousand.
 */
let shared: Uint8Array | undefined;
function receiveBuffer(): Uint8Array {
  shared ??= new Uint8Array(RECEIVE_BYTES);
  return shared;
}

function madeIn(netnsPath: string, make: () => number): number {
  const ns = libc.open(netnsPath, O_RDONLY | O_CLOEXEC);
  try {
    return inNetns(ns, make);
  } finally {
    libc.close(ns);
  }
}

/** An AF_NETLINK socket reached through koffi. */
export class KernelSocket implements NetlinkSocket {
  readonly fd: number;
  private closed = false;

  constructor(protocol: number, opts: SocketOptions = {}) {
    const make = (): number => libc.socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
    // A netlink socket belongs to the namespace it was created in.
    this.fd = opts.netnsFd !== undefined ? inNetns(opts.netnsFd, make) : opts.netnsPath !== undefined ? madeIn(opts.netnsPath, make) : make();
    try {
      const fd = this.fd;
      libc.setsockoptInt(fd, SOL_SOCKET, SO_SNDBUFFORCE, BUFFER_BYTES);
      libc.setsockoptInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, BUFFER_BYTES);
      libc.setsockoptInt(fd, SOL_NETLINK, NETLINK_SOCKOPT.NETLINK_EXT_ACK, 1);
      libc.setsockoptInt(fd, SOL_NETLINK, NETLINK_SOCKOPT.NETLINK_GET_STRICT_CHK, 1);
      // Acks need not echo whole requests back; extack offsets still work.
      libc.setsockoptInt(fd, SOL_NETLINK, NETLINK_SOCKOPT.NETLINK_CAP_ACK, 1);
      const tv = new DataView(new ArrayBuffer(16));
      const ms = opts.timeoutMs ?? 30_000;
      tv.setBigInt64(0, BigInt(Math.floor(ms / 1000)), HOST_LITTLE_ENDIAN);
      tv.setBigInt64(8, BigInt((ms % 1000) * 1000), HOST_LITTLE_ENDIAN);
      libc.setsockoptBytes(fd, SOL_SOCKET, SO_RCVTIMEO, new Uint8Array(tv.buffer));
      const addr = new DataView(new ArrayBuffer(12));
      addr.setUint16(0, AF_NETLINK, HOST_LITTLE_ENDIAN);
      libc.bind(fd, new Uint8Array(addr.buffer));
      for (const g of opts.groups ?? []) libc.setsockoptInt(fd, SOL_NETLINK, NETLINK_SOCKOPT.NETLINK_ADD_MEMBERSHIP, g);
    } catch (err) {
      libc.close(this.fd);
      throw err;
    }
  }

  send(datagram: Uint8Array): void {
    const n = libc.send(this.fd, datagram);
    if (n !== datagram.length) throw new Error(`netlink send wrote ${n} of ${datagram.length} bytes`);
  }

  receive(): Uint8Array {
    const buf = receiveBuffer();
    const n = libc.recv(this.fd, buf);
    if (n > buf.length) throw new NetlinkDecodeError('netlink datagram', 0, `at most ${buf.length} bytes`, `it is ${n} bytes, cut to the receive buffer`);
    return buf.slice(0, n);
  }

  /** A datagram if one is queued, else undefined (never blocks). */
  poll(): Uint8Array | undefined {
    const buf = receiveBuffer();
    const n = libc.tryRecv(this.fd, buf);
    return n < 0 ? undefined : buf.slice(0, Math.min(n, buf.length));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    libc.close(this.fd);
  }
}


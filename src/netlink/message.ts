import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { NLMSG_HDRLEN, NLM_F, align4 } from './constants.js';
import { NetlinkDecodeError } from './decode-error.js';

/** struct nlmsghdr, decoded. */
export interface MessageHeader {
  readonly length: number;
  readonly type: number;
  readonly flags: number;
  readonly seq: number;
  readonly pid: number;
}

/** A received message: header plus a view of its payload (family header + attributes). */
export interface Message {
  readonly header: MessageHeader;
  readonly payload: Uint8Array;
}

/**
 * A request before it is given a sequence number. `what` says in words what
 * it does ("add address 10.0.1.1/24 to h1:eth0") and `origin` where in the
 * topology it came from, so a kernel error can name both.
 */
export interface Request {
  readonly type: number;
  readonly flags: number;
  /** Family header and attributes, already encoded. */
  readonly body: Uint8Array;
  readonly what: string;
  readonly origin?: string;
  /** Set for messages the kernel never answers (nf_tables batch markers). */
  readonly noReply?: boolean;
}

/** Encode a request as one nlmsghdr-framed message. */
export function encodeMessage(req: Pick<Request, 'type' | 'flags' | 'body'>, seq: number, pid = 0): Uint8Array {
  const len = NLMSG_HDRLEN + req.body.length;
  const out = new Uint8Array(align4(len));
  const v = new DataView(out.buffer);
  v.setUint32(0, len, HOST_LITTLE_ENDIAN);
  v.setUint16(4, req.type, HOST_LITTLE_ENDIAN);
  v.setUint16(6, req.flags, HOST_LITTLE_ENDIAN);
  v.setUint32(8, seq >>> 0, HOST_LITTLE_ENDIAN);
  v.setUint32(12, pid >>> 0, HOST_LITTLE_ENDIAN);
  out.set(req.body, NLMSG_HDRLEN);
  return out;
}

/** Split one datagram into messages; RangeError on a truncated one. */
export function parseMessages(buf: Uint8Array): Message[] {
  const out: Message[] = [];
  const v = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let off = 0;
  while (off + NLMSG_HDRLEN <= buf.length) {
    const length = v.getUint32(off, HOST_LITTLE_ENDIAN);
    if (length < NLMSG_HDRLEN || off + length > buf.length) {
      throw new NetlinkDecodeError('netlink message', off, `at most ${buf.length - off} bytes`, `its header claims ${length} bytes, the datagram has ${buf.length - off} left`);
    }
    out.push({
      header: {
        length,
        type: v.getUint16(off + 4, HOST_LITTLE_ENDIAN),
        flags: v.getUint16(off + 6, HOST_LITTLE_ENDIAN),
        seq: v.getUint32(off + 8, HOST_LITTLE_ENDIAN),
        pid: v.getUint32(off + 12, HOST_LITTLE_ENDIAN),
      },
      payload: buf.subarray(off + NLMSG_HDRLEN, off + length),
    });
    off += align4(length);
  }
  return out;
}

/** Flags for a request that creates something and must not replace it. */
export const CREATE_EXCL = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK | NLM_F.NLM_F_CREATE | NLM_F.NLM_F_EXCL;
/** Flags for a request that changes or deletes something, with an ack. */
export const REQUEST_ACK = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_ACK;
/** Flags for a dump. */
export const DUMP = NLM_F.NLM_F_REQUEST | NLM_F.NLM_F_DUMP;

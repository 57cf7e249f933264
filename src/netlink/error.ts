import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { attrMap, read } from './attributes.js';
import { NLMSGERR_ATTR, NLMSG_HDRLEN, NLM_F } from './constants.js';
import { errnoName } from '../os/errno.js';
import type { Request } from './message.js';
import { NetlinkDecodeError } from './decode-error.js';

/** The decoded body of an NLMSG_ERROR message (an ack when errno is 0). */
export interface Ack {
  /** Positive errno; 0 for success. */
  readonly errno: number;
  /** Sequence number of the request this answers. */
  readonly seq: number;
  readonly extackMessage?: string;
  /** Byte offset into the request of the attribute the kernel blamed. */
  readonly extackOffset?: number;
}

/** Decode struct nlmsgerr plus its extended-ACK attributes. */
export function decodeAck(payload: Uint8Array, flags: number): Ack {
  if (payload.length < 4 + NLMSG_HDRLEN) throw new NetlinkDecodeError('netlink error message', 0, `${4 + NLMSG_HDRLEN} bytes (struct nlmsgerr)`, `it is ${payload.length} bytes`);
  const v = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const errno = 0 - v.getInt32(0, HOST_LITTLE_ENDIAN);
  const origLen = v.getUint32(4, HOST_LITTLE_ENDIAN);
  const seq = v.getUint32(4 + 8, HOST_LITTLE_ENDIAN);
  let ack: Ack = { errno, seq };
  if (flags & NLM_F.NLM_F_ACK_TLVS) {
    // The request is echoed in full unless the kernel capped it to its header.
    const echoed = flags & NLM_F.NLM_F_CAPPED ? NLMSG_HDRLEN : (origLen + 3) & ~3;
    const tlvs = attrMap(payload.subarray(Math.min(payload.length, 4 + echoed)));
    const msg = tlvs.get(NLMSGERR_ATTR.NLMSGERR_ATTR_MSG);
    const offs = tlvs.get(NLMSGERR_ATTR.NLMSGERR_ATTR_OFFS);
    if (msg) ack = { ...ack, extackMessage: read.string(msg) };
    if (offs) ack = { ...ack, extackOffset: read.u32(offs) };
  }
  return ack;
}

/**
 * The kernel refused a request. Carries the errno (number and name), the
 * kernel's own words (extended ACK), the request and the topology object
 * it came from.
 */
export class NetlinkError extends Error {
  override readonly name = 'NetlinkError';
  readonly errno: number;
  readonly errnoName: string;
  readonly extackMessage: string | undefined;
  readonly extackOffset: number | undefined;
  readonly request: Request | undefined;

  constructor(ack: Ack, request?: Request) {
    const parts = [request ? `cannot ${request.what}` : 'netlink request failed'];
    parts.push(`: ${errnoName(ack.errno)}`);
    if (ack.extackMessage) parts.push(` (kernel says: ${ack.extackMessage})`);
    if (request?.origin) parts.push(` [${request.origin}]`);
    super(parts.join(''));
    this.errno = ack.errno;
    this.errnoName = errnoName(ack.errno);
    this.extackMessage = ack.extackMessage;
    this.extackOffset = ack.extackOffset;
    this.request = request;
  }
}

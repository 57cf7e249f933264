/**
 * A message from the kernel that does not decode: shorter than its header
 * says, an attribute running past its payload, a field missing. It is a
 * RangeError (so code that tolerates undecodable options still does) with
 * a name of its own, so the CLI prints it as a kernel or I/O problem
 * rather than as a bug in nslab.
 */
export class NetlinkDecodeError extends RangeError {
  override readonly name = 'NetlinkDecodeError';

  constructor(
    /** What was being decoded: "RTM_NEWLINK payload", "netlink attribute". */
    readonly what: string,
    /** Where in the message or payload, in bytes. */
    readonly offset: number,
    /** What the decoder needed there. */
    readonly expected: string,
    detail: string,
  ) {
    super(`cannot decode a ${what} the kernel sent: ${detail} (at byte ${offset}; expected ${expected}); a kernel newer than nslab, or a damaged message`);
  }
}

import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/errors.js';
import { parseAttrs } from '../../src/netlink/attributes.js';
import { parseMessages } from '../../src/netlink/message.js';
import { decodeLink } from '../../src/rtnl/link.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('what the CLI prints for an error', () => {
  it('prints a message the kernel sent that does not decode as that, not as an nslab bug', () => {
    const truncated = thrown(() => parseAttrs(Uint8Array.from([8, 0, 1, 0, 1, 0, 0])));
    expect(describeError(truncated)).toMatch(/^cannot decode a netlink attribute the kernel sent: .* a kernel newer than nslab, or a damaged message$/);
    const short = thrown(() => decodeLink({ header: { length: 20, type: 16, flags: 0, seq: 0, pid: 0 }, payload: new Uint8Array(4) }));
    expect(describeError(short)).toBe('cannot decode a RTM_NEWLINK payload the kernel sent: it is 4 bytes (at byte 0; expected 16 bytes (struct ifinfomsg)); a kernel newer than nslab, or a damaged message');
    const long = thrown(() => parseMessages(Uint8Array.from([64, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
    expect(describeError(long)).not.toContain('NSLAB_DEBUG');
  });

  it('still marks a plain TypeError as a bug, with the debug hint', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('x is undefined\n(set NSLAB_DEBUG=1 for details)');
  });
});

import { linkStateOf } from '../../src/rtnl/link.js';
import { describe, expect, it } from 'vitest';
import { formatImpairment, impairmentFromQdiscs, mergeImpairment, parseFlags, parseEndpoint, missingQdiscMessage, LinkControlError } from '../../src/lab/link-impairment.js';
import { parseMessages } from '../../src/netlink/message.js';
import { decodeQdisc, type Qdisc } from '../../src/rtnl/qdisc.js';
import { onlyMessage, tcFixture, tcReplyFixture } from '../fixtures/tc/fixtures.js';

/** The qdisc a tc request describes, decoded as if the kernel had reported it (same tcmsg + attributes). */
function fromRequest(name: string): Qdisc {
  const [msg] = parseMessages(onlyMessage(tcFixture(name)).wire);
  if (!msg) throw new Error(`fixture ${name} holds no message`);
  return decodeQdisc(msg);
}

function fromReply(name: string): Qdisc[] {
  return tcReplyFixture(name).replies.flatMap((r) => parseMessages(r)).map(decodeQdisc);
}

describe('parseEndpoint()', () => {
  it('splits NODE:INTERFACE', () => {
    expect(parseEndpoint('leaf1:eth0')).toEqual({ node: 'leaf1', iface: 'eth0' });
  });

  it('refuses anything else with an example', () => {
    for (const bad of ['leaf1', 'leaf1:', ':eth0', 'a:b:c', 'h 1:eth0']) {
      expect(() => parseEndpoint(bad)).toThrow(LinkControlError);
    }
    expect(() => parseEndpoint('leaf1')).toThrow(/NODE:INTERFACE \(e\.g\. h1:eth0\)/);
  });
});

describe('parseFlags()', () => {
  it('reads rates, times and percentages in tc units', () => {
    expect(parseFlags({ rate: '10mbit', delay: '50ms', jitter: '1.5ms', loss: '1%', corrupt: '0.1%', duplicate: '2%', reorder: '25%' })).toEqual({
      rate: 10_000_000,
      delay: 50_000,
      jitter: 1500,
      loss: 1,
      corrupt: 0.1,
      duplicate: 2,
      reorder: 25,
    });
  });

  it('takes a bare number as a percentage on the command line', () => {
    expect(parseFlags({ loss: '5' })).toEqual({ loss: 5 });
  });

  it('refuses a rate without a unit and names the flag', () => {
    expect(() => parseFlags({ rate: '10' })).toThrow(/--rate '10' is not a rate/);
    expect(() => parseFlags({ delay: 'soon' })).toThrow(/--delay/);
  });
});

describe('mergeImpairment()', () => {
  it('adds flags to what the interface has', () => {
    expect(mergeImpairment({ rate: 10e6 }, { delay: 50_000 })).toEqual({ rate: 10e6, delay: 50_000 });
    expect(mergeImpairment({ rate: 10e6, loss: 1 }, { rate: 1e6 })).toEqual({ rate: 1e6, loss: 1 });
  });

  it('drops a field set to zero, and jitter and reorder with the delay they need', () => {
    expect(mergeImpairment({ rate: 10e6, loss: 1 }, { loss: 0 })).toEqual({ rate: 10e6 });
    expect(mergeImpairment({ delay: 50_000, jitter: 5000, reorder: 25 }, { delay: 0 })).toEqual({});
  });

  it('lets --jitter alone build on an existing delay, and refuses it without one', () => {
    expect(mergeImpairment({ delay: 50_000 }, { jitter: 5000 })).toEqual({ delay: 50_000, jitter: 5000 });
    expect(() => mergeImpairment({}, { jitter: 5000 })).toThrow(/jitter needs a delay/);
  });
});

describe('impairmentFromQdiscs()', () => {
  it("reads a 10 mbit tbf back from the kernel's own dump", () => {
    const r = impairmentFromQdiscs(fromReply('reply-tbf-10mbit'));
    expect(r).toMatchObject({ spec: { rate: 10_000_000 }, root: 'tbf', foreign: false, qdiscs: ['tbf 1: root'] });
    expect(formatImpairment(r.spec)).toBe('rate 10mbit');
  });

  it("reads netem at the root with nslab's tbf below it (netem's class 1:1) as one impairment", () => {
    const r = impairmentFromQdiscs([fromRequest('netem-handle-delay-loss'), fromRequest('tbf-child')]);
    expect(r.spec).toEqual({ delay: 50_000, loss: 1, rate: 10_000_000 });
    expect(r.qdiscs).toEqual(['netem 1: root', 'tbf 10: parent 1:1']);
    expect(formatImpairment(r.spec)).toBe('rate 10mbit delay 50ms loss 1%');
  });

  it('reads every netem field tc can set, and a queue limit that is not the default', () => {
    const r = impairmentFromQdiscs([fromRequest('netem-all')]);
    expect(r.spec).toMatchObject({ delay: 10_000, jitter: 2000, loss: 0.5, duplicate: 1, reorder: 25, corrupt: 0.1, limit: 500 });
    expect(formatImpairment(r.spec)).toBe('delay 10ms jitter 2ms loss 0.5% corrupt 0.1% duplicate 1% reorder 25% limit 500');
  });

  it("marks a root nslab did not lay out as foreign, and a device's default as none", () => {
    const htb: Qdisc = { index: 3, handle: 0x10000, parent: 0xffffffff, kind: 'htb' };
    expect(impairmentFromQdiscs([htb])).toMatchObject({ spec: {}, foreign: true, root: 'htb' });
    const noqueue: Qdisc = { index: 3, handle: 0, parent: 0xffffffff, kind: 'noqueue' };
    expect(impairmentFromQdiscs([noqueue])).toMatchObject({ spec: {}, foreign: false, root: 'noqueue', qdiscs: ['noqueue 0: root'] });
    expect(formatImpairment({})).toBe('');
  });
});

describe('missingQdiscMessage()', () => {
  it("names netem's kernel option, quotes the kernel and says rate still works, on one line", () => {
    const kernelSays = tcFixture('netem-all').tcStderr.replace(/^Error: /, '').replace(/\.$/, '');
    expect(kernelSays).toBe('Specified qdisc kind is unknown');
    const line = missingQdiscMessage('netem', kernelSays);
    expect(line).toBe(
      'this kernel has no netem (CONFIG_NET_SCH_NETEM; the kernel says "Specified qdisc kind is unknown"): delay, jitter, loss, corrupt, duplicate and reorder cannot be emulated; rate works (tbf)',
    );
    expect(line).not.toContain('\n');
  });

  it('names tbf too', () => {
    expect(missingQdiscMessage('tbf', 'Specified qdisc kind is unknown')).toMatch(/no tbf \(CONFIG_NET_SCH_TBF;.*rate cannot be limited/);
  });
});

describe('linkStateOf()', () => {
  it('says down, no-carrier or up from IFF_UP and IFF_LOWER_UP', () => {
    expect(linkStateOf(0)).toBe('down');
    expect(linkStateOf(0x1 | 0x1000)).toBe('no-carrier');
    expect(linkStateOf(0x1 | 0x10000)).toBe('up');
  });
});

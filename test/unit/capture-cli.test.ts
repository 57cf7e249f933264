import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { captureArgs, countOption, registerCapture, summary } from '../../src/cli/capture.js';
import { UsageError } from '../../src/cli/errors.js';

/*
 * `nslab capture`'s words, read without a lab: counts, the optional lab,
 * the closing lines, and commander's parsing of the command itself (the
 * action stops at the first wrong word, before it looks for the lab).
 */

function program(): Command {
  const p = new Command('nslab').exitOverride();
  registerCapture(p);
  return p;
}

describe('nslab capture arguments', () => {
  it('countOption() takes whole numbers and refuses the rest with the flag named', () => {
    expect(countOption(undefined)).toBeUndefined();
    expect(countOption('0')).toBe(0);
    expect(countOption('12')).toBe(12);
    for (const bad of ['x', '-1', '1.5', '', '99999999999999999999']) {
      expect(() => countOption(bad)).toThrow(UsageError);
    }
    expect(() => countOption('x')).toThrow('-c x: expected a number of packets');
  });

  it('captureArgs() reads LAB TARGET in that order', () => {
    expect(captureArgs('pair', 'h1:eth0')).toEqual({ lab: 'pair', target: 'h1:eth0' });
  });

  it('summary() says what tcpdump says, and drops and skips only when there are some', () => {
    expect(summary({ reason: 'stopped', captured: 1, dropped: 0, skipped: 0 })).toBe('1 packet captured');
    expect(summary({ reason: 'count', captured: 5, dropped: 2, skipped: 1 })).toBe(
      '5 packets captured\n2 packets dropped by kernel\n1 packet of non-Ethernet interfaces skipped',
    );
  });

  it('commander parses -c, -w and --filter, and the action refuses a bad count before anything else', async () => {
    await expect(program().parseAsync(['capture', 'pair', 'h1:eth0', '-w', 'f.pcapng', '-c', 'many', '--filter', 'icmp'], { from: 'user' })).rejects.toThrow(
      '-c many: expected a number of packets',
    );
  });

  it('--help lists the targets, the filter subset and the tcpdump and wireshark pipes', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s));
      return true;
    });
    try {
      await expect(program().parseAsync(['capture', '--help'], { from: 'user' })).rejects.toMatchObject({ code: 'commander.helpDisplayed' });
    } finally {
      spy.mockRestore();
    }
    const help = out.join('');
    expect(help).toContain('capture [options] <lab> [target]');
    for (const words of ['NODE:any', '[tcp|udp] [src|dst] port N', 'tcpdump -nr -', 'wireshark -k -i -', '-c, --count <n>', '--filter <expr>']) {
      expect(help).toContain(words);
    }
  });
});

import type { Command } from 'commander';
import { closeSync, fstatSync, writeSync } from 'node:fs';
import { Capture, type CaptureResult } from '../lab/capture.js';
import { resolveCaptureTarget } from '../lab/capture-target.js';
import { watchReadable } from '../os/native.js';
import { requirePrivileges } from '../sys/privileges.js';
import { runningPlan } from './check.js';
import { UsageError } from './errors.js';
import { onlyLab } from './resolve.js';
import { VERSION } from './version.js';
import { openOutputFile } from './output-file.js';
import { sleepSync } from '../os/sleep.js';

interface CaptureCliOptions {
  write?: string;
  count?: string;
  filter?: string;
}

const HELP = `
Targets:
  NODE:IF     one interface of a node (h1:eth0)
  NODE:any    every interface of the node, each its own interface in the file
  LAN         a LAN or bridge node: the bridge device, so the whole segment

Filters (--filter) take this part of tcpdump's language:
  tcp udp icmp icmp6 arp ip ip6
  [ip|ip6|arp] [src|dst] host ADDR|NODE      host 10.0.0.2, src host h2
  [ip|ip6|arp] [src|dst] net CIDR            net 10.0.0.0/24
  [tcp|udp] [src|dst] port N                 tcp dst port 80, port 53 or 5353
  not / !, and / &&, or / ||, ( )            and and or bind equally, from the left
The kernel drops what the filter refuses before nslab reads it.

Examples:
  nslab capture LAB h1:eth0 | tcpdump -nr -
  nslab capture LAB h1:eth0 | wireshark -k -i -
  nslab capture LAB sw1 -w lan.pcapng -c 100 --filter 'icmp or arp'

Ctrl-C stops and prints the count on stderr; the file is pcapng (nanosecond
timestamps, one interface block per interface with node and lab named).
The node is not disturbed: no interface flag is changed (a bridge is put in
promiscuous mode through the capture socket, which ends with it).`;

/** -c N: a whole number of packets. */
export function countOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`-c ${text}: expected a number of packets`);
  return Number(text);
}

/** [LAB] TARGET: the lab may be left out when one lab is up. */
export function captureArgs(first: string, second: string | undefined): { lab: string; target: string } {
  return second === undefined ? { lab: onlyLab(), target: first } : { lab: first, target: second };
}

/** Write all of bytes to fd, waiting out a full non-blocking pipe (EAGAIN). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      sleepSync(5);
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The lines tcpdump ends with, for what this capture counted. */
export function summary(r: CaptureResult): string {
  const lines = [`${plural(r.captured, 'packet')} captured`];
  if (r.dropped > 0) lines.push(`${plural(r.dropped, 'packet')} dropped by kernel`);
  if (r.skipped > 0) lines.push(`${plural(r.skipped, 'packet')} of non-Ethernet interfaces skipped`);
  return lines.join('\n');
}

export function registerCapture(program: Command): void {
  program
    .command('capture')
    .description('capture packets of a node interface, a node or a whole LAN as pcapng, to a file or stdout (for tcpdump -r - or wireshark -k -i -)')
    .argument('<lab>', 'lab name or topology file (may be left out when one lab is up)')
    .argument('[target]', 'NODE:IF, NODE:any, or a LAN or bridge name')
    .option('-w, --write <file>', 'write the capture to FILE instead of stdout')
    .option('-c, --count <n>', 'stop after N packets')
    .option('--filter <expr>', "keep only packets matching a tcpdump filter (the subset below), e.g. 'icmp and host h2'")
    .addHelpText('after', HELP)
    .action(async (first: string, second: string | undefined, opts: CaptureCliOptions) => {
      const count = countOption(opts.count);
      const { lab, target: where } = captureArgs(first, second);
      const toStdout = opts.write === undefined || opts.write === '-';
      if (toStdout && process.stdout.isTTY) {
        throw new UsageError('nslab capture writes pcapng, not text: give -w FILE, or pipe it (nslab capture LAB h1:eth0 | tcpdump -nr -)');
      }
      const plan = runningPlan(lab);
      requirePrivileges('nslab capture', "it opens a packet socket inside the lab's namespaces");
      const target = resolveCaptureTarget(plan, where);
      // The socket first: a wrong filter or target leaves no file behind.
      let fd = 1;
      const capture = new Capture(plan, target, {
        ...(opts.filter !== undefined ? { filter: opts.filter } : {}),
        ...(count !== undefined ? { count } : {}),
        application: `nslab ${VERSION}`,
        sink: (bytes) => writeAll(fd, bytes),
      });
      const stop = (): void => capture.stop();
      let hangup: { close(): void } | undefined;
      try {
        if (!toStdout) fd = openOutputFile(opts.write as string);
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        // A pipe whose reader left (| head) reports an error on our end at once; without this, a quiet
        // interface would keep nslab waiting until the next packet's write got EPIPE.
        if (toStdout && fstatSync(1).isFIFO()) hangup = watchReadable(1, () => capture.closedSink(Object.assign(new Error('EPIPE'), { code: 'EPIPE' })));
        process.stderr.write(`nslab capture: listening on ${target.label} of lab ${plan.lab}${opts.filter ? ` (filter: ${opts.filter})` : ''}; Ctrl-C stops\n`);
        const result = await capture.run();
        if (result.reason === 'sink') {
          // The reader went away (| head): end quietly, as tcpdump does on a closed pipe.
          if ((result.error as NodeJS.ErrnoException).code === 'EPIPE') return;
          throw result.error;
        }
        if (result.reason === 'gone') {
          process.stderr.write(`nslab capture: ${target.label} went away (${(result.error as Error).message})\n`);
          process.exitCode = 1;
        }
        process.stderr.write(`${summary(result)}\n`);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        hangup?.close();
        capture.stop();
        if (fd !== 1) closeSync(fd);
      }
    });
}

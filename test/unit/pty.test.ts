import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { closeSync, readSync, writeSync } from 'node:fs';
import { openPty, setWindowSize, winsize } from '../../src/sys/pty.js';

describe('openPty()', () => {
  it('makes a master and its /dev/pts end, which carry bytes both ways through the line discipline', () => {
    const p = openPty();
    try {
      expect(p.path).toMatch(/^\/dev\/pts\/\d+$/);
      writeSync(p.slave, 'hello\n');
      const buf = Buffer.alloc(64);
      const n = readSync(p.master, buf);
      // The line discipline turns \n into \r\n on the way out (onlcr), as a terminal shows it.
      expect(buf.subarray(0, n).toString()).toBe('hello\r\n');
    } finally {
      closeSync(p.slave);
      closeSync(p.master);
    }
  });

  it('sets the window size stty reads back', async () => {
    const p = openPty();
    try {
      setWindowSize(p.master, 132, 43);
      const r = await execa('stty', ['-F', p.path, 'size']);
      expect(r.stdout.trim()).toBe('43 132');
    } finally {
      closeSync(p.slave);
      closeSync(p.master);
    }
  });

  it('lays struct winsize out as rows, cols, 0, 0', () => {
    expect(Array.from(winsize(80, 24))).toEqual([24, 0, 80, 0, 0, 0, 0, 0]);
  });
});

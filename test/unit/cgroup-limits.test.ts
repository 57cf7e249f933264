import { describe, expect, it } from 'vitest';
import {
  LimitError,
  formatCpuList,
  parseCpu,
  parseCpuList,
  parseCpuSet,
  parseLimits,
  parseMemory,
  parsePids,
} from '../../src/sys/cgroup/index.js';

describe('parseMemory() reads sizes as Docker and containerlab do', () => {
  it.each([
    ['64MiB', 64 * 2 ** 20],
    ['64m', 64 * 2 ** 20],
    ['64MB', 64 * 2 ** 20],
    ['64 mb', 64 * 2 ** 20],
    ['1g', 2 ** 30],
    ['1GiB', 2 ** 30],
    ['1.5g', 1.5 * 2 ** 30],
    ['8192k', 8 * 2 ** 20],
    ['67108864', 67108864],
    ['67108864b', 67108864],
  ])('%j is %d bytes', (input, bytes) => {
    expect(parseMemory(input)).toBe(bytes);
  });

  it('takes a YAML number as bytes', () => {
    expect(parseMemory(33554432)).toBe(33554432);
  });

  it('rejects "lots" with a message that says how to write it', () => {
    expect(() => parseMemory('lots')).toThrow(LimitError);
    expect(() => parseMemory('lots')).toThrow('memory: "lots" is not an amount of memory; write it like 64MiB, 512m, 1g or a number of bytes');
  });

  it.each(['', '-1g', '1x', 'g', '1.g', '1 g b'])('rejects %j', (input) => {
    expect(() => parseMemory(input)).toThrow(LimitError);
  });

  it('rejects amounts too small to run anything, and non-strings', () => {
    expect(() => parseMemory('64')).toThrow('below the 6MiB');
    expect(() => parseMemory(0)).toThrow('not a positive whole number');
    expect(() => parseMemory(true)).toThrow('memory: expected an amount of memory like 64MiB, got true');
    expect(() => parseMemory(['1g'])).toThrow('got a list');
  });

  it('carries field and value for the caller to place in the file', () => {
    try {
      parseMemory('lots', 'nodes.r1.memory');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LimitError);
      expect((e as LimitError).field).toBe('nodes.r1.memory');
      expect((e as LimitError).value).toBe('lots');
    }
  });
});

describe('parseCpu()', () => {
  it('turns CPUs into a CFS quota per 100 ms period', () => {
    expect(parseCpu(0.5)).toEqual({ quotaUs: 50_000, periodUs: 100_000 });
    expect(parseCpu('2')).toEqual({ quotaUs: 200_000, periodUs: 100_000 });
    expect(parseCpu(0.01)).toEqual({ quotaUs: 1000, periodUs: 100_000 });
  });

  it.each([0, -1, 0.001, 'half', '', null])('rejects %j', (v) => {
    expect(() => parseCpu(v)).toThrow(LimitError);
  });
});

describe('CPU lists', () => {
  it('parses and prints the kernel list form', () => {
    expect(parseCpuList('0-2,4,6-7')).toEqual([0, 1, 2, 4, 6, 7]);
    expect(parseCpuList('')).toEqual([]);
    expect(formatCpuList([4, 0, 1, 2, 7, 6])).toBe('0-2,4,6-7');
    expect(formatCpuList([3])).toBe('3');
  });

  it('parseCpuSet() canonicalises, and accepts a bare YAML number', () => {
    expect(parseCpuSet('0')).toBe('0');
    expect(parseCpuSet(1)).toBe('1');
    expect(parseCpuSet('1,0')).toBe('0-1');
    expect(parseCpuSet(' 0-1 ')).toBe('0-1');
  });

  it.each(['', 'a', '1-0', '0,,1', '0-', '1.5', '99999'])('parseCpuSet() rejects %j', (v) => {
    expect(() => parseCpuSet(v)).toThrow(/^cpu-set: /);
  });
});

describe('parsePids()', () => {
  it('takes whole numbers from 1', () => {
    expect(parsePids(100)).toBe(100);
    expect(parsePids('20')).toBe(20);
  });
  it.each([0, -5, 1.5, 'many', ''])('rejects %j', (v) => {
    expect(() => parsePids(v)).toThrow('pids: expected a whole number of processes like 100');
  });
});

describe('parseLimits()', () => {
  it('maps containerlab field names and leaves out what is not set', () => {
    expect(parseLimits({ memory: '64MiB', cpu: 0.5, 'cpu-set': '0-1', pids: 100 })).toEqual({
      memory: 64 * 2 ** 20,
      cpu: { quotaUs: 50_000, periodUs: 100_000 },
      cpuSet: '0-1',
      pids: 100,
    });
    expect(parseLimits({})).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { formatPercent, formatRate, formatTime, parsePercent, parseRate, parseTime } from '../../src/inet/units.js';

describe('parseRate reads tc rates in bits per second', () => {
  const good: [string, number][] = [
    ['10mbit', 10_000_000],
    ['1gbit', 1_000_000_000],
    ['500kbit', 500_000],
    ['1.5mbit', 1_500_000],
    ['40gbit', 40_000_000_000],
    ['1tbit', 1e12],
    ['64bit', 64],
    ['10Mbit', 10_000_000],
    ['1kibit', 1024],
    ['2mibit', 2 * 1024 * 1024],
    [' 10mbit ', 10_000_000],
  ];
  for (const [text, bits] of good) it(`'${text}' → ${bits}`, () => expect(parseRate(text)).toBe(bits));

  it('refuses a rate without a unit, and says how to write one', () => {
    expect(() => parseRate('10000000')).toThrow(/'10000000' is not a rate: write a number and a unit, e\.g\. 10mbit/);
  });

  it('refuses the bps forms tc reads as bytes, suggesting bits', () => {
    expect(() => parseRate('10mbps', 'rate')).toThrow(/rate '10mbps' is ambiguous: tc reads 'mbps' as bytes per second; write bits, e\.g\. '10mbit'/);
    expect(() => parseRate('1Gbps')).toThrow(/'1gbit'/);
  });

  it('refuses junk, negative numbers and unknown units', () => {
    for (const bad of ['', 'fast', '-10mbit', '10 megabit', '10mbit/s', '1e6bit', '10xbit', 'mbit']) {
      expect(() => parseRate(bad), bad).toThrow(TypeError);
    }
  });

  it('refuses rates under one byte per second', () => {
    expect(() => parseRate('7bit')).toThrow(/too slow/);
  });
});

describe('parseTime reads tc times in microseconds', () => {
  const good: [string, number][] = [
    ['50ms', 50_000],
    ['1.5ms', 1500],
    ['100us', 100],
    ['2s', 2_000_000],
    ['0.3s', 300_000],
    ['400msec', 400_000],
    ['7usecs', 7],
    ['10µs', 10],
    ['0ms', 0],
  ];
  for (const [text, us] of good) it(`'${text}' → ${us}`, () => expect(parseTime(text)).toBe(us));

  it('refuses a time without a unit', () => {
    expect(() => parseTime('50', 'delay')).toThrow(/delay '50' is not a time: write a number and a unit \(s, ms, us\), e\.g\. 50ms/);
  });

  it('refuses sub-microsecond times instead of truncating them like tc', () => {
    expect(() => parseTime('1.5us')).toThrow(/not a whole number of microseconds/);
  });

  it('refuses junk and negative times', () => {
    for (const bad of ['', 'soon', '-5ms', '5 minutes', '5m', '5h', 'ms']) expect(() => parseTime(bad), bad).toThrow(TypeError);
  });
});

describe('parsePercent', () => {
  it('reads 1%, 0.5%, 100%, 0%', () => {
    expect(parsePercent('1%')).toBe(1);
    expect(parsePercent('0.5%')).toBe(0.5);
    expect(parsePercent('100%')).toBe(100);
    expect(parsePercent('0%')).toBe(0);
  });

  it('wants the % sign, and says so', () => {
    expect(() => parsePercent('1', 'loss')).toThrow(/loss '1' needs a % sign: write '1%'/);
  });

  it('refuses more than 100% and non-numbers', () => {
    expect(() => parsePercent('150%')).toThrow(/more than 100%/);
    for (const bad of ['', 'lots', '-1%', '1%%', '%']) expect(() => parsePercent(bad), bad).toThrow(TypeError);
  });
});

describe('formatters write what the parsers read back', () => {
  it('rates', () => {
    expect(formatRate(10_000_000)).toBe('10mbit');
    expect(formatRate(500_000)).toBe('500kbit');
    expect(formatRate(1_000_000_000)).toBe('1gbit');
    expect(formatRate(1_500_000)).toBe('1500kbit');
    expect(formatRate(1234)).toBe('1234bit');
    for (const bits of [8, 1000, 1234, 10e6, 40e9, 123_456_789]) expect(parseRate(formatRate(bits))).toBe(bits);
  });

  it('times, choosing a larger unit only when tc would read it back exactly', () => {
    expect(formatTime(50_000)).toBe('50ms');
    expect(formatTime(1500)).toBe('1.5ms');
    expect(formatTime(100)).toBe('100us');
    expect(formatTime(2_000_000)).toBe('2s');
    expect(formatTime(0)).toBe('0us');
    expect(formatTime(1001)).toBe('1001us'); // 1.001 * 1000 is 1000.999… in double
    for (const us of [0, 1, 999, 1001, 1500, 50_000, 2_500_000, 300_000_000]) expect(parseTime(formatTime(us))).toBe(us);
  });

  it('percentages', () => {
    expect(formatPercent(0.5)).toBe('0.5%');
    expect(parsePercent(formatPercent(0.1))).toBe(0.1);
  });
});

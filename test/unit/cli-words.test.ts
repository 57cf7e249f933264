import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainExecWords } from '../../src/cli/exec-words.js';
import { VERSION } from '../../src/cli/version.js';

describe('exec words read without commander', () => {
  it('takes LAB NODE or NODE, --starting anywhere before --, and the command untouched after it', () => {
    expect(plainExecWords(['lab', 'h1', '--', 'sh', '-c', 'echo -- --help'])).toEqual({ names: ['lab', 'h1'], command: ['sh', '-c', 'echo -- --help'], starting: false });
    expect(plainExecWords(['h1'])).toEqual({ names: ['h1'], command: [], starting: false });
    expect(plainExecWords(['--starting', 'lab', 'h1', '--', 'true'])).toEqual({ names: ['lab', 'h1'], command: ['true'], starting: true });
    expect(plainExecWords(['lab', '--starting', 'h1'])).toEqual({ names: ['lab', 'h1'], command: [], starting: true });
  });

  it('leaves to commander what it must answer: help, other options, too few or too many names', () => {
    for (const words of [['--help'], ['lab', 'h1', '-h'], ['--bogus', 'h1'], [], ['--', 'true'], ['a', 'b', 'c'], ['--starting']]) {
      expect({ words, read: plainExecWords(words) }).toEqual({ words, read: undefined });
    }
  });
});

it('the version nslab prints is package.json’s', () => {
  expect(VERSION).toBe((JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version);
});

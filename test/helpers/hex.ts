/**
 * Hex helpers for byte-exact tests: fixtures hold bytes as hex ("00000000
 * 05000000 …", whitespace ignored), and a failed comparison shows both sides
 * four bytes per line so a wrong length or attribute stands out.
 */

/** Bytes from hex text; spaces and newlines are ignored. TypeError on anything else. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean)) throw new TypeError(`not an even run of hex digits: '${text.slice(0, 40)}'`);
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Hex text of bytes, four to a word, words separated by spaces (the fixtures' format). */
export function toHex(bytes: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) words.push(Array.from(bytes.subarray(i, i + 4), hex2).join(''));
  return words.join(' ');
}

function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}

function word(bytes: Uint8Array, at: number): string {
  return Array.from(bytes.subarray(at, at + 4), hex2).join(' ').padEnd(11);
}

/**
 * Both sides four bytes per line with offsets; lines that differ are marked.
 *
 *   offset  actual       expected
 *   0000    00 00 00 00  00 00 00 00
 *   0004    05 00 00 00  07 00 00 00   <--
 */
export function hexSideBySide(actual: Uint8Array, expected: Uint8Array, labels: [string, string] = ['actual', 'expected']): string {
  const lines = [`offset  ${labels[0].padEnd(11)}  ${labels[1]}`];
  const n = Math.max(actual.length, expected.length);
  for (let at = 0; at < n; at += 4) {
    const a = word(actual, at);
    const e = word(expected, at);
    lines.push(`${at.toString(16).padStart(4, '0')}    ${a}  ${e}${a === e ? '' : '   <--'}`.trimEnd());
  }
  return lines.join('\n');
}

/** Index of the first differing byte, or -1 when equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Throw unless the bytes are equal, with both sides dumped four bytes per line.
 * `what` names the comparison in the message.
 */
export function expectSameBytes(actual: Uint8Array, expected: Uint8Array, what = 'bytes'): void {
  const at = firstDifference(actual, expected);
  if (at < 0) return;
  throw new Error(
    `${what}: first difference at byte ${at} (0x${at.toString(16)}); actual ${actual.length} bytes, expected ${expected.length}\n` +
      hexSideBySide(actual, expected),
  );
}

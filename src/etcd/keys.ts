/** Key helpers for etcd's v3 API: keys are bytes, base64 in its JSON gateway (nslab's own keys are ASCII). */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** base64 of the UTF-8 bytes of s, as the gateway wants bytes fields. */
export function b64(s: string): string {
  return Buffer.from(encoder.encode(s)).toString('base64');
}

export function fromB64(s: string): string {
  return decoder.decode(Buffer.from(s, 'base64'));
}

/**
 * The range_end that makes [key, end) every key starting with key:
 * the last byte below 0xff incremented and the rest dropped (clientv3's
 * GetPrefixRangeEnd). An all-0xff or empty key means "to the end", "\0".
 */
export function prefixEnd(key: string): string {
  const bytes = encoder.encode(key);
  for (let i = bytes.length - 1; i >= 0; i--) {
    if ((bytes[i] as number) < 0xff) {
      const end = bytes.slice(0, i + 1);
      end[i] = (end[i] as number) + 1;
      return decoder.decode(end);
    }
  }
  return '\0';
}

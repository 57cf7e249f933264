import { describe, expect, it } from 'vitest';
import { b64, fromB64, prefixEnd } from '../../src/etcd/keys.js';

describe('etcd key helpers', () => {
  it('prefixEnd() increments the last byte, as clientv3.GetPrefixRangeEnd does', () => {
    expect(prefixEnd('/nslab/hosts/')).toBe('/nslab/hosts0');
    expect(prefixEnd('a')).toBe('b');
    expect(prefixEnd('')).toBe('\0');
  });
  it('b64() and fromB64() round-trip UTF-8, matching Node\'s own base64 of the bytes', () => {
    expect(b64('/a')).toBe('L2E=');
    expect(fromB64(b64('lab ü'))).toBe('lab ü');
  });
});

import { sha256 } from './sha256.js';

/** "aa:bb:cc:dd:ee:ff" of six bytes. */
export function formatMac(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(':');
}

export function parseMac(text: string): Uint8Array {
  if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(text)) throw new TypeError(`'${text}' is not a MAC address (aa:bb:cc:dd:ee:ff)`);
  return Uint8Array.from(text.split(':').map((h) => parseInt(h, 16)));
}

/** A unicast, locally administered MAC that only seed decides: the first six bytes of its SHA-256. */
export function stableMac(seed: string): string {
  const b = sha256(seed).slice(0, 6);
  b[0] = ((b[0] ?? 0) & 0xfc) | 0x02;
  return formatMac(b);
}

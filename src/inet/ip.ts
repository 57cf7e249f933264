/** An IPv4 or IPv6 address as bytes in network order. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly bytes: Uint8Array;
}

/** An address with a prefix length: "10.0.1.1/24". */
export interface Cidr extends IpAddress {
  readonly prefix: number;
}

/**
 * Parse "10.0.0.1" or "fd00::1" (a zone, "fe80::1%eth0", is dropped);
 * TypeError for anything else. Accepts what Node's net.isIP accepts (the
 * unit test compares them), without loading node:net, whose IPv6 pattern
 * alone costs validate 7 ms to compile.
 */
export function parseIp(text: string): IpAddress {
  const v4 = ipv4Bytes(text);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = ipv6Bytes(text);
  if (v6) return { family: 6, bytes: v6 };
  throw new TypeError(`'${text}' is not an IPv4 or IPv6 address`);
}

/** Decimal 0–255 without leading zeros. */
const OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]\d|\d)$/;
const GROUP = /^[0-9a-fA-F]{1,4}$/;
const ZONE = /^[0-9a-zA-Z.:-]+$/;

function ipv4Bytes(text: string): Uint8Array | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return Uint8Array.from(parts.map(Number));
}

/** 16-bit words of "a:b:c" groups; the last may be a dotted IPv4 address (two words) when it ends the address. */
function wordsOf(half: string, endsAddress: boolean): number[] | undefined {
  if (half === '') return [];
  const groups = half.split(':');
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as string;
    if (GROUP.test(g)) {
      words.push(parseInt(g, 16));
      continue;
    }
    const v4 = endsAddress && i === groups.length - 1 ? ipv4Bytes(g) : undefined;
    if (!v4) return undefined;
    words.push(((v4[0] as number) << 8) | (v4[1] as number), ((v4[2] as number) << 8) | (v4[3] as number));
  }
  return words;
}

/** Eight 16-bit groups, "::" standing for one or more zero groups. */
function ipv6Bytes(text: string): Uint8Array | undefined {
  const zone = text.indexOf('%');
  if (zone >= 0 && !ZONE.test(text.slice(zone + 1))) return undefined;
  const halves = (zone >= 0 ? text.slice(0, zone) : text).split('::');
  if (halves.length > 2) return undefined;
  const head = wordsOf(halves[0] as string, halves.length === 1);
  const tail = halves.length === 2 ? wordsOf(halves[1] as string, true) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return undefined;
  const words = [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[i * 2] = w >> 8;
    out[i * 2 + 1] = w & 0xff;
  });
  return out;
}

/** Parse "10.0.1.1/24"; a bare address gets the full-length prefix. */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  const max = ip.family === 4 ? 32 : 128;
  if (slash < 0) return { ...ip, prefix: max };
  const p = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) {
    throw new TypeError(`'${text}' has prefix length '${p}', expected 0–${max}`);
  }
  return { ...ip, prefix: Number(p) };
}

/** Canonical text of an address (IPv6 compressed as RFC 5952 says). */
export function formatIp(addr: IpAddress | Uint8Array): string {
  const bytes = addr instanceof Uint8Array ? addr : addr.bytes;
  if (bytes.length === 4) return Array.from(bytes).join('.');
  // RFC 5952 §5: an IPv4-mapped address keeps its dotted tail, as ip prints it.
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${Array.from(bytes.subarray(12)).join('.')}`;
  }
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  // Longest run of zero groups (length ≥ 2) becomes "::".
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(c)}/${c.prefix}`;
}

/** The network part of an address (host bits cleared). */
export function networkOf(c: Cidr): Cidr {
  const bytes = Uint8Array.from(c.bytes);
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, c.prefix - i * 8));
    bytes[i] = (bytes[i] ?? 0) & ((0xff << (8 - keep)) & 0xff);
  }
  return { family: c.family, bytes, prefix: c.prefix };
}

/** Whether addr lies inside net. */
export function contains(net: Cidr, addr: IpAddress): boolean {
  if (net.family !== addr.family) return false;
  const a = networkOf({ ...addr, prefix: net.prefix });
  const n = networkOf(net);
  return a.bytes.every((b, i) => b === n.bytes[i]);
}

import { CAP, CAP_NAMES, type CapName } from './constants.js';

/**
 * Capability sets by name: parsing names as containerlab and Docker spell
 * them, resolving `cap-add` / `cap-drop`, and printing in the text form of
 * capabilities(7) / cap_to_text(3) ("cap_net_admin,cap_net_raw=eip").
 */
export type CapSet = ReadonlySet<CapName>;

/** A capability name nobody knows; says which one was probably meant. */
export class UnknownCapabilityError extends Error {
  override readonly name = 'UnknownCapabilityError';
  /** The name as the user wrote it. */
  readonly input: string;
  /** The closest known name, if one is close enough to be a typo. */
  readonly suggestion: CapName | undefined;
  /** Which list it came from ('cap-add', 'cap-drop'), when known. */
  readonly field: string | undefined;
  /** Its position in that list. */
  readonly index: number | undefined;

  constructor(input: string, where?: { field: string; index: number }) {
    const suggestion = closestCapName(input);
    const place = where ? ` in ${where.field}[${where.index}]` : '';
    const hint = suggestion ? `; did you mean "${suggestion.slice(4)}"?` : '; see capabilities(7) for the names';
    super(`unknown capability "${input}"${place}${hint}`);
    this.input = input;
    this.suggestion = suggestion;
    this.field = where?.field;
    this.index = where?.index;
  }
}

function normalize(input: string): string {
  const up = input.trim().toUpperCase();
  return up.startsWith('CAP_') ? up : `CAP_${up}`;
}

function isCapName(s: string): s is CapName {
  return Object.hasOwn(CAP, s);
}

/**
 * A capability name as Docker accepts it: "NET_ADMIN", "CAP_NET_ADMIN",
 * "net_admin", "cap_net_admin". "ALL" is not a name; see resolveCapabilities.
 */
export function parseCapName(input: string, where?: { field: string; index: number }): CapName {
  const name = normalize(input);
  if (isCapName(name)) return name;
  throw new UnknownCapabilityError(input, where);
}

/** True for Docker's magic "ALL" (any case). */
export function isAll(input: string): boolean {
  return input.trim().toUpperCase() === 'ALL';
}

/**
 * Apply `cap-add` / `cap-drop` to a base set with Docker's rules
 * (moby oci/caps TweakCapabilities): "ALL" in add gives every capability
 * except those dropped; "ALL" in drop gives exactly what is added;
 * otherwise drop from the base, then add (an add wins over a drop).
 *
 * @param all what "ALL" means: every capability the kernel and this
 *   process can grant (see availableCapabilities() in apply.ts).
 */
export function resolveCapabilities(
  base: CapSet,
  changes: { readonly add?: readonly string[] | undefined; readonly drop?: readonly string[] | undefined },
  all: CapSet = new Set(CAP_NAMES),
): Set<CapName> {
  const parse = (field: string, list: readonly string[]) =>
    list.map((s, index) => (isAll(s) ? 'ALL' : parseCapName(s, { field, index })));
  const drop = parse('cap-drop', changes.drop ?? []);
  const add = parse('cap-add', changes.add ?? []);
  const out = new Set<CapName>();
  if (add.includes('ALL')) {
    for (const c of all) if (!drop.includes(c)) out.add(c);
  } else if (drop.includes('ALL')) {
    for (const c of add) if (c !== 'ALL') out.add(c);
  } else {
    for (const c of base) if (!drop.includes(c)) out.add(c);
    for (const c of add) if (c !== 'ALL') out.add(c);
  }
  return out;
}

/** The set as a 64-bit mask, bit n for capability number n (as /proc/PID/status shows it). */
export function capMask(set: CapSet): bigint {
  let m = 0n;
  for (const c of set) m |= 1n << BigInt(CAP[c]);
  return m;
}

/** The named capabilities in a mask; bits the header does not name are ignored. */
export function capsFromMask(mask: bigint): Set<CapName> {
  return new Set(CAP_NAMES.filter((c) => (mask >> BigInt(CAP[c])) & 1n));
}

/** A mask as /proc/PID/status prints it: 16 hex digits. */
export function formatMask(mask: bigint): string {
  return mask.toString(16).padStart(16, '0');
}

/** Sorted by kernel number. */
export function sortCaps(set: CapSet): CapName[] {
  return [...set].sort((a, b) => CAP[a] - CAP[b]);
}

/** "cap_chown,cap_net_admin": lower-case names in number order, as `capsh --decode` prints them. */
export function formatCapList(set: CapSet): string {
  return sortCaps(set)
    .map((c) => c.toLowerCase())
    .join(',');
}

/**
 * The cap_to_text(3) form of a set held identically in the given flags
 * (e = effective, i = inheritable, p = permitted): "cap_net_admin,cap_net_raw=eip".
 * The empty set is "=", and a set holding every capability in `all` is "=eip".
 */
export function formatCapText(set: CapSet, flags = 'eip', all: CapSet = new Set(CAP_NAMES)): string {
  if (set.size === 0) return '=';
  if (set.size === all.size && [...all].every((c) => set.has(c))) return `=${flags}`;
  return `${formatCapList(set)}=${flags}`;
}

/** Levenshtein distance, for did-you-mean. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** The known name nearest to input, if within a typo's reach. */
export function closestCapName(input: string): CapName | undefined {
  const want = normalize(input).slice(4);
  let best: CapName | undefined;
  let bestD = Infinity;
  for (const c of CAP_NAMES) {
    const d = distance(want, c.slice(4));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(1, Math.min(3, Math.floor(want.length / 3))) ? best : undefined;
}

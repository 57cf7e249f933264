import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The ids a lab's user namespace maps: uid/gid 0–65535 inside are
 * uid..uid+65535 and gid..gid+65535 on the machine, so root in a node is an
 * unprivileged id outside and daemons that drop to their own user (frr,
 * www-data) stay distinct.
 */
export interface IdRange {
  readonly uid: number;
  readonly gid: number;
  readonly count: number;
}

/** Ids inside a node: 0–65535, as a container's. */
export const ID_COUNT = 65536;

/**
 * Where nslab takes ranges from when /etc/subuid and /etc/subgid give root
 * none: 0x70000000 upwards, 4096 labs' worth, far above the ids
 * distributions hand out (useradd stops at 60000; systemd's dynamic and
 * container ranges end below 0x70000000).
 */
export const DEFAULT_ID_BASE = 0x7000_0000;
export const DEFAULT_ID_SLOTS = 4096;

/** root's first range of at least ID_COUNT ids in /etc/subuid or /etc/subgid, if any. */
export function subordinateRange(file: string, user = 'root'): { start: number; count: number } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const [name, start, count] = line.trim().split(':');
    if ((name === user || name === '0') && Number(count) >= ID_COUNT && Number.isSafeInteger(Number(start))) {
      return { start: Number(start), count: Number(count) };
    }
  }
  return undefined;
}

export function overlaps(a: IdRange, b: IdRange): boolean {
  return (a.uid < b.uid + b.count && b.uid < a.uid + a.count) || (a.gid < b.gid + b.count && b.gid < a.gid + a.count);
}

/**
 * A range no other lab holds: root's subordinate ranges when it has them
 * (one lab per ID_COUNT ids), else nslab's own, slot by slot.
 */
export function allocateIdRange(inUse: readonly IdRange[], files = { subuid: '/etc/subuid', subgid: '/etc/subgid' }): IdRange {
  const su = subordinateRange(files.subuid);
  const sg = subordinateRange(files.subgid);
  const slots = su && sg ? Math.floor(Math.min(su.count, sg.count) / ID_COUNT) : DEFAULT_ID_SLOTS;
  for (let k = 0; k < slots; k++) {
    const r: IdRange = su && sg
      ? { uid: su.start + k * ID_COUNT, gid: sg.start + k * ID_COUNT, count: ID_COUNT }
      : { uid: DEFAULT_ID_BASE + k * ID_COUNT, gid: DEFAULT_ID_BASE + k * ID_COUNT, count: ID_COUNT };
    if (!inUse.some((u) => overlaps(u, r))) return r;
  }
  throw new RangeError(`every id range for lab user namespaces is in use (${slots} labs); bring a lab down first`);
}

/** `newuidmap PID 0 UID COUNT; newgidmap PID 0 GID COUNT`, as root may do it: write the maps directly. */
export function writeIdMaps(pid: number, r: IdRange): void {
  writeFileSync(`/proc/${pid}/uid_map`, `0 ${r.uid} ${r.count}\n`);
  writeFileSync(`/proc/${pid}/gid_map`, `0 ${r.gid} ${r.count}\n`);
}

/**
 * The idmapping of a node's `binds:` (an idmapped mount reads each on-disk
 * id as an id inside this map): the machine's ids 1–65535 are the node's
 * 1–65535 (frr is frr on both sides), the node's root is the lab's base id
 * on disk, and the machine's root is nobody inside. So a node can neither
 * write as the machine's root through a bind nor leave a file there that
 * the machine's root owns (a setuid-root binary).
 */
export function bindIdMapLines(base: number, count: number): string {
  return `${base} ${base} 1\n1 ${base + 1} ${count - 1}\n`;
}

export function writeBindIdMaps(pid: number, r: IdRange): void {
  writeFileSync(`/proc/${pid}/uid_map`, bindIdMapLines(r.uid, r.count));
  writeFileSync(`/proc/${pid}/gid_map`, bindIdMapLines(r.gid, r.count));
}

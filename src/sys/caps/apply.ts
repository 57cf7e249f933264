import { SyscallError } from '../../os/syscall-error.js';
import { lastErrno, raw as c } from '../../os/libc.js';
import { CAP, PR, _LINUX_CAPABILITY_VERSION_3, type CapName } from './constants.js';
import { capMask, capsFromMask, formatCapList, type CapSet } from './set.js';
import { lastCap, threadCapabilities } from './status.js';

/**
 * Giving the calling thread a capability set, right before it calls execve.
 *
 * Capabilities belong to threads. Everything here acts on the calling
 * thread only (Node's main thread, the one that will execve), except the
 * optional user change, which glibc applies to every thread. Never call it
 * in a process that goes on serving after: it cannot be undone.
 */

function check(call: string, rc: number, detail?: string): number {
  if (rc < 0) throw new SyscallError(call, lastErrno(), detail);
  return rc;
}

/** A set nslab cannot give because it does not hold it itself. */
export class CapabilityError extends Error {
  override readonly name = 'CapabilityError';
  readonly missing: readonly CapName[];
  constructor(missing: readonly CapName[], message: string) {
    super(message);
    this.missing = missing;
  }
}

export interface ApplyOptions {
  /**
   * Become this user (real, effective, saved) after the bounding set is
   * cut and before the sets are written, keeping the capabilities across
   * the change (PR_SET_KEEPCAPS). nslab keeps uid 0 unless told.
   */
  readonly uid?: number;
  /** Group to become with uid; defaults to uid. */
  readonly gid?: number;
  /** Supplementary groups; defaults to [gid]. */
  readonly groups?: readonly number[];
}

/**
 * Make `set` the whole of the calling thread's privilege, so that the
 * program it execs next runs with exactly that set, as root or not:
 *
 * 1. drop every other capability from the bounding set (PR_CAPBSET_DROP);
 * 2. if a uid is given: PR_SET_KEEPCAPS, setgroups, setgid, setuid;
 * 3. capset(): permitted = effective = inheritable = set;
 * 4. clear the ambient set and raise each capability of the set in it
 *    (PR_CAP_AMBIENT_RAISE), so a non-root program keeps them across execve.
 *
 * Equivalent: `capsh --caps=LIST=eip --addamb=LIST --drop=<the rest> --`
 * (or `setpriv --bounding-set -all,+LIST --inh-caps ... --ambient-caps ...`).
 * Throws CapabilityError before changing anything when the thread does not
 * hold a capability of the set itself.
 */
export function applyCapabilities(set: CapSet, opts: ApplyOptions = {}): void {
  const before = threadCapabilities();
  const want = capMask(set);
  const missing = want & ~(before.bounding & before.permitted);
  if (missing !== 0n) {
    const names = [...capsFromMask(missing)];
    throw new CapabilityError(
      names,
      `cannot grant ${formatCapList(new Set(names))}: nslab does not hold ${names.length === 1 ? 'it' : 'them'} itself ` +
        `(its bounding/permitted sets lack ${names.length === 1 ? 'it' : 'them'}); drop ${names.length === 1 ? 'it' : 'them'} from cap-add`,
    );
  }

  // 1. Bounding set: needs CAP_SETPCAP, so it comes before capset() may remove it.
  const last = lastCap();
  for (let n = 0; n <= last; n++) {
    if ((want >> BigInt(n)) & 1n) continue;
    if (check('prctl(PR_CAPBSET_READ)', c.prctl(PR.PR_CAPBSET_READ, n, 0, 0, 0), `capability ${n}`) === 0) continue;
    check('prctl(PR_CAPBSET_DROP)', c.prctl(PR.PR_CAPBSET_DROP, n, 0, 0, 0), `capability ${n}`);
  }

  // 2. Change of user: permitted survives only with keep-caps; effective and ambient never do.
  if (opts.uid !== undefined) {
    const gid = opts.gid ?? opts.uid;
    const groups = Uint32Array.from(opts.groups ?? [gid]);
    check('prctl(PR_SET_KEEPCAPS)', c.prctl(PR.PR_SET_KEEPCAPS, 1, 0, 0, 0));
    check('setgroups', c.setgroups(groups.length, groups), `[${[...groups].join(',')}]`);
    check('setgid', c.setgid(gid), String(gid));
    check('setuid', c.setuid(opts.uid), String(opts.uid));
  }

  // 3. capset(): struct __user_cap_header_struct, then two __user_cap_data_struct.
  const header = Uint32Array.from([_LINUX_CAPABILITY_VERSION_3, 0]);
  const lo = Number(want & 0xffffffffn);
  const hi = Number(want >> 32n);
  const data = Uint32Array.from([lo, lo, lo, hi, hi, hi]); // effective, permitted, inheritable × 2 words
  check('capset', c.capset(header, data), formatCapList(set) || '(empty set)');

  // 4. Ambient: only capabilities both permitted and inheritable may be raised.
  check('prctl(PR_CAP_AMBIENT_CLEAR_ALL)', c.prctl(PR.PR_CAP_AMBIENT, PR.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0));
  for (const name of set) {
    check('prctl(PR_CAP_AMBIENT_RAISE)', c.prctl(PR.PR_CAP_AMBIENT, PR.PR_CAP_AMBIENT_RAISE, CAP[name], 0, 0), name);
  }
  if (opts.uid !== undefined) check('prctl(PR_SET_KEEPCAPS)', c.prctl(PR.PR_SET_KEEPCAPS, 0, 0, 0, 0));
}

import { NetlinkError, SyscallError } from '../netlink/error.js';
import { LabBusyError } from '../lab/state.js';
import { LabStateError } from '../lab/up.js';
import { PrivilegeError } from '../sys/privileges.js';
import { TopologyError } from '../topology/diagnostics.js';
import { CommandError } from '../lab/commands.js';
import { ConfinementError } from '../lab/confine.js';
import { ExecError } from '../lab/exec.js';
import { CapabilityError } from '../sys/caps/index.js';
import { CgroupError, LimitError } from '../sys/cgroup/index.js';
import { SeccompProfileError } from '../sys/seccomp/errors.js';

/** A mistake the user can fix; printed as its message alone, without a stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const EXPECTED = [
  UsageError, TopologyError, NetlinkError, SyscallError, PrivilegeError, LabStateError, LabBusyError,
  ExecError, ConfinementError, CommandError, CapabilityError, CgroupError, LimitError, SeccompProfileError,
];

/** What the user sees for an error: what, where, and what to do. */
export function describeError(err: unknown): string {
  if (err instanceof AggregateError) return err.message;
  if (EXPECTED.some((cls) => err instanceof cls)) return (err as Error).message;
  if (err instanceof Error) {
    return process.env.NSLAB_DEBUG ? (err.stack ?? err.message) : `${err.message}\n(set NSLAB_DEBUG=1 for details)`;
  }
  return String(err);
}

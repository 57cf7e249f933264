import { errnoName } from './errno.js';

/** A system call failed (not the kernel refusing a netlink request). */
export class SyscallError extends Error {
  override readonly name = 'SyscallError';
  readonly errno: number;
  readonly errnoName: string;
  readonly call: string;

  constructor(call: string, errno: number, detail?: string) {
    super(`${call}${detail ? ` ${detail}` : ''} failed: ${errnoName(errno)}`);
    this.call = call;
    this.errno = errno;
    this.errnoName = errnoName(errno);
  }
}

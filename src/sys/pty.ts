import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';
import { O_CLOEXEC, libc, pty } from '../os/libc.js';

/**
 * A pseudo-terminal pair for a program that wants a terminal (a shell in a
 * node, from the graph page): the master stays with nslab, the other end
 * becomes the program's stdin, stdout and stderr.
 *
 *   script -q -c 'nslab exec LAB NODE' /dev/null     (what a terminal emulator does)
 */

/** <asm-generic/fcntl.h> */
export const O_RDWR = 0o2;
export const O_NOCTTY = 0o400;
/** <asm-generic/ioctls.h>: set the window size (struct winsize). */
export const TIOCSWINSZ = 0x5414;

export interface PtyPair {
  /** The master: read what the program writes, write what the user types. */
  readonly master: number;
  /** The program's end, opened (close it here once the program has it). */
  readonly slave: number;
  readonly path: string;
}

/** posix_openpt, grantpt, unlockpt, ptsname, then open the slave (no controlling terminal for us). */
export function openPty(): PtyPair {
  const master = pty.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  try {
    pty.grantpt(master);
    pty.unlockpt(master);
    const path = pty.ptsname(master);
    const slave = libc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    return { master, slave, path };
  } catch (err) {
    libc.close(master);
    throw err;
  }
}

/** struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; } in host order. */
export function winsize(cols: number, rows: number): Uint8Array {
  const b = new Uint8Array(8);
  const v = new DataView(b.buffer);
  v.setUint16(0, rows, HOST_LITTLE_ENDIAN);
  v.setUint16(2, cols, HOST_LITTLE_ENDIAN);
  return b;
}

/** ioctl(fd, TIOCSWINSZ): the program gets SIGWINCH and reads the new size (stty size). */
export function setWindowSize(fd: number, cols: number, rows: number): void {
  pty.ioctlPointer(fd, TIOCSWINSZ, winsize(cols, rows), `(TIOCSWINSZ ${cols}x${rows})`);
}

import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';

export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}

/**
 * Open a file nslab writes for the user (`capture -w`, `graph --export`) —
 * as root, often somewhere a lab node can write too (a node's /tmp lives on
 * the machine under /run/nslab/LAB/nodes/NODE). So: a symlink in its place
 * is refused rather than followed (O_NOFOLLOW; a node could otherwise point
 * it at /etc/shadow and have root truncate and fill that), and only a
 * regular file is written (a FIFO planted there would hang the open:
 * O_NONBLOCK, checked with fstat before the file is emptied).
 */
export function openOutputFile(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new OutputFileError(`${path} is a symbolic link; nslab writes only to a file of its own name (as root, it will not follow a link someone may have planted)`, { cause: err });
    throw new OutputFileError(`cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    if (!fstatSync(fd).isFile()) throw new OutputFileError(`${path} is not a regular file; nslab writes only to files`);
    ftruncateSync(fd, 0);
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** The whole of text into path, opened as openOutputFile does. */
export function writeOutputFile(path: string, text: string): void {
  const fd = openOutputFile(path);
  try {
    const bytes = Buffer.from(text);
    for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
  } finally {
    closeSync(fd);
  }
}

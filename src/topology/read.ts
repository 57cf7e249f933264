import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** The topology file cannot be read at all, or is not one to read. */
export class TopologyFileError extends Error {
  override readonly name = 'TopologyFileError';
}

/** The largest topology file nslab reads unless told otherwise (`--max-size`): a 100 000-node lab is about 10 MiB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB` : `${bytes} bytes`;
}

/**
 * A topology file's text: a regular file (not a directory, FIFO, device or
 * socket: /dev/zero would be read forever, a FIFO would block) of at most
 * maxBytes, checked before a byte is read. Symlinks are followed.
 */
export function readTopologyText(file: string, maxBytes = DEFAULT_MAX_BYTES): string {
  const fail = (err: unknown): never => {
    throw new TopologyFileError(`cannot read topology file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  };
  let st: Stats;
  try {
    st = statSync(file);
  } catch (err) {
    return fail(err);
  }
  if (!st.isFile()) throw new TopologyFileError(`${file} is ${kindOf(st)}, not a topology file (a regular YAML file)`);
  if (st.size > maxBytes) throw new TopologyFileError(`${file} is ${mib(st.size)}, more than the ${mib(maxBytes)} nslab reads (--max-size raises it)`);
  let fd: number;
  try {
    // O_NONBLOCK: should the path have become a FIFO since the stat, open does not wait for a writer (libuv adds O_CLOEXEC).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return fail(err);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new TopologyFileError(`${file} is ${kindOf(fstatSync(fd))}, not a topology file (a regular YAML file)`);
    // Read to the end, however the size changed since the stat (a file being
    // written, a /proc file that says 0): the cap counts what was read.
    let buf = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        const bigger = Buffer.alloc(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > maxBytes) throw new TopologyFileError(`${file} grew past the ${mib(maxBytes)} nslab reads while it was read (--max-size raises it)`);
    }
    return buf.toString('utf8', 0, n);
  } catch (err) {
    if (err instanceof TopologyFileError) throw err;
    return fail(err);
  } finally {
    closeSync(fd);
  }
}

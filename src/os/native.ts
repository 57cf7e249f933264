import koffi from 'koffi';

/**
 * Koffi's own memory and event-loop helpers, which load no library (libc
 * is bound in ./libc.ts alone).
 */

/**
 * Memory outside the JavaScript heap that never moves, for structures that
 * hold pointers to other memory (struct msghdr → iovec → buffer), which
 * koffi cannot pass as typed arrays. `bytes` reads and writes it in place;
 * `address` is where it starts. Free it once nothing points into it.
 */
export interface NativeMemory {
  readonly bytes: Uint8Array;
  readonly address: bigint;
  readonly pointer: unknown;
  free(): void;
}

export function allocNative(length: number): NativeMemory {
  const pointer: unknown = koffi.alloc('uint8_t', length);
  let freed = false;
  return {
    bytes: new Uint8Array(koffi.view(pointer, length)),
    address: koffi.address(pointer),
    pointer,
    free(): void {
      if (freed) return;
      freed = true;
      koffi.free(pointer);
    },
  };
}

/**
 * Call onReadable from Node's own event loop whenever fd has something to
 * read (libuv's uv_poll, reached through koffi.node.poll): no thread blocks
 * and nothing spins while the fd is quiet. Close the watch before the fd.
 */
export function watchReadable(fd: number, onReadable: () => void): { close(): void } {
  const handle = koffi.node.poll(fd, { readable: true }, () => onReadable());
  let closed = false;
  return {
    close(): void {
      if (closed) return;
      closed = true;
      handle.close();
    },
  };
}

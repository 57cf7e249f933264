/**
 * The sandbox builder: a short-lived Node process *born* in a lab's user
 * namespace (Node cannot create or join one itself: the kernel wants a
 * single-threaded caller). It is started as
 *
 *   unshare --user -- node builder.js        (nslab writes its uid_map/gid_map)
 *
 * and for every node it is asked for it makes the node's network and mount
 * namespaces, both owned by the lab's user namespace, and
 * builds the node's file system view:
 *
 *   mount --make-rprivate /; mount -o remount,bind,ro -R /      (host files, read-only)
 *   mount -t tmpfs … /dev/shm
 *   mount --bind NODEDIR/tmp /tmp   (var-tmp, var-log, var-lib likewise)
 *   mount --bind FILE /etc/hosts    (hostname, resolv.conf likewise)
 *   mount --bind NODEDIR/run /run                               (last: it hides the host's /run)
 *
 * Then it answers with fds of the two namespaces, which nslab (root in the
 * machine's namespaces) bind-mounts from /proc/PID/fd/N to keep them, and
 * goes on to the next node meanwhile. /proc, /sys (the node's network
 * devices) and /dev/mqueue are mounted by the node's init, the first process
 * of its PID, IPC and other namespaces, when something first runs there.
 *
 * Protocol: one JSON request per line on stdin (build a node, or release
 * fds nslab has pinned), one JSON answer per build on stdout, in order.
 */
import { createInterface } from 'node:readline';
import {
  CLONE_FS, CLONE_NEWNET, CLONE_NEWNS, MOUNT_ATTR_RDONLY, MS_BIND, MS_NODEV, MS_NOEXEC,
  MS_NOSUID, MS_PRIVATE, MS_REC, O_CLOEXEC, O_RDONLY, libc,
} from '../../os/libc.js';

export interface BuildRequest {
  readonly node: string;
  /** Writable directories of the node: DST → SRC (already made, owned by the node's root). */
  readonly dirs: Readonly<Record<string, string>>;
  /** Files bound over the node's /etc: DST → SRC. */
  readonly files: Readonly<Record<string, string>>;
}

/** Close the fds of namespaces nslab has pinned. */
export interface ReleaseRequest {
  readonly release: readonly number[];
}

/** fds of the node's network and mount namespaces, held open until released, so this process can go on to the next node while nslab pins them. */
export type BuildAnswer =
  | { readonly ok: true; readonly node: string; readonly net: number; readonly mnt: number }
  | { readonly ok: false; readonly node: string; readonly error: string };

/** `mount --bind -o rw SRC DST`: a bind of a source under the read-only root would be read-only too. */
function bindWritable(src: string, dst: string): void {
  libc.mount(src, dst, null, MS_BIND | MS_REC);
  libc.mountSetattr(dst, 0, MOUNT_ATTR_RDONLY, false);
}

const O_PATH = 0o10000000;

/**
 * The node's mount tree, made in the mount namespace this thread has just
 * unshared. Every source is opened first (O_PATH), since a source under
 * /tmp or /run would otherwise be looked up in the node's own /tmp or /run
 * once those are mounted; mounts then take them as /proc/self/fd/N.
 */
export function buildMountTree(req: BuildRequest): void {
  const fds: number[] = [];
  const open = (path: string): string => {
    const fd = libc.open(path, O_PATH | O_CLOEXEC);
    fds.push(fd);
    return `/proc/self/fd/${fd}`;
  };
  try {
    const dirs = Object.entries(req.dirs).map(([dst, src]) => [dst, open(src)] as const);
    const files = Object.entries(req.files).map(([dst, src]) => [dst, open(src)] as const);
    libc.mount(null, '/', null, MS_REC | MS_PRIVATE);
    libc.mountSetattr('/', MOUNT_ATTR_RDONLY, 0, true);
    libc.mountWithData('shm', '/dev/shm', 'tmpfs', MS_NOSUID | MS_NODEV | MS_NOEXEC, 'mode=1777,size=65536k');
    // /sys and /dev/mqueue are the node's init's to mount (sys/sandbox/enter.ts INIT_SCRIPT).
    // /run last among the node's directories: until then the machine's /run (and /run/nslab) is still where it was.
    for (const [dst, src] of dirs) if (dst !== '/run') bindWritable(src, dst);
    for (const [dst, src] of dirs) if (dst === '/run') bindWritable(src, dst);
    for (const [dst, src] of files) libc.mount(src, dst, null, MS_BIND);
  } finally {
    for (const fd of fds) libc.close(fd);
  }
}

// Network and mount only: they must exist before anything runs (nslab wires
// the network, the mount tree holds the node's files). The node's init makes
// its PID, UTS, IPC and cgroup namespaces (`unshare --pid --uts --ipc
// --cgroup --fork`), also owned by this user namespace, when something first
// runs there, so an idle node costs two namespace files. (A second
// unshare(CLONE_NEWPID) from one thread fails anyway, and this process may
// not setns back to the machine's PID namespace.)
const NODE_NAMESPACES = CLONE_NEWNET | CLONE_NEWNS;

/** Serve build requests until stdin closes. */
export async function serve(): Promise<void> {
  // Threads share fs state; this one gets its own before any mount namespace.
  libc.unshare(CLONE_FS);
  // A base copy of the machine's mounts, private, that every node's tree starts from.
  libc.unshare(CLONE_NEWNS);
  libc.mount(null, '/', null, MS_REC | MS_PRIVATE);
  const base = libc.open('/proc/thread-self/ns/mnt', O_RDONLY | O_CLOEXEC);
  const answer = (a: BuildAnswer): void => {
    process.stdout.write(`${JSON.stringify(a)}\n`);
  };
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const msg = JSON.parse(line) as BuildRequest | ReleaseRequest;
    if ('release' in msg) {
      for (const fd of msg.release) libc.close(fd);
      continue;
    }
    const req = msg;
    try {
      libc.setns(base, CLONE_NEWNS);
      libc.unshare(NODE_NAMESPACES);
      buildMountTree(req);
      const net = libc.open('/proc/thread-self/ns/net', O_RDONLY | O_CLOEXEC);
      const mnt = libc.open('/proc/thread-self/ns/mnt', O_RDONLY | O_CLOEXEC);
      answer({ ok: true, node: req.node, net, mnt });
    } catch (err) {
      answer({ ok: false, node: req.node, error: (err as Error).message });
    }
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  serve().catch((err: unknown) => {
    process.stderr.write(`nslab sandbox builder: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}

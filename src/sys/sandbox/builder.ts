/**
 * The sandbox builder: a short-lived Node process *born* in a lab's user
 * namespace (Node cannot create or join one itself: the kernel wants a
 * single-threaded caller). It is started as
 *
 *   unshare --user -- node builder.js        (nslab writes its uid_map/gid_map)
 *
 * and for every node it is asked for it makes the node's network, UTS, IPC
 * and mount namespaces, all owned by the lab's user namespace, and
 * builds the node's file system view:
 *
 *   mount --make-rprivate /; mount -o remount,bind,ro -R /      (host files, read-only)
 *   mount -t tmpfs … /dev/shm; mount -t mqueue … /dev/mqueue
 *   mount -t sysfs -o ro sysfs /sys                             (the node's network devices)
 *   mount --bind NODEDIR/tmp /tmp   (var-tmp, var-log, var-lib likewise)
 *   mount --bind FILE /etc/hosts    (hostname, resolv.conf likewise)
 *   mount --bind SRC DST            (the node's binds:)
 *   mount --bind NODEDIR/run /run                               (last: it hides the host's /run)
 *
 * Then it answers with the thread id whose /proc/PID/task/TID/ns/* files
 * nslab (root in the machine's namespaces) bind-mounts to keep them. /proc
 * is mounted by the node's init, the first process of its PID namespace.
 *
 * Protocol: one JSON request per line on stdin, one JSON answer per line on
 * stdout; the next request means the previous namespaces are pinned.
 */
import { createInterface } from 'node:readline';
import {
  CLONE_FS, CLONE_NEWIPC, CLONE_NEWNET, CLONE_NEWNS, CLONE_NEWUTS, MOUNT_ATTR_RDONLY, MS_BIND, MS_NODEV, MS_NOEXEC,
  MS_NOSUID, MS_PRIVATE, MS_RDONLY, MS_REC, O_CLOEXEC, O_RDONLY, libc,
} from '../libc.js';

export interface BuildRequest {
  readonly node: string;
  readonly hostname: string;
  /** Writable directories of the node: DST → SRC (already made, owned by the node's root). */
  readonly dirs: Readonly<Record<string, string>>;
  /** Files bound over the node's /etc: DST → SRC. */
  readonly files: Readonly<Record<string, string>>;
  /** The topology's binds:, SRC absolute. */
  readonly binds: readonly { readonly src: string; readonly dst: string; readonly ro: boolean }[];
}

export type BuildAnswer = { readonly ok: true; readonly node: string; readonly tid: number } | { readonly ok: false; readonly node: string; readonly error: string };

/** A bind whose source lies under the read-only root is read-only too: say which it is to be. */
function bind(src: string, dst: string, ro: boolean): void {
  libc.mount(src, dst, null, MS_BIND | MS_REC);
  libc.mountSetattr(dst, ro ? MOUNT_ATTR_RDONLY : 0, ro ? 0 : MOUNT_ATTR_RDONLY, false);
}

/** The node's mount tree, made in the mount namespace this thread has just unshared. */
export function buildMountTree(req: BuildRequest): void {
  libc.mount(null, '/', null, MS_REC | MS_PRIVATE);
  libc.mountSetattr('/', MOUNT_ATTR_RDONLY, 0, true);
  libc.mountWithData('shm', '/dev/shm', 'tmpfs', MS_NOSUID | MS_NODEV | MS_NOEXEC, 'mode=1777,size=65536k');
  try {
    libc.mount('mqueue', '/dev/mqueue', 'mqueue', MS_NOSUID | MS_NODEV | MS_NOEXEC);
  } catch {
    // no /dev/mqueue directory on this machine: POSIX queues stay unmounted
  }
  libc.mount('sysfs', '/sys', 'sysfs', MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC);
  const run = req.dirs['/run'];
  for (const [dst, src] of Object.entries(req.dirs)) if (dst !== '/run') bind(src, dst, false);
  for (const [dst, src] of Object.entries(req.files)) libc.mount(src, dst, null, MS_BIND);
  for (const b of req.binds) bind(b.src, b.dst, b.ro);
  if (run !== undefined) bind(run, '/run', false);
}

// Not PID: a second unshare(CLONE_NEWPID) from one thread fails (EINVAL), and
// this process may not setns back to the machine's PID namespace. The node's
// init makes its PID namespace (`unshare --pid --fork`), owned by this user namespace too.
const NODE_NAMESPACES = CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNS;

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
    const req = JSON.parse(line) as BuildRequest;
    try {
      libc.setns(base, CLONE_NEWNS);
      libc.unshare(NODE_NAMESPACES);
      libc.sethostname(req.hostname);
      buildMountTree(req);
      answer({ ok: true, node: req.node, tid: libc.gettid() });
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

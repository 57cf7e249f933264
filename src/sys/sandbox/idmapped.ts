import { CLONE_FS, CLONE_NEWNS, MOUNT_ATTR_IDMAP, MOUNT_ATTR_NODEV, MOUNT_ATTR_NOSUID, MOUNT_ATTR_RDONLY, O_CLOEXEC, O_RDONLY, libc } from '../../os/libc.js';

let ownFs = false;

/**
 * A `binds:` entry shown in a node through an idmapped mount (nosuid,
 * nodev), so ownership works both ways for the node's users: a file the
 * machine's uid N (1–65535) owns is uid N inside (frr's are frr's), and what
 * they write lands on the machine under the same ids. The machine's root is
 * nobody inside, and the node's root writes as the lab's base id (see
 * bindIdMapLines).
 *
 *   mount --bind -o X-mount.idmap=… (util-linux ≥ 2.39 says it so):
 *   open_tree(SRC, OPEN_TREE_CLONE); mount_setattr(MOUNT_ATTR_IDMAP, lab userns);
 *   setns(node mnt); move_mount(→ DST); setns(back)
 *
 * Only root in the machine's user namespace may idmap a mount, so nslab
 * does it itself, from this thread, after the builder has made the tree.
 */
export function idmappedBind(src: string, dst: string, opts: { mntNs: string; userns: string; ro: boolean }): void {
  // Threads share fs state; this one gets its own before a mount namespace (once: it keeps it).
  if (!ownFs) {
    libc.unshare(CLONE_FS);
    ownFs = true;
  }
  const cwd = process.cwd();
  const tree = libc.openTreeClone(src);
  const userns = libc.open(opts.userns, O_RDONLY | O_CLOEXEC);
  const home = libc.open('/proc/thread-self/ns/mnt', O_RDONLY | O_CLOEXEC);
  const target = libc.open(opts.mntNs, O_RDONLY | O_CLOEXEC);
  try {
    libc.mountSetattrFd(tree, MOUNT_ATTR_IDMAP | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | (opts.ro ? MOUNT_ATTR_RDONLY : 0), 0, userns);
    libc.setns(target, CLONE_NEWNS);
    try {
      libc.moveMount(tree, dst);
    } finally {
      libc.setns(home, CLONE_NEWNS);
      libc.chdir(cwd);
    }
  } finally {
    for (const fd of [tree, userns, home, target]) libc.close(fd);
  }
}

import { dirname } from 'node:path';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostsFile, type Plan } from '../topology/plan.js';
import { labDir, type StepEntry } from './state.js';
import type { ApplyContext, Step } from './step.js';

/**
 * /etc/netns/<namespace>/: the files `ip netns exec` (and `nslab exec`)
 * bind-mount over /etc inside a node. Every node gets `hosts`, naming every
 * lab node; a node with `dns:` also gets `resolv.conf`.
 *
 * The hosts file is the same for every node, so it is written once, to the
 * lab's state directory. A node without resolv.conf shares one directory
 * holding a link to it: /etc/netns/<namespace> is a symlink to that
 * directory (`ip netns exec` opens and binds through links), so a
 * thousand-node lab makes a thousand symlinks on /etc and `down` unlinks
 * them; a directory each cost an mkdir and an rmdir on the machine's disk
 * (0.14 ms each on ext4 here). A node with resolv.conf, or whose directory
 * is there already, gets `hosts` as a symlink in its own directory.
 *
 * nslab never replaces a file it did not write: if one is already there,
 * `up` stops and says so. `down` removes only its own files — the symlink
 * if it still points at the lab's hosts file, resolv.conf if it still holds
 * what nslab wrote — and a directory (a node's, or /etc/netns itself) only
 * if nslab made it and it is empty.
 */

/** Where iproute2 looks for a namespace's own /etc files. */
export const ETC_NETNS = '/etc/netns';

export function etcNetnsDir(netns: string): string {
  return `${ETC_NETNS}/${netns}`;
}

/** The lab's one hosts file, which every node's /etc/netns/<ns>/hosts links to. */
export function labHostsPath(lab: string): string {
  return `${labDir(lab)}/hosts`;
}

/** The directory the /etc/netns/<namespace> links of a lab point to: `hosts` only. */
export function labNetnsEtcPath(lab: string): string {
  return `${labDir(lab)}/netns-etc`;
}

export interface EtcHostsEntry extends StepEntry {
  readonly op: 'etc-hosts';
  readonly path: string;
}

export interface EtcNetnsEntry extends StepEntry {
  readonly op: 'etc-netns';
  readonly dir: string;
  /** True when the directory did not exist before nslab made it. */
  readonly created: boolean;
  /** The symlink target nslab put at dir/hosts (none for /etc/netns itself). */
  readonly hosts?: string;
  /** What nslab wrote to dir/resolv.conf, if anything. */
  readonly resolvConf?: string;
  /** dir is a symlink nslab made to this directory (the lab's shared one) rather than a directory. */
  readonly link?: string;
}

export class EtcFileError extends Error {
  override readonly name = 'EtcFileError';
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function contentOf(path: string): string | undefined {
  try {
    if (lstatSync(path).isSymbolicLink()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** rmdir refuses a directory that is not empty (ENOTEMPTY), which is what we want. */
function removeIfEmpty(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

/** The /etc/netns files as shell commands, for `up --explain`. */
export function explainEtcFiles(plan: Plan): string[] {
  if (plan.namespaces.length === 0) return [];
  const hosts = labHostsPath(plan.lab);
  const lines = [
    '# /etc/netns/<namespace>/: files `ip netns exec` mounts over /etc: one hosts file for the lab, linked from every node; resolv.conf for nodes with dns:.',
    `mkdir -p ${dirname(hosts)}`,
    `cat > ${hosts} <<'EOF'`,
    ...hostsFile(plan).trimEnd().split('\n'),
    'EOF',
  ];
  const shared = labNetnsEtcPath(plan.lab);
  if (plan.namespaces.some((n) => n.resolvConf === undefined)) lines.push(`mkdir -p ${shared} ${ETC_NETNS} && ln -s ${hosts} ${shared}/hosts`);
  for (const n of plan.namespaces) {
    if (n.resolvConf === undefined) {
      // -n: run a second time, the script replaces its link instead of making one inside the directory it points to.
      lines.push(`ln -sfn ${shared} ${etcNetnsDir(n.name)}`);
      continue;
    }
    lines.push(`mkdir -p ${etcNetnsDir(n.name)} && ln -s ${hosts} ${etcNetnsDir(n.name)}/hosts`);
    lines.push(`cat > ${etcNetnsDir(n.name)}/resolv.conf <<'EOF'`, ...n.resolvConf.trimEnd().split('\n'), 'EOF');
  }
  return lines;
}

export const etcFilesStep: Step = {
  name: 'etc-files',
  ops: ['etc-hosts', 'etc-netns'],

  apply(ctx: ApplyContext): void {
    const plan = ctx.plan;
    if (plan.namespaces.length === 0) return;
    const hosts = labHostsPath(plan.lab);
    ctx.journal.intend([{ op: 'etc-hosts', path: hosts } satisfies EtcHostsEntry]);
    writeFileSync(hosts, hostsFile(plan), { mode: 0o644 });

    // Refuse before anything under /etc is touched: all or nothing.
    for (const n of plan.namespaces) {
      const dir = etcNetnsDir(n.name);
      for (const f of ['hosts', ...(n.resolvConf !== undefined ? ['resolv.conf'] : [])]) {
        if (lexists(`${dir}/${f}`)) {
          throw new EtcFileError(`${dir}/${f} exists and nslab did not write it; remove it (or the whole ${dir}) and run up again [${n.origin}]`);
        }
      }
    }

    if (!existsSync(ETC_NETNS)) {
      ctx.journal.intend([{ op: 'etc-netns', dir: ETC_NETNS, created: true } satisfies EtcNetnsEntry]);
      mkdirSync(ETC_NETNS, { recursive: true, mode: 0o755 });
    }
    // Inside the lab's state directory: it goes with it, after the links.
    const shared = labNetnsEtcPath(plan.lab);
    if (plan.namespaces.some((n) => n.resolvConf === undefined)) {
      mkdirSync(shared, { mode: 0o755 });
      symlinkSync(hosts, `${shared}/hosts`);
    }
    const entries: EtcNetnsEntry[] = plan.namespaces.map((n) => {
      const dir = etcNetnsDir(n.name);
      const created = !lexists(dir);
      if (created && n.resolvConf === undefined) return { op: 'etc-netns', dir, created, link: shared };
      return { op: 'etc-netns', dir, created, hosts, ...(n.resolvConf !== undefined ? { resolvConf: n.resolvConf } : {}) };
    });
    ctx.journal.intend(entries);
    let done = 0;
    for (const e of entries) {
      if (e.link !== undefined) symlinkSync(e.link, e.dir);
      else {
        if (e.created) mkdirSync(e.dir, { mode: 0o755 });
        symlinkSync(hosts, `${e.dir}/hosts`);
        if (e.resolvConf !== undefined) writeFileSync(`${e.dir}/resolv.conf`, e.resolvConf, { mode: 0o644, flag: 'wx' });
      }
      ctx.progress?.('/etc/netns files', ++done, entries.length);
    }
  },

  undo(entry: StepEntry): boolean {
    if (entry.op === 'etc-hosts') {
      const e = entry as EtcHostsEntry;
      if (!lexists(e.path)) return false;
      unlinkSync(e.path);
      return true;
    }
    const e = entry as EtcNetnsEntry;
    if (e.link !== undefined) {
      // Only the link nslab made: a directory or another link there now is someone else's.
      if (linkTarget(e.dir) !== e.link) return false;
      try {
        unlinkSync(e.dir);
      } catch (err) {
        // Replaced or removed since the check: not ours any more.
        if ((err as NodeJS.ErrnoException).code === 'EISDIR' || (err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
      return true;
    }
    let removed = false;
    if (e.hosts !== undefined && linkTarget(`${e.dir}/hosts`) === e.hosts) {
      unlinkSync(`${e.dir}/hosts`);
      removed = true;
    }
    if (e.resolvConf !== undefined && contentOf(`${e.dir}/resolv.conf`) === e.resolvConf) {
      unlinkSync(`${e.dir}/resolv.conf`);
      removed = true;
    }
    if (e.created && removeIfEmpty(e.dir)) removed = true;
    return removed;
  },
};

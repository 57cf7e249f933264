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
 * lab's state directory, and each node's `hosts` is a symlink to it (a bind
 * mount follows the link): a thousand-node lab writes one file, not a
 * thousand. resolv.conf is per node and written as a file.
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
  for (const n of plan.namespaces) {
    lines.push(`mkdir -p ${etcNetnsDir(n.name)} && ln -s ${hosts} ${etcNetnsDir(n.name)}/hosts`);
    if (n.resolvConf !== undefined) lines.push(`cat > ${etcNetnsDir(n.name)}/resolv.conf <<'EOF'`, ...n.resolvConf.trimEnd().split('\n'), 'EOF');
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
    const entries: EtcNetnsEntry[] = plan.namespaces.map((n) => {
      const dir = etcNetnsDir(n.name);
      return { op: 'etc-netns', dir, created: !existsSync(dir), hosts, ...(n.resolvConf !== undefined ? { resolvConf: n.resolvConf } : {}) };
    });
    ctx.journal.intend(entries);
    let done = 0;
    for (const e of entries) {
      if (e.created) mkdirSync(e.dir, { mode: 0o755 });
      symlinkSync(hosts, `${e.dir}/hosts`);
      if (e.resolvConf !== undefined) writeFileSync(`${e.dir}/resolv.conf`, e.resolvConf, { mode: 0o644, flag: 'wx' });
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

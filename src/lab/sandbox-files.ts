import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BuildRequest } from '../sys/sandbox/builder.js';
import type { IdRange } from '../sys/sandbox/idmap.js';
import type { PlanNamespace } from '../topology/plan.js';
import { labDir } from './state.js';

export class SandboxError extends Error {
  override readonly name = 'SandboxError';
}

export function sandboxNsDir(lab: string): string {
  return `${labDir(lab)}/ns`;
}

export function sandboxNodesDir(lab: string): string {
  return `${labDir(lab)}/nodes`;
}

/** The writable directories a sandboxed node gets: its path inside → the directory name in its node dir. */
export const NODE_DIRS: Readonly<Record<string, string>> = {
  '/tmp': 'tmp',
  '/var/tmp': 'var-tmp',
  '/var/log': 'var-log',
  '/var/lib': 'var-lib',
  '/run': 'run',
};

/** A node ready to build: the builder's request, its directory, the binds nslab attaches after. */
export interface PreparedNode {
  readonly req: BuildRequest;
  readonly dir: string;
  readonly binds: readonly { readonly src: string; readonly dst: string; readonly ro: boolean }[];
}

/** Files every node of a lab shows the same, written once: /etc/hosts, and the machine's resolv.conf. */
export interface SharedFiles {
  readonly hosts: string;
  readonly resolvConf?: string;
}

export function writeSharedFiles(lab: string, hosts: string): SharedFiles {
  const dir = sandboxNodesDir(lab);
  writeFileSync(`${dir}/hosts`, hosts, { mode: 0o644 });
  // A symlinked resolv.conf (systemd-resolved) points into the machine's /run, which nodes do not see.
  const resolv = '/etc/resolv.conf';
  if (!existsSync(resolv) || lstatSync(resolv).isSymbolicLink()) return { hosts: `${dir}/hosts` };
  writeFileSync(`${dir}/resolv.conf`, readFileSync(resolv, 'utf8'), { mode: 0o644 });
  return { hosts: `${dir}/hosts`, resolvConf: `${dir}/resolv.conf` };
}

/** The node's own files: writable directories and /etc files, owned by its root. */
export function prepareNodeFiles(lab: string, n: PlanNamespace, ids: IdRange, shared: SharedFiles): PreparedNode {
  const dir = `${sandboxNodesDir(lab)}/${n.node}`;
  const uid = ids.uid;
  const gid = ids.gid;
  mkdirSync(dir, { mode: 0o755 });
  const dirs: Record<string, string> = {};
  for (const [inside, name] of Object.entries(NODE_DIRS)) {
    const path = `${dir}/${name}`;
    mkdirSync(path);
    chmodSync(path, inside === '/tmp' || inside === '/var/tmp' ? 0o1777 : 0o755);
    chownSync(path, uid, gid);
    dirs[inside] = path;
  }
  // Debian's /var/run and /var/lock point into /run; give them their usual places.
  mkdirSync(`${dir}/run/lock`);
  chmodSync(`${dir}/run/lock`, 0o1777);
  chownSync(`${dir}/run/lock`, uid, gid);
  mkdirSync(`${dir}/etc`, { mode: 0o755 });
  const files: Record<string, string> = {};
  const put = (name: string, text: string): void => {
    writeFileSync(`${dir}/etc/${name}`, text, { mode: 0o644 });
    files[`/etc/${name}`] = `${dir}/etc/${name}`;
  };
  put('hostname', `${n.hostname}\n`);
  files['/etc/hosts'] = shared.hosts;
  if (n.resolvConf !== undefined) put('resolv.conf', n.resolvConf);
  else if (shared.resolvConf !== undefined) files['/etc/resolv.conf'] = shared.resolvConf;
  if (n.frr) dirs['/etc/frr'] = frrEtc(dir, n, ids);
  const binds = n.confine.binds.map((b) => {
    // Under the node's own directories the mount point is made; elsewhere the read-only root must have it.
    const own = Object.entries(dirs).find(([inside]) => b.dst === inside || b.dst.startsWith(`${inside}/`));
    const isDir = statSync(b.src).isDirectory();
    if (own) {
      const at = `${own[1]}${b.dst.slice(own[0].length)}`;
      if (isDir) mkdirSync(at, { recursive: true });
      else {
        mkdirSync(dirname(at), { recursive: true });
        if (!existsSync(at)) writeFileSync(at, '');
      }
    } else if (!existsSync(b.dst)) {
      throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: the machine has no ${b.dst} and its file system is read-only in the node; bind to a path that exists, or under ${Object.keys(NODE_DIRS).join(', ')} [${b.origin}]`);
    } else if (statSync(b.dst).isDirectory() !== isDir) {
      throw new SandboxError(`node ${n.node}: cannot bind ${b.src} at ${b.dst}: one is a directory and the other is not [${b.origin}]`);
    }
    return { src: b.src, dst: b.dst, ro: b.ro };
  });
  // binds: are nslab's to attach (idmapped, after the builder), not the builder's.
  return { req: { node: n.node, dirs, files }, dir, binds };
}

/** The uid and gid Debian's frr package made (the same numbers inside a node). */
function frrIds(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('frr:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!line || !existsSync('/usr/lib/frr/frrinit.sh')) throw new SandboxError("FRR nodes need the machine's FRR: apt-get install frr");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * An FRR node's /etc/frr, in its node dir, owned by the node's frr user:
 * frr.conf (the startup-config), a daemons file enabling what it configures
 * (zebra and staticd always run), an empty vtysh.conf. The machine's own
 * /etc/frr (0750 frr) is not readable inside, so this is made even when
 * binds supply the files; they are mounted on top.
 */
function frrEtc(dir: string, n: PlanNamespace, ids: IdRange): string {
  const frr = frrIds();
  const etc = `${dir}/etc-frr`;
  mkdirSync(etc, { mode: 0o775 });
  const config = n.frr?.config !== undefined ? readFileSync(n.frr.config, 'utf8') : '';
  const daemons = [
    `# made by nslab for node ${n.node}; read by /usr/lib/frr/frrinit.sh`,
    ...(n.frr?.daemons ?? []).map((d) => `${d}=yes`),
    'vtysh_enable=yes',
    'zebra_options="  -A 127.0.0.1 -s 90000000"',
    ...(n.frr?.daemons ?? []).map((d) => `${d}_options="  -A 127.0.0.1"`),
    'staticd_options="-A 127.0.0.1"',
    '',
  ].join('\n');
  const files: Record<string, string> = { 'frr.conf': config, daemons, 'vtysh.conf': '' };
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(`${etc}/${name}`, text, { mode: 0o640 });
    chownSync(`${etc}/${name}`, ids.uid + frr.uid, ids.gid + frr.gid);
  }
  chownSync(etc, ids.uid + frr.uid, ids.gid + frr.gid);
  return etc;
}

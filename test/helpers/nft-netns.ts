import { execFileSync, spawnSync } from 'node:child_process';
import { libc, O_CLOEXEC, O_RDONLY } from '../../src/os/libc.js';

/**
 * Throwaway network namespaces for the nf_tables integration tests, made and
 * removed with iproute2 (`ip netns add/del`), and `nft -j` run inside them.
 */

export const isRoot = process.getuid?.() === 0;
export const haveNft = spawnSync('nft', ['--version']).status === 0;

export interface TestNetns {
  readonly name: string;
  /** An open fd of /run/netns/NAME, for KernelSocket({ netnsFd }). */
  readonly fd: number;
  /** Close the fd and delete the namespace; safe to call twice. */
  remove(): void;
}

export function makeNetns(name: string): TestNetns {
  execFileSync('ip', ['netns', 'add', name]);
  let fd: number;
  try {
    fd = libc.open(`/run/netns/${name}`, O_RDONLY | O_CLOEXEC);
  } catch (err) {
    execFileSync('ip', ['netns', 'del', name]);
    throw err;
  }
  let removed = false;
  return {
    name,
    fd,
    remove(): void {
      if (removed) return;
      removed = true;
      try {
        libc.close(fd);
      } finally {
        spawnSync('ip', ['netns', 'del', name]);
      }
    },
  };
}

export function netnsExists(name: string): boolean {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' }).split('\n').some((l) => l.split(' ')[0] === name);
}

/** The objects of `nft -j list ruleset` in a namespace (metainfo dropped). */
export function nftJson(ns: string): Record<string, Record<string, unknown>>[] {
  const out = execFileSync('ip', ['netns', 'exec', ns, 'nft', '-j', 'list', 'ruleset'], { encoding: 'utf8' });
  const parsed = JSON.parse(out) as { nftables: Record<string, Record<string, unknown>>[] };
  return parsed.nftables.filter((o) => !('metainfo' in o));
}

/** `nft list ruleset` as text. */
export function nftText(ns: string): string {
  return execFileSync('ip', ['netns', 'exec', ns, 'nft', 'list', 'ruleset'], { encoding: 'utf8' });
}

/** The same with handles removed, for comparing two namespaces' rulesets. */
export function withoutHandles(objs: Record<string, Record<string, unknown>>[]): unknown[] {
  return objs.map((o) => JSON.parse(JSON.stringify(o, (k, v: unknown) => (k === 'handle' ? undefined : v))) as unknown);
}

/** Run `nft -f -` with text in a namespace. */
export function nftApply(ns: string, text: string): void {
  execFileSync('ip', ['netns', 'exec', ns, 'nft', '-f', '-'], { input: text });
}

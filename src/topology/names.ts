import { existsSync, statSync } from 'node:fs';
import { IFNAMSIZ_MAX } from '../rtnl/constants.js';

/** Lab and node names become namespace names, hostnames and cgroup names. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const MAX_LAB_NAME = 40;
export const MAX_NODE_NAME = 63;

/** The named network namespace of a node: `ip netns exec <lab>-<node> …`. */
export function namespaceName(lab: string, node: string): string {
  return `${lab}-${node}`;
}

/** Why an interface name would be refused by the kernel, or undefined if fine. */
export function interfaceNameProblem(name: string): string | undefined {
  const bytes = new TextEncoder().encode(name).length;
  if (bytes === 0) return 'an interface name cannot be empty';
  if (bytes > IFNAMSIZ_MAX) return `interface name '${name}' is ${bytes} bytes; Linux allows at most ${IFNAMSIZ_MAX}`;
  if (name === '.' || name === '..') return `'${name}' is not a valid interface name`;
  if (/[\s/:]/.test(name)) return `interface name '${name}' may not contain spaces, '/' or ':'`;
  if (name === 'lo') return `'lo' is the loopback interface every node already has`;
  return undefined;
}

/** Why a lab or node name is unusable, or undefined if fine. */
export function nameProblem(what: 'lab' | 'node', name: string): string | undefined {
  const max = what === 'lab' ? MAX_LAB_NAME : MAX_NODE_NAME;
  if (!NAME_PATTERN.test(name)) {
    return `${what} name '${name}' must start with a letter or digit and contain only letters, digits, '-' and '_' (it becomes part of namespace names)`;
  }
  if (name.length > max) return `${what} name '${name}' is ${name.length} characters; at most ${max}`;
  return undefined;
}

/** Whether a command-line argument names a topology file rather than a lab. */
export function looksLikeFile(arg: string): boolean {
  return /\.ya?ml$/i.test(arg) || arg.includes('/') || (existsSync(arg) && statSync(arg).isFile());
}

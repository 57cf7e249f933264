/** Path conventions only (no libc), for code that merely looks: progress counters, inspect, the viewer. */

/** Where named namespaces live, as iproute2 keeps them (`ip netns list` reads it). */
export const NETNS_RUN_DIR = '/run/netns';

/** /run/netns/NAME: `ip netns add NAME` pins the namespace there. */
export function netnsPath(name: string): string {
  return `${NETNS_RUN_DIR}/${name}`;
}

import type { Cidr, IpAddress } from '../inet/ip.js';
import type { ImpairmentSpec } from './impairment.js';
import type { CapName } from '../sys/caps/index.js';
import type { CgroupLimits } from '../sys/cgroup/index.js';
import type { Diagnostic, Position } from './diagnostics.js';

/** What a node is: an end host, a router (forwards packets), or a switch. */
export type NodeKind = 'host' | 'router' | 'bridge';

/** Names the topology may use for each kind (containerlab's `linux` is a host). */
export const KIND_ALIASES: Readonly<Record<string, NodeKind>> = {
  host: 'host',
  linux: 'host',
  router: 'router',
  // FRR's routing daemons run in it, started at up (see FrrDef).
  frr: 'router',
  bridge: 'bridge',
};

export type RoutingMode = 'static' | 'none';

/** Where a value came from: its place in the file and its field path. */
export interface Origin {
  readonly pos: Position;
  readonly field: string;
}

export interface RouteDef extends Origin {
  /** Destination; prefix 0 means the default route. */
  readonly dst: Cidr;
  readonly via?: IpAddress;
  readonly dev?: string;
  readonly metric?: number;
  /** Computed by `routing: static` rather than written. */
  readonly computed?: boolean;
}

/** How a node is confined: cgroup limits, capabilities, seccomp. */
export interface NodeConfinement {
  readonly limits: CgroupLimits;
  /** Limits in `limits` that are nslab's defaults, not written (`pids`). */
  readonly defaulted: readonly (keyof CgroupLimits)[];
  /** The node's capability set (default, cap-add, cap-drop applied). */
  readonly caps: readonly CapName[];
  /** cap-add: ALL — every capability nslab itself holds when the node starts. */
  readonly capsAll: boolean;
  readonly seccomp: { readonly mode: 'default' | 'unconfined' } | { readonly mode: 'profile'; readonly file: string };
  /** `sandbox` (own user, mount, PID, IPC namespaces) or `network` (network and UTS only). */
  readonly isolation: 'sandbox' | 'network';
  readonly binds: readonly BindDef[];
}

/** A `binds:` entry: SRC (absolute, resolved against the topology file) shown at DST in the node. */
export interface BindDef extends Origin {
  readonly src: string;
  readonly dst: string;
  readonly ro: boolean;
}

export interface ExecDef extends Origin {
  readonly cmd: string;
  readonly background: boolean;
}

export interface ResolverDef {
  readonly servers: readonly string[];
  readonly search: readonly string[];
  readonly options: readonly string[];
}

/** `PORT:NODE:PORT/proto` on a node (or on the uplink's host side). */
export interface PortForwardDef extends Origin {
  readonly port: number;
  readonly node: string;
  readonly toPort: number;
  readonly proto: 'tcp' | 'udp';
}

/**
 * A router running FRR (`kind: frr`, or a containerlab `linux` node whose
 * image is FRR's): its own /etc/frr with frr.conf from `startup-config` and
 * a daemons file enabling what frr.conf configures; FRR starts at up.
 */
export interface FrrDef extends Origin {
  /** startup-config, absolute; none gives an empty frr.conf (binds may supply one). */
  readonly config?: string;
  /** Daemons besides zebra and staticd (ospfd, bgpd…), from the `router …` lines of the config. */
  readonly daemons: readonly string[];
}

export interface NodeDef extends Origin {
  readonly name: string;
  readonly kind: NodeKind;
  readonly frr?: FrrDef;
  readonly routes: readonly RouteDef[];
  readonly routing: RoutingMode;
  /** A switch nslab made for a LAN link. */
  readonly generated?: boolean;
  readonly confine: NodeConfinement;
  readonly exec: readonly ExecDef[];
  readonly env: Readonly<Record<string, string>>;
  readonly sysctls: Readonly<Record<string, string>>;
  readonly dns?: ResolverDef;
  /** Masquerade traffic leaving this interface. */
  readonly nat?: { readonly out: string } & Origin;
  readonly ports: readonly PortForwardDef[];
  /** `host:` the machine of a multi-host lab that holds the node. */
  readonly host?: string;
}

export interface EndpointDef extends Origin {
  readonly node: string;
  readonly iface: string;
  readonly addresses: readonly Cidr[];
  readonly mac?: Uint8Array;
  /** Addresses given by automatic addressing, not written. */
  readonly autoAddresses?: readonly Cidr[];
  /** What leaves this interface is impaired so (tc). */
  readonly impair?: ImpairmentSpec;
}

export interface LinkDef extends Origin {
  readonly a: EndpointDef;
  readonly b: EndpointDef;
  readonly mtu?: number;
}

/** A cable from a lab node to the machine's root namespace. */
export interface UplinkDef extends Origin {
  readonly node: string;
  readonly iface: string;
  readonly hostIface: string;
  /** The machine's side; the node gets the next address. */
  readonly hostAddress: Cidr;
  readonly nodeAddress: Cidr;
  readonly nat: boolean;
  readonly ports: readonly PortForwardDef[];
}

/** A fact about one node that `nslab check` reads from the kernel (or the node's own seccomp program). */
export type NodeAssertion =
  /** `ip -n NS route show DST [via VIA] [dev DEV]` finds it (or, `absent`, does not). */
  | { readonly kind: 'route'; readonly node: string; readonly dst: string; readonly via?: string; readonly dev?: string; readonly present: boolean }
  /** `ip -n NS addr show dev DEV` lists CIDR (or, `absent`, does not). */
  | { readonly kind: 'address'; readonly node: string; readonly dev: string; readonly cidr: string; readonly present: boolean }
  /** `sysctl KEY` inside the node reads VALUE (blanks compared as one space). */
  | { readonly kind: 'sysctl'; readonly node: string; readonly key: string; readonly value: string }
  /** A command run in the node as `nslab exec` runs it holds CAP (effective), or cannot gain it (neither permitted nor bounding). */
  | { readonly kind: 'capability'; readonly node: string; readonly cap: string; readonly has: boolean }
  /** The node's own seccomp program denies (or allows) the system call, with these arguments. */
  | { readonly kind: 'syscall'; readonly node: string; readonly name: string; readonly args: readonly number[]; readonly denied: boolean }
  /** `nslab exec LAB NODE -- sh -c RUN` exits with EXIT (0 when absent) and its output matches the pattern. */
  | { readonly kind: 'command'; readonly node: string; readonly run: string; readonly exit: number; readonly outputMatches?: string };

/** An `expect:` line: reach/not-reach (no kind), or a fact about a node (NodeAssertion). */
export type ExpectDef = ReachExpectDef | NodeExpectDef;

export interface ReachExpectDef extends Origin {
  readonly kind?: undefined;
  readonly from: string;
  /** A node, node:interface, or an address. */
  readonly target: string;
  readonly reach: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
  readonly waitMs?: number;
}

export type NodeExpectDef = NodeAssertion & Origin & { readonly waitMs?: number };

export interface Pool {
  readonly ipv4: Cidr;
  readonly ipv6: Cidr;
  readonly prefix: number;
  /** The prefix was written in the file (then a LAN keeps it even when too small, and says so). */
  readonly prefixWritten?: boolean;
}

export interface Addressing {
  readonly auto: boolean;
  readonly ipv6: boolean;
  readonly p2p: Pool;
  readonly lan: Pool;
}

/** A validated topology: every reference resolved, every value parsed. */
export interface Topology {
  readonly name: string;
  readonly file: string;
  readonly nodes: ReadonlyMap<string, NodeDef>;
  readonly links: readonly LinkDef[];
  readonly uplink?: UplinkDef;
  /** `limits:`: cgroup limits of the lab as a whole (its lab cgroup), when written. */
  readonly limits?: CgroupLimits & Origin;
  /** `userns:`: the first uid and gid of the lab's user namespace on the machine. */
  readonly userns?: { readonly uid: number; readonly gid: number } & Origin;
  readonly expect: readonly ExpectDef[];
  /** Things that were accepted but deserve a word (ignored fields). */
  readonly warnings: readonly Diagnostic[];
}

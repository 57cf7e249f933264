import type { ImpairmentSpec } from './impairment.js';
import type { CgroupLimits } from '../sys/cgroup/index.js';
import type { NodeAssertion, NodeKind } from './types.js';

/**
 * The plan: everything `up` will make, as plain serialisable data. Nothing
 * below the plan reads YAML; nothing above `apply` touches the kernel.
 * Interface indexes are chosen here: every namespace is new, so the plan can
 * number its interfaces (lo is 1) and later requests can name them at once.
 */
export interface Plan {
  readonly version: 1;
  readonly lab: string;
  /** The topology file it came from. */
  readonly source: string;
  readonly namespaces: readonly PlanNamespace[];
  readonly bridges: readonly PlanBridge[];
  readonly veths: readonly PlanVeth[];
  readonly addresses: readonly PlanAddress[];
  readonly routes: readonly PlanRoute[];
  readonly impairments: readonly PlanImpairment[];
  readonly nat: readonly PlanNat[];
  readonly uplink?: PlanUplink;
  /** `limits:` of the whole lab (its lab cgroup), when written. */
  readonly limits?: CgroupLimits & { readonly origin: string };
  /** The lab's id range when the topology sets one (`userns:`); else nslab picks a free one at up. */
  readonly userns?: { readonly uid: number; readonly gid: number; readonly origin: string };
  readonly expect: readonly PlanExpect[];
}

export interface PlanNamespace {
  /** `ip netns` name. */
  readonly name: string;
  readonly node: string;
  readonly kind: NodeKind;
  /** IPv4 and IPv6 forwarding on (routers). */
  readonly forwarding: boolean;
  /** IPv6 stays on only where the lab uses it; elsewhere it is disabled before any interface exists. */
  readonly ipv6: boolean;
  /** nslab's own sysctls for the namespace, in the order written, before any interface exists (`sysctl -w` inside it). */
  readonly netSysctls: readonly (readonly [string, number])[];
  /** Hostname in the node's UTS namespace. */
  readonly hostname: string;
  readonly confine: PlanConfinement;
  readonly exec: readonly PlanExec[];
  readonly env: Readonly<Record<string, string>>;
  /** The user's sysctls, written after nslab's own. */
  readonly sysctls: Readonly<Record<string, string>>;
  /** resolv.conf for /etc/netns/<name>/, when the node has name servers. */
  readonly resolvConf?: string;
  /** An FRR router: its frr.conf (absolute) and the daemons its daemons file enables. */
  readonly frr?: { readonly config?: string; readonly daemons: readonly string[] };
  /** `host:` the machine that holds the node in a multi-host lab; only `up --etcd` reads it. */
  readonly host?: string;
  readonly origin: string;
}

export interface PlanConfinement {
  readonly limits: CgroupLimits;
  /** Limits in `limits` that are nslab's defaults, not the topology's (`pids`): skipped with a warning where the controller is missing. */
  readonly defaulted: readonly (keyof CgroupLimits)[];
  readonly caps: readonly string[];
  readonly capsAll: boolean;
  /** 'default', 'unconfined', or the absolute path of a Docker/OCI profile. */
  readonly seccomp: string;
  /** `sandbox`: user, mount, PID, IPC namespaces of its own too; `network`: network and UTS only. */
  readonly isolation: 'sandbox' | 'network';
  /** binds: of a sandboxed node, SRC absolute. */
  readonly binds: readonly PlanBind[];
}

export interface PlanBind {
  readonly src: string;
  readonly dst: string;
  readonly ro: boolean;
  readonly origin: string;
}

export interface PlanExec {
  readonly cmd: string;
  readonly background: boolean;
  readonly origin: string;
}

/** tc qdiscs on one interface: what leaves it is shaped so. */
export interface PlanImpairment {
  readonly netns: string;
  readonly node: string;
  readonly dev: string;
  readonly index: number;
  readonly mtu?: number;
  readonly spec: ImpairmentSpec;
  readonly origin: string;
}

export interface PlanPortForward {
  readonly port: number;
  readonly proto: 'tcp' | 'udp';
  /** The inside node's IPv4 address it goes to. */
  readonly to: string;
  readonly toNode: string;
  readonly toPort: number;
  readonly origin: string;
}

/** NAT in one namespace (nslab's own nf_tables table there). */
export interface PlanNat {
  readonly netns: string;
  readonly node: string;
  /** Masquerade what comes from these prefixes and leaves this interface. */
  readonly masquerade?: { readonly out: string; readonly sources: readonly string[] };
  readonly ports: readonly PlanPortForward[];
  readonly origin: string;
}

/** The cable from a lab node to the machine. */
export interface PlanUplink {
  readonly netns: string;
  readonly node: string;
  readonly dev: string;
  readonly index: number;
  readonly mac: string;
  readonly address: string;
  readonly hostDev: string;
  readonly hostMac: string;
  readonly hostAddress: string;
  /** The lab's IPv4 prefixes, routed from the machine through the node. */
  readonly labPrefixes: readonly string[];
  /** The machine masquerades the lab (its own table `nslab-<lab>`). */
  readonly nat: boolean;
  readonly ports: readonly PlanPortForward[];
  readonly origin: string;
}

/** An `expect:` line: who reaches whom, or a fact about one node (route, address, sysctl…). */
export type PlanExpect = PlanReachExpect | PlanNodeExpect;

/** `{from, reach|not-reach, port?}`: probed by the matrix prober (no `kind`, as plans always had it). */
export interface PlanReachExpect {
  readonly kind?: undefined;
  readonly from: string;
  readonly target: string;
  readonly reach: boolean;
  readonly port?: { readonly port: number; readonly proto: 'tcp' | 'udp' };
  /** `wait:`: retry for this long (ms) until it holds (routing daemons converging). */
  readonly waitMs?: number;
  readonly origin: string;
}

export type { NodeAssertion } from './types.js';

export type PlanNodeExpect = NodeAssertion & { readonly waitMs?: number; readonly origin: string };

export interface PlanBridge {
  readonly netns: string;
  readonly name: string;
  readonly index: number;
  readonly origin: string;
}

/** One end of a veth pair. */
export interface PlanEnd {
  readonly netns: string;
  readonly node: string;
  readonly name: string;
  readonly index: number;
  readonly mac: string;
  /** ifindex of the bridge this end is a port of. */
  readonly master?: number;
}

/** A veth pair; it is created from side `a`'s namespace, `b` is born in its own. */
export interface PlanVeth {
  readonly a: PlanEnd;
  readonly b: PlanEnd;
  readonly mtu?: number;
  readonly origin: string;
}

export interface PlanAddress {
  readonly netns: string;
  readonly dev: string;
  readonly index: number;
  /** "10.0.1.1/24" */
  readonly address: string;
  readonly origin: string;
}

export interface PlanRoute {
  readonly netns: string;
  /** "default" or a prefix. */
  readonly dst: string;
  readonly family: 4 | 6;
  readonly via?: string;
  readonly dev?: string;
  readonly index?: number;
  readonly metric?: number;
  /**
   * The route leaves over the uplink cable (the uplink node's route via the
   * machine's end): it can only be added once that cable exists, so the
   * uplink step adds it, not the routes phase.
   */
  readonly uplink?: true;
  readonly origin: string;
}

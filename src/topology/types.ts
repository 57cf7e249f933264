import type { Cidr, IpAddress } from '../rtnl/inet.js';
import type { Diagnostic, Position } from './diagnostics.js';

/** What a node is: an end host, a router (forwards packets), or a switch. */
export type NodeKind = 'host' | 'router' | 'bridge';

/** Names the topology may use for each kind (containerlab's `linux` is a host). */
export const KIND_ALIASES: Readonly<Record<string, NodeKind>> = {
  host: 'host',
  linux: 'host',
  router: 'router',
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

export interface NodeDef extends Origin {
  readonly name: string;
  readonly kind: NodeKind;
  readonly routes: readonly RouteDef[];
  readonly routing: RoutingMode;
  /** A switch nslab made for a LAN link. */
  readonly generated?: boolean;
}

export interface EndpointDef extends Origin {
  readonly node: string;
  readonly iface: string;
  readonly addresses: readonly Cidr[];
  readonly mac?: Uint8Array;
  /** Addresses given by automatic addressing, not written. */
  readonly autoAddresses?: readonly Cidr[];
}

export interface LinkDef extends Origin {
  readonly a: EndpointDef;
  readonly b: EndpointDef;
  readonly mtu?: number;
}

export interface Pool {
  readonly ipv4: Cidr;
  readonly ipv6: Cidr;
  readonly prefix: number;
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
  /** Things that were accepted but deserve a word (ignored fields). */
  readonly warnings: readonly Diagnostic[];
}

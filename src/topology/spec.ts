/**
 * The topology format described as data. One description feeds three
 * readers, so they cannot disagree: the shape checker (./shape.ts), the JSON
 * Schema editors use (./schema-json.ts), and the reference (docs/topology.md).
 * Meaning that needs code (addresses, references between fields) lives in
 * ./load.ts; `format` names it here so the reference can explain it.
 */
export type Spec = StringSpec | IntegerSpec | NumberSpec | BooleanSpec | MapSpec | DictSpec | ListSpec | OneOfSpec;

interface Common {
  /** One or two sentences for the reference. */
  readonly doc: string;
  readonly example?: string;
  /** The value used when the field is absent, as the user would write it. */
  readonly default?: string | number | boolean;
}

export interface StringSpec extends Common {
  readonly kind: 'string';
  readonly enum?: readonly string[];
  readonly pattern?: string;
  /** What the text must be, checked by the loader (`cidr`, `route`, `endpoint`…). */
  readonly format?: string;
}
export interface IntegerSpec extends Common {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}
export interface NumberSpec extends Common {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
}
export interface BooleanSpec extends Common {
  readonly kind: 'boolean';
}
/** A map with known keys. */
export interface MapSpec extends Common {
  readonly kind: 'map';
  readonly fields: Readonly<Record<string, Spec>>;
  readonly required?: readonly string[];
  /** Keys accepted and reported once as meaningless here (containerlab's). */
  readonly ignored?: readonly string[];
}
/** A map whose keys are names the user chooses (nodes, groups). */
export interface DictSpec extends Common {
  readonly kind: 'dict';
  readonly values: Spec;
  readonly keyPattern?: string;
  /** What a key is, for messages ("node name"). */
  readonly keyLabel?: string;
}
export interface ListSpec extends Common {
  readonly kind: 'list';
  readonly items: Spec;
  readonly minItems?: number;
}
/** One of several forms, told apart by YAML node type (scalar, map, list). */
export interface OneOfSpec extends Common {
  readonly kind: 'oneOf';
  readonly options: readonly Spec[];
}

const NAME = '^[A-Za-z0-9][A-Za-z0-9_-]*$';

const cidr4: StringSpec = { kind: 'string', format: 'ipv4-cidr', doc: 'An IPv4 address with its prefix length.', example: '10.0.1.1/24' };
const cidr6: StringSpec = { kind: 'string', format: 'ipv6-cidr', doc: 'An IPv6 address with its prefix length.', example: 'fd00:1::1/64' };
const oneOrList = (s: StringSpec, doc: string): OneOfSpec => ({ kind: 'oneOf', doc, options: [s, { kind: 'list', doc: s.doc, items: s }] });

const route: OneOfSpec = {
  kind: 'oneOf',
  doc: 'A static route.',
  options: [
    {
      kind: 'string',
      format: 'route',
      doc: '`ip route` syntax: `<prefix>|default [via <gateway>] [dev <interface>] [metric <n>]`.',
      example: 'default via 10.0.1.254',
    },
    {
      kind: 'map',
      doc: 'The same route as fields.',
      fields: {
        dst: { kind: 'string', format: 'route-dst', doc: 'Destination prefix, or `default`.', default: 'default', example: '10.0.2.0/24' },
        via: { kind: 'string', format: 'ip', doc: 'Gateway address; it must be on a subnet of one of the node’s interfaces.', example: '10.0.1.254' },
        dev: { kind: 'string', format: 'interface', doc: 'Output interface of the node.', example: 'eth0' },
        metric: { kind: 'integer', min: 0, max: 0xffffffff, doc: 'Route metric (priority); lower wins.' },
      },
    },
  ],
};

const routing: StringSpec = {
  kind: 'string',
  enum: ['static', 'none'],
  doc: '`static`: nslab computes static routes from the graph (hosts get a default route to their nearest router, routers a route to every lab prefix). `none`: only the routes you write.',
  default: 'none',
};

/** Fields a node may have; also what defaults, kinds and groups may set. */
const nodeFields: Record<string, Spec> = {
  kind: {
    kind: 'string',
    enum: ['host', 'linux', 'router', 'bridge', 'frr'],
    doc: '`host` (containerlab’s `linux` means the same): an end system. `router`: forwards IPv4 and IPv6. `bridge`: a switch (a Linux bridge in a namespace of its own). `frr`: a router running the machine’s FRR (Debian’s `frr`), with its own /etc/frr; a containerlab `linux` node whose `image` is FRR’s is one too.',
    default: 'host',
  },
  group: { kind: 'string', pattern: NAME, format: 'group', doc: 'A group under `topology.groups` whose fields this node inherits.' },
  routes: { kind: 'list', doc: 'Static routes of the node; explicit routes win over computed ones.', items: route },
  routing,
  // --- confinement (cgroups, capabilities, seccomp) ---
  memory: {
    kind: 'oneOf',
    doc: 'Memory limit, swap included (containerlab’s field): `64MiB`, `512m`, `1g`, or bytes. At least 6MiB.',
    options: [{ kind: 'string', format: 'memory', doc: 'An amount with a unit.', example: '64MiB' }, { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, doc: 'Bytes.' }],
  },
  cpu: {
    kind: 'oneOf',
    doc: 'CPU limit in cores (containerlab’s field): `0.5` is half of one CPU.',
    options: [{ kind: 'number', min: 0.01, max: 1024, doc: 'Cores.', example: '0.5' }, { kind: 'string', format: 'cpu', doc: 'Cores, as text.' }],
  },
  'cpu-set': { kind: 'string', format: 'cpu-list', doc: 'CPUs the node may run on (containerlab’s field), in the kernel’s list form.', example: '0-1' },
  pids: {
    kind: 'oneOf',
    doc: 'Most processes and threads at once; stops a fork bomb. Unset: 1024 (nslab’s default). `unlimited`: no limit.',
    options: [
      { kind: 'integer', min: 1, max: 4194304, doc: 'Processes and threads.', example: '100' },
      { kind: 'string', enum: ['unlimited'], doc: 'No pids limit at all.' },
    ],
  },
  'cap-add': { kind: 'list', doc: 'Capabilities added to the node’s default set (`NET_ADMIN` or `CAP_NET_ADMIN`; `ALL`).', items: { kind: 'string', format: 'capability', doc: 'A capability name.', example: 'SYS_PTRACE' } },
  'cap-drop': { kind: 'list', doc: 'Capabilities taken from the node’s default set (`ALL` leaves only `cap-add`).', items: { kind: 'string', format: 'capability', doc: 'A capability name.', example: 'NET_ADMIN' } },
  seccomp: {
    kind: 'string',
    format: 'seccomp',
    doc: '`default` (nslab’s profile: no mounts, namespaces, modules, kexec, reboot, bpf…), `unconfined` (no filter), or the path of a Docker/OCI seccomp JSON profile, relative to this file.',
    default: 'default',
  },
  'startup-config': {
    kind: 'string',
    format: 'file',
    doc: 'For an FRR node: its /etc/frr/frr.conf, relative to this file (containerlab’s field). Ignored, with a warning, on other kinds.',
  },
  isolation: {
    kind: 'string',
    enum: ['sandbox', 'network'],
    doc: '`sandbox`: the node has its own user, mount, PID, IPC, UTS and network namespaces; root inside is an unprivileged uid outside, the machine’s files are read-only, /tmp, /run, /var/tmp, /var/log and /var/lib are the node’s own. `network`: only network and UTS namespaces; the node’s processes are root on the machine’s files (nslab’s older behaviour).',
    default: 'sandbox',
  },
  binds: {
    kind: 'list',
    doc: 'Files or directories of the machine shown in a sandboxed node (containerlab’s syntax): `SRC:DST` or `SRC:DST:ro`, SRC relative to this file, DST absolute.',
    items: { kind: 'string', format: 'bind', doc: 'A bind.', example: 'r1/frr:/etc/frr' },
  },
  exec: {
    kind: 'list',
    doc: 'Commands run in the node, confined like it, after the lab is up; a failing one fails `up`. Output goes to /run/nslab/<lab>/logs/<node>.log.',
    items: {
      kind: 'oneOf',
      doc: 'A command.',
      options: [
        { kind: 'string', format: 'command', doc: 'A shell command run to completion.', example: 'ip link set eth0 mtu 1400' },
        {
          kind: 'map',
          doc: 'A command with options.',
          required: ['cmd'],
          fields: {
            cmd: { kind: 'string', format: 'command', doc: 'The shell command.', example: 'python3 -m http.server 80' },
            background: { kind: 'boolean', doc: 'Leave it running (a server); `down` ends it.', default: false },
          },
        },
      ],
    },
  },
  env: { kind: 'dict', doc: 'Environment of `exec` commands and of `nslab exec` in the node.', values: { kind: 'string', doc: 'A value.' } },
  sysctls: {
    kind: 'dict',
    keyPattern: '^net\\.[A-Za-z0-9_./-]+$',
    keyLabel: 'sysctl',
    doc: 'Network sysctls of the node’s namespace, set before its interfaces exist.',
    values: { kind: 'oneOf', doc: 'A value.', options: [{ kind: 'string', doc: 'A value.' }, { kind: 'integer', min: -2147483648, max: 4294967295, doc: 'A number.' }] },
  },
  dns: {
    kind: 'map',
    doc: 'The node’s /etc/resolv.conf (written to /etc/netns/<namespace>/, where `ip netns exec` and `nslab exec` find it). Every node also gets an /etc/hosts naming every lab node.',
    fields: {
      servers: { kind: 'list', doc: 'Name servers.', items: { kind: 'string', format: 'ip', doc: 'An address.', example: '10.0.0.53' } },
      search: { kind: 'list', doc: 'Search domains.', items: { kind: 'string', doc: 'A domain.' } },
      options: { kind: 'list', doc: 'resolv.conf options.', items: { kind: 'string', doc: 'An option.', example: 'ndots:1' } },
    },
  },
  // --- NAT ---
  nat: {
    kind: 'map',
    doc: 'Masquerade: traffic from the lab’s prefixes leaving `out` takes this node’s address there (a router’s way out).',
    required: ['out'],
    fields: { out: { kind: 'string', format: 'interface', doc: 'The interface toward the outside.', example: 'eth1' } },
  },
  ports: {
    kind: 'list',
    doc: 'Port forwards on this node: `PORT:NODE:PORT[/tcp|udp]` sends what reaches this node’s port to another node’s.',
    items: { kind: 'string', format: 'port-forward', doc: 'A forward.', example: '8080:h1:80/tcp' },
  },
};

/** containerlab node fields with no meaning for a namespace lab. */
export const IGNORED_NODE_FIELDS = [
  'image', 'startup-delay', 'labels', 'mgmt-ipv4', 'mgmt-ipv6', 'license', 'type',
  'image-pull-policy', 'enforce-startup-config', 'suppress-startup-config', 'entrypoint', 'cmd', 'user', 'network-mode',
  'publish', 'runtime', 'stages', 'certificate', 'healthcheck', 'extras', 'restart-policy', 'auto-remove', 'wait-for',
  'memory-reservation', 'shm-size', 'devices', 'aliases', 'components', 'config', 'sandbox', 'kernel',
] as const;

const nodeSpec: MapSpec = { kind: 'map', doc: 'A node.', fields: nodeFields, ignored: IGNORED_NODE_FIELDS };
const inheritable: MapSpec = {
  kind: 'map',
  doc: 'Node fields inherited by the nodes it applies to (node → group → kind → defaults: the nearest wins).',
  fields: Object.fromEntries(Object.entries(nodeFields).filter(([k]) => k !== 'group')),
  ignored: IGNORED_NODE_FIELDS,
};
const perKind: MapSpec = {
  ...inheritable,
  fields: Object.fromEntries(Object.entries(nodeFields).filter(([k]) => k !== 'group' && k !== 'kind')),
};

/** Link impairments (tc): on a link they shape both directions, on an endpoint what leaves it. */
const impairments: Record<string, Spec> = {
  rate: { kind: 'string', format: 'rate', doc: 'Bandwidth limit (tbf).', example: '10mbit' },
  delay: { kind: 'string', format: 'time', doc: 'Added delay (netem).', example: '50ms' },
  jitter: { kind: 'string', format: 'time', doc: 'Delay variation; needs `delay` (netem).', example: '5ms' },
  loss: { kind: 'oneOf', doc: 'Packets dropped (netem).', options: [{ kind: 'string', format: 'percent', doc: 'A percentage.', example: '1%' }, { kind: 'number', min: 0, max: 100, doc: 'Percent.' }] },
  corrupt: { kind: 'oneOf', doc: 'Packets with a flipped bit (netem).', options: [{ kind: 'string', format: 'percent', doc: 'A percentage.', example: '0.1%' }, { kind: 'number', min: 0, max: 100, doc: 'Percent.' }] },
  duplicate: { kind: 'oneOf', doc: 'Packets sent twice (netem).', options: [{ kind: 'string', format: 'percent', doc: 'A percentage.', example: '1%' }, { kind: 'number', min: 0, max: 100, doc: 'Percent.' }] },
  reorder: { kind: 'oneOf', doc: 'Packets sent without the delay, so they overtake; needs `delay` (netem).', options: [{ kind: 'string', format: 'percent', doc: 'A percentage.', example: '25%' }, { kind: 'number', min: 0, max: 100, doc: 'Percent.' }] },
};

const endpoint: OneOfSpec = {
  kind: 'oneOf',
  doc: 'One end of a link.',
  options: [
    {
      kind: 'string',
      format: 'endpoint',
      doc: '`node:interface`, or a bare `node`, which takes the node’s next free `ethN`.',
      example: 'h1:eth0',
    },
    {
      kind: 'map',
      doc: 'An endpoint with its addresses.',
      required: ['node'],
      fields: {
        node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
        interface: { kind: 'string', format: 'interface', doc: 'Interface name inside the node (at most 15 bytes); the next free `ethN` when absent.', example: 'eth0' },
        ipv4: oneOrList(cidr4, 'IPv4 address(es) of the interface; automatic when absent (see `addressing`).'),
        ipv6: oneOrList(cidr6, 'IPv6 address(es) of the interface; automatic when absent and the lab uses IPv6.'),
        mac: { kind: 'string', pattern: '^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$', doc: 'MAC address; a stable one derived from lab, node and interface when absent.', example: '02:00:00:00:00:01' },
        ...impairments,
      },
    },
  ],
};

const link: MapSpec = {
  kind: 'map',
  doc: 'A cable (two endpoints), or a LAN (more than two endpoints, or `lan`), which becomes a bridge nslab makes.',
  fields: {
    endpoints: { kind: 'list', minItems: 2, doc: 'The ends of the link; more than two make a LAN.', items: endpoint },
    lan: { kind: 'list', minItems: 1, doc: 'Nodes (or endpoints) joined by a switch nslab makes.', items: endpoint, example: '[h1, h2, h3]' },
    name: { kind: 'string', pattern: NAME, format: 'lan-name', doc: 'Name of the switch a LAN gets (at most 15 bytes); `lanN` when absent.' },
    mtu: { kind: 'integer', min: 68, max: 65535, doc: 'MTU of every interface of the link.', default: 1500 },
    type: { kind: 'string', enum: ['veth'], doc: 'containerlab’s link type; nslab links are veth pairs.', default: 'veth' },
    ...impairments,
  },
  ignored: ['labels', 'vars'],
};

const pool = (doc: string, v4: string, v6: string, prefix: number): MapSpec => ({
  kind: 'map',
  doc,
  fields: {
    ipv4: { kind: 'string', format: 'ipv4-cidr', doc: 'IPv4 pool subnets are taken from.', default: v4 },
    ipv6: { kind: 'string', format: 'ipv6-cidr', doc: 'IPv6 pool /64s are taken from.', default: v6 },
    prefix: { kind: 'integer', min: 8, max: 31, doc: 'IPv4 prefix length of each subnet.', default: prefix },
  },
});

export const topologySpec: MapSpec = {
  kind: 'map',
  doc: 'An nslab topology file.',
  required: ['name', 'topology'],
  fields: {
    name: { kind: 'string', pattern: NAME, format: 'lab-name', doc: 'The lab’s name; namespaces are called `<name>-<node>`. Letters, digits, `-` and `_`, at most 40.', example: 'lan' },
    topology: {
      kind: 'map',
      doc: 'Nodes and links.',
      required: ['nodes'],
      fields: {
        nodes: { kind: 'dict', keyPattern: NAME, keyLabel: 'node name', doc: 'The nodes, by name (letters, digits, `-`, `_`).', values: { ...nodeSpec, kind: 'map' } },
        links: { kind: 'list', doc: 'The cables and LANs.', items: link },
        defaults: { ...inheritable, doc: 'Fields every node inherits.' },
        kinds: { kind: 'dict', keyPattern: '^(host|linux|router|bridge|frr)$', keyLabel: 'kind', doc: 'Fields every node of a kind inherits.', values: perKind },
        groups: { kind: 'dict', keyPattern: NAME, keyLabel: 'group name', doc: 'Named sets of fields; a node joins one with `group:`.', values: inheritable },
      },
    },
    addressing: {
      kind: 'map',
      doc: 'Automatic addressing: endpoints without addresses get them from pools; explicit addresses are respected and never handed out twice.',
      fields: {
        auto: { kind: 'boolean', doc: 'Give addresses to endpoints that have none. Off by default for containerlab files (`*.clab.yml`), which set addresses themselves.', default: true },
        ipv6: { kind: 'boolean', doc: 'Give IPv6 /64s too (on by itself when any endpoint has an IPv6 address).', default: false },
        p2p: pool('Pools for links between two nodes.', '10.255.0.0/16', 'fd00:ffff::/48', 30),
        lan: pool('Pools for LANs (a bridge and the nodes on it). A LAN with more members than the prefix holds gets a larger subnet (1000 hosts: a /22), unless prefix is written here.', '10.0.0.0/16', 'fd00::/48', 24),
      },
    },
    routing,
    userns: {
      kind: 'map',
      doc: 'The ids the lab’s user namespace maps: uid/gid 0–65535 in its sandboxed nodes are `uid`…`uid`+65535 and `gid`…`gid`+65535 on the machine. Without it nslab takes a free range (root’s in /etc/subuid and /etc/subgid, else from 0x70000000). No two labs may overlap.',
      required: ['uid', 'gid'],
      fields: {
        uid: { kind: 'integer', min: 65536, max: 4294901759, doc: 'First uid on the machine (at least 65536: below it are the machine’s own users).', example: '200000' },
        gid: { kind: 'integer', min: 65536, max: 4294901759, doc: 'First gid on the machine.', example: '200000' },
      },
    },
    uplink: {
      kind: 'map',
      doc: 'A cable from a lab node to this machine (the root namespace), so the lab can reach what the machine reaches.',
      required: ['node'],
      fields: {
        node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The lab node at the lab end (a router, usually).' },
        interface: { kind: 'string', format: 'interface', doc: 'Its interface name in the node.', default: 'uplink' },
        'host-interface': { kind: 'string', format: 'interface', doc: 'The interface name on the machine (at most 15 bytes); `<lab>-up` if it fits, else `nslab<N>`.' },
        ipv4: { kind: 'string', format: 'ipv4-cidr', doc: 'The machine’s address on the cable; the node gets the next one.', default: '100.64.0.1/30', example: '100.64.0.1/30' },
        nat: { kind: 'string', enum: ['host', 'none'], doc: '`host`: the machine masquerades the lab’s traffic (its own nf_tables table, removed by `down`).', default: 'none' },
        ports: { kind: 'list', doc: 'Port forwards on the machine: `PORT:NODE:PORT[/tcp|udp]`.', items: { kind: 'string', format: 'port-forward', doc: 'A forward.', example: '8080:h1:80/tcp' } },
      },
    },
    expect: {
      kind: 'list',
      doc: 'What `nslab check` must find: who reaches whom (ICMP, or a TCP/UDP port). `check` exits non-zero when one fails.',
      items: {
        kind: 'map',
        doc: 'One expectation; give `reach` or `not-reach`.',
        required: ['from'],
        fields: {
          from: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node it is checked from.' },
          reach: { kind: 'string', format: 'target', doc: 'A node (any of its addresses), `node:interface`, or an address that must answer.', example: 'h2' },
          'not-reach': { kind: 'string', format: 'target', doc: 'A target that must not answer.', example: 'srv' },
          port: { kind: 'string', format: 'port', doc: 'Check this port instead of ping: `22/tcp`, `53/udp`.', example: '22/tcp' },
        },
      },
    },
  },
  ignored: ['mgmt', 'prefix', 'settings'],
};

import type { MapSpec, OneOfSpec, Spec, StringSpec } from './spec-types.js';

/** A node's fields in the topology format (./spec.ts): what a node, a group, a kind and `defaults` may say. */

export const NAME = '^[A-Za-z0-9][A-Za-z0-9_-]*$';

export const cidr4: StringSpec = { kind: 'string', format: 'ipv4-cidr', doc: 'An IPv4 address with its prefix length.', example: '10.0.1.1/24' };
export const cidr6: StringSpec = { kind: 'string', format: 'ipv6-cidr', doc: 'An IPv6 address with its prefix length.', example: 'fd00:1::1/64' };
export const oneOrList = (s: StringSpec, doc: string): OneOfSpec => ({ kind: 'oneOf', doc, options: [s, { kind: 'list', doc: s.doc, items: s }] });

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

export const routing: StringSpec = {
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
  host: {
    kind: 'string',
    pattern: NAME,
    doc: 'Multi-host labs (`nslab up --etcd`): the machine (its agent’s `--host` name) that holds this node. Unset, nslab places it, keeping a LAN’s members together. Ignored by a lab on one machine.',
    example: 'm1',
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

export const nodeSpec: MapSpec = { kind: 'map', doc: 'A node.', fields: nodeFields, ignored: IGNORED_NODE_FIELDS };
export const inheritable: MapSpec = {
  kind: 'map',
  doc: 'Node fields inherited by the nodes it applies to (node → group → kind → defaults: the nearest wins).',
  fields: Object.fromEntries(Object.entries(nodeFields).filter(([k]) => k !== 'group')),
  ignored: IGNORED_NODE_FIELDS,
};
export const perKind: MapSpec = {
  ...inheritable,
  fields: Object.fromEntries(Object.entries(nodeFields).filter(([k]) => k !== 'group' && k !== 'kind')),
};

/** Link impairments (tc): on a link they shape both directions, on an endpoint what leaves it. */

/**
 * The topology format described as data. One description feeds three
 * readers, so they cannot disagree: the shape checker (./shape.ts), the JSON
 * Schema editors use (./schema-json.ts), and the reference (docs/topology.md).
 * Meaning that needs code (addresses, references between fields) lives in
 * ./load.ts; `format` names it here so the reference can explain it.
 */
import { NAME, cidr4, cidr6, inheritable, nodeSpec, oneOrList, perKind, routing } from './spec-node.js';
import type { MapSpec, OneOfSpec, Spec } from './spec-types.js';

export type * from './spec-types.js';
export { IGNORED_NODE_FIELDS } from './spec-node.js';

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
    limits: {
      kind: 'map',
      doc: 'Limits for the whole lab, over every node together (the lab cgroup): a class machine shared by many labs keeps its memory and process table.',
      fields: {
        memory: { ...nodeSpec.fields.memory, doc: 'Memory of all the lab’s processes together, swap included.' } as Spec,
        cpu: { ...nodeSpec.fields.cpu, doc: 'CPU time of all the lab’s processes together, in cores.' } as Spec,
        pids: { ...nodeSpec.fields.pids, doc: 'Processes and threads of the whole lab at once; `unlimited` is the default.' } as Spec,
      },
    },
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
      doc: 'What `nslab check` (and `nslab grade`) must find: who reaches whom (ICMP, or a TCP/UDP port), or a fact about one node read from the kernel: a route, an address, a sysctl, a capability, a system call its seccomp filter denies, a command’s exit code and output. `check` exits non-zero when one fails, naming its line.',
      items: {
        kind: 'map',
        doc: 'One expectation: `from` with `reach` or `not-reach`, or one of `route`, `address`, `sysctl`, `capability`, `syscall`, `command`.',
        fields: {
          from: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node it is checked from.' },
          reach: { kind: 'string', format: 'target', doc: 'A node (any of its addresses), `node:interface`, or an address that must answer.', example: 'h2' },
          'not-reach': { kind: 'string', format: 'target', doc: 'A target that must not answer.', example: 'srv' },
          port: { kind: 'string', format: 'port', doc: 'Check this port instead of ping: `22/tcp`, `53/udp`.', example: '22/tcp' },
          wait: { kind: 'string', format: 'time', doc: 'Retry until it holds, for at most this long (routing daemons converging); at most 600s.', example: '30s' },
          route: {
            kind: 'map',
            doc: 'The node has this route in its main table (`ip route show`), or, with `absent: true`, has none matching.',
            required: ['node', 'dst'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              dst: { kind: 'string', format: 'route-dst', doc: '`default` or a prefix.', example: '10.0.2.0/24' },
              via: { kind: 'string', format: 'ip', doc: 'The gateway it must use.', example: '10.0.1.254' },
              dev: { kind: 'string', format: 'interface', doc: 'The interface it must leave by.', example: 'eth0' },
              absent: { kind: 'boolean', doc: 'The route must not be there.', default: false },
            },
          },
          address: {
            kind: 'map',
            doc: 'The node’s interface has this address (`ip addr show dev DEV`), or, with `absent: true`, does not.',
            required: ['node', 'dev', 'cidr'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              dev: { kind: 'string', format: 'interface', doc: 'The interface.', example: 'eth0' },
              cidr: { kind: 'string', format: 'cidr', doc: 'The address with its prefix length.', example: '10.0.1.1/24' },
              absent: { kind: 'boolean', doc: 'The address must not be there.', default: false },
            },
          },
          sysctl: {
            kind: 'map',
            doc: 'A sysctl read inside the node (`sysctl KEY`) has this value; blanks compare as one space.',
            required: ['node', 'key', 'value'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              key: { kind: 'string', format: 'sysctl', doc: 'The key as sysctl(8) writes it.', example: 'net.ipv4.ip_forward' },
              value: { kind: 'oneOf', doc: 'The value.', options: [{ kind: 'string', doc: 'As text.', example: '1' }, { kind: 'integer', min: -9007199254740991, max: 9007199254740991, doc: 'A number.' }] },
            },
          },
          capability: {
            kind: 'map',
            doc: 'A command run in the node (as `nslab exec` runs it) has the capability in its effective set (`has`), or can never gain it: not in its permitted or bounding set (`lacks`).',
            required: ['node'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              has: { kind: 'string', format: 'capability', doc: 'A capability it must hold.', example: 'NET_ADMIN' },
              lacks: { kind: 'string', format: 'capability', doc: 'A capability it must not be able to use.', example: 'NET_RAW' },
            },
          },
          syscall: {
            kind: 'map',
            doc: 'The node’s own seccomp program, run by nslab’s BPF interpreter for this machine’s architecture, denies the system call (any action but allow and log), or with `denied: false` allows it.',
            required: ['node', 'name'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              name: { kind: 'string', format: 'syscall', doc: 'The system call.', example: 'mount' },
              args: { kind: 'list', doc: 'Its arguments (missing ones are 0), for filters that look at them.', items: { kind: 'integer', min: 0, max: 9007199254740991, doc: 'An argument.' }, example: '[0x10000000]' },
              denied: { kind: 'boolean', doc: 'Whether the filter must deny it.', default: true },
            },
          },
          command: {
            kind: 'map',
            doc: 'A shell command run in the node as `nslab exec NODE -- sh -c RUN` runs it (30 s at most) exits with `exit`, and its output (stdout and stderr) matches `output-matches`.',
            required: ['node', 'run'],
            fields: {
              node: { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' },
              run: { kind: 'string', doc: 'The command (`/bin/sh -c`).', example: 'ip -br link' },
              exit: { kind: 'integer', min: 0, max: 255, doc: 'The exit code it must end with.', default: 0 },
              'output-matches': { kind: 'string', format: 'regexp', doc: 'A JavaScript regular expression (multi-line) its output must match.', example: 'eth0\\s+UP' },
            },
          },
        },
      },
    },
  },
  ignored: ['mgmt', 'prefix', 'settings'],
};

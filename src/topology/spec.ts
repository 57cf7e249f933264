/**
 * The topology format described as data. One description feeds three
 * readers, so they cannot disagree: the shape checker (./shape.ts), the JSON
 * Schema editors use (./schema-json.ts), and the reference (docs/topology.md).
 * Meaning that needs code (addresses, references between fields) lives in
 * ./load.ts; `format` names it here so the reference can explain it.
 */
import { NAME, cidr4, cidr6, inheritable, nodeSpec, oneOrList, perKind, routing } from './spec-node.js';
import { expectSpec } from './spec-expect.js';
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
    expect: expectSpec,
  },
  ignored: ['mgmt', 'prefix', 'settings'],
};

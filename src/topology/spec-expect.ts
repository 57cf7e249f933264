/** The `expect:` list of a topology (and of a teacher's file for `nslab grade`), as data: see ./spec.ts. */
import { NAME } from './spec-node.js';
import type { ListSpec, StringSpec } from './spec-types.js';

/** The node a fact is read on. */
const onNode: StringSpec = { kind: 'string', pattern: NAME, format: 'node', doc: 'The node.' };

export const expectSpec: ListSpec = {
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
          node: onNode,
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
          node: onNode,
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
          node: onNode,
          key: { kind: 'string', format: 'sysctl', doc: 'The key as sysctl(8) writes it.', example: 'net.ipv4.ip_forward' },
          value: { kind: 'oneOf', doc: 'The value.', options: [{ kind: 'string', doc: 'As text.', example: '1' }, { kind: 'integer', min: -9007199254740991, max: 9007199254740991, doc: 'A number.' }] },
        },
      },
      capability: {
        kind: 'map',
        doc: 'A command run in the node (as `nslab exec` runs it) has the capability in its effective set (`has`), or can never gain it: not in its permitted or bounding set (`lacks`).',
        required: ['node'],
        fields: {
          node: onNode,
          has: { kind: 'string', format: 'capability', doc: 'A capability it must hold.', example: 'NET_ADMIN' },
          lacks: { kind: 'string', format: 'capability', doc: 'A capability it must not be able to use.', example: 'NET_RAW' },
        },
      },
      syscall: {
        kind: 'map',
        doc: 'The node’s own seccomp program, run by nslab’s BPF interpreter for this machine’s architecture, denies the system call (any action but allow and log), or with `denied: false` allows it.',
        required: ['node', 'name'],
        fields: {
          node: onNode,
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
          node: onNode,
          run: { kind: 'string', doc: 'The command (`/bin/sh -c`).', example: 'ip -br link' },
          exit: { kind: 'integer', min: 0, max: 255, doc: 'The exit code it must end with.', default: 0 },
          'output-matches': { kind: 'string', format: 'regexp', doc: 'A JavaScript regular expression (multi-line) its output must match.', example: 'eth0\\s+UP' },
        },
      },
    },
  },
};

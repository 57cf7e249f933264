import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CAP,
  CAP_NAMES,
  DEFAULT_NODE_CAPS,
  UnknownCapabilityError,
  capMask,
  capsFromMask,
  closestCapName,
  formatCapList,
  formatCapText,
  formatMask,
  parseCapName,
  parseStatusCaps,
  resolveCapabilities,
  type CapName,
} from '../../src/sys/caps/index.js';

describe('capability constants', () => {
  it('match every CAP_* define in linux/capability.h', () => {
    const header = readFileSync('/usr/include/linux/capability.h', 'utf8');
    const defined = new Map<string, number>();
    for (const m of header.matchAll(/^#define\s+(CAP_[A-Z_]+)\s+(\d+)\s*$/gm)) defined.set(m[1]!, Number(m[2]));
    expect(defined.size).toBeGreaterThanOrEqual(41);
    expect(Object.fromEntries(defined)).toEqual(CAP);
  });

  it('lists names in kernel number order from CAP_CHOWN to CAP_CHECKPOINT_RESTORE', () => {
    expect(CAP_NAMES[0]).toBe('CAP_CHOWN');
    expect(CAP_NAMES.at(-1)).toBe('CAP_CHECKPOINT_RESTORE');
    expect(CAP_NAMES.map((n) => CAP[n])).toEqual([...Array(41).keys()]);
  });
});

describe('parseCapName()', () => {
  it.each([
    ['NET_ADMIN', 'CAP_NET_ADMIN'],
    ['CAP_NET_ADMIN', 'CAP_NET_ADMIN'],
    ['net_admin', 'CAP_NET_ADMIN'],
    ['cap_net_raw', 'CAP_NET_RAW'],
    [' Sys_Admin ', 'CAP_SYS_ADMIN'],
    ['checkpoint_restore', 'CAP_CHECKPOINT_RESTORE'],
  ])('reads %j as %s', (input, name) => {
    expect(parseCapName(input)).toBe(name);
  });

  it('rejects an unknown name and suggests the nearest one', () => {
    const err = (() => {
      try {
        parseCapName('NET_AMDIN', { field: 'cap-add', index: 2 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(UnknownCapabilityError);
    const e = err as UnknownCapabilityError;
    expect(e.suggestion).toBe('CAP_NET_ADMIN');
    expect(e.message).toBe('unknown capability "NET_AMDIN" in cap-add[2]; did you mean "NET_ADMIN"?');
    expect(e.field).toBe('cap-add');
    expect(e.index).toBe(2);
  });

  it('does not suggest a name for something unlike any capability', () => {
    expect(() => parseCapName('superpowers')).toThrow('unknown capability "superpowers"; see capabilities(7) for the names');
    expect(closestCapName('superpowers')).toBeUndefined();
  });

  it('suggests across the CAP_ prefix and case', () => {
    expect(closestCapName('cap_sys_admn')).toBe('CAP_SYS_ADMIN');
    expect(closestCapName('NETRAW')).toBe('CAP_NET_RAW');
    expect(closestCapName('chwn')).toBe('CAP_CHOWN');
  });

  it('does not take ALL as a capability name', () => {
    expect(() => parseCapName('ALL')).toThrow(UnknownCapabilityError);
  });
});

describe('resolveCapabilities() with Docker rules', () => {
  const base = new Set<CapName>(['CAP_CHOWN', 'CAP_NET_RAW', 'CAP_KILL']);

  it('returns the base when nothing changes', () => {
    expect(resolveCapabilities(base, {})).toEqual(base);
  });

  it('drops from the base, then adds', () => {
    expect(resolveCapabilities(base, { add: ['net_admin'], drop: ['KILL'] })).toEqual(
      new Set(['CAP_CHOWN', 'CAP_NET_RAW', 'CAP_NET_ADMIN']),
    );
  });

  it('lets an add win over a drop of the same capability', () => {
    expect(resolveCapabilities(base, { add: ['KILL'], drop: ['CAP_KILL'] })).toEqual(base);
  });

  it('with ALL in cap-add grants everything available except the drops', () => {
    const all = new Set<CapName>(['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_ADMIN', 'CAP_SYS_ADMIN']);
    expect(resolveCapabilities(base, { add: ['all'], drop: ['SYS_ADMIN'] }, all)).toEqual(
      new Set(['CAP_CHOWN', 'CAP_KILL', 'CAP_NET_ADMIN']),
    );
  });

  it('with ALL in cap-drop keeps only the adds', () => {
    expect(resolveCapabilities(base, { add: ['NET_ADMIN'], drop: ['ALL'] })).toEqual(new Set(['CAP_NET_ADMIN']));
    expect(resolveCapabilities(base, { drop: ['ALL'] }).size).toBe(0);
  });

  it('names the list and position of an unknown entry', () => {
    expect(() => resolveCapabilities(base, { add: ['NET_ADMIN'], drop: ['KILL', 'NET_RAWW'] })).toThrow(
      'unknown capability "NET_RAWW" in cap-drop[1]; did you mean "NET_RAW"?',
    );
  });
});

describe('masks and text', () => {
  it('encodes bit n for capability n, as /proc/PID/status does', () => {
    expect(capMask(new Set<CapName>(['CAP_NET_ADMIN', 'CAP_NET_RAW']))).toBe(0x3000n);
    expect(capMask(new Set<CapName>(['CAP_CHECKPOINT_RESTORE']))).toBe(1n << 40n);
    expect(formatMask(capMask(new Set(CAP_NAMES)))).toBe('000001ffffffffff');
  });

  it('decodes a mask back to the same names', () => {
    for (const n of CAP_NAMES) expect(capsFromMask(1n << BigInt(CAP[n]))).toEqual(new Set([n]));
    expect(capsFromMask(capMask(DEFAULT_NODE_CAPS))).toEqual(DEFAULT_NODE_CAPS);
  });

  it('prints the list as capsh --decode does: lower case, kernel order', () => {
    // capsh --decode=0x3401 prints 0x0000000000003401=cap_chown,cap_net_bind_service,cap_net_admin,cap_net_raw
    expect(formatCapList(new Set<CapName>(['CAP_NET_RAW', 'CAP_CHOWN', 'CAP_NET_ADMIN', 'CAP_NET_BIND_SERVICE']))).toBe(
      'cap_chown,cap_net_bind_service,cap_net_admin,cap_net_raw',
    );
  });

  it('prints cap_to_text(3) forms, with the empty and the full set abbreviated', () => {
    expect(formatCapText(new Set<CapName>(['CAP_NET_ADMIN']))).toBe('cap_net_admin=eip');
    expect(formatCapText(new Set<CapName>(['CAP_NET_RAW', 'CAP_NET_ADMIN']), 'ep')).toBe('cap_net_admin,cap_net_raw=ep');
    expect(formatCapText(new Set())).toBe('=');
    expect(formatCapText(new Set(CAP_NAMES))).toBe('=eip');
  });

  it('reads the Cap lines of a /proc status text', () => {
    const status = 'Name:\tcat\nCapInh:\t0000000000003000\nCapPrm:\t0000000000003001\nCapEff:\t0000000000000001\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000002000\n';
    expect(parseStatusCaps(status)).toEqual({
      inheritable: 0x3000n,
      permitted: 0x3001n,
      effective: 1n,
      bounding: 0x1ffffffffffn,
      ambient: 0x2000n,
    });
    expect(() => parseStatusCaps('Name:\tcat\n')).toThrow('no CapInh line');
  });
});

describe('DEFAULT_NODE_CAPS', () => {
  it('grants what network work needs', () => {
    for (const c of ['CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_NET_BIND_SERVICE', 'CAP_SETUID', 'CAP_SETGID'] as const) {
      expect(DEFAULT_NODE_CAPS.has(c)).toBe(true);
    }
  });

  it('withholds what lets a node reach beyond itself', () => {
    const escapes: CapName[] = [
      'CAP_SYS_ADMIN',
      'CAP_SYS_MODULE',
      'CAP_SYS_PTRACE',
      'CAP_SYS_RAWIO',
      'CAP_SYS_BOOT',
      'CAP_SYS_TIME',
      'CAP_BPF',
      'CAP_PERFMON',
      'CAP_MKNOD',
      'CAP_SETFCAP',
      'CAP_KILL',
      'CAP_DAC_READ_SEARCH',
      'CAP_MAC_ADMIN',
      'CAP_MAC_OVERRIDE',
      'CAP_LINUX_IMMUTABLE',
      'CAP_SYS_RESOURCE',
    ];
    for (const c of escapes) expect(DEFAULT_NODE_CAPS.has(c), c).toBe(false);
  });

  it('is justified, capability by capability, in its doc comment', () => {
    const src = readFileSync(new URL('../../src/sys/caps/default.ts', import.meta.url), 'utf8');
    const doc = src.slice(0, src.indexOf('export const DEFAULT_NODE_CAPS'));
    for (const c of DEFAULT_NODE_CAPS) expect(doc, c).toContain(c.slice(4));
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as C from '../../src/nft/constants.js';

/*
 * Every constant in src/nft/constants.ts, checked against the UAPI headers
 * installed here by compiling a C program that prints them. Values the
 * headers are too old to have (marked "newer kernels" in constants.ts) are
 * left out; the rest must all be present and equal.
 */

/** Names from kernels newer than Debian 12's linux-libc-dev 6.1. */
const NEWER = new Set(['NFT_MSG_GETRULE_RESET', 'NFT_MSG_DESTROYTABLE', 'NFT_MSG_DESTROYCHAIN', 'NFT_MSG_DESTROYRULE', 'NFT_TABLE_F_PERSIST']);

/** Constants whose TypeScript name is not the C name: the C expression for them. */
const C_EXPR: Readonly<Record<string, string>> = {
  NFGENMSG_LEN: 'sizeof(struct nfgenmsg)',
  ESTABLISHED: 'NF_CT_STATE_BIT(IP_CT_ESTABLISHED)',
  RELATED: 'NF_CT_STATE_BIT(IP_CT_RELATED)',
  NEW: 'NF_CT_STATE_BIT(IP_CT_NEW)',
  NF_CT_STATE_INVALID_BIT: 'NF_CT_STATE_INVALID_BIT',
};

function entries(): [name: string, value: number][] {
  const out: [string, number][] = [];
  for (const [k, v] of Object.entries(C)) {
    if (typeof v === 'number') out.push([k, v]);
    else if (v && typeof v === 'object') for (const [k2, v2] of Object.entries(v)) if (typeof v2 === 'number') out.push([k2, v2]);
  }
  return out.filter(([name]) => !NEWER.has(name));
}

const HEADERS = ['/usr/include/linux/netfilter/nf_tables.h', '/usr/include/linux/netfilter/nfnetlink.h'];
const haveCc = spawnSync('gcc', ['--version']).status === 0 && HEADERS.every((h) => existsSync(h));

describe('nf_tables constants', () => {
  it.skipIf(!haveCc)('equal the kernel headers (gcc and linux-libc-dev)', () => {
    const list = entries();
    expect(list.length).toBeGreaterThan(150);
    const src = [
      '#include <stdio.h>',
      '#include <net/if.h>',
      '#include <linux/netlink.h>',
      '#include <linux/netfilter.h>',
      '#include <linux/in.h>',
      '#include <linux/in6.h>',
      '#include <linux/netfilter/nfnetlink.h>',
      '#include <linux/netfilter/nf_tables.h>',
      '#include <linux/netfilter/nf_conntrack_common.h>',
      '#include <linux/netfilter/nf_nat.h>',
      '#include <linux/rtnetlink.h>',
      'int main(void) {',
      ...list.map(([name]) => `  printf("%s %ld\\n", "${name}", (long)(${C_EXPR[name] ?? name}));`),
      '  return 0;',
      '}',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'nftconst-'));
    try {
      writeFileSync(join(dir, 'c.c'), src);
      execFileSync('gcc', ['-o', join(dir, 'c'), join(dir, 'c.c')], { stdio: 'pipe' });
      const printed = execFileSync(join(dir, 'c'), { encoding: 'utf8' });
      const fromC = new Map(printed.trim().split('\n').map((l) => {
        const [n, v] = l.split(' ');
        return [n ?? '', Number(v)] as const;
      }));
      const mismatches = list.filter(([name, v]) => fromC.get(name) !== v).map(([name, v]) => `${name}: ts ${v}, C ${fromC.get(name)}`);
      expect(mismatches).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

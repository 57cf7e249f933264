import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { ARCHES, type ArchName } from '../../src/sys/seccomp/arch.js';
import { decodeProgram, type SockFilter } from '../../src/bpf/insn.js';
import { actionValue, type Action, type ArgCmp } from '../../src/sys/seccomp/policy.js';

/**
 * libseccomp (Debian's libseccomp2, the library runc and Docker build their
 * filters with) reached through koffi, to build reference programs and
 * resolve system call names. `libseccomp` is undefined where the library is
 * not installed; tests skip with that reason.
 */

const SCMP_CMP_VALUE: Record<ArgCmp['op'], number> = {
  SCMP_CMP_NE: 1,
  SCMP_CMP_LT: 2,
  SCMP_CMP_LE: 3,
  SCMP_CMP_EQ: 4,
  SCMP_CMP_GE: 5,
  SCMP_CMP_GT: 6,
  SCMP_CMP_MASKED_EQ: 7,
};
const SCMP_FLTATR_ACT_BADARCH = 2;

function load() {
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load('libseccomp.so.2');
  } catch {
    return undefined;
  }
  const ScmpArgCmp = koffi.struct({ arg: 'uint32_t', op: 'uint32_t', datum_a: 'uint64_t', datum_b: 'uint64_t' });
  const f = {
    init: lib.func('void *seccomp_init(uint32_t def_action)'),
    archAdd: lib.func('int seccomp_arch_add(void *ctx, uint32_t arch)'),
    archRemove: lib.func('int seccomp_arch_remove(void *ctx, uint32_t arch)'),
    attrSet: lib.func('int seccomp_attr_set(void *ctx, int attr, uint32_t value)'),
    ruleAdd: lib.func('int seccomp_rule_add_array(void *ctx, uint32_t action, int syscall, unsigned int n, const void *args)'),
    exportBpf: lib.func('int seccomp_export_bpf(void *ctx, int fd)'),
    release: lib.func('void seccomp_release(void *ctx)'),
    resolveNative: lib.func('int seccomp_syscall_resolve_name(const char *name)'),
    resolveArch: lib.func('int seccomp_syscall_resolve_name_arch(uint32_t arch, const char *name)'),
    resolveNum: lib.func('const char *seccomp_syscall_resolve_num_arch(uint32_t arch, int num)'),
    nativeArch: lib.func('uint32_t seccomp_arch_native()'),
  };

  return {
    /** libseccomp's number for name on arch, or undefined (also for multiplexed pseudo-numbers). */
    resolve(arch: ArchName, name: string): number | undefined {
      const n = f.resolveArch(ARCHES[arch].auditArch, name);
      return n >= 0 ? n : undefined;
    },
    /** libseccomp's name for nr on arch. */
    nameOf(arch: ArchName, nr: number): string | undefined {
      return f.resolveNum(ARCHES[arch].auditArch, nr) ?? undefined;
    },
    /**
     * A filter built by libseccomp for the given arches; bad architectures
     * are killed (KILL_PROCESS). Each rule: action for name when all args hold.
     */
    build(defaultAction: Action, arches: readonly ArchName[], rules: readonly { name: string; action: Action; args?: readonly ArgCmp[] }[]): SockFilter[] {
      const ctx = f.init(actionValue(defaultAction));
      if (!ctx) throw new Error('seccomp_init failed');
      const dir = mkdtempSync(join(tmpdir(), 'nslab-libseccomp-'));
      try {
        const check = (rc: number, what: string): void => {
          if (rc !== 0) throw new Error(`libseccomp ${what}: ${rc}`);
        };
        check(f.attrSet(ctx, SCMP_FLTATR_ACT_BADARCH, 0x80000000), 'seccomp_attr_set(BADARCH)');
        const native = f.nativeArch();
        for (const a of arches) if (ARCHES[a].auditArch !== native) check(f.archAdd(ctx, ARCHES[a].auditArch), `seccomp_arch_add(${a})`);
        if (!arches.some((a) => ARCHES[a].auditArch === native)) check(f.archRemove(ctx, native), 'seccomp_arch_remove(native)');
        for (const r of rules) {
          // Rules take native numbers; libseccomp maps them to each arch by name.
          const nr = f.resolveNative(r.name);
          const args = r.args ?? [];
          const buf = Buffer.alloc(24 * Math.max(args.length, 1));
          args.forEach((c, i) =>
            koffi.encode(buf, i * 24, ScmpArgCmp, { arg: c.index, op: SCMP_CMP_VALUE[c.op], datum_a: c.value, datum_b: c.valueTwo ?? 0n }),
          );
          check(f.ruleAdd(ctx, actionValue(r.action), nr, args.length, args.length ? buf : null), `seccomp_rule_add(${r.name})`);
        }
        const path = join(dir, 'filter.bpf');
        const fd = openSync(path, 'w+');
        try {
          check(f.exportBpf(ctx, fd), 'seccomp_export_bpf');
        } finally {
          closeSync(fd);
        }
        return decodeProgram(new Uint8Array(readFileSync(path)));
      } finally {
        f.release(ctx);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export const libseccomp = load();

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Assembler, NEXT } from '../../src/bpf/assembler.js';
import { BPF_ALU_OP, BPF_CLASS, BPF_JMP_OP, BPF_MISCOP, BPF_MODE, BPF_SIZE, BPF_SRC, BPF_A, decodeProgram, encodeProgram, type SockFilter } from '../../src/bpf/insn.js';
import { AUDIT_ARCH, SECCOMP_DATA, SECCOMP_RET } from '../../src/sys/seccomp/constants.js';
import { checkSeccompFilter, runFilter } from '../../src/sys/seccomp/interpret.js';
import { expectSameBytes, fromHex } from '../helpers/hex.js';

const golden = JSON.parse(readFileSync(new URL('../fixtures/seccomp/bpf-macros.json', import.meta.url), 'utf8')) as {
  command: string;
  sizeof_sock_filter: number;
  programs: Record<string, string>;
};

const { BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_RET, BPF_MISC } = BPF_CLASS;
const { BPF_W } = BPF_SIZE;
const { BPF_IMM, BPF_ABS, BPF_MEM, BPF_LEN } = BPF_MODE;
const { BPF_K, BPF_X } = BPF_SRC;
const JA = BPF_JMP | BPF_JMP_OP.BPF_JA;

describe('encodeProgram() against the kernel macros (capture.c)', () => {
  it('lays out struct sock_filter as the C compiler does: 8 bytes, host order', () => {
    expect(golden.sizeof_sock_filter).toBe(8);
    const a = new Assembler();
    a.ld(SECCOMP_DATA.arch).jeq(AUDIT_ARCH.AUDIT_ARCH_X86_64, 'native').ret(SECCOMP_RET.SECCOMP_RET_KILL_PROCESS);
    a.label('native').ld(SECCOMP_DATA.nr).jeq(39, NEXT, 'allow').ret(SECCOMP_RET.SECCOMP_RET_ERRNO | 1);
    a.label('allow').ret(SECCOMP_RET.SECCOMP_RET_ALLOW);
    expectSameBytes(encodeProgram(a.assemble()), fromHex(golden.programs.arch_check ?? ''), 'arch_check');
  });

  it('encodes every instruction kind seccomp accepts with the kernel opcode values', () => {
    const a = new Assembler();
    a.stmt(BPF_LD | BPF_W | BPF_LEN, 0).stmt(BPF_LDX | BPF_W | BPF_LEN, 0);
    a.stmt(BPF_LD | BPF_IMM, 0x12345678).stmt(BPF_LDX | BPF_IMM, 3);
    a.stmt(BPF_ST, 0).stmt(BPF_STX, 15).stmt(BPF_LD | BPF_MEM, 0).stmt(BPF_LDX | BPF_MEM, 15);
    a.stmt(BPF_ALU | BPF_ALU_OP.BPF_ADD | BPF_K, 1).stmt(BPF_ALU | BPF_ALU_OP.BPF_SUB | BPF_X, 0);
    a.stmt(BPF_ALU | BPF_ALU_OP.BPF_MUL | BPF_K, 2).stmt(BPF_ALU | BPF_ALU_OP.BPF_DIV | BPF_X, 0);
    a.and(0xff00ff00).stmt(BPF_ALU | BPF_ALU_OP.BPF_OR | BPF_K, 1).stmt(BPF_ALU | BPF_ALU_OP.BPF_XOR | BPF_X, 0);
    a.stmt(BPF_ALU | BPF_ALU_OP.BPF_LSH | BPF_K, 4).stmt(BPF_ALU | BPF_ALU_OP.BPF_RSH | BPF_K, 8).stmt(BPF_ALU | BPF_ALU_OP.BPF_NEG, 0);
    a.stmt(BPF_MISC | BPF_MISCOP.BPF_TAX, 0).stmt(BPF_MISC | BPF_MISCOP.BPF_TXA, 0);
    a.ja('jset').ret(SECCOMP_RET.SECCOMP_RET_KILL_THREAD);
    a.label('jset').jset(0x80, NEXT, 'jge');
    a.jump(BPF_JMP | BPF_JMP_OP.BPF_JGT | BPF_X, 0, 'ret', NEXT);
    a.label('jge').jge(0x40000000, 'ret', 'ret');
    a.label('ret').retA();
    expectSameBytes(encodeProgram(a.assemble()), fromHex(golden.programs.every_kind ?? ''), 'every_kind');
  });

  it('decodeProgram() reads back what encodeProgram() wrote', () => {
    const bytes = fromHex(golden.programs.every_kind ?? '');
    expect(encodeProgram(decodeProgram(bytes))).toEqual(bytes);
    expect(() => decodeProgram(bytes.subarray(0, 12))).toThrow(RangeError);
  });

  it('refuses instructions whose fields do not fit struct sock_filter', () => {
    expect(() => encodeProgram([{ code: 0x10000, jt: 0, jf: 0, k: 0 }])).toThrow(/instruction 0/);
    expect(() => encodeProgram([{ code: 6, jt: 256, jf: 0, k: 0 }])).toThrow(RangeError);
    expect(() => encodeProgram([{ code: 6, jt: 0, jf: 0, k: -1 }])).toThrow(RangeError);
  });
});

describe('Assembler labels', () => {
  it('resolves labels into offsets counted from the next instruction', () => {
    const a = new Assembler();
    a.ld(0).jeq(1, 'one', 'two').label('one').ret(1).label('two').ret(2);
    const p = a.assemble();
    expect(p[1]).toEqual({ code: BPF_JMP | BPF_JMP_OP.BPF_JEQ | BPF_K, jt: 0, jf: 1, k: 1 });
    expect(runFilter(p, { nr: 1, arch: 0 })).toBe(1);
    expect(runFilter(p, { nr: 7, arch: 0 })).toBe(2);
  });

  it('NEXT means the instruction that follows the jump', () => {
    const p = new Assembler().ld(0).jeq(5, NEXT, 'no').ret(55).label('no').ret(0).assemble();
    expect(p[1]).toMatchObject({ jt: 0, jf: 1 });
  });

  it('refuses undefined, duplicate and backward labels, and empty programs', () => {
    expect(() => new Assembler().jeq(1, 'nowhere').ret(0).assemble()).toThrow(/undefined label "nowhere"/);
    expect(() => new Assembler().label('x').label('x')).toThrow(/defined twice/);
    expect(() => new Assembler().label('top').ld(0).jeq(1, 'top').ret(0).assemble()).toThrow(/backwards/);
    expect(() => new Assembler().assemble()).toThrow(/at least one instruction/);
    expect(() => new Assembler().ld(0).ja('end').ret(0).label('end').assemble()).toThrow(/not followed by any instruction/);
    expect(() => new Assembler().stmt(JA, 0)).toThrow(/use jump\(\) or ja\(\)/);
    expect(() => new Assembler().jump(JA, 0, 'x')).toThrow(/not a conditional jump/);
  });

  it('refuses programs longer than BPF_MAXINSNS', () => {
    const a = new Assembler();
    for (let i = 0; i < 4096; i++) a.ld(0);
    a.ret(0);
    expect(() => a.assemble()).toThrow(/4097 instructions; the kernel takes at most 4096/);
  });
});

describe('Assembler long jumps', () => {
  /** A jeq whose true branch lies `gap` instructions ahead. */
  function farJump(gap: number, both = false): SockFilter[] {
    const a = new Assembler();
    a.ld(SECCOMP_DATA.nr).jeq(7, 'far', both ? 'far2' : NEXT);
    a.ret(100); // near: nr != 7
    for (let i = 0; i < gap; i++) a.ld(SECCOMP_DATA.arch);
    a.ret(101);
    a.label('far').ret(200);
    if (both) {
      for (let i = 0; i < gap; i++) a.ld(SECCOMP_DATA.arch);
      a.label('far2').ret(300);
    }
    return a.assemble();
  }

  it('keeps an 8-bit jump when the target is exactly 255 ahead', () => {
    const p = farJump(253); // jt skips: ret 100, 253 loads, ret 101 = 255
    expect(p[1]).toMatchObject({ jt: 255, jf: 0 });
    expect(p.some((i) => i.code === JA)).toBe(false);
    expect(runFilter(p, { nr: 7, arch: 0 })).toBe(200);
  });

  it('routes a jump 256 ahead through a BPF_JA placed right after it', () => {
    const p = farJump(254);
    expect(p[1]).toMatchObject({ jt: 0, jf: 1 }); // jt → the JA, jf skips it
    expect(p[2]).toMatchObject({ code: JA, k: 256 });
    checkSeccompFilter(p);
    expect(runFilter(p, { nr: 7, arch: 0 })).toBe(200);
    expect(runFilter(p, { nr: 8, arch: 0 })).toBe(100);
  });

  it('gives each far branch its own BPF_JA when both are out of reach', () => {
    const p = farJump(400, true);
    expect(p[1]).toMatchObject({ jt: 0, jf: 1 });
    expect(p[2]?.code).toBe(JA);
    expect(p[3]?.code).toBe(JA);
    checkSeccompFilter(p);
    expect(runFilter(p, { nr: 7, arch: 0 })).toBe(200);
    expect(runFilter(p, { nr: 8, arch: 0 })).toBe(300);
  });

  it('still reaches every target when many far jumps push each other out of range', () => {
    // 300 comparisons, each jumping to its own return at the end: the first
    // ones are out of reach and their trampolines move the others.
    const a = new Assembler();
    a.ld(SECCOMP_DATA.nr);
    for (let n = 0; n < 300; n++) a.jeq(n, `r${n}`);
    a.ret(0xffff);
    for (let n = 0; n < 300; n++) a.label(`r${n}`).ret(n + 1000);
    const p = a.assemble();
    checkSeccompFilter(p);
    expect(p.filter((i) => i.code === JA).length).toBeGreaterThan(0);
    for (const i of p) expect(i.jt <= 255 && i.jf <= 255).toBe(true);
    for (const n of [0, 1, 2, 150, 298, 299]) expect(runFilter(p, { nr: n, arch: 0 })).toBe(n + 1000);
    expect(runFilter(p, { nr: 300, arch: 0 })).toBe(0xffff);
  });
});

describe('BPF_RET with A', () => {
  it('returns the accumulator', () => {
    const p = [{ code: BPF_LD | BPF_W | BPF_ABS, jt: 0, jf: 0, k: 0 }, { code: BPF_RET | BPF_A, jt: 0, jf: 0, k: 0 }];
    expect(runFilter(p, { nr: 1234, arch: 0 })).toBe(1234);
  });
});

import { describe, expect, it } from 'vitest';
import { Assembler } from '../../src/bpf/assembler.js';
import { BPF_ALU_OP, BPF_CLASS, BPF_JMP_OP, BPF_MISCOP, BPF_MODE, BPF_SIZE, BPF_SRC, type SockFilter } from '../../src/bpf/insn.js';
import { SECCOMP_RET, argHi, argLo } from '../../src/sys/seccomp/constants.js';
import { disassemble } from '../../src/sys/seccomp/disasm.js';
import { FilterCheckError, checkSeccompFilter, describeResult, encodeSeccompData, runFilter } from '../../src/sys/seccomp/interpret.js';

const { BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_RET, BPF_MISC } = BPF_CLASS;
const { BPF_W } = BPF_SIZE;
const { BPF_IMM, BPF_ABS, BPF_MEM, BPF_LEN } = BPF_MODE;
const { BPF_K, BPF_X } = BPF_SRC;
const s = (code: number, k = 0): SockFilter => ({ code, jt: 0, jf: 0, k: k >>> 0 });
const j = (code: number, k: number, jt: number, jf: number): SockFilter => ({ code, jt, jf, k: k >>> 0 });
const RET_A = s(BPF_RET | 0x10);
const data = { nr: 0, arch: 0 };

/** A = a; X = x; A op= (K or X); return A. */
function alu(op: number, a: number, operand: number, useX: boolean): number {
  const p = [s(BPF_LD | BPF_IMM, a), s(BPF_LDX | BPF_IMM, operand), s(BPF_ALU | op | (useX ? BPF_X : BPF_K), operand), RET_A];
  return runFilter(p, data);
}

describe('runFilter() arithmetic', () => {
  const cases: [string, number, number, number, number][] = [
    ['add wraps at 32 bits', BPF_ALU_OP.BPF_ADD, 0xffffffff, 2, 1],
    ['sub wraps below zero', BPF_ALU_OP.BPF_SUB, 1, 2, 0xffffffff],
    ['mul keeps the low 32 bits', BPF_ALU_OP.BPF_MUL, 0x10000, 0x10001, 0x10000],
    ['div is unsigned', BPF_ALU_OP.BPF_DIV, 0xfffffffe, 2, 0x7fffffff],
    ['and', BPF_ALU_OP.BPF_AND, 0xf0f0, 0xff00, 0xf000],
    ['or', BPF_ALU_OP.BPF_OR, 0xf0f0, 0x0f00, 0xfff0],
    ['xor', BPF_ALU_OP.BPF_XOR, 0xffff, 0x0ff0, 0xf00f],
    ['lsh', BPF_ALU_OP.BPF_LSH, 0x80000001, 1, 2],
    ['rsh is logical', BPF_ALU_OP.BPF_RSH, 0x80000000, 31, 1],
  ];
  for (const [name, op, a, b, want] of cases) {
    it(`${name} (K and X)`, () => {
      expect(alu(op, a, b, false)).toBe(want);
      expect(alu(op, a, b, true)).toBe(want);
    });
  }

  it('neg is two’s complement', () => {
    expect(runFilter([s(BPF_LD | BPF_IMM, 5), s(BPF_ALU | BPF_ALU_OP.BPF_NEG), RET_A], data)).toBe(0xfffffffb);
  });

  it('a division by X = 0 ends the program returning 0 (SECCOMP_RET_KILL_THREAD)', () => {
    expect(alu(BPF_ALU_OP.BPF_DIV, 7, 0, true)).toBe(0);
  });

  it('moves between A, X and scratch memory', () => {
    const p = [
      s(BPF_LD | BPF_IMM, 11), s(BPF_ST, 3), s(BPF_MISC | BPF_MISCOP.BPF_TAX), s(BPF_LD | BPF_IMM, 0),
      s(BPF_STX, 4), s(BPF_LDX | BPF_MEM, 3), s(BPF_MISC | BPF_MISCOP.BPF_TXA), s(BPF_LDX | BPF_MEM, 4),
      s(BPF_ALU | BPF_ALU_OP.BPF_ADD | BPF_X), RET_A,
    ];
    checkSeccompFilter(p);
    expect(runFilter(p, data)).toBe(22);
  });

  it('BPF_LEN loads sizeof(struct seccomp_data)', () => {
    expect(runFilter([s(BPF_LD | BPF_W | BPF_LEN), RET_A], data)).toBe(64);
    expect(runFilter([s(BPF_LDX | BPF_W | BPF_LEN), s(BPF_MISC | BPF_MISCOP.BPF_TXA), RET_A], data)).toBe(64);
  });
});

describe('runFilter() jumps', () => {
  const jumpOn = (op: number, a: number, k: number): number =>
    runFilter([s(BPF_LD | BPF_IMM, a), j(BPF_JMP | op | BPF_K, k, 0, 1), s(BPF_RET | BPF_K, 1), s(BPF_RET | BPF_K, 0)], data);

  it('compares unsigned: 0x80000000 > 1', () => {
    expect(jumpOn(BPF_JMP_OP.BPF_JGT, 0x80000000, 1)).toBe(1);
    expect(jumpOn(BPF_JMP_OP.BPF_JGT, 1, 1)).toBe(0);
    expect(jumpOn(BPF_JMP_OP.BPF_JGE, 1, 1)).toBe(1);
    expect(jumpOn(BPF_JMP_OP.BPF_JEQ, 0xffffffff, 0xffffffff)).toBe(1);
    expect(jumpOn(BPF_JMP_OP.BPF_JSET, 0b1010, 0b0100)).toBe(0);
    expect(jumpOn(BPF_JMP_OP.BPF_JSET, 0b1010, 0b0010)).toBe(1);
  });

  it('BPF_JA skips k instructions', () => {
    expect(runFilter([s(BPF_JMP | BPF_JMP_OP.BPF_JA, 1), s(BPF_RET | BPF_K, 1), s(BPF_RET | BPF_K, 2)], data)).toBe(2);
  });
});

describe('seccomp_data', () => {
  it('puts nr, arch, instruction_pointer and args where struct seccomp_data has them', () => {
    const d = encodeSeccompData({ nr: 59, arch: 0xc000003e, instructionPointer: 0x1122334455667788n, args: [1n, 0xaabbccdd_11223344n] });
    const v = new DataView(d.buffer);
    const le = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    expect(v.getUint32(0, le)).toBe(59);
    expect(v.getUint32(4, le)).toBe(0xc000003e);
    expect(v.getBigUint64(8, le)).toBe(0x1122334455667788n);
    expect(v.getBigUint64(16, le)).toBe(1n);
    expect(v.getUint32(argLo(1), le)).toBe(0x11223344);
    expect(v.getUint32(argHi(1), le)).toBe(0xaabbccdd);
  });

  it('stores a negative nr as its 32-bit pattern and negative args as 64-bit', () => {
    const p = new Assembler().ld(0).retA().assemble();
    expect(runFilter(p, { nr: -1, arch: 0 })).toBe(0xffffffff);
    const q = new Assembler().ld(argHi(0)).retA().assemble();
    expect(runFilter(q, { nr: 0, arch: 0, args: [-1n] })).toBe(0xffffffff);
  });
});

describe('checkSeccompFilter() refuses what seccomp(2) refuses', () => {
  const ok = [s(BPF_LD | BPF_W | BPF_ABS, 0), s(BPF_RET | BPF_K, SECCOMP_RET.SECCOMP_RET_ALLOW)];

  it('accepts a plain filter', () => {
    expect(() => checkSeccompFilter(ok)).not.toThrow();
  });

  const bad: [string, SockFilter[], RegExp][] = [
    ['an empty program', [], /1 to 4096 instructions/],
    ['BPF_MOD, which seccomp does not allow', [s(BPF_ALU | BPF_ALU_OP.BPF_MOD | BPF_K, 3), ...ok], /opcode 0x94 is not allowed/],
    ['a byte load (packet-style)', [s(BPF_LD | BPF_SIZE.BPF_B | BPF_ABS, 0), ...ok], /not allowed/],
    ['an unaligned load', [s(BPF_LD | BPF_W | BPF_ABS, 2), ...ok], /not 4-byte aligned/],
    ['a load past struct seccomp_data', [s(BPF_LD | BPF_W | BPF_ABS, 64), ...ok], /outside struct seccomp_data/],
    ['a division by constant zero', [s(BPF_ALU | BPF_ALU_OP.BPF_DIV | BPF_K, 0), ...ok], /division by constant zero/],
    ['a shift by 32', [s(BPF_ALU | BPF_ALU_OP.BPF_LSH | BPF_K, 32), ...ok], /shift by 32/],
    ['scratch slot 16', [s(BPF_ST, 16), ...ok], /slot 16 does not exist/],
    ['a scratch read before any write', [s(BPF_LD | BPF_MEM, 2), ...ok], /slot 2 is read before/],
    ['a conditional jump past the end', [j(BPF_JMP | BPF_JMP_OP.BPF_JEQ | BPF_K, 0, 5, 0), ...ok], /leaves the program/],
    ['a BPF_JA past the end', [s(BPF_JMP | BPF_JMP_OP.BPF_JA, 2), ...ok], /leaves the program/],
    ['no return at the end', [...ok, s(BPF_LD | BPF_W | BPF_ABS, 0)], /last instruction must be a return/],
  ];
  for (const [what, program, message] of bad) {
    it(`refuses ${what}`, () => {
      expect(() => checkSeccompFilter(program)).toThrow(FilterCheckError);
      expect(() => checkSeccompFilter(program)).toThrow(message);
    });
  }

  it('accepts a scratch read written on every path, refuses one written on only one', () => {
    const both = [
      s(BPF_LD | BPF_W | BPF_ABS, 0), j(BPF_JMP | BPF_JMP_OP.BPF_JEQ | BPF_K, 1, 0, 2),
      s(BPF_ST, 0), s(BPF_JMP | BPF_JMP_OP.BPF_JA, 1), s(BPF_ST, 0),
      s(BPF_LD | BPF_MEM, 0), RET_A,
    ];
    expect(() => checkSeccompFilter(both)).not.toThrow();
    const one = [...both];
    one[4] = s(BPF_LD | BPF_IMM, 0);
    expect(() => checkSeccompFilter(one)).toThrow(/slot 0 is read before/);
  });
});

describe('describeResult()', () => {
  it('names each action and keeps the data', () => {
    expect(describeResult(0x7fff0000)).toEqual({ action: 'allow', data: 0 });
    expect(describeResult(0x00050026)).toEqual({ action: 'errno', data: 38 });
    expect(describeResult(0x80000000)).toEqual({ action: 'kill_process', data: 0 });
    expect(describeResult(0x00000000)).toEqual({ action: 'kill_thread', data: 0 });
    expect(describeResult(0x00030000)).toEqual({ action: 'trap', data: 0 });
    expect(describeResult(0x7ffc0000)).toEqual({ action: 'log', data: 0 });
    expect(describeResult(0x7ff00007)).toEqual({ action: 'trace', data: 7 });
    expect(describeResult(0x7fc00000)).toEqual({ action: 'user_notif', data: 0 });
  });

  it('treats an unknown action as kill_process, as the kernel does', () => {
    expect(describeResult(0x12340000).action).toBe('kill_process');
  });
});

describe('disassemble()', () => {
  it('lists instructions with absolute jump targets and named fields and actions', () => {
    const a = new Assembler();
    a.ld(4).jeq(0xc000003e, 'ok').ret(0x80000000).label('ok').ld(0).jeq(39, 'deny').ret(0x7fff0000).label('deny').ret(0x50001);
    expect(disassemble(a.assemble())).toBe(
      [
        '(000) ld [4]                          ; arch',
        '(001) jeq #0xc000003e jt 3 jf 2',
        '(002) ret #0x80000000                 ; kill_process',
        '(003) ld [0]                          ; nr',
        '(004) jeq #0x27 jt 6 jf 5',
        '(005) ret #0x7fff0000                 ; allow',
        '(006) ret #0x50001                    ; errno 1',
      ].join('\n'),
    );
  });
});

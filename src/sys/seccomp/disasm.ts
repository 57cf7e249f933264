import { BPF_A, BPF_ALU_OP, BPF_CLASS, BPF_JMP_OP, BPF_MISCOP, BPF_MODE, BPF_SRC, bpfClass, type SockFilter } from '../../bpf/insn.js';
import { SECCOMP_DATA } from './constants.js';
import { describeResult } from './interpret.js';

/**
 * A tcpdump -d style listing of a seccomp program, with absolute jump
 * targets and the seccomp_data field or action named in a comment:
 *
 * ```
 * (000) ld [4]                        ; arch
 * (001) jeq #0xc000003e jt 3 jf 2
 * (002) ret #0x80000000               ; kill_process
 * ```
 */
export function disassemble(program: readonly SockFilter[]): string {
  const width = String(Math.max(program.length - 1, 0)).length < 3 ? 3 : String(program.length - 1).length;
  return program
    .map((insn, pc) => {
      const [text, note] = describe(insn, pc);
      const line = `(${String(pc).padStart(width, '0')}) ${text}`;
      return note ? `${line.padEnd(38)}; ${note}` : line;
    })
    .join('\n');
}

const hex = (k: number): string => `#0x${(k >>> 0).toString(16)}`;

const ALU_NAMES: Record<number, string> = {
  [BPF_ALU_OP.BPF_ADD]: 'add', [BPF_ALU_OP.BPF_SUB]: 'sub', [BPF_ALU_OP.BPF_MUL]: 'mul',
  [BPF_ALU_OP.BPF_DIV]: 'div', [BPF_ALU_OP.BPF_OR]: 'or', [BPF_ALU_OP.BPF_AND]: 'and',
  [BPF_ALU_OP.BPF_LSH]: 'lsh', [BPF_ALU_OP.BPF_RSH]: 'rsh', [BPF_ALU_OP.BPF_NEG]: 'neg',
  [BPF_ALU_OP.BPF_MOD]: 'mod', [BPF_ALU_OP.BPF_XOR]: 'xor',
};
const JMP_NAMES: Record<number, string> = {
  [BPF_JMP_OP.BPF_JEQ]: 'jeq', [BPF_JMP_OP.BPF_JGT]: 'jgt', [BPF_JMP_OP.BPF_JGE]: 'jge', [BPF_JMP_OP.BPF_JSET]: 'jset',
};

function fieldName(k: number): string | undefined {
  if (k === SECCOMP_DATA.nr) return 'nr';
  if (k === SECCOMP_DATA.arch) return 'arch';
  if (k === SECCOMP_DATA.instruction_pointer || k === SECCOMP_DATA.instruction_pointer + 4) return 'instruction_pointer';
  if (k >= SECCOMP_DATA.args && k < SECCOMP_DATA.args + 48) {
    const i = Math.floor((k - SECCOMP_DATA.args) / 8);
    // Which half is low depends on byte order; name the word by its offset.
    return `args[${i}] word ${(k - SECCOMP_DATA.args) % 8 === 0 ? 0 : 1}`;
  }
  return undefined;
}

function describe(insn: SockFilter, pc: number): [text: string, note?: string | undefined] {
  const { code, k, jt, jf } = insn;
  const src = code & BPF_SRC.BPF_X ? 'x' : hex(k);
  switch (bpfClass(code)) {
    case BPF_CLASS.BPF_LD:
    case BPF_CLASS.BPF_LDX: {
      const reg = bpfClass(code) === BPF_CLASS.BPF_LD ? 'ld' : 'ldx';
      switch (code & 0xe0) {
        case BPF_MODE.BPF_ABS:
          return [`${reg} [${k}]`, fieldName(k)];
        case BPF_MODE.BPF_IMM:
          return [`${reg} ${hex(k)}`];
        case BPF_MODE.BPF_MEM:
          return [`${reg} M[${k}]`];
        case BPF_MODE.BPF_LEN:
          return [`${reg} #len`];
        default:
          return [`${reg} ?mode 0x${(code & 0xe0).toString(16)} ${hex(k)}`];
      }
    }
    case BPF_CLASS.BPF_ST:
      return [`st M[${k}]`];
    case BPF_CLASS.BPF_STX:
      return [`stx M[${k}]`];
    case BPF_CLASS.BPF_ALU: {
      const name = ALU_NAMES[code & 0xf0] ?? `alu?0x${(code & 0xf0).toString(16)}`;
      return [name === 'neg' ? 'neg' : `${name} ${src}`];
    }
    case BPF_CLASS.BPF_JMP: {
      if ((code & 0xf0) === BPF_JMP_OP.BPF_JA) return [`ja ${pc + 1 + k}`];
      const name = JMP_NAMES[code & 0xf0] ?? `j?0x${(code & 0xf0).toString(16)}`;
      return [`${name} ${src} jt ${pc + 1 + jt} jf ${pc + 1 + jf}`];
    }
    case BPF_CLASS.BPF_RET: {
      if ((code & 0x18) === BPF_A) return ['ret a'];
      const r = describeResult(k);
      return [`ret ${hex(k)}`, r.action === 'errno' || r.action === 'trace' ? `${r.action} ${r.data}` : r.action];
    }
    default:
      return [(code & 0xf8) === BPF_MISCOP.BPF_TXA ? 'txa' : 'tax'];
  }
}

import { BPF_ALU_OP, BPF_JMP_OP } from './insn.js';

const A = BPF_ALU_OP;
const J = BPF_JMP_OP;

/**
 * A classic-BPF ALU operation on A and its operand (K or X), in 32 bits as
 * the kernel computes it: undefined for a division or modulo by zero (the
 * program then ends, returning 0), null for an operation code classic BPF
 * does not have. Each machine (socket filters in ./run.ts, seccomp in
 * ../sys/seccomp/interpret.ts) says in its own words what it refuses.
 */
export function aluOp(op: number, a: number, b: number): number | undefined | null {
  switch (op) {
    case A.BPF_ADD:
      return (a + b) >>> 0;
    case A.BPF_SUB:
      return (a - b) >>> 0;
    case A.BPF_MUL:
      return Math.imul(a, b) >>> 0;
    case A.BPF_DIV:
      return b === 0 ? undefined : Math.floor((a >>> 0) / (b >>> 0)) >>> 0;
    case A.BPF_MOD:
      return b === 0 ? undefined : (a >>> 0) % (b >>> 0);
    case A.BPF_AND:
      return (a & b) >>> 0;
    case A.BPF_OR:
      return (a | b) >>> 0;
    case A.BPF_XOR:
      return (a ^ b) >>> 0;
    case A.BPF_LSH:
      return b >= 32 ? 0 : (a << b) >>> 0;
    case A.BPF_RSH:
      return b >= 32 ? 0 : a >>> b;
    case A.BPF_NEG:
      return -a >>> 0;
    default:
      return null;
  }
}

/** Whether a conditional jump is taken (A and the operand unsigned); null for a code classic BPF does not have. */
export function jumpOp(op: number, a: number, b: number): boolean | null {
  switch (op) {
    case J.BPF_JEQ:
      return a === b;
    case J.BPF_JGT:
      return a > b;
    case J.BPF_JGE:
      return a >= b;
    case J.BPF_JSET:
      return (a & b) !== 0;
    default:
      return null;
  }
}

import { HOST_LITTLE_ENDIAN } from '../../os/byteorder.js';
import {
  BPF_A,
  BPF_ALU_OP,
  BPF_CLASS,
  BPF_JMP_OP,
  BPF_MAXINSNS,
  BPF_MEMWORDS,
  BPF_MISCOP,
  BPF_MODE,
  BPF_SIZE,
  BPF_SRC,
  bpfClass,
  type SockFilter,
} from '../../bpf/insn.js';
import { aluOp, jumpOp } from '../../bpf/ops.js';
import { SECCOMP_DATA, SECCOMP_DATA_LEN, SECCOMP_RET, SECCOMP_RET_ACTION_FULL, SECCOMP_RET_DATA } from './constants.js';

/**
 * A user-space classic-BPF machine with the kernel's seccomp rules, so a
 * compiled filter can be checked and run without installing it:
 * checkSeccompFilter() refuses what seccomp(2) would refuse with EINVAL, and
 * runFilter() evaluates a program over a struct seccomp_data.
 */

const { BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_RET, BPF_MISC } = BPF_CLASS;
const { BPF_W } = BPF_SIZE;
const { BPF_IMM, BPF_ABS, BPF_MEM, BPF_LEN } = BPF_MODE;
const { BPF_K, BPF_X } = BPF_SRC;
const A = BPF_ALU_OP;
const J = BPF_JMP_OP;

/** The opcodes seccomp_check_filter() lets through (kernel/seccomp.c, v6.18). */
const SECCOMP_ALLOWED = new Set<number>([
  BPF_LD | BPF_W | BPF_ABS,
  BPF_LD | BPF_W | BPF_LEN,
  BPF_LDX | BPF_W | BPF_LEN,
  BPF_RET | BPF_K,
  BPF_RET | BPF_A,
  ...[A.BPF_ADD, A.BPF_SUB, A.BPF_MUL, A.BPF_DIV, A.BPF_AND, A.BPF_OR, A.BPF_XOR, A.BPF_LSH, A.BPF_RSH].flatMap((op) => [
    BPF_ALU | op | BPF_K,
    BPF_ALU | op | BPF_X,
  ]),
  BPF_ALU | A.BPF_NEG,
  BPF_LD | BPF_IMM,
  BPF_LDX | BPF_IMM,
  BPF_MISC | BPF_MISCOP.BPF_TAX,
  BPF_MISC | BPF_MISCOP.BPF_TXA,
  BPF_LD | BPF_MEM,
  BPF_LDX | BPF_MEM,
  BPF_ST,
  BPF_STX,
  BPF_JMP | J.BPF_JA,
  ...[J.BPF_JEQ, J.BPF_JGE, J.BPF_JGT, J.BPF_JSET].flatMap((op) => [BPF_JMP | op | BPF_K, BPF_JMP | op | BPF_X]),
]);

/** A filter seccomp(2) would refuse, with the reason and the instruction. */
export class FilterCheckError extends Error {
  override readonly name = 'FilterCheckError';
  constructor(
    message: string,
    readonly pc: number,
  ) {
    super(pc >= 0 ? `instruction ${pc}: ${message}` : message);
  }
}

/**
 * The checks of bpf_check_classic() and seccomp_check_filter(): length,
 * allowed opcodes, aligned in-bounds loads of seccomp_data, jumps inside the
 * program, constant divisors and shifts, scratch memory written before read,
 * and a return at the end. Throws FilterCheckError.
 */
export function checkSeccompFilter(program: readonly SockFilter[]): void {
  const n = program.length;
  if (n === 0 || n > BPF_MAXINSNS) throw new FilterCheckError(`a filter has 1 to ${BPF_MAXINSNS} instructions, this one has ${n}`, -1);
  program.forEach((insn, pc) => {
    const { code, k } = insn;
    if (!SECCOMP_ALLOWED.has(code)) throw new FilterCheckError(`opcode 0x${code.toString(16)} is not allowed in a seccomp filter`, pc);
    if (code === (BPF_LD | BPF_W | BPF_ABS) && (k >= SECCOMP_DATA_LEN || k & 3)) {
      throw new FilterCheckError(`load at offset ${k} is outside struct seccomp_data or not 4-byte aligned`, pc);
    }
    if (code === (BPF_ALU | A.BPF_DIV | BPF_K) && k === 0) {
      throw new FilterCheckError('division by constant zero', pc);
    }
    if (code === (BPF_ALU | A.BPF_LSH | BPF_K) || code === (BPF_ALU | A.BPF_RSH | BPF_K)) {
      if (k >= 32) throw new FilterCheckError(`shift by ${k}`, pc);
    }
    if ((code === (BPF_LD | BPF_MEM) || code === (BPF_LDX | BPF_MEM) || code === BPF_ST || code === BPF_STX) && k >= BPF_MEMWORDS) {
      throw new FilterCheckError(`scratch memory slot ${k} does not exist (there are ${BPF_MEMWORDS})`, pc);
    }
    if (code === (BPF_JMP | J.BPF_JA)) {
      if (k >= n - pc - 1) throw new FilterCheckError(`jump by ${k} leaves the program`, pc);
    } else if (bpfClass(code) === BPF_JMP) {
      if (pc + insn.jt + 1 >= n || pc + insn.jf + 1 >= n) throw new FilterCheckError(`jump (jt ${insn.jt}, jf ${insn.jf}) leaves the program`, pc);
    }
  });
  checkMemoryWrittenBeforeRead(program);
  const last = program[n - 1];
  if (last === undefined || bpfClass(last.code) !== BPF_RET) throw new FilterCheckError('the last instruction must be a return', n - 1);
}

/** check_load_and_stores(): every path writes a scratch slot before reading it. */
function checkMemoryWrittenBeforeRead(program: readonly SockFilter[]): void {
  const all = (1 << BPF_MEMWORDS) - 1;
  // valid[pc] = slots known written on every path reaching pc.
  const valid = new Array<number>(program.length).fill(all);
  valid[0] = 0;
  program.forEach((insn, pc) => {
    let v = valid[pc] ?? 0;
    const { code, k } = insn;
    if (code === BPF_ST || code === BPF_STX) v |= 1 << k;
    if ((code === (BPF_LD | BPF_MEM) || code === (BPF_LDX | BPF_MEM)) && !(v & (1 << k))) {
      throw new FilterCheckError(`scratch memory slot ${k} is read before anything is stored in it`, pc);
    }
    const meet = (to: number): void => {
      if (to < program.length) valid[to] = (valid[to] ?? all) & v;
    };
    if (bpfClass(code) === BPF_JMP) {
      if (code === (BPF_JMP | J.BPF_JA)) meet(pc + 1 + k);
      else {
        meet(pc + 1 + insn.jt);
        meet(pc + 1 + insn.jf);
      }
    } else if (bpfClass(code) !== BPF_RET) meet(pc + 1);
  });
}

/** struct seccomp_data as numbers: nr and arch are 32-bit, the rest 64-bit. */
export interface SeccompData {
  /** System call number (as the kernel sees it: x32 calls carry bit 30). */
  readonly nr: number;
  /** AUDIT_ARCH_* of the calling convention. */
  readonly arch: number;
  readonly instructionPointer?: bigint;
  /** Up to six arguments; missing ones are 0. */
  readonly args?: readonly (bigint | number)[];
}

/** The 64 bytes the kernel gives a filter, in host order. */
export function encodeSeccompData(d: SeccompData): Uint8Array {
  const out = new Uint8Array(SECCOMP_DATA_LEN);
  const v = new DataView(out.buffer);
  v.setUint32(SECCOMP_DATA.nr, d.nr >>> 0, HOST_LITTLE_ENDIAN);
  v.setUint32(SECCOMP_DATA.arch, d.arch >>> 0, HOST_LITTLE_ENDIAN);
  v.setBigUint64(SECCOMP_DATA.instruction_pointer, BigInt.asUintN(64, d.instructionPointer ?? 0n), HOST_LITTLE_ENDIAN);
  const args = d.args ?? [];
  if (args.length > 6) throw new RangeError(`a system call has at most 6 arguments, got ${args.length}`);
  args.forEach((a, i) => v.setBigUint64(SECCOMP_DATA.args + 8 * i, BigInt.asUintN(64, BigInt(a)), HOST_LITTLE_ENDIAN));
  return out;
}

/**
 * Run a classic-BPF seccomp program over seccomp_data (64 bytes, or a
 * SeccompData to encode) and return its 32-bit result, as the kernel's
 * interpreter would. The program should have passed checkSeccompFilter();
 * anything it would not accept throws here too.
 */
export function runFilter(program: readonly SockFilter[], input: Uint8Array | SeccompData): number {
  const data = input instanceof Uint8Array ? input : encodeSeccompData(input);
  if (data.length !== SECCOMP_DATA_LEN) throw new RangeError(`seccomp_data is ${SECCOMP_DATA_LEN} bytes, got ${data.length}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const mem = new Uint32Array(BPF_MEMWORDS);
  let a = 0;
  let x = 0;
  let pc = 0;
  // Jumps only go forward, so this loop runs at most program.length times.
  while (pc < program.length) {
    const insn = program[pc] as SockFilter;
    const { code, k } = insn;
    pc++;
    switch (code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (k >= SECCOMP_DATA_LEN || k & 3) throw new FilterCheckError(`load at offset ${k}`, pc - 1);
        a = view.getUint32(k, HOST_LITTLE_ENDIAN);
        break;
      case BPF_LD | BPF_W | BPF_LEN:
        a = SECCOMP_DATA_LEN;
        break;
      case BPF_LDX | BPF_W | BPF_LEN:
        x = SECCOMP_DATA_LEN;
        break;
      case BPF_LD | BPF_IMM:
        a = k;
        break;
      case BPF_LDX | BPF_IMM:
        x = k;
        break;
      case BPF_LD | BPF_MEM:
        a = mem[k] ?? 0;
        break;
      case BPF_LDX | BPF_MEM:
        x = mem[k] ?? 0;
        break;
      case BPF_ST:
        mem[k] = a;
        break;
      case BPF_STX:
        mem[k] = x;
        break;
      case BPF_MISC | BPF_MISCOP.BPF_TAX:
        x = a;
        break;
      case BPF_MISC | BPF_MISCOP.BPF_TXA:
        a = x;
        break;
      case BPF_RET | BPF_K:
        return k >>> 0;
      case BPF_RET | BPF_A:
        return a >>> 0;
      case BPF_JMP | J.BPF_JA:
        pc += k;
        break;
      default:
        if (bpfClass(code) === BPF_ALU) {
          const operand = code & BPF_X ? x : k;
          const r = alu(code & 0xf0, a, operand);
          if (r === undefined) return 0; // division by X == 0 ends the program with 0
          a = r;
        } else if (bpfClass(code) === BPF_JMP) {
          const operand = (code & BPF_X ? x : k) >>> 0;
          pc += jumpTaken(code & 0xf0, a >>> 0, operand, pc - 1) ? insn.jt : insn.jf;
        } else {
          throw new FilterCheckError(`opcode 0x${code.toString(16)} is not allowed in a seccomp filter`, pc - 1);
        }
    }
  }
  throw new FilterCheckError('ran off the end of the program', program.length);
}

function alu(op: number, a: number, b: number): number | undefined {
  // seccomp_check_filter() takes the classic ALU operations but BPF_MOD.
  const r = op === A.BPF_MOD ? null : aluOp(op, a, b);
  if (r === null) throw new FilterCheckError(`ALU operation 0x${op.toString(16)} is not allowed in a seccomp filter`, -1);
  return r;
}

function jumpTaken(op: number, a: number, b: number, pc: number): boolean {
  const taken = jumpOp(op, a, b);
  if (taken === null) throw new FilterCheckError(`jump operation 0x${op.toString(16)}`, pc);
  return taken;
}

/** A filter's result split into the action name and its 16-bit data. */
export interface FilterResult {
  readonly action: 'kill_process' | 'kill_thread' | 'trap' | 'errno' | 'user_notif' | 'trace' | 'log' | 'allow';
  readonly data: number;
}

/** Name the action in a filter's return value, as the kernel reads it. */
export function describeResult(ret: number): FilterResult {
  const data = ret & SECCOMP_RET_DATA;
  const full = (ret & SECCOMP_RET_ACTION_FULL) >>> 0;
  switch (full) {
    case SECCOMP_RET.SECCOMP_RET_KILL_PROCESS:
      return { action: 'kill_process', data };
    case SECCOMP_RET.SECCOMP_RET_KILL_THREAD:
      return { action: 'kill_thread', data };
    case SECCOMP_RET.SECCOMP_RET_TRAP:
      return { action: 'trap', data };
    case SECCOMP_RET.SECCOMP_RET_ERRNO:
      return { action: 'errno', data };
    case SECCOMP_RET.SECCOMP_RET_USER_NOTIF:
      return { action: 'user_notif', data };
    case SECCOMP_RET.SECCOMP_RET_TRACE:
      return { action: 'trace', data };
    case SECCOMP_RET.SECCOMP_RET_LOG:
      return { action: 'log', data };
    case SECCOMP_RET.SECCOMP_RET_ALLOW:
      return { action: 'allow', data };
    default:
      // The kernel treats unknown actions as SECCOMP_RET_KILL_PROCESS.
      return { action: 'kill_process', data };
  }
}

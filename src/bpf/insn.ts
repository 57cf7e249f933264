import { HOST_LITTLE_ENDIAN } from '../os/byteorder.js';

/**
 * Classic BPF, as the kernel takes it for seccomp filters (seccomp(2)) and
 * socket filters (SO_ATTACH_FILTER): opcodes under their names in
 * <linux/bpf_common.h> and <linux/filter.h>, the instruction
 * (struct sock_filter) and its raw host-order encoding.
 */

/** Instruction classes: BPF_CLASS(code) = code & 0x07. */
export const BPF_CLASS = {
  BPF_LD: 0x00,
  BPF_LDX: 0x01,
  BPF_ST: 0x02,
  BPF_STX: 0x03,
  BPF_ALU: 0x04,
  BPF_JMP: 0x05,
  BPF_RET: 0x06,
  BPF_MISC: 0x07,
} as const;

/** Load size: BPF_SIZE(code) = code & 0x18. */
export const BPF_SIZE = {
  BPF_W: 0x00,
  BPF_H: 0x08,
  BPF_B: 0x10,
} as const;

/** Load mode: BPF_MODE(code) = code & 0xe0. */
export const BPF_MODE = {
  BPF_IMM: 0x00,
  BPF_ABS: 0x20,
  BPF_IND: 0x40,
  BPF_MEM: 0x60,
  BPF_LEN: 0x80,
  BPF_MSH: 0xa0,
} as const;

/** ALU operations: BPF_OP(code) = code & 0xf0. */
export const BPF_ALU_OP = {
  BPF_ADD: 0x00,
  BPF_SUB: 0x10,
  BPF_MUL: 0x20,
  BPF_DIV: 0x30,
  BPF_OR: 0x40,
  BPF_AND: 0x50,
  BPF_LSH: 0x60,
  BPF_RSH: 0x70,
  BPF_NEG: 0x80,
  BPF_MOD: 0x90,
  BPF_XOR: 0xa0,
} as const;

/** Jump operations: BPF_OP(code) = code & 0xf0. */
export const BPF_JMP_OP = {
  BPF_JA: 0x00,
  BPF_JEQ: 0x10,
  BPF_JGT: 0x20,
  BPF_JGE: 0x30,
  BPF_JSET: 0x40,
} as const;

/** Operand source: BPF_SRC(code) = code & 0x08. */
export const BPF_SRC = {
  BPF_K: 0x00,
  BPF_X: 0x08,
} as const;

/** Return value source: BPF_RVAL(code) = code & 0x18 (BPF_K and BPF_X also apply). */
export const BPF_A = 0x10;

/** Misc operations: BPF_MISCOP(code) = code & 0xf8. */
export const BPF_MISCOP = {
  BPF_TAX: 0x00,
  BPF_TXA: 0x80,
} as const;

/** Longest program the kernel accepts. */
export const BPF_MAXINSNS = 4096;
/** Scratch memory words for BPF_ST/BPF_STX and BPF_MEM loads. */
export const BPF_MEMWORDS = 16;
/** Farthest a conditional jump reaches: jt and jf are u8. */
export const BPF_MAX_COND_JUMP = 255;

export const bpfClass = (code: number): number => code & 0x07;
export const bpfSize = (code: number): number => code & 0x18;
export const bpfMode = (code: number): number => code & 0xe0;
export const bpfOp = (code: number): number => code & 0xf0;
export const bpfSrc = (code: number): number => code & 0x08;
export const bpfRval = (code: number): number => code & 0x18;
export const bpfMiscOp = (code: number): number => code & 0xf8;

/** struct sock_filter: u16 code, u8 jt, u8 jf, u32 k. */
export interface SockFilter {
  readonly code: number;
  readonly jt: number;
  readonly jf: number;
  readonly k: number;
}

/** sizeof(struct sock_filter). */
export const SOCK_FILTER_LEN = 8;

/** BPF_STMT(code, k) from <linux/filter.h>. */
export function bpfStmt(code: number, k: number): SockFilter {
  return { code, jt: 0, jf: 0, k: k >>> 0 };
}

/** BPF_JUMP(code, k, jt, jf) from <linux/filter.h>. */
export function bpfJump(code: number, k: number, jt: number, jf: number): SockFilter {
  return { code, jt, jf, k: k >>> 0 };
}

function checkInsn(insn: SockFilter, at: number): void {
  const ok =
    Number.isInteger(insn.code) && insn.code >= 0 && insn.code <= 0xffff &&
    Number.isInteger(insn.jt) && insn.jt >= 0 && insn.jt <= 0xff &&
    Number.isInteger(insn.jf) && insn.jf >= 0 && insn.jf <= 0xff &&
    Number.isInteger(insn.k) && insn.k >= 0 && insn.k <= 0xffffffff;
  if (!ok) throw new RangeError(`instruction ${at} does not fit struct sock_filter: ${JSON.stringify(insn)}`);
}

/** The bytes the kernel takes for sock_fprog.filter: 8 bytes per instruction, host order. */
export function encodeProgram(program: readonly SockFilter[]): Uint8Array {
  const out = new Uint8Array(program.length * SOCK_FILTER_LEN);
  const view = new DataView(out.buffer);
  program.forEach((insn, i) => {
    checkInsn(insn, i);
    const at = i * SOCK_FILTER_LEN;
    view.setUint16(at, insn.code, HOST_LITTLE_ENDIAN);
    view.setUint8(at + 2, insn.jt);
    view.setUint8(at + 3, insn.jf);
    view.setUint32(at + 4, insn.k, HOST_LITTLE_ENDIAN);
  });
  return out;
}

/** Inverse of encodeProgram. */
export function decodeProgram(bytes: Uint8Array): SockFilter[] {
  if (bytes.length % SOCK_FILTER_LEN !== 0) {
    throw new RangeError(`a BPF program is a multiple of ${SOCK_FILTER_LEN} bytes, got ${bytes.length}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: SockFilter[] = [];
  for (let at = 0; at < bytes.length; at += SOCK_FILTER_LEN) {
    out.push({
      code: view.getUint16(at, HOST_LITTLE_ENDIAN),
      jt: view.getUint8(at + 2),
      jf: view.getUint8(at + 3),
      k: view.getUint32(at + 4, HOST_LITTLE_ENDIAN),
    });
  }
  return out;
}

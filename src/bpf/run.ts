import {
  BPF_A,
  BPF_CLASS,
  BPF_JMP_OP,
  BPF_MAXINSNS,
  BPF_MEMWORDS,
  BPF_MISCOP,
  BPF_MODE,
  BPF_SIZE,
  BPF_SRC,
  bpfClass,
  bpfMode,
  bpfSize,
  type SockFilter,
} from './insn.js';
import { aluOp, jumpOp } from './ops.js';

/**
 * A user-space classic-BPF machine for socket filters (SO_ATTACH_FILTER),
 * with the kernel's rules for them (net/core/filter.c): packet loads are
 * network order, a load past the end of the packet ends the program with 0
 * (drop), BPF_LEN is the packet's length, division by X == 0 returns 0.
 * Ancillary loads (SKF_AD_OFF) are not modelled. `tcpdump -d` lists the
 * programs this runs.
 *
 * seccomp programs run in ../sys/seccomp/interpret.ts, whose input is
 * struct seccomp_data in host order.
 */

const { BPF_LD, BPF_LDX, BPF_ST, BPF_STX, BPF_ALU, BPF_JMP, BPF_RET, BPF_MISC } = BPF_CLASS;
const { BPF_W, BPF_H, BPF_B } = BPF_SIZE;
const { BPF_IMM, BPF_ABS, BPF_IND, BPF_MEM, BPF_LEN, BPF_MSH } = BPF_MODE;
const { BPF_K, BPF_X } = BPF_SRC;
const J = BPF_JMP_OP;

/** A program the kernel's bpf_check_classic() would refuse, found while running it. */
export class PacketFilterError extends Error {
  override readonly name = 'PacketFilterError';
  constructor(
    message: string,
    readonly pc: number,
  ) {
    super(`instruction ${pc}: ${message}`);
  }
}

function load(view: DataView, at: number, size: number): number | undefined {
  const width = size === BPF_W ? 4 : size === BPF_H ? 2 : 1;
  if (at < 0 || at + width > view.byteLength) return undefined;
  return size === BPF_W ? view.getUint32(at, false) : size === BPF_H ? view.getUint16(at, false) : view.getUint8(at);
}

/**
 * Run a socket filter over one packet (from its link-layer header on) and
 * return what the kernel would: 0 drops the packet, anything else is how
 * many of its bytes to keep.
 */
export function runPacketFilter(program: readonly SockFilter[], packet: Uint8Array): number {
  if (program.length === 0 || program.length > BPF_MAXINSNS) throw new PacketFilterError(`a filter has 1 to ${BPF_MAXINSNS} instructions, this one has ${program.length}`, 0);
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const mem = new Uint32Array(BPF_MEMWORDS);
  let a = 0;
  let x = 0;
  let pc = 0;
  // Jumps only go forward, so this loop runs at most program.length times.
  while (pc < program.length) {
    const insn = program[pc] as SockFilter;
    const { code, k } = insn;
    const at = pc++;
    switch (bpfClass(code)) {
      case BPF_LD: {
        const mode = bpfMode(code);
        if (mode === BPF_IMM) a = k;
        else if (mode === BPF_LEN) a = packet.length;
        else if (mode === BPF_MEM) a = mem[slot(k, at)] ?? 0;
        else if (mode === BPF_ABS || mode === BPF_IND) {
          const v = load(view, mode === BPF_ABS ? k : (x + k) >>> 0, bpfSize(code));
          if (v === undefined) return 0;
          a = v;
        } else throw new PacketFilterError(`load mode 0x${mode.toString(16)}`, at);
        break;
      }
      case BPF_LDX: {
        const mode = bpfMode(code);
        if (mode === BPF_IMM) x = k;
        else if (mode === BPF_LEN) x = packet.length;
        else if (mode === BPF_MEM) x = mem[slot(k, at)] ?? 0;
        else if (mode === BPF_MSH && bpfSize(code) === BPF_B) {
          const v = load(view, k, BPF_B);
          if (v === undefined) return 0;
          x = (v & 0xf) * 4;
        } else throw new PacketFilterError(`ldx mode 0x${mode.toString(16)}`, at);
        break;
      }
      case BPF_ST:
        mem[slot(k, at)] = a;
        break;
      case BPF_STX:
        mem[slot(k, at)] = x;
        break;
      case BPF_ALU: {
        const r = alu(code & 0xf0, a, code & BPF_X ? x : k, at);
        if (r === undefined) return 0;
        a = r;
        break;
      }
      case BPF_JMP:
        if ((code & 0xf0) === J.BPF_JA) pc += k;
        else pc += jumpTaken(code & 0xf0, a >>> 0, (code & BPF_X ? x : k) >>> 0, at) ? insn.jt : insn.jf;
        break;
      case BPF_RET:
        return ((code & 0x18) === BPF_A ? a : (code & 0x18) === BPF_K ? k : x) >>> 0;
      case BPF_MISC:
        if ((code & 0xf8) === BPF_MISCOP.BPF_TAX) x = a;
        else if ((code & 0xf8) === BPF_MISCOP.BPF_TXA) a = x;
        else throw new PacketFilterError(`misc operation 0x${code.toString(16)}`, at);
        break;
      default:
        throw new PacketFilterError(`opcode 0x${code.toString(16)}`, at);
    }
  }
  throw new PacketFilterError('ran off the end of the program', program.length);
}

function slot(k: number, pc: number): number {
  if (k >= BPF_MEMWORDS) throw new PacketFilterError(`scratch memory slot ${k} does not exist (there are ${BPF_MEMWORDS})`, pc);
  return k;
}

function alu(op: number, a: number, b: number, pc: number): number | undefined {
  const r = aluOp(op, a, b);
  if (r === null) throw new PacketFilterError(`ALU operation 0x${op.toString(16)}`, pc);
  return r;
}

function jumpTaken(op: number, a: number, b: number, pc: number): boolean {
  const taken = jumpOp(op, a, b);
  if (taken === null) throw new PacketFilterError(`jump operation 0x${op.toString(16)}`, pc);
  return taken;
}

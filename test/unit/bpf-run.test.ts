import { describe, expect, it } from 'vitest';
import { Assembler } from '../../src/bpf/assembler.js';
import { BPF_ALU_OP, BPF_CLASS, BPF_MISCOP, BPF_MODE, BPF_SIZE, BPF_SRC, bpfStmt } from '../../src/bpf/insn.js';
import { PacketFilterError, runPacketFilter } from '../../src/bpf/run.js';

/*
 * The socket-filter machine on its own: loads in network order, the kernel's
 * answer (0) to a load past the end or a division by X == 0, scratch memory
 * and the register moves tcpdump -d programs use.
 */

const { BPF_LD, BPF_LDX, BPF_ST, BPF_ALU, BPF_MISC } = BPF_CLASS;
const packet = Uint8Array.of(0x12, 0x34, 0x56, 0x78, 0x45, 0x9a);

describe('runPacketFilter()', () => {
  it('loads words, halves and bytes in network order', () => {
    expect(runPacketFilter(new Assembler().ld(0).retA().assemble(), packet)).toBe(0x12345678);
    expect(runPacketFilter(new Assembler().ldh(1).retA().assemble(), packet)).toBe(0x3456);
    expect(runPacketFilter(new Assembler().ldb(5).retA().assemble(), packet)).toBe(0x9a);
  });

  it('ldx 4*([k]&0xf) and [x + k] read an IPv4-style header length', () => {
    // X = 4 * (0x45 & 0xf) = 20, past the packet: the indirect load drops it.
    expect(runPacketFilter(new Assembler().ldxMsh(4).ldhInd(0).retA().assemble(), packet)).toBe(0);
    const x1 = [bpfStmt(BPF_LDX | BPF_MODE.BPF_IMM, 1), ...new Assembler().ldhInd(3).retA().assemble()];
    expect(runPacketFilter(x1, packet)).toBe(0x459a);
  });

  it('a load past the end returns 0 at once, whatever follows', () => {
    expect(runPacketFilter(new Assembler().ld(3).ret(1).assemble(), packet)).toBe(0);
    expect(runPacketFilter(new Assembler().ldb(6).ret(1).assemble(), packet)).toBe(0);
  });

  it('len, scratch memory, tax/txa and division by X == 0', () => {
    const p = [
      bpfStmt(BPF_LD | BPF_SIZE.BPF_W | BPF_MODE.BPF_LEN, 0),
      bpfStmt(BPF_ST, 3),
      bpfStmt(BPF_LD | BPF_MODE.BPF_IMM, 7),
      bpfStmt(BPF_LD | BPF_MODE.BPF_MEM, 3),
      bpfStmt(BPF_MISC | BPF_MISCOP.BPF_TAX, 0),
      bpfStmt(BPF_ALU | BPF_ALU_OP.BPF_ADD | BPF_SRC.BPF_X, 0),
      bpfStmt(BPF_CLASS.BPF_RET | 0x10, 0),
    ];
    expect(runPacketFilter(p, packet)).toBe(12);
    const div = [bpfStmt(BPF_LDX | BPF_MODE.BPF_IMM, 0), bpfStmt(BPF_ALU | BPF_ALU_OP.BPF_DIV | BPF_SRC.BPF_X, 0), bpfStmt(BPF_CLASS.BPF_RET | 0x10, 0)];
    expect(runPacketFilter(div, packet)).toBe(0);
  });

  it('a program that runs off its end is refused', () => {
    expect(() => runPacketFilter([bpfStmt(BPF_LD | BPF_MODE.BPF_IMM, 1)], packet)).toThrow(PacketFilterError);
  });
});

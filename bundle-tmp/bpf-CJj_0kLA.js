import { t as HOST_LITTLE_ENDIAN } from "./byteorder-z3RchHGz.js";
// dist/sys/seccomp/bpf.js
/**
* Classic BPF, as the kernel takes it for seccomp: opcodes under their names
* in <linux/bpf_common.h> and <linux/filter.h>, the instruction
* (struct sock_filter) and its raw host-order encoding.
*/
/** Instruction classes: BPF_CLASS(code) = code & 0x07. */
const BPF_CLASS = {
	BPF_LD: 0,
	BPF_LDX: 1,
	BPF_ST: 2,
	BPF_STX: 3,
	BPF_ALU: 4,
	BPF_JMP: 5,
	BPF_RET: 6,
	BPF_MISC: 7
};
/** Load size: BPF_SIZE(code) = code & 0x18. */
const BPF_SIZE = {
	BPF_W: 0,
	BPF_H: 8,
	BPF_B: 16
};
/** Load mode: BPF_MODE(code) = code & 0xe0. */
const BPF_MODE = {
	BPF_IMM: 0,
	BPF_ABS: 32,
	BPF_IND: 64,
	BPF_MEM: 96,
	BPF_LEN: 128,
	BPF_MSH: 160
};
/** ALU operations: BPF_OP(code) = code & 0xf0. */
const BPF_ALU_OP = {
	BPF_ADD: 0,
	BPF_SUB: 16,
	BPF_MUL: 32,
	BPF_DIV: 48,
	BPF_OR: 64,
	BPF_AND: 80,
	BPF_LSH: 96,
	BPF_RSH: 112,
	BPF_NEG: 128,
	BPF_MOD: 144,
	BPF_XOR: 160
};
/** Jump operations: BPF_OP(code) = code & 0xf0. */
const BPF_JMP_OP = {
	BPF_JA: 0,
	BPF_JEQ: 16,
	BPF_JGT: 32,
	BPF_JGE: 48,
	BPF_JSET: 64
};
/** Operand source: BPF_SRC(code) = code & 0x08. */
const BPF_SRC = {
	BPF_K: 0,
	BPF_X: 8
};
/** Longest program the kernel accepts. */
const BPF_MAXINSNS = 4096;
const bpfClass = (code) => code & 7;
const bpfOp = (code) => code & 240;
function checkInsn(insn, at) {
	if (!(Number.isInteger(insn.code) && insn.code >= 0 && insn.code <= 65535 && Number.isInteger(insn.jt) && insn.jt >= 0 && insn.jt <= 255 && Number.isInteger(insn.jf) && insn.jf >= 0 && insn.jf <= 255 && Number.isInteger(insn.k) && insn.k >= 0 && insn.k <= 4294967295)) throw new RangeError(`instruction ${at} does not fit struct sock_filter: ${JSON.stringify(insn)}`);
}
/** The bytes the kernel takes for sock_fprog.filter: 8 bytes per instruction, host order. */
function encodeProgram(program) {
	const out = new Uint8Array(program.length * 8);
	const view = new DataView(out.buffer);
	program.forEach((insn, i) => {
		checkInsn(insn, i);
		const at = i * 8;
		view.setUint16(at, insn.code, HOST_LITTLE_ENDIAN);
		view.setUint8(at + 2, insn.jt);
		view.setUint8(at + 3, insn.jf);
		view.setUint32(at + 4, insn.k, HOST_LITTLE_ENDIAN);
	});
	return out;
}
export { BPF_MODE as a, bpfClass as c, BPF_MAXINSNS as i, bpfOp as l, BPF_CLASS as n, BPF_SIZE as o, BPF_JMP_OP as r, BPF_SRC as s, BPF_ALU_OP as t, encodeProgram as u };

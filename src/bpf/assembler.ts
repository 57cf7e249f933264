import {
  BPF_A,
  BPF_ALU_OP,
  BPF_CLASS,
  BPF_JMP_OP,
  BPF_MAXINSNS,
  BPF_MAX_COND_JUMP,
  BPF_MODE,
  BPF_SIZE,
  BPF_SRC,
  bpfClass,
  bpfOp,
  type SockFilter,
} from './insn.js';

const { BPF_LD, BPF_LDX, BPF_ALU, BPF_JMP, BPF_RET } = BPF_CLASS;

/** A jump target: a label, or NEXT for the instruction that follows. */
export const NEXT = Symbol('next instruction');
export type Target = string | typeof NEXT;

type Item =
  | { readonly kind: 'label'; readonly name: string }
  | { readonly kind: 'stmt'; readonly code: number; readonly k: number }
  | { readonly kind: 'cond'; readonly code: number; readonly k: number; jt: string; jf: string }
  | { readonly kind: 'ja'; readonly target: string };

/**
 * A classic-BPF assembler with labels. Conditional jumps name their targets;
 * assemble() turns them into the 8-bit forward offsets of struct sock_filter
 * and, where a target lies more than 255 instructions ahead, routes the jump
 * through an unconditional BPF_JA placed right after it (whose offset is 32
 * bits), as libseccomp does.
 *
 * ```ts
 * const a = new Assembler();
 * a.ld(4).jeq(0xc000003e, 'native').ret(0x80000000);
 * a.label('native').ret(0x7fff0000);
 * a.assemble(); // [ld [4]; jeq #0xc000003e jt 1 jf 0; ret #0x80000000; ret #0x7fff0000]
 * ```
 */
export class Assembler {
  private readonly items: Item[] = [];
  private readonly labels = new Set<string>();
  private fresh = 0;

  /** A label name not used yet, for generated code. */
  newLabel(hint = 'L'): string {
    let name: string;
    do name = `${hint}.${this.fresh++}`;
    while (this.labels.has(name));
    return name;
  }

  /** Place a label before the next instruction. */
  label(name: string): this {
    if (this.labels.has(name)) throw new Error(`BPF label "${name}" is defined twice`);
    this.labels.add(name);
    this.items.push({ kind: 'label', name });
    return this;
  }

  /** Any instruction that is not a jump: BPF_STMT(code, k). */
  stmt(code: number, k: number): this {
    if (bpfClass(code) === BPF_JMP) throw new Error(`use jump() or ja() for jump opcode 0x${code.toString(16)}`);
    this.items.push({ kind: 'stmt', code, k: k >>> 0 });
    return this;
  }

  /** A conditional jump: BPF_JUMP(code, k, jt, jf) with labels for jt and jf. */
  jump(code: number, k: number, jt: Target, jf: Target = NEXT): this {
    if (bpfClass(code) !== BPF_JMP || bpfOp(code) === BPF_JMP_OP.BPF_JA) {
      throw new Error(`opcode 0x${code.toString(16)} is not a conditional jump`);
    }
    const item = { kind: 'cond' as const, code, k: k >>> 0, jt: '', jf: '' };
    this.items.push(item);
    // NEXT becomes a label right after the jump, so later insertions keep its meaning.
    const next = jt === NEXT || jf === NEXT ? this.newLabel('next') : '';
    item.jt = jt === NEXT ? next : jt;
    item.jf = jf === NEXT ? next : jf;
    if (next) this.label(next);
    return this;
  }

  /** An unconditional jump (BPF_JMP|BPF_JA), reaching anywhere ahead. */
  ja(target: string): this {
    this.items.push({ kind: 'ja', target });
    return this;
  }

  /** A = 32-bit word at offset k of the input (BPF_LD|BPF_W|BPF_ABS). */
  ld(offset: number): this {
    return this.stmt(BPF_LD | BPF_SIZE.BPF_W | BPF_MODE.BPF_ABS, offset);
  }
  /** A = 16-bit word at offset k, network order (BPF_LD|BPF_H|BPF_ABS; packet filters). */
  ldh(offset: number): this {
    return this.stmt(BPF_LD | BPF_SIZE.BPF_H | BPF_MODE.BPF_ABS, offset);
  }
  /** A = byte at offset k (BPF_LD|BPF_B|BPF_ABS). */
  ldb(offset: number): this {
    return this.stmt(BPF_LD | BPF_SIZE.BPF_B | BPF_MODE.BPF_ABS, offset);
  }
  /** A = 16-bit word at X + k (BPF_LD|BPF_H|BPF_IND). */
  ldhInd(offset: number): this {
    return this.stmt(BPF_LD | BPF_SIZE.BPF_H | BPF_MODE.BPF_IND, offset);
  }
  /** X = 4 * (byte at k & 0xf), an IPv4 header's length (BPF_LDX|BPF_B|BPF_MSH). */
  ldxMsh(offset: number): this {
    return this.stmt(BPF_LDX | BPF_SIZE.BPF_B | BPF_MODE.BPF_MSH, offset);
  }
  /** A &= k. */
  and(k: number): this {
    return this.stmt(BPF_ALU | BPF_ALU_OP.BPF_AND | BPF_SRC.BPF_K, k);
  }
  /** if (A == k) goto jt else goto jf. */
  jeq(k: number, jt: Target, jf: Target = NEXT): this {
    return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JEQ | BPF_SRC.BPF_K, k, jt, jf);
  }
  /** if (A > k) goto jt else goto jf (unsigned). */
  jgt(k: number, jt: Target, jf: Target = NEXT): this {
    return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JGT | BPF_SRC.BPF_K, k, jt, jf);
  }
  /** if (A >= k) goto jt else goto jf (unsigned). */
  jge(k: number, jt: Target, jf: Target = NEXT): this {
    return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JGE | BPF_SRC.BPF_K, k, jt, jf);
  }
  /** if (A & k) goto jt else goto jf. */
  jset(k: number, jt: Target, jf: Target = NEXT): this {
    return this.jump(BPF_JMP | BPF_JMP_OP.BPF_JSET | BPF_SRC.BPF_K, k, jt, jf);
  }
  /** return k. */
  ret(k: number): this {
    return this.stmt(BPF_RET | BPF_SRC.BPF_K, k);
  }
  /** return A. */
  retA(): this {
    return this.stmt(BPF_RET | BPF_A, 0);
  }

  /** Resolve labels into offsets; insert long jumps where a target is out of u8 reach. */
  assemble(): SockFilter[] {
    const items = this.items.slice();
    for (const it of items) {
      for (const t of it.kind === 'cond' ? [it.jt, it.jf] : it.kind === 'ja' ? [it.target] : []) {
        if (!this.labels.has(t)) throw new Error(`BPF jump to undefined label "${t}"`);
      }
    }
    let trampolines = 0;
    for (;;) {
      const { pos, where } = layout(items);
      const far: { index: number; jt: boolean; jf: boolean }[] = [];
      items.forEach((it, index) => {
        if (it.kind !== 'cond') return;
        const at = pos[index] ?? 0;
        const jt = distance(where, at, it.jt);
        const jf = distance(where, at, it.jf);
        if (jt > BPF_MAX_COND_JUMP || jf > BPF_MAX_COND_JUMP) {
          far.push({ index, jt: jt > BPF_MAX_COND_JUMP, jf: jf > BPF_MAX_COND_JUMP });
        }
      });
      if (far.length === 0) return emit(items, pos, where);
      // From the end, so earlier indexes stay valid while splicing.
      for (const f of far.reverse()) {
        const jump = items[f.index];
        if (jump?.kind !== 'cond') continue;
        const inserted: Item[] = [];
        for (const side of ['jt', 'jf'] as const) {
          if (!f[side]) continue;
          const name = `far.${trampolines++}`;
          inserted.push({ kind: 'label', name }, { kind: 'ja', target: jump[side] });
          jump[side] = name;
        }
        items.splice(f.index + 1, 0, ...inserted);
      }
    }
  }
}

interface Layout {
  /** Instruction index of each item (labels: the instruction they precede). */
  readonly pos: number[];
  /** Instruction index each label names. */
  readonly where: Map<string, number>;
  readonly length: number;
}

function layout(items: readonly Item[]): Layout {
  const pos: number[] = [];
  const where = new Map<string, number>();
  let n = 0;
  for (const it of items) {
    pos.push(n);
    if (it.kind === 'label') where.set(it.name, n);
    else n++;
  }
  return { pos, where, length: n };
}

/** Instructions skipped by a jump at `at` to `label`. */
function distance(where: ReadonlyMap<string, number>, at: number, label: string): number {
  const to = where.get(label) ?? -1;
  const d = to - at - 1;
  if (d < 0) throw new Error(`BPF jump from instruction ${at} to "${label}" goes backwards; classic BPF jumps only forward`);
  return d;
}

function emit(items: readonly Item[], pos: readonly number[], where: ReadonlyMap<string, number>): SockFilter[] {
  const out: SockFilter[] = [];
  items.forEach((it, index) => {
    const at = pos[index] ?? 0;
    if (it.kind === 'stmt') out.push({ code: it.code, jt: 0, jf: 0, k: it.k });
    else if (it.kind === 'cond') out.push({ code: it.code, jt: distance(where, at, it.jt), jf: distance(where, at, it.jf), k: it.k });
    else if (it.kind === 'ja') out.push({ code: BPF_JMP | BPF_JMP_OP.BPF_JA, jt: 0, jf: 0, k: distance(where, at, it.target) });
  });
  if (out.length === 0) throw new Error('a BPF program needs at least one instruction');
  if (out.length > BPF_MAXINSNS) throw new Error(`the BPF program has ${out.length} instructions; the kernel takes at most ${BPF_MAXINSNS}`);
  for (const [name, at] of where) {
    if (at >= out.length) throw new Error(`BPF label "${name}" is not followed by any instruction`);
  }
  return out;
}

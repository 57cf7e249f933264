import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { Diagnostics, didYouMean, type Position } from './diagnostics.js';

/**
 * A value in the YAML file together with its place, so that every check
 * can say file:line:column and the field's path. Readers report problems to
 * the shared Diagnostics and return undefined instead of throwing, so one
 * pass finds every mistake.
 */
export class Field {
  constructor(
    readonly node: YamlNode | null,
    readonly path: string,
    readonly pos: Position,
    private readonly src: Source,
    /** The map key this value stands under (keys may contain dots, so not taken from path). */
    private readonly keyName?: string,
  ) {}

  get diag(): Diagnostics {
    return this.src.diagnostics;
  }

  error(message: string): undefined {
    this.src.diagnostics.error(this.pos, this.path, message);
    return undefined;
  }
  warn(message: string): void {
    this.src.diagnostics.warn(this.pos, this.path, message);
  }

  get isMap(): boolean {
    return isMap(this.node);
  }
  get isSeq(): boolean {
    return isSeq(this.node);
  }
  get isScalar(): boolean {
    return isScalar(this.node);
  }
  /** The scalar's value (string, number, boolean or null); undefined for maps and lists. */
  get value(): unknown {
    return isScalar(this.node) ? this.node.value : undefined;
  }

  /** The value as a string if it is a scalar string or number; never reports. */
  get text(): string | undefined {
    const v = this.value;
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }

  get isNull(): boolean {
    return this.node === null || (isScalar(this.node) && this.node.value === null);
  }

  /** Child fields of a map, in file order. */
  entries(): Field[] | undefined {
    if (!isMap(this.node)) return this.error(`expected a map of fields, found ${this.describe()}`);
    const out: Field[] = [];
    for (const pair of this.node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyNode = pair.key as YamlNode | null;
      const valueNode = (pair.value ?? null) as YamlNode | null;
      const at = valueNode ?? keyNode;
      out.push(new Field(valueNode, this.path ? `${this.path}.${key}` : key, this.src.position(at), this.src, key));
    }
    return out;
  }

  /** The key of this field within its parent map (last path segment). */
  get key(): string {
    if (this.keyName !== undefined) return this.keyName;
    const dot = this.path.lastIndexOf('.');
    return dot < 0 ? this.path : this.path.slice(dot + 1);
  }

  /** A map child by key; a Field of null when absent. */
  get(key: string): Field {
    if (isMap(this.node)) {
      for (const pair of this.node.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key) {
          const valueNode = (pair.value ?? null) as YamlNode | null;
          return new Field(valueNode, this.path ? `${this.path}.${key}` : key, this.src.position(valueNode ?? (pair.key as YamlNode)), this.src, key);
        }
      }
    }
    return new Field(null, this.path ? `${this.path}.${key}` : key, this.pos, this.src, key);
  }

  has(key: string): boolean {
    return !this.get(key).isNull;
  }

  /** Report keys that are not among the known ones. */
  checkKeys(known: readonly string[], ignored: readonly string[] = []): void {
    if (!isMap(this.node)) return;
    for (const f of this.entries() ?? []) {
      if (known.includes(f.key)) continue;
      if (ignored.includes(f.key)) {
        this.src.noteIgnored(f);
        continue;
      }
      f.error(`unknown field '${f.key}'${didYouMean(f.key, known)}`);
    }
  }

  items(): Field[] | undefined {
    if (!isSeq(this.node)) return this.error(`expected a list, found ${this.describe()}`);
    return this.node.items.map(
      (n, i) => new Field((n ?? null) as YamlNode | null, `${this.path}[${i}]`, this.src.position((n ?? null) as YamlNode | null, this.pos), this.src),
    );
  }

  /** A list, or a single value taken as a list of one. */
  itemsOrOne(): Field[] {
    if (this.isNull) return [];
    if (isSeq(this.node)) return this.items() ?? [];
    return [this];
  }

  str(): string | undefined {
    if (isScalar(this.node) && (typeof this.node.value === 'string' || typeof this.node.value === 'number')) {
      return String(this.node.value);
    }
    return this.error(`expected a string, found ${this.describe()}`);
  }

  int(min: number, max: number): number | undefined {
    if (isScalar(this.node) && typeof this.node.value === 'number' && Number.isInteger(this.node.value)) {
      const v = this.node.value;
      if (v < min || v > max) return this.error(`${v} is out of range (${min}–${max})`);
      return v;
    }
    return this.error(`expected a whole number, found ${this.describe()}`);
  }

  bool(): boolean | undefined {
    if (isScalar(this.node) && typeof this.node.value === 'boolean') return this.node.value;
    return this.error(`expected true or false, found ${this.describe()}`);
  }

  describe(): string {
    if (this.node === null) return 'nothing';
    if (isMap(this.node)) return 'a map';
    if (isSeq(this.node)) return 'a list';
    if (isScalar(this.node)) return this.node.value === null ? 'nothing' : `'${String(this.node.value)}'`;
    return 'an alias';
  }
}

/** A parsed YAML file with a line counter for positions. */
export class Source {
  readonly diagnostics = new Diagnostics();
  readonly root: Field;
  private readonly lines = new LineCounter();
  private readonly ignoredSeen = new Set<string>();

  constructor(
    readonly file: string,
    text: string,
  ) {
    const doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const e of doc.errors) {
      const lp = e.linePos?.[0] ?? this.lines.linePos(e.pos[0]);
      this.diagnostics.error({ file, line: lp?.line ?? 1, col: lp?.col ?? 1 }, '', `invalid YAML: ${e.message.split('\n')[0]}`);
    }
    const contents = doc.errors.length ? null : ((doc.contents ?? null) as YamlNode | null);
    this.root = new Field(contents, '', this.position(contents), this);
  }

  position(node: YamlNode | null, fallback?: Position): Position {
    if (!node?.range) return fallback ?? { file: this.file, line: 1, col: 1 };
    const lp = this.lines.linePos(node.range[0]);
    return { file: this.file, line: lp.line, col: lp.col };
  }

  /** Fields with no meaning here are mentioned once per name, as a warning. */
  noteIgnored(f: Field): void {
    if (this.ignoredSeen.has(f.key)) return;
    this.ignoredSeen.add(f.key);
    f.warn(`'${f.key}' has no meaning for nslab and is ignored`);
  }
}

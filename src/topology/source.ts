import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { aliasResolver, parseBounded, treeProblems } from './yaml-bounds.js';
import { Diagnostics, didYouMean, type Position } from './diagnostics.js';

/**
 * A value in the YAML file together with its place, so that every check
 * can say file:line:column and the field's path. Readers report problems to
 * the shared Diagnostics and return undefined instead of throwing, so one
 * pass finds every mistake.
 */
export class Field {
  private pathText: string | undefined;
  private position: Position | undefined;

  /**
   * A child of `parent` under `step` (a map key, or a list index), found at
   * `at` (its node, or its key's when it has no value). Path and position are
   * worked out when first asked for: a check reads thousands of fields and
   * quotes the places of a few.
   */
  constructor(
    readonly node: YamlNode | null,
    private readonly parent: Field | undefined,
    private readonly step: string | number | undefined,
    private readonly src: Source,
    private readonly at: YamlNode | null = node,
  ) {}

  /** "topology.nodes.h1.ipv4", "topology.links[3]"; '' for the file's root. */
  get path(): string {
    if (this.pathText !== undefined) return this.pathText;
    const base = this.parent?.path ?? '';
    const step = this.step;
    this.pathText = step === undefined ? base : typeof step === 'number' ? `${base}[${step}]` : base ? `${base}.${step}` : step;
    return this.pathText;
  }

  /** Where the value stands (its parent's place when it is absent). */
  get pos(): Position {
    this.position ??= this.src.position(this.at, this.parent?.pos);
    return this.position;
  }

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
    for (const { key, keyNode, valueNode } of this.src.pairs(this.node)) out.push(new Field(valueNode, this, key, this.src, valueNode ?? keyNode));
    return out;
  }

  /** The key of this field within its parent map (last path segment). */
  get key(): string {
    if (typeof this.step === 'string') return this.step;
    const path = this.path;
    const dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.slice(dot + 1);
  }

  /** A map child by key; a Field of null when absent. */
  get(key: string): Field {
    if (isMap(this.node)) {
      const p = this.src.pair(this.node, key);
      if (p) return new Field(p.valueNode, this, key, this.src, p.valueNode ?? p.keyNode);
    }
    return new Field(null, this, key, this.src);
  }

  has(key: string): boolean {
    return !this.get(key).isNull;
  }

  /**
   * Report keys that are not among the known ones. Keys starting `x-` are
   * the user's own (Compose's extension fields: a place to keep `&anchors`
   * for `<<:` merges) and pass without a word.
   */
  checkKeys(known: readonly string[], ignored: readonly string[] = []): void {
    if (!isMap(this.node)) return;
    for (const f of this.entries() ?? []) {
      if (known.includes(f.key) || f.key.startsWith(EXTENSION_PREFIX)) continue;
      if (ignored.includes(f.key)) {
        this.src.noteIgnored(f);
        continue;
      }
      f.error(`unknown field '${f.key}'${didYouMean(f.key, known)}`);
    }
  }

  items(): Field[] | undefined {
    if (!isSeq(this.node)) return this.error(`expected a list, found ${this.describe()}`);
    return this.node.items.map((item, i) => new Field(this.src.deref(item), this, i, this.src));
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
    if (isScalar(this.node)) return this.node.value === null ? 'nothing' : quoted(String(this.node.value));
    return 'an alias';
  }
}

/** A value quoted for a message: control characters escaped, long text cut (a 100 MB scalar is not echoed). */
function quoted(text: string): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
  return `'${cut.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}'`;
}

/** A key and value of a map as the topology sees it: aliases resolved, `<<:` merges applied. */
interface MapPair {
  readonly key: string;
  readonly keyNode: YamlNode | null;
  readonly valueNode: YamlNode | null;
}

/** Fields of the user's own, ignored: `x-defaults: &host {…}`. */
const EXTENSION_PREFIX = 'x-';

/** YAML 1.1's merge key: `<<: *defaults` puts the anchored map's keys here, unless written here too. */
const MERGE_KEY = '<<';

/**
 * A parsed YAML file with a line counter for positions. Anchors, aliases
 * and `<<:` merges (common in containerlab and hand-written files) are
 * accepted; the bounds of ./yaml-bounds.ts are checked before anything
 * reads the values.
 */
export class Source {
  readonly diagnostics = new Diagnostics();
  readonly root: Field;
  private readonly lines = new LineCounter();
  private readonly ignoredSeen = new Set<string>();
  private readonly resolve: (node: unknown) => YamlNode | null = (n) => (isAlias(n) ? null : ((n ?? null) as YamlNode | null));
  private readonly pairCache = new WeakMap<YamlNode, Map<string, MapPair>>();

  constructor(
    readonly file: string,
    text: string,
  ) {
    const parsed = parseBounded(text, this.lines, { prettyErrors: false, uniqueKeys: false });
    if ('deep' in parsed) {
      this.diagnostics.error(this.at(parsed.deep.offset), '', parsed.deep.message);
      this.root = new Field(null, undefined, undefined, this);
      return;
    }
    const doc = parsed.doc;
    for (const e of doc.errors) {
      const lp = e.linePos?.[0] ?? this.lines.linePos(e.pos[0]);
      this.diagnostics.error({ file, line: lp?.line ?? 1, col: lp?.col ?? 1 }, '', `invalid YAML: ${e.message.split('\n')[0]}`);
    }
    this.resolve = aliasResolver(doc);
    if (doc.errors.length === 0) {
      for (const p of treeProblems(doc, (offset) => this.lines.linePos(offset).line, this.resolve)) this.diagnostics.error(this.at(p.offset), '', `invalid YAML: ${p.message}`);
    }
    const contents = this.diagnostics.hasErrors ? null : this.deref(doc.contents);
    this.root = new Field(contents, undefined, undefined, this);
  }

  private at(offset: number): Position {
    const lp = this.lines.linePos(offset);
    return { file: this.file, line: lp.line, col: lp.col };
  }

  /** The node an alias stands for (the anchored one); any other node as it is. */
  deref(node: unknown): YamlNode | null {
    return this.resolve(node);
  }

  /** A map's pairs by key, written ones first, then those `<<:` merges bring (earlier merges win). */
  private pairMap(map: YamlNode): Map<string, MapPair> {
    const cached = this.pairCache.get(map);
    if (cached) return cached;
    const out = new Map<string, MapPair>();
    const merges: YamlNode[] = [];
    if (isMap(map)) {
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const keyNode = this.deref(pair.key);
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        // Only a plain << merges (YAML 1.1); "<<" quoted is an ordinary key.
        if (key === MERGE_KEY && isScalar(keyNode) && keyNode.type === 'PLAIN' && !isAlias(pair.key)) {
          const v = this.deref(pair.value);
          if (isSeq(v)) for (const item of v.items) merges.push(this.deref(item) as YamlNode);
          else merges.push(v as YamlNode);
          continue;
        }
        if (!out.has(key)) out.set(key, { key, keyNode, valueNode: this.deref(pair.value) });
      }
    }
    this.pairCache.set(map, out);
    for (const m of merges) {
      if (!isMap(m)) {
        this.diagnostics.error(this.position(m ?? map), '', `'<<' merges a map, or a list of maps, into this one; found ${m === null ? 'nothing' : isSeq(m) ? 'a list' : 'a value'}`);
        continue;
      }
      for (const [k, p] of this.pairMap(m)) if (!out.has(k)) out.set(k, p);
    }
    return out;
  }

  pairs(map: YamlNode): MapPair[] {
    return [...this.pairMap(map).values()];
  }

  pair(map: YamlNode, key: string): MapPair | undefined {
    return this.pairMap(map).get(key);
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

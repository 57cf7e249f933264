import {
  CST, Composer, Lexer, Parser, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq,
  type Document, type DocumentOptions, type LineCounter, type Node as YamlNode, type ParseOptions, type SchemaOptions,
} from 'yaml';

/**
 * Bounds on what a topology file may make the loader do, checked before the
 * file means anything: how deep it nests, how far its aliases expand (a
 * "billion laughs" file is ten lines), and duplicate keys, found in one
 * linear pass (the yaml library's own check compares every key of a map
 * with every other: 10 000 nodes took it most of a second).
 */

/** Deeper than any topology needs (a real one nests about 8), far below what the parser's recursion can take. */
export const MAX_DEPTH = 64;
/** Values a file may stand for once its aliases are expanded: a 100 000-node lab is about a million. */
export const MAX_EXPANDED = 5_000_000;

export interface Where {
  readonly offset: number;
  readonly message: string;
}

/**
 * A nesting meter fed the yaml library's own lexemes in order (the lexer is
 * iterative, so quotes, comments, block scalars and complex keys are read as
 * the parser will read them): it answers the first place where the text
 * nests deeper than `max`, before the composer, which recurses and would
 * overflow the stack on a file 2000 levels deep. Block nesting counts each
 * line's indentation level and each `- ` and `? ` indicator; flow nesting
 * counts brackets exactly.
 */
export function nestingMeter(max = MAX_DEPTH): (lexeme: string) => Where | undefined {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  let col = 0;
  let lineStart = true;
  let scalarText = false;
  return (tok) => {
    // Control markers of the lexer are not source text: document start, flow-error end, "a scalar follows".
    if (tok === '\x02' || tok === '\x18') return undefined;
    if (tok === '\x1f') {
      scalarText = true;
      return undefined;
    }
    const type = scalarText ? 'scalar' : CST.tokenType(tok);
    scalarText = false;
    const at = offset;
    const startCol = col;
    offset += tok.length;
    const nl = tok.lastIndexOf('\n');
    col = nl >= 0 ? tok.length - nl - 1 : col + tok.length;
    if (type === 'newline' || type === 'space' || type === 'comment' || type === 'directive-line' || type === 'doc-start' || type === 'doc-end' || type === 'byte-order-mark') {
      if (nl >= 0) lineStart = true;
      return undefined;
    }
    if (flow === 0 && lineStart) {
      while (indents.length > 0 && (indents.at(-1) as number) >= startCol) indents.pop();
      indents.push(startCol);
    } else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind')) {
      indents.push(startCol);
    }
    lineStart = nl >= 0;
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    if (indents.length + flow > max) return { offset: at, message: `the file nests deeper than ${max} levels here` };
    return undefined;
  };
}

/** The first place where the text nests deeper than `max` (see nestingMeter). */
export function nestingTooDeep(text: string, max = MAX_DEPTH): Where | undefined {
  const meter = nestingMeter(max);
  for (const tok of new Lexer().lex(text)) {
    const deep = meter(tok);
    if (deep) return deep;
  }
  return undefined;
}

/**
 * `parseDocument(text)` of the yaml library, with the text lexed once and
 * every lexeme measured before the parser takes it: a file that nests too
 * deep stops there, before any document of it is composed.
 */
export function parseBounded(text: string, lines: LineCounter, options: DocumentOptions & ParseOptions & SchemaOptions, max = MAX_DEPTH): { doc: Document } | { deep: Where } {
  const meter = nestingMeter(max);
  const parser = new Parser(lines.addNewLine);
  let deep: Where | undefined;
  function* tokens(): Generator<CST.Token> {
    lines.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      deep = meter(lexeme);
      if (deep) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const d of new Composer(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  if (deep) return { deep };
  return { doc: doc as Document };
}

/**
 * Alias → the node it stands for, from one walk over the document: the
 * yaml library's own Alias.resolve() searches the whole document each time,
 * which made 10 000 aliases take seconds. An alias stands for the last
 * anchor of its name before it.
 */
export function aliasResolver(doc: Document): (alias: unknown) => YamlNode | null {
  const anchors = new Map<string, { at: number; node: YamlNode }[]>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n || isAlias(n)) continue;
    const node = n as YamlNode;
    if (node.anchor) {
      const list = anchors.get(node.anchor) ?? [];
      list.push({ at: node.range?.[0] ?? 0, node });
      anchors.set(node.anchor, list);
    }
    if (isMap(node)) for (const p of node.items) stack.push(p.key, p.value);
    else if (isSeq(node)) for (const item of node.items) stack.push(item);
  }
  for (const list of anchors.values()) list.sort((a, b) => a.at - b.at);
  return (alias) => {
    if (!isAlias(alias)) return (alias ?? null) as YamlNode | null;
    const list = anchors.get(alias.source);
    if (!list) return null;
    const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    let best: YamlNode | null = null;
    for (let lo = 0, hi = list.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      const e = list[mid] as { at: number; node: YamlNode };
      if (e.at < at) {
        best = e.node;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

/**
 * One walk over the parsed document, each node once (aliases resolved and
 * remembered): duplicate keys in a map, an alias that contains itself,
 * expansion beyond MAX_EXPANDED values or MAX_DEPTH levels. Returns every
 * problem, each at a node's place.
 */
export function treeProblems(doc: Document, lineOf: (offset: number) => number, resolve: (n: unknown) => YamlNode | null = aliasResolver(doc), maxExpanded = MAX_EXPANDED, maxDepth = MAX_DEPTH): Where[] {
  const problems: Where[] = [];
  const root = doc.contents as YamlNode | null;
  if (!root) return problems;
  const size = new Map<YamlNode, number>();
  const depth = new Map<YamlNode, number>();
  const visiting = new Set<YamlNode>();
  const at = (n: YamlNode | null | undefined): number => n?.range?.[0] ?? 0;
  const target = resolve;
  const children = (n: YamlNode): YamlNode[] => {
    if (isMap(n)) {
      const out: YamlNode[] = [];
      const seen = new Map<string, YamlNode>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = target(pair.key);
        if (key !== null && !isScalar(key)) {
          problems.push({ offset: at(pair.key as YamlNode), message: 'a key here is a list or a map; topology keys are names' });
          continue;
        }
        if (isScalar(key)) {
          const k = String(key.value);
          const first = seen.get(k);
          if (first) problems.push({ offset: at(pair.key as YamlNode), message: `duplicate key '${k}' (first at line ${lineOf(at(first))})` });
          else seen.set(k, key);
        }
        const v = target(pair.value);
        if (v) out.push(v);
      }
      return out;
    }
    if (isSeq(n)) return n.items.map(target).filter((x): x is YamlNode => x !== null);
    return [];
  };
  // Iterative post-order: a 100 000-entry map or a deep chain never grows the call stack.
  const stack: { node: YamlNode; kids?: YamlNode[]; via: YamlNode }[] = [{ node: target(root) as YamlNode, via: root }];
  if (!stack[0]?.node) return problems;
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (!top.kids) {
      if (size.has(top.node)) {
        stack.pop();
        continue;
      }
      visiting.add(top.node);
      top.kids = children(top.node);
      for (const k of top.kids) {
        if (visiting.has(k)) {
          problems.push({ offset: at(top.node), message: 'an alias here stands for a value that contains it' });
          return problems;
        }
        if (!size.has(k)) stack.push({ node: k, via: k });
      }
      continue;
    }
    stack.pop();
    visiting.delete(top.node);
    let s = 1;
    let d = 0;
    for (const k of top.kids) {
      s += size.get(k) ?? 0;
      d = Math.max(d, depth.get(k) ?? 0);
    }
    size.set(top.node, s);
    depth.set(top.node, d + 1);
    if (s > maxExpanded) {
      problems.push({ offset: at(top.via), message: `this value expands to more than ${maxExpanded.toLocaleString('en')} values through its aliases; refused (a "billion laughs" file?)` });
      return problems;
    }
    if (d + 1 > maxDepth) {
      problems.push({ offset: at(top.via), message: `this value nests deeper than ${maxDepth} levels once its aliases are expanded` });
      return problems;
    }
  }
  return problems;
}

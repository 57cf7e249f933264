import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';

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
 * The first place where the text nests deeper than `max`, by block
 * indentation, `- ` entries and flow brackets (outside quotes and
 * comments), found without parsing: the parser itself recurses and would
 * overflow the stack on a file 2000 levels deep.
 */
export function nestingTooDeep(text: string, max = MAX_DEPTH): Where | undefined {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1; // while > -1, lines indented more than this are a | or > scalar's text
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (blockScalarIndent >= 0) {
      if (content === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (content === '' || content.startsWith('#')) continue;
    if (flow === 0) {
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      let pos = indent;
      while (line.startsWith('- ', pos) || line.slice(pos) === '-') {
        indents.push(pos);
        pos += 1;
        while (line[pos] === ' ') pos++;
      }
      indents.push(pos);
      if (indents.length + flow > max) return { offset: start + pos, message: `the file nests deeper than ${max} levels here` };
    }
    let quote: string | undefined;
    for (let i = indent; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > max) return { offset: start + i, message: `the file nests deeper than ${max} levels here` };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (flow === 0 && /(^|:\s|-\s)[|>][0-9+-]*\s*(#.*)?$/.test(content)) blockScalarIndent = indent;
  }
  return undefined;
}

/**
 * One walk over the parsed document, each node once (aliases resolved and
 * remembered): duplicate keys in a map, an alias that contains itself,
 * expansion beyond MAX_EXPANDED values or MAX_DEPTH levels. Returns every
 * problem, each at a node's place.
 */
export function treeProblems(doc: Document, lineOf: (offset: number) => number, maxExpanded = MAX_EXPANDED, maxDepth = MAX_DEPTH): Where[] {
  const problems: Where[] = [];
  const root = doc.contents as YamlNode | null;
  if (!root) return problems;
  const size = new Map<YamlNode, number>();
  const depth = new Map<YamlNode, number>();
  const visiting = new Set<YamlNode>();
  const at = (n: YamlNode | null | undefined): number => n?.range?.[0] ?? 0;
  const target = (n: unknown): YamlNode | null => {
    if (isAlias(n)) return (n.resolve(doc) ?? null) as YamlNode | null;
    return (n ?? null) as YamlNode | null;
  };
  const children = (n: YamlNode): YamlNode[] => {
    if (isMap(n)) {
      const out: YamlNode[] = [];
      const seen = new Map<string, YamlNode>();
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        if (isScalar(key)) {
          const k = String(key.value);
          const first = seen.get(k);
          if (first) problems.push({ offset: at(key), message: `duplicate key '${k}' (first at line ${lineOf(at(first))})` });
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

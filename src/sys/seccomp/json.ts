/**
 * A small strict JSON (RFC 8259) parser that keeps where each value starts,
 * so a profile's mistakes can be reported as file:line:column with a JSON
 * path, and keeps numbers' text, so 64-bit argument values stay exact.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

export type JsonNode = Position &
  (
    | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, JsonNode> }
    | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
    | { readonly kind: 'string'; readonly value: string }
    | { readonly kind: 'number'; readonly text: string }
    | { readonly kind: 'boolean'; readonly value: boolean }
    | { readonly kind: 'null' }
  );

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Nesting deeper than this is refused rather than overflowing the stack. */
const MAX_DEPTH = 256;

export function parseJson(text: string): JsonNode {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = 0;

  const pos = (): Position => ({ line, column: i - lineStart + 1 });
  const fail = (what: string, at: Position = pos()): never => {
    throw new JsonSyntaxError(what, at.line, at.column);
  };
  const describeHere = (): string => (i >= text.length ? 'the end of the file' : `"${text[i]}"`);

  const skipSpace = (): void => {
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };

  const parseString = (): string => {
    const start = pos();
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c.charCodeAt(0) < 0x20) fail('control character in a string (escape it)');
      if (c !== '\\') {
        out += c;
        i++;
        continue;
      }
      const e = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) {
        out += simple[e];
        i += 2;
      } else if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u must be followed by four hex digits');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else {
        fail(`unknown escape "\\${e ?? ''}" in a string`);
      }
    }
  };

  const parseValue = (depth: number): JsonNode => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    skipSpace();
    const at = pos();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries = new Map<string, JsonNode>();
      skipSpace();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', entries, ...at };
      }
      for (;;) {
        skipSpace();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describeHere()}`);
        const key = parseString();
        skipSpace();
        if (text[i] !== ':') fail(`expected ":" after property "${key}", found ${describeHere()}`);
        i++;
        entries.set(key, parseValue(depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', entries, ...at };
        }
        fail(`expected "," or "}" after a property, found ${describeHere()}`);
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      skipSpace();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', items, ...at };
      }
      for (;;) {
        items.push(parseValue(depth + 1));
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', items, ...at };
        }
        fail(`expected "," or "]" in an array, found ${describeHere()}`);
      }
    }
    if (c === '"') return { kind: 'string', value: parseString(), ...at };
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail('malformed number');
      const numText = (m as RegExpExecArray)[0];
      i += numText.length;
      return { kind: 'number', text: numText, ...at };
    }
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return { ...node, ...at };
      }
    }
    return fail(`expected a value, found ${describeHere()}`);
  };

  const root = parseValue(0);
  skipSpace();
  if (i < text.length) fail(`unexpected ${describeHere()} after the end of the document`);
  return root;
}

/** The plain JavaScript value of a node (numbers as JS numbers). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object':
      return Object.fromEntries([...node.entries].map(([k, v]) => [k, toPlain(v)]));
    case 'array':
      return node.items.map(toPlain);
    case 'number':
      return Number(node.text);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

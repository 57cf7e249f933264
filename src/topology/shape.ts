import { didYouMean } from './diagnostics.js';
import type { Field } from './source.js';
import type { MapSpec, Spec } from './spec.js';

/** What a YAML node is, in the words messages use. */
function nodeType(f: Field): 'map' | 'list' | 'string' | 'integer' | 'number' | 'boolean' | 'null' {
  if (f.isNull) return 'null';
  if (f.isMap) return 'map';
  if (f.isSeq) return 'list';
  const v = f.value;
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'string';
}

function expected(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.enum ? `one of ${spec.enum.join(', ')}` : spec.example ? `a string such as '${spec.example}'` : 'a string';
    case 'integer':
      return `a whole number (${spec.min}–${spec.max})`;
    case 'number':
      return `a number (${spec.min}–${spec.max})`;
    case 'boolean':
      return 'true or false';
    case 'map':
    case 'dict':
      return 'a map';
    case 'list':
      return 'a list';
    case 'oneOf':
      return spec.options.map(expected).join(', or ');
  }
}

/** Does this node have the YAML type this spec wants? (Numbers may stand for strings, as YAML reads 22 or 1.5.) */
function matches(f: Field, spec: Spec): boolean {
  const t = nodeType(f);
  switch (spec.kind) {
    case 'string':
      return t === 'string' || t === 'integer' || t === 'number';
    case 'integer':
      return t === 'integer';
    case 'number':
      return t === 'integer' || t === 'number';
    case 'boolean':
      return t === 'boolean';
    case 'map':
      return t === 'map' || (t === 'null' && !spec.required?.length);
    case 'dict':
      return t === 'map' || t === 'null';
    case 'list':
      return t === 'list';
    case 'oneOf':
      return spec.options.some((o) => matches(f, o));
  }
}

/**
 * Check a value's shape against the spec: types, known keys (with a
 * suggestion for a misspelt one), required keys, enums, ranges and patterns.
 * Reports every problem to the Field's diagnostics; meaning is the loader's.
 */
export function checkShape(f: Field, spec: Spec): void {
  if (!matches(f, spec)) {
    f.error(`expected ${expected(spec)}, found ${f.describe()}`);
    return;
  }
  switch (spec.kind) {
    case 'string': {
      const text = f.text ?? '';
      if (spec.enum && !spec.enum.includes(text)) {
        f.error(`unknown ${f.key} '${text}' (expected ${orList(spec.enum)})${didYouMean(text, spec.enum)}`);
      } else if (spec.pattern && !compiled(spec.pattern).test(text)) {
        f.error(`${label(spec.format, f.key)} '${text}' ${patternWords(spec.pattern)}`);
      }
      return;
    }
    case 'integer':
    case 'number': {
      const v = f.value as number;
      if (v < spec.min || v > spec.max) f.error(`${v} is out of range (${spec.min}–${spec.max})`);
      return;
    }
    case 'boolean':
      return;
    case 'map':
      checkMap(f, spec);
      return;
    case 'dict':
      for (const e of f.isNull ? [] : (f.entries() ?? [])) {
        if (spec.keyPattern && !compiled(spec.keyPattern).test(e.key)) {
          e.error(`${spec.keyLabel ?? 'name'} '${e.key}' ${patternWords(spec.keyPattern)}`);
          continue;
        }
        checkShape(e, spec.values);
      }
      return;
    case 'list': {
      const items = f.items() ?? [];
      if (spec.minItems !== undefined && items.length < spec.minItems) {
        f.error(`needs at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}, found ${items.length}`);
      }
      for (const item of items) checkShape(item, spec.items);
      return;
    }
    case 'oneOf': {
      const option = spec.options.find((o) => matches(f, o));
      if (option) checkShape(f, option);
      return;
    }
  }
}

function checkMap(f: Field, spec: MapSpec): void {
  if (f.isNull) return;
  f.checkKeys(knownKeys(spec), spec.ignored ?? []);
  for (const key of spec.required ?? []) {
    if (!f.has(key)) f.error(`missing '${key}'${spec.fields[key] ? ` (${firstSentence(spec.fields[key].doc)})` : ''}`);
  }
  // The fields written (a node's spec knows some 30, a node sets a few), in the file's order.
  for (const child of f.entries() ?? []) {
    if (!Object.hasOwn(spec.fields, child.key) || child.isNull) continue;
    checkShape(child, spec.fields[child.key] as Spec);
  }
}

const known = new WeakMap<MapSpec, readonly string[]>();
function knownKeys(spec: MapSpec): readonly string[] {
  let keys = known.get(spec);
  if (!keys) known.set(spec, (keys = Object.keys(spec.fields)));
  return keys;
}

/** Patterns of the spec, compiled once each (a 1000-node file tests them thousands of times). */
const patterns = new Map<string, RegExp>();
function compiled(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) patterns.set(pattern, (re = new RegExp(pattern)));
  return re;
}

function firstSentence(doc: string): string {
  const i = doc.indexOf('. ');
  return (i < 0 ? doc : doc.slice(0, i)).replace(/\.$/, '').replaceAll('`', '');
}

function orList(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const LABELS: Readonly<Record<string, string>> = {
  'lab-name': 'lab name',
  node: 'node name',
  group: 'group name',
  'lan-name': 'LAN name',
};

function label(format: string | undefined, key: string): string {
  return (format && LABELS[format]) ?? key;
}

function patternWords(pattern: string): string {
  if (pattern === '^[A-Za-z0-9][A-Za-z0-9_-]*$') {
    return 'must start with a letter or digit and contain only letters, digits, - and _ (it becomes part of namespace names)';
  }
  if (pattern.startsWith('^[0-9a-fA-F]{2}')) return 'is not a MAC address (write six hex pairs, aa:bb:cc:dd:ee:ff)';
  if (pattern === '^(host|linux|router|bridge)$') return 'is not a kind (host, linux, router or bridge)';
  if (pattern.startsWith('^net')) return 'is not a network sysctl: only net.* belong to a node’s network namespace';
  return `does not match ${pattern}`;
}

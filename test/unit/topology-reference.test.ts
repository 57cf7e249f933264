import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { jsonSchema, referenceMarkdown } from '../../src/topology/reference.js';
import { topologySpec } from '../../src/topology/spec.js';

const docs = (name: string): string => fileURLToPath(new URL(`../../docs/${name}`, import.meta.url));
const topologies = fileURLToPath(new URL('../../topologies/', import.meta.url));

/** A tiny JSON Schema checker for what reference.ts emits (type, enum, properties, items, anyOf, ranges). */
function validate(schema: Record<string, unknown>, value: unknown, path = '$'): string[] {
  const errs: string[] = [];
  const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? []);
  const typeOf = (v: unknown): string =>
    v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v === 'object' ? 'object' : typeof v;
  const t = typeOf(value);
  if (types.length && !types.includes(t) && !(t === 'integer' && types.includes('number'))) return [`${path}: ${t} is not ${types.join('|')}`];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errs.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) errs.push(`${path}: below minimum`);
  if (typeof value === 'number' && typeof schema.maximum === 'number' && value > schema.maximum) errs.push(`${path}: above maximum`);
  if (schema.anyOf) {
    const options = (schema.anyOf as Array<Record<string, unknown>>).map((o) => validate(o, value, path));
    if (!options.some((o) => o.length === 0)) errs.push(`${path}: matches no form (${options.map((o) => o[0]).join('; ')})`);
  }
  if (t === 'object' && value) {
    const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const req of (schema.required as string[] | undefined) ?? []) if (!(req in (value as object))) errs.push(`${path}: missing ${req}`);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (props[k]) errs.push(...validate(props[k], v, `${path}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${path}: unknown ${k}`);
      else if (typeof schema.additionalProperties === 'object') errs.push(...validate(schema.additionalProperties as Record<string, unknown>, v, `${path}.${k}`));
    }
  }
  if (t === 'array' && schema.items) (value as unknown[]).forEach((v, i) => errs.push(...validate(schema.items as Record<string, unknown>, v, `${path}[${i}]`)));
  return errs;
}

describe('the reference and the JSON Schema', () => {
  it('docs/topology.md is what the spec makes (run npm run docs after changing spec.ts)', () => {
    expect(readFileSync(docs('topology.md'), 'utf8')).toBe(referenceMarkdown());
  });

  it('docs/nslab.schema.json is what the spec makes', () => {
    expect(JSON.parse(readFileSync(docs('nslab.schema.json'), 'utf8'))).toEqual(jsonSchema());
  });

  it('documents every field of the spec', () => {
    const md = referenceMarkdown();
    for (const key of [...Object.keys(topologySpec.fields), 'endpoints', 'lan', 'mtu', 'routing', 'ipv4', 'ipv6', 'mac', 'groups', 'kinds', 'defaults']) {
      expect(md).toContain(`\`${key}\``);
    }
  });

  it('accepts every example topology', () => {
    const files = readdirSync(topologies).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) expect(validate(jsonSchema(), parse(readFileSync(`${topologies}${f}`, 'utf8'))), f).toEqual([]);
  });

  it('rejects what the validator rejects for its shape: unknown fields, wrong types, bad enums', () => {
    const base = { name: 'x', topology: { nodes: { h1: {} } } };
    expect(validate(jsonSchema(), { ...base, topology: { nodes: { h1: { knid: 'host' } } } })).not.toEqual([]);
    expect(validate(jsonSchema(), { ...base, topology: { nodes: { h1: { kind: 'rooter' } } } })).not.toEqual([]);
    expect(validate(jsonSchema(), { ...base, topology: { nodes: { h1: {} }, links: [{ endpoints: ['h1:e0', 'h1:e1'], mtu: 10 }] } })).not.toEqual([]);
    expect(validate(jsonSchema(), { topology: base.topology })).not.toEqual([]);
    expect(validate(jsonSchema(), base)).toEqual([]);
  });
});

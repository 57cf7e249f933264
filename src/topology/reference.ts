import type { MapSpec, Spec } from './spec.js';
import { topologySpec } from './spec.js';

type JsonSchema = Record<string, unknown>;

/** The JSON Schema (draft 2020-12) of the topology format, made from the spec. */
export function jsonSchema(spec: Spec = topologySpec): JsonSchema {
  const top = toSchema(spec);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://nslab.invalid/nslab.schema.json',
    title: 'nslab topology',
    ...top,
  };
}

function toSchema(spec: Spec): JsonSchema {
  const base: JsonSchema = { description: spec.doc.replaceAll('`', '') };
  if (spec.default !== undefined) base.default = spec.default;
  if (spec.example !== undefined) base.examples = [spec.example];
  switch (spec.kind) {
    case 'string':
      return {
        ...base,
        // YAML reads 22 or 1.5 as numbers; the loader takes them as text.
        type: spec.enum ? 'string' : ['string', 'number'],
        ...(spec.enum ? { enum: [...spec.enum] } : {}),
        ...(spec.pattern ? { pattern: spec.pattern } : {}),
      };
    case 'integer':
      return { ...base, type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'number':
      return { ...base, type: 'number', minimum: spec.min, maximum: spec.max };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'map': {
      const properties: Record<string, JsonSchema> = {};
      for (const [k, v] of Object.entries(spec.fields)) properties[k] = toSchema(v);
      for (const k of spec.ignored ?? []) properties[k] = { description: 'Accepted for containerlab compatibility and ignored.' };
      return {
        ...base,
        type: spec.required?.length ? 'object' : ['object', 'null'],
        properties,
        patternProperties: { '^x-': { description: 'A field of your own (for anchors to merge with <<:), ignored.' } },
        additionalProperties: false,
        ...(spec.required?.length ? { required: [...spec.required] } : {}),
      };
    }
    case 'dict':
      return {
        ...base,
        type: ['object', 'null'],
        ...(spec.keyPattern ? { propertyNames: { pattern: spec.keyPattern } } : {}),
        additionalProperties: toSchema(spec.values),
      };
    case 'list':
      return { ...base, type: 'array', items: toSchema(spec.items), ...(spec.minItems !== undefined ? { minItems: spec.minItems } : {}) };
    case 'oneOf':
      return { ...base, anyOf: spec.options.map(toSchema) };
  }
}

function typeWords(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.enum ? spec.enum.map((e) => `\`${e}\``).join(' \\| ') : spec.format ? `string (${spec.format})` : 'string';
    case 'integer':
      return `integer ${spec.min}–${spec.max}`;
    case 'number':
      return `number ${spec.min}–${spec.max}`;
    case 'boolean':
      return 'boolean';
    case 'map':
      return 'map';
    case 'dict':
      return 'map of name → …';
    case 'list':
      return `list of ${typeWords(spec.items)}`;
    case 'oneOf':
      return spec.options.map(typeWords).join(' or ');
  }
}

/** Maps worth a section of their own, by path, found by walking the spec. */
function sections(spec: Spec, path: string, out: Array<[string, MapSpec]>): void {
  switch (spec.kind) {
    case 'map':
      out.push([path, spec]);
      for (const [k, v] of Object.entries(spec.fields)) sections(v, path ? `${path}.${k}` : k, out);
      return;
    case 'dict':
      sections(spec.values, `${path}.<name>`, out);
      return;
    case 'list':
      sections(spec.items, `${path}[]`, out);
      return;
    case 'oneOf':
      for (const o of spec.options) sections(o, path, out);
      return;
    default:
      return;
  }
}

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** docs/topology.md: every field, its type, default and meaning, made from the spec. */
export function referenceMarkdown(spec: MapSpec = topologySpec): string {
  const out = [
    '# Topology file reference',
    '',
    '<!-- Generated from src/topology/spec.ts by `npm run docs`; a test fails when it is stale. -->',
    '',
    'A topology is a YAML file. Editors that speak the YAML language server get completion and checks from',
    '[`nslab.schema.json`](nslab.schema.json) (also printed by `nslab schema`) with a first line naming it,',
    'as the files in `topologies/` do:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../docs/nslab.schema.json',
    '```',
    '',
    'Node fields are inherited: a node’s own value wins, then its group’s (`topology.groups`), then its',
    'kind’s (`topology.kinds`), then `topology.defaults`.',
    '',
  ];
  const all: Array<[string, MapSpec]> = [];
  sections(spec, '', all);
  const seen = new Set<string>();
  for (const [path, map] of all) {
    const key = `${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`## ${path || '(top level)'}`, '', map.doc, '');
    out.push('| field | type | default | meaning |', '| --- | --- | --- | --- |');
    for (const [k, v] of Object.entries(map.fields)) {
      const req = map.required?.includes(k) ? ' (required)' : '';
      const example = v.example !== undefined ? ` Example: \`${v.example}\`.` : '';
      out.push(`| \`${k}\`${req} | ${cell(typeWords(v))} | ${v.default !== undefined ? `\`${v.default}\`` : ''} | ${cell(v.doc)}${cell(example)} |`);
    }
    if (map.ignored?.length) out.push('', `Accepted and ignored (containerlab fields): ${map.ignored.map((i) => `\`${i}\``).join(', ')}.`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

// `npm run docs`: write docs/topology.md and docs/nslab.schema.json from the spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchema, referenceMarkdown } from './reference.js';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });
writeFileSync(`${docs}topology.md`, referenceMarkdown());
writeFileSync(`${docs}nslab.schema.json`, `${JSON.stringify(jsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${docs}topology.md and ${docs}nslab.schema.json\n`);

import { t as topologySpec } from "./spec-Cj1gTZuq.js";
// dist/topology/reference.js
/** The JSON Schema (draft 2020-12) of the topology format, made from the spec. */
function jsonSchema(spec = topologySpec) {
	return {
		$schema: "https://json-schema.org/draft/2020-12/schema",
		$id: "https://nslab.invalid/nslab.schema.json",
		title: "nslab topology",
		...toSchema(spec)
	};
}
function toSchema(spec) {
	const base = { description: spec.doc.replaceAll("`", "") };
	if (spec.default !== void 0) base.default = spec.default;
	if (spec.example !== void 0) base.examples = [spec.example];
	switch (spec.kind) {
		case "string": return {
			...base,
			type: spec.enum ? "string" : ["string", "number"],
			...spec.enum ? { enum: [...spec.enum] } : {},
			...spec.pattern ? { pattern: spec.pattern } : {}
		};
		case "integer": return {
			...base,
			type: "integer",
			minimum: spec.min,
			maximum: spec.max
		};
		case "number": return {
			...base,
			type: "number",
			minimum: spec.min,
			maximum: spec.max
		};
		case "boolean": return {
			...base,
			type: "boolean"
		};
		case "map": {
			const properties = {};
			for (const [k, v] of Object.entries(spec.fields)) properties[k] = toSchema(v);
			for (const k of spec.ignored ?? []) properties[k] = { description: "Accepted for containerlab compatibility and ignored." };
			return {
				...base,
				type: spec.required?.length ? "object" : ["object", "null"],
				properties,
				additionalProperties: false,
				...spec.required?.length ? { required: [...spec.required] } : {}
			};
		}
		case "dict": return {
			...base,
			type: ["object", "null"],
			...spec.keyPattern ? { propertyNames: { pattern: spec.keyPattern } } : {},
			additionalProperties: toSchema(spec.values)
		};
		case "list": return {
			...base,
			type: "array",
			items: toSchema(spec.items),
			...spec.minItems !== void 0 ? { minItems: spec.minItems } : {}
		};
		case "oneOf": return {
			...base,
			anyOf: spec.options.map(toSchema)
		};
	}
}
// dist/cli/schema.js
function registerSchema(program) {
	program.command("schema").description("print the JSON Schema of topology files (for editors: # yaml-language-server: $schema=FILE)").action(() => {
		process.stdout.write(`${JSON.stringify(jsonSchema(), null, 2)}\n`);
	});
}
export { registerSchema };

/** The kinds of value the topology format describes (./spec.ts), for the shape checker, the JSON Schema and the reference. */
export type Spec = StringSpec | IntegerSpec | NumberSpec | BooleanSpec | MapSpec | DictSpec | ListSpec | OneOfSpec;

interface Common {
  /** One or two sentences for the reference. */
  readonly doc: string;
  readonly example?: string;
  /** The value used when the field is absent, as the user would write it. */
  readonly default?: string | number | boolean;
}

export interface StringSpec extends Common {
  readonly kind: 'string';
  readonly enum?: readonly string[];
  readonly pattern?: string;
  /** What the text must be, checked by the loader (`cidr`, `route`, `endpoint`…). */
  readonly format?: string;
}
export interface IntegerSpec extends Common {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
}
export interface NumberSpec extends Common {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
}
export interface BooleanSpec extends Common {
  readonly kind: 'boolean';
}
/** A map with known keys. */
export interface MapSpec extends Common {
  readonly kind: 'map';
  readonly fields: Readonly<Record<string, Spec>>;
  readonly required?: readonly string[];
  /** Keys accepted and reported once as meaningless here (containerlab's). */
  readonly ignored?: readonly string[];
}
/** A map whose keys are names the user chooses (nodes, groups). */
export interface DictSpec extends Common {
  readonly kind: 'dict';
  readonly values: Spec;
  readonly keyPattern?: string;
  /** What a key is, for messages ("node name"). */
  readonly keyLabel?: string;
}
export interface ListSpec extends Common {
  readonly kind: 'list';
  readonly items: Spec;
  readonly minItems?: number;
}
/** One of several forms, told apart by YAML node type (scalar, map, list). */
export interface OneOfSpec extends Common {
  readonly kind: 'oneOf';
  readonly options: readonly Spec[];
}

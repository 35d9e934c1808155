/**
 * OpenAI strict structured outputs accept a subset of JSON Schema: every object closed
 * (`additionalProperties: false`) with every property required, and no schema without a type. Our
 * FlowIR schema has open objects (`params`, `param_mapping`) and records (`inputs`), so it cannot
 * be sent as is. This module rewrites such a schema into a strict one the model can fill, and
 * turns the model's strict answer back into the document the original schema describes.
 *
 * Rules (source → strict; decode undoes each):
 * - object with properties: closed, all properties required; an optional property becomes
 *   nullable (`anyOf [schema, null]`) and a null answer for it is dropped again;
 * - object without properties whose extra keys are allowed (a record or open object): an array of
 *   `{ key, value }` entries, converted back to an object (the last duplicate key wins);
 * - a schema that constrains nothing (`{}`, `true`, items of an untyped array): a string holding
 *   the JSON text of the value; entries then name it `value_json`. A string that is not JSON is
 *   kept as the string itself (models often forget to quote plain text);
 * - `const` becomes a one-value `enum`; `type: [a, b]` becomes `anyOf`; keywords strict mode may
 *   reject (`pattern`, `minItems`, `format`, `default`, ...) are dropped: the caller's own
 *   validator still judges the decoded answer;
 * - `$ref`, `allOf`, `not`, `if`, tuples (`prefixItems`) are not supported and throw TypeError.
 *
 * Known loss: an optional property that also admits null cannot tell "null" from "absent" (both
 * decode to absent), and in an `anyOf` of an array and a record an empty array decodes to the
 * branch listed first.
 */

/** A JSON Schema node as plain data. */
export type JsonSchema = Record<string, unknown>;

export interface StrictJsonSchema {
  /** The strict schema to send as `response_format.json_schema.schema`. */
  schema: JsonSchema;
  /** Strict-form answer → the document the source schema describes. */
  decode(answer: unknown): unknown;
  /** Document of the source schema → its strict form (tests, recorded fixtures). */
  encode(document: unknown): unknown;
}

/** Converts `jsonSchema` (an object schema, without `$schema`) into its strict form and codec. */
export function toStrictJsonSchema(jsonSchema: JsonSchema): StrictJsonSchema {
  const { $schema: _ignored, ...source } = jsonSchema;
  const codec = codecFor(source, "(root)");
  if (codec.kind !== "object") {
    throw new TypeError(
      "strict structured outputs need an object with properties at the root of the schema",
    );
  }
  return {
    schema: codec.schema,
    decode: (answer) => codec.decode(answer),
    encode: (document) => codec.encode(document),
  };
}

interface Codec {
  kind: "json" | "scalar" | "object" | "record" | "array" | "any-of";
  schema: JsonSchema;
  /** Whether a strict-form value has this node's shape (picks the `anyOf` branch on decode). */
  matchesStrict(value: unknown): boolean;
  /** Whether a source-form value has this node's shape (picks the `anyOf` branch on encode). */
  matchesSource(value: unknown): boolean;
  /** Whether `null` is a legal value here (then an optional property adds no second null). */
  admitsNull: boolean;
  decode(value: unknown): unknown;
  encode(value: unknown): unknown;
}

const UNSUPPORTED_KEYWORDS = ["$ref", "allOf", "not", "if", "prefixItems", "patternProperties"];
const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);

function codecFor(schema: unknown, path: string): Codec {
  if (schema === true) return jsonCodec(undefined);
  if (!isPlainObject(schema)) {
    throw new TypeError(`${path}: cannot express schema ${JSON.stringify(schema)} in strict mode`);
  }
  for (const keyword of UNSUPPORTED_KEYWORDS) {
    if (keyword in schema) throw new TypeError(`${path}: '${keyword}' is not supported`);
  }
  if (isUnconstrained(schema)) return jsonCodec(description(schema));
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    return anyOfCodec(
      branches.map((branch, index) => codecFor(branch, `${path}.anyOf[${index}]`)),
      description(schema),
    );
  }
  if (Array.isArray(schema.type)) {
    const { type: types, ...rest } = schema;
    return anyOfCodec(
      types.map((type, index) => codecFor({ ...rest, type }, `${path}.type[${index}]`)),
      description(schema),
    );
  }
  const type = schema.type ?? inferType(schema);
  if (type === "object") return objectCodec(schema, path);
  if (type === "array") return arrayCodec(schema, path);
  if (typeof type === "string" && SCALAR_TYPES.has(type)) return scalarCodec(schema, type);
  if (schema.enum !== undefined || schema.const !== undefined) return scalarCodec(schema);
  throw new TypeError(`${path}: unsupported schema type ${JSON.stringify(type)}`);
}

/** No type, no choice, no value list: any JSON value is allowed. */
function isUnconstrained(schema: JsonSchema): boolean {
  return ![
    "type",
    "anyOf",
    "oneOf",
    "enum",
    "const",
    "properties",
    "additionalProperties",
    "items",
  ].some((keyword) => keyword in schema);
}

function inferType(schema: JsonSchema): string | undefined {
  if ("properties" in schema || "additionalProperties" in schema) return "object";
  if ("items" in schema) return "array";
  return undefined;
}

function jsonCodec(sourceDescription: string | undefined): Codec {
  const hint = 'JSON text of the value, e.g. "\\"text\\"", "42", "[1, 2]" or "{\\"a\\": 1}"';
  return {
    kind: "json",
    schema: {
      type: "string",
      description: sourceDescription ? `${sourceDescription} (${hint})` : hint,
    },
    matchesStrict: (value) => typeof value === "string",
    matchesSource: () => true,
    admitsNull: true,
    decode: (value) => (typeof value === "string" ? parseJsonLeniently(value) : value),
    encode: (value) => JSON.stringify(value),
  };
}

function parseJsonLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function scalarCodec(schema: JsonSchema, type?: string): Codec {
  const values = schema.const !== undefined ? [schema.const] : schema.enum;
  const allowed = Array.isArray(values) ? values : undefined;
  const strict: JsonSchema = withDescription(
    {
      ...(type === undefined ? {} : { type }),
      ...(allowed === undefined ? {} : { enum: allowed }),
    },
    schema,
  );
  const matches = (value: unknown) =>
    (type === undefined || hasJsonType(value, type)) &&
    (allowed === undefined || allowed.some((candidate) => candidate === value));
  return {
    kind: "scalar",
    schema: strict,
    matchesStrict: matches,
    matchesSource: matches,
    admitsNull: type === "null" || (allowed?.includes(null) ?? false),
    decode: (value) => value,
    encode: (value) => value,
  };
}

function objectCodec(schema: JsonSchema, path: string): Codec {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const names = Object.keys(properties);
  if (names.length === 0 && schema.additionalProperties !== false) {
    return recordCodec(schema, path);
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const fields = names.map((name) => {
    const codec = codecFor(properties[name], `${path}.${name}`);
    const optional = !required.has(name);
    const strict = optional && !codec.admitsNull ? nullable(codec.schema) : codec.schema;
    return { name, codec, optional, strict };
  });
  const matchesShape = (value: unknown): value is Record<string, unknown> =>
    isPlainObject(value) && fields.every((field) => field.name in value || field.optional);
  return {
    kind: "object",
    schema: withDescription(
      {
        type: "object",
        properties: Object.fromEntries(fields.map((field) => [field.name, field.strict])),
        required: names,
        additionalProperties: false,
      },
      schema,
    ),
    matchesStrict: matchesShape,
    matchesSource: isPlainObject,
    admitsNull: false,
    decode(value) {
      if (!isPlainObject(value)) return value;
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const field = fields.find((candidate) => candidate.name === key);
        // Unknown keys pass through so the caller's validator can name them.
        if (!field) result[key] = child;
        else if (!(field.optional && child === null)) result[key] = field.codec.decode(child);
      }
      return result;
    },
    encode(value) {
      if (!isPlainObject(value)) return value;
      const result: Record<string, unknown> = {};
      for (const field of fields) {
        const child = value[field.name];
        result[field.name] = child === undefined ? null : field.codec.encode(child);
      }
      return result;
    },
  };
}

function recordCodec(schema: JsonSchema, path: string): Codec {
  const valueCodec = codecFor(schema.additionalProperties ?? true, `${path}.*`);
  const valueName = valueCodec.kind === "json" ? "value_json" : "value";
  const entrySchema = {
    type: "object",
    properties: { key: { type: "string" }, [valueName]: valueCodec.schema },
    required: ["key", valueName],
    additionalProperties: false,
  };
  const isEntry = (value: unknown): value is Record<string, unknown> =>
    isPlainObject(value) && typeof value.key === "string" && valueName in value;
  return {
    kind: "record",
    schema: withDescription({ type: "array", items: entrySchema }, schema, "one entry per key"),
    matchesStrict: (value) => Array.isArray(value) && value.every(isEntry),
    matchesSource: isPlainObject,
    admitsNull: false,
    decode(value) {
      if (!Array.isArray(value) || !value.every(isEntry)) return value;
      return Object.fromEntries(
        value.map((entry) => [entry.key as string, valueCodec.decode(entry[valueName])]),
      );
    },
    encode(value) {
      if (!isPlainObject(value)) return value;
      return Object.entries(value).map(([key, child]) => ({
        key,
        [valueName]: valueCodec.encode(child),
      }));
    },
  };
}

function arrayCodec(schema: JsonSchema, path: string): Codec {
  const itemCodec = codecFor(schema.items ?? true, `${path}[]`);
  return {
    kind: "array",
    schema: withDescription({ type: "array", items: itemCodec.schema }, schema),
    matchesStrict: (value) =>
      Array.isArray(value) && value.every((item) => itemCodec.matchesStrict(item)),
    matchesSource: Array.isArray,
    admitsNull: false,
    decode: (value) => (Array.isArray(value) ? value.map((item) => itemCodec.decode(item)) : value),
    encode: (value) => (Array.isArray(value) ? value.map((item) => itemCodec.encode(item)) : value),
  };
}

function anyOfCodec(branches: Codec[], sourceDescription: string | undefined): Codec {
  const pick = (value: unknown, matches: (codec: Codec, value: unknown) => boolean) =>
    branches.find((branch) => matches(branch, value));
  return {
    kind: "any-of",
    schema: {
      anyOf: branches.map((branch) => branch.schema),
      ...(sourceDescription ? { description: sourceDescription } : {}),
    },
    matchesStrict: (value) => branches.some((branch) => branch.matchesStrict(value)),
    matchesSource: (value) => branches.some((branch) => branch.matchesSource(value)),
    admitsNull: branches.some((branch) => branch.admitsNull),
    decode: (value) =>
      pick(value, (branch, candidate) => branch.matchesStrict(candidate))?.decode(value) ?? value,
    encode: (value) =>
      pick(value, (branch, candidate) => branch.matchesSource(candidate))?.encode(value) ?? value,
  };
}

/** Adds null to a schema's choices, flat (`anyOf [a, b, null]`, not `anyOf [anyOf [a, b], null]`). */
function nullable(schema: JsonSchema): JsonSchema {
  return Array.isArray(schema.anyOf)
    ? { ...schema, anyOf: [...schema.anyOf, { type: "null" }] }
    : { anyOf: [schema, { type: "null" }] };
}

function hasJsonType(value: unknown, type: string): boolean {
  switch (type) {
    case "null":
      return value === null;
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "string":
    case "boolean":
      return typeof value === type;
    default:
      return false;
  }
}

function withDescription(strict: JsonSchema, source: JsonSchema, note?: string): JsonSchema {
  const text = [description(source), note].filter(Boolean).join("; ");
  return text ? { ...strict, description: text } : strict;
}

function description(schema: JsonSchema): string | undefined {
  return typeof schema.description === "string" ? schema.description : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

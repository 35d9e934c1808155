import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toStrictJsonSchema } from "../../../src/llm/strict-json-schema.js";
import { flowIrJsonSchema } from "../../../src/services/workflow/flow-ir.contract.js";
import type { FlowIr } from "../../../src/services/workflow/flow-ir.contract.js";
import { validateWorkflow } from "../../../src/services/workflow/validate-workflow.js";
import { expectStrictSchema } from "../../support/strict-schema-assertions.js";

interface Fixture {
  name: string;
  browsedComponents: { nodeIds: string[]; workflowNames: string[] };
  validWorkflow: FlowIr;
}

const fixtureDirectory = join(import.meta.dirname, "../../fixtures/workflows");
const fixtures: Fixture[] = readdirSync(fixtureDirectory)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(fixtureDirectory, file), "utf8")) as Fixture);

const schemaOf = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});

describe("toStrictJsonSchema on FlowIR", () => {
  it.each([
    ["any node type", undefined],
    ["an enum of node types", ["llm", "read-file"]],
  ])("produces a strict schema without open objects (%s)", (_label, nodeTypes) => {
    const { schema } = toStrictJsonSchema(flowIrJsonSchema({ nodeTypes }));
    expectStrictSchema(schema);
    expect(JSON.stringify(schema)).not.toMatch(/"(pattern|minItems|const|\$schema)":/);
  });

  it.each(fixtures.map((fixture) => [fixture.name, fixture] as const))(
    "round-trips the valid workflow of %s",
    (_name, fixture) => {
      const strict = toStrictJsonSchema(
        flowIrJsonSchema({ nodeTypes: fixture.browsedComponents.nodeIds }),
      );
      const encoded = strict.encode(fixture.validWorkflow);
      // The strict form is plain JSON: what the model sends travels through JSON text.
      const decoded = strict.decode(JSON.parse(JSON.stringify(encoded)));
      expect(decoded).toEqual(fixture.validWorkflow);
      expect(validateWorkflow(decoded, fixture).valid).toBe(true);
    },
  );

  it("decodes a strict answer written by hand (records, value_json, optional nulls)", () => {
    const strict = toStrictJsonSchema(flowIrJsonSchema());
    const answer = {
      ir_version: "0.1.0",
      inputs: [
        {
          key: "previous_tag",
          value: {
            description: "Tag of the previous release",
            required: true,
            type: "string",
            default: null,
          },
        },
        {
          key: "repo_path",
          value: { description: "Repository", required: false, type: "string", default: "." },
        },
        {
          key: "limits",
          value: {
            description: "Limits",
            required: false,
            type: "object",
            default: [{ key: "max", value_json: "200" }],
          },
        },
      ],
      nodes: [
        {
          id: "build_changelog",
          type: "workflow",
          params: [
            { key: "workflow_name", value: "generate-changelog" },
            {
              key: "param_mapping",
              value: [
                { key: "since_tag", value_json: '"${previous_tag}"' },
                // Models forget to quote plain text: the string is kept as it is.
                { key: "repo_path", value_json: "${repo_path}" },
                { key: "nested", value_json: '{"depth": [1, {"deeper": true}]}' },
              ],
            },
            { key: "tags", value: ['"release"', "2"] },
            { key: "retries", value: 3 },
            { key: "dry_run", value: false },
            { key: "nothing", value: null },
          ],
          purpose: null,
        },
        {
          id: "write_notes",
          type: "llm",
          params: [{ key: "prompt", value: "Notes: ${build_changelog.changelog}" }],
          purpose: "Turn the changelog into notes",
        },
      ],
      edges: [{ from: "build_changelog", to: "write_notes" }],
      start_node: null,
      outputs: null,
    };

    expect(strict.decode(answer)).toEqual({
      ir_version: "0.1.0",
      inputs: {
        previous_tag: {
          description: "Tag of the previous release",
          required: true,
          type: "string",
        },
        repo_path: { description: "Repository", required: false, type: "string", default: "." },
        limits: { description: "Limits", required: false, type: "object", default: { max: 200 } },
      },
      nodes: [
        {
          id: "build_changelog",
          type: "workflow",
          params: {
            workflow_name: "generate-changelog",
            param_mapping: {
              since_tag: "${previous_tag}",
              repo_path: "${repo_path}",
              nested: { depth: [1, { deeper: true }] },
            },
            tags: ["release", 2],
            retries: 3,
            dry_run: false,
            nothing: null,
          },
        },
        {
          id: "write_notes",
          type: "llm",
          params: { prompt: "Notes: ${build_changelog.changelog}" },
          purpose: "Turn the changelog into notes",
        },
      ],
      edges: [{ from: "build_changelog", to: "write_notes" }],
    });
  });

  it("keeps the source descriptions and says how to fill the JSON strings", () => {
    const { schema } = toStrictJsonSchema(flowIrJsonSchema());
    const nodes = (schema.properties as Record<string, { items: Record<string, unknown> }>).nodes;
    const params = (nodes.items.properties as Record<string, Record<string, unknown>>).params!;
    expect(params.type).toBe("array");
    expect(params.description).toContain("${input_name}");
    expect(JSON.stringify(params)).toContain("value_json");
    expect(JSON.stringify(params)).toContain("JSON text of the value");
  });
});

describe("toStrictJsonSchema on small schemas", () => {
  it("makes optional properties nullable and drops their nulls on decode", () => {
    const strict = toStrictJsonSchema(
      schemaOf({ name: { type: "string" }, nickname: { type: "string" } }, ["name"]),
    );
    expect(strict.schema).toEqual(
      schemaOf({
        name: { type: "string" },
        nickname: { anyOf: [{ type: "string" }, { type: "null" }] },
      }),
    );
    expect(strict.decode({ name: "Ada", nickname: null })).toEqual({ name: "Ada" });
    expect(strict.decode({ name: "Ada", nickname: "A" })).toEqual({ name: "Ada", nickname: "A" });
    expect(strict.encode({ name: "Ada" })).toEqual({ name: "Ada", nickname: null });
  });

  it("keeps a null of a required nullable property", () => {
    const strict = toStrictJsonSchema(schemaOf({ unit: { type: ["string", "null"] } }));
    expect(strict.schema.properties).toEqual({
      unit: { anyOf: [{ type: "string" }, { type: "null" }] },
    });
    expect(strict.decode({ unit: null })).toEqual({ unit: null });
  });

  it("closes objects that left additionalProperties unsaid and requires every property", () => {
    const strict = toStrictJsonSchema({
      type: "object",
      properties: { a: { type: "object", properties: { b: { type: "integer" } } } },
    });
    expect(strict.schema).toEqual(
      schemaOf({
        a: {
          anyOf: [
            schemaOf({ b: { anyOf: [{ type: "integer" }, { type: "null" }] } }),
            { type: "null" },
          ],
        },
      }),
    );
    expect(strict.decode({ a: { b: null } })).toEqual({ a: {} });
  });

  it("turns a typed record into key/value entries", () => {
    const strict = toStrictJsonSchema(
      schemaOf({ scores: { type: "object", additionalProperties: { type: "number" } } }),
    );
    expect(strict.schema.properties).toEqual({
      scores: {
        type: "array",
        description: "one entry per key",
        items: schemaOf({ key: { type: "string" }, value: { type: "number" } }),
      },
    });
    const answer = {
      scores: [
        { key: "a", value: 1 },
        { key: "b", value: 2.5 },
        { key: "a", value: 3 },
      ],
    };
    expect(strict.decode(answer)).toEqual({ scores: { a: 3, b: 2.5 } });
    expect(strict.encode({ scores: { x: 1 } })).toEqual({ scores: [{ key: "x", value: 1 }] });
  });

  it.each([
    ["additionalProperties: {}", { type: "object", additionalProperties: {} }],
    ["additionalProperties: true", { type: "object", additionalProperties: true }],
    ["no additionalProperties", { type: "object" }],
  ])("turns an open object (%s) into key/value_json entries", (_label, open) => {
    const strict = toStrictJsonSchema(schemaOf({ extra: open }));
    const entry = (strict.schema.properties as Record<string, { items: unknown }>).extra!.items;
    expect(entry).toMatchObject(
      schemaOf({ key: { type: "string" }, value_json: { type: "string" } }),
    );
    const decoded = strict.decode({
      extra: [
        { key: "list", value_json: "[1, 2]" },
        { key: "text", value_json: '"hi"' },
        { key: "bare", value_json: "not json" },
        { key: "none", value_json: "null" },
      ],
    });
    expect(decoded).toEqual({ extra: { list: [1, 2], text: "hi", bare: "not json", none: null } });
  });

  it("keeps an empty closed object closed", () => {
    const strict = toStrictJsonSchema(
      schemaOf({ empty: { type: "object", properties: {}, additionalProperties: false } }),
    );
    expect(strict.schema.properties).toEqual({ empty: schemaOf({}) });
  });

  it("encodes untyped array items as JSON strings", () => {
    const strict = toStrictJsonSchema(schemaOf({ values: { type: "array" } }));
    expect(strict.schema.properties).toMatchObject({
      values: { type: "array", items: { type: "string" } },
    });
    expect(strict.decode({ values: ['{"a":1}', "2"] })).toEqual({ values: [{ a: 1 }, 2] });
    expect(strict.encode({ values: [{ a: 1 }, 2] })).toEqual({ values: ['{"a":1}', "2"] });
  });

  it("turns const into a one-value enum and drops keywords strict mode may refuse", () => {
    const strict = toStrictJsonSchema(
      schemaOf({
        version: { type: "string", const: "0.1.0" },
        id: { type: "string", pattern: "^[a-z]+$", minLength: 1, format: "email", default: "x" },
        items: { type: "array", items: { type: "integer", minimum: 0 }, minItems: 1 },
        kind: { enum: ["a", "b"] },
      }),
    );
    expect(strict.schema.properties).toEqual({
      version: { type: "string", enum: ["0.1.0"] },
      id: { type: "string" },
      items: { type: "array", items: { type: "integer" } },
      kind: { enum: ["a", "b"] },
    });
  });

  it("picks the anyOf branch by the shape of the answer", () => {
    const strict = toStrictJsonSchema(
      schemaOf({
        value: {
          anyOf: [
            { type: "string" },
            { type: "array", items: { type: "number" } },
            { type: "object", additionalProperties: { type: "string" } },
          ],
        },
      }),
    );
    expect(strict.decode({ value: "x" })).toEqual({ value: "x" });
    expect(strict.decode({ value: [1, 2] })).toEqual({ value: [1, 2] });
    expect(strict.decode({ value: [{ key: "k", value: "v" }] })).toEqual({ value: { k: "v" } });
    // Ambiguous: the first matching branch (the array) wins.
    expect(strict.decode({ value: [] })).toEqual({ value: [] });
  });

  it("drops $schema and passes unknown keys through for the caller's validator", () => {
    const strict = toStrictJsonSchema({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      ...schemaOf({ a: { type: "string" } }),
    });
    expect(strict.schema.$schema).toBeUndefined();
    expect(strict.decode({ a: "x", surprise: 1 })).toEqual({ a: "x", surprise: 1 });
  });

  it.each([
    ["a $ref", schemaOf({ a: { $ref: "#/$defs/a" } })],
    ["allOf", schemaOf({ a: { allOf: [{ type: "string" }] } })],
    ["a tuple", schemaOf({ a: { type: "array", prefixItems: [{ type: "string" }] } })],
    ["a record at the root", { type: "object", additionalProperties: { type: "string" } }],
    ["a string at the root", { type: "string" }],
  ])("refuses %s with a TypeError naming the place", (_label, schema) => {
    expect(() => toStrictJsonSchema(schema)).toThrow(TypeError);
  });
});

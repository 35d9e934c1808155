import { describe, expect, it } from "vitest";
import { flowIrJsonSchema, flowIrSchema } from "../../../src/services/workflow/flow-ir.contract.js";
import { loadFixture } from "../../support/workflow-fixtures.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("flowIrJsonSchema (the Anthropic tool input_schema)", () => {
  const schema: Json = flowIrJsonSchema();

  it("is a closed object without $schema", () => {
    expect(schema.$schema).toBeUndefined();
    expect(schema.type).toBe("object");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["ir_version", "inputs", "nodes", "edges"]);
    expect(Object.keys(schema.properties)).toEqual([
      "ir_version",
      "inputs",
      "nodes",
      "edges",
      "start_node",
      "outputs",
    ]);
    expect(schema.properties.ir_version.const).toBe("0.1.0");
  });

  it("types the inputs record instead of collapsing it to {}", () => {
    const input = schema.properties.inputs.additionalProperties;
    expect(schema.properties.inputs.type).toBe("object");
    expect(input.type).toBe("object");
    expect(input.additionalProperties).toBe(false);
    expect(input.required).toEqual(["description", "required", "type"]);
    expect(input.properties.type.enum).toEqual([
      "string",
      "number",
      "integer",
      "boolean",
      "object",
      "array",
    ]);
    expect(Object.keys(input.properties)).toEqual(["description", "required", "type", "default"]);
  });

  it("keeps params an open but typed object, nodes and edges closed, no action on edges", () => {
    const node = schema.properties.nodes.items;
    expect(schema.properties.nodes.minItems).toBe(1);
    expect(node.additionalProperties).toBe(false);
    expect(node.required).toEqual(["id", "type", "params"]);
    expect(node.properties.params.type).toBe("object");
    expect(
      node.properties.params.additionalProperties.anyOf.map((item: Json) => item.type),
    ).toEqual(["string", "number", "boolean", "null", "array", "object"]);
    const edge = schema.properties.edges.items;
    expect(edge.additionalProperties).toBe(false);
    expect(Object.keys(edge.properties)).toEqual(["from", "to"]);
    expect(JSON.stringify(schema)).not.toContain("action");
    expect(JSON.stringify(schema)).not.toContain("propertyNames");
  });

  it("offers an enum of node types plus workflow when asked", () => {
    const withTypes: Json = flowIrJsonSchema({ nodeTypes: ["read-file", "llm", "llm"] });
    expect(withTypes.properties.nodes.items.properties.type.enum).toEqual([
      "read-file",
      "llm",
      "workflow",
    ]);
    expect(schema.properties.nodes.items.properties.type.enum).toBeUndefined();
  });
});

describe("flowIrSchema", () => {
  it("accepts a fixture and rejects extra fields, actions and bad input types", () => {
    const ir = structuredClone(loadFixture("translate-readme").validWorkflow) as Json;
    expect(flowIrSchema.safeParse(ir).success).toBe(true);
    expect(flowIrSchema.safeParse({ ...ir, name: "x" }).success).toBe(false);
    const withAction = structuredClone(ir);
    withAction.edges[0].action = "default";
    expect(flowIrSchema.safeParse(withAction).success).toBe(false);
    const badType = structuredClone(ir);
    badType.inputs.source_file.type = "str";
    expect(flowIrSchema.safeParse(badType).success).toBe(false);
  });
});

import { expect } from "vitest";

/**
 * Walks a JSON Schema and asserts what OpenAI strict mode demands of it: every object closed with
 * every property required, no open object or record anywhere, and no schema without a type.
 */
export function expectStrictSchema(schema: unknown, path = "(root)"): void {
  expect(schema, path).toBeTypeOf("object");
  const node = schema as Record<string, unknown>;
  const branches = node.anyOf;
  if (Array.isArray(branches)) {
    branches.forEach((branch, index) => expectStrictSchema(branch, `${path}.anyOf[${index}]`));
    return;
  }
  expect(node.type ?? node.enum, `${path} has a type or an enum`).toBeDefined();
  if (node.type === "object") {
    expect(node.additionalProperties, `${path}.additionalProperties`).toBe(false);
    const properties = node.properties as Record<string, unknown> | undefined;
    expect(properties, `${path}.properties`).toBeTypeOf("object");
    expect(node.required, `${path}.required`).toEqual(Object.keys(properties!));
    for (const [name, child] of Object.entries(properties!)) {
      expectStrictSchema(child, `${path}.${name}`);
    }
  }
  if (node.type === "array") expectStrictSchema(node.items, `${path}[]`);
}

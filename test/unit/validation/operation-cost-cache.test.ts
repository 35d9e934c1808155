import { readFileSync } from "node:fs";
import { buildSchema, getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { cachedOperationCostError } from "../../../src/validation/operation-cost-limit.js";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const schema = buildSchema(read("schema.graphql"));
const pages = { defaultSize: 20, maxSize: 100 };
// One page of 100 modes with their ids is about 300 values: 50 lets 10 modes pass, not 100.
const limit = { maxCost: 50, pages };

function operation(source: string) {
  const document = parse(source);
  return { document, operation: getOperationAST(document)! };
}

describe("cachedOperationCostError", () => {
  it("keeps the cost of an operation that reads no variable", () => {
    const check = cachedOperationCostError(limit);
    const { document, operation: small } = operation(
      `{ modes(first: 2) { edges { node { id } } } }`,
    );
    expect(check(schema, document, small, {})).toBeUndefined();
    expect(check(schema, document, small, {})).toBeUndefined();
    const large = operation(`{ modes(first: 100) { edges { node { id } } } }`);
    expect(check(schema, large.document, large.operation, {})?.extensions.limit).toBe("MAX_COST");
    expect(check(schema, large.document, large.operation, {})?.extensions.limit).toBe("MAX_COST");
  });

  it("estimates again for every request when a variable sets the page", () => {
    const check = cachedOperationCostError(limit);
    const { document, operation: paged } = operation(
      `query ($first: Int) { modes(first: $first) { edges { node { id } } } }`,
    );
    expect(check(schema, document, paged, { first: 2 })).toBeUndefined();
    expect(check(schema, document, paged, { first: 100 })?.extensions.limit).toBe("MAX_COST");
    expect(check(schema, document, paged, { first: 2 })).toBeUndefined();
  });
});

import { readFileSync } from "node:fs";
import { buildSchema, getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { BUILTIN_MODES } from "../../../src/services/mode/builtin-modes.js";
import { deriveTheme } from "../../../src/services/palette/derive-theme.js";
import { exportTheme } from "../../../src/services/palette/exports/export-theme.js";
import {
  EXPECTED_LIST_LENGTHS,
  STRING_FIELD_VALUES,
  estimateOperationCost,
} from "../../../src/validation/operation-cost.js";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const schema = buildSchema(read("schema.graphql"));
const modeOperations = read("test/operations/modes.graphql");
const pages = { defaultSize: 20, maxSize: 100 };
const { maxCost } = loadConfig({}).operationLimits;

function cost(source: string, variables: Record<string, unknown> = {}, name?: string): number {
  const document = parse(source);
  return estimateOperationCost(
    schema,
    document,
    getOperationAST(document, name)!,
    variables,
    pages,
  );
}

/** The fragments ModeFields needs, for operations of our own. */
const modeFields = modeOperations.slice(
  modeOperations.indexOf("fragment ThemeSchemeFields"),
  modeOperations.indexOf("mutation GenerateMode"),
);
const pagesOfModes = (count: number, first: string) =>
  `query Pages($first: Int = 7) { ${Array.from(
    { length: count },
    (_, index) => `p${index}: modes(first: ${first}) { edges { node { ...ModeFields } } }`,
  ).join(" ")} } ${modeFields}`;

describe("estimateOperationCost", () => {
  it("counts one value per field, and each list by its length", () => {
    expect(cost('{ mode(id: "banking") { id name } }')).toBe(3);
    // chart: 6 colours; tabs: 5 of 2 values each.
    expect(cost('{ mode(id: "x") { theme { light { chart } } tabs { id key } } }')).toBe(
      1 + (1 + (1 + 6)) + (1 + 5 * 2),
    );
  });

  it("knows the lengths the contract fixes, checked against real modes", () => {
    const theme = deriveTheme("#3366cc");
    expect(EXPECTED_LIST_LENGTHS["ModeTheme.contrast"]).toBe(theme.contrast.length);
    expect(EXPECTED_LIST_LENGTHS["ThemeScheme.chart"]).toBe(theme.light.chart.length);
    for (const mode of BUILTIN_MODES) {
      expect(mode.tabs.length).toBeLessThanOrEqual(EXPECTED_LIST_LENGTHS["Mode.tabs"] as number);
      expect(mode.metrics).toHaveLength(EXPECTED_LIST_LENGTHS["Mode.defaultMetrics"] as number);
      expect(mode.traits.length).toBeLessThanOrEqual(
        EXPECTED_LIST_LENGTHS["Mode.personalityTraits"] as number,
      );
    }
  });

  it("takes a page's size from `first`: a literal, a variable's value, its default, else the default page", () => {
    const one = cost(pagesOfModes(1, "1"));
    expect(cost(pagesOfModes(1, "$first"), { first: 1 })).toBe(one);
    expect(cost(pagesOfModes(1, "$first"), { first: 40 })).toBeGreaterThan(39 * one);
    // The variable's default (7), and without `first` the server's default page (20).
    expect(cost(pagesOfModes(1, "$first"))).toBe(cost(pagesOfModes(1, "7")));
    expect(cost(pagesOfModes(1, "$first"), { first: null })).toBe(cost(pagesOfModes(1, "20")));
    // Beyond the largest page the resolver refuses the field: it costs no more than that page.
    expect(cost(pagesOfModes(1, "100000"))).toBe(cost(pagesOfModes(1, "100")));
  });

  it("lets the full GenerateMode operation and one full page of 100 modes pass the default MAX_COST", () => {
    expect(cost(modeOperations, {}, "GenerateMode")).toBeLessThan(1_000);
    expect(cost(pagesOfModes(1, "100"))).toBeLessThanOrEqual(maxCost);
  });

  it("puts two full pages of 100 modes, and 20 of them, over the default MAX_COST", () => {
    expect(cost(pagesOfModes(2, "100"))).toBeGreaterThan(maxCost);
    expect(cost(pagesOfModes(20, "$first"), { first: 100 })).toBeGreaterThan(10 * maxCost);
  });

  it("counts a theme export as the values its largest format carries, checked against real ones", () => {
    const leaves = (value: unknown): number =>
      typeof value === "object" && value !== null
        ? Object.values(value).reduce((sum: number, child) => sum + leaves(child), 0)
        : 1;
    const weight = STRING_FIELD_VALUES["ModeTheme.export"]!;
    for (const mode of BUILTIN_MODES) {
      const theme = deriveTheme(mode.seed);
      const tokens = leaves(JSON.parse(exportTheme(theme, "DESIGN_TOKENS_JSON")));
      expect(tokens).toBeLessThanOrEqual(weight);
      expect(tokens).toBeGreaterThan(weight * 0.9);
      // A CSS declaration is a name and a value.
      const declarations = exportTheme(theme, "TAILWIND_V4_CSS").split(";").length - 1;
      expect(2 * declarations).toBeLessThan(weight);
    }
    const page = (formats: string[]) =>
      `{ modes(first: 100) { edges { node { theme { ${formats
        .map((format) => `${format.toLowerCase()}: export(format: ${format})`)
        .join(" ")} } } } } }`;
    expect(cost(page(["SHADCN_CSS"]))).toBe(1 + 1 + 100 * (1 + 1 + weight));
    // One export of each mode of a full page passes; all three formats do not.
    expect(cost(page(["DESIGN_TOKENS_JSON"]))).toBeLessThanOrEqual(maxCost);
    expect(cost(page(["SHADCN_CSS", "TAILWIND_V4_CSS", "DESIGN_TOKENS_JSON"]))).toBeGreaterThan(
      maxCost,
    );
  });

  it("leaves introspection out (it is off in production)", () => {
    expect(cost("{ __schema { types { name fields { name } } } __typename }")).toBe(1);
  });
});

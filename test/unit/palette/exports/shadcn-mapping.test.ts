import { describe, expect, it } from "vitest";
import specJson from "../../../fixtures/design/theme-spec.json" with { type: "json" };
import { deriveTheme } from "../../../../src/services/palette/derive-theme.js";
import {
  SHADCN_EXTRAS,
  SHADCN_MAPPING,
  SHADCN_VARIABLES,
  schemeColor,
} from "../../../../src/services/palette/exports/shadcn-mapping.js";

/**
 * The spec's mapping with its one range written out: `"chart-1..chart-5": "chart[0..4]"` is
 * chart-1 → chart[0] ... chart-5 → chart[4]. Any other range form fails here, on purpose.
 */
function expandSpecMapping(mapping: Record<string, string>): Array<[string, string]> {
  return Object.entries(mapping).flatMap(([name, token]): Array<[string, string]> => {
    const names = /^([a-z-]+)(\d+)\.\.\1(\d+)$/.exec(name);
    if (!names) return [[name, token]];
    const tokens = /^(\w+)\[(\d+)\.\.(\d+)\]$/.exec(token);
    expect(tokens, `${name}: ${token}`).not.toBeNull();
    const [, prefix, first, last] = names;
    const [, list, firstIndex, lastIndex] = tokens!;
    const count = Number(last) - Number(first) + 1;
    expect(Number(lastIndex) - Number(firstIndex) + 1, name).toBe(count);
    return Array.from({ length: count }, (_, offset): [string, string] => [
      `${prefix}${Number(first) + offset}`,
      `${list}[${Number(firstIndex) + offset}]`,
    ]);
  });
}

describe("the shadcn/ui mapping", () => {
  it("is design/theme-spec.json's shadcn_mapping, in its order, chart-1..chart-5 expanded", () => {
    const expected = expandSpecMapping(specJson.shadcn_mapping);
    expect(expected).toHaveLength(31);
    expect(SHADCN_MAPPING.map(({ name, token }) => [name, token])).toEqual(expected);
  });

  it("adds only documented extras, none of them a variable the spec maps", () => {
    expect(SHADCN_EXTRAS.map(({ name, token }) => [name, token])).toEqual([
      ["destructive-foreground", "destructiveForeground"],
    ]);
    const specNames = new Set(SHADCN_MAPPING.map(({ name }) => name));
    for (const { name } of SHADCN_EXTRAS) expect(specNames.has(name), name).toBe(false);
    expect(SHADCN_VARIABLES).toHaveLength(SHADCN_MAPPING.length + SHADCN_EXTRAS.length);
    expect(new Set(SHADCN_VARIABLES.map(({ name }) => name)).size).toBe(SHADCN_VARIABLES.length);
  });

  it("reads every variable's token from a scheme", () => {
    const { light } = deriveTheme("#0f766e");
    expect(schemeColor(light, "surface")).toBe(light.surface);
    expect(schemeColor(light, "chart[4]")).toBe(light.chart[4]);
    for (const { token } of SHADCN_VARIABLES) {
      expect(schemeColor(light, token)).toMatch(/^#[0-9a-f]{6}$/);
    }
  });
});

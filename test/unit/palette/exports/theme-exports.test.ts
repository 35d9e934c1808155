import { parse } from "postcss";
import type { AtRule, Declaration, Root, Rule } from "postcss";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { BUILTIN_MODES } from "../../../../src/services/mode/builtin-modes.js";
import { deriveTheme } from "../../../../src/services/palette/derive-theme.js";
import { designTokensJson } from "../../../../src/services/palette/exports/design-tokens-json.js";
import { exportTheme } from "../../../../src/services/palette/exports/export-theme.js";
import { shadcnCss } from "../../../../src/services/palette/exports/shadcn-css.js";
import {
  SHADCN_VARIABLES,
  schemeColor,
} from "../../../../src/services/palette/exports/shadcn-mapping.js";
import { tailwindV4Css } from "../../../../src/services/palette/exports/tailwind-v4-css.js";
import type { DerivedTheme, ThemeScheme } from "../../../../src/services/palette/theme.types.js";

// Each export is read back the way its consumers read it (a CSS parser, a JSON parser and the
// DTCG shape) and compared with the API's own values: what the file says is what the API says.

/** The built-in themes, a light seed in both settings (primaryBorder differs), black and white. */
const THEMES: Array<[string, DerivedTheme]> = [
  ...BUILTIN_MODES.map((mode): [string, DerivedTheme] => [mode.id, deriveTheme(mode.seed)]),
  ["#ffeb3b", deriveTheme("#ffeb3b")],
  ["#ffeb3b brandFidelity", deriveTheme("#ffeb3b", { brandFidelity: true })],
  ["#000000", deriveTheme("#000000")],
  ["#ffffff", deriveTheme("#ffffff")],
];

/** What a scheme's rule must declare: every variable with the value of its token. */
function expectedDeclarations(scheme: ThemeScheme): Array<[string, string]> {
  return SHADCN_VARIABLES.map(({ name, token }) => [`--${name}`, schemeColor(scheme, token)]);
}

function declarationsOf(node: Rule | AtRule): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  node.each((child) => {
    expect(child.type, `only declarations inside ${node.toString().slice(0, 20)}`).toBe("decl");
    const declaration = child as Declaration;
    found.push([declaration.prop, declaration.value]);
  });
  return found;
}

/** The top-level rules and at-rules, by selector or `@name params`; comments are allowed. */
function topLevel(root: Root): Map<string, Rule | AtRule> {
  const nodes = new Map<string, Rule | AtRule>();
  root.each((node) => {
    if (node.type === "comment") return;
    const key =
      node.type === "rule"
        ? node.selector
        : node.type === "atrule"
          ? `@${node.name} ${node.params}`
          : node.type;
    expect(nodes.has(key), `${key} appears once`).toBe(false);
    nodes.set(key, node as Rule | AtRule);
  });
  return nodes;
}

describe.each(THEMES)("the exports of %s", (_name, theme) => {
  it("shadcn/ui CSS: :root and .dark hold exactly the mapping's variables, with the API's values", () => {
    const nodes = topLevel(parse(shadcnCss(theme)));
    expect([...nodes.keys()]).toEqual([":root", ".dark"]);
    expect(declarationsOf(nodes.get(":root")!)).toEqual(expectedDeclarations(theme.light));
    expect(declarationsOf(nodes.get(".dark")!)).toEqual(expectedDeclarations(theme.dark));
  });

  it("Tailwind v4 CSS: the same variables, and @theme inline maps --color-<name> to each", () => {
    const nodes = topLevel(parse(tailwindV4Css(theme)));
    expect([...nodes.keys()]).toEqual([":root", ".dark", "@theme inline"]);
    expect(declarationsOf(nodes.get(":root")!)).toEqual(expectedDeclarations(theme.light));
    expect(declarationsOf(nodes.get(".dark")!)).toEqual(expectedDeclarations(theme.dark));
    expect(declarationsOf(nodes.get("@theme inline")!)).toEqual(
      SHADCN_VARIABLES.map(({ name }) => [`--color-${name}`, `var(--${name})`]),
    );
  });

  it("design tokens: DTCG JSON with every token of the API, each the API's value", () => {
    const document = DtcgDocument.parse(JSON.parse(designTokensJson(theme)));
    for (const scheme of ["light", "dark"] as const) {
      const { $description, chart, ...colors } = document[scheme];
      expect($description).toEqual(expect.any(String));
      const { chart: apiChart, ...apiColors } = theme[scheme];
      // Every single-colour token, by the API's name, in the API's order.
      expect(Object.keys(colors)).toEqual(Object.keys(apiColors));
      for (const [token, value] of Object.entries(colors)) {
        expect(value.$value.hex, `${scheme}.${token}`).toBe(
          apiColors[token as keyof typeof apiColors],
        );
      }
      // chart[0..5] as the group chart.1..chart.6.
      expect(Object.keys(chart)).toEqual(["1", "2", "3", "4", "5", "6"]);
      expect(Object.values(chart).map((token) => token.$value.hex)).toEqual(apiChart);
    }
  });
});

/** A DTCG colour token as the Color Module 2025.10 defines it, in sRGB, opaque. */
const ColorToken = z
  .object({
    $type: z.literal("color"),
    $value: z
      .object({
        colorSpace: z.literal("srgb"),
        components: z.tuple([z.number(), z.number(), z.number()]),
        hex: z.string().regex(/^#[0-9a-f]{6}$/),
      })
      .strict()
      .refine(
        // The components and the hex fallback are the same colour, to the byte.
        ({ components, hex }) =>
          components.every(
            (component, index) =>
              component >= 0 &&
              component <= 1 &&
              Math.round(component * 255) === parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16),
          ),
        "components match hex",
      ),
  })
  .strict();

const Scheme = z
  .object({
    $description: z.string().min(1),
    chart: z.record(z.string().regex(/^[1-9]$/), ColorToken),
  })
  .catchall(ColorToken);

const DtcgDocument = z.object({ light: Scheme, dark: Scheme }).strict();

describe("exportTheme", () => {
  const theme = deriveTheme("#0f766e");

  it("gives each format's text, the same string object for the same theme", () => {
    expect(exportTheme(theme, "SHADCN_CSS")).toBe(shadcnCss(theme));
    expect(exportTheme(theme, "TAILWIND_V4_CSS")).toBe(tailwindV4Css(theme));
    expect(exportTheme(theme, "DESIGN_TOKENS_JSON")).toBe(designTokensJson(theme));
    expect(exportTheme(theme, "DESIGN_TOKENS_JSON")).toBe(exportTheme(theme, "DESIGN_TOKENS_JSON"));
  });

  it("ends each file with one newline and names the seed in the CSS comment", () => {
    for (const format of ["SHADCN_CSS", "TAILWIND_V4_CSS", "DESIGN_TOKENS_JSON"] as const) {
      const text = exportTheme(theme, format);
      expect(text.endsWith("}\n") && !text.endsWith("\n\n"), format).toBe(true);
    }
    expect(exportTheme(theme, "SHADCN_CSS")).toMatch(/^\/\* modeflow theme from #0f766e: /);
  });
});

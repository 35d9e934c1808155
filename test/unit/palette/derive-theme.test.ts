import { wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { chartCandidates } from "../../../src/services/palette/chart-series.js";
import { hexToOklch } from "../../../src/services/palette/color-math.js";
import { CONTRAST_PAIRS, DISTINCTNESS } from "../../../src/services/palette/contrast-pairs.js";
import { deriveTheme, deriveThemeUncached } from "../../../src/services/palette/derive-theme.js";
import { deltaE, spec } from "./independent-checks.js";

const isGrey = (hex: string): boolean =>
  hex.slice(1, 3) === hex.slice(3, 5) && hex.slice(3, 5) === hex.slice(5, 7);

describe("deriveTheme API", () => {
  it("is deterministic: the same seed gives byte-identical output", () => {
    for (const seed of ["#1e88e5", "#ffeb3b", "#000000", "#4caf50"]) {
      expect(JSON.stringify(deriveThemeUncached(seed))).toBe(
        JSON.stringify(deriveThemeUncached(seed)),
      );
    }
  });

  it("caches by normalised seed and returns a frozen, shared object", () => {
    const theme = deriveTheme("#1E88E5");
    expect(deriveTheme("#1e88e5")).toBe(theme);
    expect(deriveTheme("#abc")).toBe(deriveTheme("#AABBCC"));
    expect(Object.isFrozen(theme)).toBe(true);
    expect(Object.isFrozen(theme.light.chart)).toBe(true);
    expect(JSON.stringify(theme)).toBe(JSON.stringify(deriveThemeUncached("#1e88e5")));
  });

  it("throws a plain Error on an invalid seed", () => {
    expect(() => deriveTheme("blue")).toThrow(Error);
    expect(() => deriveThemeUncached("#12345")).toThrow(/Invalid seed/);
  });

  it("fills the legacy fields from the light scheme and measures fidelity", () => {
    const theme = deriveTheme("#1e88e5");
    expect(theme).toMatchObject({
      seed: "#1e88e5",
      primary: theme.light.primary,
      secondary: theme.light.secondary,
      background: theme.light.background,
      surface: theme.light.surface,
      text: theme.light.foreground,
      textMuted: theme.light.mutedForeground,
    });
    expect(theme.fidelity.light).toBeCloseTo(deltaE(theme.seed, theme.light.primary), 4);
    expect(theme.fidelity.dark).toBeCloseTo(deltaE(theme.seed, theme.dark.primary), 4);
  });
});

describe("tables match the vendored theme-spec.json", () => {
  it("contrast pairs: names, backgrounds, hard minimums and targets", () => {
    expect(
      CONTRAST_PAIRS.map((pair) => ({
        foreground: pair.foreground,
        backgrounds: [...pair.backgrounds],
        hard_min: pair.hardMin,
        target_light: pair.target.light,
        target_dark: pair.target.dark,
      })),
    ).toEqual(
      spec.contrast_pairs.map(
        ({ foreground, backgrounds, hard_min, target_light, target_dark }) => ({
          foreground,
          backgrounds,
          hard_min,
          target_light,
          target_dark,
        }),
      ),
    );
  });

  it("distinctness thresholds", () => {
    const chart = spec.distinctness.chart_pairwise_deltaE_OK;
    expect(DISTINCTNESS).toEqual({
      chart: {
        normal: chart.normal_min,
        deutan: chart.deuteranopia_min,
        protan: chart.protanopia_min,
        tritan: chart.tritanopia_min,
      },
      semanticVsPrimary: spec.distinctness.semantic_vs_primary_deltaE_OK_min,
    });
  });

  it("every spec token exists in both schemes, and nothing else", () => {
    const theme = deriveTheme("#7b1fa2");
    const names = spec.tokens.map((token) => token.name).sort();
    expect(Object.keys(theme.light).sort()).toEqual(names);
    expect(Object.keys(theme.dark).sort()).toEqual(names);
  });
});

describe("derivation rules of mode.md 4.3", () => {
  it("keeps a seed that already passes byte-exact", () => {
    const theme = deriveTheme("#7b1fa2");
    expect(theme.light.primary).toBe("#7b1fa2");
    expect(theme.light.primaryForeground).toBe("#ffffff");
    expect(theme.fidelity.light).toBe(0);
  });

  it("with brandFidelity, keeps a yellow: seed fill, dark text, solved border", () => {
    const light = deriveTheme("#ffeb3b", { brandFidelity: true }).light;
    expect(light.primary).toBe("#ffeb3b");
    expect(wcagContrast(light.primaryForeground, light.primary)).toBeGreaterThanOrEqual(4.5);
    expect(light.primaryBorder).not.toBe(light.primary);
    expect(wcagContrast(light.primaryBorder, light.background)).toBeGreaterThanOrEqual(3);
    expect(Math.abs(hexToOklch(light.primaryBorder).h - hexToOklch(light.primary).h)).toBeLessThan(
      5,
    );
    // Chart series 0 must be a graphical object >= 3:1, so it is the border, not the light fill.
    expect(light.chart[0]).toBe(light.primaryBorder);
  });

  it("separates destructive from a red brand and success from a green one", () => {
    const red = deriveTheme("#d32f2f");
    const green = deriveTheme("#4caf50");
    const neutral = deriveTheme("#1e88e5");
    for (const scheme of ["light", "dark"] as const) {
      expect(deltaE(red[scheme].destructive, red[scheme].primary)).toBeGreaterThanOrEqual(0.1);
      expect(deltaE(green[scheme].success, green[scheme].primary)).toBeGreaterThanOrEqual(0.1);
      // The move is small: still recognisably the same status colour as for a blue brand.
      expect(deltaE(red[scheme].destructive, neutral[scheme].destructive)).toBeLessThan(0.2);
      expect(deltaE(green[scheme].success, neutral[scheme].success)).toBeLessThan(0.2);
    }
  });

  it("gives achromatic seeds pure neutrals and chart hues starting at 250°", () => {
    for (const seed of ["#000000", "#808080", "#ffffff"]) {
      const theme = deriveTheme(seed);
      for (const scheme of [theme.light, theme.dark]) {
        for (const token of [
          "background",
          "surface",
          "surfaceMuted",
          "foreground",
          "mutedForeground",
          "border",
          "input",
          "secondary",
          "accent",
          "sidebar",
          "sidebarMutedForeground",
        ] as const) {
          expect(isGrey(scheme[token]), `${seed} ${token} ${scheme[token]}`).toBe(true);
        }
      }
    }
    const first = chartCandidates({
      scheme: "light",
      first: "#000000",
      startHue: 250,
      surface: "#ffffff",
      background: "#fafafa",
    })[0]!;
    expect(hexToOklch(first).h).toBeCloseTo(250, 0);
  });

  it("solves muted text against every surface it sits on, to the solver target", () => {
    const dark = deriveTheme("#00acc1").dark;
    for (const surface of [dark.background, dark.surface, dark.surfaceMuted]) {
      expect(wcagContrast(dark.mutedForeground, surface)).toBeGreaterThanOrEqual(6);
    }
  });

  it("keeps a visible hover that still carries the label", () => {
    for (const seed of ["#000000", "#ffeb3b", "#1e88e5", "#ffffff"]) {
      for (const scheme of [deriveTheme(seed).light, deriveTheme(seed).dark]) {
        expect(scheme.primaryHover).not.toBe(scheme.primary);
        expect(wcagContrast(scheme.primaryForeground, scheme.primaryHover)).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
  });
});

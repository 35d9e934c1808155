import fc from "fast-check";
import { wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { deriveThemeUncached } from "../../../src/services/palette/derive-theme.js";
import type { DerivedTheme } from "../../../src/services/palette/theme.types.js";
import { expectedForegrounds, spec, themeViolations, tokenValue } from "./independent-checks.js";

const EDGE_SEEDS = [
  // black, white, greys
  "#000000",
  "#ffffff",
  "#111111",
  "#333333",
  "#777777",
  "#808080",
  "#bbbbbb",
  "#eeeeee",
  // pure primaries and secondaries
  "#ff0000",
  "#00ff00",
  "#0000ff",
  "#00ffff",
  "#ff00ff",
  "#ffff00",
  // near-black / near-white, including barely tinted ones
  "#010101",
  "#0a0a0a",
  "#0b0a0c",
  "#fefefe",
  "#f5f5f5",
  "#fffffe",
  // the original's built-ins and the measured collisions of mode.md
  "#1E88E5",
  "#7B1FA2",
  "#00ACC1",
  "#D32F2F",
  "#4CAF50",
  // yellows and light aquas (brand-fidelity candidates)
  "#FFEB3B",
  "#FFF176",
  "#FFD600",
  "#7fffd4",
  "#80deea",
  "#b2ebf2",
  // shorthand and upper case
  "#abc",
  "#F0F",
];

const RANDOM_SEEDS = fc
  .sample(fc.integer({ min: 0, max: 0xffffff }), { seed: 20_260_521, numRuns: 1_000 })
  .map((value) => `#${value.toString(16).padStart(6, "0")}`);

/** The report must list exactly the spec's pairs, with ratios that agree with culori's. */
function reportProblems(theme: DerivedTheme): string[] {
  const problems: string[] = [];
  const expected: string[] = [];
  for (const schemeName of ["light", "dark"] as const) {
    const scheme = theme[schemeName];
    for (const pair of spec.contrast_pairs) {
      for (const foreground of expectedForegrounds(pair, scheme)) {
        for (const background of pair.backgrounds) {
          expected.push(`${schemeName} ${foreground} ${background} ${pair.hard_min}`);
        }
      }
    }
  }
  const actual = theme.contrast.map(
    (check) => `${check.scheme} ${check.foreground} ${check.background} ${check.minimum}`,
  );
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`${theme.seed}: contrast list differs from contrast_pairs`);
  }
  for (const check of theme.contrast) {
    const scheme = theme[check.scheme];
    const measured = wcagContrast(
      tokenValue(scheme, check.foreground),
      tokenValue(scheme, check.background),
    );
    const consistent =
      check.ratio <= measured + 1e-9 &&
      measured - check.ratio < 0.01 + 1e-9 &&
      Math.abs(Math.round(check.ratio * 100) - check.ratio * 100) < 1e-6 &&
      check.passes === check.ratio >= check.minimum &&
      check.passes;
    if (!consistent)
      problems.push(`${theme.seed}: ${JSON.stringify(check)} vs measured ${measured}`);
  }
  return problems;
}

describe("theme derivation properties (independent culori measurements)", () => {
  it.each(EDGE_SEEDS)("%s meets every hard minimum and distinctness threshold", (seed) => {
    const theme = deriveThemeUncached(seed);
    expect(themeViolations(theme)).toEqual([]);
    expect(reportProblems(theme)).toEqual([]);
  });

  it(`meets every threshold for ${RANDOM_SEEDS.length} seeded random colours, both schemes`, () => {
    const problems: string[] = [];
    for (const seed of RANDOM_SEEDS) {
      const theme = deriveThemeUncached(seed);
      problems.push(...themeViolations(theme), ...reportProblems(theme));
    }
    expect(problems).toEqual([]);
  });

  it("with brandFidelity, moves the boundary to primaryBorder only where the fill is below 3:1", () => {
    for (const seed of RANDOM_SEEDS.slice(0, 200)) {
      const theme = deriveThemeUncached(seed, { brandFidelity: true });
      expect(themeViolations(theme)).toEqual([]);
      for (const schemeName of ["light", "dark"] as const) {
        const scheme = theme[schemeName];
        if (scheme.primaryBorder === scheme.primary) continue;
        // Fidelity keeps the seed byte-exact as the fill, with dark text that passes on it.
        expect(scheme.primary).toBe(theme.seed);
        expect(wcagContrast(scheme.primaryForeground, scheme.primary)).toBeGreaterThanOrEqual(4.5);
        expect(wcagContrast(scheme.primaryBorder, scheme.background)).toBeGreaterThanOrEqual(3);
        expect(wcagContrast(scheme.primaryBorder, scheme.surface)).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

import { apcaContrast } from "./apca.js";
import { contrastRatio } from "./color-math.js";
import { CONTRAST_PAIRS } from "./contrast-pairs.js";
import type { ContrastCheck, SchemeName, ThemeScheme } from "./theme.types.js";

type SingleToken = Exclude<keyof ThemeScheme, "chart">;

function tokenValue(scheme: ThemeScheme, name: string): string {
  const chartIndex = /^chart\[(\d)\]$/.exec(name);
  if (chartIndex) return scheme.chart[Number(chartIndex[1])]!;
  return scheme[name as SingleToken];
}

/**
 * Floors to 2 decimals: rounding half-up would report 2.995 as 3.00 and let a failing pair "pass";
 * floored, `passes === ratio >= minimum` agrees with the unrounded comparison.
 */
function floorRatio(ratio: number): number {
  return Math.floor(ratio * 100 + 1e-9) / 100;
}

/**
 * Every pair of theme-spec.json `contrast_pairs` (each foreground × each of its backgrounds,
 * `chart[0..5]` expanded), measured on the hex strings we return.
 */
export function contrastReport(schemeName: SchemeName, scheme: ThemeScheme): ContrastCheck[] {
  const checks: ContrastCheck[] = [];
  for (const pair of CONTRAST_PAIRS) {
    let foregrounds = [pair.foreground];
    if (pair.foreground === "chart[i]")
      foregrounds = scheme.chart.map((_, index) => `chart[${index}]`);
    // Brand-fidelity mode (theme-spec: "unless primaryBorder is used"): the light fill's boundary
    // is its border, so the 1.4.11 pair is measured on primaryBorder instead.
    if (pair.foreground === "primary" && scheme.primaryBorder !== scheme.primary) {
      foregrounds = ["primaryBorder"];
    }
    for (const foreground of foregrounds) {
      for (const background of pair.backgrounds) {
        const foregroundHex = tokenValue(scheme, foreground);
        const backgroundHex = tokenValue(scheme, background);
        const ratio = floorRatio(contrastRatio(foregroundHex, backgroundHex));
        checks.push({
          scheme: schemeName,
          foreground,
          background,
          ratio,
          minimum: pair.hardMin,
          passes: ratio >= pair.hardMin,
          apcaLc: Math.round(apcaContrast(foregroundHex, backgroundHex) * 10) / 10,
        });
      }
    }
  }
  return checks;
}

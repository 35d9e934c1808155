/**
 * Independent measurements with culori (a dev dependency the module does not use), so the
 * property tests never trust the derivation's own numbers.
 */
import {
  converter,
  differenceEuclidean,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  wcagContrast,
} from "culori";
import type { Color, Lrgb } from "culori";
import specJson from "../../fixtures/design/theme-spec.json" with { type: "json" };
import type { DerivedTheme, ThemeScheme } from "../../../src/services/palette/theme.types.js";

export interface SpecPair {
  foreground: string;
  backgrounds: string[];
  hard_min: number;
  target_light: number;
  target_dark: number;
}

export const spec = specJson as unknown as {
  contrast_pairs: SpecPair[];
  distinctness: {
    chart_pairwise_deltaE_OK: {
      normal_min: number;
      deuteranopia_min: number;
      protanopia_min: number;
      tritanopia_min: number;
    };
    semantic_vs_primary_deltaE_OK_min: number;
  };
  tokens: Array<{ name: string }>;
};

const toLrgb = converter("lrgb");
const deltaEOklab = differenceEuclidean("oklab");
const simulators = {
  deutan: filterDeficiencyDeuter(1),
  protan: filterDeficiencyProt(1),
  tritan: filterDeficiencyTrit(1),
};

export function deltaE(first: string, second: string): number {
  return deltaEOklab(first, second);
}

/**
 * culori's filters multiply whatever rgb they receive; theme-spec says the Machado matrices apply
 * to LINEAR sRGB, so feed them linear values and read the result back as lrgb.
 */
function simulateLinear(kind: keyof typeof simulators, hex: string): Lrgb {
  const linear = toLrgb(hex)!;
  const simulated = simulators[kind]({ mode: "rgb", r: linear.r, g: linear.g, b: linear.b });
  return { mode: "lrgb", r: simulated.r, g: simulated.g, b: simulated.b };
}

export function cvdDeltaE(kind: keyof typeof simulators, first: string, second: string): number {
  return deltaEOklab(simulateLinear(kind, first) as Color, simulateLinear(kind, second) as Color);
}

export function tokenValue(scheme: ThemeScheme, name: string): string {
  const chart = /^chart\[(\d)\]$/.exec(name);
  if (chart) return scheme.chart[Number(chart[1])]!;
  return scheme[name as Exclude<keyof ThemeScheme, "chart">];
}

/** The 1.4.11 pair of the primary is carried by primaryBorder in brand-fidelity mode (theme-spec). */
export function expectedForegrounds(pair: SpecPair, scheme: ThemeScheme): string[] {
  if (pair.foreground === "chart[i]") return [0, 1, 2, 3, 4, 5].map((index) => `chart[${index}]`);
  if (pair.foreground === "primary" && scheme.primaryBorder !== scheme.primary) {
    return ["primaryBorder"];
  }
  return [pair.foreground];
}

/** Every violated hard minimum or distinctness threshold, as readable strings (empty = pass). */
export function themeViolations(theme: DerivedTheme): string[] {
  const problems: string[] = [];
  const distinct = spec.distinctness;
  for (const schemeName of ["light", "dark"] as const) {
    const scheme = theme[schemeName];
    const where = `${theme.seed} ${schemeName}`;
    for (const value of Object.values(scheme).flat()) {
      if (!/^#[0-9a-f]{6}$/.test(value)) problems.push(`${where}: bad hex ${value}`);
    }
    if (scheme.chart.length !== 6) problems.push(`${where}: ${scheme.chart.length} chart series`);
    for (const pair of spec.contrast_pairs) {
      for (const foreground of expectedForegrounds(pair, scheme)) {
        for (const background of pair.backgrounds) {
          const ratio = wcagContrast(
            tokenValue(scheme, foreground),
            tokenValue(scheme, background),
          );
          if (!(ratio >= pair.hard_min)) {
            problems.push(
              `${where}: ${foreground} on ${background} ${ratio.toFixed(3)} < ${pair.hard_min}`,
            );
          }
        }
      }
    }
    const chartMin = distinct.chart_pairwise_deltaE_OK;
    for (let first = 0; first < scheme.chart.length; first++) {
      for (let second = first + 1; second < scheme.chart.length; second++) {
        const a = scheme.chart[first]!;
        const b = scheme.chart[second]!;
        const checks: Array<[string, number, number]> = [
          ["normal", deltaE(a, b), chartMin.normal_min],
          ["deutan", cvdDeltaE("deutan", a, b), chartMin.deuteranopia_min],
          ["protan", cvdDeltaE("protan", a, b), chartMin.protanopia_min],
          ["tritan", cvdDeltaE("tritan", a, b), chartMin.tritanopia_min],
        ];
        for (const [kind, distance, minimum] of checks) {
          if (!(distance >= minimum)) {
            problems.push(
              `${where}: chart ${a}/${b} ${kind} ΔE ${distance.toFixed(4)} < ${minimum}`,
            );
          }
        }
      }
    }
    for (const token of ["destructive", "success"] as const) {
      const distance = deltaE(scheme[token], scheme.primary);
      if (!(distance >= distinct.semantic_vs_primary_deltaE_OK_min)) {
        problems.push(`${where}: ${token} vs primary ΔE ${distance.toFixed(4)}`);
      }
    }
  }
  return problems;
}

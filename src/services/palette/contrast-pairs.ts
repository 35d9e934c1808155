import type { SchemeName } from "./theme.types.js";

/** One row of theme-spec.json `contrast_pairs` (a test keeps this table equal to the vendored spec). */
export interface ContrastPair {
  /** Token name; `chart[i]` stands for each of the six series. */
  foreground: string;
  backgrounds: readonly string[];
  /** The gate: every reported pair must reach it. */
  hardMin: number;
  /** What the solvers aim for, so a rounding step or a tint never lands on the gate itself. */
  target: Readonly<Record<SchemeName, number>>;
}

const SURFACES_3 = ["background", "surface", "surfaceMuted"] as const;
const SURFACES_2 = ["background", "surface"] as const;

function pair(
  foreground: string,
  backgrounds: readonly string[],
  hardMin: number,
  light: number,
  dark: number,
): ContrastPair {
  return { foreground, backgrounds, hardMin, target: { light, dark } };
}

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  pair("foreground", SURFACES_3, 7.0, 12.0, 12.0),
  pair("mutedForeground", SURFACES_3, 4.5, 4.6, 6.0),
  pair("input", SURFACES_2, 3.0, 3.1, 3.1),
  pair("ring", SURFACES_2, 3.0, 3.1, 3.1),
  pair("primary", SURFACES_2, 3.0, 3.1, 3.1),
  pair("primaryForeground", ["primary", "primaryHover"], 4.5, 4.6, 4.6),
  pair("primaryText", SURFACES_3, 4.5, 4.6, 5.5),
  pair("secondaryForeground", ["secondary"], 4.5, 4.6, 4.6),
  pair("accentForeground", ["accent"], 4.5, 4.6, 4.6),
  pair("destructive", SURFACES_2, 3.0, 3.1, 3.1),
  pair("destructiveForeground", ["destructive"], 4.5, 4.6, 4.6),
  pair("destructiveText", SURFACES_3, 4.5, 4.6, 5.5),
  pair("success", SURFACES_2, 3.0, 3.1, 3.1),
  pair("successForeground", ["success"], 4.5, 4.6, 4.6),
  pair("successText", SURFACES_3, 4.5, 4.6, 5.5),
  pair("warning", SURFACES_2, 3.0, 3.1, 3.1),
  pair("warningForeground", ["warning"], 4.5, 4.6, 4.6),
  pair("warningText", SURFACES_3, 4.5, 4.6, 5.5),
  pair("sidebarForeground", ["sidebar"], 7.0, 12.0, 12.0),
  pair("sidebarMutedForeground", ["sidebar"], 4.5, 5.5, 5.5),
  pair("sidebarAccentForeground", ["sidebarAccent"], 4.5, 7.0, 7.0),
  pair("chart[i]", ["surface", "background"], 3.0, 3.1, 3.1),
];

/** Solver target of a foreground token in a scheme. */
export function targetFor(foreground: string, scheme: SchemeName): number {
  const found = CONTRAST_PAIRS.find((candidate) => candidate.foreground === foreground);
  if (!found) throw new Error(`No contrast pair for ${foreground}`);
  return found.target[scheme];
}

/** ΔE_OK thresholds of theme-spec.json `distinctness`. */
export const DISTINCTNESS = {
  chart: { normal: 0.08, deutan: 0.06, protan: 0.06, tritan: 0.05 },
  semanticVsPrimary: 0.1,
} as const;

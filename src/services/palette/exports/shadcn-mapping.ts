import type { ThemeScheme } from "../theme.types.js";

/** A single-colour token of a scheme (every token but the `chart` list). */
export type ColorToken = Exclude<keyof ThemeScheme, "chart">;

/** What a shadcn/ui variable takes its colour from: a token, or one series of `chart`. */
export type SchemeColorRef = ColorToken | `chart[${0 | 1 | 2 | 3 | 4 | 5}]`;

/** One shadcn/ui CSS variable (name without the leading `--`) and the token it carries. */
export interface ShadcnVariable {
  readonly name: string;
  readonly token: SchemeColorRef;
}

/**
 * `shadcn_mapping` of design/theme-spec.json, in its order, with `chart-1..chart-5` →
 * `chart[0..4]` written out. test/unit/palette/exports/shadcn-mapping.test.ts keeps it equal to
 * the spec: change the spec first, then this table.
 */
export const SHADCN_MAPPING: readonly ShadcnVariable[] = [
  { name: "background", token: "background" },
  { name: "foreground", token: "foreground" },
  { name: "card", token: "surface" },
  { name: "card-foreground", token: "foreground" },
  { name: "popover", token: "surface" },
  { name: "popover-foreground", token: "foreground" },
  { name: "primary", token: "primary" },
  { name: "primary-foreground", token: "primaryForeground" },
  { name: "secondary", token: "secondary" },
  { name: "secondary-foreground", token: "secondaryForeground" },
  { name: "muted", token: "surfaceMuted" },
  { name: "muted-foreground", token: "mutedForeground" },
  { name: "accent", token: "accent" },
  { name: "accent-foreground", token: "accentForeground" },
  { name: "destructive", token: "destructive" },
  { name: "border", token: "border" },
  { name: "input", token: "input" },
  { name: "ring", token: "ring" },
  { name: "chart-1", token: "chart[0]" },
  { name: "chart-2", token: "chart[1]" },
  { name: "chart-3", token: "chart[2]" },
  { name: "chart-4", token: "chart[3]" },
  { name: "chart-5", token: "chart[4]" },
  { name: "sidebar", token: "sidebar" },
  { name: "sidebar-foreground", token: "sidebarForeground" },
  { name: "sidebar-primary", token: "primary" },
  { name: "sidebar-primary-foreground", token: "primaryForeground" },
  { name: "sidebar-accent", token: "sidebarAccent" },
  { name: "sidebar-accent-foreground", token: "sidebarAccentForeground" },
  { name: "sidebar-border", token: "sidebarBorder" },
  { name: "sidebar-ring", token: "ring" },
];

/**
 * Variables we emit beyond the spec's mapping, each for a reason:
 *
 * - `destructive-foreground`: shadcn/ui dropped it with its Tailwind v4 components (they draw
 *   `text-white` on `bg-destructive`), but components added before that, still in many projects,
 *   use `text-destructive-foreground`; without the variable their destructive buttons have no
 *   text colour. Our `destructiveForeground` is the pair the theme verified (>= 4.5:1 on
 *   `destructive`), so emitting it is correct for old components and unused by new ones.
 *
 * Not emitted: `--radius` (a theme here has no radius: the project keeps its own), and a sixth
 * chart variable (shadcn/ui defines five; `chart[5]` is in the design tokens export).
 */
export const SHADCN_EXTRAS: readonly ShadcnVariable[] = [
  { name: "destructive-foreground", token: "destructiveForeground" },
];

/**
 * Every variable the CSS exports set, in the order they are written: the spec's, with
 * `destructive-foreground` next to `destructive` where a reader looks for it.
 */
export const SHADCN_VARIABLES: readonly ShadcnVariable[] = SHADCN_MAPPING.flatMap((variable) =>
  variable.name === "destructive" ? [variable, ...SHADCN_EXTRAS] : [variable],
);

/** The hex value of `ref` in `scheme`, exactly as the API returns it. */
export function schemeColor(scheme: ThemeScheme, ref: SchemeColorRef): string {
  const chart = /^chart\[(\d)\]$/.exec(ref);
  const value = chart ? scheme.chart[Number(chart[1])] : scheme[ref as ColorToken];
  if (value === undefined) throw new Error(`the scheme has no colour ${ref}`);
  return value;
}

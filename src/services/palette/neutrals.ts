import { oklchToHex } from "./color-math.js";
import { targetFor } from "./contrast-pairs.js";
import type { SeedColor } from "./seed-color.js";
import { solveOnSurfaces } from "./solve.js";
import type { SchemeName, ThemeScheme } from "./theme.types.js";

/** The neutral and tonal tokens this module derives. */
export type Neutrals = Pick<
  ThemeScheme,
  | "background"
  | "surface"
  | "surfaceMuted"
  | "foreground"
  | "mutedForeground"
  | "border"
  | "input"
  | "secondary"
  | "secondaryForeground"
  | "accent"
  | "accentForeground"
>;

/** L anchors of mode.md 4.2: where each token starts (text tokens are then solved). */
const ANCHORS = {
  light: {
    background: 0.985,
    surfaceMuted: 0.955,
    foreground: 0.21,
    mutedForeground: 0.56,
    border: 0.915,
    input: 0.72,
    secondary: 0.95,
    secondaryForeground: 0.35,
    accent: 0.94,
    accentForeground: 0.4,
  },
  dark: {
    background: 0.165,
    surface: 0.21,
    surfaceMuted: 0.265,
    foreground: 0.975,
    mutedForeground: 0.7,
    border: 0.31,
    input: 0.42,
    secondary: 0.28,
    secondaryForeground: 0.9,
    accent: 0.3,
    accentForeground: 0.85,
  },
} as const;

/**
 * Surfaces, text neutrals, lines and the tonal secondary/accent fills (mode.md 4.3 step 5). All
 * tinted with the seed hue at `nc` (none for achromatic seeds). Text is solved against EVERY surface
 * it can sit on (background, surface and surfaceMuted): checking only one is the shadcn #8088 bug.
 */
export function deriveNeutrals(seed: SeedColor, scheme: SchemeName): Neutrals {
  const hue = seed.h;
  const nc = seed.neutralChroma;
  // Achromatic seeds get pure neutrals everywhere (mode.md 4.1), not a tint of an undefined hue.
  const tint = (limit: number, share: number): number =>
    seed.achromatic ? 0 : Math.min(limit, share * seed.c);
  const at = (l: number, c: number): string => oklchToHex({ l, c, h: hue });
  const light = scheme === "light";
  const darker = light ? -1 : 1; // "toward more contrast" for text on this scheme's surfaces
  const anchors = ANCHORS[scheme];

  const background = at(anchors.background, nc);
  const surface = light ? "#ffffff" : at(ANCHORS.dark.surface, nc);
  const surfaceMuted = at(anchors.surfaceMuted, nc);
  const surfaces = [background, surface, surfaceMuted];

  const foreground = solveOnSurfaces(
    { l: anchors.foreground, c: light ? 1.5 * nc : 0.5 * nc, h: hue },
    darker,
    surfaces,
    targetFor("foreground", scheme),
  ).hex;
  const mutedForeground = solveOnSurfaces(
    { l: anchors.mutedForeground, c: nc, h: hue },
    darker,
    surfaces,
    targetFor("mutedForeground", scheme),
  ).hex;
  // Inputs sit on the page and on cards; surfaceMuted is their fill, not what they stand against.
  const input = solveOnSurfaces(
    { l: anchors.input, c: nc, h: hue },
    darker,
    [background, surface],
    targetFor("input", scheme),
  ).hex;

  const secondaryChroma = tint(0.03, 0.2);
  const secondary = at(anchors.secondary, secondaryChroma);
  const secondaryForeground = solveOnSurfaces(
    { l: anchors.secondaryForeground, c: secondaryChroma, h: hue },
    darker,
    [secondary],
    targetFor("secondaryForeground", scheme),
  ).hex;

  const accentChroma = tint(0.05, 0.35);
  const accent = at(anchors.accent, accentChroma);
  // onPrimaryContainer-like: keep some brand chroma in the label so the selected tab reads as "brand".
  const accentForeground = solveOnSurfaces(
    { l: anchors.accentForeground, c: tint(0.1, 1), h: hue },
    darker,
    [accent],
    targetFor("accentForeground", scheme),
  ).hex;

  return {
    background,
    surface,
    surfaceMuted,
    foreground,
    mutedForeground,
    border: at(anchors.border, nc),
    input,
    secondary,
    secondaryForeground,
    accent,
    accentForeground,
  };
}

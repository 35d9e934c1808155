import { hexToOklch, oklchToHex } from "./color-math.js";
import { targetFor } from "./contrast-pairs.js";
import type { SeedColor } from "./seed-color.js";
import { meetsOnAll, solveOnSurfaces } from "./solve.js";
import type { SchemeName, ThemeScheme } from "./theme.types.js";

/** The chat-panel tokens this module derives. */
export type SidebarTokens = Pick<
  ThemeScheme,
  | "sidebar"
  | "sidebarForeground"
  | "sidebarMutedForeground"
  | "sidebarAccent"
  | "sidebarAccentForeground"
  | "sidebarBorder"
>;

/**
 * The chat panel: a dark panel tinted with the seed hue in BOTH schemes (mode.md 4.3 step 7), with
 * light text solved on it. Replaces the original "primary x 0.6 + fixed grey text", which failed
 * for light brands.
 */
export function deriveSidebar(seed: SeedColor, scheme: SchemeName): SidebarTokens {
  const hue = seed.h;
  const chroma = seed.achromatic ? 0 : Math.min(0.05, 0.4 * seed.c);
  const baseL = scheme === "light" ? 0.27 : 0.19;
  const sidebar = oklchToHex({ l: baseL, c: chroma, h: hue });
  const sidebarAccent = oklchToHex({ l: baseL + 0.07, c: chroma, h: hue });
  const lighter = 1; // the panel is dark in both schemes, so text always moves lighter

  const sidebarForeground = solveOnSurfaces(
    { l: 0.97, c: 0.5 * seed.neutralChroma, h: hue },
    lighter,
    [sidebar],
    targetFor("sidebarForeground", scheme),
  ).hex;
  // Bubble text reuses the panel text; it is re-solved only if the lighter bubble would cost contrast.
  const accentTarget = targetFor("sidebarAccentForeground", scheme);
  const sidebarAccentForeground = meetsOnAll(sidebarForeground, [sidebarAccent], accentTarget)
    ? sidebarForeground
    : solveOnSurfaces(hexToOklch(sidebarForeground), lighter, [sidebarAccent], accentTarget).hex;
  const sidebarMutedForeground = solveOnSurfaces(
    { l: 0.75, c: seed.neutralChroma, h: hue },
    lighter,
    [sidebar],
    targetFor("sidebarMutedForeground", scheme),
  ).hex;

  return {
    sidebar,
    sidebarForeground,
    sidebarMutedForeground,
    sidebarAccent,
    sidebarAccentForeground,
    sidebarBorder: oklchToHex({ l: baseL + 0.1, c: chroma, h: hue }),
  };
}

import {
  accessibleFill,
  hoverFill,
  surfaceContrastDirection,
  tintedNearBlack,
} from "./accessible-fill.js";
import { deriveChartSeries } from "./chart-series.js";
import { deltaEOk, hexToOklch } from "./color-math.js";
import { targetFor } from "./contrast-pairs.js";
import { contrastReport } from "./contrast-report.js";
import { deriveNeutrals } from "./neutrals.js";
import { describeSeed, normalizeHexColor } from "./seed-color.js";
import type { SeedColor } from "./seed-color.js";
import { deriveSemanticColors } from "./semantic-colors.js";
import { deriveSidebar } from "./sidebar.js";
import { solveOnSurfaces } from "./solve.js";
import type { DerivedTheme, SchemeName, ThemeScheme } from "./theme.types.js";

export { normalizeHexColor } from "./seed-color.js";

/**
 * Bumped whenever any derived hex can change for the same seed; part of the mode cache keys, so
 * cached modes never mix outputs of two algorithms.
 */
export const DERIVATION_VERSION = "theme-2026.3";

/** How a theme is derived beyond its seed; part of the theme cache key and of a mode's identity. */
export interface ThemeOptions {
  /**
   * Brand-fidelity mode: a light seed (yellows, light aquas, white) that would have to move more
   * than 0.15 ΔE_OK to reach 3:1 is kept as the fill with dark text, and the 3:1 boundary moves to
   * `primaryBorder` (and `chart[0]`). Default false: `primary` itself reaches 3:1 on background and
   * surface in both schemes, and `primaryBorder` and `chart[0]` equal it.
   */
  brandFidelity?: boolean;
}

/** Bounded so a stream of distinct seeds cannot grow memory; 512 themes is about 1 MB. */
const CACHE_LIMIT = 512;
const cache = new Map<string, DerivedTheme>();

/**
 * The theme for a seed colour (`#rgb` / `#rrggbb`, any case): pure and deterministic, so it is
 * cached by normalised seed and options (LRU, 512 entries). The returned object is frozen because
 * it is shared. Throws a plain Error on an invalid seed: callers normalise with `normalizeHexColor`
 * first.
 */
export function deriveTheme(seed: string, options: ThemeOptions = {}): DerivedTheme {
  const normalised = requireSeed(seed);
  // The two modes give different hex values for light seeds, so they never share an entry.
  const key = options.brandFidelity === true ? `${normalised}:fidelity` : normalised;
  const cached = cache.get(key);
  if (cached) {
    // Re-insert to mark as most recently used (Map keeps insertion order).
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const theme = deepFreeze(deriveThemeUncached(normalised, options));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, theme);
  return theme;
}

/** The derivation without the cache (for benchmarks and tests); returns a fresh mutable object. */
export function deriveThemeUncached(seed: string, options: ThemeOptions = {}): DerivedTheme {
  const seedColor = describeSeed(requireSeed(seed));
  const brandFidelity = options.brandFidelity === true;
  const light = deriveScheme(seedColor, "light", brandFidelity);
  const dark = deriveScheme(seedColor, "dark", brandFidelity);
  return {
    seed: seedColor.hex,
    primary: light.primary,
    secondary: light.secondary,
    background: light.background,
    surface: light.surface,
    text: light.foreground,
    textMuted: light.mutedForeground,
    light,
    dark,
    contrast: [...contrastReport("light", light), ...contrastReport("dark", dark)],
    fidelity: {
      light: roundTo4(deltaEOk(seedColor.hex, light.primary)),
      dark: roundTo4(deltaEOk(seedColor.hex, dark.primary)),
    },
  };
}

function requireSeed(seed: string): string {
  const normalised = normalizeHexColor(seed);
  if (!normalised) throw new Error(`Invalid seed colour: ${JSON.stringify(seed)}`);
  return normalised;
}

function deriveScheme(seed: SeedColor, scheme: SchemeName, brandFidelity: boolean): ThemeScheme {
  const neutrals = deriveNeutrals(seed, scheme);
  const onSurfaces = [neutrals.background, neutrals.surface];
  const allSurfaces = [...onSurfaces, neutrals.surfaceMuted];
  const brandChroma = seed.achromatic ? 0 : seed.c;
  const towardContrast = surfaceContrastDirection(scheme);

  const fill = accessibleFill({
    base: seed.hex,
    backgrounds: onSurfaces,
    scheme,
    darkText: tintedNearBlack(seed.h, brandChroma),
    allowBrandFidelity: brandFidelity,
  });
  const primaryColor = hexToOklch(fill.fill);
  // Brand-coloured lines and text start from the primary's L but ask for the seed's chroma: the
  // gamut often allows more chroma at the solved L than at the fill's.
  const brandStart = { l: primaryColor.l, c: brandChroma, h: seed.h };
  const ring = solveOnSurfaces(brandStart, towardContrast, onSurfaces, targetFor("ring", scheme));
  const primaryText = solveOnSurfaces(
    brandStart,
    towardContrast,
    allSurfaces,
    targetFor("primaryText", scheme),
  );

  const semantic = deriveSemanticColors({
    scheme,
    primary: fill.fill,
    background: neutrals.background,
    surface: neutrals.surface,
    surfaceMuted: neutrals.surfaceMuted,
  });
  const chart = deriveChartSeries({
    scheme,
    // Equals the fill by default; in brand-fidelity mode the fill is below 3:1, so the series uses
    // its same-hue border.
    first: fill.border,
    startHue: seed.h,
    surface: neutrals.surface,
    background: neutrals.background,
  });

  return {
    background: neutrals.background,
    surface: neutrals.surface,
    surfaceMuted: neutrals.surfaceMuted,
    foreground: neutrals.foreground,
    mutedForeground: neutrals.mutedForeground,
    border: neutrals.border,
    input: neutrals.input,
    ring: ring.hex,
    primary: fill.fill,
    primaryForeground: fill.foreground,
    primaryHover: hoverFill(fill.fill, fill.foreground, scheme),
    primaryText: primaryText.hex,
    primaryBorder: fill.border,
    secondary: neutrals.secondary,
    secondaryForeground: neutrals.secondaryForeground,
    accent: neutrals.accent,
    accentForeground: neutrals.accentForeground,
    ...semantic,
    ...deriveSidebar(seed, scheme),
    chart,
    chartGrid: neutrals.border,
    chartAxis: neutrals.mutedForeground,
  };
}

function roundTo4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function deepFreeze<T extends object>(value: T): T {
  for (const nested of Object.values(value)) {
    if (nested && typeof nested === "object") deepFreeze(nested as object);
  }
  return Object.freeze(value);
}

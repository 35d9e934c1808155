import { contrastRatio, deltaEOk, hexToOklch, oklchToHex } from "./color-math.js";
import {
  accessibleFill,
  FILL_ON_SURFACE_TARGET,
  surfaceContrastDirection,
  TEXT_ON_FILL_TARGET,
  tintedNearBlack,
} from "./accessible-fill.js";
import type { AccessibleFill } from "./accessible-fill.js";
import { DISTINCTNESS, targetFor } from "./contrast-pairs.js";
import { meetsOnAll, solveOnSurfaces } from "./solve.js";
import type { SchemeName, ThemeScheme } from "./theme.types.js";

/** The status-colour tokens this module derives. */
export type SemanticTokens = Pick<
  ThemeScheme,
  | "destructive"
  | "destructiveForeground"
  | "destructiveText"
  | "success"
  | "successForeground"
  | "successText"
  | "warning"
  | "warningForeground"
  | "warningText"
>;

export interface SemanticContext {
  scheme: SchemeName;
  /** This scheme's primary fill: status colours must not be mistaken for the brand. */
  primary: string;
  background: string;
  surface: string;
  surfaceMuted: string;
}

type SemanticName = "destructive" | "success" | "warning";

/** Fixed hues and chromas (mode.md 4.2): meaning must not depend on the brand. */
const SEMANTIC_BASES: ReadonlyArray<{ name: SemanticName; hue: number; chroma: number }> = [
  { name: "destructive", hue: 27, chroma: 0.2 },
  { name: "success", hue: 150, chroma: 0.15 },
  { name: "warning", hue: 75, chroma: 0.16 },
];

/** Starting L before accessibleFill: mid-tone in light, lifted in dark, like the primary's range. */
const BASE_LIGHTNESS: Readonly<Record<SchemeName, number>> = { light: 0.58, dark: 0.7 };

/** Search grid of mode.md 4.3 step 6, then a widened grid used only if the first finds nothing. */
const HUE_OFFSETS = symmetric(10, 40);
const L_OFFSETS = symmetric(0.04, 0.16);
const WIDE_HUE_OFFSETS = symmetric(10, 180);
const WIDE_L_OFFSETS = symmetric(0.02, 0.4);

function symmetric(step: number, limit: number): number[] {
  const values = [0];
  for (let index = 1; index * step <= limit + 1e-9; index++) {
    const offset = Math.round(index * step * 1000) / 1000;
    values.push(offset, -offset);
  }
  return values;
}

export function deriveSemanticColors(context: SemanticContext): SemanticTokens {
  const tokens: Partial<SemanticTokens> = {};
  for (const base of SEMANTIC_BASES) {
    const darkText = tintedNearBlack(base.hue, base.chroma);
    const backgrounds = [context.background, context.surface];
    const baseHex = oklchToHex({ l: BASE_LIGHTNESS[context.scheme], c: base.chroma, h: base.hue });
    let fill = accessibleFill({
      base: baseHex,
      backgrounds,
      scheme: context.scheme,
      darkText,
      allowBrandFidelity: false,
    });
    if (deltaEOk(fill.fill, context.primary) < DISTINCTNESS.semanticVsPrimary) {
      fill = separateFromPrimary(fill, base.chroma, darkText, backgrounds, context.primary);
    }
    const fillColor = hexToOklch(fill.fill);
    const text = solveOnSurfaces(
      { l: fillColor.l, c: base.chroma, h: fillColor.h },
      surfaceContrastDirection(context.scheme),
      [context.background, context.surface, context.surfaceMuted],
      targetFor(`${base.name}Text`, context.scheme),
    ).hex;
    tokens[base.name] = fill.fill;
    tokens[`${base.name}Foreground`] = fill.foreground;
    tokens[`${base.name}Text`] = text;
  }
  return tokens as SemanticTokens;
}

/**
 * A red brand collides with destructive, a green one with success (mode.md 4.3 step 6). Try small
 * hue and L offsets, keep candidates that still meet their contrasts and ΔE_OK >= 0.10 from the
 * primary, and take the smallest move (ties by hex string, so the choice is deterministic).
 */
function separateFromPrimary(
  fill: AccessibleFill,
  chroma: number,
  darkText: string,
  backgrounds: readonly string[],
  primary: string,
): AccessibleFill {
  const origin = hexToOklch(fill.fill);
  const labels = fill.foreground === darkText ? [darkText, "#ffffff"] : ["#ffffff", darkText];
  const search = (hueOffsets: number[], lOffsets: number[]): AccessibleFill | undefined => {
    let best: { fill: AccessibleFill; move: number } | undefined;
    for (const hueOffset of hueOffsets) {
      for (const lOffset of lOffsets) {
        const hex = oklchToHex({ l: origin.l + lOffset, c: chroma, h: origin.h + hueOffset });
        if (deltaEOk(hex, primary) < DISTINCTNESS.semanticVsPrimary) continue;
        if (!meetsOnAll(hex, backgrounds, FILL_ON_SURFACE_TARGET)) continue;
        // Keep the current label polarity when it still works; the other one is a fallback.
        const label = labels.find(
          (candidate) => contrastRatio(candidate, hex) >= TEXT_ON_FILL_TARGET,
        );
        if (!label) continue;
        const move = deltaEOk(hex, fill.fill);
        if (!best || move < best.move || (move === best.move && hex < best.fill.fill)) {
          best = {
            fill: { fill: hex, foreground: label, border: hex, brandFidelity: false },
            move,
          };
        }
      }
    }
    return best?.fill;
  };
  const separated = search(HUE_OFFSETS, L_OFFSETS) ?? search(WIDE_HUE_OFFSETS, WIDE_L_OFFSETS);
  if (!separated) throw new Error(`Cannot separate ${fill.fill} from primary ${primary}`);
  return separated;
}

import { colord, extend } from "colord";
import oklchPlugin from "colord/plugins/oklch";

extend([oklchPlugin]);

/** Below this OKLCH chroma a seed has no meaningful hue (mode.md 4.1). */
const ACHROMATIC_CHROMA = 0.02;
/** Chart hues start here when the seed has no hue (a calm blue, not MCU's "black -> pink"). */
const ACHROMATIC_HUE = 250;

/** The seed as the derivation sees it. */
export interface SeedColor {
  hex: string;
  l: number;
  c: number;
  /** Seed hue, or 250° for an achromatic seed. */
  h: number;
  achromatic: boolean;
  /** Neutral tint chroma `nc` = min(0.014, 0.1 × chroma); 0 when achromatic. */
  neutralChroma: number;
}

const HEX_INPUT = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * `#rgb` / `#rrggbb` in any case -> lower-case `#rrggbb`; anything else (names, rgb(), alpha) ->
 * undefined, because the wire contract only allows hex seeds.
 */
export function normalizeHexColor(input: string): string | undefined {
  const trimmed = input.trim();
  if (!HEX_INPUT.test(trimmed)) return undefined;
  const parsed = colord(trimmed);
  return parsed.isValid() ? parsed.toHex().toLowerCase() : undefined;
}

export function describeSeed(hex: string): SeedColor {
  // colord's OKLCH is rounded (L 4, C 5, hue 2 decimals): fine for anchors, never used for ratios.
  const { l, c, h } = colord(hex).toOklch();
  const achromatic = c < ACHROMATIC_CHROMA;
  return {
    hex,
    l,
    c,
    h: achromatic ? ACHROMATIC_HUE : h,
    achromatic,
    neutralChroma: achromatic ? 0 : Math.min(0.014, 0.1 * c),
  };
}

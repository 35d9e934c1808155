import { cieLightness, contrastRatio, deltaEOk, hexToOklch, oklchToHex } from "./color-math.js";
import type { Oklch } from "./color-math.js";
import { meetsOnAll, solveLightness, solveOnSurfaces } from "./solve.js";
import type { Direction, Solved } from "./solve.js";
import type { SchemeName } from "./theme.types.js";

/** Solver targets (theme-spec `target_*`); the hard minimums 4.5 / 3.0 are checked in the report. */
export const TEXT_ON_FILL_TARGET = 4.6;
export const FILL_ON_SURFACE_TARGET = 3.1;

const WHITE = "#ffffff";
/** Extra ΔE_OK the preferred text polarity may cost before we switch to the other one. */
const POLARITY_ALLOWANCE = 0.15;
/** Beyond this ΔE_OK from the seed a light brand colour is kept as the fill (brand-fidelity mode). */
const FIDELITY_LIMIT = 0.15;
const HOVER_STEP = 0.05;
/** A hover closer than this to its fill is not visibly different. */
const VISIBLE_HOVER = 0.02;

export interface AccessibleFill {
  fill: string;
  /** Text and icons on the fill: white or the tinted near-black. */
  foreground: string;
  /** Equals `fill` unless brand-fidelity mode kept a light fill; then a same-hue outline >= 3.1:1. */
  border: string;
  brandFidelity: boolean;
}

export interface FillRequest {
  /** The colour to keep as close as possible (the seed, or a semantic base colour). */
  base: string;
  /** The surfaces the fill stands on (background and surface). */
  backgrounds: readonly string[];
  scheme: SchemeName;
  /** Near-black tinted with the base hue, used when dark text is chosen. */
  darkText: string;
  /**
   * Brand-fidelity mode: for the brand colour only, and only when the request opted in
   * (`ThemeOptions.brandFidelity`); semantic fills always carry their own contrast.
   */
  allowBrandFidelity: boolean;
}

/** OKLCH L 0.18 near-black in the base hue (chroma <= 0.04), the dark label colour on fills. */
export function tintedNearBlack(hue: number, chroma: number): string {
  return oklchToHex({ l: 0.18, c: Math.min(0.04, chroma), h: hue });
}

/** Lighter for dark text (raises its contrast), darker for white text. */
export function textContrastDirection(text: string): Direction {
  return text === WHITE ? -1 : 1;
}

/** The direction that raises contrast against the scheme's surfaces. */
export function surfaceContrastDirection(scheme: SchemeName): Direction {
  return scheme === "light" ? -1 : 1;
}

interface Candidate {
  fill: string;
  foreground: string;
  cost: number;
}

function solveForText(request: FillRequest, baseColor: Oklch, text: string): Candidate | undefined {
  const passes = (hex: string): boolean =>
    contrastRatio(text, hex) >= TEXT_ON_FILL_TARGET &&
    meetsOnAll(hex, request.backgrounds, FILL_ON_SURFACE_TARGET);
  if (passes(request.base)) return { fill: request.base, foreground: text, cost: 0 };
  // Move toward whichever requirement fails: text contrast first, otherwise surface contrast.
  // The feasible L window lies between the two, so one direction always reaches it.
  const preferred =
    contrastRatio(text, request.base) < TEXT_ON_FILL_TARGET
      ? textContrastDirection(text)
      : surfaceContrastDirection(request.scheme);
  const solved: Solved | undefined =
    solveLightness(baseColor, preferred, passes) ??
    solveLightness(baseColor, -preferred as Direction, passes) ??
    // Widened search: a hue's gamut cusp can make the window vanish at full chroma; a neutral never does.
    solveLightness({ ...baseColor, c: 0 }, preferred, passes);
  if (!solved) return undefined;
  return { fill: solved.hex, foreground: text, cost: deltaEOk(request.base, solved.hex) };
}

/**
 * accessibleFill (mode.md 4.3 step 4): a fill that carries >= 4.6:1 label text and stands >= 3.1:1
 * off every surface, as close to the base colour as the preferred text polarity allows.
 */
export function accessibleFill(request: FillRequest): AccessibleFill {
  const baseColor = hexToOklch(request.base);
  // White labels on darker colours (CIE L* < 60): Material's and APCA's observation of what reads best.
  const preferredText = cieLightness(request.base) < 60 ? WHITE : request.darkText;
  const otherText = preferredText === WHITE ? request.darkText : WHITE;

  const preferred = solveForText(request, baseColor, preferredText);
  if (preferred && preferred.cost === 0) return withBorder(preferred);
  const other = solveForText(request, baseColor, otherText);
  let chosen: Candidate | undefined = preferred;
  if (!chosen || (other && chosen.cost - other.cost > POLARITY_ALLOWANCE)) chosen = other;
  if (!chosen) throw new Error(`No accessible fill exists for ${request.base}`);

  if (
    request.allowBrandFidelity &&
    chosen.cost > FIDELITY_LIMIT &&
    contrastRatio(request.darkText, request.base) >= TEXT_ON_FILL_TARGET
  ) {
    // Yellows and light aquas: moving them far enough for 3:1 destroys the brand. Keep the seed as
    // the fill with dark text; WCAG 1.4.11 is then met by a same-hue outline instead.
    const border = solveOnSurfaces(
      baseColor,
      surfaceContrastDirection(request.scheme),
      request.backgrounds,
      FILL_ON_SURFACE_TARGET,
    );
    return {
      fill: request.base,
      foreground: request.darkText,
      border: border.hex,
      brandFidelity: true,
    };
  }
  return withBorder(chosen);
}

function withBorder(candidate: Candidate): AccessibleFill {
  return {
    fill: candidate.fill,
    foreground: candidate.foreground,
    border: candidate.fill,
    brandFidelity: false,
  };
}

/**
 * Hover/pressed fill: L -0.05 (light) or +0.05 (dark), re-solved so the label keeps >= 4.6:1. When
 * that is invisible (the re-solve walked back to the fill, or L hit 0 or 1), the opposite 0.05
 * step is used instead so hovering always shows.
 */
export function hoverFill(fill: string, text: string, scheme: SchemeName): string {
  const color = hexToOklch(fill);
  const passes = (hex: string): boolean => contrastRatio(text, hex) >= TEXT_ON_FILL_TARGET;
  const offset = scheme === "light" ? -HOVER_STEP : HOVER_STEP;
  const solved = solveLightness(
    { ...color, l: color.l + offset },
    textContrastDirection(text),
    passes,
  );
  if (solved && deltaEOk(solved.hex, fill) >= VISIBLE_HOVER) return solved.hex;
  // Near L 0 or 1 a 0.05 step can serialise to the same bytes, so keep going until it shows.
  const opposite = solveLightness(
    { ...color, l: color.l - offset },
    offset > 0 ? -1 : 1,
    (hex) => passes(hex) && deltaEOk(hex, fill) >= VISIBLE_HOVER,
  );
  return opposite?.hex ?? solved?.hex ?? fill;
}

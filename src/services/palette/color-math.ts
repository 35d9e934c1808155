/**
 * Colour arithmetic for the derivation: sRGB <-> OKLab/OKLCH, gamut mapping, WCAG 2.x contrast, ΔE_OK.
 *
 * Why not colord for this part: its conversions round (OKLCH L to 4 decimals, hue to 2), its
 * OKLCH -> RGB path clips channels instead of reducing chroma, and the a11y plugin rounds ratios
 * half-up (2.995 would read as 3.00). The gate here is "measured on the serialised hex", so every
 * number must come from unrounded maths on the exact bytes we return.
 */

/** Linear-light sRGB, nominally 0..1 per channel (may leave that range before gamut mapping). */
export interface LinearRgb {
  r: number;
  g: number;
  b: number;
}

export interface Oklab {
  l: number;
  a: number;
  b: number;
}

/** OKLCH: L 0..1, chroma >= 0, hue in degrees. */
export interface Oklch {
  l: number;
  c: number;
  h: number;
}

const HEX_PATTERN = /^#[0-9a-f]{6}$/;

/** sRGB byte -> linear value, precomputed: luminance and OKLab of a hex are the hot path. */
const LINEAR_BY_BYTE: readonly number[] = Array.from({ length: 256 }, (_, byte) => {
  const value = byte / 255;
  // 0.04045 (IEC 61966-2-1) and WCAG's 0.03928 classify every 8-bit value identically.
  return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
});

/** `#rrggbb` as one 24-bit integer; one slice and parse instead of three. */
function hexToInt(hex: string): number {
  if (!HEX_PATTERN.test(hex)) throw new Error(`Not a normalised #rrggbb colour: ${hex}`);
  return parseInt(hex.slice(1), 16);
}

export function hexToLinearRgb(hex: string): LinearRgb {
  const value = hexToInt(hex);
  return {
    r: LINEAR_BY_BYTE[value >> 16]!,
    g: LINEAR_BY_BYTE[(value >> 8) & 0xff]!,
    b: LINEAR_BY_BYTE[value & 0xff]!,
  };
}

/** "00".."ff" by byte: serialising is on the solvers' hot path. */
const HEX_BY_BYTE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  byte.toString(16).padStart(2, "0"),
);

function encodeChannel(linear: number): string {
  const clamped = Math.min(1, Math.max(0, linear));
  const encoded =
    clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * Math.pow(clamped, 1 / 2.4) - 0.055;
  return HEX_BY_BYTE[Math.round(encoded * 255)]!;
}

/** Serialises linear sRGB to lower-case `#rrggbb` (channels clamped: callers gamut-map first). */
export function linearRgbToHex(rgb: LinearRgb): string {
  return `#${encodeChannel(rgb.r)}${encodeChannel(rgb.g)}${encodeChannel(rgb.b)}`;
}

// Björn Ottosson's OKLab matrices (the same constants culori and colord use).
export function linearRgbToOklab({ r, g, b }: LinearRgb): Oklab {
  const l = Math.cbrt(0.412221469470763 * r + 0.5363325372617348 * g + 0.0514459932675022 * b);
  const m = Math.cbrt(0.2119034958178252 * r + 0.6806995506452344 * g + 0.1073969535369406 * b);
  const s = Math.cbrt(0.0883024591900564 * r + 0.2817188391361215 * g + 0.6299787016738222 * b);
  return {
    l: 0.210454268309314 * l + 0.7936177747023054 * m - 0.0040720430116193 * s,
    a: 1.9779985324311684 * l - 2.4285922420485799 * m + 0.450593709617411 * s,
    b: 0.0259040424655478 * l + 0.7827717124575296 * m - 0.8086757549230774 * s,
  };
}

export function oklabToLinearRgb({ l: lightness, a, b }: Oklab): LinearRgb {
  // Cubed by multiplication: this runs ~25 times per gamut mapping and Math.pow dominated profiles.
  const lRoot = lightness + 0.3963377773761749 * a + 0.2158037573099136 * b;
  const mRoot = lightness - 0.1055613458156586 * a - 0.0638541728258133 * b;
  const sRoot = lightness - 0.0894841775298119 * a - 1.2914855480194092 * b;
  const l = lRoot * lRoot * lRoot;
  const m = mRoot * mRoot * mRoot;
  const s = sRoot * sRoot * sRoot;
  return {
    r: 4.076741636075958 * l - 3.3077115392580616 * m + 0.2309699031821043 * s,
    g: -1.2684379732850317 * l + 2.6097573492876887 * m - 0.3413193760026573 * s,
    b: -0.0041960761386756 * l - 0.7034186179359363 * m + 1.7076146940746117 * s,
  };
}

export function oklchToOklab({ l, c, h }: Oklch): Oklab {
  const radians = (h * Math.PI) / 180;
  return { l, a: c * Math.cos(radians), b: c * Math.sin(radians) };
}

export function oklabToOklch({ l, a, b }: Oklab): Oklch {
  const hue = (Math.atan2(b, a) * 180) / Math.PI;
  return { l, c: Math.sqrt(a * a + b * b), h: hue < 0 ? hue + 360 : hue };
}

export function hexToOklab(hex: string): Oklab {
  return linearRgbToOklab(hexToLinearRgb(hex));
}

export function hexToOklch(hex: string): Oklch {
  return oklabToOklch(hexToOklab(hex));
}

// Float noise at L = 0 or 1 puts channels a hair outside [0, 1]; that is not "out of gamut".
const GAMUT_EPSILON = 1e-9;
const GAMUT_ITERATIONS = 24; // chroma resolution 0.4 / 2^24: far below one 8-bit step

function isInGamut({ r, g, b }: LinearRgb): boolean {
  return (
    r >= -GAMUT_EPSILON &&
    r <= 1 + GAMUT_EPSILON &&
    g >= -GAMUT_EPSILON &&
    g <= 1 + GAMUT_EPSILON &&
    b >= -GAMUT_EPSILON &&
    b <= 1 + GAMUT_EPSILON
  );
}

/**
 * Keeps L and hue and binary-searches chroma down until linear sRGB is inside [0, 1] (mode.md 4.3
 * step 2). Chroma reduction, not clipping, because clipping shifts hue and lightness.
 */
export function gamutMapOklch(color: Oklch): Oklch {
  const l = Math.min(1, Math.max(0, color.l));
  const c = Math.max(0, color.c);
  if (isInGamut(oklabToLinearRgb(oklchToOklab({ l, c, h: color.h })))) return { l, c, h: color.h };
  let inside = 0;
  let outside = c;
  for (let iteration = 0; iteration < GAMUT_ITERATIONS; iteration++) {
    const middle = (inside + outside) / 2;
    if (isInGamut(oklabToLinearRgb(oklchToOklab({ l, c: middle, h: color.h })))) inside = middle;
    else outside = middle;
  }
  return { l, c: inside, h: color.h };
}

/** Gamut-maps and serialises: the only way derived colours become hex. */
export function oklchToHex(color: Oklch): string {
  return mappedOklchToHex(gamutMapOklch(color));
}

/** Serialises a colour that `gamutMapOklch` already mapped (saves a second chroma search). */
export function mappedOklchToHex(mapped: Oklch): string {
  return linearRgbToHex(oklabToLinearRgb(oklchToOklab(mapped)));
}

// The solvers measure the same few hex strings over and over (every candidate against every
// surface); remembering their luminance is the single largest saving of a derivation.
const LUMINANCE_CACHE_LIMIT = 4096;
const luminanceByHex = new Map<string, number>();

/** WCAG 2.x relative luminance. */
export function relativeLuminance(hex: string): number {
  const cached = luminanceByHex.get(hex);
  if (cached !== undefined) return cached;
  const value = hexToInt(hex);
  const luminance =
    0.2126 * LINEAR_BY_BYTE[value >> 16]! +
    0.7152 * LINEAR_BY_BYTE[(value >> 8) & 0xff]! +
    0.0722 * LINEAR_BY_BYTE[value & 0xff]!;
  if (luminanceByHex.size >= LUMINANCE_CACHE_LIMIT) luminanceByHex.clear();
  luminanceByHex.set(hex, luminance);
  return luminance;
}

/** WCAG 2.x contrast ratio (1..21), unrounded. */
export function contrastRatio(first: string, second: string): number {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export function deltaEOklab(first: Oklab, second: Oklab): number {
  // Math.sqrt of the sum, not Math.hypot: several times faster in V8, and OKLab components are
  // far from the magnitudes where hypot's overflow protection matters.
  const l = first.l - second.l;
  const a = first.a - second.a;
  const b = first.b - second.b;
  return Math.sqrt(l * l + a * a + b * b);
}

/** ΔE_OK: Euclidean distance in OKLab between two hex colours. */
export function deltaEOk(first: string, second: string): number {
  return deltaEOklab(hexToOklab(first), hexToOklab(second));
}

/** CIE L* (D65), used for the text-polarity preference (white text if L* < 60). */
export function cieLightness(hex: string): number {
  const { r, g, b } = hexToLinearRgb(hex);
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const f = y > 216 / 24389 ? Math.cbrt(y) : (24389 / 27 / 116) * y + 16 / 116;
  return 116 * f - 16;
}

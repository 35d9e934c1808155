/**
 * APCA lightness contrast (Lc), the WCAG 3 candidate, APCA-W3 0.0.98G-4g constants. Advisory
 * only (theme-spec.json `apca_advisory`): WCAG 2.x ratios are the gate; Lc is reported beside
 * them because 4.5:1 on dark grounds reads weaker than on light ones, which Lc shows.
 * Written from the published formula (Myndex, APCA-W3 documentation), not from the apca-w3 code.
 */

const MAIN_TRC = 2.4;
const RED = 0.2126729;
const GREEN = 0.7151522;
const BLUE = 0.072175;
const NORMAL_BACKGROUND = 0.56;
const NORMAL_TEXT = 0.57;
const REVERSE_TEXT = 0.62;
const REVERSE_BACKGROUND = 0.65;
const BLACK_THRESHOLD = 0.022;
const BLACK_CLAMP = 1.414;
const SCALE = 1.14;
const LOW_OFFSET = 0.027;
const DELTA_Y_MIN = 0.0005;
const LOW_CLIP = 0.1;

/** APCA's screen luminance: a plain 2.4 power per channel (not the piecewise sRGB curve). */
function screenLuminance(hex: string): number {
  const value = parseInt(hex.slice(1), 16);
  const channel = (byte: number) => Math.pow(byte / 255, MAIN_TRC);
  return (
    RED * channel(value >> 16) + GREEN * channel((value >> 8) & 0xff) + BLUE * channel(value & 0xff)
  );
}

/** Soft clamp near black, where screens flare and the eye adapts. */
function clampBlack(luminance: number): number {
  return luminance > BLACK_THRESHOLD
    ? luminance
    : luminance + Math.pow(BLACK_THRESHOLD - luminance, BLACK_CLAMP);
}

/**
 * Lc of `text` on `background` (lower-case #rrggbb): positive for dark text on a light ground,
 * negative for light on dark; about ±106-108 for black and white, 0 for indistinguishable pairs.
 */
export function apcaContrast(text: string, background: string): number {
  const textY = clampBlack(screenLuminance(text));
  const backgroundY = clampBlack(screenLuminance(background));
  if (Math.abs(backgroundY - textY) < DELTA_Y_MIN) return 0;
  if (backgroundY > textY) {
    const sapc = (backgroundY ** NORMAL_BACKGROUND - textY ** NORMAL_TEXT) * SCALE;
    return sapc < LOW_CLIP ? 0 : (sapc - LOW_OFFSET) * 100;
  }
  const sapc = (backgroundY ** REVERSE_BACKGROUND - textY ** REVERSE_TEXT) * SCALE;
  return sapc > -LOW_CLIP ? 0 : (sapc + LOW_OFFSET) * 100;
}

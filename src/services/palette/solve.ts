import { contrastRatio, gamutMapOklch, mappedOklchToHex } from "./color-math.js";
import type { Oklch } from "./color-math.js";

/** +1 = lighter (higher OKLCH L), -1 = darker. */
export type Direction = 1 | -1;

export interface Solved {
  hex: string;
  /** The gamut-mapped OKLCH the hex was serialised from. */
  color: Oklch;
}

/** Coarse step of the walk; small enough that no feasible window (>= ~0.04 L wide here) is jumped. */
const STEP = 0.005;
/** Bisection rounds after the walk: 0.005 / 2^25 is far below one 8-bit step, so the move is minimal. */
const BISECTIONS = 25;

/**
 * Moves OKLCH L only (hue kept, chroma gamut-mapped at every L) toward `direction` by the smallest
 * amount that makes `predicate` true on the serialised hex (mode.md 4.3 step 3). Returns undefined
 * when L reaches 0 or 1 without success, so callers can widen the search instead of shipping a
 * failing colour.
 */
export function solveLightness(
  start: Oklch,
  direction: Direction,
  predicate: (hex: string) => boolean,
): Solved | undefined {
  const at = (l: number): Solved => {
    const color = gamutMapOklch({ l, c: start.c, h: start.h });
    return { hex: mappedOklchToHex(color), color };
  };
  const first = at(start.l);
  if (predicate(first.hex)) return first;

  let failing = Math.min(1, Math.max(0, start.l));
  let passing = Number.NaN;
  while (Number.isNaN(passing)) {
    if ((direction > 0 && failing >= 1) || (direction < 0 && failing <= 0)) return undefined;
    const next = Math.min(1, Math.max(0, failing + direction * STEP));
    if (predicate(at(next).hex)) passing = next;
    else failing = next;
  }
  for (let iteration = 0; iteration < BISECTIONS; iteration++) {
    const middle: number = (failing + passing) / 2;
    if (predicate(at(middle).hex)) passing = middle;
    else failing = middle;
  }
  return at(passing);
}

/** True when `foreground` reaches `target` against every one of `backgrounds`. */
export function meetsOnAll(
  foreground: string,
  backgrounds: readonly string[],
  target: number,
): boolean {
  return backgrounds.every((background) => contrastRatio(foreground, background) >= target);
}

/**
 * Solves a text or line colour against all the surfaces it sits on, and throws if even the far
 * end of L cannot reach the target: that would be a derivation bug, never something to ship.
 */
export function solveOnSurfaces(
  start: Oklch,
  direction: Direction,
  backgrounds: readonly string[],
  target: number,
): Solved {
  const solved =
    solveLightness(start, direction, (hex) => meetsOnAll(hex, backgrounds, target)) ??
    // An achromatic end point (black/white) reaches the most contrast a hue can give.
    solveLightness({ ...start, c: 0 }, direction, (hex) => meetsOnAll(hex, backgrounds, target));
  if (!solved) throw new Error(`No colour reaches ${target}:1 on ${backgrounds.join(", ")}`);
  return solved;
}

import { oklchToHex } from "./color-math.js";
import { FILL_ON_SURFACE_TARGET } from "./accessible-fill.js";
import { cvdDistance, visionProfile } from "./cvd.js";
import type { VisionProfile } from "./cvd.js";
import { meetsOnAll } from "./solve.js";
import type { SchemeName } from "./theme.types.js";

export const CHART_SERIES_COUNT = 6;

const HUE_STEPS = 24; // every 15°
const REQUESTED_CHROMA = 0.19;
const LEVELS: Readonly<Record<SchemeName, readonly number[]>> = {
  light: [0.45, 0.52, 0.59, 0.66],
  dark: [0.62, 0.7, 0.78, 0.86],
};

export interface ChartRequest {
  scheme: SchemeName;
  /** Series 0: the brand colour as it appears on this scheme (primary, or its border in fidelity mode). */
  first: string;
  /** Hue the candidate wheel starts from (the seed hue, 250° for achromatic seeds). */
  startHue: number;
  surface: string;
  background: string;
}

/**
 * MCU's "disliked" dark yellow-greens (OKLCH hue 85-125, L < 0.7) read as bile/olive; they are
 * dropped even when they would be the most distinct candidate.
 */
function isDisliked(hue: number, lightness: number): boolean {
  return hue >= 85 && hue <= 125 && lightness < 0.7;
}

/** The fixed, ordered candidate list: 24 hues × 4 L levels, kept only at >= 3.1:1 on both grounds. */
export function chartCandidates(request: ChartRequest): string[] {
  const seen = new Set<string>();
  const candidates: string[] = [];
  for (let step = 0; step < HUE_STEPS; step++) {
    const hue = (request.startHue + step * (360 / HUE_STEPS)) % 360;
    for (const lightness of LEVELS[request.scheme]) {
      if (isDisliked(hue, lightness)) continue;
      const hex = oklchToHex({ l: lightness, c: REQUESTED_CHROMA, h: hue });
      if (seen.has(hex)) continue;
      seen.add(hex);
      if (meetsOnAll(hex, [request.surface, request.background], FILL_ON_SURFACE_TARGET)) {
        candidates.push(hex);
      }
    }
  }
  return candidates;
}

/**
 * Greedy max-min selection (mode.md 4.4): each next series is the candidate farthest, by the
 * CVD-aware distance, from everything chosen so far. Candidate order is fixed and ties keep the
 * earlier candidate, so the palette is deterministic.
 */
export function deriveChartSeries(request: ChartRequest): string[] {
  const chosen: VisionProfile[] = [visionProfile(request.first)];
  const pool = chartCandidates(request)
    .filter((hex) => hex !== request.first)
    .map(visionProfile);
  // nearest[i] = distance from pool[i] to its nearest chosen series, updated incrementally.
  const nearest = pool.map((candidate) => cvdDistance(candidate, chosen[0]!));
  while (chosen.length < CHART_SERIES_COUNT) {
    let bestIndex = -1;
    for (let index = 0; index < pool.length; index++) {
      if (bestIndex < 0 || nearest[index]! > nearest[bestIndex]!) bestIndex = index;
    }
    if (bestIndex < 0) throw new Error("Not enough chart candidates");
    const picked = pool[bestIndex]!;
    chosen.push(picked);
    pool.splice(bestIndex, 1);
    nearest.splice(bestIndex, 1);
    for (let index = 0; index < pool.length; index++) {
      nearest[index] = Math.min(nearest[index]!, cvdDistance(pool[index]!, picked));
    }
  }
  return chosen.map((profile) => profile.hex);
}

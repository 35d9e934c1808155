import fc from "fast-check";
import { converter, differenceEuclidean, toGamut, wcagContrast } from "culori";
import type { Oklch as CuloriOklch } from "culori";
import { describe, expect, it } from "vitest";
import {
  cieLightness,
  contrastRatio,
  deltaEOk,
  gamutMapOklch,
  hexToOklab,
  oklabToLinearRgb,
  oklchToHex,
  oklchToOklab,
} from "../../../src/services/palette/color-math.js";
import { cvdDistance, visionDistances, visionProfile } from "../../../src/services/palette/cvd.js";
import { describeSeed, normalizeHexColor } from "../../../src/services/palette/seed-color.js";
import { meetsOnAll, solveLightness } from "../../../src/services/palette/solve.js";
import { cvdDeltaE, deltaE } from "./independent-checks.js";

const toOklab = converter("oklab");
const toLab = converter("lab65");
const deltaEOklab = differenceEuclidean("oklab");
/** Pure chroma reduction (no "roughly in gamut" JND): the same algorithm as ours. */
const chromaOnlyGamutMap = toGamut("rgb", "oklch", null, 0);
/** CSS Color 4 gamut mapping (chroma reduction plus a clip within one JND of 0.02). */
const cssGamutMap = toGamut("rgb", "oklch");

const hexes = fc
  .sample(fc.integer({ min: 0, max: 0xffffff }), { seed: 99, numRuns: 300 })
  .map((value) => `#${value.toString(16).padStart(6, "0")}`);
const oklchSamples = fc.sample(
  fc.record({
    l: fc.double({ min: 0.02, max: 0.98, noNaN: true }),
    c: fc.double({ min: 0, max: 0.37, noNaN: true }),
    h: fc.double({ min: 0, max: 359.99, noNaN: true }),
  }),
  { seed: 7, numRuns: 400 },
);

describe("gamut mapping", () => {
  it("matches culori's chroma-only toGamut to within a small ΔE_OK", () => {
    for (const color of oklchSamples) {
      const ours = oklabToLinearRgb(oklchToOklab(gamutMapOklch(color)));
      const theirs = chromaOnlyGamutMap({ mode: "oklch", ...color } as CuloriOklch);
      const distance = deltaEOklab({ mode: "lrgb", ...ours }, theirs);
      expect(distance, JSON.stringify(color)).toBeLessThan(1e-3);
    }
  });

  // CSS Color 4 stops reducing chroma once the clipped colour is within a JND (0.02) of it, so the
  // two algorithms may differ by a bit more than one JND; they must stay close, not equal.
  it("stays close to CSS Color 4 gamut mapping, and keeps L and hue", () => {
    for (const color of oklchSamples) {
      const mapped = gamutMapOklch(color);
      expect(mapped.l).toBe(color.l);
      expect(mapped.h).toBe(color.h);
      expect(mapped.c).toBeLessThanOrEqual(color.c);
      const ours = oklabToLinearRgb(oklchToOklab(mapped));
      const theirs = cssGamutMap({ mode: "oklch", ...color } as CuloriOklch);
      expect(deltaEOklab({ mode: "lrgb", ...ours }, theirs)).toBeLessThan(0.03);
    }
  });

  it("leaves in-gamut colours untouched and serialises hex round trips exactly", () => {
    for (const hex of hexes) {
      const lab = hexToOklab(hex);
      const chroma = Math.hypot(lab.a, lab.b);
      const hue = (Math.atan2(lab.b, lab.a) * 180) / Math.PI;
      expect(oklchToHex({ l: lab.l, c: chroma, h: hue })).toBe(hex);
    }
  });
});

describe("measurements agree with culori", () => {
  it("OKLab, WCAG contrast, ΔE_OK and CIE L*", () => {
    for (let index = 0; index + 1 < hexes.length; index += 2) {
      const first = hexes[index]!;
      const second = hexes[index + 1]!;
      const ours = hexToOklab(first);
      const theirs = toOklab(first)!;
      expect(ours.l).toBeCloseTo(theirs.l, 10);
      expect(ours.a).toBeCloseTo(theirs.a, 10);
      expect(ours.b).toBeCloseTo(theirs.b, 10);
      expect(contrastRatio(first, second)).toBeCloseTo(wcagContrast(first, second), 10);
      expect(deltaEOk(first, second)).toBeCloseTo(deltaE(first, second), 10);
      // culori's XYZ matrix differs in the 4th decimal; only the L* < 60 decision depends on it.
      expect(cieLightness(first)).toBeCloseTo(toLab(first)!.l, 1);
    }
  });

  it("CVD simulations equal culori's Machado matrices applied in linear sRGB", () => {
    for (let index = 0; index + 1 < hexes.length; index += 2) {
      const first = visionProfile(hexes[index]!);
      const second = visionProfile(hexes[index + 1]!);
      const distances = visionDistances(first, second);
      expect(distances.deutan).toBeCloseTo(cvdDeltaE("deutan", first.hex, second.hex), 9);
      expect(distances.protan).toBeCloseTo(cvdDeltaE("protan", first.hex, second.hex), 9);
      expect(distances.tritan).toBeCloseTo(cvdDeltaE("tritan", first.hex, second.hex), 9);
      expect(cvdDistance(first, second)).toBe(
        Math.min(distances.normal, distances.deutan, distances.protan, 1.5 * distances.tritan),
      );
    }
  });
});

describe("solveLightness", () => {
  it("takes the smallest move: a slightly smaller move fails", () => {
    const surfaces = ["#ffffff", "#f7f7f7"];
    const start = { l: 0.72, c: 0.1, h: 250 };
    const solved = solveLightness(start, -1, (hex) => meetsOnAll(hex, surfaces, 4.6))!;
    expect(meetsOnAll(solved.hex, surfaces, 4.6)).toBe(true);
    expect(meetsOnAll(oklchToHex({ ...start, l: solved.color.l + 0.003 }), surfaces, 4.6)).toBe(
      false,
    );
  });

  it("returns the start unchanged when it already passes, undefined when L runs out", () => {
    const start = { l: 0.3, c: 0.05, h: 30 };
    expect(solveLightness(start, -1, () => true)!.hex).toBe(oklchToHex(start));
    expect(solveLightness(start, 1, () => false)).toBeUndefined();
  });
});

describe("normalizeHexColor", () => {
  it.each([
    ["#1E88E5", "#1e88e5"],
    ["#abc", "#aabbcc"],
    ["#ABC", "#aabbcc"],
    [" #00acc1 ", "#00acc1"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeHexColor(input)).toBe(expected);
  });

  it.each(["", "red", "1e88e5", "#12345", "#1234", "#12345678", "#ggg", "rgb(0,0,0)", "#1e88e5ff"])(
    "rejects %j",
    (input) => {
      expect(normalizeHexColor(input)).toBeUndefined();
    },
  );
});

describe("seeds", () => {
  it("flags achromatic seeds and gives them hue 250 and no tint", () => {
    expect(describeSeed("#808080")).toMatchObject({ achromatic: true, h: 250, neutralChroma: 0 });
    expect(describeSeed("#1e88e5")).toMatchObject({ achromatic: false });
    expect(describeSeed("#1e88e5").neutralChroma).toBeCloseTo(0.014, 6);
  });
});

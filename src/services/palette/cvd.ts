import { deltaEOklab, hexToLinearRgb, linearRgbToOklab } from "./color-math.js";
import type { LinearRgb, Oklab } from "./color-math.js";

type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

/**
 * Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for Simulation of Color
 * Vision Deficiency", precomputed matrices at severity 1.0 (row-major), applied to LINEAR sRGB as
 * theme-spec.json `distinctness.simulation` specifies.
 */
export const PROTANOPIA: Matrix3 = [
  0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
];
export const DEUTERANOPIA: Matrix3 = [
  0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
];
export const TRITANOPIA: Matrix3 = [
  1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
];

function simulate(matrix: Matrix3, { r, g, b }: LinearRgb): LinearRgb {
  // No clamping: the simulated colour only feeds a distance, and clamping would hide differences.
  return {
    r: matrix[0] * r + matrix[1] * g + matrix[2] * b,
    g: matrix[3] * r + matrix[4] * g + matrix[5] * b,
    b: matrix[6] * r + matrix[7] * g + matrix[8] * b,
  };
}

/** A colour as seen with normal vision and the three dichromacies, in OKLab. */
export interface VisionProfile {
  hex: string;
  normal: Oklab;
  deutan: Oklab;
  protan: Oklab;
  tritan: Oklab;
}

export function visionProfile(hex: string): VisionProfile {
  const linear = hexToLinearRgb(hex);
  return {
    hex,
    normal: linearRgbToOklab(linear),
    deutan: linearRgbToOklab(simulate(DEUTERANOPIA, linear)),
    protan: linearRgbToOklab(simulate(PROTANOPIA, linear)),
    tritan: linearRgbToOklab(simulate(TRITANOPIA, linear)),
  };
}

export interface VisionDistances {
  normal: number;
  deutan: number;
  protan: number;
  tritan: number;
}

export function visionDistances(first: VisionProfile, second: VisionProfile): VisionDistances {
  return {
    normal: deltaEOklab(first.normal, second.normal),
    deutan: deltaEOklab(first.deutan, second.deutan),
    protan: deltaEOklab(first.protan, second.protan),
    tritan: deltaEOklab(first.tritan, second.tritan),
  };
}

/**
 * mode.md 4.4: min(normal, deutan, protan, 1.5 × tritan). The 1.5 weight matches the lower tritan
 * threshold (0.05 vs 0.08): tritan pairs are naturally closer and tritanopia is rare.
 */
export function cvdDistance(first: VisionProfile, second: VisionProfile): number {
  const distances = visionDistances(first, second);
  return Math.min(distances.normal, distances.deutan, distances.protan, 1.5 * distances.tritan);
}

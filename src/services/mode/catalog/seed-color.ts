import { createHash } from "node:crypto";
import { foldCase } from "../../text/fold-text.js";

/**
 * Brand colours for requests the catalog does not know. Hand-picked rather than computed from a
 * hash directly: a raw hash gives muddy greys, neon greens and near-blacks that make a poor brand
 * seed. These are mid-lightness, saturated enough to read as a brand, and spread round the hue
 * wheel so two unknown industries rarely look alike. The theme derivation (palette/) adjusts
 * lightness for contrast later, so these only need to be pleasant, not WCAG-ready.
 */
export const SEED_COLOR_PALETTE: readonly string[] = [
  "#d64545", // red
  "#e0603a", // vermilion
  "#e07b24", // orange
  "#d4961c", // amber
  "#b8a21d", // mustard
  "#8aa62a", // olive green
  "#4f9d3a", // leaf green
  "#2e9e5e", // green
  "#1f9e82", // sea green
  "#1a9aa0", // teal
  "#1e8fbf", // cerulean
  "#2f7fd6", // blue
  "#3b6fd8", // royal blue
  "#4f5fd6", // indigo
  "#6a55d4", // blue violet
  "#8450cc", // violet
  "#9e49be", // purple
  "#b8479f", // magenta
  "#cc4882", // raspberry
  "#d34a67", // rose
  "#a0643a", // copper brown
  "#5f7d8c", // slate blue-grey
  "#3f8f78", // jade
  "#7a6fa8", // muted lavender
];

/**
 * A deterministic brand colour for free text: SHA-256 of the case-folded, whitespace-collapsed
 * text picks one entry of {@link SEED_COLOR_PALETTE}. Case-folding makes "Quantum Forge" and
 * "quantum forge" the same mode colour, matching how the cache key folds the input.
 */
export function seedColorFromTextHex(text: string): string {
  const folded = foldCase(text.normalize("NFKC").trim().replace(/\s+/gu, " "));
  const digest = createHash("sha256").update(folded, "utf8").digest();
  // 32 bits of the digest keep the modulo bias far below anything visible over 24 buckets.
  const index = digest.readUInt32BE(0) % SEED_COLOR_PALETTE.length;
  return SEED_COLOR_PALETTE[index]!;
}

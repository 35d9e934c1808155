import { BadUserInputError } from "../../errors/bad-user-input-error.js";

/** Length bounds of a normalised industry request, in code points (mode.md section 3). */
export const INDUSTRY_MIN_LENGTH = 2;
export const INDUSTRY_MAX_LENGTH = 120;

// Control characters, zero-width characters and bidi controls: invisible, and a classic way to
// smuggle instructions or spoof text. Stripped before anything else looks at the input.
const INVISIBLE = /[\p{Cc}\u200B-\u200D\u2060\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

/**
 * NFKC, strip invisible characters, collapse whitespace, trim. Pure; no length check.
 * Control characters count as separators so "pet\nstore" stays two words.
 */
export function normalizeIndustryText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[\t\n\v\f\r]/g, " ")
    .replace(INVISIBLE, "")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * The request as the server uses it: normalised and within bounds. Throws BadUserInputError
 * naming `input.industry` otherwise, before any model call.
 */
export function parseIndustryInput(raw: string, field = "input.industry"): string {
  const normalized = normalizeIndustryText(raw);
  const length = [...normalized].length;
  if (length < INDUSTRY_MIN_LENGTH || length > INDUSTRY_MAX_LENGTH) {
    throw new BadUserInputError(
      field,
      `${field} must be ${INDUSTRY_MIN_LENGTH} to ${INDUSTRY_MAX_LENGTH} characters after ` +
        `removing invisible characters and extra whitespace; got ${length}`,
    );
  }
  return normalized;
}

/** Case-folded form used for routing and cache keys. */
export function foldIndustry(industry: string): string {
  return industry.toLocaleLowerCase("en-US");
}

import { BadUserInputError } from "../../errors/bad-user-input-error.js";
import { foldCase } from "../text/fold-text.js";
import { PROMPT_TEXT_RULES, cleanPromptText } from "../text/prompt-text.js";

/** Length bounds of a normalised industry request, in code points (mode.md section 3). */
export const INDUSTRY_MIN_LENGTH = 2;
export const INDUSTRY_MAX_LENGTH = 120;

/**
 * The industry's prompt-text rule (src/services/text/prompt-text.ts): NFKC, invisible formatting
 * removed, whitespace (line breaks included, so "pet\nstore" stays two words) collapsed, trimmed.
 * Characters that can only hide or disguise text (bidi overrides, tag characters, controls, lone
 * surrogates) are refused with BadUserInputError naming `field`. No length check.
 */
export function normalizeIndustryText(raw: string, field = "input.industry"): string {
  return cleanPromptText(raw, { ...PROMPT_TEXT_RULES.industry, field });
}

/**
 * The request as the server uses it: normalised and within bounds. Throws BadUserInputError
 * naming `input.industry` otherwise, before any model call.
 */
export function parseIndustryInput(raw: string, field = "input.industry"): string {
  const normalized = normalizeIndustryText(raw, field);
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
  return foldCase(industry);
}

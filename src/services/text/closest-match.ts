import { editDistance } from "./edit-distance.js";
import { foldCase } from "./fold-text.js";

/**
 * Suggestions are looked for only for tokens and among candidates of at most this many
 * characters (a typo in a longer name is not what "did you mean" is for), and among the first
 * SUGGESTION_CANDIDATE_LIMIT candidates: each comparison costs up to the product of two lengths.
 */
export const SUGGESTION_LENGTH_LIMIT = 64;
export const SUGGESTION_CANDIDATE_LIMIT = 500;

/**
 * The candidate closest to `token`, or undefined when none is close enough to be a plausible typo:
 * within a third of the token's length (at least 1), case-insensitively, or one containing the other
 * ("issue" → "issue_data"). Ties go to the alphabetically first candidate so the answer never
 * depends on the candidates' order.
 */
export function closestMatch(token: string, candidates: readonly string[]): string | undefined {
  if (token.length > SUGGESTION_LENGTH_LIMIT) return undefined;
  const needle = foldCase(token);
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates.slice(0, SUGGESTION_CANDIDATE_LIMIT)) {
    if (candidate === token || candidate.length > SUGGESTION_LENGTH_LIMIT) continue;
    const hay = foldCase(candidate);
    const limit = Math.max(1, Math.floor(Math.max(needle.length, hay.length) / 3));
    const contains =
      Math.min(needle.length, hay.length) >= 3 && (hay.includes(needle) || needle.includes(hay));
    // Without containment only distances within the limit count: stop computing beyond it.
    const distance = editDistance(needle, hay, contains ? Infinity : limit);
    if (distance > limit && !contains) continue;
    const score = distance <= limit ? distance : limit + distance;
    if (
      best === undefined ||
      score < best.score ||
      (score === best.score && candidate < best.candidate)
    ) {
      best = { candidate, score };
    }
  }
  return best?.candidate;
}

/** " Did you mean 'x'?" when a close match exists, else "". */
export function didYouMean(token: string, candidates: readonly string[]): string {
  const match = closestMatch(token, candidates);
  return match === undefined ? "" : ` Did you mean '${match}'?`;
}

import { BadUserInputError } from "../../../errors/bad-user-input-error.js";
import { countTokensOf } from "../token-counter.js";

/** The caller's fields a workflow prompt is made of, as text. */
export type PromptFields = Record<
  "planningContext" | "userInput" | "discoveredParams" | "validationErrors",
  string
>;

/**
 * The prompt is over its token limit: the error names the field holding most of it (an
 * oversized discoveredParams is discoveredParams' fault, not planningContext's) and says how
 * much each field takes.
 */
export function promptTooLarge(
  estimatedTokens: number,
  maxPromptTokens: number,
  fields: PromptFields,
): BadUserInputError {
  const entries = Object.entries(fields);
  const tokens = countTokensOf(entries.map(([, text]) => text));
  const shares = entries
    .map(([name], index) => ({ name, tokens: tokens[index]! }))
    .sort((left, right) => right.tokens - left.tokens);
  const largest = shares[0]!;
  const count = (value: number) => value.toLocaleString("en-US");
  return new BadUserInputError(
    `input.${largest.name}`,
    `The workflow prompt is estimated at ${count(estimatedTokens)} tokens; the limit is ${count(maxPromptTokens)}. ${largest.name} holds most of it: shorten it. (Tokens by field: ${shares.map((share) => `${share.name} ${count(share.tokens)}`).join(", ")}.)`,
  );
}

/**
 * Prompt size, measured before any model call (the seed: "Maximum prompt size < 8000 tokens").
 *
 * Tokenizer: `gpt-tokenizer` 4.0.0 with OpenAI's `o200k_base` vocabulary (pure JavaScript, no
 * dependencies, no WASM, a few milliseconds per prompt). Claude's own tokenizer is not published:
 * Anthropic's `@anthropic-ai/tokenizer` is the Claude-2 vocabulary, which its README calls "a very
 * rough approximation" for Claude 3 and later, and the exact count needs an API call
 * (`/v1/messages/count_tokens`), which we must not spend on a request we may reject.
 *
 * Expected error against Claude's real count (published comparisons, not measured here):
 * - Claude 3.5 Sonnet tokenizes the same text into ~16% more tokens than GPT-4o for English prose,
 *   ~21% more for maths and ~30% more for Python code (VentureBeat / L. Gupta, 2025). Claude Sonnet
 *   4 (our default `claude-sonnet-4-0`) uses the same tokenizer family.
 * - On this project's own design documents, o200k counts 4-10% fewer tokens than the Claude-2
 *   tokenizer, and Claude 3 counted 7-10% more than Claude 2 on Sourcegraph's samples: consistent
 *   with the figures above.
 * - Claude Opus 4.7 and later changed tokenizer again: 1.0-1.35x Anthropic's own figure, 1.2-1.47x
 *   measured on English and technical text. Our margin does not fully cover those models.
 * So o200k under-counts; we multiply by {@link CLAUDE_TOKEN_FACTOR} (1.3, the worst published
 * ratio for the Sonnet 4 family on text like ours: markdown, JSON and identifiers) and add the
 * tool-use system prompt Anthropic inserts when a tool is forced (235-340 tokens on Claude 3
 * models, 313 on Claude 4) plus message framing. The estimate errs high on purpose: a false
 * rejection costs the caller a shorter context, an accepted oversized prompt costs slow, expensive
 * and less reliable generations.
 */
import { countTokensOf } from "./token-counter.js";

/** Largest estimated prompt the workflow generator sends (seed: "< 8000 tokens"). */
export const PROMPT_TOKEN_LIMIT = 8_000;

/** o200k count × this ≈ an upper estimate of Claude (Sonnet 4 family) tokens. */
export const CLAUDE_TOKEN_FACTOR = 1.3;

/**
 * Tokens the API adds that are not in our text: the tool-use system prompt for a forced tool
 * (313 on Claude 4, up to 340 on Claude 3 models) and the role/turn framing of two messages.
 */
export const REQUEST_OVERHEAD_TOKENS = 360;

/** What a request sends to the model, as text. */
export interface PromptParts {
  system: string;
  user: string;
  /** The tool's JSON Schema: the model reads it as input too. */
  toolSchema?: Record<string, unknown>;
}

export interface PromptTokenEstimate {
  /** o200k_base tokens of system + user + tool schema. */
  rawTokens: number;
  /** Upper estimate of Claude's input tokens: ceil(raw × factor) + request overhead. */
  estimatedTokens: number;
}

/** Estimates the input tokens Claude will count for one request. */
export function estimatePromptTokens(parts: PromptParts): PromptTokenEstimate {
  // Every part in one call: one round trip to the counting thread.
  const texts = [parts.system, parts.user];
  if (parts.toolSchema) texts.push(JSON.stringify(parts.toolSchema));
  const rawTokens = countTokensOf(texts).reduce((sum, tokens) => sum + tokens, 0);
  return {
    rawTokens,
    estimatedTokens: Math.ceil(rawTokens * CLAUDE_TOKEN_FACTOR) + REQUEST_OVERHEAD_TOKENS,
  };
}

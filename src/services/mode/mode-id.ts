import { createHash } from "node:crypto";
import { foldText } from "../text/fold-text.js";

/** Mode id contract of api.md. */
export const MODE_ID_PATTERN = /^[a-z0-9]+(_[a-z0-9]+)*$/;
export const MODE_ID_MAX_LENGTH = 48;

/**
 * snake_case with accents folded ("Bäckerei" → "backerei"); at most `maxLength` characters, cut at
 * a `_` boundary. Returns "" when nothing Latin-alphanumeric is left (e.g. "花屋", emoji).
 */
export function toSnakeId(text: string, maxLength = MODE_ID_MAX_LENGTH): string {
  const folded = foldText(text)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (folded.length <= maxLength) return folded;
  const cut = folded.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("_");
  return boundary > 0 ? cut.slice(0, boundary) : folded.slice(0, maxLength);
}

/**
 * The id of a generated mode: the model's id when usable, else one derived from the request,
 * else `mode_` + 8 hex of SHA-256 of the request. Never one of `reserved` (the built-in ids):
 * a clash gets a `_custom` suffix.
 */
export function deriveModeId(
  modelId: string | undefined,
  industry: string,
  reserved: ReadonlySet<string>,
): string {
  const candidate = toSnakeId(modelId ?? "") || toSnakeId(industry) || hashedModeId(industry);
  if (!reserved.has(candidate)) return candidate;
  return `${toSnakeId(candidate, MODE_ID_MAX_LENGTH - "_custom".length)}_custom`;
}

/** Deterministic id for requests with no usable Latin characters. */
export function hashedModeId(industry: string): string {
  return `mode_${createHash("sha256").update(industry).digest("hex").slice(0, 8)}`;
}

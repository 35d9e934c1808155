import { createHash } from "node:crypto";
import { toSnakeCase } from "../text/snake-case.js";

/** Mode id contract of api.md. */
export const MODE_ID_PATTERN = /^[a-z0-9]+(_[a-z0-9]+)*$/;
export const MODE_ID_MAX_LENGTH = 48;

/**
 * An id within the mode contract: {@link toSnakeCase} of `text`, at most `maxLength` characters
 * (default MODE_ID_MAX_LENGTH); "" when nothing Latin-alphanumeric is left.
 */
export function toSnakeId(text: string, maxLength = MODE_ID_MAX_LENGTH): string {
  return toSnakeCase(text, maxLength);
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

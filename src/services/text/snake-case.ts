import { foldText } from "./fold-text.js";

/**
 * snake_case of free text: accents and case folded ({@link foldText}, so "Bäckerei" gives
 * "backerei", not "b_ckerei"), every run of other characters one "_", none at either end. Longer
 * than `maxLength` characters, it is cut at the last "_" that keeps it within the limit (whole
 * words), or mid-word when the first word alone is too long. "" when nothing Latin-alphanumeric
 * is left ("花屋", an emoji): callers choose their own fallback.
 */
export function toSnakeCase(text: string, maxLength = Infinity): string {
  const snake = foldText(text)
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (snake.length <= maxLength) return snake;
  const cut = snake.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("_");
  return boundary > 0 ? cut.slice(0, boundary) : snake.slice(0, maxLength);
}

/**
 * {@link toSnakeCase} usable as a variable name (a workflow input, a template base): it starts
 * with a letter ("2fa" → "value_2fa") and is never empty ("花屋" → "value").
 */
export function toSnakeIdentifier(text: string): string {
  const snake = toSnakeCase(text);
  if (snake === "") return "value";
  return /^[a-z]/.test(snake) ? snake : `value_${snake}`;
}

/**
 * The characters that hide or disguise text, and the invisible formatting that carries no
 * meaning: named once here for caller text (prompt-text.ts refuses the first kind and removes the
 * second) and for model output (text-sanitize.ts removes both). README, "Input hygiene", lists
 * them.
 */

/**
 * Smuggling characters, which only hide or disguise text: C0 controls other than tab, line feed,
 * vertical tab, form feed and carriage return (NUL, ESC and so ANSI escape sequences), DEL, C1
 * controls (U+0080–U+009F); bidi embeddings, overrides and isolates ("Trojan Source"); tag
 * characters (invisible ASCII look-alikes); lone surrogates; interlinear annotations, which hide
 * text inside text; and runs of two or more variation selectors (one selects a glyph, a run
 * encodes hidden bytes). Vertical tab and form feed are whitespace on one line: their callers
 * decide.
 */
const SMUGGLING_SOURCE =
  "[\\0-\\x08\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFFF9-\\uFFFB\\u{E0000}-\\u{E007F}\\uD800-\\uDFFF]" +
  "|[\\uFE00-\\uFE0F\\u{E0100}-\\u{E01EF}]{2,}";

/** The first smuggling character of a text (`exec`), for refusing it with its position. */
export const SMUGGLING = new RegExp(SMUGGLING_SOURCE, "u");

/**
 * Invisible formatting that never changes what text says: zero width space, word joiner, byte
 * order mark, soft hyphen, invisible operators, deprecated format characters, the Mongolian vowel
 * separator and the bidi marks LRM, RLM and ALM (direction hints without content).
 */
const INVISIBLE_FORMATTING =
  /[\u200B\u2060\uFEFF\u00AD\u2061-\u2064\u206A-\u206F\u180E\u200E\u200F\u061C]/gu;

/** Zero width non-joiner and joiner: they shape emoji and scripts such as Persian and Devanagari. */
const JOINERS = /[\u200C\u200D]/gu;

/**
 * `text` without invisible formatting. Joiners are kept where text is prose (they change how it
 * reads) and removed from one-line labels, where they only split or glue look-alike words.
 */
export function removeInvisibleFormatting(text: string, joiners: "keep" | "remove"): string {
  const removed = text.replace(INVISIBLE_FORMATTING, "");
  return joiners === "remove" ? removed.replace(JOINERS, "") : removed;
}

const SMUGGLING_ALL = new RegExp(SMUGGLING_SOURCE, "gu");

/**
 * `text` without smuggling characters, for text a model wrote (repaired, where a caller's would
 * be refused): controls become a space, as they mostly stand where whitespace was meant; the
 * others, invisible, are removed.
 */
export function removeSmuggling(text: string): string {
  return text.replace(SMUGGLING_ALL, (found) => (/^[\p{Cc}]$/u.test(found) ? " " : ""));
}

import { removeInvisibleFormatting, removeSmuggling } from "../text/invisible-characters.js";

/**
 * Cleaning of model-written text before it reaches a client or a system prompt: markup, the
 * characters that hide text and invisible formatting removed (text/invisible-characters.ts),
 * whitespace collapsed. Model output is not user input, so repairing it is expected (mode.md:
 * "markup stripped").
 */

// A tag, or one left open at the end of the text (`<img src=x onerror=…` with no `>`), which a
// client that concatenates HTML would close with whatever it puts next.
const TAGS = /<\/?[a-z][^>]*(?:>|$)/gi;

/**
 * The text without invisible characters, then without tags, until none is left. The order
 * matters: an invisible character inside a tag (`<\u200Bimg onerror=…>`) hides it from the tag
 * pattern, and removing it afterwards would assemble a real tag; and a tag split by another
 * (`<scr<b>ipt>`) is whole again once the inner one is gone. Each pass shortens the text, so
 * this ends.
 */
function withoutTags(text: string): string {
  let current = removeInvisibleFormatting(removeSmuggling(text), "keep");
  for (;;) {
    const stripped = current.replace(TAGS, " ");
    if (stripped === current) return current;
    current = stripped;
  }
}
/**
 * Plain single-line text: no HTML tags, no control, bidi, tag or other hiding characters, no
 * invisible formatting, single spaces. Joiners stay: names and messages may hold emoji and
 * Persian or Indic words that need them.
 */
export function toPlainText(text: string): string {
  return withoutTags(text)
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim();
}

/** Plain text that keeps paragraph breaks (for longer fragments). */
export function toPlainParagraphs(text: string): string {
  return withoutTags(text)
    .split(/\n{2,}/)
    .map((paragraph) => toPlainText(paragraph))
    .filter((paragraph) => paragraph.length > 0)
    .join("\n\n");
}

/** Cuts `text` to at most `max` characters at a word boundary when one is close. */
export function truncateAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return (space >= max * 0.6 ? cut.slice(0, space) : cut).trim();
}

// Joining words stay lower case inside a name ("Bed and Breakfast", "Café de la Paix").
const MINOR_WORDS = new Set(
  "a an the and or of for in on at to by with de la le les du des del di da der die das und et y".split(
    " ",
  ),
);

/**
 * Title Case for display: capitalises each word (and each part of a hyphenated word) but keeps the
 * rest as typed, so "SaaS" and "IT" survive; shouted words longer than four letters are calmed
 * ("ORGANIC" -> "Organic"). Scripts without case ("花屋", "🦄") come back unchanged.
 */
export function toTitleCase(text: string): string {
  const words = text.normalize("NFKC").trim().split(/\s+/u).filter(Boolean);
  return words
    .map((word, index) => {
      if (index > 0 && MINOR_WORDS.has(word.toLowerCase())) return word.toLowerCase();
      const calmed = word.length > 4 && word === word.toUpperCase() ? word.toLowerCase() : word;
      return calmed
        .split("-")
        .map((part) => {
          const [first = "", ...rest] = [...part];
          return first.toUpperCase() + rest.join("");
        })
        .join("-");
    })
    .join(" ");
}

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** True when `text` is exactly one grapheme and that grapheme is an emoji. */
export function isSingleEmoji(text: string): boolean {
  const graphemes = [...segmenter.segment(text.trim())];
  return graphemes.length === 1 && /\p{Extended_Pictographic}|\p{Regional_Indicator}/u.test(text);
}

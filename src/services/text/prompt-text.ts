import { BadUserInputError } from "../../errors/bad-user-input-error.js";
import { SMUGGLING, removeInvisibleFormatting } from "./invisible-characters.js";

/**
 * Hygiene of caller text that reaches a model prompt: the one table of rules, used by the mode and
 * workflow services alike (README, "Input hygiene", shows the same table).
 *
 * Nothing a caller sent is rewritten where it could change what the text says. Characters whose
 * only use in a request is to hide or disguise text are refused with BAD_USER_INPUT naming the
 * field; only formatting that is invisible and carries no meaning is removed; normalisation is
 * NFC (canonical: the same text by definition) except for short labels and names, where NFKC folds
 * look-alike forms ("ｐｅｔ" → "pet") as it always did for `industry`.
 *
 * Refused everywhere: the smuggling characters of invisible-characters.ts (controls, bidi
 * overrides and isolates, tag characters, lone surrogates, interlinear annotations, runs of
 * variation selectors); vertical tab and form feed too, except on one-line fields where they are
 * whitespace.
 *
 * Removed: the invisible formatting of invisible-characters.ts (zero width space, soft hyphen,
 * bidi marks, ...). Zero width joiner and non-joiner shape emoji and scripts such as Persian and
 * Devanagari: kept in prose, removed from one-line labels (where `industry` always removed them).
 * Names (`model`, browsed node ids and workflow names) are never rewritten: any whitespace,
 * control or format character inside one is refused.
 */

/** How a field's text is laid out. */
export type TextLayout =
  /** One line: tabs, line breaks and other whitespace become single spaces; trimmed. */
  | "line"
  /**
   * Prose or data: line breaks and tabs kept (CR LF and CR become LF), other controls refused;
   * not trimmed (a field's own check may trim).
   */
  | "lines"
  /** A name: trimmed; no whitespace, control or format character inside. */
  | "name";

export interface PromptTextRule {
  /** The GraphQL field errors name. */
  field: string;
  /** NFKC for labels and names, NFC for prose and data; "none" for names matched exactly. */
  normalization: "NFKC" | "NFC" | "none";
  layout: TextLayout;
}

/** Every caller text that reaches a prompt, and its rule. */
export const PROMPT_TEXT_RULES = {
  industry: { field: "input.industry", normalization: "NFKC", layout: "line" },
  userInput: { field: "input.userInput", normalization: "NFC", layout: "lines" },
  planningContext: { field: "input.planningContext", normalization: "NFC", layout: "lines" },
  validationErrors: { field: "input.validationErrors", normalization: "NFC", layout: "lines" },
  /** String values at any depth; keys are only checked (refused, never rewritten). */
  discoveredParams: { field: "input.discoveredParams", normalization: "NFC", layout: "lines" },
  model: { field: "input.model", normalization: "NFKC", layout: "name" },
  /** Node ids and workflow names: matched exactly against the planning context, never rewritten. */
  browsedComponents: { field: "input.browsedComponents", normalization: "none", layout: "name" },
} as const satisfies Record<string, PromptTextRule>;

/** Vertical tab and form feed: whitespace on one line, refused in prose (where \n is the break). */
// eslint-disable-next-line no-control-regex
const PAGE_CONTROLS = /[\x0B\x0C]/;
/** What a name may not contain inside: whitespace, controls and format characters. */
const NOT_IN_NAMES = /[\s\p{Cc}\p{Cf}]/u;

/**
 * The text as the prompt will carry it, or BadUserInputError naming the field (and, for a part of
 * a structured field, `where`, e.g. "input.discoveredParams.output_file").
 */
export function cleanPromptText(raw: string, rule: PromptTextRule, where = rule.field): string {
  checkPromptText(raw, rule, where);
  // A name is never rewritten: invisible characters in it are refused below, not removed.
  let text =
    rule.layout === "name"
      ? raw
      : removeInvisibleFormatting(raw, rule.layout === "line" ? "remove" : "keep");
  if (rule.normalization !== "none") text = text.normalize(rule.normalization);
  switch (rule.layout) {
    case "line":
      return text.replace(/\s+/gu, " ").trim();
    case "lines":
      return text.replace(/\r\n?/g, "\n");
    case "name": {
      const trimmed = text.trim();
      const inside = NOT_IN_NAMES.exec(trimmed);
      if (inside !== null) {
        throw new BadUserInputError(
          rule.field,
          `${where} contains ${describe(inside[0])} at character ${codePointIndex(trimmed, inside.index)}; a name may not contain spaces, control or invisible characters`,
        );
      }
      return trimmed;
    }
  }
}

/** Throws BadUserInputError when `raw` holds a SMUGGLING character; changes nothing. */
export function checkPromptText(raw: string, rule: PromptTextRule, where = rule.field): void {
  const smuggled =
    SMUGGLING.exec(raw) ?? (rule.layout === "lines" ? PAGE_CONTROLS.exec(raw) : null);
  if (smuggled !== null) throw refused(rule.field, where, raw, smuggled);
}

function refused(
  field: string,
  where: string,
  raw: string,
  match: RegExpExecArray,
): BadUserInputError {
  const position = codePointIndex(raw, match.index);
  return new BadUserInputError(
    field,
    `${where} contains ${describe(match[0])} at character ${position}: ${why(match[0])}; remove it`,
  );
}

/** "U+202E (a bidi override)", for the first character of `text`. */
function describe(text: string): string {
  const codePoint = text.codePointAt(0)!;
  const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
  return `U+${hex} (${kind(codePoint, text)})`;
}

function kind(codePoint: number, text: string): string {
  if (codePoint === 0) return "NUL";
  if (codePoint === 0x1b) return "ESC, which starts terminal escape sequences";
  if (codePoint < 0x20 || codePoint === 0x7f) return "a control character";
  if (codePoint >= 0x80 && codePoint <= 0x9f) return "a C1 control character";
  if ((codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069))
    return "a bidi override or isolate";
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return "an invisible tag character";
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return "a lone surrogate";
  if (codePoint >= 0xfff9 && codePoint <= 0xfffb) return "an interlinear annotation character";
  if (text.length > 1 || (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || codePoint >= 0xe0100)
    return "a run of variation selectors";
  if (/\s/u.test(text)) return "whitespace";
  return "an invisible formatting character";
}

function why(text: string): string {
  const codePoint = text.codePointAt(0)!;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
    return "half of a UTF-16 surrogate pair is not text";
  }
  if (
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069)
  ) {
    return "it makes text display in a different order than it is read";
  }
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f)) {
    return "control characters have no place in text sent to a model";
  }
  return "it hides text from people while a model still reads it";
}

/** 1-based position in code points of the UTF-16 `index`, as a person would count. */
function codePointIndex(text: string, index: number): number {
  let position = 1;
  for (let offset = 0; offset < index; offset++) {
    const unit = text.charCodeAt(offset);
    const next = text.charCodeAt(offset + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) offset++;
    position++;
  }
  return position;
}

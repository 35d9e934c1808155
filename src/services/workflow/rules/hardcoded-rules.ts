import type { ScannedValue, TemplateRef } from "../templates.js";
import { issueText, shown } from "./issue-text.js";
import type { Report, RuleInput } from "./rule-context.js";
import { RULES } from "./rule-table.js";

/** Values too generic to call a copy of the request: they occur in ordinary prose and settings. */
const GENERIC_VALUES = new Set(["true", "false", "null", "none", "yes", "no"]);
/** Params that name components, not request values. */
const EXEMPT_KEYS = new Set(["workflow_name", "storage_mode"]);

interface Hint {
  key: string;
  value: string;
  /** The value with each code unit case-folded (see {@link foldCase}). */
  folded: string;
  /** Knuth-Morris-Pratt failure table of `folded`. */
  failure: Int32Array;
  /** Letters only ("main", "region"): an ordinary word, matched only as a value (see below). */
  word: boolean;
}

/** A value of letters only, in any script: a word a sentence may use with its ordinary meaning. */
const LETTERS_ONLY = /^\p{L}+$/u;

/**
 * hardcoded: a discovered parameter value copied literally into node params, instead of coming in
 * through a declared input. Strings match case-insensitively on word boundaries (so "20" is not
 * found inside "2020"), with template tokens blanked first (a value equal to an output name is
 * not a copy). Numbers compare as their decimal text. Booleans, empty and one-character values
 * are ignored: too common to mean anything.
 *
 * A value made of letters only ("main", "region", "amount") is also an ordinary word: "summarize
 * the main points" does not copy the base branch `main`. Such a value is reported only where it is
 * a value, not a word of prose: when the string's text besides its templates is that value
 * ("main", " Main ", "${remote} main"), or when the occurrence is part of a path or identifier,
 * joined to other text by one of / \ ~ @ # = (on either side: "origin/main", "--branch=main",
 * "#main") or by "." or ":" with a letter, digit or "_" on the far side ("main.py",
 * "origin:main", but not "into main." ending a sentence). A word in a shell command
 * ("git checkout main") is therefore not reported: prose and commands look alike.
 * Values with a digit, punctuation or a space ("notes.txt", "1234", "v1.4.0", "acme/widgets",
 * "climate change") are distinctive enough to be reported wherever they occur as words.
 *
 * Reads the strings and numbers the template scan already visited, and searches each string once
 * per value with Knuth-Morris-Pratt: linear in the string whatever the value, where a regular
 * expression can take the product of both lengths ("a a a … b" in "a a a a …").
 */
export function checkHardcoded(input: RuleInput, report: Report): void {
  const hints = collectHints(input.discoveredParams);
  if (hints.length === 0) return;
  for (const node of input.workflow.nodes) {
    const id = shown(node.id);
    for (const scanned of input.scans[node.index]!.values) {
      const topKey = scanned.location.topKey;
      if (typeof topKey === "string" && EXEMPT_KEYS.has(topKey)) continue;
      const folded = typeof scanned.value === "string" ? foldedWithoutTemplates(scanned) : "";
      for (const hint of hints) {
        const found =
          typeof scanned.value === "number"
            ? String(scanned.value) === hint.value
            : (hint.word && isWholeValue(folded, hint.folded)) || containsWord(folded, hint);
        if (!found) continue;
        report(
          RULES["hardcoded"],
          issueText`Node '${id}' parameter '${scanned.location}' contains the hardcoded value '${shown(hint.value)}' from the user's request; use a template variable: declare an input (e.g. '${shown(hint.key)}') and write \${${shown(hint.key)}} instead`,
          { path: scanned.location, nodeId: node.id },
        );
      }
    }
  }
}

function collectHints(discovered: Record<string, unknown> | undefined): Hint[] {
  const hints: Hint[] = [];
  if (discovered === undefined) return hints;
  const add = (key: string, raw: unknown) => {
    if (typeof raw === "number" && Number.isFinite(raw)) raw = String(raw);
    if (typeof raw !== "string") return;
    const value = raw.trim();
    if (value.length < 2 || GENERIC_VALUES.has(value.toLowerCase())) return;
    const folded = foldCase(value);
    hints.push({
      key,
      value,
      folded,
      failure: failureTable(folded),
      word: LETTERS_ONLY.test(value),
    });
  };
  for (const key of Object.keys(discovered).sort()) {
    const value = discovered[key];
    if (Array.isArray(value)) value.forEach((item) => add(key, item));
    else add(key, value);
  }
  return hints;
}

/** The string with every template replaced by a space, case-folded, in one pass. */
function foldedWithoutTemplates(scanned: ScannedValue): string {
  const text = scanned.value as string;
  const templates: readonly TemplateRef[] = scanned.templates;
  if (templates.length === 0) return foldCase(text);
  const pieces: string[] = [];
  let from = 0;
  for (const token of templates) {
    pieces.push(text.slice(from, token.start), " ");
    from = token.start + token.raw.length;
  }
  pieces.push(text.slice(from));
  return foldCase(pieces.join(""));
}

const foldedUnits = new Map<number, number>();

/**
 * Case folding per UTF-16 code unit, as a JavaScript regular expression with the `i` flag and
 * without `u` compares characters (ECMAScript Canonicalize): the upper case of a unit when that is
 * one unit and does not turn a non-ASCII unit into ASCII. The length never changes, so positions
 * in the folded text are positions in the original.
 */
function foldCase(text: string): string {
  const units = new Uint16Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 128) {
      units[index] = unit >= 97 && unit <= 122 ? unit - 32 : unit;
      continue;
    }
    let mapped = foldedUnits.get(unit);
    if (mapped === undefined) {
      const upper = String.fromCharCode(unit).toUpperCase();
      mapped = upper.length === 1 && upper.charCodeAt(0) >= 128 ? upper.charCodeAt(0) : unit;
      foldedUnits.set(unit, mapped);
    }
    units[index] = mapped;
  }
  let folded = "";
  for (let start = 0; start < units.length; start += 8_192) {
    folded += String.fromCharCode(...units.subarray(start, start + 8_192));
  }
  return folded;
}

function failureTable(pattern: string): Int32Array {
  const failure = new Int32Array(pattern.length);
  let matched = 0;
  for (let index = 1; index < pattern.length; index++) {
    while (matched > 0 && pattern[index] !== pattern[matched]) matched = failure[matched - 1]!;
    if (pattern[index] === pattern[matched]) matched++;
    failure[index] = matched;
  }
  return failure;
}

const WORD = /[A-Za-z0-9_]/;

/**
 * `hint` occurs in `text` with no letter, digit or "_" right before or after it; for a
 * letters-only hint, only where it is joined to a path or identifier (see {@link checkHardcoded}).
 */
function containsWord(text: string, hint: Hint): boolean {
  const pattern = hint.folded;
  let matched = 0;
  for (let index = 0; index < text.length; index++) {
    while (matched > 0 && text[index] !== pattern[matched]) matched = hint.failure[matched - 1]!;
    if (text[index] === pattern[matched]) matched++;
    if (matched < pattern.length) continue;
    const start = index - pattern.length + 1;
    const before = start === 0 || !WORD.test(text[start - 1]!);
    const after = index + 1 === text.length || !WORD.test(text[index + 1]!);
    if (
      before &&
      after &&
      (!hint.word || joinedBefore(text, start) || joinedAfter(text, index + 1))
    ) {
      return true;
    }
    matched = hint.failure[matched - 1]!;
  }
  return false;
}

/** `text` is `value` with only white space around it (checked without trimming first). */
function isWholeValue(text: string, value: string): boolean {
  if (text.length < value.length) return false;
  if (text.length === value.length) return text === value;
  return text.trim() === value;
}

/** Joiners that make a word part of a path or identifier wherever they stand next to it. */
const STRONG_JOINERS = new Set(["/", "\\", "~", "@", "#", "="]);
/** Joiners that do so only between two word characters (else they end a sentence or a label). */
const WEAK_JOINERS = new Set([".", ":"]);

function joinedBefore(text: string, start: number): boolean {
  const joiner = text[start - 1];
  if (joiner === undefined) return false;
  if (STRONG_JOINERS.has(joiner)) return true;
  return WEAK_JOINERS.has(joiner) && start >= 2 && WORD.test(text[start - 2]!);
}

function joinedAfter(text: string, end: number): boolean {
  const joiner = text[end];
  if (joiner === undefined) return false;
  if (STRONG_JOINERS.has(joiner)) return true;
  return WEAK_JOINERS.has(joiner) && end + 1 < text.length && WORD.test(text[end + 1]!);
}

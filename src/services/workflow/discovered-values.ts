/**
 * Finding a discovered parameter's value inside literal text: the one matcher behind the
 * validator's `hardcoded` rule (rules/hardcoded-rules.ts), which reports copies, and the offline
 * planner (offline/request.ts, offline/model-prompt.ts), which places values in the request and
 * replaces them with templates so the rule has nothing to find.
 *
 * Matching is case-insensitive, as a JavaScript regular expression with the `i` flag compares
 * characters (see {@link foldCase}), on word boundaries: no letter, digit or "_" right before or
 * after, so "20" is not found inside "2020". Each search is Knuth-Morris-Pratt, linear in the text
 * whatever the value, where a regular expression can take the product of both lengths
 * ("a a a … b" in "a a a a …").
 */

/** Values too generic to call a copy of the request: they occur in ordinary prose and settings. */
const GENERIC_VALUES = new Set(["true", "false", "null", "none", "yes", "no"]);

/** A value of letters only, in any script: a word a sentence may use with its ordinary meaning. */
const LETTERS_ONLY = /^\p{L}+$/u;

const WORD = /[A-Za-z0-9_]/;

/** One text of a discovered value, ready to be searched for. */
export interface ValueNeedle {
  /** The text as discovered, trimmed. */
  text: string;
  /** `text` case-folded (see {@link foldCase}). */
  folded: string;
  /** Knuth-Morris-Pratt failure table of `folded`. */
  failure: Int32Array;
  /** Letters only ("main", "region"): also an ordinary word (see {@link containsCopy}). */
  word: boolean;
}

/**
 * The texts a discovered value stands for: a string trimmed, a finite number as its decimal
 * text, each such item of an array. Booleans, objects, empty and one-character texts and generic
 * words ("true", "none", …) are left out: too common to mean anything.
 */
export function discoveredTexts(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const texts: string[] = [];
  for (const item of items) {
    const raw = typeof item === "number" && Number.isFinite(item) ? String(item) : item;
    if (typeof raw !== "string") continue;
    const text = raw.trim();
    if (text.length >= 2 && !GENERIC_VALUES.has(text.toLowerCase())) texts.push(text);
  }
  return texts;
}

/** `text` (one of {@link discoveredTexts}) prepared for searching. */
export function needleOf(text: string): ValueNeedle {
  const folded = foldCase(text);
  return { text, folded, failure: failureTable(folded), word: LETTERS_ONLY.test(text) };
}

/**
 * Start offsets of the needle in `folded` (text folded by {@link foldCase}, so offsets are the
 * original text's) on word boundaries, left to right and not overlapping: where a global regular
 * expression would match.
 */
export function wordOccurrences(folded: string, needle: ValueNeedle): number[] {
  const starts: number[] = [];
  searchWords(folded, needle, (start) => {
    starts.push(start);
    return false;
  });
  return starts;
}

/**
 * `folded` (text folded by {@link foldCase}) copies the value, as the `hardcoded` rule means it:
 * anywhere as a word, except that a letters-only value ("main") is also an ordinary word, so
 * "summarize the main points" does not copy the base branch `main`. Such a value counts only where
 * it is a value, not a word of prose: when the text is that value with only white space around
 * it, or when the occurrence is part of a path or identifier, joined to other text by one of
 * / \ ~ @ # = (on either side: "origin/main", "--branch=main", "#main") or by "." or ":" with a
 * letter, digit or "_" on the far side ("main.py", "origin:main", but not "into main." ending a
 * sentence). A word in a shell command ("git checkout main") therefore does not count: prose and
 * commands look alike. Values with a digit, punctuation or a space ("notes.txt", "1234",
 * "acme/widgets", "climate change") are distinctive enough to count wherever they are words.
 */
export function containsCopy(folded: string, needle: ValueNeedle): boolean {
  if (!needle.word) return searchWords(folded, needle, () => true);
  if (isWholeValue(folded, needle.folded)) return true;
  return searchWords(
    folded,
    needle,
    (start, end) => joinedBefore(folded, start) || joinedAfter(folded, end),
  );
}

/**
 * Runs through the word-bounded occurrences of the needle; `accept(start, end)` ends the search
 * with true, or passes (the search goes on after the occurrence).
 */
function searchWords(
  text: string,
  needle: ValueNeedle,
  accept: (start: number, end: number) => boolean,
): boolean {
  const pattern = needle.folded;
  let matched = 0;
  for (let index = 0; index < text.length; index++) {
    while (matched > 0 && text[index] !== pattern[matched]) matched = needle.failure[matched - 1]!;
    if (text[index] === pattern[matched]) matched++;
    if (matched < pattern.length) continue;
    const start = index - pattern.length + 1;
    const before = start === 0 || !WORD.test(text[start - 1]!);
    const after = index + 1 === text.length || !WORD.test(text[index + 1]!);
    if (before && after) {
      if (accept(start, index + 1)) return true;
      // A word-bounded occurrence is consumed, as by a global regular expression: the next
      // begins after it.
      matched = 0;
    } else {
      matched = needle.failure[matched - 1]!;
    }
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

const foldedUnits = new Map<number, number>();

/**
 * Case folding per UTF-16 code unit, as a JavaScript regular expression with the `i` flag and
 * without `u` compares characters (ECMAScript Canonicalize): the upper case of a unit when that is
 * one unit and does not turn a non-ASCII unit into ASCII. The length never changes, so positions
 * in the folded text are positions in the original.
 */
export function foldCase(text: string): string {
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

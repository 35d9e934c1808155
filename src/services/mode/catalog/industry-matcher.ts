import { INDUSTRY_CATALOG } from "./industry-catalog.js";
import type { CatalogEntry } from "./industry-catalog.js";
import { editDistance } from "../../text/edit-distance.js";
import { foldText } from "../../text/fold-text.js";

/**
 * Maps a free-text industry request onto a catalog entry without a model: case- and
 * accent-folding, a small suffix stemmer, multi-word phrases, typo tolerance and the catalog's
 * multilingual keywords. Everything is deterministic: iteration follows catalog order and ties go
 * to the earlier entry.
 */

export interface IndustryMatch {
  readonly entry: CatalogEntry;
  /** Confidence in (0, 1]: evidence (capped at 1) scaled by how much of the request was explained. */
  readonly score: number;
}

/**
 * How a request word contributed: `exact` (same word after stemming), `partial` (a correctly
 * spelled word found inside a phrase or a compound), `fuzzy` (a probable typo), or `none`.
 */
export type TokenMatchKind = "exact" | "partial" | "fuzzy" | "none";

export interface RequestToken {
  /** The word as the user wrote it (NFKC), for naming. */
  readonly surface: string;
  /** Case- and accent-folded form. */
  readonly folded: string;
  readonly stem: string;
  /** 1 for content words, lower for words like "shop" or "company" that say little alone. */
  readonly weight: number;
}

export interface IndustryMatchDetail extends IndustryMatch {
  /** Sum of per-token evidence (phrase bonuses included); the primary ranking key. */
  readonly evidence: number;
  readonly tokens: readonly RequestToken[];
  /** Per token of {@link tokens}: how it contributed to the winning entry. */
  readonly tokenMatches: readonly TokenMatchKind[];
  /** Per token: the (folded) keyword word a `fuzzy` token was read as, so a name can be spelled right. */
  readonly corrections: readonly (string | undefined)[];
}

/** Below this the request is treated as unknown; one clear content word scores 0.85-1. */
export const MATCH_THRESHOLD = 0.55;

const GENERIC_WEIGHT = 0.35;
const PHRASE_BONUS = 0.5;
/** A word that only occurs inside one of the entry's phrases ("funeral" of "funeral home"). */
const PARTIAL_PHRASE_WEIGHT = 0.6;
/** German-style compounds: "Zahnarztpraxis" contains the keyword "zahnarzt". */
const COMPOUND_WEIGHT = 0.7;
const FUZZY_ONE = 0.85;
const FUZZY_TWO = 0.7;

// Words that carry no industry meaning in a request, in the languages the keywords cover.
const STOP_WORDS = new Set(
  (
    "a an the and or of for in on at to by with from my our your you re we is are be im me i " +
    "mode industry sector kind type like some " +
    "de del la le les el los las lo un une uno una des du d l y e et en " +
    "der die das den dem des ein eine einen und fur mit von im am zum zur " +
    "di da do dos il gli per con al nel " +
    "het een van voor op met"
  ).split(" "),
);

// Words that say "a business" without saying which one: matched, but weak on their own.
const GENERIC_WORDS = [
  "shop",
  "store",
  "company",
  "business",
  "service",
  "services",
  // The work, not the trade: "elevator installation" is no electrician's.
  "installation",
  "agency",
  "firm",
  "clinic",
  "center",
  "centre",
  "office",
  "studio",
  "house",
  "group",
  "practice",
  "provider",
  "place",
  "co",
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "corp",
  "tienda",
  "laden",
  "magasin",
  "negozio",
  "loja",
  "winkel",
  "empresa",
  "entreprise",
  "societe",
  "azienda",
  "praxis",
  "cabinet",
  "estudio",
  "local",
  "small",
  "family",
  "independent",
  "online",
  "new",
];

// Tried in order; the first that leaves a long enough stem wins. "-ry" needs a consonant before it
// so "bakry" loses it but "veterinary" keeps its "ar" and meets "veterinarian".
const DERIVATIONAL_SUFFIXES: ReadonlyArray<readonly [suffix: RegExp, minStem: number]> = [
  [/ing$/, 3],
  [/ery$/, 3],
  [/(?<=[^aeiou])ry$/, 3],
  [/ist$/, 3],
  [/ian$/, 4],
  [/er$/, 3],
  [/y$/, 4],
  [/e$/, 4],
];

/**
 * A deliberately small stemmer. It only has to be consistent, because keywords go through it too:
 * "bakery", "bakeries", "baker", "baking" and the typo "bakry" all become "bak"; "pharmacy" and
 * "pharmacist" become "pharmac". Only plain ASCII words are stemmed; anything else is kept.
 */
export function stemWord(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith("ies") && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(ss|us|is)$/.test(stem)) {
    // "business", "bus", "analysis": the final s is not a plural.
  } else if (/(s|x|z|ch|sh)es$/.test(stem) && stem.length > 4) stem = stem.slice(0, -2);
  else if (stem.endsWith("s")) stem = stem.slice(0, -1);
  const first = stripSuffix(stem);
  // A second round only after "-ry"/"-e", so "dentistry" and "dentiste" reach "dent" like
  // "dentist" does; after "-er" it would turn "caterer" into "cat". It must leave 4 letters, or
  // "ministry" would meet "mining" at "min".
  if (first && (first.suffix === "ry" || first.suffix === "e")) {
    const second = stripSuffix(first.stem);
    return second && second.stem.length >= 4 ? second.stem : first.stem;
  }
  return first?.stem ?? stem;
}

function stripSuffix(word: string): { stem: string; suffix: string } | undefined {
  for (const [pattern, minStem] of DERIVATIONAL_SUFFIXES) {
    const found = pattern.exec(word);
    if (found && found.index >= minStem) {
      return { stem: word.slice(0, found.index), suffix: found[0] };
    }
  }
  return undefined;
}

const GENERIC_STEMS = new Set(GENERIC_WORDS.map((word) => stemWord(foldText(word))));

/** Splits text into meaningful tokens, dropping stop words, lone letters and bare numbers. */
export function tokenizeIndustry(text: string): RequestToken[] {
  const tokens: RequestToken[] = [];
  for (const surface of text.normalize("NFKC").split(/[^\p{L}\p{N}]+/u)) {
    if (!surface) continue;
    const folded = foldText(surface);
    if (STOP_WORDS.has(folded) || /^[a-z]$/.test(folded) || /^\d+$/.test(folded)) continue;
    const stem = stemWord(folded);
    tokens.push({ surface, folded, stem, weight: GENERIC_STEMS.has(stem) ? GENERIC_WEIGHT : 1 });
  }
  return tokens;
}

/** Typos allowed grow with word length: none below 5 letters, 1 from 5, 2 from 8. */
function fuzzyQuality(left: string, right: string): number {
  // People rarely mistype the first letter; requiring it keeps "mining" away from "dining".
  if (left[0] !== right[0]) return 0;
  const shorter = Math.min(left.length, right.length);
  const allowed = shorter >= 8 ? 2 : shorter >= 5 ? 1 : 0;
  if (allowed === 0) return 0;
  const distance = editDistance(left, right, allowed);
  if (distance === 1) return FUZZY_ONE;
  // Two extra letters at the end are another word, not a typo ("hospital" / "hospitalit(y)").
  const extension = left.startsWith(right) || right.startsWith(left);
  if (distance === 2 && allowed >= 2 && !extension) return FUZZY_TWO;
  return 0;
}

interface KeywordToken {
  readonly folded: string;
  readonly stem: string;
}

/**
 * 1 for the same word (after stemming), less for a probable typo, 0 otherwise. A word that the
 * catalog knows exactly is never read as a typo of another one: "rental" is not "dental".
 */
function tokenQuality(request: RequestToken, keyword: KeywordToken): number {
  if (request.stem === keyword.stem || request.folded === keyword.folded) return 1;
  if (KNOWN_STEMS.has(request.stem) || KNOWN_WORDS.has(request.folded)) return 0;
  return Math.max(
    fuzzyQuality(request.folded, keyword.folded),
    fuzzyQuality(request.stem, keyword.stem),
  );
}

interface IndexedEntry {
  readonly entry: CatalogEntry;
  readonly singles: readonly KeywordToken[];
  /** Multi-word keywords, longest first so "peluqueria canina" wins over a bare "peluqueria". */
  readonly phrases: ReadonlyArray<readonly KeywordToken[]>;
  readonly phraseWords: readonly KeywordToken[];
}

function indexEntry(entry: CatalogEntry): IndexedEntry {
  const singles = new Map<string, KeywordToken>();
  const phrases = new Map<string, KeywordToken[]>();
  const phraseWords = new Map<string, KeywordToken>();
  const sources = [...entry.keywords, entry.name, entry.id.replace(/_/g, " ")];
  for (const keyword of sources) {
    const tokens = tokenizeIndustry(keyword).map(({ folded, stem }) => ({ folded, stem }));
    if (tokens.length === 1) singles.set(tokens[0]!.folded, tokens[0]!);
    else if (tokens.length > 1) {
      phrases.set(tokens.map((token) => token.folded).join(" "), tokens);
      for (const token of tokens) phraseWords.set(token.folded, token);
    }
  }
  return {
    entry,
    singles: [...singles.values()],
    phrases: [...phrases.values()].sort((left, right) => right.length - left.length),
    phraseWords: [...phraseWords.values()],
  };
}

const INDEX: readonly IndexedEntry[] = INDUSTRY_CATALOG.map(indexEntry);
const KNOWN_WORDS = new Set(
  INDEX.flatMap((indexed) => [...indexed.singles, ...indexed.phraseWords]).map((t) => t.folded),
);
const KNOWN_STEMS = new Set(
  INDEX.flatMap((indexed) => [...indexed.singles, ...indexed.phraseWords]).map((t) => t.stem),
);

/**
 * Whether any word of `text` is catalog vocabulary: what tells "bar à vin" (a kind of bar) from
 * "escuela de idiomas en madrid" (a place) when the place is not capitalised.
 */
export function hasCatalogWord(text: string): boolean {
  return tokenizeIndustry(text).some(
    (token) => KNOWN_WORDS.has(token.folded) || KNOWN_STEMS.has(token.stem),
  );
}

interface EntryEvidence {
  readonly evidence: number;
  readonly matchedWeight: number;
  readonly tokenMatches: TokenMatchKind[];
  readonly corrections: (string | undefined)[];
}

function scoreEntry(indexed: IndexedEntry, tokens: readonly RequestToken[]): EntryEvidence {
  const tokenMatches: TokenMatchKind[] = tokens.map(() => "none");
  const corrections: (string | undefined)[] = tokens.map(() => undefined);
  let evidence = 0;
  let matchedWeight = 0;
  const record = (
    position: number,
    gained: number,
    kind: TokenMatchKind,
    keyword: KeywordToken,
  ): void => {
    evidence += gained;
    matchedWeight += tokens[position]!.weight;
    tokenMatches[position] = kind;
    if (kind === "fuzzy") corrections[position] = keyword.folded;
  };

  // Exact phrases first, so "travel agent" is not claimed by a typo-tolerant "travel agency".
  for (const minimumQuality of [1, Number.MIN_VALUE]) {
    for (const phrase of indexed.phrases) {
      matchPhrase(phrase, minimumQuality);
    }
  }

  function matchPhrase(phrase: readonly KeywordToken[], minimumQuality: number): void {
    for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
      const qualities = phrase.map((keyword, offset) =>
        tokenMatches[start + offset] === "none"
          ? tokenQuality(tokens[start + offset]!, keyword)
          : 0,
      );
      if (qualities.some((quality) => quality < minimumQuality)) continue;
      evidence += PHRASE_BONUS;
      qualities.forEach((quality, offset) =>
        record(
          start + offset,
          tokens[start + offset]!.weight * quality,
          quality === 1 ? "exact" : "fuzzy",
          phrase[offset]!,
        ),
      );
      return;
    }
  }

  tokens.forEach((token, position) => {
    if (tokenMatches[position] !== "none") return;
    const best: { gained: number; kind: TokenMatchKind; keyword?: KeywordToken } = {
      gained: 0,
      kind: "none",
    };
    const consider = (gained: number, kind: TokenMatchKind, keyword: KeywordToken): void => {
      if (gained > best.gained + 1e-9) Object.assign(best, { gained, kind, keyword });
    };
    for (const keyword of indexed.singles) {
      const quality = tokenQuality(token, keyword);
      consider(quality * token.weight, quality === 1 ? "exact" : "fuzzy", keyword);
      if (quality === 1) break;
      if (
        keyword.folded.length >= 5 &&
        token.folded.length >= keyword.folded.length + 3 &&
        (token.folded.startsWith(keyword.folded) || token.folded.endsWith(keyword.folded))
      ) {
        consider(COMPOUND_WEIGHT * token.weight, "partial", keyword);
      }
    }
    if (best.kind !== "exact") {
      for (const keyword of indexed.phraseWords) {
        const quality = tokenQuality(token, keyword);
        consider(
          quality * PARTIAL_PHRASE_WEIGHT * token.weight,
          quality === 1 ? "partial" : "fuzzy",
          keyword,
        );
      }
    }
    if (best.keyword && best.gained > 0) record(position, best.gained, best.kind, best.keyword);
  });

  return { evidence, matchedWeight, tokenMatches, corrections };
}

/** The best entry with the evidence behind it, or undefined when nothing clears the threshold. */
export function explainIndustryMatch(request: string): IndustryMatchDetail | undefined {
  const tokens = tokenizeIndustry(request);
  const totalWeight = tokens.reduce((sum, token) => sum + token.weight, 0);
  if (totalWeight === 0) return undefined;

  let best: IndustryMatchDetail | undefined;
  for (const indexed of INDEX) {
    const { evidence, matchedWeight, tokenMatches, corrections } = scoreEntry(indexed, tokens);
    if (evidence === 0) continue;
    const coverage = matchedWeight / totalWeight;
    const score = Math.min(1, evidence) * (0.4 + 0.6 * coverage);
    // Strictly greater: on a tie the earlier catalog entry keeps the win.
    if (
      !best ||
      evidence > best.evidence + 1e-9 ||
      (Math.abs(evidence - best.evidence) <= 1e-9 && score > best.score + 1e-9)
    ) {
      best = { entry: indexed.entry, score, evidence, tokens, tokenMatches, corrections };
    }
  }
  return best && best.score >= MATCH_THRESHOLD ? best : undefined;
}

/** Maps a free-text industry onto the curated catalog; undefined when no entry fits well. */
export function matchIndustry(request: string): IndustryMatch | undefined {
  const detail = explainIndustryMatch(request);
  return detail ? { entry: detail.entry, score: detail.score } : undefined;
}

import type { Component } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { nameTokens, stem } from "./words.js";

/** Verbs that are language work whatever follows them. */
const LANGUAGE_VERBS = [
  "summarize",
  "summarise",
  "translate",
  "explain",
  "describe",
  "classify",
  "categorize",
  "categorise",
  "triage",
  "rewrite",
  "compose",
  "draft",
  "analyze",
  "analyse",
  "compare",
  "recommend",
  "paraphrase",
  "proofread",
  "outline",
  "review",
];
/** Texts only a writer produces: asking for one is asking for language work. */
const LANGUAGE_NOUNS = [
  "summary",
  "blurb",
  "description",
  "explanation",
  "translation",
  "analysis",
  "recommendation",
  "comparison",
];
/** Texts that may also be data ("email the report"): language work only when asked to create one. */
const CREATED_NOUNS = [
  ...LANGUAGE_NOUNS,
  "changelog",
  "notes",
  "note",
  "report",
  "digest",
  "announcement",
  "essay",
  "article",
  "message",
];
/** Verbs that create a text when a text noun (or "a"/"an": something new) follows them. */
const CREATION_VERBS = new Set(
  ["write", "generate", "make", "create", "produce", "prepare"].map(stem),
);
/** "Convert X to HTML" is a rewrite only when no offered converter (csv-to-json) does it. */
const CONVERT_VERBS = new Set(["convert", "turn", "transform"].map(stem));
/** How far after a creation verb its object may start: "write a short marketing blurb". */
const OBJECT_WINDOW = 4;

const languageStems = new Set(LANGUAGE_VERBS.map(stem));
const nounStems = new Set(LANGUAGE_NOUNS.map(stem));
const createdStems = new Set(CREATED_NOUNS.map(stem));

/**
 * Whether the request asks for language work (summarise, translate, write a report, draft a
 * description…), the job of the model step. A pure data request ("convert customers.csv to JSON
 * and save it", "email the output of du") must not get one: its answer would replace the exact
 * data. Words inside discovered values and name words of the other chosen components are theirs
 * ("my weekly report workflow" names a workflow, it asks for no report); translating is the
 * translator's job when one is chosen. A creation verb counts even when a writer is named after
 * it: "write a changelog" asks for a text, "write the counts to x.json" does not.
 */
export function asksForLanguageWork(
  request: PlanningRequest,
  chosen: readonly Component[],
): boolean {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const others = chosen.filter((component) => !component.llmLike);
  const ownedStems = new Set(others.flatMap((component) => nameTokens(component.name)).map(stem));
  const hasConverter = others.some((component) => nameTokens(component.name).includes("to"));
  const words = request.words.filter((word) => !valueWords.has(word.index));
  return words.some((word, position) => {
    if (
      nounStems.has(word.stem) ||
      (languageStems.has(word.stem) && !isNoun(word.index, request))
    ) {
      return !owns(ownedStems, word.stem) && !isNamePart(word.index, request, ownedStems);
    }
    if (CONVERT_VERBS.has(word.stem)) return !hasConverter;
    if (!CREATION_VERBS.has(word.stem)) return false;
    const following = words.slice(position + 1, position + 1 + OBJECT_WINDOW);
    return (
      following[0]?.word === "a" ||
      following[0]?.word === "an" ||
      following.some((next) => createdStems.has(next.stem) && !ownedStems.has(next.stem))
    );
  });
}

/**
 * Whether a chosen component's name word covers a request word, or the noun made from it: "save
 * the translation" is google-translate's result, no second translation by the model.
 */
function owns(ownedStems: ReadonlySet<string>, wordStem: string): boolean {
  if (ownedStems.has(wordStem)) return true;
  return [...ownedStems].some((owned) => owned.length >= 5 && wordStem.startsWith(owned));
}

/** Words after which a verb form is a noun: "the review", "a draft", "our outline". */
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "my",
  "our",
  "your",
  "its",
  "their",
]);

/**
 * "Classify the sentiment of the review": a language verb right after a determiner names a text
 * (the thing another step works on), it asks for no writing.
 */
function isNoun(index: number, request: PlanningRequest): boolean {
  const before = request.words[index - 1]?.word;
  return before !== undefined && DETERMINERS.has(before);
}

/**
 * "the weekly report workflow": a noun right before or after another chosen component's name word
 * is part of that name, not a text to write.
 */
function isNamePart(
  index: number,
  request: PlanningRequest,
  ownedStems: ReadonlySet<string>,
): boolean {
  const neighbours = [request.words[index - 1], request.words[index + 1]];
  return neighbours.some((word) => word !== undefined && ownedStems.has(word.stem));
}

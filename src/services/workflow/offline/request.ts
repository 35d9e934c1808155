import { discoveredTexts, foldCase, needleOf, wordOccurrences } from "../discovered-values.js";
import type { RequestWord } from "./words.js";
import { requestWords } from "./words.js";

/** A discovered parameter: a value the request carries, to be turned into a declared input. */
export interface DiscoveredParam {
  name: string;
  value: unknown;
  /** Texts that must never appear in params (discoveredTexts: the `hardcoded` rule's view). */
  literals: string[];
  /** Indexes of the request words the value covers (its position in the request). */
  wordIndexes: number[];
}

/** The user's request as the planner reads it. */
export interface PlanningRequest {
  text: string;
  words: RequestWord[];
  discovered: DiscoveredParam[];
}

/** Reads the request and the discovered values in a fixed order (sorted names). */
export function readRequest(text: string, discovered: Record<string, unknown>): PlanningRequest {
  const words = requestWords(text);
  const params = Object.keys(discovered)
    .sort()
    .map((name) => {
      const value = discovered[name];
      const literals = discoveredTexts(value);
      return { name, value, literals, wordIndexes: wordIndexesOf(text, words, literals) };
    });
  return { text, words, discovered: params };
}

function wordIndexesOf(text: string, words: RequestWord[], literals: string[]): number[] {
  const indexes = new Set<number>();
  const folded = foldCase(text);
  for (const literal of literals) {
    for (const start of wordOccurrences(folded, needleOf(literal))) {
      // Sliced before lower-casing: folded offsets are the original text's.
      const before =
        text
          .slice(0, start)
          .toLowerCase()
          .match(/[a-z0-9]+/g)?.length ?? 0;
      const count = literal.toLowerCase().match(/[a-z0-9]+/g)?.length ?? 0;
      for (let offset = 0; offset < count; offset++) {
        // A literal that starts mid-word ("#releases") still starts at the next whole word.
        const index = before + offset;
        if (index < words.length) indexes.add(index);
      }
    }
  }
  return [...indexes].sort((left, right) => left - right);
}

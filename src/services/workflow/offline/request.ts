import { escapeRegExp } from "../../text/escape-reg-exp.js";
import type { RequestWord } from "./words.js";
import { requestWords } from "./words.js";

/** A discovered parameter: a value the request carries, to be turned into a declared input. */
export interface DiscoveredParam {
  name: string;
  value: unknown;
  /** Literal texts that must never appear in params (the `hardcoded` rule's view of the value). */
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
      const literals = literalsOf(value);
      return { name, value, literals, wordIndexes: wordIndexesOf(text, words, literals) };
    });
  return { text, words, discovered: params };
}

/**
 * The texts the validator's `hardcoded` rule looks for: strings and numbers, items of arrays;
 * booleans and one-character values are ignored there, so they are here.
 */
function literalsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) =>
      typeof item === "number" && Number.isFinite(item)
        ? String(item)
        : typeof item === "string"
          ? item.trim()
          : "",
    )
    .filter((item) => item.length >= 2 && !/^(true|false|null|none|yes|no)$/i.test(item));
}

/** Escaped for a RegExp that finds the literal on word boundaries, as the validator does. */
export function literalPattern(literal: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_])${escapeRegExp(literal)}(?![A-Za-z0-9_])`, "gi");
}

function wordIndexesOf(text: string, words: RequestWord[], literals: string[]): number[] {
  const indexes = new Set<number>();
  const lower = text.toLowerCase();
  for (const literal of literals) {
    for (const match of lower.matchAll(literalPattern(literal))) {
      const before = lower.slice(0, match.index).match(/[a-z0-9]+/g)?.length ?? 0;
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

import type { Slot } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { inputTypeOf } from "./value-types.js";
import { nameTokens, stem } from "./words.js";

/** Words that turn the next words of the request around: "without overwriting", "don't append". */
const NEGATIONS = new Set(["not", "no", "never", "without", "dont", "don", "t", "nor"]);
/** A description that is only a list of choices: "open, closed or all", "GET, POST or PUT". */
const CHOICES = /^([A-Za-z][\w-]*)((?:\s*,\s*[A-Za-z][\w-]*)*)\s*,?\s+or\s+([A-Za-z][\w-]*)$/;

/**
 * A value the request states for a documented parameter that no discovered value fills, or
 * undefined. Two narrow forms, so a parameter is never set on a guess:
 * - a boolean whose every name word the request says, not after a negation ("overwriting the
 *   existing file" sets `overwrite`; "without overwriting" does not);
 * - a text whose description lists its choices ("open, closed or all") when the request says
 *   exactly one of them ("the issues closed in …" sets `state: "closed"`), as the context spells it.
 * Words inside discovered values do not count: they are data, not wishes.
 */
export function statedValue(slot: Slot, request: PlanningRequest): unknown {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const words = request.words.filter((word) => !valueWords.has(word.index));
  const said = (token: string) =>
    words.some(
      (word) =>
        word.stem === stem(token) &&
        !request.words
          .slice(Math.max(0, word.index - 2), word.index)
          .some((before) => NEGATIONS.has(before.word)),
    );
  const type = inputTypeOf(slot.type);
  if (type === "boolean") {
    const tokens = nameTokens(slot.name);
    return tokens.length > 0 && tokens.every(said) ? true : undefined;
  }
  if (type !== undefined && type !== "string") return undefined;
  const match = CHOICES.exec(slot.description.trim());
  if (match === null) return undefined;
  const choices = [
    match[1]!,
    ...match[2]!.split(",").map((choice) => choice.trim()),
    match[3]!,
  ].filter((choice) => choice !== "");
  const stated = choices.filter((choice) => said(choice));
  return stated.length === 1 ? stated[0] : undefined;
}

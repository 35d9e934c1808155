import type { Slot } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { inputTypeOf } from "./value-types.js";
import type { RequestWord } from "./words.js";
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
  const type = inputTypeOf(slot.type);
  if (type === "boolean") {
    const tokens = nameTokens(slot.name);
    // A plural flag said in the singular is about one thing: "push the tag" is not `tags`
    // ("Also push all tags").
    const says = (token: string) =>
      saidWords(token, request).some(
        (word) => !(token.endsWith("s") && word.word === token.slice(0, -1)),
      );
    return tokens.length > 0 && tokens.every(says) ? true : undefined;
  }
  const stated = [...new Set(statedChoices(slot, request).map((entry) => entry.choice))];
  return stated.length === 1 ? stated[0] : undefined;
}

/**
 * The request words that say one of the choices a text slot's description lists ("the open pull
 * requests" says `open` of "open, closed or all"), with the choice each says.
 */
export function statedChoices(
  slot: Slot,
  request: PlanningRequest,
): { choice: string; word: RequestWord }[] {
  const type = inputTypeOf(slot.type);
  if (type !== undefined && type !== "string") return [];
  const match = CHOICES.exec(slot.description.trim());
  if (match === null) return [];
  const choices = [
    match[1]!,
    ...match[2]!.split(",").map((choice) => choice.trim()),
    match[3]!,
  ].filter((choice) => choice !== "");
  return choices.flatMap((choice) => saidWords(choice, request).map((word) => ({ choice, word })));
}

/** Request words outside discovered values with the token's stem, not after a negation. */
function saidWords(token: string, request: PlanningRequest): RequestWord[] {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  return request.words.filter(
    (word) =>
      !valueWords.has(word.index) &&
      word.stem === stem(token) &&
      !request.words
        .slice(Math.max(0, word.index - 2), word.index)
        .some((before) => NEGATIONS.has(before.word)),
  );
}

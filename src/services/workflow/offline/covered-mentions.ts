import type { Binding } from "./bind-params.js";
import type { Component } from "./components.js";
import type { PlanningRequest } from "./request.js";
import { GENERIC_TOKENS, mentionStems, nameTokens, stem } from "./words.js";

/**
 * Chosen components less those the request mentions only through words that name parameters of
 * another chosen component it gives values to, and that take no value themselves: "append the
 * rows to orders.csv" sets csv-export's `append` and feeds its `rows`; it is no wish for
 * spreadsheet-append-row, which would need an invented spreadsheet id.
 */
export function dropCoveredMentions(
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): Component[] {
  const takesValue = (component: Component) =>
    bindings.some((binding) => binding.component === component);
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const words = request.words.filter((word) => !valueWords.has(word.index));
  return chosen.filter((component) => {
    if (component.llmLike || takesValue(component)) return true;
    const mentions = words.filter((word) =>
      nameTokens(component.name).some(
        (token) => !GENERIC_TOKENS.has(token) && mentionStems(token).has(word.stem),
      ),
    );
    if (mentions.length === 0) return true;
    const covering = chosen.filter(
      (other) => other !== component && !other.llmLike && takesValue(other),
    );
    const slotStems = new Set(
      covering.flatMap((other) =>
        other.slots.filter((slot) => slot.path.length === 1).map((slot) => stem(slot.name)),
      ),
    );
    return !mentions.every((word) => slotStems.has(word.stem));
  });
}

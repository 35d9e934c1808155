import type { Binding } from "./bind-params.js";
import type { Component, Slot } from "./components.js";
import { isSink } from "./relevance.js";
import type { PlanningRequest } from "./request.js";
import { statedValue } from "./stated-values.js";
import { inputTypeOf } from "./value-types.js";
import { bestOutput, dataOutputs, isTextName } from "./wiring.js";
import { GENERIC_TOKENS, mentionStems, nameTokens } from "./words.js";

/**
 * Drops a chosen reader or transform the request did not clearly ask for and that would need an
 * invented required input: "the failed Stripe charges" names stripe-list-charges; it does not
 * ask for stripe-get-customer, whose `customer_id` nothing gives. Clearly asked means the request
 * says a name word no other chosen component has. A component the request does ask for keeps
 * today's behaviour (a value the user supplies at run time, or a failure naming it).
 */
export function dropUnneeded(
  chosen: readonly Component[],
  bindings: readonly Binding[],
  request: PlanningRequest,
): Component[] {
  const bound = new Set(bindings.map((binding) => binding.slot));
  return chosen.filter((component) => {
    if (component.llmLike || isSink(component) || component.kind === "workflow") return true;
    if (clearlyAsked(component, chosen, request)) return true;
    const others = chosen.filter((other) => other !== component && !other.llmLike);
    return component.slots.every(
      (slot) =>
        !slot.required ||
        bound.has(slot) ||
        statedValue(slot, request) !== undefined ||
        others.some((other) => canFeed(other, slot)),
    );
  });
}

/** The request says one of the component's name words that no other chosen component has. */
function clearlyAsked(
  component: Component,
  chosen: readonly Component[],
  request: PlanningRequest,
): boolean {
  const valueWords = new Set(request.discovered.flatMap((param) => param.wordIndexes));
  const shared = new Set(
    chosen.filter((other) => other !== component).flatMap((other) => nameTokens(other.name)),
  );
  const own = nameTokens(component.name).filter(
    (token) => !GENERIC_TOKENS.has(token) && !shared.has(token),
  );
  return request.words.some(
    (word) =>
      !valueWords.has(word.index) && own.some((token) => mentionStems(token).has(word.stem)),
  );
}

/** Whether an output of `producer` can fill `slot`: by name, as text, or as the same structure. */
function canFeed(producer: Component, slot: Slot): boolean {
  if (bestOutput(producer.outputs, slot) !== undefined) return true;
  const outputs = dataOutputs(producer.outputs);
  if (isTextName(slot.name) && outputs.length > 0) return true;
  return outputs.some((name) => sameStructure(producer.outputs[name]!, slot.type));
}

/** Two declared list or dict types that are the same ("list[dict]" and "list[dict]"). */
export function sameStructure(from: string, to: string): boolean {
  const shape = inputTypeOf(to);
  if (shape !== "array" && shape !== "object") return false;
  const normal = (type: string) => type.toLowerCase().replace(/\s+/g, "");
  return normal(from) === normal(to);
}
